import {advanceClock, beginCommand} from '../sim/core/engine.js';
import type {World} from '../sim/core/types.js';
import {shellGuest} from './guest/boot.js';
import type {ApiCall, ProgramRun, Session} from './session.js';

// The mutable working copy of a Session while one line runs; runLine turns it back into a new
// Session at the end (the Session passed in is never changed).

export type LineState = {
	world: World;
	region: string;
	files: Record<string, string>;
	modes: Record<string, number>;
	knownHosts: string[];
	calls: ApiCall[];
	/** every program the line ran, in order (runs.ts) */
	runs: ProgramRun[];
	/** the runs still running (a program inside ssh inside…): the innermost last */
	runStack: ProgramRun[];
	remote?: Session['remote'];
	remoteShell?: Session['remoteShell'];
	cwd: string;
	width?: number;
	/** history lines, including the one running now */
	history: string[];
	/** the line changed something: a resource (an API call that writes), an instance's disk, or the player's files */
	changed?: boolean;
};

export const LOCAL_USER = 'student';
export const LOCAL_HOME = '/home/student';
export const LOCAL_HOST = 'ami-school';

// The shell's one way to move the virtual clock (the model's engine does the moving).

/** `sleep` and the like: time passes by `ms`, settling what falls due on the way. */
export const elapse = (state: LineState, ms: number): void => {
	state.world = advanceClock(state.world, ms, shellGuest);
};

/** The tick of one typed line that made no API call (runAws ticks for each call it makes). */
export const tickLine = (state: LineState): void => {
	state.world = beginCommand(state.world, shellGuest);
};
