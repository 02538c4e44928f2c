import type {ChapterProgress, CurrentPlay, Progress} from './schema.js';
import {timeSpent, type RunLog} from './run-log.js';

// Pure updates of the progress record; store.ts writes the result.

const HISTORY_LIMIT = 200;
export const SANDBOX_KEY = 'sandbox';

export const chapterProgress = (progress: Progress, chapterId: string): ChapterProgress => progress.chapters[chapterId] ?? {status: 'new', bestScore: 0, stars: 0, hintsUsed: 0};

/** The player started (or resumed) a chapter: it is in progress unless already done; the first start is dated. */
export const markStarted = (progress: Progress, chapterId: string, now: Date = new Date()): Progress => {
	const current = chapterProgress(progress, chapterId);
	if (current.status !== 'new' && current.startedAt !== undefined) return progress;
	const next: ChapterProgress = {...current, status: current.status === 'new' ? 'in-progress' : current.status, startedAt: current.startedAt ?? now.toISOString()};
	return {...progress, chapters: {...progress.chapters, [chapterId]: next}};
};

/** A completed run: its figures and, when known, what the learner did (to replay it). */
export type RunResult = {score: number; stars: number; hintsUsed: number; log?: RunLog};

/**
 * A chapter's record after a completed run: done, the better score (with its hints and its run)
 * and the most stars (with the run that earned them, when another one).
 */
export const bestOf = (current: ChapterProgress, result: RunResult): ChapterProgress => {
	const run = result.log ? {log: result.log} : undefined;
	const wasDone = current.status === 'done';
	if (!wasDone || result.score > current.bestScore) {
		const keepStars = wasDone && current.stars > result.stars;
		const {run: _run, starsRun: _starsRun, ...rest} = current;
		return {
			...rest,
			status: 'done',
			bestScore: result.score,
			stars: keepStars ? current.stars : result.stars,
			hintsUsed: result.hintsUsed,
			...(run ? {run} : {}),
			...(keepStars && (current.starsRun ?? current.run) ? {starsRun: current.starsRun ?? current.run} : {}),
		};
	}

	if (result.stars <= current.stars) return current;
	return {...current, stars: result.stars, ...(run ? {starsRun: run} : {})};
};

/** A chapter completed: done, best score and stars kept (the better of old and new); the first finish dated and timed. */
export const markCompleted = (progress: Progress, chapterId: string, result: RunResult, now: Date = new Date()): Progress => {
	const before = chapterProgress(progress, chapterId);
	const best = bestOf(before, result);
	const next: ChapterProgress = {
		...best,
		startedAt: before.startedAt ?? (result.log?.[0]?.at === undefined ? now.toISOString() : new Date(result.log[0].at).toISOString()),
		finishedAt: before.finishedAt ?? now.toISOString(),
		...(before.timeSpentMs === undefined ? (result.log ? {timeSpentMs: timeSpent(result.log)} : {}) : {timeSpentMs: before.timeSpentMs}),
	};
	const withChapter = {...progress, chapters: {...progress.chapters, [chapterId]: next}};
	return progress.current?.chapterId === chapterId ? {...withChapter, current: undefined} : withChapter;
};

export const setCurrent = (progress: Progress, current: CurrentPlay | undefined): Progress => ({...progress, current});

export const setHistory = (progress: Progress, key: string, history: string[]): Progress => ({...progress, histories: {...progress.histories, [key]: history.slice(-HISTORY_LIMIT)}});

export const historyFor = (progress: Progress, key: string): string[] => progress.histories[key] ?? [];

/**
 * What a save writes when another game may have saved meanwhile (two terminals, a lab's shared
 * account): `next` (this game's record) merged with `disk` (what is saved now). Every chapter
 * keeps the better result of the two (nothing finished is lost); prompt histories are this game's
 * where it has one; the chapter in play is this game's, unless this game has none and the one on
 * disk is another game's (it differs from `known`, what this game last read or wrote).
 */
export const mergeSaved = (next: Progress, disk: Progress, known: Progress | undefined): Progress => {
	const chapters = {...disk.chapters};
	for (const [id, mine] of Object.entries(next.chapters)) {
		const theirs = disk.chapters[id];
		chapters[id] = theirs === undefined ? mine : mergeBoth(mine, theirs);
	}

	const othersPlay = disk.current !== undefined && canonical(disk.current) !== canonical(known?.current);
	const current = next.current ?? (othersPlay ? disk.current : undefined);
	return {...next, chapters, histories: {...disk.histories, ...next.histories}, current};
};

/** JSON with sorted keys: the same record read back from disk gives the same text. */
const canonical = (value: unknown): string =>
	JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';

const rank = {new: 0, 'in-progress': 1, done: 2} as const;

/** The better of two records of one chapter (the order does not matter). */
const mergeBoth = (a: ChapterProgress, b: ChapterProgress): ChapterProgress => {
	if (a.status === 'done' && b.status === 'done') return bestOf(a, {score: b.bestScore, stars: b.stars, hintsUsed: b.hintsUsed});
	if (a.status === 'done' || b.status === 'done') return a.status === 'done' ? a : b;
	return rank[a.status] >= rank[b.status] ? a : b;
};
