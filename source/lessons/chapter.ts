import type {LineResult, Session} from '../shell/session.js';
import {DEFAULT_SEED, freshWorld} from '../sim/core/fresh-world.js';
import {hashString} from '../sim/core/ids.js';
import {defaultLessonDeps} from './default-deps.js';
import type {LessonDeps} from './deps.js';
import {afterStates, markKey} from './check-schema.js';
import {allMet, evaluateCheck, evaluateGoals, type GoalContext, type GoalStatus} from './goals.js';
import {currentMiss, isLost, judgeReasons, missText, newlySaid, type Reasons, type Said} from './near-miss.js';
import type {Goal, Lesson} from './schema.js';
import {changesOf, countLines, hintsCost, mistakesCost, nextStarText, QUIZ_POINTS, score, tierCost, type Score, type ScoreInput} from './scoring.js';
import {expandVars, splitWords} from './words.js';

// One chapter being played: the player's session, the goals as they stand, hints, quiz answers.
// Every function returns a new state (the old one stays valid: keep it for undo).

/** Every line a chapter's setup runs, in order: its history (the past) first, then its commands. */
export const setupLines = (lesson: Lesson): string[] => [...lesson.setup.history.flatMap(moment => moment.commands), ...lesson.setup.commands];

export type ChapterState = {
	lesson: Lesson;
	deps: LessonDeps;
	session: Session;
	/** the lesson's vars, computed after the setup */
	vars: Record<string, string>;
	goals: GoalStatus[];
	/** sticky goals met at some point */
	stickyMet: string[];
	/** sticky goal id -> the history length when it was first met (undo unticks it when it goes back before that) */
	stickyAt?: Record<string, number>;
	/** lines the player undid that real AWS could not have taken back (a terminate, deregister, delete), with what they destroyed */
	irreversibleUndos?: Array<{line: string; ids: string[]}>;
	/** history indices of failed lines that met a goal: part of the lesson, not mistakes */
	excusedLines: number[];
	/** goal id -> hint tiers revealed */
	hints: Record<string, number>;
	solutionShown: boolean;
	/** the player's history length when every goal was first met at once: the chapter is complete */
	completedAt?: number;
	/** the first answer to each quiz question */
	quiz: Record<number, {choice: number; correct: boolean}>;
	/** problems of the lesson itself (a setup line failed, a var has no value) */
	setupErrors: string[];
	/** why each open goal is not met (its near miss that holds), and the goals that can no longer be met */
	why: Reasons;
};

/** `said`: the near misses and lost goals this line brought about (each said once, when it starts to hold). */
export type PlayerLineOutcome = {state: ChapterState; result: LineResult; newlyMet: string[]; completedNow: boolean; said: Said[]};

/** The shell's runLine, with anything it throws turned into a failed line (exit 1). */
export const safeRun = (deps: LessonDeps, session: Session, line: string): LineResult => {
	try {
		return deps.runLine(session, line);
	} catch (error) {
		return {session, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1};
	}
};

const goalContext = (state: Pick<ChapterState, 'lesson' | 'deps' | 'session' | 'vars'>): GoalContext => ({
	session: state.session,
	vars: state.vars,
	region: state.lesson.setup.region,
	deps: state.deps,
});

/** The lesson's vars: each an aws command run against the world after the setup. */
const computeVars = (lesson: Lesson, session: Session, deps: LessonDeps): {vars: Record<string, string>; errors: string[]} => {
	const vars: Record<string, string> = {};
	const errors: string[] = [];
	for (const [name, command] of Object.entries(lesson.vars)) {
		try {
			const args = splitWords(expandVars(command, vars)).slice(1);
			const outcome = deps.runAws(session.world, args, {readFile: p => session.files[p], defaultRegion: lesson.setup.region});
			const value = outcome.stdout.trim();
			if (outcome.exitCode !== 0 || value === '' || value === 'None' || value === 'null') {
				errors.push(`vars.${name}: "${command}" gave no value (exit ${outcome.exitCode})${outcome.stderr.trim() ? `: ${outcome.stderr.trim()}` : ''}`);
			}

			vars[name] = value;
		} catch (error) {
			errors.push(`vars.${name}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	return {vars, errors};
};

/**
 * A fresh world and an empty shell session in `region`: the sandbox's, or with `chapterId` a
 * chapter's before its setup, whose ids are the chapter's own (chapter 3 never shows an id the
 * learner met in chapter 2, as if resources had carried over).
 */
export const newSession = (region = 'us-east-1', chapterId?: string): Session => ({
	world: freshWorld(DEFAULT_SEED, chapterId === undefined ? undefined : hashString(`chapter:${chapterId}`)),
	region,
	files: {},
	vars: {},
	history: [],
});

/** A fresh world, the setup run through the player's shell (silently), the goals as they stand. */
export const startChapter = (lesson: Lesson, deps: LessonDeps = defaultLessonDeps): ChapterState => {
	let session = newSession(lesson.setup.region, lesson.id);
	const setupErrors: string[] = [];
	const runSetup = (line: string, where: string) => {
		const result = safeRun(deps, session, line);
		session = result.session;
		if (result.incomplete) setupErrors.push(`${where}: "${line}" is incomplete`);
		else if (result.exitCode !== 0) setupErrors.push(`${where}: "${line}" exited ${result.exitCode}${result.stderr.trim() ? `: ${result.stderr.trim()}` : ''}`);
	};

	// What happened before the chapter's day, each at its own moment; then back to the day itself.
	const today = session.world.clock;
	lesson.setup.history.forEach((moment, h) => {
		session = {...session, world: {...session.world, clock: Date.parse(moment.at)}};
		moment.commands.forEach((line, i) => runSetup(line, `setup.history[${h}].commands[${i}]`));
	});
	if (session.world.clock !== today) session = {...session, world: {...session.world, clock: Math.max(today, session.world.clock)}};
	lesson.setup.commands.forEach((line, i) => runSetup(line, `setup.commands[${i}]`));
	// The player's history starts with their own first command.
	session = {...session, history: []};
	const {vars, errors} = computeVars(lesson, session, deps);
	setupErrors.push(...errors);
	const base = {lesson, deps, session, vars};
	const goals = evaluateGoals(lesson, goalContext(base));
	const stickyMet = stickyOf(lesson, goals, []);
	const why = judgeReasons(lesson, goals, goalContext(base));
	return {...base, goals, stickyMet, stickyAt: Object.fromEntries(stickyMet.map(id => [id, 0])), excusedLines: [], hints: {}, solutionShown: false, quiz: {}, setupErrors, why};
};

/**
 * The line just run, marked with the `after:` states of the goals that hold now, so that a later
 * `ran` check knows they held before it (history entries are saved and undone with the session).
 */
const withMarks = (state: ChapterState, session: Session): Session => {
	const states = afterStates(state.lesson.goals.map(g => g.check));
	const last = session.history.at(-1);
	if (states.length === 0 || !last || session.history.length <= state.session.history.length) return session;
	const ctx = goalContext({...state, session});
	const marks = states.filter(check => evaluateCheck(check, ctx)).map(markKey);
	return marks.length === 0 ? session : {...session, history: [...session.history.slice(0, -1), {...last, marks}]};
};

const stickyOf = (lesson: Lesson, goals: GoalStatus[], before: string[]): string[] => {
	const set = new Set(before);
	for (const goal of lesson.goals) if (goal.sticky && goals.find(g => g.id === goal.id)?.met) set.add(goal.id);
	return [...set];
};

/** When each sticky goal was first met (history length), with the ones met by the line just run. */
const stickyAtOf = (state: ChapterState, goals: GoalStatus[], length: number): Record<string, number> => {
	const at = {...state.stickyAt};
	for (const goal of state.lesson.goals) if (goal.sticky && at[goal.id] === undefined && goals.find(g => g.id === goal.id)?.met) at[goal.id] = length;
	return at;
};

export const isComplete = (state: ChapterState): boolean => state.completedAt !== undefined;

/** Runs one line the player typed; the goals are judged again on the new state. */
export const runPlayerLine = (state: ChapterState, line: string): PlayerLineOutcome => {
	const result = safeRun(state.deps, state.session, line);
	if (result.incomplete) return {state, result, newlyMet: [], completedNow: false, said: []};
	const next = {...state, session: withMarks(state, result.session)};
	const goals = evaluateGoals(state.lesson, goalContext(next), new Set(state.stickyMet));
	const why = judgeReasons(state.lesson, goals, goalContext(next));
	const newlyMet = goals.filter(g => g.met && !state.goals.find(old => old.id === g.id)?.met).map(g => g.id);
	const completedNow = state.completedAt === undefined && allMet(goals);
	const index = result.session.history.length - 1;
	const excused = result.exitCode !== 0 && newlyMet.length > 0 && index >= state.session.history.length;
	return {
		state: {
			...next,
			goals,
			stickyMet: stickyOf(state.lesson, goals, state.stickyMet),
			stickyAt: stickyAtOf(state, goals, result.session.history.length),
			excusedLines: excused ? [...state.excusedLines, index] : state.excusedLines,
			completedAt: completedNow ? result.session.history.length : state.completedAt,
			why,
		},
		result,
		newlyMet,
		completedNow,
		said: newlySaid(state.lesson, state.why, why, goalContext(next)),
	};
};

/**
 * `cost`: the points this reveal costs (0 for a tier already seen). `unreachable`: the goal can no
 * longer be met, and `text` says so and how to get back (no tier is revealed, nothing is charged).
 */
export type Hint = {goalId: string; tier: number; of: number; text: string; cost: number; unreachable?: boolean; reason?: string};

/** What an unreachable goal's hint adds: the ways back. */
export const WAY_BACK = 'Type `undo` to take back your last change (again for the one before), or `reset` to start the chapter again.';

/**
 * The next hint tier for a goal (by default the first goal not met, or before it one that can no
 * longer be met). Revealing a tier already seen again costs nothing.
 */
export const takeHint = (state: ChapterState, goalId?: string): {state: ChapterState; hint?: Hint} => {
	const ctx = goalContext(state);
	const open = state.lesson.goals.filter(g => !state.goals.find(s => s.id === g.id)?.met);
	// A goal that can no longer be met comes first: the sooner the player hears, the less to undo.
	// Then one the player has missed (a near miss holds): the hint starts from what they did.
	// Then the first open goal, in the lesson's order.
	const goal = goalId ? state.lesson.goals.find(g => g.id === goalId) : (open.find(g => isLost(g, ctx)) ?? open.find(g => currentMiss(g, ctx)) ?? open[0]);
	if (!goal) return {state};
	const seen = state.hints[goal.id] ?? 0;
	if (goal.unreachable && isLost(goal, ctx)) {
		return {state, hint: {goalId: goal.id, tier: seen, of: goal.hints.length, text: `This goal can no longer be met: ${goal.text}. ${goal.unreachable.message.trim()} ${WAY_BACK}`, cost: 0, unreachable: true}};
	}

	const {tiers, reason} = hintTiers(goal, ctx);
	const tier = Math.min(seen + 1, tiers.length);
	const hint = {goalId: goal.id, tier, of: tiers.length, text: tiers[tier - 1], cost: tierCost(tier, seen), ...(reason === undefined ? {} : {reason})};
	return {state: tier > seen ? {...state, hints: {...state.hints, [goal.id]: tier}} : state, hint};
};

/**
 * The hint tiers of a goal in the state of `ctx`: those of its near miss that holds, when it has
 * its own (the goal's last tier would fail there), otherwise the goal's; and the near miss's words.
 */
export const hintTiers = (goal: Goal, ctx: GoalContext): {tiers: string[]; reason?: string} => {
	const miss = currentMiss(goal, ctx);
	return {tiers: miss?.hints ?? goal.hints, reason: miss ? missText(miss, ctx) : undefined};
};

/**
 * The goal `hint` is about now and its last tier (the exact command) as it would be given, with
 * where that tier is in the lesson: for `check`.
 */
export const exactHint = (state: ChapterState): {goalId: string; text: string; path: Array<string | number>} | undefined => {
	const {hint} = takeHint(state);
	if (!hint || hint.unreachable) return undefined;
	const g = state.lesson.goals.findIndex(goal => goal.id === hint.goalId);
	const goal = state.lesson.goals[g];
	const miss = currentMiss(goal, goalContext(state));
	const {tiers} = hintTiers(goal, goalContext(state));
	const path = miss?.hints ? ['goals', g, 'nearMisses', goal.nearMisses.indexOf(miss), 'hints', tiers.length - 1] : ['goals', g, 'hints', tiers.length - 1];
	return {goalId: goal.id, text: tiers.at(-1)!, path};
};

/** Shows the reference solution: the chapter counts as complete, with 0 stars. */
export const showSolution = (state: ChapterState): {state: ChapterState; lines: string[]} => ({
	state: {...state, solutionShown: true, completedAt: state.completedAt ?? state.session.history.length},
	lines: state.lesson.solution,
});

/** Answers a quiz question; only the first answer to a question counts. */
export const answerQuiz = (state: ChapterState, question: number, choice: number): {state: ChapterState; correct: boolean; explain: string} => {
	const q = state.lesson.quiz[question];
	const c = q?.choices[choice];
	if (!q || !c) return {state, correct: false, explain: ''};
	const quiz = state.quiz[question] ? state.quiz : {...state.quiz, [question]: {choice, correct: c.correct}};
	return {state: {...state, quiz}, correct: c.correct, explain: c.explain};
};

/** State-changing AWS calls (par) and failed lines (mistakes) that count: none after completion, excused ones aside. */
export const scoredLines = (state: ChapterState): {changes: number; failedLines: number} =>
	countLines(state.session.history.slice(0, state.completedAt ?? state.session.history.length), state.excusedLines);

const derivedPar = new WeakMap<Lesson, number>();

/**
 * Par: the lesson's `par`, else the state-changing AWS calls its reference solution makes when
 * played (computed once per lesson): however the solution is written, par counts what it changes.
 */
export const chapterPar = (lesson: Lesson, deps: LessonDeps = defaultLessonDeps): number => {
	if (lesson.par !== undefined) return lesson.par;
	const known = derivedPar.get(lesson);
	if (known !== undefined) return known;
	let state = startChapter(lesson, deps);
	for (const line of lesson.solution) state = runPlayerLine(state, line).state;
	const par = Math.max(1, state.session.history.reduce((sum, entry) => sum + changesOf(entry), 0));
	derivedPar.set(lesson, par);
	return par;
};

/** What the score is computed from, as the chapter stands. */
export const scoreInput = (state: ChapterState): ScoreInput => {
	const {changes, failedLines} = scoredLines(state);
	return {
		completed: state.completedAt !== undefined,
		solutionShown: state.solutionShown,
		goalPoints: state.lesson.goals.reduce((sum, g) => sum + g.points, 0),
		par: chapterPar(state.lesson, state.deps),
		changes,
		failedLines,
		hintTiers: state.lesson.goals.map(g => state.hints[g.id] ?? 0),
		quizCorrect: Object.values(state.quiz).filter(a => a.correct).length,
		quizTotal: state.lesson.quiz.length,
	};
};

/** The score as it stands (0 stars until complete); lines after completion do not count. */
export const chapterScore = (state: ChapterState): Score => score(scoreInput(state));

/** What the next star needs, for the summary (undefined at 3 stars). */
export const chapterNextStar = (state: ChapterState): string | undefined => nextStarText(scoreInput(state));

/** What the summary says under the score: the undos real AWS would not have allowed, and what the next star needs. */
export const summaryNotes = (state: ChapterState): string[] => {
	const notes: string[] = [];
	const undos = state.irreversibleUndos ?? [];
	if (undos.length > 0) {
		const ids = undos.flatMap(u => u.ids);
		notes.push(`Undone ${undos.length} time${undos.length === 1 ? '' : 's'} what real AWS cannot take back (${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}): on AWS these would be gone for good.`);
	}

	const next = chapterNextStar(state);
	if (next) notes.push(next);
	return notes;
};

/** Hint tiers revealed so far, over every goal. */
export const hintsUsed = (state: ChapterState): number => Object.values(state.hints).reduce((a, b) => a + b, 0);

/**
 * The score as the status bar shows it while the chapter is played: the points of the goals met
 * so far, less what hints and mistakes have cost (never below 0), plus the quiz; the par bonus
 * only comes with completion, when this is the chapter's score.
 */
export const runningScore = (state: ChapterState): number => {
	if (isComplete(state)) return chapterScore(state).total;
	const metPoints = state.lesson.goals.filter(g => state.goals.find(x => x.id === g.id)?.met).reduce((sum, g) => sum + g.points, 0);
	const {failedLines} = scoredLines(state);
	const hints = hintsCost(state.lesson.goals.map(g => state.hints[g.id] ?? 0));
	const quiz = Object.values(state.quiz).filter(a => a.correct).length * QUIZ_POINTS;
	return Math.max(0, metPoints - hints - mistakesCost(failedLines)) + quiz;
};

/** The same chapter with another session (undo, resume): the goals are judged again on it, counters stay. */
export const withSession = (state: ChapterState, session: Session): ChapterState => {
	const next = {...state, session};
	const goals = evaluateGoals(state.lesson, goalContext(next), new Set(state.stickyMet));
	return {...next, goals, why: judgeReasons(state.lesson, goals, goalContext(next))};
};

/**
 * `undo`: the chapter with the session from before a line. A goal that is no longer true is
 * unticked, sticky or not: a sticky goal stays met only if it was met within the history that is
 * kept (or, in a save from before that was recorded, if its check holds now). `irreversible`: what
 * the undone line destroyed that real AWS could not give back, kept for the summary.
 */
export const undoTo = (state: ChapterState, session: Session, undone?: {line: string; irreversible: string[]}): {state: ChapterState; unticked: string[]} => {
	const keep = session.history.length;
	const live = evaluateGoals(state.lesson, goalContext({...state, session}));
	const stickyAt = Object.fromEntries(Object.entries(state.stickyAt ?? {}).filter(([, at]) => at <= keep));
	const stickyMet = state.stickyMet.filter(id => stickyAt[id] !== undefined || (state.stickyAt?.[id] === undefined && live.find(g => g.id === id)?.met));
	const next = {...state, session, stickyAt, stickyMet};
	const goals = evaluateGoals(state.lesson, goalContext(next), new Set(stickyMet));
	const unticked = goals.filter(g => !g.met && state.goals.find(old => old.id === g.id)?.met).map(g => g.id);
	const irreversibleUndos = undone && undone.irreversible.length > 0 ? [...(state.irreversibleUndos ?? []), {line: undone.line, ids: undone.irreversible}] : state.irreversibleUndos;
	return {state: {...next, goals, why: judgeReasons(state.lesson, goals, goalContext(next)), ...(irreversibleUndos ? {irreversibleUndos} : {})}, unticked};
};

/** `reason`: why the open goal is not met (its near miss); `lost`: it can no longer be met, and why. */
export type GoalView = {id: string; text: string; met: boolean; points: number; hintsUsed: number; hintsTotal: number; reason?: string; lost?: string};

/** What the goals panel shows, in the lesson's order. */
export const goalViews = (state: ChapterState): GoalView[] =>
	state.lesson.goals.map(goal => ({
		id: goal.id,
		text: goal.text,
		met: state.goals.find(g => g.id === goal.id)?.met ?? false,
		points: goal.points,
		hintsUsed: state.hints[goal.id] ?? 0,
		hintsTotal: goal.hints.length,
		...(state.why.reasons[goal.id] ? {reason: state.why.reasons[goal.id].text} : {}),
		...(state.why.lost.includes(goal.id) && goal.unreachable ? {lost: goal.unreachable.message.trim()} : {}),
	}));
