// Expected strings are Python's json.dumps(value, indent=4, ensure_ascii=False) output.
import {describe, expect, it} from 'vitest';
import {formatJson, pyJsonDumps} from '../../source/cli/output/json.js';

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
});
