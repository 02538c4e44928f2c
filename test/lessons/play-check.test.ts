import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {runCheckCommand} from '../../source/commands/check.js';
import {runPlayCommand} from '../../source/commands/play.js';
import type {CommandIo} from '../../source/lessons/command-io.js';
import {fakeDeps} from './fake-deps.js';
import {goodDir} from './fixture.js';

vi.mock('../../source/lessons/default-deps.js', async () => ({defaultLessonDeps: (await import('./fake-deps.js')).fakeDeps}));

const io = (files: Record<string, string> = {}, stdin = '') => {
	const out: string[] = [];
	const err: string[] = [];
	const value: CommandIo = {
		stdout: {write: (t: string) => out.push(t)},
		stderr: {write: (t: string) => err.push(t)},
		readFile: (p: string) => {
			if (!(p in files)) throw new Error('ENOENT: no such file or directory');
			return files[p];
		},
		readStdin: async () => stdin,
	};
	return {io: value, out: () => out.join(''), err: () => err.join('')};
};

const play = async (argv: string[], files?: Record<string, string>, stdin?: string) => {
	const t = io(files, stdin);
	const code = await runPlayCommand([...argv, '--lessons', goodDir], t.io, fakeDeps);
	return {code, out: t.out(), err: t.err()};
};

describe('ami-school play', () => {
	it('prints the transcript, the goals met and the score; exit 0 when every goal is met', async () => {
		const {code, out, err} = await play(['two-computers', '--script', 's.sh'], {'s.sh': '# my attempt\nfind\n\nlaunch $AMI 2\nterminate\n'});
		expect(err).toBe('');
		expect(code).toBe(0);
		const lines = out.split('\n');
		expect(lines[0]).toBe('$ find');
		expect(lines[1]).toMatch(/^ami-[0-9a-f]{17}$/);
		expect(out).toContain('$ launch $AMI 2\n');
		expect(out).toContain('  ✓ goal met: Launch two computers from the newest Amazon Linux 2023 AMI\n');
		expect(out).toContain('$ terminate\n  ✓ goal met: Nothing left costing money\n');
		expect(out).toContain('\nTwo computers: chapter complete\n  [x] Launch two computers from the newest Amazon Linux 2023 AMI\n  [x] Nothing left costing money\n');
		// a script takes no quiz: the lab's 3 stars wait for it
		expect(lines.at(-3)).toBe('Score: 300 points ★★☆ (goals 250, par +50 with 2 state-changing AWS calls for par 3, hints -0, mistakes -0 for 0 failed lines)');
		expect(lines.at(-2)).toBe('Next star (3): 1 of 1 quiz answers right the first time (you had 0). Replay the chapter to try for it.');
	});

	it('exits 1 when a goal is not met, and shows failed lines with their stderr', async () => {
		const {code, out} = await play(['1', '--script', '-'], {}, 'find\nnope\nlaunch $AMI 2\n');
		expect(code).toBe(1);
		expect(out).toContain('$ nope\nbash: nope: command not found\n');
		expect(out).toContain('Two computers: not complete\n  [x] Launch two computers');
		expect(out).toContain('  [ ] Nothing left costing money\n');
		expect(out).toContain('Score: 0 points ☆☆☆');
	});

	it('prints a JSON report for graders', async () => {
		const {code, out} = await play(['01-two', '--script', 's.sh', '--report', 'json'], {'s.sh': 'find\nlaunch $AMI 2\nterminate\n'});
		expect(code).toBe(0);
		const report = JSON.parse(out);
		expect(Object.keys(report)).toEqual(['format', 'game', 'pack', 'chapter', 'title', 'completed', 'goals', 'score', 'par', 'changes', 'failedLines', 'nextStar', 'notes', 'steps', 'lessonErrors', 'lessonFiles']);
		// a folder without pack.yaml: a pack named after the folder, replacing the built-in chapters
		expect(report.pack).toEqual({id: 'good', name: 'good', mode: 'replace'});
		expect(report.lessonFiles).toEqual([{chapter: 'two-computers', file: '01-two.yaml', sha256: createHash('sha256').update(readFileSync(path.join(goodDir, '01-two.yaml'))).digest('hex')}]);
		expect(report).toMatchObject({chapter: 'two-computers', completed: true, par: 3, changes: 2, failedLines: 0, score: {total: 300, stars: 2}, lessonErrors: []});
		expect(report.steps[1]).toMatchObject({line: 'launch $AMI 2', exitCode: 0, goalsMet: ['launched']});
	});

	it('joins an unfinished line with the next and says when the script ends inside one', async () => {
		const {out} = await play(['1', '--script', 's.sh'], {'s.sh': 'echo "a\nb"\necho "open\n'});
		expect(out).toContain('$ echo "a\nb"\n');
		expect(out).toContain('$ echo "open\n(the script ends inside an unfinished line)\n');
	});

	it('answers usage errors with exit 2', async () => {
		expect((await play(['two-computers'])).code).toBe(2);
		expect((await play(['two-computers', '--script', 's.sh', '--report', 'xml'])).err).toContain('usage: ami-school play');
		expect(await play(['nope', '--script', 's.sh'])).toMatchObject({code: 2, err: 'ami-school play: no chapter "nope" (chapters: 1 two-computers)\n'});
		expect(await play(['1', '--script', 'missing.sh'])).toMatchObject({code: 2, err: 'ami-school play: cannot read the script missing.sh: ENOENT: no such file or directory\n'});
		expect((await play(['1', '--script', 's.sh', '--bogus'])).err).toBe(`ami-school play: unknown option --bogus\nusage: ami-school play <chapter> --script <file|-> [--report json] [--save] [--lessons <dir>] [--learner <name>] [--export <dir>]\n`);
	});
});

const check = async (target: string) => {
	const t = io();
	const code = await runCheckCommand([target], t.io, fakeDeps);
	return {code, out: t.out()};
};

describe('ami-school check', () => {
	it('passes a fair lesson: solution with 3 stars, alternatives meet every goal, wrong attempts do not', async () => {
		const {code, out} = await check(goodDir);
		expect(out).toContain('  ✓ solution: meets every goal with 3 stars (2 state-changing AWS calls, par 3)\n');
		expect(out).toContain('  ✓ alternative 1: meets every goal\n');
		expect(out).toContain('  ✓ wrong "left running": does not meet every goal (not met: clean)\n');
		expect(out).toContain('  ✓ wrong "only one": does not meet every goal (not met: launched)\n');
		expect(out.endsWith('1 chapter checked: all good\n')).toBe(true);
		expect(code).toBe(0);
	});

	it('fails a lesson whose check is too lax, whose solution does not work, or whose setup breaks', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-check-'));
		writeFileSync(path.join(dir, 'facts.yaml'), readFileSync(path.join(goodDir, 'facts.yaml')));
		const text = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8')
			.replace('>= `2`', '>= `1`') // too lax: one computer is enough
			.replace('  - terminate\npar: 3', '  - terminat\npar: 3') // a typo in the solution
			.replace('    - set GREETING hello', '    - set GREETING hello\n    - oops');
		writeFileSync(path.join(dir, '01-two.yaml'), text);
		const {code, out} = await check(path.join(dir, '01-two.yaml'));
		expect(code).toBe(1);
		expect(out).toContain('  ✗ setup: setup.commands[1]: "oops" exited 127: bash: oops: command not found\n');
		// where to look: the solution's line in the file, the command, its output, the goal left unmet
		const file = path.relative(process.cwd(), path.join(dir, '01-two.yaml'));
		const lineOf = (needle: string) => text.split('\n').findIndex(l => l.startsWith(needle)) + 1;
		expect(out).toContain(
			`  ✗ solution: does not meet every goal (not met now: clean)\n      ${file}:${lineOf('  - terminat')}: $ terminat\n        exit 127: bash: terminat: command not found\n      ${file}:${lineOf('  - id: clean')}: goal clean stayed unmet: `,
		);
		expect(out).toContain('  ✗ wrong "only one": meets every goal, but it should not: a goal check is too lax\n');
		expect(out.endsWith('1 chapter checked: 3 problems\n')).toBe(true);
	});

	it('reports load errors with file and line, and usage errors', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-check-'));
		writeFileSync(path.join(dir, 'facts.yaml'), 'F1: a\n');
		writeFileSync(path.join(dir, '01-bad.yaml'), 'id: Bad\n');
		const {code, out} = await check(dir);
		expect(code).toBe(1);
		expect(out).toContain(`✗ ${path.relative(process.cwd(), path.join(dir, '01-bad.yaml'))}:1: id: lower-case letters, digits and dashes\n`);
		expect((await check('/nonexistent')).code).toBe(2);
		const empty = mkdtempSync(path.join(tmpdir(), 'ami-check-'));
		writeFileSync(path.join(empty, 'facts.yaml'), 'F1: a\n');
		expect(await check(empty)).toEqual({code: 1, out: 'no lessons found\n'});
	});
});

describe('ami-school check: goals met for nothing', () => {
	it('fails a lesson with a goal that is already met before the player types anything', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-check-'));
		writeFileSync(path.join(dir, 'facts.yaml'), readFileSync(path.join(goodDir, 'facts.yaml')));
		// a clean-up goal that only asks for a zero bill is met at the start, before anything was launched
		const text = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8').replace('        - history: {operation: RunInstances, ok: true}\n', '');
		writeFileSync(path.join(dir, '01-two.yaml'), text);
		const {code, out} = await check(path.join(dir, '01-two.yaml'));
		expect(out).toContain('  ✗ start: goals met before the player does anything: clean');
		expect(code).toBe(1);
	});
});

describe('ami-school play: game commands in a script', () => {
	it('runs bill, goals and lineage without counting them as shell lines, and explains the others', async () => {
		const {code, out} = await play(['1', '--script', 's.sh'], {'s.sh': 'find\nbill\ngoals\nhint\nlaunch $AMI 2\nterminate\n'});
		expect(code).toBe(0);
		expect(out).toContain('$ bill\nSpent so far $0.0000; accruing now $0.0000/h');
		expect(out).toContain('$ goals\n[ ] Launch two computers from the newest Amazon Linux 2023 AMI\n[ ] Nothing left costing money\n');
		expect(out).toContain("$ hint\n`hint` is a game command: it works at the game's prompt, not in a script (bill, goals, lineage, undo and world do).\n");
		// none of them is a mistake or an aws line
		expect(out).toContain('mistakes -0 for 0 failed lines');
	});
});

describe('ami-school play: a failed line that meets a goal', () => {
	it('is not counted as a failed line in the report, as it is not in the score', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-play-'));
		writeFileSync(path.join(dir, 'facts.yaml'), readFileSync(path.join(goodDir, 'facts.yaml')));
		// meeting the error is the lesson: the goal is met by the failing line itself
		const goal = '  - id: met-error\n    text: Meet InvalidAMIID.NotFound\n    check:\n      history: {errorCode: InvalidAMIID.NotFound}\n    hints: [fail]\nsolution:\n';
		const text = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8').replace('solution:\n', goal);
		writeFileSync(path.join(dir, '01-two.yaml'), text);
		const t = io({'s.sh': 'fail\nfind\nlaunch $AMI 2\nterminate\n'});
		const code = await runPlayCommand(['1', '--script', 's.sh', '--report', 'json', '--lessons', dir, '--learner', 'Ada'], t.io, fakeDeps);
		expect(t.err()).toBe('');
		expect(code).toBe(0);
		const report = JSON.parse(t.out());
		expect(report.steps[0]).toMatchObject({line: 'fail', exitCode: 254, goalsMet: ['met-error']});
		expect(report.score.mistakes).toBe(0);
		expect(report.failedLines).toBe(0);
	});
});
