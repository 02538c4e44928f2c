// Expected strings are Python's json.dumps(value, indent=4, ensure_ascii=False) output.
import {describe, expect, it} from 'vitest';
import {formatJson, pyJsonDumps, pyJsonString} from '../../source/cli/output/json.js';

describe('formatJson (JSONFormatter)', () => {
	it('prints nothing for an empty {} response (operations without output)', () => {
		expect(formatJson({})).toBe('');
		expect(formatJson(undefined)).toBe('');
	});

	it('prints other falsy results after --query: null, [], false, 0, ""', () => {
		expect(formatJson(null)).toBe('null\n');
		expect(formatJson([])).toBe('[]\n');
		expect(formatJson(false)).toBe('false\n');
		expect(formatJson(0)).toBe('0\n');
		expect(formatJson('')).toBe('""\n');
	});

	it('quotes a scalar string (--query KeyName)', () => {
		expect(formatJson('MyKeyPair')).toBe('"MyKeyPair"\n');
	});

	it('indents by 4 and keeps empty containers inline', () => {
		expect(formatJson({a: [], b: {}, c: [[]], d: 0, e: ''})).toBe('{\n    "a": [],\n    "b": {},\n    "c": [\n        []\n    ],\n    "d": 0,\n    "e": ""\n}\n');
	});

	it('deregister-image output', () => {
		expect(formatJson({Return: true})).toBe('{\n    "Return": true\n}\n');
	});

	it('keeps non-ASCII text, escapes C0 controls, prints floats like Python', () => {
		expect(formatJson({Name: '日本語のイメージ', Size: 1.5, Tiny: 1e-7, Uni: 'é\u0001\t'}))
			.toBe('{\n    "Name": "日本語のイメージ",\n    "Size": 1.5,\n    "Tiny": 1e-07,\n    "Uni": "é\\u0001\\t"\n}\n');
	});

	it('escapes like json.dumps: quotes, backslashes, \\b \\f \\n \\r, not DEL or U+2028', () => {
		expect(pyJsonDumps('a"b\\c\b\f\n\r\u007f\u2028')).toBe('"a\\"b\\\\c\\b\\f\\n\\r\u007f\u2028"');
		expect(pyJsonDumps(1e22)).toBe('10000000000000000000000');
		expect(pyJsonDumps(0.5e-10)).toBe('5e-11');
		expect(pyJsonDumps(Number.NaN)).toBe('NaN');
	});

	it('escapes strings as json.dumps(ensure_ascii=False) does, with and without characters to escape', () => {
		// JSON.stringify escapes the same characters the same way for well-formed text
		const pieces = ['a', 'ami-0abc', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u0001', '\u001f', ' ', '\u007f', 'é', '€', '\u2028', '😀'];
		let seed = 11;
		for (let n = 0; n < 2000; n++) {
			let text = '';
			const length = n % 9;
			for (let k = 0; k < length; k++) {
				seed = (seed * 1_103_515_245 + 12_345) & 0x7f_ff_ff_ff;
				text += pieces[seed % pieces.length];
			}

			expect(pyJsonString(text)).toBe(JSON.stringify(text));
		}
	});

	it('lays out nested values as json.dumps(indent=4) does (JSON.stringify agrees for ints, strings, booleans and null)', () => {
		let seed = 5;
		const next = (n: number) => {
			seed = (seed * 1_103_515_245 + 12_345) & 0x7f_ff_ff_ff;
			return seed % n;
		};

		const value = (depth: number): unknown => {
			const kind = next(depth > 3 ? 4 : 6);
			if (kind === 0) return next(1000) - 500;
			if (kind === 1) return ['x', 'a"b', 'é', ''][next(4)];
			if (kind === 2) return [true, false, null][next(3)];
			if (kind === 3) return next(2) === 0 ? [] : {};
			if (kind === 4) return Array.from({length: next(4)}, () => value(depth + 1));
			return Object.fromEntries(Array.from({length: next(4)}, (_, k) => [`k${k}`, value(depth + 1)]));
		};

		for (let n = 0; n < 300; n++) {
			const v = value(0);
			expect(pyJsonDumps(v)).toBe(JSON.stringify(v, null, 4));
		}
	});
});
