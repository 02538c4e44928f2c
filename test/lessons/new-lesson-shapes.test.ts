import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCommandLine, type CommandLine} from '../../source/args.js';
import {checkCommand} from '../../source/commands/check.js';
import {SHAPES} from '../../source/commands/lesson-shapes.js';
import {newLessonCommand} from '../../source/commands/new-lesson.js';

// `new-lesson --shape`: each starting shape, written as an author would, passes `check` at once
// (with the real shell and model: its solution, alternatives, wrong attempts and exact hints).

const dir = mkdtempSync(path.join(tmpdir(), 'ami-shapes-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const run = async (command: (cl: CommandLine, io: never) => Promise<number>, argv: string[]) => {
	const out: string[] = [];
	const io = {stdout: {write: (t: string) => out.push(t)}, stderr: {write: (t: string) => out.push(t)}, readFile: () => '', readStdin: () => ''};
	const code = await command(parseCommandLine(argv) as CommandLine, io as never);
	return {code, out: out.join('')};
};

describe('new-lesson shapes', () => {
	it('offers the shapes, and names the nearest for a typo', async () => {
		const first = await run(newLessonCommand, ['new-lesson', 'first', '--dir', path.join(dir, 'offer')]);
		expect(first.code).toBe(0);
		for (const shape of SHAPES) expect(first.out).toContain(shape.name);
		const typo = await run(newLessonCommand, ['new-lesson', 'x', '--shape', 'bak', '--dir', path.join(dir, 'offer')]);
		expect(typo.code).toBe(2);
		expect(typo.out).toContain('no shape "bak" (did you mean bake?)');
	});

	it('every shape passes check as it is written', {timeout: 120_000}, async () => {
		const pack = path.join(dir, 'pack');
		for (const shape of SHAPES) expect((await run(newLessonCommand, ['new-lesson', `my ${shape.name}`, '--shape', shape.name, '--dir', pack])).code).toBe(0);
		expect(readdirSync(pack).filter(f => f.endsWith('.yaml') && f !== 'pack.yaml')).toHaveLength(SHAPES.length);
		const checked = await run(checkCommand, ['check', pack]);
		expect(checked.out, checked.out).toMatch(new RegExp(`${SHAPES.length} chapters checked: all good\\n$`));
		expect(checked.out.match(/✓ hints: pasting the last hint of each open goal completes the chapter/g)).toHaveLength(SHAPES.length);
		expect(checked.code).toBe(0);
	});

	it('a solution whose lines all succeed but miss a goal: check shows its lines, where they are, and the goal', {timeout: 60_000}, async () => {
		const pack = path.join(dir, 'mistake');
		expect((await run(newLessonCommand, ['new-lesson', 'bake it', '--shape', 'bake', '--dir', pack])).code).toBe(0);
		const file = path.join(pack, readdirSync(pack).find(f => f.endsWith('-bake-it.yaml'))!);
		const text = readFileSync(file, 'utf8').replace('  - IMG=$(aws ec2 create-image --instance-id $ID --name lab-master ', '  - IMG=$(aws ec2 create-image --instance-id $ID --name lab-mastr ');
		writeFileSync(file, text);
		const checked = await run(checkCommand, ['check', pack]);
		const shown = path.relative(process.cwd(), file);
		const lineOf = (needle: string) => text.split('\n').findIndex(l => l.includes(needle)) + 1;
		expect(checked.out).toContain(`      ${shown}:${lineOf('--name lab-mastr')}: $ IMG=$(aws ec2 create-image --instance-id $ID --name lab-mastr --query ImageId --output text)\n        exit 0: (no output)\n`);
		expect(checked.out).toContain(`      ${shown}:${lineOf('  - id: baked')}: goal baked stayed unmet: Make an image named lab-master from lab-pc\n`);
		expect(checked.code).toBe(1);
	});
});
