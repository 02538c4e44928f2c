import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {runAws} from '../../source/cli/run-aws.js';
import {parseLesson} from '../../source/lessons/load.js';
import {replay} from '../../source/game/replay.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

// Hostile input (issue 10, points 4, 5 and 8): endless files, explosive or deeply nested
// expressions, lesson text that tries to drive the terminal, long scripts and setups.
const cli = path.resolve('dist/cli.js');
const lessonText = fs.readFileSync('lessons/01-master-image.yaml', 'utf8');
let dir: string;

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-hostile-'));
	fs.copyFileSync('lessons/facts.yaml', path.join(dir, 'facts.yaml'));
});

const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd: dir, input, env: {...process.env, AMI_SCHOOL_SANDBOX: path.join(dir, 'sandbox.json')}, timeout: 20_000});
const aws = (...args: string[]) => runAws(freshWorld(), ['ec2', ...args], {readFile: () => undefined, defaultRegion: 'us-east-1', guest: shellGuest});

describe('lesson text never controls the terminal', () => {
	const evil = lessonText.replace('title: The master image', 'title: "The master image\\e]0;pwned\\a\\e[2J"');

	it('a control character in a lesson is an error naming the file, line and field', () => {
		const {lesson, errors} = parseLesson(evil, 'evil.yaml');
		expect(lesson).toBeUndefined();
		expect(errors).toEqual([{file: 'evil.yaml', line: 3, path: 'title', message: 'contains the control character U+001B; lesson text may not control the terminal'}]);
	});

	it('check says so and prints nothing raw', () => {
		fs.writeFileSync(path.join(dir, '01-evil.yaml'), evil);
		const result = run(['check', path.join(dir, '01-evil.yaml')]);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('01-evil.yaml:3: title: contains the control character U+001B');
		expect(result.stdout + result.stderr).not.toMatch(/[\u001B\u0007\u009B]/);
		fs.rmSync(path.join(dir, '01-evil.yaml'));
	});
});

describe('lesson files nested too deeply', () => {
	it('say so in words, never in JavaScript\'s', () => {
		for (const text of ['a: &a [*a]', `${'- '.repeat(3000)}x`, '['.repeat(5000)]) {
			const {lesson, errors} = parseLesson(text, 'deep.yaml');
			expect(lesson).toBeUndefined();
			expect(errors.map(e => e.message).join('\n')).toContain('nested too deeply');
			expect(errors.map(e => e.message).join('\n')).not.toContain('call stack');
		}
	});
});

describe('bounds on what is read', () => {
	it('check /dev/zero and play --script /dev/zero stop at their limit with a clear error', () => {
		const started = Date.now();
		const check = run(['check', '/dev/zero']);
		expect(check.status).toBe(1);
		expect(check.stdout).toContain('/dev/zero: cannot read: the file is larger than 1 MB');
		const play = run(['play', '1', '--script', '/dev/zero']);
		expect(play.status).toBe(2);
		expect(play.stderr).toBe('ami-school play: cannot read the script /dev/zero: it is larger than 1 MB, more than a script of typed commands can be\n');
		expect(Date.now() - started).toBeLessThan(15_000);
	});

	it('play --script - stops reading an endless stdin too', () => {
		const play = run(['play', '1', '--script', '-'], 'echo hi\n'.repeat(200_000));
		expect(play.status).toBe(2);
		expect(play.stderr).toContain('it is larger than 1 MB');
	});
});

describe('--query, JSON and shorthand that explode or nest', () => {
	it('a --query whose result doubles at every step stops with a clear error, fast', () => {
		const started = Date.now();
		const result = aws('describe-regions', '--query', '[@,@][]'.repeat(30));
		expect(result.exitCode).toBe(255);
		expect(result.stderr).toMatch(/the --query (result has more than 1,000,000 values|expression took more than 5,000,000 steps); AMI School stops/);
		expect(Date.now() - started).toBeLessThan(8000);
	});

	it('deep nesting is a usage error (252), never a crash nor JavaScript words', () => {
		for (const query of ['!'.repeat(30_000) + 'a', '['.repeat(30_000), '('.repeat(30_000) + 'a' + ')'.repeat(30_000)]) {
			const result = aws('describe-regions', '--query', query);
			expect(result.exitCode).toBe(252);
			expect(result.stderr).toContain('Invalid jmespath expression: it is nested too deeply');
			expect(result.stderr.length).toBeLessThan(400);
		}

		for (const value of ['['.repeat(100_000), 'DeviceName=' + '{a='.repeat(50_000)]) {
			const result = aws('run-instances', '--image-id', 'ami-0123456789abcdef0', '--block-device-mappings', value);
			expect(result.exitCode).toBe(252);
			expect(result.stderr).toMatch(/maximum recursion depth exceeded/);
			expect(result.stderr).not.toContain('call stack');
		}
	});
});

describe('long inputs take time in proportion to their length', () => {
	const perLine = (lines: number) => {
		const {lesson} = parseLesson(lessonText, 'lesson.yaml');
		const script = Array.from({length: lines}, (_, i) => `aws ec2 create-key-pair --key-name k${i} --query KeyName --output text`);
		const started = performance.now();
		replay(lesson!, script);
		return (performance.now() - started) / lines;
	};

	it('a script twice as long takes about twice as long, not four times', () => {
		perLine(50); // warm up
		const short = perLine(100);
		const long = perLine(400);
		expect(long / short).toBeLessThan(2.5);
	}, 60_000);
});
