import type {HistoryEntry} from '../shell/session.js';

// Scoring (documented for authors and players in lessons/README.md). Pure.
//   goals    the points of every goal (earned when the chapter completes)
//   par      +PAR_BONUS when the player needed no more successful aws lines than par,
//            PAR_STEP less for each line over par (never below 0), like Learn Git Branching's golf
//   hints    HINT_COST[tier] for each hint tier revealed (nudge, shape, exact command)
//   mistakes MISTAKE_COST for each line that failed (non-zero exit, a --dry-run aside), at most MISTAKE_CAP
//   quiz     QUIZ_POINTS for each question answered right the first time
// Stars come from the lab alone (goals + par - hints - mistakes against goals + PAR_BONUS):
// 3 at 90 % or more, 2 at 60 % or more, else 1; revealing an exact command (tier 3) caps at 2.
// Showing the solution completes the chapter with 0 points and 0 stars.

export const PAR_BONUS = 50;
export const PAR_STEP = 10;
export const HINT_COST = [5, 10, 25] as const;
export const MISTAKE_COST = 5;
export const MISTAKE_CAP = 25;
export const QUIZ_POINTS = 20;
export const THREE_STARS = 0.9;
export const TWO_STARS = 0.6;

export type Stars = 0 | 1 | 2 | 3;

export type ScoreInput = {
	completed: boolean;
	solutionShown: boolean;
	/** points of every goal of the chapter */
	goalPoints: number;
	par: number;
	/** lines that ran an aws command successfully */
	awsLines: number;
	/** lines that failed */
	failedLines: number;
	/** for each goal, how many hint tiers were revealed (0-3) */
	hintTiers: number[];
	quizCorrect: number;
};

export type Score = {
	goals: number;
	par: number;
	hints: number;
	mistakes: number;
	quiz: number;
	total: number;
	stars: Stars;
};

export const hintCost = (tiers: number): number => HINT_COST.slice(0, Math.max(0, Math.min(tiers, HINT_COST.length))).reduce((a, b) => a + b, 0);

/** Stars as the menu and `play --script` draw them: ★★☆. */
export const starsText = (stars: number): string => '★'.repeat(stars) + '☆'.repeat(Math.max(0, 3 - stars));

export const parBonus = (awsLines: number, par: number): number => Math.max(0, PAR_BONUS - PAR_STEP * Math.max(0, awsLines - par));

/** What the revealed hint tiers of every goal cost. */
export const hintsCost = (hintTiers: number[]): number => hintTiers.reduce((sum, tiers) => sum + hintCost(tiers), 0);

/** What failed lines cost, capped. */
export const mistakesCost = (failedLines: number): number => Math.min(MISTAKE_CAP, MISTAKE_COST * failedLines);

/** What revealing `tier` costs when `seen` tiers of that goal were already revealed (a tier seen again is free). */
export const tierCost = (tier: number, seen: number): number => (tier > seen ? (HINT_COST[tier - 1] ?? 0) : 0);

export const score = (input: ScoreInput): Score => {
	if (input.solutionShown || !input.completed) return {goals: 0, par: 0, hints: 0, mistakes: 0, quiz: input.solutionShown ? 0 : input.quizCorrect * QUIZ_POINTS, total: input.solutionShown ? 0 : input.quizCorrect * QUIZ_POINTS, stars: 0};
	const goals = input.goalPoints;
	const par = parBonus(input.awsLines, input.par);
	const hints = hintsCost(input.hintTiers);
	const mistakes = mistakesCost(input.failedLines);
	const lab = Math.max(0, goals + par - hints - mistakes);
	const max = goals + PAR_BONUS;
	const ratio = max === 0 ? 1 : lab / max;
	let stars: Stars = ratio >= THREE_STARS ? 3 : ratio >= TWO_STARS ? 2 : 1;
	if (stars === 3 && input.hintTiers.some(t => t >= HINT_COST.length)) stars = 2;
	const quiz = input.quizCorrect * QUIZ_POINTS;
	return {goals, par, hints, mistakes, quiz, total: lab + quiz, stars};
};

/** A line that made API calls and exited 0. */
export const isAwsSuccess = (entry: HistoryEntry): boolean => entry.calls.length > 0 && entry.exitCode === 0;

/** A line that failed; a --dry-run that answered DryRunOperation is what the player asked for. */
export const isFailure = (entry: HistoryEntry): boolean =>
	entry.exitCode !== 0 && !(entry.calls.length > 0 && entry.calls.every(call => call.errorCode === 'DryRunOperation'));

/**
 * Successful aws lines (for par) and failed lines (mistakes). `excused`: history indices of failed
 * lines that met a goal: meeting an error is sometimes the lesson (InvalidSnapshot.InUse, …).
 */
export const countLines = (history: HistoryEntry[], excused: readonly number[] = []): {awsLines: number; failedLines: number} => ({
	awsLines: history.filter(isAwsSuccess).length,
	failedLines: history.filter((entry, i) => isFailure(entry) && !excused.includes(i)).length,
});

/** Does the line run the aws CLI (directly, after &&/;/|, or inside $( … ))? */
export const runsAws = (line: string): boolean => !line.trim().startsWith('#') && /(^|[\s;&|(`])aws\s/.test(line.trim());

/** Par: the lesson's `par`, else the reference solution's lines that run aws. */
export const parOf = (lesson: {par?: number; solution: string[]}): number => lesson.par ?? Math.max(1, lesson.solution.filter(runsAws).length);
