import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {chapterPar} from './chapter.js';
import {loadLessonDir, type LoadResult} from './load.js';

// The shipped lessons, loaded and validated at build time (dist/lessons-cache.json), so the game's
// menu appears without parsing 200 KB of YAML. The cache is used only while it matches the files:
// edit a lesson and the game reads the YAML again.

export const LESSON_CACHE_VERSION = 1;

type LessonCache = {version: number; hash: string; result: LoadResult};

/** A fingerprint of a lesson folder's YAML files (names and contents). */
export const lessonSourceHash = (dir: string): string | undefined => {
	try {
		const hash = createHash('sha256');
		for (const name of readdirSync(dir).filter(name => /\.ya?ml$/.test(name)).sort()) {
			hash.update(`${name}\0`);
			hash.update(readFileSync(path.join(dir, name)));
			hash.update('\0');
		}

		return hash.digest('hex');
	} catch {
		return undefined;
	}
};

const rebase = (result: LoadResult, from: (file: string) => string): LoadResult => ({
	...result,
	lessons: result.lessons.map(lesson => ({...lesson, file: from(lesson.file)})),
	errors: result.errors.map(error => ({...error, file: from(error.file)})),
});

/**
 * The cache file's content for a folder (file names kept relative to it). A lesson without `par`
 * gets the one its solution earns (chapterPar: the solution played once, here rather than when a
 * player opens the chapter).
 */
export const buildLessonCache = (dir: string): LessonCache => {
	const loaded = loadLessonDir(dir);
	const lessons = loaded.lessons.map(lesson => ({...lesson, par: lesson.par ?? chapterPar(lesson)}));
	return {version: LESSON_CACHE_VERSION, hash: lessonSourceHash(dir) ?? '', result: rebase({...loaded, lessons}, file => path.relative(dir, file))};
};

/** loadLessonDir, taking the cache when it was built from exactly these files. */
export const loadLessonDirCached = (dir: string, cacheFile?: string): LoadResult => {
	if (cacheFile) {
		try {
			const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as LessonCache;
			if (cache.version === LESSON_CACHE_VERSION && cache.hash === lessonSourceHash(dir)) return rebase(cache.result, file => path.join(dir, file));
		} catch {
			// no cache, or a damaged one: read the lessons themselves
		}
	}

	return loadLessonDir(dir);
};
