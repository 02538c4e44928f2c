import {isComplete, runPlayerLine, showSolution, startChapter, takeHint, answerQuiz, chapterScore, type ChapterState} from '../lessons/chapter.js';
import {defaultLessonDeps} from '../lessons/default-deps.js';
import type {LessonDeps} from '../lessons/deps.js';
import {evaluateGoals} from '../lessons/goals.js';
import {formatLessonError, loadLessonDir} from '../lessons/load.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {HINT_COST, score} from '../lessons/scoring.js';
import {completionCandidates, promptFor} from '../shell/run-line.js';
import type {Session} from '../shell/session.js';
import {freshWorld} from '../sim/fresh-world.js';
import type {ChapterInfo, GameEngine, Play, SavedPlay, ScoreReport} from './engine-port.js';

// The port the UI talks to, wired to the lesson engine (source/lessons) and the player's shell.

type ChapterPlay = {chapterId: string; kind: 'chapter'; state: ChapterState};
type SandboxPlay = {chapterId: undefined; kind: 'sandbox'; session: Session};
type AnyPlay = ChapterPlay | SandboxPlay;

/** What a saved chapter keeps beside its session. */
type SavedData = Pick<ChapterState, 'hints' | 'solutionShown' | 'quiz' | 'stickyMet' | 'completedAt'>;

export type EngineOptions = {
	lessonsDir: string;
	deps?: LessonDeps;
};

const asPlay = (play: Play) => play as unknown as AnyPlay;
const toPlay = (play: AnyPlay) => play as unknown as Play;

const freshSession = (): Session => ({world: freshWorld(), region: 'us-east-1', files: {}, vars: {}, history: []});

/** The goals judged again on a state whose session was replaced (resume, undo). */
const rejudge = (state: ChapterState, session: Session): ChapterState => {
	const next = {...state, session};
	const goals = evaluateGoals(state.lesson, {session, vars: state.vars, region: state.lesson.setup.region, since: 0, deps: state.deps}, new Set(state.stickyMet));
	return {...next, goals};
};

const chapterInfo = (lesson: LoadedLesson): ChapterInfo => ({
	id: lesson.id,
	order: lesson.order,
	title: lesson.title,
	story: lesson.story,
	debrief: lesson.debrief,
	quiz: lesson.quiz.map(q => ({question: q.question, choices: q.choices.map(c => ({text: c.text, correct: c.correct, explain: c.explain}))})),
});

export const createEngine = (options: EngineOptions): GameEngine => {
	const deps = options.deps ?? defaultLessonDeps;
	const loaded = loadLessonDir(options.lessonsDir);
	const lessons = loaded.lessons;
	const chapters = lessons.map(chapterInfo);
	const errors = loaded.errors.map(formatLessonError);
	const lessonOf = (id: string) => lessons.find(l => l.id === id);

	const startPlay = (id: string): ChapterPlay => {
		const lesson = lessonOf(id);
		if (!lesson) throw new Error(`no chapter ${id}`);
		return {chapterId: id, kind: 'chapter', state: startChapter(lesson, deps)};
	};

	return {
		chapters: () => chapters,
		lessonErrors: () => errors,
		start: id => toPlay(startPlay(id)),
		sandbox: () => toPlay({chapterId: undefined, kind: 'sandbox', session: freshSession()}),
		resume(saved: SavedPlay) {
			if (saved.chapterId === undefined) return toPlay({chapterId: undefined, kind: 'sandbox', session: saved.session});
			if (!lessonOf(saved.chapterId)) return undefined;
			const play = startPlay(saved.chapterId);
			const data = (saved.data ?? {}) as Partial<SavedData>;
			const state = rejudge({...play.state, hints: data.hints ?? {}, solutionShown: data.solutionShown ?? false, quiz: data.quiz ?? {}, stickyMet: data.stickyMet ?? [], completedAt: data.completedAt}, saved.session);
			return toPlay({...play, state});
		},
		save(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {chapterId: undefined, session: p.session};
			const {hints, solutionShown, quiz, stickyMet, completedAt} = p.state;
			const data: SavedData = {hints, solutionShown, quiz, stickyMet, completedAt};
			return {chapterId: p.chapterId, session: p.state.session, data};
		},
		run(play, line) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') {
				let result;
				try {
					result = deps.runLine(p.session, line);
				} catch (error) {
					result = {session: p.session, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1};
				}

				return {play: toPlay({...p, session: result.session}), result};
			}

			const outcome = runPlayerLine(p.state, line);
			return {play: toPlay({...p, state: outcome.state}), result: outcome.result};
		},
		session: play => {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? p.session : p.state.session;
		},
		withSession(play, session) {
			const p = asPlay(play);
			return toPlay(p.kind === 'sandbox' ? {...p, session} : {...p, state: rejudge(p.state, session)});
		},
		goals(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return [];
			return p.state.lesson.goals.map(goal => ({id: goal.id, text: goal.text, met: p.state.goals.find(g => g.id === goal.id)?.met ?? false}));
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
			const before = p.state.hints[hint.goalId] ?? 0;
			const cost = hint.tier > before ? (HINT_COST[hint.tier - 1] ?? 0) : 0;
			return {play: toPlay({...p, state}), text: `(${hint.tier}/${hint.of}) ${hint.text}`, cost};
		},
		solution(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {play, lines: []};
			const {state, lines} = showSolution(p.state);
			return {play: toPlay({...p, state}), lines};
		},
		hintsUsed(play) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? 0 : Object.values(p.state.hints).reduce((a, b) => a + b, 0);
		},
		runningScore(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return 0;
			if (isComplete(p.state)) return chapterScore(p.state).total;
			// Points of the goals met so far, less what hints and mistakes have cost (no par bonus yet).
			const s = p.state;
			const metPoints = s.lesson.goals.filter(g => s.goals.find(x => x.id === g.id)?.met).reduce((sum, g) => sum + g.points, 0);
			const partial = score({completed: true, solutionShown: s.solutionShown, goalPoints: metPoints, par: Number.MAX_SAFE_INTEGER, awsLines: 0, failedLines: s.session.history.filter(h => h.exitCode !== 0).length, hintTiers: s.lesson.goals.map(g => s.hints[g.id] ?? 0), quizCorrect: Object.values(s.quiz).filter(a => a.correct).length});
			return partial.total - partial.par;
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
			};
		},
		answerQuiz(play, question, choice) {
			const p = asPlay(play);
			return p.kind === 'sandbox' ? play : toPlay({...p, state: answerQuiz(p.state, question, choice).state});
		},
		quizAnswers(play) {
			const p = asPlay(play);
			if (p.kind === 'sandbox') return {};
			return Object.fromEntries(Object.entries(p.state.quiz).map(([k, v]) => [Number(k), v.correct]));
		},
		promptFor: session => promptFor(session),
		complete: (session, before) => completionCandidates(session, before),
	};
};
