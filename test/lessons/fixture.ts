import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadLessonDir} from '../../source/lessons/load.js';
import type {LoadedLesson} from '../../source/lessons/schema.js';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const goodDir = path.join(here, 'fixtures', 'good');

/** The fixture lesson played with the fake shell. */
export const twoComputers = (): LoadedLesson => {
	const {lessons, errors} = loadLessonDir(goodDir);
	if (errors.length > 0 || !lessons[0]) throw new Error(`fixture does not load: ${JSON.stringify(errors)}`);
	return lessons[0];
};
