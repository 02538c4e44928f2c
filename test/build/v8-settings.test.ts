import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {flagsToSet, LONG_SESSION_FLAGS} from '../../source/v8-settings.js';

// The collector settings of a game session (source/v8-settings.ts): set only where V8 is known to
// have them (an unknown flag makes V8 print an error on the game's screen), never over the player's own.

describe('V8 settings for a long game session', () => {
	it('are set on the V8 of Node 20, 22 and 24', () => {
		for (const v8 of ['11.3.244.8-node.30', '12.4.254.21-node.33', '13.6.233.17-node.37']) expect(flagsToSet(v8, [], undefined)).toEqual(LONG_SESSION_FLAGS);
	});

	it('are not set on a V8 whose flags were not checked', () => {
		expect(flagsToSet('10.2.154.26-node.26', [], undefined)).toEqual([]);
		expect(flagsToSet('14.1.0', [], undefined)).toEqual([]);
		expect(flagsToSet('not a version', [], undefined)).toEqual([]);
	});

	it('leave a flag the player set in NODE_OPTIONS or on node’s command line (either spelling)', () => {
		expect(flagsToSet('11.3.244.8', ['--heap-growing-percent=50'], undefined)).toEqual(['--semi-space-growth-factor=1']);
		expect(flagsToSet('11.3.244.8', [], '--max-old-space-size=512  --semi_space_growth_factor=4')).toEqual(['--heap-growing-percent=25']);
	});

	it('are flags this Node knows: setting them prints nothing', () => {
		const set = LONG_SESSION_FLAGS.map(flag => `v8.setFlagsFromString(${JSON.stringify(flag)});`).join('');
		const run = spawnSync(process.execPath, ['-e', `const v8 = require('node:v8'); ${set} console.log('set')`], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(run.stdout).toBe('set\n');
	});
});
