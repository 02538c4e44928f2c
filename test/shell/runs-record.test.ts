import {describe, expect, it} from 'vitest';
import {newSession, run} from './fixtures.js';

// The record of what a line ran (ProgramRun), which goals read: every program counts, however it
// was started, and what went into a `$(…)` is kept apart from what reached the screen.

const runsOf = (...lines: string[]) => run(newSession(), ...lines).session.history.at(-1)!.runs!;

describe('the record of runs', () => {
	it('xargs records each program it starts, with its own arguments and what it printed', () => {
		const runs = runsOf('echo a b | xargs -n1 echo said');
		expect(runs.map(r => [r.program, ...r.args])).toEqual([
			['echo', 'a', 'b'],
			['xargs', '-n1', 'echo', 'said'],
			['echo', 'said', 'a'],
			['echo', 'said', 'b'],
		]);
		expect(runs[2].shown).toEqual(['said', 'a']);
		// the pipeline's output is what xargs (and the first echo) showed too
		expect(runs[1].shown).toEqual(['said', 'a', 'b']);
	});

	it('what a program wrote into $(…) is captured, not shown; what a for loop runs is recorded', () => {
		const runs = runsOf('X=$(echo snap-0abc); for w in one two; do echo $w; done');
		expect(runs.map(r => r.program)).toEqual(['echo', 'echo', 'echo']);
		expect(runs[0]).toMatchObject({captured: ['snap-0abc']});
		expect(runs[0].shown).toBeUndefined();
		expect(runs[2].shown).toEqual(['two']);
	});
});
