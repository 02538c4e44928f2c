import {fail} from '../core/errors.js';
import {isWellFormedId} from '../core/ids.js';
import {PLAYER_PUBLIC_IP} from '../security-groups/internet.js';
import {instancesNotFound} from '../core/not-found.js';
import {allowsFrom} from '../security-groups/rules.js';
import type {Instance, RegionState, World} from '../core/types.js';

// Finding instances the way EC2 does: exact Malformed / NotFound errors, terminated instances
// visible for an hour and then gone, and the questions the in-instance shell asks (which
// instance owns this public IP, can a TCP port be reached from the internet).

/** Terminated instances stay visible this long after they reach `terminated`. */
export const TERMINATED_VISIBLE_MS = 3_600_000;

const regionOf = (world: World, region: RegionState | string): RegionState | undefined =>
	typeof region === 'string' ? world.regions[region] : region;

/** False once a terminated instance has been gone for an hour (AWS then forgets it). */
export const isInstanceVisible = (instance: Instance, now: number): boolean =>
	!(instance.State === 'terminated' && now >= (instance.terminatedAt ?? instance.LaunchTime) + TERMINATED_VISIBLE_MS);

export const malformedInstanceId = (id: string): never => fail('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);

export {instancesNotFound};

/** The visible instance with this id in the Region, or the exact AWS error. */
export const findInstance = (world: World, region: RegionState | string, id: string): Instance => {
	if (typeof id !== 'string' || !isWellFormedId(id, 'i')) malformedInstanceId(String(id));
	const instance = regionOf(world, region)?.instances.get(id);
	if (!instance || !isInstanceVisible(instance, world.clock)) instancesNotFound([id]);
	return instance!;
};

/**
 * Every instance named in a multi-id request, in request order without duplicates. The whole
 * request fails when one id is malformed (the first is named) or unknown (all are named).
 */
export const findInstances = (world: World, region: RegionState | string, ids: unknown): Instance[] => {
	const list = Array.isArray(ids) ? ids.map(String) : [];
	if (list.length === 0) fail('MissingParameter', 'The request must contain the parameter InstanceId');
	const unique = [...new Set(list)];
	const bad = unique.find(id => !isWellFormedId(id, 'i'));
	if (bad !== undefined) malformedInstanceId(bad);
	const state = regionOf(world, region);
	const missing = unique.filter(id => {
		const instance = state?.instances.get(id);
		return !instance || !isInstanceVisible(instance, world.clock);
	});
	if (missing.length > 0) instancesNotFound(missing);
	return unique.map(id => state!.instances.get(id)!);
};

/** The instance answering on this public IPv4 address, in any Region: only a running instance has one. */
export const findInstanceByPublicIp = (world: World, ip: string): {region: string; instance: Instance} | undefined => {
	for (const [name, region] of Object.entries(world.regions)) {
		for (const instance of region.instances.values()) {
			if (instance.PublicIpAddress === ip && instance.State === 'running') return {region: name, instance};
		}
	}

	return undefined;
};

/**
 * Running, with a public IP, and one of its security groups admits TCP `port` from `fromIp`
 * (by default the player's own address: any CIDR block containing it will do, not only 0.0.0.0/0).
 */
export const instanceReachable = (world: World, region: RegionState | string, instance: Instance, port: number, fromIp: string = PLAYER_PUBLIC_IP): boolean => {
	if (instance.State !== 'running' || !instance.PublicIpAddress || instance.bootFailed) return false;
	const state = regionOf(world, region);
	if (!state) return false;
	return instance.SecurityGroupIds.some(groupId => {
		const group = state.securityGroups.get(groupId);
		return group !== undefined && allowsFrom(group, port, fromIp);
	});
};
