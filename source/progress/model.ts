import type {ChapterProgress, CurrentPlay, Progress} from './schema.js';

// Pure updates of the progress record; store.ts writes the result.

const HISTORY_LIMIT = 200;
export const SANDBOX_KEY = 'sandbox';

export const chapterProgress = (progress: Progress, chapterId: string): ChapterProgress => progress.chapters[chapterId] ?? {status: 'new', bestScore: 0, stars: 0, hintsUsed: 0};

/** The player started (or resumed) a chapter: it is in progress unless already done. */
export const markStarted = (progress: Progress, chapterId: string): Progress => {
	const current = chapterProgress(progress, chapterId);
	if (current.status !== 'new') return progress;
	return {...progress, chapters: {...progress.chapters, [chapterId]: {...current, status: 'in-progress'}}};
};

/** A chapter's record after a completed run: done, the better score (with its hints) and the most stars. */
export const bestOf = (current: ChapterProgress, result: {score: number; stars: number; hintsUsed: number}): ChapterProgress =>
	current.status !== 'done' || result.score > current.bestScore
		? {status: 'done', bestScore: result.score, stars: Math.max(result.stars, current.status === 'done' ? current.stars : 0), hintsUsed: result.hintsUsed}
		: {...current, stars: Math.max(current.stars, result.stars)};

/** A chapter completed: done, best score and stars kept (the better of old and new). */
export const markCompleted = (progress: Progress, chapterId: string, result: {score: number; stars: number; hintsUsed: number}): Progress => {
	const next = bestOf(chapterProgress(progress, chapterId), result);
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
