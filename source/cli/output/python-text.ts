// How CPython turns values into text: str() for the text/table formatters, repr() inside
// containers and in JMESPath error messages, and float formatting shared with json.dumps.
import {isObject} from './json-value.js';

/**
 * repr(float)/str(float) for a non-integral number. JavaScript and Python both print the shortest
 * round-tripping digits; they differ only in when they switch to exponent form (Python: exponent
 * < -4 or >= 16) and in the exponent's width (Python pads it to two digits).
 */
export const pyFloat = (value: number): string => {
	if (Number.isNaN(value)) return 'nan';
	if (value === Infinity) return 'inf';
	if (value === -Infinity) return '-inf';
	const [mantissa, expText] = value.toExponential().split('e');
	const exp = Number(expText);
	if (exp < -4 || exp >= 16) {
		const sign = exp < 0 ? '-' : '+';
		const digits = String(Math.abs(exp)).padStart(2, '0');
		return `${mantissa}e${sign}${digits}`;
	}
	return String(value);
};

/**
 * A JSON number as Python would print it. Integral values are treated as Python ints (the
 * response parser yields ints for integer/long members); other numbers as floats.
 */
export const pyNumber = (value: number): string => {
	if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
	return pyFloat(value);
};

/** repr(str): single quotes unless the text holds a single quote and no double quote. */
export const pyStrRepr = (text: string): string => {
	const quote = text.includes('\'') && !text.includes('"') ? '"' : '\'';
	let out = quote;
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (ch === quote || ch === '\\') out += `\\${ch}`;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
		else out += ch;
	}
	return out + quote;
};

/** repr() of a JSON-like value (None, True, 'text', [..], {..}). */
export const pyRepr = (value: unknown): string => {
	if (value === null || value === undefined) return 'None';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') return pyNumber(value);
	if (typeof value === 'string') return pyStrRepr(value);
	if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
	if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
	return String(value);
};

/** str() of a value: strings bare, everything else as repr(). */
export const pyStr = (value: unknown): string => (typeof value === 'string' ? value : pyRepr(value));
