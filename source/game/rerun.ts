import {chapterScore, goalViews, hintsUsed, isComplete, type ChapterState} from '../lessons/chapter.js';
import type {LessonDeps} from '../lessons/deps.js';
import type {Score} from '../lessons/scoring.js';
import type {Lesson} from '../lessons/schema.js';
import {timeSpent, type RunLog} from '../progress/run-log.js';
import {chapterStateOf, engineOf} from './engine.js';
import type {GameEngine} from './port.js';
import {newGame, submitLine, type GameState, type LineOutcome} from './play.js';

// A run of a chapter replayed from its log (source/progress/run-log.ts): every input goes through
// the game layer as it did when the learner played, so the goals, par, score and stars come out
// as the game computed them then. What `report verify`, `report collect`, `report show` and
// `progress import` rely on: a figure the log does not give again was not earned by it.

export type RerunStep = {at?: number} & (
	| {kind: 'line'; line: string; stdout: string; stderr: string; exitCode: number; newlyMet: string[]; /** failed and met nothing: counted as a mistake */ mistake: boolean; /** the first goal still open before it */ openGoal?: string}
	| {kind: 'hint'; text: string}
	| {kind: 'solution'}
	| {kind: 'undo'; text: string}
	| {kind: 'quiz'; question: number; choice: number; correct: boolean; /** the answer's text, as the lesson has it */ answer?: string}
	| {kind: 'resume'}
);

export type GoalOutcome = {id: string; text: string; met: boolean; hints: number; mistakes: number};

export type Rerun = {
	/** why the log cannot be replayed (then the figures are those of the part that could) */
	problem?: string;
	completed: boolean;
	solutionShown: boolean;
	score: Score;
	hintsUsed: number;
	goals: GoalOutcome[];
	steps: RerunStep[];
	timeSpentMs: number;
};

const printedText = (outcome: LineOutcome) => outcome.events.map(e => (e.type === 'printed' ? e.text : '')).join('\n');

const stateOf = (game: GameState): ChapterState => chapterStateOf(game.play)!;

const firstOpen = (engine: GameEngine, game: GameState) => engine.goals(game.play).find(g => !g.met)?.id;

/** Replays a run log against a lesson (the log must start at the chapter's start). */
export const rerun = (lesson: Lesson, log: RunLog, deps?: LessonDeps): Rerun => {
	const engine = engineOf([lesson], [], deps);
	let game = newGame(engine.start(lesson.id));
	const steps: RerunStep[] = [];
	const mistakes = new Map<string, number>();
	let problem: string | undefined = log[0]?.t === 'start' ? undefined : 'the log does not start at the start of the chapter (it was saved by an older game)';
	const submit = (text: string) => {
		const outcome = submitLine(engine, game, text, {front: 'prompt', marks: 'boxes'});
		game = outcome.state;
		return outcome;
	};

	for (const entry of problem ? [] : log) {
		const {at} = entry;
		switch (entry.t) {
			case 'start': {
				break;
			}

			case 'line': {
				const open = firstOpen(engine, game);
				const outcome = submit(entry.line);
				if (outcome.shell?.incomplete) {
					problem = `a recorded line is incomplete: ${entry.line.split('\n')[0]}`;
					break;
				}

				const shell = outcome.shell ?? {stdout: printedText(outcome), stderr: '', exitCode: 0};
				const mistake = shell.exitCode !== 0 && outcome.newlyMet.length === 0;
				if (mistake && open) mistakes.set(open, (mistakes.get(open) ?? 0) + 1);
				steps.push({kind: 'line', at, line: entry.line, stdout: shell.stdout, stderr: shell.stderr, exitCode: shell.exitCode, newlyMet: outcome.newlyMet, mistake, openGoal: open});
				break;
			}

			case 'hint': {
				steps.push({kind: 'hint', at, text: printedText(submit('hint'))});
				break;
			}

			case 'solution': {
				submit('solution');
				submit('y');
				steps.push({kind: 'solution', at});
				break;
			}

			case 'undo': {
				steps.push({kind: 'undo', at, text: printedText(submit('undo'))});
				break;
			}

			case 'quiz': {
				const before = stateOf(game).quiz[entry.q];
				game = {...game, play: engine.answerQuiz(game.play, entry.q, entry.choice)};
				const answer = stateOf(game).quiz[entry.q];
				steps.push({kind: 'quiz', at, question: entry.q, choice: entry.choice, correct: before === undefined && answer?.correct === true, answer: lesson.quiz[entry.q]?.choices[entry.choice]?.text});
				break;
			}

			case 'resume': {
				const resumed = engine.resume(engine.save(game.play));
				if (resumed) game = newGame(resumed);
				steps.push({kind: 'resume', at});
				break;
			}

			case 'overflow': {
				problem = 'the run was too long to record in full';
				break;
			}
		}

		if (problem) break;
	}

	const state = stateOf(game);
	return {
		...(problem ? {problem} : {}),
		completed: isComplete(state),
		solutionShown: state.solutionShown,
		score: chapterScore(state),
		hintsUsed: hintsUsed(state),
		goals: goalViews(state).map(g => ({id: g.id, text: g.text, met: g.met, hints: g.hintsUsed, mistakes: mistakes.get(g.id) ?? 0})),
		steps,
		timeSpentMs: timeSpent(log),
	};
};
