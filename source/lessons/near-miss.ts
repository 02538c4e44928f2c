import {evaluateCheck, type GoalContext, type GoalStatus} from './goals.js';
import {sourceValues} from './ran.js';
import type {Goal, Lesson, NearMiss} from './schema.js';

// Why an open goal is not met: the first of its near misses that holds (see lessons/README.md,
// "Near misses"), and which open goals can no longer be met. Judged after every line on the
// same state as the goals; what is new since the line before is said once.

/** The reason an open goal shows now: the near miss and its words, values filled in. */
export type Reason = {id: string; text: string};

/**
 * Per open goal, its current reason (the first of its near misses that holds); every near miss
 * that holds (of open goals); the open goals that can no longer be met.
 */
export type Reasons = {reasons: Record<string, Reason>; holding: string[]; lost: string[]};

/** What the game says right after a line: a near miss that now holds (`id`: its id), or a goal just lost (`id`: the goal's). */
export type Said = {kind: 'near-miss' | 'unreachable'; goalId: string; id: string; text: string};

/** `{found}`, `{count}` and `{s}` in a near miss's words. */
export const missText = (miss: NearMiss, ctx: GoalContext): string => {
	const found = miss.found === undefined ? [] : [...new Set(sourceValues(miss.found, ctx))];
	// the lesson's $VARS (only those: "$0/h" and unknown names stay as written)
	return miss.say
		.trim()
		.replace(/\$\{?([A-Z][A-Z0-9_]*)\}?/g, (text, name: string) => ctx.vars[name] ?? text)
		.replaceAll('{found}', found.join(', '))
		.replaceAll('{count}', String(found.length))
		.replaceAll('{s}', found.length === 1 ? '' : 's');
};

/** The first near miss of the goal that holds now, or undefined. */
export const currentMiss = (goal: Goal, ctx: GoalContext): NearMiss | undefined => goal.nearMisses.find(miss => evaluateCheck(miss.when, ctx));

/** The goal can no longer be met (its `unreachable` check holds). */
export const isLost = (goal: Goal, ctx: GoalContext): boolean => goal.unreachable !== undefined && evaluateCheck(goal.unreachable.check, ctx);

/** The reasons of every open goal, judged on the state in `ctx`. */
export const judgeReasons = (lesson: Pick<Lesson, 'goals'>, goals: GoalStatus[], ctx: GoalContext): Reasons => {
	const reasons: Record<string, Reason> = {};
	const holding: string[] = [];
	const lost: string[] = [];
	for (const goal of lesson.goals) {
		if (goals.find(g => g.id === goal.id)?.met) continue;
		if (isLost(goal, ctx)) lost.push(goal.id);
		const misses = goal.nearMisses.filter(miss => evaluateCheck(miss.when, ctx));
		holding.push(...misses.map(m => m.id));
		if (misses[0]) reasons[goal.id] = {id: misses[0].id, text: missText(misses[0], ctx)};
	}

	return {reasons, holding, lost};
};

/**
 * What is new from `before` to `after`, in the lesson's order: a goal lost, then, for each goal,
 * the first of its near misses that started to hold with this line. A near miss that went on
 * holding is not said again, even when another one hid it for a while.
 */
export const newlySaid = (lesson: Pick<Lesson, 'goals'>, before: Reasons, after: Reasons, ctx: GoalContext): Said[] =>
	lesson.goals.flatMap((goal): Said[] => {
		const said: Said[] = [];
		if (after.lost.includes(goal.id) && !before.lost.includes(goal.id)) said.push({kind: 'unreachable', goalId: goal.id, id: goal.id, text: goal.unreachable!.message.trim()});
		const miss = goal.nearMisses.find(m => after.holding.includes(m.id) && !before.holding.includes(m.id));
		if (miss) said.push({kind: 'near-miss', goalId: goal.id, id: miss.id, text: after.reasons[goal.id]?.id === miss.id ? after.reasons[goal.id].text : missText(miss, ctx)});
		return said;
	});
