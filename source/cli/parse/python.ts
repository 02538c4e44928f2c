// How Python would show a value: botocore's validation messages print `str(value)` and
// `type(value)` of the parsed parameters, so our params need Python spellings.

/** Raw bytes read through fileb:// (kept apart from text until blobs are resolved). */
export class RawBytes {
	constructor(readonly text: string) {}
}

/** A JSON number written with a fraction or exponent (Python float even when integral). */
export class PyFloat {
	constructor(readonly value: number) {}
}

export const pyTypeName = (value: unknown): string => {
	if (value === null || value === undefined) {
		return 'NoneType';
	}

	if (typeof value === 'string') {
		return 'str';
	}

	if (typeof value === 'boolean') {
		return 'bool';
	}

	if (typeof value === 'number' || typeof value === 'bigint') {
		return Number.isInteger(value) || typeof value === 'bigint' ? 'int' : 'float';
	}

	if (value instanceof PyFloat) {
		return 'float';
	}

	if (value instanceof RawBytes) {
		return 'bytes';
	}

	return Array.isArray(value) ? 'list' : 'dict';
};

export const pyType = (value: unknown): string => `<class '${pyTypeName(value)}'>`;

const quoteString = (s: string): string => {
	const quote = s.includes('\'') && !s.includes('"') ? '"' : '\'';
	let out = quote;
	for (const c of s) {
		const code = c.codePointAt(0)!;
		if (c === '\\') {
			out += '\\\\';
		} else if (c === quote) {
			out += `\\${c}`;
		} else if (c === '\n') {
			out += '\\n';
		} else if (c === '\r') {
			out += '\\r';
		} else if (c === '\t') {
			out += '\\t';
		} else if (code < 0x20 || code === 0x7f) {
			out += `\\x${code.toString(16).padStart(2, '0')}`;
		} else {
			out += c;
		}
	}

	return out + quote;
};

const floatRepr = (n: number): string => {
	if (Number.isNaN(n)) {
		return 'nan';
	}

	if (!Number.isFinite(n)) {
		return n > 0 ? 'inf' : '-inf';
	}

	if (Number.isInteger(n) && Math.abs(n) < 1e16) {
		return `${n}.0`;
	}

	const s = String(n);
	const exponent = /^(.*)e([+-])(\d+)$/.exec(s);
	return exponent ? `${exponent[1]}e${exponent[2]}${exponent[3].padStart(2, '0')}` : s;
};

/** repr(value) */
export const pyRepr = (value: unknown): string => {
	if (typeof value === 'string') {
		return quoteString(value);
	}

	if (value instanceof RawBytes) {
		return `b${quoteString(value.text)}`;
	}

	if (Array.isArray(value)) {
		return `[${value.map(pyRepr).join(', ')}]`;
	}

	if (value instanceof PyFloat) {
		return floatRepr(value.value);
	}

	if (value !== null && typeof value === 'object') {
		return `{${Object.entries(value).map(([k, v]) => `${quoteString(k)}: ${pyRepr(v)}`).join(', ')}}`;
	}

	return pyStr(value);
};

/** str(value) */
export const pyStr = (value: unknown): string => {
	if (value === null || value === undefined) {
		return 'None';
	}

	if (typeof value === 'string') {
		return value;
	}

	if (typeof value === 'boolean') {
		return value ? 'True' : 'False';
	}

	if (typeof value === 'number') {
		return Number.isInteger(value) ? String(value) : floatRepr(value);
	}

	if (typeof value === 'bigint') {
		return String(value);
	}

	return pyRepr(value);
};

/** Python's int(str): optional sign, digits with single underscores, surrounding whitespace. */
export const pyInt = (text: string): number => {
	const match = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
	if (!match) {
		throw new PyValueError(`invalid literal for int() with base 10: ${quoteString(text)}`);
	}

	return Number(`${match[1]}${match[2].replaceAll('_', '')}`);
};

/** Python's float(str). */
export const pyFloat = (text: string): number => {
	const t = text.trim().replaceAll('_', '');
	if (/^[+-]?(inf|infinity)$/i.test(t)) {
		return t.startsWith('-') ? -Infinity : Infinity;
	}

	if (/^[+-]?nan$/i.test(t)) {
		return Number.NaN;
	}

	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
		throw new PyValueError(`could not convert string to float: ${quoteString(text)}`);
	}

	return Number(t);
};

/** A Python ValueError/TypeError the CLI does not catch: exit 255 with its message. */
export class PyValueError extends Error {}
