import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createGame} from '../../source/game/entry.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {runPlain, type PlainProgress} from '../../source/plain/plain.js';
import {emptyProgress} from '../../source/progress/version.js';
import {rerun} from '../../source/game/rerun.js';
import {CLI} from '../e2e/helpers/term.js';

// The plain line mode: lines piped in, words out. No escape sequence ever (no cursor movement,
// colour or spinner), the same game as the Ink UI underneath.

const lessonsDir = defaultLessonsDir();
const master = loadLessonDir(lessonsDir).lessons.find(l => l.order === 1)!;
const game = createGame({lessonsDir});

const plain = async (input: string[], options: {mode?: 'menu' | 'chapter' | 'sandbox'; chapter?: string; progress?: PlainProgress} = {}) => {
	const out: string[] = [];
	const code = await runPlain({game, input: Readable.from([input.map(l => `${l}\n`).join('')]), output: {write: (t: string) => out.push(t)}, ...options});
	return {code, out: out.join('')};
};

const memoryProgress = (): PlainProgress & {saved: number} => {
	const store = {
		progress: emptyProgress(),
		saved: 0,
		save(progress: PlainProgress['progress']) {
			store.progress = progress;
			store.saved++;
			return undefined;
		},
	};
	return store;
};

describe('plain mode', () => {
	it('shows the story and goals in words, echoes each line after its prompt, and takes the game commands', async () => {
		const {code, out} = await plain(['goals', 'hint', 'exit'], {mode: 'chapter', chapter: '1'});
		expect(code).toBe(0);
		expect(out).toContain(`Chapter 1: ${master.title}`);
		expect(out).toContain(`Story, page 1 of ${master.story.length}:`);
		expect(out).toContain(`$ goals\nto do: ${master.goals[0].text}\n`);
		expect(out).toMatch(/\$ hint\nHint 1\/3 \(-\d+ points\): /);
		// eslint-disable-next-line no-control-regex
		expect(out).not.toMatch(/\u001B/);
	});

	it('`world` prints the learner\'s resources by Region and kind, as the world pane shows them', async () => {
		const {out} = await plain(['world', 'aws ec2 create-key-pair --key-name spare --query KeyPairId --output text', 'world', 'exit'], {mode: 'chapter', chapter: '1'});
		expect(out).toMatch(/\$ world\nus-east-1 \(the shell is here\)\n {2}Key pairs\n {4}key-[0-9a-f]{17} lab-key\n/);
		expect(out).toMatch(/\$ world\nus-east-1 \(the shell is here\)\n {2}Key pairs\n( {4}key-[0-9a-f]{17} (lab-key|spare)\n){2}/);
	});

	it('plays a chapter to the end: goals met with the score, the quiz by number, the score in words, progress saved', async () => {
		const progress = memoryProgress();
		// the choices as shown (the chapter's seeded order), by number
		const shown = game.chapters().find(c => c.id === master.id)!.quiz;
		const answers = shown.map(q => String(q.choices.findIndex(c => c.correct) + 1));
		const {out} = await plain([...master.solution.slice(0, -1), 'oops', ...answers, 'exit'], {mode: 'chapter', chapter: master.id, progress});
		for (const goal of master.goals) expect(out).toContain(`Goal met: ${goal.text}. Score so far:`);
		expect(out).toContain('Every goal met: chapter complete!');
		expect(out).toContain(`Answer (1-${master.quiz[0].choices.length}): oops\nType a number from 1 to ${master.quiz[0].choices.length}.`);
		expect(out.match(/^Right\. /gm)).toHaveLength(master.quiz.length);
		expect(out).toMatch(/Total: \d+ points, 3 stars of 3\./);
		expect(progress.progress.chapters[master.id]).toMatchObject({status: 'done', stars: 3});
	});

	it('keeps what the learner did (hints, mistakes, undo, a resume, the quiz): replayed, it gives the saved score again', async () => {
		const progress = memoryProgress();
		const shown = game.chapters().find(c => c.id === master.id)!.quiz;
		const [first, ...rest] = master.solution;
		await plain(['hint', 'aws ec2 describe-images --image-ids ami-nope', first, 'aws ec2 create-key-pair --key-name spare', 'undo', 'exit'], {mode: 'chapter', chapter: master.id, progress});
		expect(progress.progress.current?.chapterId).toBe(master.id);
		// the next day: resumed where it stopped, finished, quiz answered (the first one wrong)
		const answers = shown.map((q, i) => String(q.choices.findIndex(c => c.correct === (i !== 0)) + 1));
		// (the last solution line, a wait, comes after completion: the quiz is asked first)
		const {out} = await plain([...rest.slice(0, -1), ...answers, 'exit'], {mode: 'chapter', chapter: master.id, progress});
		expect(out).toContain('Every goal met: chapter complete!');
		const record = progress.progress.chapters[master.id];
		expect(record).toMatchObject({status: 'done', hintsUsed: 1, startedAt: expect.any(String), finishedAt: expect.any(String), timeSpentMs: expect.any(Number)});
		const kinds = record.run!.log.map(e => e.t);
		expect(kinds).toEqual(['start', 'hint', 'line', 'line', 'line', 'undo', 'resume', ...rest.slice(0, -1).map(() => 'line'), ...shown.map(() => 'quiz')]);
		const again = rerun(master, record.run!.log);
		expect(again.problem).toBeUndefined();
		expect({score: again.score.total, stars: again.score.stars, hints: again.hintsUsed, completed: again.completed}).toEqual({score: record.bestScore, stars: record.stars, hints: 1, completed: true});
		expect(again.score.quiz).toBeLessThan(shown.length * 20);
		expect(again.goals[0]).toMatchObject({hints: 1, mistakes: 1});
	});

	it('the same play scores what the Ink UI scores (one game layer)', async () => {
		const {out} = await plain([...master.solution, ...master.quiz.map(() => '1'), 'exit'], {mode: 'chapter', chapter: '1'});
		let state = game.newGame(game.start(master.id));
		for (const line of master.solution) state = game.submit(state, line).state;
		let play = state.play;
		const shown = game.chapters().find(c => c.id === master.id)!.quiz;
		shown.forEach((q, i) => {
			play = game.answerQuiz(play, i, q.choices[0].index ?? 0);
		});
		expect(out).toContain(`Total: ${game.score(play).total} points`);
	});

	it('asks before showing the solution; y shows it and ends the chapter with no stars', async () => {
		const {out} = await plain(['solution', 'n', 'solution', 'y', ...master.quiz.map(() => '1'), 'exit'], {mode: 'chapter', chapter: '1'});
		expect(out).toContain('[y/N] n\nCancelled.');
		expect(out).toContain('Reference solution:');
		expect(out).toContain('The solution was shown: the chapter ends here, with no stars.');
		expect(out).toMatch(/Total: 0 points, 0 stars of 3/);
	});

	it('the menu lists the chapters by number; a chapter is chosen by number; the sandbox has no goals', async () => {
		const {out} = await plain(['s', 'goals', 'menu', 'q']);
		expect(out).toContain(`  1. ${master.title} (new)`);
		expect(out).toContain('Free sandbox: a fresh AWS world with no goals.');
		expect(out).toContain('The sandbox has no goals: try anything.');
		expect(out.trimEnd().endsWith('Bye. Your progress is saved.')).toBe(true);
	});

	it('a line left open continues at a > prompt', async () => {
		const {out} = await plain(["echo 'one", "two'", 'exit'], {mode: 'sandbox'});
		expect(out).toContain("$ echo 'one\n> two'\none\ntwo\n");
	});
});

describe.skipIf(!existsSync(CLI))('plain mode through a pipe (the built game)', () => {
	const run = (args: string[], input: string, env: Record<string, string> = {}) =>
		spawnSync(process.execPath, [CLI, ...args], {input, encoding: 'utf8', env: {...process.env, AMI_SCHOOL_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'ami-plain-')), ...env}});

	it("printf 'goals\\nexit\\n' | ami-school --plain play 1", () => {
		const result = run(['--plain', 'play', '1'], 'goals\nexit\n');
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(`$ goals\nto do: ${master.goals[0].text}`);
		expect(result.stdout).not.toMatch(/\u001B/); // eslint-disable-line no-control-regex
	});

	it('TERM=dumb plays line by line too', () => {
		const result = run(['sandbox'], 'help\n', {TERM: 'dumb'});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain("The game's own commands:");
		expect(result.stdout).toContain('Bye. Your progress is saved.');
	});
});
