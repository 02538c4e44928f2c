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

/** A chapter completed: done, best score and stars kept (the better of old and new). */
export const markCompleted = (progress: Progress, chapterId: string, result: {score: number; stars: number; hintsUsed: number}): Progress => {
	const current = chapterProgress(progress, chapterId);
	const better = current.status !== 'done' || result.score > current.bestScore;
	const next: ChapterProgress = better
		? {status: 'done', bestScore: result.score, stars: Math.max(result.stars, current.status === 'done' ? current.stars : 0), hintsUsed: result.hintsUsed}
		: {...current, stars: Math.max(current.stars, result.stars)};
	const withChapter = {...progress, chapters: {...progress.chapters, [chapterId]: next}};
	return progress.current?.chapterId === chapterId ? {...withChapter, current: undefined} : withChapter;
};

export const setCurrent = (progress: Progress, current: CurrentPlay | undefined): Progress => ({...progress, current});

export const setHistory = (progress: Progress, key: string, history: string[]): Progress => ({...progress, histories: {...progress.histories, [key]: history.slice(-HISTORY_LIMIT)}});

export const historyFor = (progress: Progress, key: string): string[] => progress.histories[key] ?? [];
