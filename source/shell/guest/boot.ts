import {guestHook} from '../../guest/cloud-init.js';
import type {GuestHook} from '../../sim/core/guest-hook.js';
import {runScript} from '../interpret.js';
import {guestMachine} from './guest-machine.js';

/**
 * The guest operating system the game runs: cloud-init runs user data scripts with this shell's
 * interpreter on the instance's own machine (as root). Given to the engine by everything that
 * runs the model (the shell, `ami-school aws`, the lessons).
 */
export const shellGuest: GuestHook = guestHook((script, {disk, hostname, now}) => {
	const machine = guestMachine({disk: () => disk, update: fn => fn(disk), user: 'root', hostname, now});
	const result = runScript(script, {machine, shell: {vars: {}, exported: new Set(), lastExit: 0}});
	return result.out.map(c => c.text).join('');
});
