import {describe, expect, it} from 'vitest';
import {runPlayerLine, startChapter} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';

// The last hint tier of a goal is "the exact command": pasted at the prompt when that goal is the
// first one open, it must work. A player who only ever pastes those commands, one after another,
// completes every real chapter.

const {lessons} = loadLessonDir(defaultLessonsDir());

describe('exact-command hints', () => {
	it.each(lessons.map(l => [l.id, l] as const))('%s: pasting the last tier of each open goal completes the chapter', (_id, lesson) => {
		let state = startChapter(lesson);
		const pasted: string[] = [];
		for (let i = 0; i < lesson.goals.length * 2 && state.completedAt === undefined; i++) {
			const goal = lesson.goals.find(g => !state.goals.find(s => s.id === g.id)?.met);
			if (!goal) break;
			const outcome = runPlayerLine(state, goal.hints.at(-1)!);
			pasted.push(`${goal.id}: exit ${outcome.result.exitCode} ${outcome.result.stderr.trim().split('\n').at(-1) ?? ''}`);
			state = outcome.state;
		}

		expect(state.completedAt, pasted.join('\n')).toBeDefined();
	}, 30_000);
});
