import {describe, expect, it} from 'vitest';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';

// Every fact of the curriculum (F1…F32) is taught by some goal the player achieves or, where it
// cannot be done in the sandbox, by a quiz question.

const CURRICULUM = Array.from({length: 32}, (_, i) => `F${i + 1}`);

describe('fact coverage', () => {
	const {lessons, facts, errors} = loadLessonDir(defaultLessonsDir());

	it('lessons/ loads without errors', () => {
		expect(errors).toEqual([]);
	});

	it('facts.yaml holds exactly F1…F32', () => {
		expect(Object.keys(facts ?? {}).sort()).toEqual([...CURRICULUM].sort());
	});

	it('every fact is taught by a goal or a quiz question', () => {
		const taught = new Set(lessons.flatMap(l => [...l.goals.flatMap(g => g.facts), ...l.quiz.flatMap(q => q.facts)]));
		expect(CURRICULUM.filter(id => !taught.has(id))).toEqual([]);
	});
});
