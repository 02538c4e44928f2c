// Expected strings come from the real formatter (awscli/text.py, same in v1 and v2) run on the same data.
import {describe, expect, it} from 'vitest';
import {formatText} from '../../source/cli/output/text.js';
import {regions, reservations, twoImages} from './fixtures.js';

describe('formatText (awscli/text.py)', () => {
	it('prints describe-images rows: sorted scalars, nested lists led by the UPPERCASED key, None/True/False', () => {
		expect(formatText(twoImages)).toBe(
			'IMAGES\tx86_64\t2026-09-01T08:00:00.000Z\tNone\tami-0abcdef1234567890\tgolden-v1\t123456789012\tFalse\tavailable\n'
			+ 'BLOCKDEVICEMAPPINGS\t/dev/xvda\n'
			+ 'EBS\tTrue\tFalse\tsnap-066877671789bd71b\t8\tgp3\n'
			+ 'TAGS\tName\tgolden\n'
			+ 'TAGS\tteam\tweb\n'
			+ 'IMAGES\tarm64\t\t\tami-0123456789abcdef0\tsecond one with a much longer name to force scaling of the columns\t123456789012\tTrue\tpending\n',
		);
	});

	it('prints nested reservations and instances', () => {
		expect(formatText(reservations)).toBe(
			'RESERVATIONS\t123\tr-1\nINSTANCES\ti-1\nSECURITYGROUPS\tsg-1\tdefault\nSTATE\t16\trunning\nTAGS\tName\tweb\nINSTANCES\ti-2\nSTATE\t80\tstopped\n',
		);
	});

	it('prints describe-regions', () => {
		expect(formatText(regions)).toBe(
			'REGIONS\tec2.us-east-1.amazonaws.com\topt-in-not-required\tus-east-1\nREGIONS\tec2.eu-west-1.amazonaws.com\topt-in-not-required\teu-west-1\n',
		);
	});

	it('prints --query results: a list of lists as rows, a list of scalars on one line, a scalar bare, null as None', () => {
		expect(formatText([['ami-68055887da7421009', 'My server', 'available']])).toBe('ami-68055887da7421009\tMy server\tavailable\n');
		expect(formatText(['ami-1', 'ami-2'])).toBe('ami-1\tami-2\n');
		expect(formatText('ami-1')).toBe('ami-1\n');
		expect(formatText(null)).toBe('None\n');
		expect(formatText([1, [2, 3], 'a', [4]])).toBe('1\ta\n2\t3\n4\n');
	});

	it('a multiselect hash list prints values in sorted key order', () => {
		expect(formatText([{AMI: 'ami-1', ID: 'i-1', State: 'running', Type: 't3.micro'}])).toBe('ami-1\ti-1\trunning\tt3.micro\n');
	});

	it('prints nothing for {} and [] and empty nested lists', () => {
		expect(formatText({})).toBe('');
		expect(formatText([])).toBe('');
		expect(formatText({Images: []})).toBe('');
		expect(formatText({a: [], b: {}, c: [[]], d: 0, e: ''})).toBe('0\t\n');
	});

	it('a dict inside a list with differing keys pads missing scalars with empty strings', () => {
		expect(formatText([{a: 1, b: {c: 2}}, {a: 3, d: [1, 2]}])).toBe('1\nB\t2\n3\nD\t1\nD\t2\n');
	});

	it('fails like text.py on a list mixing dicts and scalars', () => {
		expect(() => formatText([{a: 1}, 'x'])).toThrow('\'str\' object has no attribute \'items\'');
	});
});
