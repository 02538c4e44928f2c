import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {shownQuiz} from '../../source/lessons/quiz-order.js';
import {CLI, ROOT, termsOfEachTest, type Term} from './helpers/term.js';

// The built game in a real terminal. Needs `npm run build` first (npm test does it).

const chapter = parse(readFileSync(path.join(ROOT, 'lessons', '01-master-image.yaml'), 'utf8')) as {id: string; title: string; solution: string[]; story: string[]; quiz?: Array<{question: string; choices: Array<{text: string; correct?: boolean}>}>};

const open = termsOfEachTest();

const toLab = async (term: Term) => {
	await term.waitFor(`1. ${chapter.title}`);
	term.write('\r');
	await term.waitFor('Page 1/');
	term.write('s');
	await term.waitFor('Goals');
};

/** Polls the visible screen (not the scrollback, where every earlier quiz screen stays) until `ok`. */
const until = async (term: Term, ok: (screen: string) => boolean, what: string, timeoutMs = 40_000) => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await term.waitFor(''); // lets the terminal parse what has arrived
		if (ok(term.screen())) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${term.screen()}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
};

const questionOn = (screen: string) => /Quiz (\d+)\/\d+/.exec(screen)?.[1];

/** Each question's right answer, as the game shows the choices: how many times to press ↓, and its text. */
const rightAnswers = (): Array<{downs: number; text: string}> =>
	shownQuiz(chapter.id, (chapter.quiz ?? []).map(q => ({...q, choices: q.choices.map(c => ({text: c.text, correct: c.correct === true}))}))).map(choices => ({downs: choices.findIndex(c => c.correct), text: choices.find(c => c.correct)!.text}));

/** The choice under the cursor (without its number). */
const selected = (screen: string): string | undefined => /^❯ (?:\d+\. )?(.*)$/m.exec(screen)?.[1]?.trim();

/**
 * Sends a key until the screen shows what it should (a key that arrives while the screen is still
 * being drawn can be lost on a loaded machine: it is sent again after a while, never sooner).
 */
const press = async (term: Term, key: string, ok: (screen: string) => boolean, what: string, waitMs = 10_000) => {
	for (let tries = 0; tries < 6; tries++) {
		term.write(key);
		try {
			await until(term, ok, what, waitMs);
			return;
		} catch {
			// not yet: send it again
		}
	}

	await until(term, ok, what);
};

/** Answers every quiz question (rightly when `right`, else with the choice under the cursor) until the score shows. */
const finishQuiz = async (term: Term, right = false) => {
	for (let i = 0; i < 10; i++) {
		await until(term, screen => screen.includes('complete:') || questionOn(screen) !== undefined, 'a quiz question or the score');
		const question = questionOn(term.screen());
		if (question === undefined) break;
		const target = right ? rightAnswers()[Number(question) - 1] : undefined;
		// one ↓ at a time, each seen to move the cursor, until it is on the right answer
		while (target && !target.text.startsWith(selected(term.screen()) ?? '\0')) {
			const before = selected(term.screen());
			await press(term, '\u001B[B', screen => selected(screen) !== before, 'the cursor to move');
		}

		await press(term, '\r', screen => screen.includes('Enter to go on') || questionOn(screen) !== question, 'the answer');
		// on only once the next question (or the score) is drawn: an Enter sent earlier would land on the
		// score screen. The waits are long: under a loaded machine a progress save (fsync) can hold the game for seconds.
		if (questionOn(term.screen()) === question) await press(term, '\r', screen => screen.includes('complete:') || questionOn(screen) !== question, 'the next question');
	}
};

describe.skipIf(!existsSync(CLI))('the game in a terminal', () => {
	it('menu -> chapter 1 -> completion with the reference solution', async () => {
		const term = open();
		await toLab(term);
		for (const line of chapter.solution) {
			if (/Quiz \d+\/\d+|complete:/.test(term.screen())) break; // the goals can be met before the last line
			await term.line(line);
			// as a player would, the next line only once this one has answered (the prompt is back, or the quiz is up):
			// the instances are still pending when they are terminated, so the goals are met a line early
			await until(term, screen => /Quiz \d+\/\d+|complete:/.test(screen) || screen.trimEnd().endsWith('student@ami-school:~$'), 'the prompt or the quiz');
		}

		// the third star needs the quiz too
		await finishQuiz(term, true);
		await term.waitFor(`Chapter 1 complete: ${chapter.title}`, 15_000);
		expect(term.screen()).toMatch(/Total +\d+ +★★★/);
		const saved = JSON.parse(readFileSync(path.join(term.configDir, 'progress.json'), 'utf8')) as {chapters: Record<string, {status: string; stars: number}>};
		expect(saved.chapters['master-image']).toMatchObject({status: 'done', stars: 3});
	}, 120_000);

	it('quitting mid-chapter and starting again resumes exactly there', async () => {
		const first = open();
		await toLab(first);
		await first.line('NOTE=kept-across-runs');
		await first.line('echo saved > note.txt');
		await first.line('sleep 600');
		await first.waitFor(/ · (?:Tue 1 Sep )?08:1\d:\d\d · /);
		await first.line('menu');
		await first.waitFor('Continue where you left off');
		first.write('q');
		expect(await first.exited()).toBe(0);
		const second = open({configDir: first.configDir});
		await second.waitFor('Continue where you left off');
		second.write('\r');
		await second.waitFor('Goals');
		// the world's virtual clock goes on from where it stopped (sleep 600 moved it ten minutes)
		expect(second.screen()).toMatch(/ · (?:Tue 1 Sep )?08:1\d:\d\d · /);
		await second.line('echo "$NOTE $(cat note.txt)"');
		await second.waitFor(/^kept-across-runs saved$/m);
		second.write('\u001B[A');
		await second.waitFor(/\$ echo "\$NOTE \$\(cat note\.txt\)"$/m);
	}, 60_000);

	it('works in a 60x20 terminal and survives a resize', async () => {
		const term = open({columns: 60, rows: 20});
		await toLab(term);
		await term.line('help');
		await term.waitFor('lineage');
		term.resize(100, 30);
		await term.line('echo wide');
		await term.waitFor(/^wide$/m);
		term.resize(60, 20);
		await term.line('echo narrow');
		await term.waitFor(/^narrow$/m);
		await new Promise(resolve => setTimeout(resolve, 200));
		// one live area on screen: no fragments of the wider frame left behind
		expect(term.screen().split('\n').filter(line => /us-east-1 · /.test(line))).toHaveLength(1);
		expect(term.screen().split('\n').filter(line => line.startsWith('Goals')), term.screen()).toHaveLength(1);
	}, 60_000);

	it('Ctrl+C twice quits with exit code 0', async () => {
		const term = open();
		await toLab(term);
		term.write('\u0003');
		await term.waitFor('Press Ctrl+C again to quit');
		term.write('\u0003');
		expect(await term.exited()).toBe(0);
	}, 30_000);

	it('keeps its compiled code in the config folder and starts from it the next time', async () => {
		const first = open();
		await first.waitFor('Free sandbox');
		// written once, after the menu has been drawn (time-boxed on a busy machine)
		const cacheDir = path.join(first.configDir, 'code-cache');
		const cached = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter(name => /^ui-.+\.v8$/.test(name)) : []);
		for (let i = 0; i < 200 && cached().length === 0; i++) await new Promise(resolve => setTimeout(resolve, 50));
		expect(cached()).toHaveLength(1);
		const file = path.join(cacheDir, cached()[0]);
		const written = statSync(file).mtimeMs;
		first.write('q');
		expect(await first.exited()).toBe(0);
		const second = open({configDir: first.configDir});
		await second.waitFor('Free sandbox');
		await new Promise(resolve => setTimeout(resolve, 2500)); // past the moment a rejected cache would be rewritten
		second.write('q');
		expect(await second.exited()).toBe(0);
		expect(statSync(file).mtimeMs).toBe(written);
		// one title: the first frame was replaced by the menu, not repeated
		expect(second.all().split('\n').filter(line => line.includes('AMI School'))).toHaveLength(1);
	}, 60_000);

	it('the sandbox subcommand goes straight to a world with no goals', async () => {
		const term = open({args: ['sandbox']});
		await term.waitFor('Free sandbox: a fresh AWS world with no goals.');
		await term.line('bill');
		await term.waitFor('Spent so far $0.0000');
	}, 30_000);
});

describe.skipIf(!existsSync(CLI))('colours', () => {
	// SGR sequences (colour, bold, dim): Ink's own chalk ignores NO_COLOR, so the entry point turns it off
	const styles = (term: Term) => term.raw().match(/\u001B\[[\d;]*m/g) ?? [];

	it('are on by default, and off with NO_COLOR or --no-color', async () => {
		const coloured = open();
		await coloured.waitFor('Free sandbox');
		expect(styles(coloured).length).toBeGreaterThan(0);
		const noColorEnv = open({env: {NO_COLOR: '1'}});
		await noColorEnv.waitFor('Free sandbox');
		expect(styles(noColorEnv)).toEqual([]);
		const noColorFlag = open({args: ['--no-color']});
		await noColorFlag.waitFor('Free sandbox');
		expect(styles(noColorFlag)).toEqual([]);
	}, 30_000);
});

describe.skipIf(!existsSync(CLI))('without a terminal', () => {
	it('explains that the game needs an interactive terminal', () => {
		const result = spawnSync(process.execPath, [CLI], {input: '', encoding: 'utf8', env: {...process.env, CI: 'false'}});
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^ami-school: the game needs an interactive terminal \(stdin and stdout must be a TTY\)\./);
	});
});
