import {answerQuiz, chapterPar, chapterScore, goalViews, hintsUsed, isComplete, newSession, runningScore, runPlayerLine, safeRun, scoredLines, setupLines, showSolution, startChapter, summaryNotes, takeHint, undoTo, withSession, type ChapterState} from '../lessons/chapter.js';
import {defaultLessonDeps} from '../lessons/default-deps.js';
import type {LessonDeps} from '../lessons/deps.js';
import {defaultLessonsDir, formatLessonError} from '../lessons/load.js';
import {loadPack} from '../lessons/pack.js';
import {shownQuiz} from '../lessons/quiz-order.js';
import type {Lesson} from '../lessons/schema.js';
import {appendEntry, isRunLog, type RunEntry, type RunLog} from '../progress/run-log.js';

type AnyLesson = Lesson & {file?: string};
import {completionCandidates, promptFor} from '../shell/run-line.js';
import type {Session} from '../shell/session.js';
import type {ChapterInfo, GameEngine, Play, SavedPlay, ScoreReport} from './port.js';

// The game's engine port, wired to the lesson engine (source/lessons) and the player's shell.

/** `log`: what the learner did in this run, to replay it (source/progress/run-log.ts) */
type ChapterPlay = {chapterId: string; kind: 'chapter'; state: ChapterState; log: RunLog};
type SandboxPlay = {chapterId: undefined; kind: 'sandbox'; session: Session};
type AnyPlay = ChapterPlay | SandboxPlay;

/** What a saved chapter keeps beside its session. */
type SavedData = Pick<ChapterState, 'hints' | 'solutionShown' | 'quiz' | 'stickyMet' | 'stickyAt' | 'irreversibleUndos' | 'excusedLines' | 'completedAt'> & {log?: RunLog};

export type EngineOptions = {
	/** the lesson pack's folder (the built-in lessons folder itself: the built-in chapters) */
	lessonsDir: string;
	/** the built-in lessons (default: the folder shipped with the game) */
	builtinDir?: string;
	/** the build's cache of the shipped lessons (used only while it matches their files) */
	lessonCacheFile?: string;
	deps?: LessonDeps;
};

/** The wall clock of the run log (never the model's: the model has its own virtual clock). */
const wallClock = () => Date.now();

const logged = (play: ChapterPlay, entry: RunEntry): RunLog => appendEntry(play.log, {...entry, at: wallClock()});

const asPlay = (play: Play) => play as unknown as AnyPlay;
const toPlay = (play: AnyPlay) => play as unknown as Play;

const chapterInfo = (lesson: AnyLesson): ChapterInfo => ({
	id: lesson.id,
	order: lesson.order,
	file: lesson.file,
	title: lesson.title,
	story: lesson.story,
	debrief: lesson.debrief,
	// choices in the order the player sees them (seeded per question: see quiz-order.ts)
	quiz: shownQuiz(lesson.id, lesson.quiz).map((choices, q) => ({question: lesson.quiz[q].question, choices: choices.map(c => ({text: c.text, correct: c.correct, explain: c.explain, index: c.index}))})),
});

export const createEngine = (options: EngineOptions): GameEngine => {
	const loaded = loadPack(options.lessonsDir, {builtinDir: options.builtinDir ?? defaultLessonsDir(), cacheFile: options.lessonCacheFile});
	return engineOf(loaded.lessons, loaded.errors.map(formatLessonError), options.deps, {id: loaded.pack.id, name: loaded.pack.name});
};

/** The chapter a play is in, as the lesson engine keeps it (for `play --script` and `check`). */
export const chapterStateOf = (play: Play): ChapterState | undefined => {
	const p = asPlay(play);
	return p.kind === 'chapter' ? p.state : undefined;
};

/** A play of a chapter already started (a replay that goes on from a state). */
export const playOf = (state: ChapterState): Play => toPlay({chapterId: state.lesson.id, kind: 'chapter', state, log: []});

/** The engine over lessons already loaded; `errors`: the loading problems, one line each. */
export const engineOf = (lessons: readonly AnyLesson[], errors: string[] = [], lessonDeps?: LessonDeps, pack?: {id: string; name: string}): GameEngine => {
	const deps = lessonDeps ?? defaultLessonDeps;
	const chapters = lessons.map(chapterInfo);
	const lessonOf = (id: string) => lessons.find(l => l.id === id);

	const startPlay = (id: string): ChapterPlay => {
		const lesson = lessonOf(id);
		if (!lesson) throw new Error(`no chapter ${id}`);
		return {chapterId: id, kind: 'chapter', state: startChapter(lesson, deps), log: [{t: 'start', at: wallClock()}]};
	};

	return {
		...(pack ? {pack: () => pack} : {}),
		chapters: () => chapters,
		lessonErrors: () => errors,
		start: id => toPlay(startPlay(id)),
		sandbox: () => toPlay({chapterId: undefined, kind: 'sandbox', session: newSession()}),
		resume(saved: SavedPlay) {
			if (saved.chapterId === undefined) return toPlay({chapterId: undefined, kind: 'sandbox', session: saved.session});
			if (!lessonOf(saved.chapterId)) return undefined;
			const play = startPlay(saved.chapterId);
			const data = (saved.data ?? {}) as Partial<SavedData>;
			const state = withSession({...play.state, hints: data.hints ?? {}, solutionShown: data.solutionShown ?? false, quiz: data.quiz ?? {}, stickyMet: data.stickyMet ?? [], stickyAt: data.stickyAt, irreversibleUndos: data.irreversibleUndos, excusedLines: data.excusedLines ?? [], completedAt: data.completedAt}, saved.session);
			// a log saved by an older game is not there: this run is then not replayable from its start
			const log = isRunLog(data.log) ? appendEntry(data.log, {t: 'resume', at: wallClock()}) : [{t: 'resume' as const, at: wallClock()}];
			return toPlay({...play, state, log});
		},
		save(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {chapterId: undefined, session: p.session};
			const {hints, solutionShown, quiz, stickyMet, stickyAt, irreversibleUndos, excusedLines, completedAt} = p.state;
			const data: SavedData = {hints, solutionShown, quiz, stickyMet, stickyAt, irreversibleUndos, excusedLines, completedAt, log: p.log};
			return {chapterId: p.chapterId, session: p.state.session, data};
		},
		run(play, line, view) {
			const p = asPlay(play);
			const sized = (session: Session): Session => (view?.width === undefined || view.width === session.terminalWidth ? session : {...session, terminalWidth: view.width});
			if (p.kind === 'sandbox') {
				const result = safeRun(deps, sized(p.session), line);
				return {play: toPlay({...p, session: result.session}), result, newlyMet: [], completedNow: false};
			}

			const outcome = runPlayerLine({...p.state, session: sized(p.state.session)}, line);
			const said = outcome.said.map(s => ({...s, goal: p.state.lesson.goals.find(g => g.id === s.goalId)?.text ?? s.goalId}));
			const log = outcome.result.incomplete ? p.log : logged(p, {t: 'line', line});
			return {play: toPlay({...p, state: outcome.state, log}), result: outcome.result, newlyMet: outcome.newlyMet, completedNow: outcome.completedNow, said};
		},
		session: play => {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? p.session : p.state.session;
		},
		withSession(play, session, undone) {
			const p = asPlay(play);
			// the game calls this for `undo` only
			if (p.kind === 'sandbox') return toPlay({...p, session});
			return toPlay({...p, state: undone ? undoTo(p.state, session, undone).state : withSession(p.state, session), log: logged(p, {t: 'undo'})});
		},
		goals(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return [];
			return goalViews(p.state).map(({id, text, met, reason, lost}) => ({id, text, met, ...(reason === undefined ? {} : {reason}), ...(lost === undefined ? {} : {lost})}));
		},
		isComplete(play) {
			const p = asPlay(play);
			return p.kind === 'chapter' && isComplete(p.state);
		},
		hint(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return undefined;
			const {state, hint} = takeHint(p.state);
			if (!hint) return undefined;
			return {play: toPlay({...p, state, log: logged(p, {t: 'hint'})}), text: hint.text, cost: hint.cost, tier: hint.tier, of: hint.of, unreachable: hint.unreachable, ...(hint.reason === undefined ? {} : {reason: hint.reason})};
		},
		solution(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {play, lines: []};
			const {state, lines} = showSolution(p.state);
			return {play: toPlay({...p, state, log: logged(p, {t: 'solution'})}), lines};
		},
		hintsUsed(play) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? 0 : hintsUsed(p.state);
		},
		runningScore(play) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? 0 : runningScore(p.state);
		},
		par(play) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? undefined : {used: scoredLines(p.state).changes, par: chapterPar(p.state.lesson, p.state.deps)};
		},
		score(play): ScoreReport {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {lines: [], total: 0, stars: 0};
			const s = chapterScore(p.state);
			return {
				lines: [
					{label: 'Goals', points: s.goals},
					{label: 'Par bonus', points: s.par},
					{label: 'Hints', points: -s.hints},
					{label: 'Mistakes', points: -s.mistakes},
					{label: 'Quiz', points: s.quiz},
				],
				total: s.total,
				stars: s.stars,
				notes: summaryNotes(p.state),
			};
		},
		answerQuiz(play, question, choice) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? play : toPlay({...p, state: answerQuiz(p.state, question, choice).state, log: logged(p, {t: 'quiz', q: question, choice})});
		},
		runLog(play) {
			const p = asPlay(play);
			return p.kind === 'chapter' ? p.log : undefined;
		},
		quizAnswers(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {};
			return Object.fromEntries(Object.entries(p.state.quiz).map(([k, v]) => [Number(k), v.correct]));
		},
		exportInput(play) {
			const p = asPlay(play);
			const session = p.kind === 'sandbox' ? p.session : p.state.session;
			const lesson = p.kind === 'chapter' ? p.state.lesson : undefined;
			const info = lesson ? chapters.find(c => c.id === lesson.id) : undefined;
			return {
				title: info ? `Chapter ${info.order}: ${info.title}` : 'Free sandbox',
				region: lesson?.setup.region ?? newSession().region,
				setup: lesson ? setupLines(lesson) : [],
				lines: session.history.map(h => h.line),
				// the chapter's own ids, so that ids the player typed are found in the replay
				newSession: region => newSession(region, lesson?.id),
				runLine: (s, line) => safeRun(deps, s, line),
			};
		},
		promptFor: session => promptFor(session),
		complete: (session, before) => completionCandidates(session, before),
	};
};
