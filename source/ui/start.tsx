import process from 'node:process';
import {fileURLToPath} from 'node:url';
import React, {useEffect, useState} from 'react';
import {Box, render, Text, useApp, useInput, useStdin, useStdout} from 'ink';
import {Title} from './components/title.js';
import Spinner from 'ink-spinner';
import {App, type ProgressPort} from './app.js';
import type {Game} from '../game/types.js';
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
	engine?: Game;
	/** where progress.json lives (default: the config folder, source/sandbox/paths.ts) */
	configDir?: string;
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
};

const defaultEngine = async (options: StartOptions): Promise<Game> => {
	const {createGame, defaultLessonsDir} = await import('../game/entry.js');
	// The built game ships dist/lessons-cache.json (the built-in chapters) beside this file; from
	// source there is none.
	const lessonCacheFile = fileURLToPath(new URL('lessons-cache.json', import.meta.url));
	const builtinDir = defaultLessonsDir(import.meta.url);
	return createGame({lessonsDir: options.lessonsDir ?? builtinDir, builtinDir, lessonCacheFile});
};

type BootProps = {load: () => Promise<Game>; openProgress: () => Promise<ProgressPort>; start: React.ComponentProps<typeof App>['start']};

/**
 * The first frame: the title at once, while the lessons and the sandbox load (their code is a
 * separate bundle, so Ink and React alone decide how soon something is on screen).
 */
export const Boot = ({load, openProgress, start}: BootProps) => {
	const {exit} = useApp();
	const [engine, setEngine] = useState<Game>();
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

/**
 * Ctrl+Z as in any terminal program: raw mode turns it into a plain key, so the game gives the
 * terminal back (cooked mode, cursor shown) and stops itself; `fg` (SIGCONT) takes raw mode again
 * and draws the screen afresh. The key is read through Ink (a stdin listener of our own would
 * make the stream flow and steal keys from Ink between screens).
 */
const suspendOnCtrlZ = (stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, redraw: () => void): {suspend: () => void; remove: () => void} => {
	const resume = () => {
		if (stdin.isTTY) stdin.setRawMode(true);
		stdout.write('\u001B[?25l\u001B[2J\u001B[H');
		redraw();
	};

	return {
		suspend() {
			if (process.platform === 'win32') return;
			if (stdin.isTTY) stdin.setRawMode(false);
			stdout.write('\u001B[?25h\n');
			process.once('SIGCONT', resume);
			process.kill(process.pid, 'SIGSTOP');
		},
		remove() {
			process.off('SIGCONT', resume);
		},
	};
};

/** Around the whole game: Ctrl+Z, and a new `frame` writes the whole screen again (Ink's write puts its last frame back), game state untouched. */
const Redraw = ({frame, onSuspend, children}: {frame: number; onSuspend: () => void; children: React.ReactNode}) => {
	const {write} = useStdout();
	const {isRawModeSupported} = useStdin();
	useEffect(() => {
		if (frame > 0) write('');
	}, [frame, write]);
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'z') onSuspend();
		},
		{isActive: isRawModeSupported},
	);
	return <>{children}</>;
};

export const startGame = async (options: StartOptions = {}): Promise<number> => {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	// The engine comes first (the App appears only once it is there), so the progress of its lesson
	// pack is opened.
	let engine: Game | undefined;
	const load = async () => (engine = options.engine ?? (await defaultEngine(options)));
	const openProgress = async (): Promise<ProgressPort> => {
		const {openProgressStore} = await import('../progress/entry.js');
		return openProgressStore({cwd: options.configDir, pack: engine?.pack?.().id});
	};

	const removeShrinkFix = installShrinkFix(stdout);
	const element = <Boot load={load} openProgress={openProgress} start={{mode: options.mode ?? 'menu', chapter: options.chapter}} />;
	let frame = 0;
	const suspension = suspendOnCtrlZ(stdin, stdout, () => {
		instance.rerender(<Redraw frame={++frame} onSuspend={suspension.suspend}>{element}</Redraw>);
	});
	const instance = render(<Redraw frame={0} onSuspend={suspension.suspend}>{element}</Redraw>, {stdout, stdin, exitOnCtrlC: false, patchConsole: false});
	try {
		await instance.waitUntilExit();
	} finally {
		suspension.remove();
		removeShrinkFix();
		instance.cleanup();
	}

	return 0;
};
