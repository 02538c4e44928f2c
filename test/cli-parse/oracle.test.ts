// Compares our ports against botocore/awscli themselves: fixtures/botocore-oracle.json was
// produced by running botocore 1.43.11 / awscli 1.45.11 (xform_name, ShorthandParser,
// difflib.get_close_matches over the EC2 operation names).
import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {cliOperationNames} from '../../source/cli/catalogue.js';
import {parseShorthand} from '../../source/cli/shorthand.js';
import {closeMatches} from '../../source/cli/suggest.js';
import {xformName} from '../../source/cli/xform-name.js';

type Oracle = {xform: Record<string, string>; operations: string[]; closeMatches08: Record<string, string[]>; closeMatches06: Record<string, string[]>; shorthand: Record<string, unknown>};
const oracle = createRequire(import.meta.url)('./fixtures/botocore-oracle.json') as Oracle;

describe('xform_name', () => {
	it('matches botocore for every EC2 operation and input member', () => {
		for (const [name, expected] of Object.entries(oracle.xform)) {
			expect(xformName(name, '-'), name).toBe(expected);
		}
	});

	it('keeps Ipv6 together and handles pluralised acronyms', () => {
		expect(xformName('AssignIpv6Addresses', '-')).toBe('assign-ipv6-addresses');
		expect(xformName('DescribeImageAttribute', '-')).toBe('describe-image-attribute');
		expect(xformName('GatewayARNs', '_')).toBe('gateway_arns');
	});
});

describe('catalogue', () => {
	it('lists exactly the operations botocore has, by CLI name', () => {
		expect(cliOperationNames()).toEqual(oracle.operations);
	});
});

describe('difflib.get_close_matches', () => {
	it('agrees with Python at the CLI cutoff (0.8) and the default (0.6)', () => {
		for (const [word, expected] of Object.entries(oracle.closeMatches08)) {
			expect(closeMatches(word, oracle.operations, 3, 0.8), word).toEqual(expected);
		}

		for (const [word, expected] of Object.entries(oracle.closeMatches06)) {
			expect(closeMatches(word, oracle.operations), word).toEqual(expected);
		}
	});
});

describe('shorthand parser', () => {
	it('parses like awscli ShorthandParser', () => {
		for (const [input, expected] of Object.entries(oracle.shorthand)) {
			expect(parseShorthand(input), input).toEqual(expected);
		}
	});
});
