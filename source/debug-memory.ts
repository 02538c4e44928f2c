import {writeFileSync} from 'node:fs';
import process from 'node:process';
import v8 from 'node:v8';

// A look inside the game's memory for `npm run bench` (scripts/bench-terminal.ts), which cannot
// see V8's heap from outside the process. With AMI_SCHOOL_DEBUG_MEMORY=<file>, the game writes to
// that file, every 200 ms, one JSON line: process.memoryUsage() and each V8 heap space's size and
// use, in bytes. No signal is used: Ink's signal-exit listens to SIGUSR2 and the like, and a
// listener of our own would upset it. Loaded only when the variable is set (cli.ts): a player's
// game never runs it.

const report = (): string => {
	const spaces: Record<string, {size: number; used: number}> = {};
	for (const space of v8.getHeapSpaceStatistics()) spaces[space.space_name] = {size: space.space_size, used: space.space_used_size};
	return `${JSON.stringify({...process.memoryUsage(), spaces})}\n`;
};

export const reportMemoryEvery = (file: string, ms = 200): void => {
	const write = () => {
		try {
			writeFileSync(file, report());
		} catch {
			// a debugging aid: a file it cannot write is not the game's problem
		}
	};

	write();
	setInterval(write, ms).unref();
};
