import process from 'node:process';
import React from 'react';
import {render} from 'ink';
import {App, type ProgressPort} from './app.js';
import type {GameEngine} from './engine-port.js';
import {installShrinkFix} from './shrink-fix.js';

// The interactive game's entry, called by cli.ts (after it checked stdin and stdout are
// terminals and set FORCE_COLOR=0 for NO_COLOR / --no-color). Resolves with the exit code.

export type StartOptions = {
	/** the menu (default), straight into a chapter, or the free sandbox */
	mode?: 'menu' | 'chapter' | 'sandbox';
	/** with mode 'chapter': id, order (1, 01) or file name (01-master-image) */
	chapter?: string;
	/** `--reset-progress`: ask, erase, and return without starting the game */
	resetProgress?: boolean;
	/** the lessons folder (default: the one shipped beside dist/) */
	lessonsDir?: string;
	/** the engine to play (default: the real lessons and shell) */
	engine?: GameEngine;
	/** where progress.json lives (default: AMI_SCHOOL_CONFIG_DIR, else the user's config folder) */
	configDir?: string;
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
};

const defaultEngine = async (options: StartOptions): Promise<GameEngine> => {
	const [{createEngine}, {defaultLessonsDir}] = await Promise.all([import('./engine-adapter.js'), import('../lessons/load.js')]);
	return createEngine({lessonsDir: options.lessonsDir ?? defaultLessonsDir(import.meta.url)});
};

export const startGame = async (options: StartOptions = {}): Promise<number> => {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	if (options.resetProgress) {
		const {runResetProgress} = await import('../progress/reset.js');
		return runResetProgress({stdin, stdout}, {cwd: options.configDir});
	}

	const engine = options.engine ?? (await defaultEngine(options));
	const openProgress = async (): Promise<ProgressPort> => {
		const {openProgressStore} = await import('../progress/store.js');
		return openProgressStore({cwd: options.configDir});
	};

	const removeShrinkFix = installShrinkFix(stdout);
	const instance = render(<App engine={engine} openProgress={openProgress} start={{mode: options.mode ?? 'menu', chapter: options.chapter}} />, {stdout, stdin, exitOnCtrlC: false, patchConsole: false});
	try {
		await instance.waitUntilExit();
	} finally {
		removeShrinkFix();
		instance.cleanup();
	}

	return 0;
};
