import {existsSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {createGame, defaultLessonsDir} from '../game/entry.js';
import {runPlain} from '../plain/plain.js';
import {openProgressStore} from '../progress/entry.js';

// `ami-school --plain [play <chapter> | sandbox]` (and any game started with TERM=dumb): the
// plain line mode over the game layer, with the shipped lessons (or --lessons) and saved progress.

export type PlainCommand = {mode: 'menu' | 'chapter' | 'sandbox'; chapter?: string; lessonsDir?: string};

/** The build's cache of the shipped lessons, beside dist/lessons.js (this code may sit in dist/chunks/). */
const shippedCache = (): string | undefined =>
	['lessons-cache.json', '../lessons-cache.json'].map(name => fileURLToPath(new URL(name, import.meta.url))).find(file => existsSync(file));

export const runPlainCommand = async (command: PlainCommand): Promise<number> => {
	const builtinDir = defaultLessonsDir();
	const game = createGame({lessonsDir: command.lessonsDir ?? builtinDir, builtinDir, lessonCacheFile: shippedCache()});
	// progress belongs to the lesson pack being played
	return runPlain({game, input: process.stdin, output: process.stdout, mode: command.mode, chapter: command.chapter, progress: openProgressStore({pack: game.pack?.().id})});
};
