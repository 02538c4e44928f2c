import {describe, expect, it} from 'vitest';
import {lessonTemplate} from '../../source/commands/new-lesson.js';
import {formatLessonError, parseLesson} from '../../source/lessons/load.js';

// An author's mistakes, said in the author's words: file:line, the field, a did-you-mean, the
// expected kind of value in YAML terms, and for YAML indentation the line and the usual cause.

const good = lessonTemplate('launch', 1, 'Launch');
const errorsOf = (text: string) => parseLesson(text, 'my.yaml').errors.map(formatLessonError);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex(l => l.includes(needle)) + 1;

describe('authoring errors', () => {
	it('the template itself is sound', () => {
		expect(errorsOf(good)).toEqual([]);
	});

	it('an unknown field names the nearest known one, on the typo\'s line, once', () => {
		const text = good.replace(/^debrief:/m, 'debreif:');
		expect(errorsOf(text)).toEqual([`my.yaml:${lineOf(text, 'debreif:')}: debreif: unknown field "debreif" in a lesson: did you mean debrief?`]);
		const hint = good.replace('    hints:', '    hint:');
		expect(errorsOf(hint)).toEqual([`my.yaml:${lineOf(hint, 'hint:')}: goals[0].hint: unknown field "hint" in goals[0]: did you mean hints?`]);
		const query = good.replace('      query: "length', '      qurey: "length');
		expect(errorsOf(query)).toEqual([`my.yaml:${lineOf(query, 'qurey')}: goals[0].check.qurey: unknown field "qurey" in goals[0].check: did you mean query?`]);
		const kind = good.replace('        - history: {operation', '        - histroy: {operation');
		expect(errorsOf(kind)).toEqual([`my.yaml:${lineOf(kind, 'histroy:')}: goals[1].check.all[0].histroy: unknown field "histroy" in a check: did you mean history?`]);
	});

	it('a wrong type says what the field holds, in YAML terms, never the schema library\'s words', () => {
		const points = good.replace('    points: 100', '    points: lots');
		expect(errorsOf(points)).toEqual([expect.stringMatching(new RegExp(`^my\\.yaml:${lineOf(points, 'points: lots')}: goals\\[0\\]\\.points: should be a number, not text \\("lots"\\)`))]);
		const solution = good.replace(/^solution:.*\n {2}- /m, 'solution: ');
		const [message] = errorsOf(solution);
		expect(message).toMatch(/solution: should be a list \(lines that start with "- ", indented under the field\), not text/);
		for (const text of [points, solution]) for (const line of errorsOf(text)) expect(line).not.toMatch(/Invalid input|expected array|received/);
	});

	it('a missing field says what it is for', () => {
		const text = good.replace(/^title: .*\n/m, '');
		expect(errorsOf(text)).toEqual([expect.stringMatching(/^my\.yaml(:\d+)?: title: missing: every lesson needs title/)]);
	});

	it('a YAML indentation error shows the line and the usual cause', () => {
		const text = good.replace('    text: Launch an instance', '      text: Launch an instance');
		const errors = errorsOf(text);
		expect(errors).toHaveLength(1);
		const at = lineOf(text, '  - id: launched');
		expect(errors[0]).toContain(`my.yaml:${at}: YAML indentation: the next line is indented more than this one`);
		expect(errors[0]).toContain(`    ${at + 1} |       text: Launch an instance`);
		expect(errors[0]).toContain('Usual cause: one space too many or too few');
		const tab = good.replace('\n  region: us-east-1', '\n\tregion: us-east-1');
		expect(errorsOf(tab)[0]).toMatch(/YAML indentation: a tab indents this line, and YAML indents with spaces only/);
	});
});
