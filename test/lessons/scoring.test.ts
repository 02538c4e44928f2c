import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countLines, hintCost, isFailure, nextStarText, parBonus, score, type ScoreInput} from '../../source/lessons/scoring.js';
import type {HistoryEntry, ProgramRun} from '../../source/shell/session.js';

const base: ScoreInput = {completed: true, solutionShown: false, goalPoints: 300, par: 4, changes: 4, failedLines: 0, hintTiers: [0, 0, 0], quizCorrect: 0};

describe('score', () => {
	it('gives every goal point, the full par bonus and 3 stars at par without help', () => {
		expect(score(base)).toEqual({goals: 300, par: 50, hints: 0, mistakes: 0, quiz: 0, total: 350, stars: 3});
	});

	it('takes 10 off the par bonus for each state-changing call over par, never below 0', () => {
		expect(parBonus(4, 4)).toBe(50);
		expect(parBonus(3, 4)).toBe(50);
		expect(parBonus(5, 4)).toBe(40);
		expect(parBonus(9, 4)).toBe(0);
		expect(parBonus(40, 4)).toBe(0);
	});

	it('charges hint tiers 5, 10 and 25 (cumulative per goal)', () => {
		expect([0, 1, 2, 3, 4].map(hintCost)).toEqual([0, 5, 15, 40, 40]);
		expect(score({...base, hintTiers: [1, 2, 0]}).hints).toBe(20);
	});

	it('caps stars at 2 once an exact command (tier 3) was revealed', () => {
		expect(score({...base, goalPoints: 3000, hintTiers: [3, 0, 0]}).stars).toBe(2);
	});

	it('charges 5 per failed line, at most 25', () => {
		expect(score({...base, failedLines: 2}).mistakes).toBe(10);
		expect(score({...base, failedLines: 20}).mistakes).toBe(25);
	});

	it('turns the lab score into stars: 90 % for 3, 60 % for 2, else 1', () => {
		// max = 300 + 50 = 350: 3 stars from 315 points, 2 stars from 210
		expect(score({...base, changes: 7})).toMatchObject({total: 320, stars: 3});
		expect(score({...base, changes: 8})).toMatchObject({total: 310, stars: 2});
		expect(score({...base, changes: 9, failedLines: 5, hintTiers: [2, 2, 2], goalPoints: 300})).toMatchObject({total: 230, stars: 2});
		expect(score({...base, changes: 9, failedLines: 5, hintTiers: [2, 2, 2, 1, 1, 1, 1, 1]})).toMatchObject({total: 205, stars: 1});
	});

	it('adds 20 per quiz answer right the first time, outside the stars', () => {
		expect(score({...base, quizCorrect: 3})).toMatchObject({quiz: 60, total: 410, stars: 3});
	});

	it('gives 0 stars until the chapter is complete, and 0 everything once the solution was shown', () => {
		expect(score({...base, completed: false, quizCorrect: 1})).toEqual({goals: 0, par: 0, hints: 0, mistakes: 0, quiz: 20, total: 20, stars: 0});
		expect(score({...base, solutionShown: true, quizCorrect: 2})).toEqual({goals: 0, par: 0, hints: 0, mistakes: 0, quiz: 0, total: 0, stars: 0});
	});

	it('never goes below 0 and gives at least 1 star when complete', () => {
		expect(score({...base, goalPoints: 10, changes: 50, failedLines: 50, hintTiers: [3, 3, 3]})).toMatchObject({total: 0, stars: 1});
	});
});

describe('the quiz and the stars', () => {
	it('needs the quiz for 3 stars: a perfect lab with half the quiz wrong gets 2, as does one with the quiz not taken', () => {
		const lab = {...base, quizTotal: 4};
		expect(score({...lab, quizCorrect: 4}).stars).toBe(3);
		expect(score({...lab, quizCorrect: 3}).stars).toBe(3);
		expect(score({...lab, quizCorrect: 2}).stars).toBe(2);
		expect(score({...lab, quizCorrect: 0}).stars).toBe(2);
		// the quiz never lowers what the lab earned below 3 stars
		expect(score({...lab, changes: 8, quizCorrect: 0}).stars).toBe(2);
		expect(score({...base, quizTotal: 5, quizCorrect: 3}).stars).toBe(2);
		expect(score({...base, quizTotal: 5, quizCorrect: 4}).stars).toBe(3);
		// a chapter without a quiz is judged on the lab alone
		expect(score({...base, quizTotal: 0}).stars).toBe(3);
	});

	it('says what the next star needs, naming what held it back', () => {
		expect(nextStarText({...base, quizTotal: 4, quizCorrect: 4})).toBeUndefined();
		expect(nextStarText({...base, quizTotal: 4, quizCorrect: 2})).toBe('Next star (3): 3 of 4 quiz answers right the first time (you had 2). Replay the chapter to try for it.');
		const text = nextStarText({...base, changes: 8, quizTotal: 4, quizCorrect: 4})!;
		expect(text).toContain('Next star (3): 315 lab points (you had 310: 4 changes over par 4)');
		expect(nextStarText({...base, goalPoints: 3000, hintTiers: [3], quizTotal: 4, quizCorrect: 4})).toContain('no exact-command hint');
	});
});

describe('counting lines', () => {
	const call = (c: {errorCode?: string; ok?: boolean; changed?: boolean; operation?: string}) => ({operation: c.operation ?? 'CreateImage', region: 'us-east-1', ok: c.ok ?? !c.errorCode, dryRun: c.errorCode === 'DryRunOperation', errorCode: c.errorCode, changed: c.changed ?? false});
	const entry = (exitCode: number, calls: Array<{errorCode?: string; ok?: boolean; changed?: boolean; operation?: string}>, runs?: ProgramRun[]): HistoryEntry => ({line: 'x', exitCode, calls: calls.map(call), ...(runs ? {runs} : {})});
	const run = (program: string, args: string[], exitCode: number, calls?: Parameters<typeof call>[0][]): ProgramRun => ({program, args, exitCode, ...(calls ? {calls: calls.map(call)} : {})});

	it('counts the calls that changed the world (two in `a; b`), never a describe, and failed lines except dry runs', () => {
		const history = [
			entry(0, [{changed: true}, {changed: true, operation: 'RunInstances'}]),
			entry(0, [{operation: 'DescribeImages'}]),
			entry(0, []),
			entry(254, [{errorCode: 'InvalidAMIID.Malformed', operation: 'CreateImage'}]),
			entry(254, [{errorCode: 'DryRunOperation'}]),
			entry(127, []),
		];
		expect(countLines(history)).toEqual({changes: 2, failedLines: 2});
		expect(isFailure(entry(254, [{errorCode: 'DryRunOperation'}]))).toBe(false);
	});

	it('never counts a read-only look that reports a failure or an absence as a mistake', () => {
		// curl that times out, systemctl status of a stopped service (over ssh), grep that matches nothing
		expect(isFailure(entry(28, [], [run('curl', ['-m', '5', 'http://1.2.3.4/'], 28)]))).toBe(false);
		expect(isFailure(entry(3, [], [run('ssh', ['-i', 'k.pem', 'ec2-user@1.2.3.4', 'systemctl status httpd'], 3), {...run('systemctl', ['status', 'httpd'], 3), on: {region: 'us-east-1', instanceId: 'i-1'}}]))).toBe(false);
		expect(isFailure(entry(1, [{operation: 'DescribeImages'}], [run('aws', ['ec2', 'describe-images'], 0, [{operation: 'DescribeImages'}]), run('grep', ['nothing'], 1)]))).toBe(false);
		// a describe that finds no such image; a waiter that gives up
		expect(isFailure(entry(254, [{operation: 'DescribeImages', errorCode: 'InvalidAMIID.NotFound'}], [run('aws', ['ec2', 'describe-images', '--image-ids', 'ami-1'], 254, [{operation: 'DescribeImages', errorCode: 'InvalidAMIID.NotFound'}])]))).toBe(false);
		expect(isFailure(entry(255, [{operation: 'DescribeImages'}], [run('aws', ['ec2', 'wait', 'image-available', '--image-ids', 'ami-1'], 255, [{operation: 'DescribeImages'}])]))).toBe(false);
	});

	it('still counts a typo, a malformed ID and a refused change as mistakes', () => {
		expect(isFailure(entry(127, [], [run('crul', ['http://1.2.3.4/'], 127)]))).toBe(true);
		expect(isFailure(entry(2, [], [run('curl', [], 2)]))).toBe(true);
		expect(isFailure(entry(252, [], [run('aws', ['ec2', 'describe-imagez'], 252)]))).toBe(true);
		expect(isFailure(entry(254, [{operation: 'DescribeImages', errorCode: 'InvalidAMIID.Malformed'}], [run('aws', ['ec2', 'describe-images', '--image-ids', 'ami-x'], 254, [{operation: 'DescribeImages', errorCode: 'InvalidAMIID.Malformed'}])]))).toBe(true);
		expect(isFailure(entry(254, [{errorCode: 'InvalidInstanceID.NotFound'}], [run('aws', ['ec2', 'create-image', '--instance-id', 'i-1', '--name', 'x'], 254, [{errorCode: 'InvalidInstanceID.NotFound'}])]))).toBe(true);
		expect(isFailure(entry(5, [], [{...run('systemctl', ['start', 'htpd'], 5), on: {region: 'us-east-1', instanceId: 'i-1'}}]))).toBe(true);
		// a line that failed before any program ran (a syntax error)
		expect(isFailure(entry(2, [], []))).toBe(true);
	});
});

describe('score properties', () => {
	const input = fc.record({
		completed: fc.boolean(),
		solutionShown: fc.boolean(),
		goalPoints: fc.nat(2000),
		par: fc.integer({min: 1, max: 20}),
		changes: fc.nat(40),
		failedLines: fc.nat(40),
		hintTiers: fc.array(fc.nat(3), {maxLength: 6}),
		quizCorrect: fc.nat(6),
	});

	it('stays within bounds', () => {
		fc.assert(
			fc.property(input, i => {
				const s = score(i);
				expect(s.total).toBeGreaterThanOrEqual(0);
				expect([0, 1, 2, 3]).toContain(s.stars);
				expect(s.stars === 0).toBe(!i.completed || i.solutionShown);
			}),
		);
	});

	it('never rewards more hints, more lines or more mistakes', () => {
		fc.assert(
			fc.property(input, fc.nat(5), (i, extra) => {
				const s = score(i);
				for (const worse of [{...i, changes: i.changes + extra}, {...i, failedLines: i.failedLines + extra}, {...i, hintTiers: [...i.hintTiers, Math.min(3, extra)]}]) {
					const w = score(worse);
					expect(w.total).toBeLessThanOrEqual(s.total);
					expect(w.stars).toBeLessThanOrEqual(s.stars);
				}
			}),
		);
	});

	it('gives 3 stars to any completed chapter played at par without help or mistakes', () => {
		fc.assert(
			fc.property(input, i => {
				expect(score({...i, completed: true, solutionShown: false, changes: i.par, failedLines: 0, hintTiers: i.hintTiers.map(() => 0)}).stars).toBe(3);
			}),
		);
	});
});
