// json.loads as the CLI runs it (Python 3.13): same accepted language (NaN, Infinity) and the
// same error messages, which the CLI prints after `Invalid JSON: `.
import {PyFloat} from './python.js';

export class JsonError extends Error {}

type Json = null | boolean | number | PyFloat | string | Json[] | {[key: string]: Json};

const fail = (message: string, s: string, pos: number): never => {
	const before = s.slice(0, pos);
	const line = (before.match(/\n/g)?.length ?? 0) + 1;
	const column = pos - before.lastIndexOf('\n');
	throw new JsonError(`${message}: line ${line} column ${column} (char ${pos})`);
};

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const numberRe = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;

class Decoder {
	private depth = 0;

	constructor(private readonly s: string) {}

	ws(i: number): number {
		while (isWs(this.s[i])) {
			i++;
		}

		return i;
	}

	value(i: number): [Json, number] {
		const s = this.s;
		const c = s[i];
		if (c === '"') {
			return this.string(i + 1);
		}

		if (c === '{') {
			return this.nested(() => this.object(i + 1));
		}

		if (c === '[') {
			return this.nested(() => this.array(i + 1));
		}

		if (s.startsWith('null', i)) {
			return [null, i + 4];
		}

		if (s.startsWith('true', i)) {
			return [true, i + 4];
		}

		if (s.startsWith('false', i)) {
			return [false, i + 5];
		}

		if (s.startsWith('NaN', i)) {
			return [new PyFloat(Number.NaN), i + 3];
		}

		if (s.startsWith('Infinity', i)) {
			return [new PyFloat(Infinity), i + 8];
		}

		if (s.startsWith('-Infinity', i)) {
			return [new PyFloat(-Infinity), i + 9];
		}

		numberRe.lastIndex = i;
		const m = numberRe.exec(s);
		if (m) {
			const n = Number(m[0]);
			return [m[2] || m[3] ? new PyFloat(n) : n, i + m[0].length];
		}

		return fail('Expecting value', s, i);
	}

	nested(f: () => [Json, number]): [Json, number] {
		if (++this.depth > 500) {
			throw new JsonError('maximum recursion depth exceeded while decoding a JSON document');
		}

		const result = f();
		this.depth--;
		return result;
	}

	string(start: number): [string, number] {
		const s = this.s;
		const chunks: string[] = [];
		let i = start;
		for (;;) {
			let j = i;
			while (j < s.length && s[j] !== '"' && s[j] !== '\\' && s.charCodeAt(j) >= 0x20) {
				j++;
			}

			chunks.push(s.slice(i, j));
			if (j >= s.length) {
				return fail('Unterminated string starting at', s, start - 1);
			}

			const c = s[j];
			if (c === '"') {
				return [chunks.join(''), j + 1];
			}

			if (c !== '\\') {
				return fail('Invalid control character at', s, j);
			}

			const e = s[j + 1];
			if (e === undefined) {
				return fail('Unterminated string starting at', s, start - 1);
			}

			const simple: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
			if (e in simple) {
				chunks.push(simple[e]);
				i = j + 2;
				continue;
			}

			if (e !== 'u') {
				return fail('Invalid \\escape', s, j);
			}

			const hex = s.slice(j + 2, j + 6);
			if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
				return fail('Invalid \\uXXXX escape', s, j + 1);
			}

			chunks.push(String.fromCharCode(Number.parseInt(hex, 16)));
			i = j + 6;
		}
	}

	object(i: number): [Json, number] {
		const s = this.s;
		const out: Record<string, Json> = {};
		i = this.ws(i);
		if (s[i] === '}') {
			return [out, i + 1];
		}

		for (;;) {
			if (s[i] !== '"') {
				return fail('Expecting property name enclosed in double quotes', s, i);
			}

			const [key, afterKey] = this.string(i + 1);
			i = this.ws(afterKey);
			if (s[i] !== ':') {
				return fail('Expecting \':\' delimiter', s, i);
			}

			i = this.ws(i + 1);
			const [value, afterValue] = this.value(i);
			Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true});
			i = this.ws(afterValue);
			if (s[i] === '}') {
				return [out, i + 1];
			}

			if (s[i] !== ',') {
				return fail('Expecting \',\' delimiter', s, i);
			}

			const comma = i;
			i = this.ws(i + 1);
			if (s[i] === '}') {
				return fail('Illegal trailing comma before end of object', s, comma);
			}
		}
	}

	array(i: number): [Json, number] {
		const s = this.s;
		const out: Json[] = [];
		i = this.ws(i);
		if (s[i] === ']') {
			return [out, i + 1];
		}

		for (;;) {
			const [value, after] = this.value(i);
			out.push(value);
			i = this.ws(after);
			if (s[i] === ']') {
				return [out, i + 1];
			}

			if (s[i] !== ',') {
				return fail('Expecting \',\' delimiter', s, i);
			}

			const comma = i;
			i = this.ws(i + 1);
			if (s[i] === ']') {
				return fail('Illegal trailing comma before end of array', s, comma);
			}
		}
	}
}

/** Parses like Python's json.loads; throws JsonError with Python's message. */
export const pyJsonLoads = (s: string): unknown => {
	const decoder = new Decoder(s);
	const start = decoder.ws(0);
	const [value, end] = decoder.value(start);
	const after = decoder.ws(end);
	if (after !== s.length) {
		fail('Extra data', s, after);
	}

	return value;
};
