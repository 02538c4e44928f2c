import {chapterPar, isComplete, scoreInput} from '../lessons/chapter.js';
import type {LessonDeps} from '../lessons/deps.js';
import {replay, type Replay} from './replay.js';
import type {Lesson} from '../lessons/schema.js';
import {countLines, score as scoreOf} from '../lessons/scoring.js';

// Proves a lesson fair: its reference solution and alternatives meet every goal (the reference
// with 3 stars), its known-wrong attempts do not. What `ami-school check` and the tests run.

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

	// the lab alone: the solution is scored as if every quiz answer were right
	const input = scoreInput(solution.state);
	const score = scoreOf({...input, quizCorrect: input.quizTotal ?? 0});
	const par = chapterPar(lesson, deps);
	// every line of the solution, also any after completion: par counts them all
	const {changes} = countLines(solution.state.session.history);
	const missing = unmet(lesson, solution);
	if (!isComplete(solution.state)) {
		verdicts.push({name: 'solution', ok: false, detail: `does not meet every goal (not met now: ${missing.join(', ') || 'none, but never all at once'})${failures(solution)}`});
	} else if (score.stars !== 3) {
		verdicts.push({name: 'solution', ok: false, detail: `scores ${score.stars} stars, not 3 (${changes} state-changing AWS calls for par ${par}, mistakes -${score.mistakes})${failures(solution)}`});
	} else {
		verdicts.push({name: 'solution', ok: true, detail: `meets every goal with 3 stars (${changes} state-changing AWS calls, par ${par})`});
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
	}

	return verdicts;
};
