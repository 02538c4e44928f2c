import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildLessonCache, loadLessonDirCached} from '../../source/lessons/cache.js';
import {goodDir} from './fixture.js';

const copy = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'ami-cache-'));
	const lessons = path.join(dir, 'lessons');
	cpSync(goodDir, lessons, {recursive: true});
	return {dir, lessons, cacheFile: path.join(dir, 'lessons-cache.json')};
};

describe('the lesson cache', () => {
	it('is used while it matches the files, with paths in the folder it is read from', () => {
		const {lessons, cacheFile} = copy();
		const cache = buildLessonCache(lessons);
		expect(cache.result.lessons[0].file).toBe('01-two.yaml');
		// mark the cached copy, to see which one is read
		cache.result.lessons[0].title = 'From the cache';
		writeFileSync(cacheFile, JSON.stringify(cache));
		const loaded = loadLessonDirCached(lessons, cacheFile);
		expect(loaded.lessons[0].title).toBe('From the cache');
		expect(loaded.lessons[0].file).toBe(path.join(lessons, '01-two.yaml'));
	});

	it('is ignored once a lesson file changes, and when it is missing or damaged', () => {
		const {lessons, cacheFile} = copy();
		const cache = buildLessonCache(lessons);
		cache.result.lessons[0].title = 'From the cache';
		writeFileSync(cacheFile, JSON.stringify(cache));
		const file = path.join(lessons, '01-two.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('title: Two computers', 'title: Edited by the instructor'));
		expect(loadLessonDirCached(lessons, cacheFile).lessons[0].title).toBe('Edited by the instructor');
		writeFileSync(cacheFile, '{"version": 1, "hash": ');
		expect(loadLessonDirCached(lessons, cacheFile).lessons[0].title).toBe('Edited by the instructor');
		expect(loadLessonDirCached(lessons, path.join(lessons, 'nope.json')).lessons[0].title).toBe('Edited by the instructor');
	});
});
