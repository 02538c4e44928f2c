import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countLines, hintCost, isFailure, parBonus, parOf, runsAws, score, type ScoreInput} from '../../source/lessons/scoring.js';

const base: ScoreInput = {completed: true, solutionShown: false, goalPoints: 300, par: 4, awsLines: 4, failedLines: 0, hintTiers: [0, 0, 0], quizCorrect: 0};

describe('score', () => {
	it('gives every goal point, the full par bonus and 3 stars at par without help', () => {
		expect(score(base)).toEqual({goals: 300, par: 50, hints: 0, mistakes: 0, quiz: 0, total: 350, stars: 3});
	});

	it('takes 10 off the par bonus for each aws line over par, never below 0', () => {
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
		expect(score({...base, awsLines: 7})).toMatchObject({total: 320, stars: 3});
		expect(score({...base, awsLines: 8})).toMatchObject({total: 310, stars: 2});
		expect(score({...base, awsLines: 9, failedLines: 5, hintTiers: [2, 2, 2], goalPoints: 300})).toMatchObject({total: 230, stars: 2});
		expect(score({...base, awsLines: 9, failedLines: 5, hintTiers: [2, 2, 2, 1, 1, 1, 1, 1]})).toMatchObject({total: 205, stars: 1});
	});

	it('adds 20 per quiz answer right the first time, outside the stars', () => {
		expect(score({...base, quizCorrect: 3})).toMatchObject({quiz: 60, total: 410, stars: 3});
	});

	it('gives 0 stars until the chapter is complete, and 0 everything once the solution was shown', () => {
		expect(score({...base, completed: false, quizCorrect: 1})).toEqual({goals: 0, par: 0, hints: 0, mistakes: 0, quiz: 20, total: 20, stars: 0});
		expect(score({...base, solutionShown: true, quizCorrect: 2})).toEqual({goals: 0, par: 0, hints: 0, mistakes: 0, quiz: 0, total: 0, stars: 0});
	});

	it('never goes below 0 and gives at least 1 star when complete', () => {
		expect(score({...base, goalPoints: 10, awsLines: 50, failedLines: 50, hintTiers: [3, 3, 3]})).toMatchObject({total: 0, stars: 1});
	});
});

describe('counting lines', () => {
	const entry = (exitCode: number, calls: Array<{errorCode?: string; ok?: boolean}>) => ({
		line: 'x',
		exitCode,
		calls: calls.map(c => ({operation: 'CreateImage', region: 'us-east-1', ok: c.ok ?? !c.errorCode, dryRun: c.errorCode === 'DryRunOperation', errorCode: c.errorCode})),
	});

	it('counts lines that called AWS and exited 0, and failed lines except dry runs', () => {
		const history = [entry(0, [{}]), entry(0, []), entry(254, [{errorCode: 'InvalidAMIID.NotFound'}]), entry(254, [{errorCode: 'DryRunOperation'}]), entry(127, [])];
		expect(countLines(history)).toEqual({awsLines: 1, failedLines: 2});
		expect(isFailure(entry(254, [{errorCode: 'DryRunOperation'}]))).toBe(false);
	});

	it('finds aws in a line wherever a shell would run it', () => {
		expect(runsAws('aws ec2 describe-images')).toBe(true);
		expect(runsAws('AMI=$(aws ec2 create-image --instance-id i-1 --name x)')).toBe(true);
		expect(runsAws('AWS_DEFAULT_REGION=eu-west-1 aws ec2 describe-images')).toBe(true);
		expect(runsAws('echo hi && aws sts get-caller-identity')).toBe(true);
		expect(runsAws('# aws ec2 describe-images')).toBe(false);
		expect(runsAws('chmod 400 awskey.pem')).toBe(false);
	});

	it('takes par from the lesson, else from the solution lines that run aws', () => {
		expect(parOf({par: 7, solution: ['aws ec2 a']})).toBe(7);
		expect(parOf({solution: ['aws ec2 a', 'chmod 400 k.pem', 'X=$(aws ec2 b)']})).toBe(2);
	});
});

describe('score properties', () => {
	const input = fc.record({
		completed: fc.boolean(),
		solutionShown: fc.boolean(),
		goalPoints: fc.nat(2000),
		par: fc.integer({min: 1, max: 20}),
		awsLines: fc.nat(40),
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
				for (const worse of [{...i, awsLines: i.awsLines + extra}, {...i, failedLines: i.failedLines + extra}, {...i, hintTiers: [...i.hintTiers, Math.min(3, extra)]}]) {
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
				expect(score({...i, completed: true, solutionShown: false, awsLines: i.par, failedLines: 0, hintTiers: i.hintTiers.map(() => 0)}).stars).toBe(3);
			}),
		);
	});
});
