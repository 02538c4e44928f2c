// The CLI's JSON formatter: json.dump(response, indent=4, ensure_ascii=False) + '\n'
// (awscli/formatter.py JSONFormatter), skipped entirely when the response is exactly {}.
import {isObject, type JsonValue} from './json-value.js';
import {pyFloat, pyNumber} from './python-text.js';

const ESCAPES: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'};

/** json.dumps string encoding with ensure_ascii=False: only quote, backslash and C0 controls escape. */
export const pyJsonString = (text: string): string => {
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

/** Python's json.dumps(value, indent=indent, ensure_ascii=False) (separators ',' and ': '). */
export const pyJsonDumps = (value: unknown, indent = 4, level = 0): string => {
	if (value === null || value === undefined) return 'null';
	if (value === true) return 'true';
	if (value === false) return 'false';
	if (typeof value === 'number') return jsonNumber(value);
	if (typeof value === 'string') return pyJsonString(value);
	const inner = '\n' + ' '.repeat(indent * (level + 1));
	const outer = '\n' + ' '.repeat(indent * level);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return '[' + value.map((item) => inner + pyJsonDumps(item, indent, level + 1)).join(',') + outer + ']';
	}
	if (isObject(value)) {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		return '{' + entries.map(([k, v]) => inner + pyJsonString(k) + ': ' + pyJsonDumps(v, indent, level + 1)).join(',') + outer + '}';
	}
	return pyJsonString(String(value));
};

const isEmptyObject = (value: unknown): boolean => isObject(value) && Object.keys(value).length === 0;

/** What `--output json` prints for a (possibly --query'd) response: nothing for {}, else the dump. */
export const formatJson = (response: JsonValue | undefined): string => {
	if (response === undefined || isEmptyObject(response)) return '';
	return pyJsonDumps(response) + '\n';
};
