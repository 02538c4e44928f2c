import {z} from 'zod';
import {CHECK_KINDS, checkSchema} from './check-schema.js';
import {WORLD_START} from '../sim/core/clock.js';

// The lesson file format (one YAML file per chapter, see lessons/README.md). This file holds
// the shape; validate.ts the rules that span fields (unique ids, JMESPath, facts, one correct answer).

const factId = z.string().regex(/^F\d+$/, 'a fact id such as F8');
const line = z.string().min(1, 'an empty command line');

export const goalSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes').describe('the goal\'s id, unique in the lesson: lower-case letters, digits and dashes'),
	text: z.string().min(1).describe('what the player must achieve, as the goals list shows it'),
	points: z.number().int().min(0).max(1000).default(100).describe('points for meeting the goal (0 to 1000, default 100)'),
	facts: z.array(factId).default([]).describe('the fact ids (F1 …) this goal practises'),
	/** once met, stays met (otherwise a goal reflects the current state) */
	sticky: z.boolean().default(false).describe('true: once met, the goal stays met; false (default): it follows the current state'),
	check: checkSchema.describe(`what the sandbox must show for the goal to be met: exactly one of ${CHECK_KINDS.join(', ')}`),
	hints: z.array(z.string().min(1)).min(1, 'give 1 to 3 hints').max(3, 'give 1 to 3 hints').describe('1 to 3 hints, each more precise: a nudge, the shape of the command, the exact command (the third is pasted by check and must work)'),
	/**
	 * When the goal can no longer be met (the instance it needs was terminated): a check that is
	 * true then, and what `hint` says instead of a hint (the game adds how to get back: undo, reset).
	 */
	unreachable: z
		.strictObject({
			check: checkSchema.describe('true once the goal can no longer be met'),
			message: z.string().min(1).describe('what `hint` says instead of a hint while the check is true'),
		})
		.optional()
		.describe('when the player can make the goal impossible: a check that is true then, and a message'),
});

export const choiceSchema = z.strictObject({
	text: z.string().min(1).describe('the answer as the player reads it'),
	correct: z.boolean().default(false).describe('true for the one correct choice of the question'),
	explain: z.string().min(1).describe('why this choice is right or wrong, shown after the answer'),
});

export const questionSchema = z.strictObject({
	question: z.string().min(1).describe('the question'),
	facts: z.array(factId).default([]).describe('the fact ids (F1 …) the question asks about'),
	choices: z.array(choiceSchema).min(2, 'a question needs at least 2 choices').max(6).describe('2 to 6 choices, exactly one correct'),
});

export const lessonSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes').describe('the chapter\'s id, unique in the pack: lower-case letters, digits and dashes (progress is kept under it)'),
	order: z.number().int().min(0).describe('the chapter\'s position in the menu, unique in the pack'),
	title: z.string().min(1).describe('the chapter\'s title in the menu'),
	facts: z.array(factId).default([]).describe('the fact ids (F1 …) this chapter is about, from facts.yaml'),
	story: z.array(z.string().min(1)).min(1, 'at least one story page').describe('the pages shown before the lab: the school analogy first, then the AWS terms'),
	debrief: z.string().min(1).describe('what the player reads when the chapter is complete'),
	setup: z
		.strictObject({
			region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not a Region name (e.g. us-east-1)').default('us-east-1').describe('the player\'s Region (default us-east-1)'),
			/**
			 * Commands run at a moment before the chapter's day, first (an image registered in 2012 shows
			 * a 2012 CreationDate); then the clock comes back to the chapter's day for `commands`.
			 */
			history: z
				.array(
					z.strictObject({
						at: z.iso
							.datetime({message: 'an ISO date and time, e.g. 2012-05-14T09:30:00Z'})
							.refine(at => Date.parse(at) < WORLD_START, 'a moment before the chapter\'s day (2026-09-01)')
							.describe('when they run: an ISO date and time before the chapter\'s day'),
						commands: z.array(line).min(1).describe('shell lines run at that moment'),
					}),
				)
				.default([])
				.describe('commands run at moments before the chapter\'s day, first (an image registered in 2012 shows a 2012 date)'),
			commands: z.array(line).default([]).describe('shell lines run silently before the player starts; variables they set stay in the player\'s shell'),
		})
		.default({region: 'us-east-1', history: [], commands: []})
		.describe('what is there before the player starts'),
	/**
	 * Values the checks use as $NAME, computed once after the setup from the world (never from the
	 * player's shell, which the player may change): each is an `aws …` command whose output is the value.
	 */
	vars: z
		.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'upper-case names'), z.string().regex(/^aws\s/, 'an aws command'))
		.default({})
		.describe('values the checks use as $NAME: each an aws command run once after the setup, whose output is the value'),
	goals: z.array(goalSchema).min(1, 'at least one goal').describe('what the player must achieve, judged on the sandbox after every command'),
	solution: z.array(line).min(1, 'a reference solution').describe('the reference solution, one shell line each: it must meet every goal with 3 stars'),
	/** successful aws lines the best solution needs; defaults to the reference solution's count */
	par: z.number().int().min(1).optional().describe('the successful aws lines the best solution needs (default: those of the reference solution)'),
	alternatives: z.array(z.array(line).min(1)).min(1, 'at least one other valid way').describe('other valid ways, each a list of shell lines: each must meet every goal'),
	wrong: z
		.array(
			z.strictObject({
				name: z.string().min(1).describe('what the attempt gets wrong, as check reports it'),
				commands: z.array(line).min(1).describe('the attempt\'s shell lines'),
			}),
		)
		.min(1, 'at least one known-wrong attempt')
		.describe('known-wrong attempts: none may meet every goal (proves the checks are strict)'),
	quiz: z.array(questionSchema).default([]).describe('questions asked after the lab'),
});

export type Goal = z.infer<typeof goalSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Lesson = z.infer<typeof lessonSchema>;

/** A lesson and the file it came from. */
export type LoadedLesson = Lesson & {file: string};

/** facts.yaml: fact id -> what the fact says. */
export const factsSchema = z.record(z.string(), z.string().min(1)).superRefine((facts, ctx) => {
	for (const key of Object.keys(facts)) if (!/^F\d+$/.test(key)) ctx.addIssue({code: 'custom', message: 'a fact id such as F8', path: [key]});
});
export type Facts = z.infer<typeof factsSchema>;
