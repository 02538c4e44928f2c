import {gameCommandWords} from './commands.js';
import type {ExportFiles} from './export.js';
import {isRemote, newGame, shellCompletions, shellPrompt, submitLine, type GameState, type LineOptions, type LineOutcome} from './play.js';
import type {RunResult} from '../progress/model.js';
import type {GameEngine, Play, ScoreReport} from './port.js';
import {playView, type PlayView} from './status.js';
import {worldView, type WorldView} from './world-view.js';

// The game layer as one object: the engine port plus the play functions bound to it. This is
// what the engine bundle gives the Ink UI after its first frame (the UI imports only types from
// source/game, and names.ts), and what the plain mode drives.

export type GameLayer = {
	newGame(play: Play): GameState;
	/** one submitted line: see play.ts submitLine */
	submit(state: GameState, text: string, options?: LineOptions): LineOutcome;
	/** status bar (fitted to `width` columns, the front's `note` at its end), pending items and goals */
	view(state: GameState, width?: number, note?: string): PlayView;
	/** the learner's resources, marked with what changed since the play `before` (the one before the last command) */
	world(state: GameState, before?: Play): WorldView;
	shellPrompt(state: GameState): string;
	isRemote(state: GameState): boolean;
	completions(state: GameState, before: string): string[];
	/** the game's own command names (Tab completes them as a first word) */
	commandWords(): string[];
	/** a finished chapter: its final score, and what saved progress records of the run */
	finished(play: Play): {report: ScoreReport; result: RunResult};
};

export type Game = GameEngine & GameLayer;

/** `files`: where `save-script` writes (without it, `save-script` says it is not available). */
export const withLayer = (engine: GameEngine, files?: ExportFiles): Game => ({
	...engine,
	newGame,
	submit: (state, text, options) => submitLine(engine, state, text, {files, ...options}),
	view: (state, width, note) => playView(engine, state, width, note),
	world: (state, before) => {
		const session = engine.session(state.play);
		return worldView(session.world, session.region, before ? engine.session(before).world : undefined);
	},
	shellPrompt: state => shellPrompt(engine, state),
	isRemote: state => isRemote(engine, state),
	completions: (state, before) => shellCompletions(engine, state, before),
	commandWords: gameCommandWords,
	finished: play => {
		const report = engine.score(play);
		return {report, result: {score: report.total, stars: report.stars, hintsUsed: engine.hintsUsed(play), log: engine.runLog?.(play)}};
	},
});
