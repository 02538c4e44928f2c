import process from 'node:process';
import {fileURLToPath} from 'node:url';
import React, {useEffect, useState} from 'react';
import {Box, render, Text, useApp} from 'ink';
import {Title} from './components/title.js';
import Spinner from 'ink-spinner';
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
	/** the lessons folder (default: the one shipped beside dist/) */
	lessonsDir?: string;
	/** the engine to play (default: the real lessons and shell) */
	engine?: GameEngine;
	/** where progress.json lives (default: the config folder, source/sandbox/paths.ts) */
	configDir?: string;
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
};

const defaultEngine = async (options: StartOptions): Promise<GameEngine> => {
	const {createEngine, defaultLessonsDir} = await import('./engine-entry.js');
	// The built game ships dist/lessons-cache.json (the built-in chapters) beside this file; from
	// source there is none.
	const lessonCacheFile = fileURLToPath(new URL('lessons-cache.json', import.meta.url));
	const builtinDir = defaultLessonsDir(import.meta.url);
	return createEngine({lessonsDir: options.lessonsDir ?? builtinDir, builtinDir, lessonCacheFile});
};

type BootProps = {load: () => Promise<GameEngine>; openProgress: () => Promise<ProgressPort>; start: React.ComponentProps<typeof App>['start']};

/**
 * The first frame: the title at once, while the lessons and the sandbox load (their code is a
 * separate bundle, so Ink and React alone decide how soon something is on screen).
 */
export const Boot = ({load, openProgress, start}: BootProps) => {
	const {exit} = useApp();
	const [engine, setEngine] = useState<GameEngine>();
	const [failure, setFailure] = useState<string>();
	useEffect(() => {
		let live = true;
		load().then(
			loaded => {
				if (live) setEngine(loaded);
			},
			(error: unknown) => {
				if (live) setFailure(error instanceof Error ? error.message : String(error));
			},
		);
		return () => {
			live = false;
		};
	}, [load]);
	useEffect(() => {
		if (failure) exit();
	}, [failure, exit]);

	if (engine) return <App engine={engine} openProgress={openProgress} start={start} />;
	return (
		<Box flexDirection="column">
			<Title />
			<Box marginTop={1}>
				{failure ? (
					<Text color="red">The game could not load its chapters: {failure}. Reinstalling ami-school should help.</Text>
				) : (
					<Text>
						<Spinner /> Loading the chapters…
					</Text>
				)}
			</Box>
		</Box>
	);
};

export const startGame = async (options: StartOptions = {}): Promise<number> => {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	// The engine comes first (the App appears only once it is there), so the progress of its lesson
	// pack is opened.
	let engine: GameEngine | undefined;
	const load = async () => (engine = options.engine ?? (await defaultEngine(options)));
	const openProgress = async (): Promise<ProgressPort> => {
		const {openProgressStore} = await import('../progress/entry.js');
		return openProgressStore({cwd: options.configDir, pack: engine?.pack?.().id});
	};

	const removeShrinkFix = installShrinkFix(stdout);
	const instance = render(<Boot load={load} openProgress={openProgress} start={{mode: options.mode ?? 'menu', chapter: options.chapter}} />, {stdout, stdin, exitOnCtrlC: false, patchConsole: false});
	try {
		await instance.waitUntilExit();
	} finally {
		removeShrinkFix();
		instance.cleanup();
	}

	return 0;
};
