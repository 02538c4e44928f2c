import {z} from 'zod';
import {checkSchema} from './check-schema.js';
import {WORLD_START} from '../sim/core/clock.js';

// The lesson file format (one YAML file per chapter, see lessons/README.md). This file holds
// the shape; validate.ts the rules that span fields (unique ids, JMESPath, facts, one correct answer).

const factId = z.string().regex(/^F\d+$/, 'a fact id such as F8');
const line = z.string().min(1, 'an empty command line');

export const goalSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
	text: z.string().min(1),
	points: z.number().int().min(0).max(1000).default(100),
	facts: z.array(factId).default([]),
	/** once met, stays met (otherwise a goal reflects the current state) */
	sticky: z.boolean().default(false),
	check: checkSchema,
	hints: z.array(z.string().min(1)).min(1, 'give 1 to 3 hints').max(3, 'give 1 to 3 hints'),
	/**
	 * When the goal can no longer be met (the instance it needs was terminated): a check that is
	 * true then, and what `hint` says instead of a hint (the game adds how to get back: undo, reset).
	 */
	unreachable: z.strictObject({check: checkSchema, message: z.string().min(1)}).optional(),
});

export const choiceSchema = z.strictObject({
	text: z.string().min(1),
	correct: z.boolean().default(false),
	explain: z.string().min(1),
});

export const questionSchema = z.strictObject({
	question: z.string().min(1),
	facts: z.array(factId).default([]),
	choices: z.array(choiceSchema).min(2, 'a question needs at least 2 choices').max(6),
});

export const lessonSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
	order: z.number().int().min(0),
	title: z.string().min(1),
	facts: z.array(factId).default([]),
	story: z.array(z.string().min(1)).min(1, 'at least one story page'),
	debrief: z.string().min(1),
	setup: z
		.strictObject({
			region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not a Region name (e.g. us-east-1)').default('us-east-1'),
			/**
			 * Commands run at a moment before the chapter's day, first (an image registered in 2012 shows
			 * a 2012 CreationDate); then the clock comes back to the chapter's day for `commands`.
			 */
			history: z
				.array(
					z.strictObject({
						at: z.iso.datetime({message: 'an ISO date and time, e.g. 2012-05-14T09:30:00Z'}).refine(at => Date.parse(at) < WORLD_START, 'a moment before the chapter\'s day (2026-09-01)'),
						commands: z.array(line).min(1),
					}),
				)
				.default([]),
			commands: z.array(line).default([]),
		})
		.default({region: 'us-east-1', history: [], commands: []}),
	/**
	 * Values the checks use as $NAME, computed once after the setup from the world (never from the
	 * player's shell, which the player may change): each is an `aws …` command whose output is the value.
	 */
	vars: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'upper-case names'), z.string().regex(/^aws\s/, 'an aws command')).default({}),
	goals: z.array(goalSchema).min(1, 'at least one goal'),
	solution: z.array(line).min(1, 'a reference solution'),
	/** successful aws lines the best solution needs; defaults to the reference solution's count */
	par: z.number().int().min(1).optional(),
	alternatives: z.array(z.array(line).min(1)).min(1, 'at least one other valid way'),
	wrong: z.array(z.strictObject({name: z.string().min(1), commands: z.array(line).min(1)})).min(1, 'at least one known-wrong attempt'),
	quiz: z.array(questionSchema).default([]),
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
