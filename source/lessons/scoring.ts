import {failureIsInformation} from '../shell/programs.js';
import {callChangedWorld, type HistoryEntry} from '../shell/session.js';

// Scoring (documented for authors and players in lessons/README.md). Pure.
//   goals    the points of every goal (earned when the chapter completes)
//   par      +PAR_BONUS when the player made no more state-changing AWS calls than par,
//            PAR_STEP less for each call over par (never below 0), like Learn Git Branching's golf;
//            looking (describe-*, waiters, goals, help, bill) is free
//   hints    HINT_COST[tier] for each hint tier revealed (nudge, shape, exact command)
//   mistakes MISTAKE_COST for each line that failed (non-zero exit, a --dry-run aside, a read-only
//            look that only reported what it found aside), at most MISTAKE_CAP
//   quiz     QUIZ_POINTS for each question answered right the first time
// Stars: the lab (goals + par - hints - mistakes against goals + PAR_BONUS) gives 3 at 90 % or
// more, 2 at 60 % or more, else 1; revealing an exact command (tier 3) caps at 2. The third star
// needs the quiz too: QUIZ_THREE_STARS of its questions right the first time (a quiz not taken,
// as in `play --script`, caps at 2).
// Showing the solution completes the chapter with 0 points and 0 stars.

export const PAR_BONUS = 50;
export const PAR_STEP = 10;
export const HINT_COST = [5, 10, 25] as const;
export const MISTAKE_COST = 5;
export const MISTAKE_CAP = 25;
export const QUIZ_POINTS = 20;
export const THREE_STARS = 0.9;
export const TWO_STARS = 0.6;
/** share of the quiz answered right that 3 stars need (4 of 5, 3 of 4, 5 of 6) */
export const QUIZ_THREE_STARS = 0.75;

export type Stars = 0 | 1 | 2 | 3;

export type ScoreInput = {
	completed: boolean;
	solutionShown: boolean;
	/** points of every goal of the chapter */
	goalPoints: number;
	par: number;
	/** AWS calls that changed the world */
	changes: number;
	/** lines that failed */
	failedLines: number;
	/** for each goal, how many hint tiers were revealed (0-3) */
	hintTiers: number[];
	quizCorrect: number;
	/** questions in the chapter's quiz (absent or 0: no quiz, the stars come from the lab alone) */
	quizTotal?: number;
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

export const parBonus = (changes: number, par: number): number => Math.max(0, PAR_BONUS - PAR_STEP * Math.max(0, changes - par));

/** Right answers the third star needs (0 when the chapter has no quiz). */
export const quizNeeded = (quizTotal: number): number => Math.ceil(quizTotal * QUIZ_THREE_STARS - 1e-9);

/** The most stars the quiz allows. */
const quizCap = (quizCorrect: number, quizTotal: number): Stars => (quizTotal <= 0 || quizCorrect >= quizNeeded(quizTotal) ? 3 : 2);

/** What the revealed hint tiers of every goal cost. */
export const hintsCost = (hintTiers: number[]): number => hintTiers.reduce((sum, tiers) => sum + hintCost(tiers), 0);

/** What failed lines cost, capped. */
export const mistakesCost = (failedLines: number): number => Math.min(MISTAKE_CAP, MISTAKE_COST * failedLines);

/** What revealing `tier` costs when `seen` tiers of that goal were already revealed (a tier seen again is free). */
export const tierCost = (tier: number, seen: number): number => (tier > seen ? (HINT_COST[tier - 1] ?? 0) : 0);

export const score = (input: ScoreInput): Score => {
	if (input.solutionShown || !input.completed) return {goals: 0, par: 0, hints: 0, mistakes: 0, quiz: input.solutionShown ? 0 : input.quizCorrect * QUIZ_POINTS, total: input.solutionShown ? 0 : input.quizCorrect * QUIZ_POINTS, stars: 0};
	const goals = input.goalPoints;
	const par = parBonus(input.changes, input.par);
	const hints = hintsCost(input.hintTiers);
	const mistakes = mistakesCost(input.failedLines);
	const lab = Math.max(0, goals + par - hints - mistakes);
	const max = goals + PAR_BONUS;
	const ratio = max === 0 ? 1 : lab / max;
	let stars: Stars = ratio >= THREE_STARS ? 3 : ratio >= TWO_STARS ? 2 : 1;
	if (stars === 3 && input.hintTiers.some(t => t >= HINT_COST.length)) stars = 2;
	stars = Math.min(stars, quizCap(input.quizCorrect, input.quizTotal ?? 0)) as Stars;
	const quiz = input.quizCorrect * QUIZ_POINTS;
	return {goals, par, hints, mistakes, quiz, total: lab + quiz, stars};
};

/**
 * The AWS calls of a line that changed the world, as the model judged them: what par counts. `a; b`
 * is two, a loop or xargs one per call it made; describe-*, waiters, help and the game's own
 * commands (goals, hint, bill…) change nothing and never count.
 */
export const changesOf = (entry: HistoryEntry): number => entry.calls.filter(callChangedWorld).length;

/**
 * A line that was a mistake: it failed, and not only to report what it found (a read-only look
 * that found nothing, a curl that timed out: see failureIsInformation). A --dry-run that answered
 * DryRunOperation is what the player asked for. Lines from saves without the programs run are
 * judged on the exit code alone.
 */
export const isFailure = (entry: HistoryEntry): boolean => {
	if (entry.exitCode === 0) return false;
	if (entry.calls.length > 0 && entry.calls.every(call => call.errorCode === 'DryRunOperation')) return false;
	const failed = (entry.runs ?? []).filter(run => run.exitCode !== 0);
	return failed.length === 0 || !failed.every(failureIsInformation);
};

/**
 * State-changing AWS calls (for par) and failed lines (mistakes). `excused`: history indices of
 * failed lines that met a goal: meeting an error is sometimes the lesson (InvalidSnapshot.InUse, …).
 */
export const countLines = (history: HistoryEntry[], excused: readonly number[] = []): {changes: number; failedLines: number} => ({
	changes: history.reduce((sum, entry) => sum + changesOf(entry), 0),
	failedLines: history.filter((entry, i) => isFailure(entry) && !excused.includes(i)).length,
});


/**
 * What the next star needs, in one line for the summary (undefined at 3 stars or without stars:
 * the solution was shown). Each thing that holds the stars down is named, with the figure.
 */
export const nextStarText = (input: ScoreInput, result: Score = score(input)): string | undefined => {
	if (result.stars === 0 || result.stars === 3) return undefined;
	const target = (result.stars + 1) as 2 | 3;
	const needs: string[] = [];
	const max = input.goalPoints + PAR_BONUS;
	const lab = result.goals + result.par - result.hints - result.mistakes;
	const wanted = Math.ceil(max * (target === 3 ? THREE_STARS : TWO_STARS) - 1e-9);
	if (lab < wanted) {
		const over = Math.max(0, input.changes - input.par);
		const parts = [over > 0 ? `${over} change${over === 1 ? '' : 's'} over par ${input.par}` : '', result.hints > 0 ? `hints -${result.hints}` : '', result.mistakes > 0 ? `mistakes -${result.mistakes}` : ''].filter(Boolean);
		needs.push(`${wanted} lab points (you had ${Math.max(0, lab)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''})`);
	}

	if (target === 3 && input.hintTiers.some(t => t >= HINT_COST.length)) needs.push('no exact-command hint (the last tier of a hint)');
	const total = input.quizTotal ?? 0;
	if (target === 3 && total > 0 && input.quizCorrect < quizNeeded(total)) needs.push(`${quizNeeded(total)} of ${total} quiz answers right the first time (you had ${input.quizCorrect})`);
	return needs.length === 0 ? undefined : `Next star (${target}): ${needs.join('; ')}. Replay the chapter to try for it.`;
};
