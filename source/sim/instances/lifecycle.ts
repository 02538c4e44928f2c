import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {findInstances} from './lookup.js';
import {newPublicIp} from './network.js';
import {closeBilling, stopBilling} from '../billing/pricing.js';
import {schedule} from '../core/settle.js';
import {BOOT_MS, TRANSITION_MS, gmtStamp} from '../core/clock.js';
import type {Instance, InstanceStateName} from '../core/types.js';
import {stateView} from './view.js';

// Stop / start / reboot / terminate (reference 2.1 and 3.5). Every id is checked before anything
// changes, and a thrown error discards the whole request (engine.ts), so several ids are
// all-or-nothing. Transitional states last a few commands (TRANSITION_MS / BOOT_MS in core/clock.ts).

type Params = Record<string, any>;
type StateChange = {InstanceId: string; CurrentState: ReturnType<typeof stateView>; PreviousState: ReturnType<typeof stateView>};

const change = (instance: Instance, previous: InstanceStateName): StateChange => ({
	InstanceId: instance.InstanceId,
	CurrentState: stateView(instance.State),
	PreviousState: stateView(previous),
});

const enterState = (ctx: OpContext, instance: Instance, state: InstanceStateName, ms: number): void => {
	instance.State = state;
	instance.transitionAt = ctx.now + ms;
	schedule(ctx.world, {at: instance.transitionAt, region: ctx.regionName, kind: 'instance', id: instance.InstanceId});
};

const userInitiated = (instance: Instance, now: number): void => {
	instance.StateTransitionReason = `User initiated (${gmtStamp(now)})`;
	instance.StateReason = {Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown'};
};

const stoppable = (instance: Instance, params: Params): void => {
	const id = instance.InstanceId;
	switch (instance.State) {
		case 'pending': {
			fail('IncorrectInstanceState', `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`);
			break;
		}

		case 'shutting-down':
		case 'terminated': {
			fail('IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`);
			break;
		}

		default:
	}

	if (instance.RootDeviceType === 'instance-store') fail('UnsupportedOperation', `The instance '${id}' does not have an 'ebs' root device type and cannot be stopped.`);
	if (instance.DisableApiStop && instance.State === 'running') {
		fail('OperationNotPermitted', `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`);
	}

	if (params.Hibernate === true) fail('UnsupportedHibernationConfiguration', `The instance '${id}' is not enabled for hibernation.`);
};

export const stopInstances = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const instances = findInstances(ctx.world, ctx.region, params.InstanceIds);
	for (const instance of instances) stoppable(instance, params);
	const changes = instances.map(instance => {
		const previous = instance.State;
		if (previous === 'running') {
			enterState(ctx, instance, 'stopping', TRANSITION_MS);
			userInitiated(instance, ctx.now);
			stopBilling(instance.billing, ctx.now);
			delete instance.PublicIpAddress; // a public IPv4 address is released on stop
			ctx.guest.halt(ctx.world, ctx.regionName, instance);
		}

		return change(instance, previous);
	});
	return {StoppingInstances: changes};
};

export const startInstances = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const instances = findInstances(ctx.world, ctx.region, params.InstanceIds);
	for (const instance of instances) {
		if (instance.State === 'stopping' || instance.State === 'shutting-down' || instance.State === 'terminated') {
			fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in a state from which it can be started.`);
		}
	}

	const changes = instances.map(instance => {
		const previous = instance.State;
		if (previous === 'stopped') {
			enterState(ctx, instance, 'pending', BOOT_MS);
			instance.StateTransitionReason = '';
			instance.StateReason = {Code: 'pending', Message: 'pending'};
			instance.PublicIpAddress = newPublicIp(ctx.world);
			// settle.ts boots it (exactly the enabled services come up) when it reaches running.
		}

		return change(instance, previous);
	});
	return {StartingInstances: changes};
};

export const rebootInstances = (ctx: OpContext, params: Params): undefined => {
	const instances = findInstances(ctx.world, ctx.region, params.InstanceIds);
	// "The operation succeeds if the instances are valid and belong to you"; only running ones reboot.
	for (const instance of instances) {
		if (instance.State === 'running') ctx.guest.boot(ctx.world, ctx.regionName, instance, false); // a reboot brings up exactly the enabled services
	}

	return undefined;
};

/** Volumes marked DeleteOnTermination go (their bill closes); the others are detached and kept. */
const releaseVolumes = (ctx: OpContext, instance: Instance): void => {
	for (const attached of instance.volumes) {
		const volume = ctx.region.volumes.get(attached.VolumeId);
		if (!volume) continue;
		if (attached.DeleteOnTermination) {
			closeBilling(ctx.world, ctx.regionName, volume, ctx.now);
			ctx.region.volumes.delete(attached.VolumeId);
		} else {
			delete volume.Attachment;
			volume.State = 'available';
		}
	}

	instance.volumes = [];
};

export const terminateInstances = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const instances = findInstances(ctx.world, ctx.region, params.InstanceIds);
	for (const instance of instances) {
		if (instance.DisableApiTermination && instance.State !== 'shutting-down' && instance.State !== 'terminated') {
			fail('OperationNotPermitted', `The instance '${instance.InstanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`);
		}
	}

	const changes = instances.map(instance => {
		const previous = instance.State;
		if (previous !== 'shutting-down' && previous !== 'terminated') {
			enterState(ctx, instance, 'shutting-down', TRANSITION_MS);
			instance.terminatedAt = instance.transitionAt;
			userInitiated(instance, ctx.now);
			closeBilling(ctx.world, ctx.regionName, instance, ctx.now);
			ctx.guest.halt(ctx.world, ctx.regionName, instance);
			delete instance.PublicIpAddress;
			delete instance.ephemeralDisk; // an instance-store root is lost with the instance
			releaseVolumes(ctx, instance);
		}

		return change(instance, previous);
	});
	return {TerminatingInstances: changes};
};
