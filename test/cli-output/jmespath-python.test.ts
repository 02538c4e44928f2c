import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {JmesPathError, search} from '../../source/cli/output/query.js';

// The --query engine is a port of jmespath.py, the engine inside the AWS CLI. Each expression of
// the fixture (every built-in function on strings, numbers, nulls and mixed lists; slices,
// projections, filters, comparisons, literals; arity, type and syntax errors) was answered by
// jmespath.py 1.0.1 (scripts/jmespath-oracle.py records them); the port must give the same answer
// or the same error text.

type Case = {expression: string; result?: unknown; error?: string};
const fixture = JSON.parse(readFileSync(new URL('fixtures/jmespath-python.json', import.meta.url), 'utf8')) as {data: unknown; cases: Case[]; engine: string};

const answer = (expression: string): Case => {
	try {
		return {expression, result: search(structuredClone(fixture.data), expression)};
	} catch (error) {
		if (!(error instanceof JmesPathError)) throw error;
		return {expression, error: error.message};
	}
};

/**
 * Where the port cannot follow: JSON's 2.0 is a float in Python and the number 2 in JavaScript, so
 * to_string() prints "2" where the CLI prints "2.0". EC2's answers carry no such number.
 */
const KNOWN_DIFFERENCES = new Map([['to_string(f)', '2']]);

describe(`--query answers as ${fixture.engine} does`, () => {
	it(`gives jmespath.py's answer or error text for all ${fixture.cases.length} expressions`, () => {
		const differ = fixture.cases.filter(c => JSON.stringify(answer(c.expression)) !== JSON.stringify(c));
		expect(differ.map(c => c.expression)).toEqual([...KNOWN_DIFFERENCES.keys()]);
		for (const [expression, result] of KNOWN_DIFFERENCES) expect(answer(expression).result).toBe(result);
	});

	it('picks the newest image by its date string, the commonest AMI idiom (jmespath.js returned null)', () => {
		const images = {Images: [{ImageId: 'ami-old', CreationDate: '2024-01-01T00:00:00.000Z'}, {ImageId: 'ami-new', CreationDate: '2025-06-01T00:00:00.000Z'}]};
		expect(search(images, 'max_by(Images, &CreationDate).ImageId')).toBe('ami-new');
		expect(search(images, 'min_by(Images, &CreationDate).ImageId')).toBe('ami-old');
		expect(search(images, "Images[?CreationDate > '2025'].ImageId")).toEqual(['ami-new']);
	});

	it("a type error prints the CLI's message, never JavaScript's", () => {
		expect(() => search({Images: [{ImageId: 'ami-1'}]}, 'max_by(Images, &to_number(ImageId))')).toThrow("In function max_by(), invalid type for value: None, expected one of: ['number', 'string'], received: \"null\"");
	});

	it('leaves the data as it was (sort and reverse work on copies)', () => {
		const data = {nums: [3, 1, 2]};
		search(data, '[sort(nums), reverse(nums)]');
		expect(data.nums).toEqual([3, 1, 2]);
	});
});
