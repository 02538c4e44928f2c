import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {CLI, ROOT, termsOfEachTest, type Term} from './helpers/term.js';

// The screen at 80x24 in a real terminal (the built game, dist/cli.js): what is shown can be
// pasted back, wrapped text hangs under itself, new screens start clean, long output can be read
// back, and the world pane follows the world. Every wait is for text on the screen.

type Lesson = {title: string; solution: string[]; goals: Array<{text: string}>; quiz: Array<{choices: Array<{text: string}>}>};
const lesson = (file: string) => parse(readFileSync(path.join(ROOT, 'lessons', file), 'utf8')) as Lesson;

const open = termsOfEachTest();
const small = (args: string[] = []) => open({args, columns: 80, rows: 24});

/** Polls the visible screen until `ok` (time-boxed, generous: the machine may be busy). */
const until = async (term: Term, ok: (screen: string) => boolean, what: string, timeoutMs = 30_000) => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await term.waitFor('');
		if (ok(term.screen())) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${term.screen()}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
};

const onScreen = async (term: Term, text: string | RegExp, timeoutMs?: number) => until(term, screen => (typeof text === 'string' ? screen.includes(text) : text.test(screen)), String(text), timeoutMs);

/** The command on screen that starts on the line matching `start`, its ` \` continuation lines with it. */
const commandOnScreen = (screen: string, start: RegExp): string[] => {
	const lines = screen.split('\n');
	const at = lines.findIndex(line => start.test(line));
	if (at === -1) throw new Error(`no ${String(start)} on the screen:\n${screen}`);
	const command = [lines[at]];
	while (command.at(-1)!.endsWith(' \\')) command.push(lines[at + command.length]);
	return command;
};

const LAB_READY = /^student@ami-school:~\$ *$/m;

describe.skipIf(!existsSync(CLI))('the screen at 80x24', () => {
	it('a command the story shows broken over lines runs when pasted back at the prompt', async () => {
		const term = small(['play', '1']);
		await onScreen(term, 'Page 1/');
		for (let i = 0; i < 6 && !term.screen().includes('aws ssm get-parameter'); i++) {
			const page = /Page (\d+)\//.exec(term.screen())?.[1];
			term.write('\r');
			await until(term, screen => /Page (\d+)\//.exec(screen)?.[1] !== page, 'the next page');
		}

		const shown = commandOnScreen(term.screen(), /^\s+aws ssm get-parameter/);
		// wider than 80 columns in the lesson: broken, never cut inside a word
		expect(shown.length).toBeGreaterThan(1);
		for (const line of shown) expect(line.length).toBeLessThanOrEqual(80);
		term.write('s');
		await onScreen(term, LAB_READY);
		term.write(`${shown.join('\r')}\r`);
		// the parameter's value: the name arrived whole
		await onScreen(term, /"Value": "ami-[0-9a-f]{17}"/);
		expect(term.all()).not.toContain('ParameterNotFound');
	}, 60_000);

	it('a long goal wraps under its own text instead of being cut', async () => {
		const goals = lesson('01-master-image.yaml').goals.map(g => g.text.trim());
		const long = goals.find(text => text.length > 78)!;
		expect(long).toBeDefined();
		const term = small(['play', '1']);
		await onScreen(term, 'Page 1/');
		term.write('s');
		await onScreen(term, LAB_READY);
		const lines = term.screen().split('\n');
		const at = lines.findIndex(line => line.startsWith(`○ ${long.slice(0, 20)}`));
		expect(at, term.screen()).toBeGreaterThan(-1);
		expect(lines[at + 1]).toMatch(/^ {2}\S/);
		expect(`${lines[at]} ${lines[at + 1].trim()}`).toBe(`○ ${long}`);
		expect(term.screen()).not.toContain('…');
	}, 60_000);

	it('a quiz choice that wraps hangs under its own text, not under its number', async () => {
		// chapter 1's last question has a choice wider than 78 columns
		const quiz = lesson('01-master-image.yaml').quiz;
		const question = quiz.findIndex(q => q.choices.some(c => c.text.length > 78));
		expect(question).toBeGreaterThan(-1);
		const term = small(['play', '1']);
		await onScreen(term, 'Page 1/');
		term.write('s');
		await onScreen(term, LAB_READY);
		await term.line('quiz');
		await onScreen(term, 'Quiz 1/');
		for (let i = 0; i < question; i++) {
			term.write('\r');
			await onScreen(term, 'Enter to go on');
			term.write('\r');
			await onScreen(term, `Quiz ${i + 2}/`);
		}

		const long = quiz[question].choices.find(c => c.text.length > 78)!.text;
		const lines = term.screen().split('\n');
		const at = lines.findIndex(line => /^(?:❯| ) \d\. /.test(line) && line.includes(long.slice(0, 15)));
		expect(at, term.screen()).toBeGreaterThan(-1);
		expect(lines[at + 1]).toMatch(/^ {5}\S/);
	}, 60_000);

	it('the menu after a chapter starts on a clean screen', async () => {
		const {solution} = lesson('01-master-image.yaml');
		const term = small(['play', '1']);
		await onScreen(term, 'Page 1/');
		term.write('s');
		await onScreen(term, LAB_READY);
		await term.line('echo marker-from-the-lab');
		await onScreen(term, /^marker-from-the-lab$/m);
		for (const line of solution) {
			await term.line(line);
			// the next line only once this one is answered: at the prompt again, or the quiz (the goals can be met before the last line)
			await until(term, screen => /Quiz \d+\/\d+/.test(screen) || (LAB_READY.test(screen) && screen.includes(line.split(' ').at(-1)!)), 'the answer to the line');
			if (/Quiz \d+\/\d+/.test(term.screen())) break;
		}

		for (let i = 0; i < 10 && !term.screen().includes('complete:'); i++) {
			await until(term, screen => screen.includes('complete:') || screen.includes('↑/↓ choose · Enter answer'), 'a question or the score');
			if (term.screen().includes('complete:')) break;
			const question = /Quiz (\d+)\//.exec(term.screen())?.[1];
			term.write('\r');
			await onScreen(term, 'Enter to go on');
			term.write('\r');
			await until(term, screen => screen.includes('complete:') || /Quiz (\d+)\//.exec(screen)?.[1] !== question, 'the next question');
		}

		await onScreen(term, 'Chapter menu');
		term.write('\u001B[B'); // to "Chapter menu"
		await onScreen(term, /❯ Chapter menu/);
		term.write('\r');
		await onScreen(term, 'Free sandbox');
		const screen = term.screen();
		expect(screen.split('\n')[0]).toBe('AMI School');
		expect(screen).not.toContain('marker-from-the-lab');
		expect(screen).not.toContain('Goals');
	}, 120_000);

	it('a 200-line answer can be read back with PgUp', async () => {
		const term = small(['sandbox']);
		await onScreen(term, LAB_READY);
		await term.line('for a in 0 1 2 3 4 5 6 7 8 9; do for b in 0 1 2 3 4 5 6 7 8 9; do echo row$a$b; echo more$a$b; done; done');
		await onScreen(term, 'PgUp reads it back');
		expect(term.screen()).not.toMatch(/^row00$/m);
		term.write('\u001B[5~'); // PgUp
		await onScreen(term, /Lines \d+-\d+ of \d+/);
		const first = Number(/Lines (\d+)-/.exec(term.screen())?.[1]);
		term.write('\u001B[5~');
		await until(term, screen => Number(/Lines (\d+)-/.exec(screen)?.[1]) < first, 'an earlier page');
		term.write('g'); // to the top
		await onScreen(term, /^row00$/m);
		await onScreen(term, /^more00$/m);
		term.write('q');
		await onScreen(term, LAB_READY);
		expect(term.screen()).not.toMatch(/Lines \d+-\d+ of/);
		await term.line('echo back');
		await onScreen(term, /^back$/m);
	}, 60_000);

	it('the world pane: Ctrl+O shows it below 120 columns, it marks what launch and terminate changed, and it sits beside the goals when wide', async () => {
		const term = small(['play', '1']);
		await onScreen(term, 'Page 1/');
		term.write('s');
		await onScreen(term, LAB_READY);
		await onScreen(term, '^O world');
		expect(term.screen()).not.toContain('World · ');
		term.write('\u000F'); // Ctrl+O
		await onScreen(term, 'World · us-east-1');
		await onScreen(term, '^O hides world');
		await term.line("aws ec2 run-instances --image-id $(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'Images[0].ImageId' --output text) --instance-type t3.micro --query 'Instances[0].InstanceId' --output text");
		await onScreen(term, /^\+ i-[0-9a-f]{17} pending/m);
		const id = /^\+ (i-[0-9a-f]{17}) pending/m.exec(term.screen())![1];
		await term.line(`aws ec2 terminate-instances --instance-ids ${id} --output text`);
		await onScreen(term, new RegExp(`^\\* ${id} shutting-down`, 'm'));
		term.write('\u000F');
		await until(term, screen => !screen.includes('World · '), 'the pane to go');
		await onScreen(term, '^O world');
		term.resize(130, 36);
		await onScreen(term, 'World · us-east-1');
		const beside = term.screen().split('\n').find(line => line.startsWith('Goals'));
		expect(beside, term.screen()).toMatch(/^Goals.* {2,}World · us-east-1/);
	}, 60_000);
});
