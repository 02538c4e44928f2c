import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {stringify} from 'yaml';
import {loadLessonDir, parseLesson} from '../../source/lessons/load.js';
import {goodDir} from './fixture.js';

// Loading never throws, whatever the file holds: every problem is an error with the file name.

const good = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8');

const neverThrows = (text: string) => {
	const result = parseLesson(text, 'x.yaml', {F1: 'a'});
	expect(result.lesson !== undefined || result.errors.length > 0).toBe(true);
	for (const error of result.errors) expect(error.file).toBe('x.yaml');
};

describe('loading never throws', () => {
	it('on random text', () => {
		fc.assert(fc.property(fc.string({maxLength: 400}), neverThrows), {numRuns: 300});
	});

	it('on random YAML documents', () => {
		fc.assert(fc.property(fc.anything({maxDepth: 4}), value => neverThrows(stringify(value))), {numRuns: 300});
	});

	it('on the good lesson with a random slice cut out or random text put in', () => {
		fc.assert(
			fc.property(fc.nat(good.length), fc.nat(40), fc.string({maxLength: 20}), (at, cut, insert) => neverThrows(good.slice(0, at) + insert + good.slice(at + cut))),
			{numRuns: 300},
		);
	});

	it('on lessons whose fields hold random values', () => {
		const keys = ['id', 'order', 'title', 'facts', 'story', 'debrief', 'setup', 'vars', 'goals', 'solution', 'par', 'alternatives', 'wrong', 'quiz'];
		fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything({maxDepth: 3})), value => neverThrows(stringify(value))), {numRuns: 300});
	});

	it('on alias bombs', () => {
		neverThrows('a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n');
	});

	it('on random bytes in a lessons folder', () => {
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 300}), bytes => {
				const dir = mkdtempSync(path.join(tmpdir(), 'ami-fuzz-'));
				writeFileSync(path.join(dir, 'facts.yaml'), bytes);
				writeFileSync(path.join(dir, '01-x.yaml'), bytes);
				const result = loadLessonDir(dir);
				expect(result.lessons.length + result.errors.length).toBeGreaterThan(0);
			}),
			{numRuns: 50},
		);
	});
});
