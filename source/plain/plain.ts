import readline from 'node:readline';
import {findChapter} from '../game/names.js';
import type {ChapterInfo, Game, GameEvent, GameState, Play, QuizQuestion, ScoreReport} from '../game/types.js';
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

/** What every step of the plain game shares: the game, the lines read, what is said, saved progress. */
type Plain = {
	game: Game;
	lines: Lines;
	say(text: string): void;
	progress(): Progress | undefined;
	persist(next: Progress | undefined): void;
	/** keeps the play in progress (to resume) */
	remember(state: GameState): void;
	chapters: ChapterInfo[];
	chapterOf(play: Play): ChapterInfo | undefined;
};

const plainSession = (options: PlainOptions): Plain => {
	const {game, output} = options;
	const say = (text: string) => output.write(`${text.replace(/\n+$/, '')}\n`);
	let progress = options.progress?.progress;
	const persist = (next: Progress | undefined) => {
		progress = next;
		if (!next || !options.progress) return;
		const warning = options.progress.save(next);
		if (warning) say(warning);
	};

	const chapters = [...game.chapters()].sort((a, b) => a.order - b.order);
	return {
		game,
		lines: lineReader(options),
		say,
		progress: () => progress,
		persist,
		remember(state) {
			if (!progress) return;
			const saved = game.save(state.play);
			persist(setCurrent(progress, {chapterId: saved.chapterId ?? null, session: saved.session, data: saved.data}));
		},
		chapters,
		chapterOf: play => chapters.find(c => c.id === play.chapterId),
	};
};

/** Asks one question by number until a valid answer; undefined: the input ended. */
const askQuestion = async (plain: Plain, question: QuizQuestion, number: number, total: number): Promise<number | undefined> => {
	plain.say(`\nQuestion ${number} of ${total}: ${question.question}`);
	question.choices.forEach((c, n) => plain.say(`  ${n + 1}. ${c.text}`));
	for (;;) {
		const line = await plain.lines.next(`Answer (1-${question.choices.length}): `);
		if (line === undefined) return undefined;
		const n = Number(line.trim());
		if (Number.isInteger(n) && n >= 1 && n <= question.choices.length) return n - 1;
		plain.say(`Type a number from 1 to ${question.choices.length}.`);
	}
};

/** Asks the chapter's questions (`all`, or those not answered yet), by number. Undefined: the input ended. */
const quiz = async (plain: Plain, state: GameState, all: boolean): Promise<GameState | undefined> => {
	const {game, say} = plain;
	const questions = plain.chapterOf(state.play)?.quiz ?? [];
	if (questions.length === 0) {
		say('This chapter has no quiz.');
		return state;
	}

	const answered = game.quizAnswers(state.play);
	const open = questions.map((_, i) => i).filter(i => all || answered[i] === undefined);
	if (open.length === 0) say('Every question is answered.');
	for (const i of open) {
		const choice = await askQuestion(plain, questions[i], i + 1, questions.length);
		if (choice === undefined) return undefined;
		const picked = questions[i].choices[choice];
		say(`${picked.correct ? 'Right.' : 'Not quite.'} ${picked.explain}`);
		const first = game.quizAnswers(state.play)[i] === undefined;
		// the choices are shown in the chapter's seeded order; answerQuiz takes the lesson file's index
		state = {...state, play: game.answerQuiz(state.play, i, picked.index ?? choice)};
		if (!first) say('(Only your first answer to a question counts.)');
	}

	plain.remember(state);
	return state;
};

type After = 'menu' | 'exit' | {next: ChapterInfo};

/** The score, the debrief, and where to go next. */
const finish = async (plain: Plain, state: GameState): Promise<After | undefined> => {
	const {game, say} = plain;
	const chapter = plain.chapterOf(state.play)!;
	const {report, result} = game.finished(state.play);
	const progress = plain.progress();
	const previous = progress ? chapterProgress(progress, chapter.id) : undefined;
	const best = Math.max(report.total, previous?.status === 'done' ? previous.bestScore : report.total);
	if (progress) plain.persist(markCompleted(progress, chapter.id, result));
	say(`\nChapter ${chapter.order} complete: ${chapter.title}`);
	say(scoreText(report, best));
	if (chapter.debrief.trim()) say(`\n${chapter.debrief.trim()}`);
	const next = plain.chapters[plain.chapters.findIndex(c => c.id === chapter.id) + 1];
	say(next ? `\nType \`next\` for chapter ${next.order} (${next.title}), \`menu\` for the chapter menu, or \`exit\`.` : '\nType `menu` for the chapter menu, or `exit`.');
	for (;;) {
		const line = (await plain.lines.next('> '))?.trim();
		if (line === undefined || line === 'exit' || line === 'quit') return 'exit';
		if (line === 'menu') return 'menu';
		if (line === 'next' && next) return {next};
		say(next ? 'Type next, menu or exit.' : 'Type menu or exit.');
	}
};

/** Carries out the game's events; a new state to go on with, or where to go (undefined: the input ended). */
const carryOut = async (plain: Plain, state: GameState, events: GameEvent[]): Promise<{state: GameState} | After | undefined> => {
	const {game, say} = plain;
	for (const event of events) {
		if (event.type === 'printed') {
			if (event.text.trim() !== '') say(event.text);
		} else if (event.type === 'goal-met') {
			say(`Goal met: ${event.text}. Score so far: ${game.runningScore(state.play)}.`);
		} else if (event.type === 'save') {
			plain.remember(state);
		} else if (event.type === 'story') {
			const chapter = plain.chapterOf(state.play);
			if (chapter) say(storyText(chapter));
		} else if (event.type === 'quiz') {
			const next = await quiz(plain, state, true);
			if (!next) return undefined;
			state = next;
		} else if (event.type === 'menu' || event.type === 'exit') {
			plain.remember(state);
			return event.type;
		} else if (event.type === 'complete') {
			say(event.solutionShown ? 'The solution was shown: the chapter ends here, with no stars.' : 'Every goal met: chapter complete!');
			const answered = await quiz(plain, state, false);
			return answered ? finish(plain, answered) : undefined;
		}
		// `clear`: nothing to clear in a transcript
	}

	return {state};
};

/** The chapter's opening: title, story, goals, and how to start. */
const opening = (plain: Plain, state: GameState): void => {
	const chapter = plain.chapterOf(state.play);
	plain.say(chapter ? `Chapter ${chapter.order}: ${chapter.title}` : 'Free sandbox: a fresh AWS world with no goals.');
	if (chapter) {
		plain.say(`\n${storyText(chapter)}\n`);
		const goals = plain.game.submit(state, 'goals', {marks: 'words'}).events.map(e => (e.type === 'printed' ? e.text : '')).join('');
		plain.say(`Goals:\n${goals}`);
	}

	plain.say('Type AWS CLI commands, or `help` for the game commands.');
};

/** Plays until the player leaves: back to the menu, out, or on to the next chapter. */
const playLoop = async (plain: Plain, play: Play): Promise<After> => {
	const {game} = plain;
	let state = game.newGame(play);
	const chapter = plain.chapterOf(play);
	const progress = plain.progress();
	if (chapter && progress) plain.persist(markStarted(progress, chapter.id));
	plain.remember(state);
	opening(plain, state);
	let pending: string | undefined;
	for (;;) {
		const label = state.confirm ? '[y/N] ' : pending === undefined ? game.shellPrompt(state) : '> ';
		const line = await plain.lines.next(label);
		if (line === undefined) {
			plain.remember(state);
			return 'exit';
		}

		const text = pending === undefined ? line : `${pending}\n${line}`;
		const outcome = game.submit(state, text, {marks: 'words'});
		state = outcome.state;
		pending = outcome.shell?.incomplete ? text : undefined;
		if (pending !== undefined) continue;
		const after = await carryOut(plain, state, outcome.events);
		if (after === undefined) return 'exit';
		if (typeof after === 'string' || 'next' in after) return after;
		state = after.state;
	}
};

const resumeOrStart = (plain: Plain, chapterId: string | undefined): Play => {
	const {game} = plain;
	const current = plain.progress()?.current;
	if (current && (current.chapterId ?? undefined) === chapterId) {
		const resumed = game.resume({chapterId, session: current.session as never, data: current.data});
		if (resumed) {
			plain.say('(Resuming where you left off: type `reset` to start again.)');
			return resumed;
		}
	}

	return chapterId === undefined ? game.sandbox() : game.start(chapterId);
};

const menu = async (plain: Plain): Promise<Play | undefined> => {
	const {say} = plain;
	say('AMI School: learn Amazon Machine Images by doing, in a sandboxed EC2.\nChapters:');
	const progress = plain.progress();
	for (const c of plain.chapters) {
		const p = progress ? chapterProgress(progress, c.id) : undefined;
		const state = p?.status === 'done' ? `done, ${stars(p.stars)}, best ${p.bestScore}` : p?.status === 'in-progress' ? 'in progress' : 'new';
		say(`  ${c.order}. ${c.title} (${state})`);
	}

	say('  s. Free sandbox\n  q. Quit');
	for (;;) {
		const line = (await plain.lines.next('Choose a chapter by number, s or q: '))?.trim();
		if (line === undefined || line === 'q' || line === 'quit' || line === 'exit') return undefined;
		if (line === 's' || line === 'sandbox') return resumeOrStart(plain, undefined);
		const chapter = findChapter(plain.chapters, line);
		if (chapter) return resumeOrStart(plain, chapter.id);
		if (line !== '') say(`There is no chapter "${line}".`);
	}
};

/** Where the command line asked to start, if anywhere. */
const firstPlay = (plain: Plain, options: PlainOptions): Play | undefined => {
	if (options.mode === 'sandbox') return resumeOrStart(plain, undefined);
	if (options.mode !== 'chapter' || options.chapter === undefined) return undefined;
	const chapter = findChapter(plain.chapters, options.chapter);
	if (chapter) return resumeOrStart(plain, chapter.id);
	plain.say(`There is no chapter "${options.chapter}": pick one below.`);
	return undefined;
};

export const runPlain = async (options: PlainOptions): Promise<number> => {
	const plain = plainSession(options);
	if (options.progress?.warning) plain.say(options.progress.warning);
	for (const error of plain.game.lessonErrors()) plain.say(error);
	let play = firstPlay(plain, options) ?? (await menu(plain));
	while (play) {
		const after = await playLoop(plain, play);
		if (after === 'exit') break;
		play = after === 'menu' ? await menu(plain) : plain.game.start(after.next.id);
	}

	plain.say('Bye. Your progress is saved.');
	plain.lines.close();
	return 0;
};
