import {mkdtempSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {findChapter} from '../../source/lessons/find-chapter.js';
import {defaultLessonsDir, formatLessonError, loadLessonDir, loadLessonFile, parseLesson} from '../../source/lessons/load.js';
import {goodDir} from './fixture.js';

// The schema tests edit the clean-up goal's check in its simplest form (a bare cost check).
const fixture = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8');
const CLEAN_CHECK = '      all:\n        - history: {operation: RunInstances, ok: true}\n        - cost: {hourlyAtMost: 0}\n';
const good = fixture.replace(CLEAN_CHECK, '      cost: {hourlyAtMost: 0}\n');
const facts = {F1: 'a', F2: 'b', F3: 'c'};
const FILE = 'lessons/03-class.yaml';

/** The errors of the fixture lesson after replacing `from` by `to`, as authors read them. */
const errorsOf = (from: string | RegExp, to: string): string[] => {
	const text = good.replace(from, to);
	expect(text).not.toBe(good);
	return parseLesson(text, FILE, facts).errors.map(formatLessonError);
};

const lineOf = (needle: string, text = good) => text.split('\n').findIndex(l => l.includes(needle)) + 1;

it('edits the fixture it means to', () => {
	expect(good).not.toBe(fixture);
});

describe('lesson validation', () => {
	it('accepts the fixture and fills in defaults', () => {
		const {lesson, errors} = parseLesson(good, FILE, facts);
		expect(errors).toEqual([]);
		expect(lesson?.goals[1].sticky).toBe(false);
		expect(lesson?.quiz[0].choices[1].correct).toBe(false);
		expect(lesson?.file).toBe(FILE);
	});

	it('names the file, line and field of a JMESPath query that does not compile', () => {
		const errors = errorsOf("`2`\"", "`2`)\"");
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(new RegExp(`^lessons/03-class\\.yaml:${lineOf('query:')}: goals\\[0\\]\\.check\\.query: Invalid jmespath expression: Unexpected token: \\): Parse error at column`));
	});

	it('finds queries nested in all/any/not', () => {
		const errors = errorsOf('      cost: {hourlyAtMost: 0}', '      all:\n        - cost: {hourlyAtMost: 0}\n        - not: {aws: ec2 describe-instances, query: "[?"}');
		expect(errors).toEqual([`${FILE}:${lineOf('cost: {hourlyAtMost: 0}') + 2}: goals[1].check.all[1].not.query: Invalid jmespath expression: Incomplete expression:\n"[?"\n   ^`]);
	});

	it('checks an unreachable check like a goal check, and wants its message', () => {
		const missing = errorsOf('    hints:\n      - terminate them\n', '    unreachable:\n      check: {cost: {hourlyAtMost: 0}}\n    hints:\n      - terminate them\n');
		expect(missing).toHaveLength(1);
		expect(missing[0]).toMatch(/goals\[1\]\.unreachable\.message: /);
		const errors = errorsOf('    hints:\n      - terminate them\n', '    unreachable:\n      check: {aws: ec2 describe-instances --instance-ids $NOPE, query: "[?"}\n      message: Gone.\n    hints:\n      - terminate them\n');
		expect(errors).toHaveLength(2);
		expect(errors.join('\n')).toContain('goals[1].unreachable.check.query: Invalid jmespath expression');
		expect(errors.join('\n')).toContain('goals[1].unreachable.check.aws: $NOPE is not defined in vars');
		const fine = good.replace('    hints:\n      - terminate them\n', '    unreachable:\n      check: {cost: {hourlyAtMost: 0}}\n      message: Gone.\n    hints:\n      - terminate them\n');
		expect(parseLesson(fine, FILE, facts).lesson?.goals[1].unreachable).toEqual({check: {cost: {hourlyAtMost: 0}}, message: 'Gone.'});
	});

	it('accepts a ran check and names the file, line and field of its mistakes', () => {
		const ran = (body: string) => errorsOf('      cost: {hourlyAtMost: 0}', `      ran:\n${body}`);
		expect(ran('        program: curl\n        ok: true\n        shows: Room 12\n        instance: "ImageId == \'ami-1\'"\n        after: {ran: {operation: RunInstances}}')).toEqual([]);
		const at = lineOf('cost: {hourlyAtMost: 0}');
		expect(ran('        program: curl\n        instance: "[?"')).toEqual([`${FILE}:${at + 2}: goals[1].check.ran.instance: Invalid jmespath expression: Incomplete expression:\n"[?"\n   ^`]);
		expect(ran('        operation: runInstances')).toEqual([`${FILE}:${at + 1}: goals[1].check.ran.operation: an API operation name such as CreateImage`]);
		expect(ran('        progam: curl')).toEqual([`${FILE}:${at + 1}: goals[1].check.ran.progam: unknown field "progam" in goals[1].check.ran: did you mean program?`]);
		expect(ran('        shows: {aws: ec2 run-instances, query: x}')).toEqual([
			`${FILE}:${at + 1}: goals[1].check.ran.shows.aws: must be a read-only command such as "ec2 describe-images …" (without the leading aws)`,
		]);
		expect(ran('        names: {aws: ec2 describe-images --image-ids $NOPE, query: "Images[].ImageId"}')).toEqual([`${FILE}:${at + 1}: goals[1].check.ran.names: $NOPE is not defined in vars`]);
		expect(ran('        after: {costs: {hourlyAtMost: 0}}')).toEqual([`${FILE}:${at + 1}: goals[1].check.ran.after.costs: unknown field "costs" in a check: did you mean cost?`]);
		expect(ran('        after: {spend: {hourlyAtMost: 0}}')).toEqual([`${FILE}:${at + 1}: goals[1].check.ran.after: a check needs one of: aws, history, cost, shell, ran, serves, all, any, not`]);
	});

	it('accepts a serves check and a ran check that confirms, and names the field of their mistakes', () => {
		const check = (body: string) => errorsOf('      cost: {hourlyAtMost: 0}', body);
		const at = lineOf('cost: {hourlyAtMost: 0}');
		expect(check('      serves:\n        image: {aws: ec2 describe-images --owners self, query: "Images[].ImageId"}\n        expect: Room 12')).toEqual([]);
		expect(check('      ran: {operation: DescribeImages, confirms: available, about: ami-1}')).toEqual([]);
		expect(check('      serves:\n        image: {aws: ec2 describe-images --owners self, query: "Images[?"}')).toEqual([`${FILE}:${at + 1}: goals[1].check.serves.image.query: Invalid jmespath expression: Incomplete expression:\n"Images[?"\n         ^`]);
		expect(check('      serves: {image: $NOPE}')).toEqual([`${FILE}:${at}: goals[1].check.serves.image: $NOPE is not defined in vars`]);
		expect(check('      serves: {image: ami-1, path: index.html}')).toEqual([`${FILE}:${at}: goals[1].check.serves.path: a path on the web server, starting with /`]);
		expect(check('      ran: {confirms: {aws: ec2 describe-images, query: "[?"}}')).toEqual([`${FILE}:${at}: goals[1].check.ran.confirms.query: Invalid jmespath expression: Incomplete expression:\n"[?"\n   ^`]);
	});

	it('wants 1 to 3 hints per goal', () => {
		expect(errorsOf('        launch $AMI 2\n', '        launch $AMI 2\n      - four\n')).toEqual([`${FILE}:${lineOf('hints:')}: goals[0].hints: give 1 to 3 hints`]);
		expect(errorsOf('    hints:\n      - terminate them\n', '    hints: []\n')).toEqual([`${FILE}:${lineOf('- terminate them') - 1}: goals[1].hints: give 1 to 3 hints`]);
	});

	it('wants a check on every goal, pointing at the goal when it is missing', () => {
		const errors = errorsOf('    check:\n      cost: {hourlyAtMost: 0}\n', '');
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(new RegExp(`^${FILE}:${lineOf('- id: clean')}: goals\\[1\\]\\.check: `));
	});

	it('names the check kinds when a check has none or two', () => {
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      expense: {hourlyAtMost: 0}')).toEqual([
			`${FILE}:${lineOf('cost: {hourlyAtMost: 0}') - 1}: goals[1].check: a check needs one of: aws, history, cost, shell, ran, serves, all, any, not`,
		]);
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      costs: {hourlyAtMost: 0}')).toEqual([`${FILE}:${lineOf('cost: {hourlyAtMost: 0}')}: goals[1].check.costs: unknown field "costs" in a check: did you mean cost?`]);
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      cost: {hourlyAtMost: 0}\n      history: {ok: true}')).toEqual([
			`${FILE}:${lineOf('cost: {hourlyAtMost: 0}') - 1}: goals[1].check: a check has exactly one kind, found: history, cost`,
		]);
	});

	it('refuses a shell check that could change the world, and an aws check that is not a describe', () => {
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      shell: curl -s http://$IP && rm -f x')[0]).toMatch(/goals\[1\]\.check\.shell: only read-only commands are allowed/);
		// read the way the shell reads it: a | inside a quoted --query is no pipe, a $(…) is looked into
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      shell: aws ec2 describe-images --query "Images[0] | Name" --output text')).toEqual([]);
		expect(errorsOf('      cost: {hourlyAtMost: 0}', '      shell: echo $(aws ec2 terminate-instances --instance-ids i-1)')[0]).toMatch(/goals\[1\]\.check\.shell: only read-only commands are allowed/);
		expect(errorsOf('      aws: ec2 describe-instances', '      aws: ec2 terminate-instances --instance-ids i-1')[0]).toMatch(/goals\[0\]\.check\.aws: must be a read-only command/);
		expect(errorsOf('      aws: ec2 describe-instances', '      aws: ec2 describe-instances --output text')[0]).toMatch(/goals\[0\]\.check\.aws: must not set --output or --query/);
	});

	it('wants exactly one correct choice per question', () => {
		expect(errorsOf('explain: "No, that is an instance."', 'correct: true, explain: "No"')).toEqual([`${FILE}:${lineOf('choices:')}: quiz[0].choices: exactly one choice must be correct (found 2)`]);
		expect(errorsOf('correct: true, ', '')).toEqual([`${FILE}:${lineOf('choices:')}: quiz[0].choices: exactly one choice must be correct (found 0)`]);
	});

	it('knows the fact ids of facts.yaml', () => {
		expect(errorsOf('facts: [F1, F2]', 'facts: [F1, F9]')).toEqual([`${FILE}:${lineOf('facts: [F1, F2]')}: goals[0].facts[1]: unknown fact F9 (not in facts.yaml)`]);
		expect(errorsOf('facts: [F1, F2]', 'facts: [F1, G2]')[0]).toBe(`${FILE}:${lineOf('facts: [F1, F2]')}: goals[0].facts[1]: a fact id such as F8`);
	});

	it('wants unique goal ids, known keys and the right types', () => {
		expect(errorsOf('- id: clean', '- id: launched')).toEqual([`${FILE}:${lineOf('- id: clean')}: goals[1].id: duplicate goal id "launched"`]);
		expect(errorsOf('order: 1', 'order: one')[0]).toMatch(new RegExp(`^${FILE}:${lineOf('order: 1')}: order: `));
		expect(errorsOf('title: Two computers', 'title: Two computers\ntitel: typo')).toEqual([`${FILE}:${lineOf('title:') + 1}: titel: unknown field "titel" in a lesson (its fields: id, order, title, facts, story, debrief, setup, vars, goals, solution, par, alternatives, wrong, quiz)`]);
		expect(errorsOf('{hourlyAtMost: 0}', '{hourlyAtMost: 0, hourly: 1}')).toEqual([`${FILE}:${lineOf('{hourlyAtMost: 0}')}: goals[1].check.cost.hourly: unknown field "hourly" in goals[1].check.cost (its fields: hourlyAtMost, totalAtMost)`]);
	});

	it('wants $VARS of checks to be defined in vars', () => {
		expect(errorsOf("'$AL2023'", "'$NOPE'")).toEqual([`${FILE}:${lineOf('aws: ec2 describe-instances')}: goals[0].check.aws: $NOPE is not defined in vars`]);
	});

	it('locates YAML syntax errors', () => {
		const errors = parseLesson('id: a\norder: 1\ntitle: [unclosed\n', FILE).errors;
		expect(errors[0].file).toBe(FILE);
		expect(errors[0].line).toBeGreaterThanOrEqual(3);
		expect(errors[0].message).toMatch(/^YAML: /);
		expect(parseLesson('a: 1\na: 2\n', FILE).errors[0]).toMatchObject({line: 2, message: expect.stringMatching(/^this field appears twice in the same place\.\n {4}2 \| a: 2\n {2}Usual cause: a copy and paste/)});
	});

	it('says what is wrong with an empty file or a list', () => {
		expect(parseLesson('', FILE).errors.map(formatLessonError)).toEqual([`${FILE}: a lesson holds fields (name: value lines, such as id: and title:), but this file holds nothing`]);
		expect(parseLesson('- 1\n', FILE).errors.map(formatLessonError)).toEqual([`${FILE}:1: a lesson holds fields (name: value lines, such as id: and title:), but this file holds a list (lines that start with "- ", indented under the field)`]);
	});
});

describe('loading folders', () => {
	const temp = () => mkdtempSync(path.join(tmpdir(), 'ami-lessons-'));

	it('loads every lesson of a folder sorted by order, with facts.yaml', () => {
		const dir = temp();
		writeFileSync(path.join(dir, 'facts.yaml'), 'F1: a\nF2: b\nF3: c\n');
		writeFileSync(path.join(dir, '02-b.yaml'), good.replace('id: two-computers', 'id: b').replace('order: 1', 'order: 2'));
		writeFileSync(path.join(dir, '01-a.yaml'), good.replace('id: two-computers', 'id: a').replace('order: 1', 'order: 7'));
		writeFileSync(path.join(dir, 'notes.txt'), 'not a lesson');
		mkdirSync(path.join(dir, 'sub.yaml'));
		const {lessons, errors} = loadLessonDir(dir);
		expect(errors).toEqual([]);
		expect(lessons.map(l => l.id)).toEqual(['b', 'a']);
		expect(findChapter(lessons, 'a')?.id).toBe('a');
		expect(findChapter(lessons, '7')?.id).toBe('a');
		expect(findChapter(lessons, '02')?.id).toBe('b');
		expect(findChapter(lessons, '01-a')?.id).toBe('a');
		expect(findChapter(lessons, 'c')).toBeUndefined();
		// without a file (the UI's chapter list of a fake engine), the usual NN-id name
		expect(findChapter([{id: 'a', order: 7}], '07-a.yaml')?.id).toBe('a');
	});

	it('reports duplicate chapter ids and orders, and a missing facts.yaml', () => {
		const dir = temp();
		writeFileSync(path.join(dir, '01-a.yaml'), good);
		writeFileSync(path.join(dir, '02-b.yaml'), good);
		const {lessons, errors} = loadLessonDir(dir);
		expect(lessons).toHaveLength(2);
		expect(errors.map(e => e.message)).toEqual([
			'missing: fact ids cannot be checked',
			`duplicate chapter id "two-computers" (also in ${path.join(dir, '01-a.yaml')})`,
			`duplicate order 1 (also in ${path.join(dir, '01-a.yaml')})`,
		]);
	});

	it('reports a folder or file that cannot be read, and a broken facts.yaml', () => {
		expect(loadLessonDir('/nonexistent/lessons').errors[0].message).toMatch(/^cannot read folder: /);
		expect(loadLessonFile('/nonexistent/x.yaml').errors.map(e => e.message)).toEqual(['missing: fact ids cannot be checked', expect.stringMatching(/^cannot read: /)]);
		const dir = temp();
		writeFileSync(path.join(dir, 'facts.yaml'), 'F1: a\nX2: b\n');
		expect(loadLessonDir(dir).errors.map(formatLessonError)).toEqual([`${path.join(dir, 'facts.yaml')}:2: X2: a fact id such as F8`]);
	});

	it('finds the shipped lessons folder from source (and from dist/, one level down too)', () => {
		const dir = defaultLessonsDir();
		expect(dir).toBe(path.resolve(goodDir, '..', '..', '..', '..', 'lessons'));
		expect(defaultLessonsDir(new URL(`file://${path.join(path.dirname(dir), 'dist', 'cli.js')}`).href)).toBe(dir);
	});
});
