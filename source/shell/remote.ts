import {runAws} from '../cli/run-aws.js';
import {bootDisk} from '../guest/guest.js';
import {changeInstanceDisk, instanceDisk} from '../sim/instances/disk.js';
import {privateDnsName} from '../sim/instances/network.js';
import type {Disk, Instance} from '../sim/core/types.js';
import {shellGuest} from './guest/boot.js';
import {guestMachine} from './guest/guest-machine.js';
import {elapse as elapseLine, type LineState} from './line-state.js';
import {pageNote, worldProbe} from './network.js';
import {commandResult, type Command, type Machine} from './machine.js';
import {currentRun, noteReached, traceRuns} from './runs.js';

// A running instance seen through ssh: its disk changes go into the world (immer), its curl
// reaches the internet from its public IP, and `aws` works only with an instance profile.

export const instanceOf = (state: LineState, region: string, instanceId: string): Instance | undefined => state.world.regions[region]?.instances.get(instanceId);

export const diskOf = (state: LineState, region: string, instanceId: string): Disk | undefined => {
	const instance = instanceOf(state, region, instanceId);
	return instance ? instanceDisk(state.world.regions[region], instance) : undefined;
};

export type RemoteTarget = {region: string; instanceId: string; user: string; cwd?: string};

export const remoteMachine = (state: LineState, target: RemoteTarget, switchUser?: (user: string) => void): Machine | undefined => {
	const instance = instanceOf(state, target.region, target.instanceId);
	const disk = diskOf(state, target.region, target.instanceId);
	if (!instance || !disk) return undefined;
	const fqdn = privateDnsName(target.region, instance.PrivateIpAddress);

	const extra: Record<string, Command> = {};
	if (instance.IamInstanceProfile) {
		extra.aws = (_ctx, [, ...args]) => {
			const outcome = runAws(state.world, args, {readFile: () => undefined, defaultRegion: target.region, width: state.width, guest: shellGuest});
			state.world = outcome.world;
			state.calls.push(...outcome.calls);
			const run = currentRun(state);
			if (run) run.calls = [...(run.calls ?? []), ...outcome.calls];
			return commandResult(outcome.exitCode, outcome.stdout, outcome.stderr);
		};
	}

	const update = (fn: (disk: Disk) => void) => {
		const before = state.world;
		state.world = changeInstanceDisk(state.world, target.region, target.instanceId, fn);
		if (state.world !== before) state.changed = true;
	};

	const where = {region: target.region, instanceId: target.instanceId};
	const machine = guestMachine({
		disk: () => diskOf(state, target.region, target.instanceId) ?? disk,
		update,
		// what a boot does to the disk, as RebootInstances has the guest hook do: exactly the enabled services come back
		reboot: () => update(bootDisk),
		user: target.user,
		hostname: fqdn.split('.')[0],
		fqdn,
		region: target.region,
		now: () => state.world.clock,
		elapse: ms => elapseLine(state, ms),
		bootedAt: instance.LaunchTime,
		cwd: target.cwd,
		probe: worldProbe(state, instance.PublicIpAddress ?? '0.0.0.0'),
		extra,
		switchUser,
		onLocalHttp: (path, port, answer) => noteReached(state, where, pageNote(state.world, target.region, instanceOf(state, target.region, target.instanceId) ?? instance, path, port, answer)),
	});
	machine.onRun = traceRuns(state, where);
	return machine;
};
