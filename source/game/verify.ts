import {chapterScore, exactHint, isComplete} from '../lessons/chapter.js';
import type {LessonDeps} from '../lessons/deps.js';
import {replay, type Replay} from './replay.js';
import type {Lesson} from '../lessons/schema.js';
import {countLines, parOf} from '../lessons/scoring.js';

// Proves a lesson fair: its reference solution and alternatives meet every goal (the reference
// with 3 stars), its known-wrong attempts do not, and the game says the near misses each is
// written to meet; the exact-command hint offered at the end of each wrong attempt, pasted,
// fails on no line. What `ami-school check` and the tests run.

export type Verdict = {name: string; ok: boolean; detail: string};

const unmet = (lesson: Lesson, run: Replay): string[] => lesson.goals.filter(g => !run.state.goals.find(s => s.id === g.id)?.met).map(g => g.id);

/** The failing lines of a run, for the author to see why a solution does not work. */
const failures = (run: Replay): string =>
	run.steps
		.filter(s => s.exitCode !== 0)
		.slice(0, 3)
		.map(s => `\n      $ ${s.line}\n      exit ${s.exitCode}: ${(s.stderr || s.stdout).trim().split('\n').slice(-2).join(' | ')}`)
		.join('');

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

	const score = chapterScore(solution.state);
	// every line of the solution, also any after completion: par counts them all
	const {awsLines} = countLines(solution.state.session.history);
	const missing = unmet(lesson, solution);
	if (!isComplete(solution.state)) {
		verdicts.push({name: 'solution', ok: false, detail: `does not meet every goal (not met now: ${missing.join(', ') || 'none, but never all at once'})${failures(solution)}`});
	} else if (score.stars !== 3) {
		verdicts.push({name: 'solution', ok: false, detail: `scores ${score.stars} stars, not 3 (${awsLines} aws lines for par ${parOf(lesson)}, mistakes -${score.mistakes})${failures(solution)}`});
	} else {
		verdicts.push({name: 'solution', ok: true, detail: `meets every goal with 3 stars (${awsLines} aws lines, par ${parOf(lesson)})`});
	}

	if (lesson.par === undefined && isComplete(solution.state) && awsLines !== parOf(lesson)) {
		verdicts.push({name: 'par', ok: false, detail: `${parOf(lesson)} solution lines run aws but ${awsLines} succeeded: set par`});
	}

	if (solution.unfinished !== undefined) verdicts.push({name: 'solution', ok: false, detail: `ends inside an unfinished line: ${solution.unfinished}`});

	lesson.alternatives.forEach((lines, i) => {
		const run = replay(lesson, lines, deps);
		verdicts.push(
			isComplete(run.state)
				? {name: `alternative ${i + 1}`, ok: true, detail: 'meets every goal'}
				: {name: `alternative ${i + 1}`, ok: false, detail: `does not meet every goal (not met: ${unmet(lesson, run).join(', ')})${failures(run)}`},
		);
	});

	for (const attempt of lesson.wrong) {
		const run = replay(lesson, attempt.commands, deps);
		verdicts.push(
			isComplete(run.state)
				? {name: `wrong "${attempt.name}"`, ok: false, detail: 'meets every goal, but it should not: a goal check is too lax'}
				: {name: `wrong "${attempt.name}"`, ok: true, detail: `does not meet every goal (not met: ${unmet(lesson, run).join(', ')})`},
		);
		verdicts.push(...nearMissVerdicts(attempt, run), ...hintVerdicts(lesson, attempt, run, deps));
	}

	return verdicts;
};

/** The near misses the attempt expects were said, each right after some line of it. */
const nearMissVerdicts = (attempt: Lesson['wrong'][number], run: Replay): Verdict[] => {
	const said = run.steps.flatMap(s => s.said.map(x => x.id));
	return attempt.says.map(id =>
		said.includes(id)
			? {name: `wrong "${attempt.name}"`, ok: true, detail: `says near miss ${id}`}
			: {name: `wrong "${attempt.name}"`, ok: false, detail: `never says near miss ${id} (said: ${[...new Set(said)].join(', ') || 'nothing'})`},
	);
};

/**
 * Right after the line of a wrong attempt where an expected near miss was said, a player who asks
 * for hints gets an exact command (the near miss's own tiers, or the goal's): pasted there as it
 * is, no line of it may fail (a hint that fails where it is offered would only repeat itself).
 */
const hintVerdicts = (lesson: Lesson, attempt: Lesson['wrong'][number], run: Replay, deps?: LessonDeps): Verdict[] => {
	const verdicts: Verdict[] = [];
	run.steps.forEach((step, i) => {
		const state = run.states[i];
		if (!step.said.some(s => attempt.says.includes(s.id)) || isComplete(state)) return;
		const hint = exactHint(state);
		if (!hint) return;
		const pasted = replay(lesson, hint.text.replace(/\n+$/, '').split('\n'), deps, state);
		// a line that fails on purpose (meeting the error is the goal) is no fault of the hint
		if (pasted.steps.some(s => s.exitCode !== 0 && s.newlyMet.length === 0)) {
			verdicts.push({name: `wrong "${attempt.name}"`, ok: false, detail: `the exact-command hint for ${hint.goalId}, offered after "${step.line}", fails when pasted:${failures(pasted)}`});
		} else if (!pasted.state.goals.find(g => g.id === hint.goalId)?.met) {
			verdicts.push({name: `wrong "${attempt.name}"`, ok: false, detail: `the exact-command hint for ${hint.goalId}, offered after "${step.line}", does not meet its goal when pasted`});
		}
	});
	return verdicts;
};
