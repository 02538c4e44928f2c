import {z} from 'zod';
import {RUN_LINE_LIMIT, RUN_LOG_LIMIT, type RunEntry} from './run-log.js';

// A run log read from a file (progress.json, a progress export, a report): checked entry by entry.

const at = z.number().int().nonnegative().optional();

export const runEntrySchema = z.discriminatedUnion('t', [
	z.strictObject({t: z.literal('start'), at}),
	z.strictObject({t: z.literal('line'), line: z.string().max(RUN_LINE_LIMIT), at}),
	z.strictObject({t: z.literal('hint'), at}),
	z.strictObject({t: z.literal('solution'), at}),
	z.strictObject({t: z.literal('undo'), at}),
	z.strictObject({t: z.literal('quiz'), q: z.number().int().min(0).max(100), choice: z.number().int().min(0).max(100), at}),
	z.strictObject({t: z.literal('resume'), at}),
	/** the run went on past RUN_LOG_LIMIT entries: what follows was not recorded */
	z.strictObject({t: z.literal('overflow'), at}),
]);

export const runLogSchema = z.array(runEntrySchema).max(RUN_LOG_LIMIT + 1);

export type {RunEntry};
