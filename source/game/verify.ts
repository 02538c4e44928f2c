import {chapterPar, exactHint, isComplete, scoreInput} from '../lessons/chapter.js';
import type {LessonDeps} from '../lessons/deps.js';
import {hintText} from './commands.js';
import {replay, scriptLines, type Replay} from './replay.js';
import type {Lesson} from '../lessons/schema.js';
import {countLines, score as scoreOf} from '../lessons/scoring.js';
import type {FieldPath} from '../lessons/locate.js';

// Proves a lesson fair: its reference solution and alternatives meet every goal (the reference
// with 3 stars), its known-wrong attempts do not, and the game says the near misses each is
// written to meet; the exact-command hint offered where each is said, pasted, fails on no line
// and meets its goal. What `ami-school check` and the tests run.

/** A line of the lesson file a verdict points at (check prints it as file:line). */
export type Pointer = {path: FieldPath; text: string};

export type Verdict = {name: string; ok: boolean; detail: string; /** where to look, for a failure */ at?: Pointer[]};

const unmet = (lesson: Lesson, run: Replay): string[] => lesson.goals.filter(g => !run.state.goals.find(s => s.id === g.id)?.met).map(g => g.id);

const lastLines = (text: string, n: number) => {
	const lines = text.trim().split('\n').filter(Boolean);
	return lines.length === 0 ? '(no output)' : lines.slice(-n).join('\n        ');
};

/**
 * Why a run of `lines` (at `base` in the file: ['solution'], ['alternatives', 2]) falls short: its
 * failing lines (else its last few) with the command and its output, then each goal left unmet.
 */
const failures = (lesson: Lesson, run: Replay, base: FieldPath): Pointer[] => {
	const failed = run.steps.filter(s => s.exitCode !== 0).slice(0, 3);
	// none failed: the mistake is in what a line asked for, so show the lines (the last few)
	const shown = failed.length > 0 ? failed : run.steps.slice(-6);
	const steps = shown.map(s => ({path: [...base, s.index], text: `$ ${s.line}\n        exit ${s.exitCode}: ${lastLines(s.stderr || s.stdout, 3)}`}));
	const goals = lesson.goals.flatMap((g, i) => (run.state.goals.find(s => s.id === g.id)?.met ? [] : [{path: ['goals', i] as FieldPath, text: `goal ${g.id} stayed unmet: ${g.text}`}]));
	return [...steps, ...goals];
};

export const verifyLesson = (lesson: Lesson, deps?: LessonDeps): Verdict[] => {
	const verdicts: Verdict[] = [];
	const solution = replay(lesson, lesson.solution, deps);
	for (const error of solution.state.setupErrors) verdicts.push({name: 'setup', ok: false, detail: error});
	if (solution.state.setupErrors.length === 0) verdicts.push({name: 'setup', ok: true, detail: `${lesson.setup.commands.length} lines, ${Object.keys(lesson.vars).length} vars`});

	// A goal met before the player types anything gives points for nothing (e.g. a clean-up goal
	// that only asks for a zero bill): pair it with a check that the work was done first.
	const start = replay(lesson, [], deps);
	const freebies = start.state.goals.filter(g => g.met).map(g => g.id);
	verdicts.push(
		freebies.length > 0
			? {name: 'start', ok: false, detail: `goals met before the player does anything: ${freebies.join(', ')} (add a check that the work was done, e.g. a history check)`}
			: {name: 'start', ok: true, detail: 'no goal is met before the player starts'},
	);

	// the lab alone: the solution is scored as if every quiz answer were right
	const input = scoreInput(solution.state);
	const score = scoreOf({...input, quizCorrect: input.quizTotal ?? 0});
	const par = chapterPar(lesson, deps);
	// every line of the solution, also any after completion: par counts them all
	const {changes} = countLines(solution.state.session.history);
	const missing = unmet(lesson, solution);
	if (!isComplete(solution.state)) {
		verdicts.push({name: 'solution', ok: false, detail: `does not meet every goal (not met now: ${missing.join(', ') || 'none, but never all at once'})`, at: failures(lesson, solution, ['solution'])});
	} else if (score.stars !== 3) {
		verdicts.push({name: 'solution', ok: false, detail: `scores ${score.stars} stars, not 3 (${changes} state-changing AWS calls for par ${par}, mistakes -${score.mistakes})`, at: failures(lesson, solution, ['solution'])});
	} else {
		verdicts.push({name: 'solution', ok: true, detail: `meets every goal with 3 stars (${changes} state-changing AWS calls, par ${par})`});
	}

	if (solution.unfinished !== undefined) verdicts.push({name: 'solution', ok: false, detail: `ends inside an unfinished line: ${solution.unfinished}`});

	lesson.alternatives.forEach((lines, i) => {
		const run = replay(lesson, lines, deps);
		verdicts.push(
			isComplete(run.state)
				? {name: `alternative ${i + 1}`, ok: true, detail: 'meets every goal'}
				: {name: `alternative ${i + 1}`, ok: false, detail: `does not meet every goal (not met: ${unmet(lesson, run).join(', ')})`, at: failures(lesson, run, ['alternatives', i])},
		);
	});

	verdicts.push(...hintVerdicts(lesson, deps));

	for (const [w, attempt] of lesson.wrong.entries()) {
		const run = replay(lesson, attempt.commands, deps);
		verdicts.push(
			isComplete(run.state)
				? {name: `wrong "${attempt.name}"`, ok: false, detail: 'meets every goal, but it should not: a goal check is too lax'}
				: {name: `wrong "${attempt.name}"`, ok: true, detail: `does not meet every goal (not met: ${unmet(lesson, run).join(', ')})`},
		);
		verdicts.push(...nearMissVerdicts(attempt, w, run), ...nearMissHintVerdicts(lesson, attempt, run, deps));
	}

	return verdicts;
};

/** The near misses the attempt expects were said, each right after some line of it. */
const nearMissVerdicts = (attempt: Lesson['wrong'][number], w: number, run: Replay): Verdict[] => {
	const said = run.steps.flatMap(s => s.said.map(x => x.id));
	return attempt.says.map((id, i) =>
		said.includes(id)
			? {name: `wrong "${attempt.name}"`, ok: true, detail: `says near miss ${id}`}
			: {name: `wrong "${attempt.name}"`, ok: false, detail: `never says near miss ${id} (said: ${[...new Set(said)].join(', ') || 'nothing'})`, at: [{path: ['wrong', w, 'says', i], text: id}]},
	);
};

/**
 * Right after the line of a wrong attempt where an expected near miss was said, a player who asks
 * for hints gets an exact command (the near miss's own tiers, or the goal's): pasted there as it
 * is, no line of it may fail (a hint that fails where it is offered would only repeat itself).
 */
const nearMissHintVerdicts = (lesson: Lesson, attempt: Lesson['wrong'][number], run: Replay, deps?: LessonDeps): Verdict[] => {
	const verdicts: Verdict[] = [];
	run.steps.forEach((step, i) => {
		const state = run.states[i];
		if (!step.said.some(s => attempt.says.includes(s.id)) || isComplete(state)) return;
		const hint = exactHint(state);
		if (!hint) return;
		const pasted = replay(lesson, hint.text.replace(/\n+$/, '').split('\n'), deps, state);
		// a line that fails on purpose (meeting the error is the goal) is no fault of the hint
		const failed = pasted.steps.filter(s => s.exitCode !== 0 && s.newlyMet.length === 0);
		const at = failed.slice(0, 3).map(s => ({path: hint.path, text: `$ ${s.line}\n        exit ${s.exitCode}: ${lastLines(s.stderr || s.stdout, 2)}`}));
		if (failed.length > 0) {
			verdicts.push({name: `wrong "${attempt.name}"`, ok: false, detail: `the exact-command hint for ${hint.goalId}, offered after "${step.line}", fails when pasted`, at});
		} else if (!pasted.state.goals.find(g => g.id === hint.goalId)?.met) {
			verdicts.push({name: `wrong "${attempt.name}"`, ok: false, detail: `the exact-command hint for ${hint.goalId}, offered after "${step.line}", does not meet its goal when pasted`, at: [{path: hint.path, text: `goal ${hint.goalId} is still unmet`}]});
		}
	});
	return verdicts;
};

/** The widest line of an exact-command hint: it fits an 80-column terminal, so the terminal never wraps it. */
export const HINT_LINE_LIMIT = 78;

/**
 * The last hint tier of a goal is the exact command: pasted line by line (a line left open joins
 * the next) when its goal is the first one open, the last tiers complete the chapter; and each of
 * their lines fits 80 columns as the game shows it. Goals with fewer than 3 tiers have no exact
 * command and are skipped (their last tier is a nudge or a shape), unless no goal has one.
 */
export const hintVerdicts = (lesson: Lesson, deps?: LessonDeps): Verdict[] => {
	const exact = lesson.goals.flatMap((goal, g) => (goal.hints.length === 3 ? [{goal, g}] : []));
	if (exact.length === 0) return [];
	const wide: Pointer[] = [];
	for (const {goal, g} of exact) {
		const shown = hintText({text: goal.hints.at(-1)!, cost: 25, tier: goal.hints.length, of: goal.hints.length});
		for (const line of shown.split('\n').filter(l => l.length > HINT_LINE_LIMIT)) wide.push({path: ['goals', g, 'hints', 2], text: `${line.length} characters, more than ${HINT_LINE_LIMIT}: ${line.trim().slice(0, 50)}…`});
	}

	const verdicts: Verdict[] = wide.length > 0 ? [{name: 'hints', ok: false, detail: 'a line of an exact-command hint is wider than an 80-column terminal: break it with \\ or keep values in variables', at: wide}] : [];
	let state = replay(lesson, [], deps).state;
	const pasted: Pointer[] = [];
	for (let i = 0; i < lesson.goals.length * 2 && state.completedAt === undefined; i++) {
		const g = lesson.goals.findIndex(goal => !state.goals.find(s => s.id === goal.id)?.met);
		const goal = lesson.goals[g];
		if (!goal || goal.hints.length !== 3) break;
		const run = replay(lesson, scriptLines(goal.hints.at(-1)!), deps, state);
		for (const step of run.steps.filter(s => s.exitCode !== 0)) pasted.push({path: ['goals', g, 'hints', 2], text: `$ ${step.line}\n        exit ${step.exitCode}: ${lastLines(step.stderr || step.stdout, 2)}`});
		if (run.unfinished !== undefined) pasted.push({path: ['goals', g, 'hints', 2], text: `ends inside an unfinished line: ${run.unfinished}`});
		state = run.state;
		if (!state.goals.find(s => s.id === goal.id)?.met) {
			pasted.push({path: ['goals', g, 'hints', 2], text: `goal ${goal.id} is still unmet after its last hint is pasted`});
			break;
		}
	}

	const complete = state.completedAt !== undefined;
	const partial = exact.length < lesson.goals.length;
	verdicts.push(
		complete || (partial && pasted.length === 0)
			? {name: 'hints', ok: true, detail: complete ? 'pasting the last hint of each open goal completes the chapter' : `the exact-command hints work (${exact.length} of ${lesson.goals.length} goals have one)`}
			: {name: 'hints', ok: false, detail: 'pasting the last hint of each open goal, in order, does not complete the chapter', at: pasted},
	);
	return verdicts;
};
