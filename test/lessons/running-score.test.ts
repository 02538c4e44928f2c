import {describe, expect, it, vi} from 'vitest';
import {answerQuiz, chapterScore, hintsUsed, isComplete, newSession, runningScore, runPlayerLine, safeRun, startChapter, takeHint, withSession, type ChapterState} from '../../source/lessons/chapter.js';
import {HINT_COST, MISTAKE_COST, QUIZ_POINTS} from '../../source/lessons/scoring.js';
import {fakeDeps} from './fake-deps.js';
import {twoComputers} from './fixture.js';

vi.mock('../../source/lessons/default-deps.js', async () => ({defaultLessonDeps: (await import('./fake-deps.js')).fakeDeps}));

// The rules the game's status bar and hint line show while a chapter is played (they lived in the UI).

const lesson = twoComputers();
const play = (state: ChapterState, ...lines: string[]) => lines.reduce((s, line) => runPlayerLine(s, line).state, state);

describe('runningScore', () => {
	it('goals met so far, less hints and mistakes (never below 0), plus the quiz; the full score once complete', () => {
		let state = startChapter(lesson, fakeDeps);
		expect(runningScore(state)).toBe(0);
		state = play(state, 'fail');
		expect(runningScore(state)).toBe(0);
		const first = takeHint(state);
		expect(first.hint?.cost).toBe(HINT_COST[0]);
		const second = takeHint(first.state);
		expect(second.hint?.cost).toBe(HINT_COST[1]);
		state = second.state;
		expect(hintsUsed(state)).toBe(2);
		state = play(state, 'find', 'launch $AMI 2');
		const launched = lesson.goals.find(g => g.id === 'launched')!.points;
		expect(runningScore(state)).toBe(launched - HINT_COST[0] - HINT_COST[1] - MISTAKE_COST);
		// a --dry-run that answered DryRunOperation is not a mistake (the same rule as the final score)
		state = play(state, 'dry');
		expect(runningScore(state)).toBe(launched - HINT_COST[0] - HINT_COST[1] - MISTAKE_COST);
		state = answerQuiz(state, 0, 0).state;
		expect(runningScore(state)).toBe(launched - HINT_COST[0] - HINT_COST[1] - MISTAKE_COST + QUIZ_POINTS);
		state = play(state, 'terminate');
		expect(isComplete(state)).toBe(true);
		expect(runningScore(state)).toBe(chapterScore(state).total);
	});

	it('a hint tier seen again costs nothing', () => {
		const lastTier = [1, 2, 3, 4].reduce(s => takeHint(s).state, startChapter(lesson, fakeDeps));
		expect(takeHint(lastTier).hint).toMatchObject({tier: 3, cost: 0});
	});
});

describe('withSession', () => {
	it('judges the goals again on the session it is given (undo), keeping hints and sticky goals', () => {
		const start = startChapter(lesson, fakeDeps);
		const launched = play(takeHint(start).state, 'find', 'launch $AMI 2');
		expect(launched.goals.find(g => g.id === 'launched')?.met).toBe(true);
		const undone = withSession(launched, start.session);
		expect(undone.session).toBe(start.session);
		expect(undone.goals).toEqual([
			{id: 'launched', met: true}, // sticky: once met, it stays met
			{id: 'clean', met: false},
		]);
		expect(undone.hints).toEqual(launched.hints);
	});
});

describe('newSession and safeRun', () => {
	it('a fresh world in the Region, and a throwing shell becomes a failed line', () => {
		const session = newSession('eu-west-1');
		expect(session).toMatchObject({region: 'eu-west-1', files: {}, vars: {}, history: []});
		expect(safeRun(fakeDeps, session, 'throw')).toEqual({session, stdout: '', stderr: 'boom\n', exitCode: 1});
	});
});
