import {z} from 'zod';
import {LEARNER_MAX} from './learner.js';
import {bestOf, chapterProgress} from './model.js';
import {chapterProgressSchema, type ChapterProgress, type Progress} from './schema.js';

// Progress that travels (`ami-school progress export|import <file>`): the file's format, and the
// merge of an imported file into the saved progress, chapter by chapter, keeping the better result.
// Pure: the command (source/commands/progress.ts) reads and writes the files.

export const EXPORT_FORMAT = 'ami-school-progress';
export const EXPORT_FORMAT_VERSION = 1;
/** What a `play --script --report json` report says it is (`report collect` tells the two apart by it). */
export const REPORT_FORMAT = 'ami-school-report';

const sha256 = z.string().regex(/^([0-9a-f]{64}|unreadable)$/, 'a sha256 in hex');

export const exportSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	formatVersion: z.literal(EXPORT_FORMAT_VERSION, `expected ${EXPORT_FORMAT_VERSION}: the file comes from another version of AMI School`),
	game: z.object({name: z.string(), version: z.string()}),
	pack: z.object({id: z.string().min(1).max(200), name: z.string().max(500), mode: z.enum(['add', 'replace'])}),
	learner: z.string().max(LEARNER_MAX, `a name of at most ${LEARNER_MAX} characters`).optional(),
	exportedAt: z.iso.datetime(),
	chapters: z.record(z.string().regex(/^[a-z0-9-]+$/, 'a chapter id'), chapterProgressSchema),
	lessonFiles: z.array(z.strictObject({chapter: z.string(), file: z.string(), sha256})),
});
export type ProgressExport = z.infer<typeof exportSchema>;

export type MergeOutcome = {chapter: string; outcome: 'added' | 'improved' | 'kept yours' | 'same'; before: ChapterProgress; after: ChapterProgress};

const same = (a: ChapterProgress, b: ChapterProgress) => a.status === b.status && a.bestScore === b.bestScore && a.stars === b.stars && a.hintsUsed === b.hintsUsed;

/** One chapter's record merged with an imported one: the better result wins, nothing is lost. */
export const mergeChapter = (mine: ChapterProgress, theirs: ChapterProgress): ChapterProgress => {
	if (theirs.status === 'done') {
		const best = bestOf(mine, {score: theirs.bestScore, stars: theirs.stars, hintsUsed: theirs.hintsUsed, log: theirs.run?.log});
		const earliest = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
		const startedAt = earliest(mine.startedAt, theirs.startedAt);
		const finishedAt = earliest(mine.finishedAt, theirs.finishedAt);
		const timeSpentMs = finishedAt !== undefined && finishedAt === theirs.finishedAt ? (theirs.timeSpentMs ?? mine.timeSpentMs) : (mine.timeSpentMs ?? theirs.timeSpentMs);
		return {...best, ...(startedAt ? {startedAt} : {}), ...(finishedAt ? {finishedAt} : {}), ...(timeSpentMs === undefined ? {} : {timeSpentMs})};
	}

	if (theirs.status === 'in-progress' && mine.status === 'new') return {...mine, status: 'in-progress'};
	return mine;
};

/** Merges the chapters of an export into progress (the chapter in play and histories untouched). */
export const mergeProgress = (progress: Progress, chapters: Record<string, ChapterProgress>): {progress: Progress; outcomes: MergeOutcome[]} => {
	const outcomes: MergeOutcome[] = [];
	const merged = {...progress.chapters};
	for (const [id, theirs] of Object.entries(chapters)) {
		const before = chapterProgress(progress, id);
		const after = mergeChapter(before, theirs);
		const outcome = same(before, after) ? (same(before, theirs) ? 'same' : 'kept yours') : before.status === 'new' ? 'added' : 'improved';
		outcomes.push({chapter: id, outcome, before, after});
		if (!same(before, after)) merged[id] = after;
	}

	return {progress: {...progress, chapters: merged}, outcomes};
};
