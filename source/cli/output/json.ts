// The CLI's JSON formatter: json.dump(response, indent=4, ensure_ascii=False) + '\n'
// (awscli/formatter.py JSONFormatter), skipped entirely when the response is exactly {}.
import {isObject, type JsonValue} from './json-value.js';
import {pyFloat, pyNumber} from './python-text.js';

const ESCAPES: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001F]/;

/** json.dumps string encoding with ensure_ascii=False: only quote, backslash and C0 controls escape. */
export const pyJsonString = (text: string): string => {
	// most strings (ids, names, states) need no escape: one copy, not a string per character
	if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
	let out = '"';
	for (const ch of text) {
		const escaped = ESCAPES[ch];
		if (escaped !== undefined) out += escaped;
		else if (ch.charCodeAt(0) < 0x20) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
		else out += ch;
	}
	return out + '"';
};

const jsonNumber = (value: number): string => {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return 'Infinity';
	if (value === -Infinity) return '-Infinity';
	return Number.isInteger(value) ? pyNumber(value) : pyFloat(value);
};

const newlines: string[] = [];
/** A newline and `spaces` spaces (made once per depth). */
const newline = (spaces: number): string => (newlines[spaces] ??= '\n' + ' '.repeat(spaces));

/** Appends the dump of `value` to `out` (one array for the whole dump, joined once). */
const dump = (value: unknown, indent: number, level: number, out: string[]): void => {
	if (value === null || value === undefined) out.push('null');
	else if (value === true) out.push('true');
	else if (value === false) out.push('false');
	else if (typeof value === 'number') out.push(jsonNumber(value));
	else if (typeof value === 'string') out.push(pyJsonString(value));
	else if (Array.isArray(value)) {
		if (value.length === 0) {
			out.push('[]');
			return;
		}

		const inner = newline(indent * (level + 1));
		out.push('[');
		value.forEach((item, k) => {
			out.push(k === 0 ? inner : `,${inner}`);
			dump(item, indent, level + 1, out);
		});
		out.push(newline(indent * level), ']');
	} else if (isObject(value)) {
		const inner = newline(indent * (level + 1));
		let first = true;
		for (const key of Object.keys(value)) {
			const item = value[key];
			if (item === undefined) continue;
			out.push(first ? `{${inner}` : `,${inner}`, pyJsonString(key), ': ');
			first = false;
			dump(item, indent, level + 1, out);
		}

		out.push(first ? '{}' : `${newline(indent * level)}}`);
	} else out.push(pyJsonString(String(value)));
};

/** Python's json.dumps(value, indent=indent, ensure_ascii=False) (separators ',' and ': '). */
export const pyJsonDumps = (value: unknown, indent = 4, level = 0): string => {
	const out: string[] = [];
	dump(value, indent, level, out);
	return out.join('');
};

const isEmptyObject = (value: unknown): boolean => isObject(value) && Object.keys(value).length === 0;

/** What `--output json` prints for a (possibly --query'd) response: nothing for {}, else the dump. */
export const formatJson = (response: JsonValue | undefined): string => {
	if (response === undefined || isEmptyObject(response)) return '';
	return pyJsonDumps(response) + '\n';
};
