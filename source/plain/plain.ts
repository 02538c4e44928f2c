import readline from 'node:readline';
import {findChapter} from '../game/names.js';
import type {ChapterInfo, Game, GameEvent, GameState, Play, ScoreReport} from '../game/types.js';
import {chapterProgress, markCompleted, markStarted, setCurrent} from '../progress/model.js';
import type {Progress} from '../progress/schema.js';

// The plain mode (`--plain`, and TERM=dumb): the game line by line, with no cursor movement,
// colour or spinner, for screen readers, logs and pipes. A second front over the game layer:
// the same story, goals, answers, hints and scores as the Ink UI, in words; the same commands
// (the quiz answered by number). Works without a terminal: `printf 'goals\nexit\n' | ami-school
// --plain play 1`. When the input is not a terminal, each line read is echoed after its prompt,
// so the output reads as a transcript.

export type PlainProgress = {progress: Progress; warning?: string; save(progress: Progress): string | undefined};

export type PlainOptions = {
	game: Game;
	input: NodeJS.ReadableStream & {isTTY?: boolean};
	output: {write(text: string): unknown};
	/** the menu (default), straight into a chapter, or the sandbox */
	mode?: 'menu' | 'chapter' | 'sandbox';
	chapter?: string;
	/** saved progress (none: nothing is kept) */
	progress?: PlainProgress;
};

type Lines = {next(prompt: string): Promise<string | undefined>; /** stops reading (a terminal's input would keep the process alive) */ close(): void};

const lineReader = (options: PlainOptions): Lines => {
	const rl = readline.createInterface({input: options.input, terminal: false});
	const iterator = rl[Symbol.asyncIterator]();
	const echo = !options.input.isTTY;
	return {
		async next(prompt) {
			options.output.write(prompt);
			const {value, done} = await iterator.next();
			if (done) {
				rl.close();
				if (echo) options.output.write('\n');
				return undefined;
			}

			if (echo) options.output.write(`${value as string}\n`);
			return value as string;
		},
		close() {
			rl.close();
			if ('pause' in options.input) options.input.pause();
		},
	};
};

const stars = (n: number) => `${n} star${n === 1 ? '' : 's'} of 3`;

/** The score in words, line by line. */
export const scoreText = (report: ScoreReport, best: number): string =>
	[...report.lines.map(l => `  ${l.label}: ${l.points}`), `Total: ${report.total} points, ${stars(report.stars)}. Best so far: ${best}.`, ...(report.notes ?? [])].join('\n');

const storyText = (chapter: ChapterInfo): string => chapter.story.map((page, i) => `Story, page ${i + 1} of ${chapter.story.length}:\n${page.trim()}`).join('\n\n');

export const runPlain = async (options: PlainOptions): Promise<number> => {
	const {game, output} = options;
	const lines = lineReader(options);
	const say = (text: string) => output.write(`${text.replace(/\n+$/, '')}\n`);
	let progress = options.progress?.progress;
	if (options.progress?.warning) say(options.progress.warning);
	for (const error of game.lessonErrors()) say(error);
	const persist = (next: Progress | undefined) => {
		progress = next;
		if (!next || !options.progress) return;
		const warning = options.progress.save(next);
		if (warning) say(warning);
	};

	const chapters = [...game.chapters()].sort((a, b) => a.order - b.order);
	const chapterOf = (play: Play) => chapters.find(c => c.id === play.chapterId);

	const remember = (state: GameState) => {
		if (!progress) return;
		const saved = game.save(state.play);
		persist(setCurrent(progress, {chapterId: saved.chapterId ?? null, session: saved.session, data: saved.data}));
	};

	/** Asks the chapter's questions not answered yet, by number. Undefined: the input ended. */
	const quiz = async (state: GameState, all: boolean): Promise<GameState | undefined> => {
		const chapter = chapterOf(state.play);
		const questions = chapter?.quiz ?? [];
		if (questions.length === 0) {
			say('This chapter has no quiz.');
			return state;
		}

		const answered = game.quizAnswers(state.play);
		const open = questions.map((_, i) => i).filter(i => all || answered[i] === undefined);
		if (open.length === 0) say('Every question is answered.');
		for (const i of open) {
			const q = questions[i];
			say(`\nQuestion ${i + 1} of ${questions.length}: ${q.question}`);
			q.choices.forEach((c, n) => say(`  ${n + 1}. ${c.text}`));
			let choice: number | undefined;
			while (choice === undefined) {
				const line = await lines.next(`Answer (1-${q.choices.length}): `);
				if (line === undefined) return undefined;
				const n = Number(line.trim());
				if (Number.isInteger(n) && n >= 1 && n <= q.choices.length) choice = n - 1;
				else say(`Type a number from 1 to ${q.choices.length}.`);
			}

			const picked = q.choices[choice];
			say(`${picked.correct ? 'Right.' : 'Not quite.'} ${picked.explain}`);
			const first = game.quizAnswers(state.play)[i] === undefined;
			// the choices are shown in the chapter's seeded order; answerQuiz takes the lesson file's index
			state = {...state, play: game.answerQuiz(state.play, i, picked.index ?? choice)};
			if (!first) say('(Only your first answer to a question counts.)');
		}

		remember(state);
		return state;
	};

	type After = 'menu' | 'exit' | {next: ChapterInfo};

	/** Plays until the player leaves: back to the menu, out, or on to the next chapter. */
	const playLoop = async (play: Play): Promise<After> => {
		let state = game.newGame(play);
		const chapter = chapterOf(play);
		if (chapter && progress) persist(markStarted(progress, chapter.id));
		remember(state);
		say(chapter ? `Chapter ${chapter.order}: ${chapter.title}` : 'Free sandbox: a fresh AWS world with no goals.');
		if (chapter) say(`\n${storyText(chapter)}\n`);
		if (chapter) say(`Goals:\n${game.submit(state, 'goals', {marks: 'words'}).events.map(e => (e.type === 'printed' ? e.text : '')).join('')}`);
		say('Type AWS CLI commands, or `help` for the game commands.');
		let pending: string | undefined;
		for (;;) {
			const label = state.confirm ? '[y/N] ' : pending === undefined ? game.shellPrompt(state) : '> ';
			const line = await lines.next(label);
			if (line === undefined) {
				remember(state);
				return 'exit';
			}

			const text = pending === undefined ? line : `${pending}\n${line}`;
			const outcome = game.submit(state, text, {marks: 'words'});
			state = outcome.state;
			if (outcome.shell?.incomplete) {
				pending = text;
				continue;
			}

			pending = undefined;
			const after = await events(state, outcome.events);
			if (after === undefined) return 'exit';
			if (typeof after === 'string' || 'next' in after) return after;
			state = after.state;
		}
	};

	/** Carries out the game's events; a new state to go on with, or where to go. */
	const events = async (state: GameState, list: GameEvent[]): Promise<{state: GameState} | After | undefined> => {
		for (const event of list) {
			switch (event.type) {
				case 'printed': {
					if (event.text.trim() !== '') say(event.text);
					break;
				}

				case 'goal-met': {
					say(`Goal met: ${event.text}. Score so far: ${game.runningScore(state.play)}.`);
					break;
				}

				case 'save': {
					remember(state);
					break;
				}

				case 'clear': {
					break;
				}

				case 'story': {
					const chapter = chapterOf(state.play);
					if (chapter) say(storyText(chapter));
					break;
				}

				case 'quiz': {
					const next = await quiz(state, true);
					if (!next) return undefined;
					state = next;
					break;
				}

				case 'menu': {
					remember(state);
					return 'menu';
				}

				case 'exit': {
					remember(state);
					return 'exit';
				}

				case 'complete': {
					say(event.solutionShown ? 'The solution was shown: the chapter ends here, with no stars.' : 'Every goal met: chapter complete!');
					const answered = await quiz(state, false);
					if (!answered) return undefined;
					return finish(answered);
				}
			}
		}

		return {state};
	};

	const finish = async (state: GameState): Promise<After | undefined> => {
		const chapter = chapterOf(state.play)!;
		const report = game.score(state.play);
		const previous = progress ? chapterProgress(progress, chapter.id) : undefined;
		const best = Math.max(report.total, previous?.status === 'done' ? previous.bestScore : report.total);
		if (progress) persist(markCompleted(progress, chapter.id, {score: report.total, stars: report.stars, hintsUsed: game.hintsUsed(state.play)}));
		say(`\nChapter ${chapter.order} complete: ${chapter.title}`);
		say(scoreText(report, best));
		if (chapter.debrief.trim()) say(`\n${chapter.debrief.trim()}`);
		const next = chapters[chapters.findIndex(c => c.id === chapter.id) + 1];
		say(next ? `\nType \`next\` for chapter ${next.order} (${next.title}), \`menu\` for the chapter menu, or \`exit\`.` : '\nType `menu` for the chapter menu, or `exit`.');
		for (;;) {
			const line = (await lines.next('> '))?.trim();
			if (line === undefined || line === 'exit' || line === 'quit') return 'exit';
			if (line === 'menu') return 'menu';
			if (line === 'next' && next) return {next};
			say(next ? 'Type next, menu or exit.' : 'Type menu or exit.');
		}
	};

	const resumeOrStart = (chapterId: string | undefined): Play => {
		const current = progress?.current;
		if (current && (current.chapterId ?? undefined) === chapterId) {
			const resumed = game.resume({chapterId, session: current.session as never, data: current.data});
			if (resumed) {
				say('(Resuming where you left off: type `reset` to start again.)');
				return resumed;
			}
		}

		return chapterId === undefined ? game.sandbox() : game.start(chapterId);
	};

	const menu = async (): Promise<Play | undefined> => {
		say('AMI School: learn Amazon Machine Images by doing, in a sandboxed EC2.\nChapters:');
		for (const c of chapters) {
			const p = progress ? chapterProgress(progress, c.id) : undefined;
			const state = p?.status === 'done' ? `done, ${stars(p.stars)}, best ${p.bestScore}` : p?.status === 'in-progress' ? 'in progress' : 'new';
			say(`  ${c.order}. ${c.title} (${state})`);
		}

		say('  s. Free sandbox\n  q. Quit');
		for (;;) {
			const line = (await lines.next('Choose a chapter by number, s or q: '))?.trim();
			if (line === undefined || line === 'q' || line === 'quit' || line === 'exit') return undefined;
			if (line === 's' || line === 'sandbox') return resumeOrStart(undefined);
			const chapter = findChapter(chapters, line);
			if (chapter) return resumeOrStart(chapter.id);
			if (line !== '') say(`There is no chapter "${line}".`);
		}
	};

	let play: Play | undefined;
	if (options.mode === 'sandbox') {
		play = resumeOrStart(undefined);
	} else if (options.mode === 'chapter' && options.chapter !== undefined) {
		const chapter = findChapter(chapters, options.chapter);
		if (chapter) play = resumeOrStart(chapter.id);
		else say(`There is no chapter "${options.chapter}": pick one below.`);
	}

	play ??= await menu();
	while (play) {
		const after = await playLoop(play);
		if (after === 'exit') break;
		play = after === 'menu' ? await menu() : game.start(after.next.id);
	}

	say('Bye. Your progress is saved.');
	lines.close();
	return 0;
};
