import {describe, expect, it, vi} from 'vitest';
import {answerQuiz, chapterScore, goalViews, isComplete, runPlayerLine, showSolution, startChapter, takeHint, type ChapterState} from '../../source/lessons/chapter.js';
import {replay} from '../../source/game/replay.js';
import {HINT_COST, PAR_BONUS} from '../../source/lessons/scoring.js';
import {fakeDeps} from './fake-deps.js';
import {twoComputers} from './fixture.js';

vi.mock('../../source/lessons/default-deps.js', async () => ({defaultLessonDeps: (await import('./fake-deps.js')).fakeDeps}));

const lesson = twoComputers();
const start = () => startChapter(lesson, fakeDeps);
const play = (state: ChapterState, ...lines: string[]) => lines.reduce((s, line) => runPlayerLine(s, line).state, state);

describe('startChapter', () => {
	it('runs the setup in the player shell, then starts the player with an empty history', () => {
		const state = start();
		expect(state.setupErrors).toEqual([]);
		expect(state.session.vars.GREETING).toBe('hello');
		expect(state.session.history).toEqual([]);
		expect(state.session.region).toBe('us-east-1');
	});

	it('computes the lesson vars from the world, out of the player\'s shell', () => {
		const state = start();
		expect(state.vars.AL2023).toMatch(/^ami-[0-9a-f]{17}$/);
		expect(state.session.vars.AL2023).toBeUndefined();
	});

	it('reports a setup line that fails and a var without a value as lesson errors', () => {
		const broken = {...lesson, setup: {region: 'us-east-1', history: [], commands: ['nosuchcommand']}, vars: {X: 'aws ec2 nothing'}};
		const state = startChapter(broken, fakeDeps);
		expect(state.setupErrors).toEqual([
			'setup.commands[0]: "nosuchcommand" exited 127: bash: nosuchcommand: command not found',
			'vars.X: "aws ec2 nothing" gave no value (exit 252): unsupported',
		]);
	});

	it('judges the goals on the state right away (nothing launched yet: clean-up is not met either)', () => {
		expect(start().goals).toEqual([
			{id: 'launched', met: false},
			{id: 'clean', met: false},
		]);
	});

	it('uses the default shell when no deps are given', () => {
		expect(startChapter(lesson).deps).toBe(fakeDeps);
	});
});

describe('runPlayerLine', () => {
	it('reports goals newly met by a line and keeps sticky goals met', () => {
		let state = play(start(), 'find');
		const launch = runPlayerLine(state, 'launch $AMI 2');
		expect(launch.newlyMet).toEqual(['launched']);
		expect(launch.state.goals).toEqual([
			{id: 'launched', met: true},
			{id: 'clean', met: false},
		]);
		expect(launch.completedNow).toBe(false);
		state = launch.state;
		const end = runPlayerLine(state, 'terminate');
		// `launched` is sticky: the instances are gone, the goal stays met
		expect(end.state.goals.every(g => g.met)).toBe(true);
		expect(end.newlyMet).toEqual(['clean']);
		expect(end.completedNow).toBe(true);
		expect(isComplete(end.state)).toBe(true);
	});

	it('lets a state goal go unmet again when the state changes back', () => {
		const state = play(start(), 'find', 'launch $AMI 1');
		expect(state.goals.find(g => g.id === 'clean')?.met).toBe(false);
	});

	it('does not judge the same state twice differently: a non-sticky goal needs every goal at once', () => {
		// clean is met at the start, launched never: no completion
		const state = play(start(), 'echo hi', 'fail');
		expect(isComplete(state)).toBe(false);
	});

	it('judges the state, not the typed text: the player\'s own $AL2023 does not change the check', () => {
		const state = play(start(), 'set AL2023 ami-00000000000000000', 'launch ami-00000000000000000 2');
		expect(state.goals.find(g => g.id === 'launched')?.met).toBe(false);
	});

	it('leaves the state alone on an incomplete line', () => {
		const state = start();
		const outcome = runPlayerLine(state, 'echo "open');
		expect(outcome.result.incomplete).toBe(true);
		expect(outcome.state).toBe(state);
	});

	it('turns a shell that throws into a failed line instead of crashing', () => {
		const outcome = runPlayerLine(start(), 'throw');
		expect(outcome.result.exitCode).toBe(1);
		expect(outcome.result.stderr).toBe('boom\n');
	});

	it('keeps old states valid (undo)', () => {
		const before = play(start(), 'find');
		const after = play(before, 'launch $AMI 2');
		expect(before.session.world.regions['us-east-1'].instances.ids()).toHaveLength(0);
		expect(after.session.world.regions['us-east-1'].instances.ids()).toHaveLength(2);
	});
});

describe('hints, solution, quiz, score', () => {
	it('reveals hint tiers in order for the first goal not met, each once', () => {
		let state = start();
		const first = takeHint(state);
		expect(first.hint).toEqual({goalId: 'launched', tier: 1, of: 3, text: 'one', cost: HINT_COST[0]});
		state = takeHint(takeHint(first.state).state).state;
		expect(state.hints).toEqual({launched: 3});
		const again = takeHint(state);
		expect(again.hint).toMatchObject({tier: 3, cost: 0});
		expect(again.state).toBe(state);
		expect(takeHint(state, 'clean').hint).toEqual({goalId: 'clean', tier: 1, of: 1, text: 'terminate them', cost: HINT_COST[0]});
		expect(takeHint(state, 'nope').hint).toBeUndefined();
	});

	it('scores the reference solution with every point and 3 stars', () => {
		const {state} = replay(lesson, lesson.solution, fakeDeps);
		// the third star needs the quiz too
		expect(chapterScore(state)).toEqual({goals: 250, par: PAR_BONUS, hints: 0, mistakes: 0, quiz: 0, total: 300, stars: 2});
		const right = lesson.quiz[0].choices.findIndex(c => c.correct);
		expect(chapterScore(answerQuiz(state, 0, right).state)).toEqual({goals: 250, par: PAR_BONUS, hints: 0, mistakes: 0, quiz: 20, total: 320, stars: 3});
	});

	it('does not count lines run after the chapter was complete', () => {
		const {state} = replay(lesson, [...lesson.solution, 'fail', 'fail', 'find', 'find'], fakeDeps);
		expect(chapterScore(answerQuiz(state, 0, lesson.quiz[0].choices.findIndex(c => c.correct)).state).stars).toBe(3);
		expect(chapterScore(state).mistakes).toBe(0);
	});

	it('does not count a failed line as a mistake when meeting that error is a goal', () => {
		const withErrorGoal = {
			...lesson,
			goals: [...lesson.goals, {...lesson.goals[0], id: 'met-not-found', sticky: true, check: {history: {errorCode: 'InvalidAMIID.NotFound'}}}],
		};
		const {state} = replay(withErrorGoal, ['fail', 'fail', ...lesson.solution], fakeDeps);
		expect(isComplete(state)).toBe(true);
		// the first `fail` met the goal (part of the lesson); the second is a mistake
		expect(state.excusedLines).toEqual([0]);
		expect(chapterScore(state).mistakes).toBe(5);
	});

	it('completes with 0 points and 0 stars once the solution is shown', () => {
		const shown = showSolution(start());
		expect(shown.lines).toEqual(lesson.solution);
		expect(isComplete(shown.state)).toBe(true);
		expect(chapterScore(play(shown.state, ...lesson.solution))).toMatchObject({total: 0, stars: 0});
	});

	it('counts the first answer to each quiz question only', () => {
		const wrong = answerQuiz(start(), 0, 1);
		expect(wrong).toMatchObject({correct: false, explain: 'No, that is an instance.'});
		const retried = answerQuiz(wrong.state, 0, 0);
		expect(retried.correct).toBe(true);
		expect(retried.state.quiz).toEqual({0: {choice: 1, correct: false}});
		const right = answerQuiz(start(), 0, 0);
		const {state} = replay(lesson, lesson.solution, fakeDeps, right.state);
		expect(chapterScore(state).quiz).toBe(20);
		expect(chapterScore(state).total).toBe(320);
		expect(answerQuiz(start(), 5, 0).correct).toBe(false);
	});
});

describe('goalViews', () => {
	it('lists the goals for the panel with their hints used', () => {
		const state = takeHint(start()).state;
		expect(goalViews(state)).toEqual([
			{id: 'launched', text: 'Launch two computers from the newest Amazon Linux 2023 AMI', met: false, points: 150, hintsUsed: 1, hintsTotal: 3},
			{id: 'clean', text: 'Nothing left costing money', met: false, points: 100, hintsUsed: 0, hintsTotal: 1},
		]);
	});
});
