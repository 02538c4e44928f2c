import React, {useCallback, useEffect, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useStdin, useStdout} from 'ink';
import type {Progress} from '../progress/schema.js';
import {addNotice, appKey, chapterOf, completeItems, initialApp, progressLoaded, startAt, type AppEffect, type AppState, type StartAt} from './app-state.js';
import {Transcript} from './components/transcript.js';
import type {Game} from '../game/types.js';
import {MIN_COLUMNS, MIN_ROWS, tooSmall, useWindowSize} from './hooks/use-window-size.js';
import {CompleteScreen} from './screens/complete-screen.js';
import {LabScreen} from './screens/lab-screen.js';
import {MenuScreen} from './screens/menu-screen.js';
import {QuizScreen} from './screens/quiz-screen.js';
import {StoryScreen} from './screens/story-screen.js';
import type {InkKey} from './prompt/reducer.js';

// The game's root: holds AppState, owns keyboard input (one useInput for every screen), runs
// the reducer's effects (save progress, clear the screen, exit) and draws the active screen.

export type ProgressPort = {progress: Progress; warning?: string; save(progress: Progress): string | undefined};

export type AppProps = {
	engine: Game;
	/** opens saved progress; called after the first frame */
	openProgress: () => Promise<ProgressPort>;
	/** where to go once progress is loaded (default: the menu) */
	start?: StartAt;
};

const CLEAR_SCREEN = '\u001B[2J\u001B[3J\u001B[H';

type ProgressHooks = {stateRef: React.MutableRefObject<AppState>; storeRef: React.MutableRefObject<ProgressPort | undefined>; apply: (next: AppState, effects: AppEffect[]) => void; commit: (next: AppState) => void};

/** Opens saved progress once, after the first frame, then goes where the command line asked. */
const useProgressOnce = (engine: Game, openProgress: AppProps['openProgress'], start: StartAt | undefined, {stateRef, storeRef, apply, commit}: ProgressHooks) => {
	useEffect(() => {
		let live = true;
		const timer = setTimeout(() => {
			openProgress()
				.then(store => {
					if (!live) return;
					storeRef.current = store;
					const loaded = progressLoaded(stateRef.current, store.progress, store.warning);
					const step = start ? startAt(engine, loaded, start) : {state: loaded, effects: []};
					apply(step.state, step.effects);
				})
				.catch((error: unknown) => {
					if (live) commit(progressLoaded(stateRef.current, stateRef.current.progress, `Saved progress is unavailable (${String(error)}).`));
				});
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
		// Progress opens once, after the first frame.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
};

/** The active screen, drawn from AppState. */
const ScreenBody = ({engine, state, columns, rows}: {engine: Game; state: AppState; columns: number; rows: number}) => {
	const chapter = chapterOf(engine, state.lab?.play);
	const {screen} = state;
	// a cut-off screen helps nobody: say what is wrong until the window grows (nothing is lost)
	if (tooSmall({columns, rows})) return <Text wrap="wrap">Terminal too small ({columns}×{rows}): AMI School needs {MIN_COLUMNS}×{MIN_ROWS}. Make the window bigger; your game is kept.</Text>;
	if (screen.name === 'menu') return <MenuScreen engine={engine} state={state} index={screen.index} rows={rows} />;
	if (screen.name === 'story' && chapter) return <StoryScreen chapter={chapter} page={screen.page} columns={columns} rows={rows} />;
	if (screen.name === 'quiz' && chapter?.quiz[screen.question]) return <QuizScreen question={chapter.quiz[screen.question]} number={screen.question + 1} total={chapter.quiz.length} index={screen.index} answered={screen.answered} columns={columns} banner={screen.banner} />;
	if (screen.name === 'complete' && chapter) return <CompleteScreen chapter={chapter} report={screen.report} best={screen.best} items={completeItems(engine, state)} index={screen.index} page={screen.page} columns={columns} rows={rows} />;
	if (state.lab) return <LabScreen engine={engine} lab={state.lab} columns={columns} rows={rows} transcript={state.transcript} reader={state.reader} showWorld={state.showWorld} />;
	return null;
};

export const App = ({engine, openProgress, start}: AppProps) => {
	const {exit} = useApp();
	// Ink's write: the live frame is drawn again after what is written (a clear that is followed by
	// the same frame as before would otherwise leave the screen empty)
	const {write} = useStdout();
	const {isRawModeSupported} = useStdin();
	const {columns, rows} = useWindowSize();
	const viewRef = useRef({columns, rows});
	viewRef.current = {columns, rows};
	const [state, setState] = useState<AppState>(() => initialApp(engine));
	const stateRef = useRef(state);
	const storeRef = useRef<ProgressPort | undefined>(undefined);

	const commit = useCallback((next: AppState) => {
		stateRef.current = next;
		setState(next);
	}, []);

	const apply = useCallback(
		(next: AppState, effects: AppEffect[]) => {
			let quit = false;
			for (const effect of effects) {
				if (effect.type === 'persist' && storeRef.current) {
					const problem = storeRef.current.save(next.progress);
					if (problem) next = addNotice(next, problem);
				} else if (effect.type === 'clear') {
					write(CLEAR_SCREEN);
				} else if (effect.type === 'exit') {
					quit = true;
				}
			}

			commit(next);
			if (quit) exit();
		},
		[write, exit, commit],
	);

	const onInput = useCallback(
		(input: string, key: InkKey) => {
			const step = appKey(engine, stateRef.current, input, key, viewRef.current);
			apply(step.state, step.effects);
		},
		[engine, apply],
	);

	useProgressOnce(engine, openProgress, start, {stateRef, storeRef, apply, commit});

	useInput(onInput, {isActive: isRawModeSupported});

	const body = <ScreenBody engine={engine} state={state} columns={columns} rows={rows} />;
	return (
		<>
			{/* the transcript belongs to the lab: other screens start on a clean screen (app-state.ts withCleanScreen) */}
			{state.screen.name === 'lab' ? <Transcript key={state.transcriptEpoch} entries={state.transcript} columns={columns} /> : null}
			<Box flexDirection="column">
				{body}
				{state.ctrlCArmed ? <Text color="yellow">Press Ctrl+C again to quit.</Text> : null}
			</Box>
		</>
	);
};
