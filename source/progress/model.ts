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
