import {describe, expect, it} from 'vitest';
import {runPlayerLine, startChapter, takeHint, WAY_BACK, type ChapterState} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {hintText} from '../../source/game/commands.js';

// The last hint tier of a goal is "the exact command": pasted at the prompt when that goal is the
// first one open, it must work. A player who only ever pastes those commands, one after another,
// completes every real chapter. Pasted as a terminal pastes it: line by line, a line ending in `\`
// (or inside an open quote) continued by the next, as the prompt does.

const {lessons} = loadLessonDir(defaultLessonsDir());

/** The widest line of an exact-command hint: it fits an 80-column terminal, so the terminal never wraps it. */
const HINT_LINE_LIMIT = 78;

/** Pastes text at the prompt: each complete line runs; an incomplete one waits for the next. */
const paste = (state: ChapterState, text: string) => {
	let pending: string[] = [];
	const results = [];
	for (const line of text.replace(/\n+$/, '').split('\n')) {
		const outcome = runPlayerLine(state, [...pending, line].join('\n'));
		pending = outcome.result.incomplete ? [...pending, line] : [];
		state = outcome.state;
		results.push(outcome.result);
	}

	return {state, results, unfinished: pending.length > 0};
};

describe('exact-command hints', () => {
	it.each(lessons.map(l => [l.id, l] as const))('%s: pasting the last tier of each open goal completes the chapter', (_id, lesson) => {
		let state = startChapter(lesson);
		const pasted: string[] = [];
		for (let i = 0; i < lesson.goals.length * 2 && state.completedAt === undefined; i++) {
			const goal = lesson.goals.find(g => !state.goals.find(s => s.id === g.id)?.met);
			if (!goal) break;
			const outcome = paste(state, goal.hints.at(-1)!);
			expect(outcome.unfinished, `${goal.id}: the hint ends inside an unfinished line`).toBe(false);
			for (const result of outcome.results) pasted.push(`${goal.id}: exit ${result.exitCode} ${result.stderr.trim().split('\n').at(-1) ?? ''}`);
			state = outcome.state;
		}

		expect(state.completedAt, pasted.join('\n')).toBeDefined();
	}, 30_000);

	it.each(lessons.map(l => [l.id, l] as const))('%s: every line of an exact-command hint fits 80 columns, as the transcript shows it', (_id, lesson) => {
		for (const goal of lesson.goals) {
			const shown = hintText({text: goal.hints.at(-1)!, cost: 25, tier: goal.hints.length, of: goal.hints.length});
			const long = shown.split('\n').filter(line => line.length > HINT_LINE_LIMIT);
			expect(long, `${goal.id}: lines longer than ${HINT_LINE_LIMIT} characters`).toEqual([]);
		}
	});
});

describe('a goal that can no longer be met', () => {
	it('chapter 7: with the exam server terminated, the hint says so and points at undo and reset, for free', () => {
		const lesson = lessons.find(l => l.id === 'spring-cleaning')!;
		let state = startChapter(lesson);
		for (const line of [
			"SNAP=$(aws ec2 describe-images --owners self --filters Name=name,Values=school-lab-spring --query 'Images[0].BlockDeviceMappings[0].Ebs.SnapshotId' --output text)",
			'aws ec2 delete-snapshot --snapshot-id $SNAP',
			"A=$(aws ec2 describe-images --owners self --filters Name=name,Values=school-lab-autumn --query 'Images[0].ImageId' --output text)",
			"S=$(aws ec2 describe-images --owners self --filters Name=name,Values=school-lab-spring --query 'Images[0].ImageId' --output text)",
			'aws ec2 deregister-image --image-id $A',
			'aws ec2 deregister-image --image-id $S',
		])
			state = runPlayerLine(state, line).state;
		// before: an ordinary hint, from what the player did (the snapshots left behind are a near miss)
		expect(takeHint(state).hint).toMatchObject({goalId: 'snapshots-deleted', tier: 1, reason: expect.stringMatching(/^Both images are deregistered/)});
		state = runPlayerLine(state, "aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].InstanceId' --output text)").state;
		const {state: after, hint} = takeHint(state);
		// terminated before anything else: the first open goal is another one, but the lost goal is named first
		const early = startChapter(lesson);
		const killed = runPlayerLine(early, "aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].InstanceId' --output text)").state;
		expect(takeHint(early).hint).toMatchObject({goalId: 'snapshot-protected', tier: 1});
		expect(takeHint(killed).hint).toMatchObject({goalId: 'exam-survived', unreachable: true});
		expect(hint).toMatchObject({goalId: 'exam-survived', unreachable: true, cost: 0});
		expect(hint!.text).toContain('terminated');
		expect(hint!.text.endsWith(WAY_BACK)).toBe(true);
		expect(after.hints).toEqual(state.hints);
		expect(hintText(hint!)).toMatch(/^This goal can no longer be met: Once school-lab-spring is deregistered, check that the exam server .*\. The exam server has been terminated/);
	});
});
