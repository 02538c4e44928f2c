import {fail} from './errors.js';
import {isWellFormedId} from './ids.js';
import type {Instance, RegionState, World} from './types.js';

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

/** `The instance ID 'i-a' does not exist` / `The instance IDs 'i-a, i-b' do not exist` */
export const instancesNotFound = (ids: string[]): never =>
	ids.length === 1
		? fail('InvalidInstanceID.NotFound', `The instance ID '${ids[0]}' does not exist`)
		: fail('InvalidInstanceID.NotFound', `The instance IDs '${ids.join(', ')}' do not exist`);

/** The visible instance with this id in the Region, or the exact AWS error. */
export const findInstance = (world: World, region: RegionState | string, id: string): Instance => {
	if (typeof id !== 'string' || !isWellFormedId(id, 'i')) malformedInstanceId(String(id));
	const instance = regionOf(world, region)?.instances[id];
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
		const instance = state?.instances[id];
		return !instance || !isInstanceVisible(instance, world.clock);
	});
	if (missing.length > 0) instancesNotFound(missing);
	return unique.map(id => state!.instances[id]);
};

/** The instance holding this public IPv4 address, in any Region (for `ssh` / `curl` in the game). */
export const findInstanceByPublicIp = (world: World, ip: string): {region: string; instance: Instance} | undefined => {
	for (const [name, region] of Object.entries(world.regions)) {
		for (const instance of Object.values(region.instances)) {
			if (instance.PublicIpAddress === ip && instance.State !== 'terminated' && instance.State !== 'shutting-down') return {region: name, instance};
		}
	}

	return undefined;
};

const portAllowed = (rule: {IpProtocol: string; FromPort?: number; ToPort?: number}, port: number): boolean => {
	if (rule.IpProtocol === '-1' || rule.IpProtocol === 'all') return true;
	if (rule.IpProtocol !== 'tcp' && rule.IpProtocol !== '6') return false;
	const from = rule.FromPort ?? 0;
	const to = rule.ToPort ?? 65_535;
	return (from === -1 && to === -1) || (port >= from && port <= to);
};

/** Running, with a public IP, and one of its security groups lets TCP `port` in from 0.0.0.0/0. */
export const instanceReachable = (world: World, region: RegionState | string, instance: Instance, port: number): boolean => {
	if (instance.State !== 'running' || !instance.PublicIpAddress) return false;
	const state = regionOf(world, region);
	if (!state) return false;
	return instance.SecurityGroupIds.some(groupId =>
		(state.securityGroups[groupId]?.ingress ?? []).some(rule => rule.CidrIpv4 === '0.0.0.0/0' && portAllowed(rule, port)),
	);
};
