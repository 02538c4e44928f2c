import {z} from 'zod';

// The saved progress file (progress.json), versioned. A file that does not match is moved aside
// and a fresh one started (store.ts), so the game never crashes on a damaged file.

import {PROGRESS_VERSION} from './version.js';
import {runLogSchema} from './run-log-schema.js';

export {PROGRESS_VERSION};

export const chapterStatusSchema = z.enum(['new', 'in-progress', 'done']);
export type ChapterStatus = z.infer<typeof chapterStatusSchema>;

export const chapterProgressSchema = z.object({
	status: chapterStatusSchema,
	bestScore: z.number().int().default(0),
	stars: z.number().int().min(0).max(3).default(0),
	/** hints used in the best run (or the current one while in progress) */
	hintsUsed: z.number().int().min(0).default(0),
	/** when the chapter was first started, and first finished (ISO 8601) */
	startedAt: z.iso.datetime().optional(),
	finishedAt: z.iso.datetime().optional(),
	/** the time spent in the run that first finished it (run-log.ts timeSpent) */
	timeSpentMs: z.number().int().min(0).optional(),
	/** what the learner did in the run that scored bestScore: replayed to check it (report verify) */
	run: z.object({log: runLogSchema}).optional(),
	/** the run that earned the stars, when it is another one */
	starsRun: z.object({log: runLogSchema}).optional(),
});
export type ChapterProgress = z.infer<typeof chapterProgressSchema>;

// The session is checked as deeply as the game relies on it; its world goes through the same check
// as the sandbox file (store.ts), which says where a damaged one is damaged.
const sessionSchema = z.looseObject({
	world: z.looseObject({version: z.literal(1), regions: z.record(z.string(), z.unknown())}),
	region: z.string(),
	files: z.record(z.string(), z.string()),
	vars: z.record(z.string(), z.string()),
	history: z.array(z.looseObject({line: z.string(), exitCode: z.number()})),
	exported: z.array(z.string()).optional(),
	fileModes: z.record(z.string(), z.number()).optional(),
	knownHosts: z.array(z.string()).optional(),
	lastExitCode: z.number().optional(),
	cwd: z.string().optional(),
	terminalWidth: z.number().optional(),
	configRegion: z.string().optional(),
	remote: z.object({region: z.string(), instanceId: z.string(), user: z.string(), host: z.string()}).optional(),
	remoteShell: z.object({cwd: z.string(), vars: z.record(z.string(), z.string())}).optional(),
});

/** A chapter's own counters while it is played (game/engine.ts SavedData). */
export const playDataSchema = z.looseObject({
	hints: z.record(z.string(), z.number()).optional(),
	solutionShown: z.boolean().optional(),
	quiz: z.record(z.string(), z.object({choice: z.number(), correct: z.boolean()})).optional(),
	stickyMet: z.array(z.string()).optional(),
	stickyAt: z.record(z.string(), z.number()).optional(),
	irreversibleUndos: z.array(z.object({line: z.string(), ids: z.array(z.string())})).optional(),
	excusedLines: z.array(z.number()).optional(),
	completedAt: z.number().optional(),
});

/** The chapter in play (chapterId null: the free sandbox), to resume exactly there. */
export const currentPlaySchema = z.object({
	chapterId: z.string().nullable(),
	session: sessionSchema,
	/** checked with playDataSchema when loaded (store.ts) */
	data: z.unknown().optional(),
});

export const progressSchema = z.object({
	version: z.literal(PROGRESS_VERSION),
	chapters: z.record(z.string(), chapterProgressSchema).default({}),
	/** prompt history per chapter id ('sandbox' for the sandbox) */
	histories: z.record(z.string(), z.array(z.string())).default({}),
	current: currentPlaySchema.optional(),
});
export type Progress = z.infer<typeof progressSchema>;
export type CurrentPlay = z.infer<typeof currentPlaySchema>;

export {emptyProgress} from './version.js';
