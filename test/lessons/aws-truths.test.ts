import {describe, expect, it} from 'vitest';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import type {Lesson} from '../../source/lessons/schema.js';

// What the lessons say, checked against AWS (issue 20, sources in aws-reference.md section 8):
// each sentence that review found false, outdated or missing a caveat, pinned to its fix.

const {lessons, facts} = loadLessonDir(defaultLessonsDir());
const chapter = (order: number): Lesson => lessons.find(l => l.order === order)!;
/** Everything a learner reads in a chapter: story, debrief, hints and the quiz. */
const prose = (lesson: Lesson): string =>
	[
		...lesson.story,
		lesson.debrief,
		...lesson.goals.flatMap(g => g.hints),
		...lesson.quiz.flatMap(q => [q.question, ...q.choices.flatMap(c => [c.text, c.explain])]),
	]
		.join('\n')
		.replace(/\s+/g, ' ');
const all = lessons.map(prose).join('\n');

describe('the lessons agree with AWS', () => {
	it('say that `wait image-available` gives up after 10 minutes and is run again (chapters 2, 5, 9)', () => {
		for (const order of [2, 5, 9]) {
			expect(prose(chapter(order)), `chapter ${order}`).toMatch(/gives up after 10 minutes/);
			expect(prose(chapter(order)), `chapter ${order}`).toMatch(/run (it|the waiter) again/);
		}
	});

	it('know that old AMI IDs have 8 hex characters (fact F18, chapter 5)', () => {
		expect(facts?.F18).toMatch(/8 hexadecimal characters/);
		expect(all).not.toMatch(/Every AMI ID is ami- plus 17 hexadecimal characters/);
	});

	it('do not say an Auto Scaling group uses one AMI only (chapters 3, 9, fact F21)', () => {
		expect(all).not.toMatch(/starts every new server from one|every one of its instances from the same AMI|launch template names one AMI|launches all its instances from the same AMI/);
		expect(facts?.F21).not.toMatch(/all its instances from one AMI/);
		for (const order of [3, 9]) expect(prose(chapter(order)), `chapter ${order}`).toMatch(/more than one AMI|several AMIs/);
	});

	it('name --tag-specifications on copy-image, AMI names unique per Region, and --owners aws-backup-vault (chapters 1, 2, 5)', () => {
		expect(prose(chapter(5))).toContain('--tag-specifications');
		expect(all).not.toMatch(/unique in your account/);
		expect(prose(chapter(2))).toMatch(/unique among your AMIs in that Region/);
		expect(prose(chapter(1))).toContain('aws-backup-vault');
	});

	it('date deregister-image\'s Return and --delete-associated-snapshots to late May 2025, and ask why rather than what it prints (chapter 7)', () => {
		const text = prose(chapter(7));
		expect(text).not.toMatch(/early 2025|Since 2025/);
		expect(text).toMatch(/late May 2025/);
		expect(chapter(7).quiz.some(q => /^What does .*deregister-image.* print/.test(q.question))).toBe(false);
	});

	it('settle the debatable quiz items (chapters 6 and 8) and chapter 2\'s debrief', () => {
		const riverside = chapter(6).quiz.find(q => q.question.includes('Riverside'))!;
		expect(riverside.question).toMatch(/snapshot/);
		const windows = chapter(6).quiz.find(q => q.question.includes('Windows'))!;
		expect(windows.question).toMatch(/AWS-provided Windows AMI/);
		expect(prose(chapter(8))).not.toMatch(/every instance type, like an EBS-backed AMI|run on every current instance type/);
		expect(chapter(2).debrief.replace(/\s+/g, ' ')).not.toMatch(/missing on every copy/);
		expect(chapter(2).debrief.replace(/\s+/g, ' ')).toMatch(/installed but not running on every copy/);
		// chapter 6's story says copying needs the snapshot shared too
		expect(prose(chapter(6))).toMatch(/read access to its snapshot/);
	});
});
