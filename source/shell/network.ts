import {firstBootAnswer, httpGet, type HttpAnswer} from '../guest/guest.js';
import {instanceDisk, launchDisk} from '../sim/instances/disk.js';
import type {Probe} from './commands/curl.js';
import type {LineState} from './line-state.js';
import {noteReached} from './runs.js';
import {findInstanceByPublicIp, instanceReachable} from '../sim/instances/lookup.js';
import {isIpAddress, PLAYER_PUBLIC_IP} from '../sim/security-groups/internet.js';
import type {Disk, Instance, World} from '../sim/core/types.js';

// The internet between the player's computer and their instances: who answers on which
// public IP, and whether a security group lets a TCP connection to a port through.

export {PLAYER_PUBLIC_IP, isIpAddress} from '../sim/security-groups/internet.js';

export type Host = {region: string; instance: Instance; disk?: Disk};

/** The instance answering on a public IP (only running instances have one), with its disk. */
export const findHostByPublicIp = (world: World, ip: string): Host | undefined => {
	const found = findInstanceByPublicIp(world, ip);
	return found && {...found, disk: instanceDisk(world.regions[found.region], found.instance)};
};

/** An EC2 public DNS name (ec2-3-1-2-3.compute-1.amazonaws.com) or an address -> the IP. */
export const resolveHost = (host: string): string | undefined => {
	if (isIpAddress(host)) return host;
	const m = /^ec2-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.(?:[a-z\d-]+\.)?compute(?:-1)?\.amazonaws\.com$/.exec(host);
	return m ? m.slice(1).join('.') : undefined;
};

/** Reaching a host on the internet from `fromIp`: timeout (no such host, or a firewall drops it) or the web server's answer. */
export const worldProbe =
	(state: LineState, fromIp: string): Probe =>
	(host, port, path) => {
		if (host === 'checkip.amazonaws.com') return {status: 200, server: 'checkip', body: `${fromIp}\n`, tls: true};
		const ip = resolveHost(host);
		if (!ip) return {unresolved: true};
		const target = findHostByPublicIp(state.world, ip);
		if (!target || !instanceReachable(state.world, target.region, target.instance, port, fromIp) || !target.disk) return {timeout: true};
		const answer = httpGet(target.disk, path, port);
		noteReached(state, {region: target.region, instanceId: target.instance.InstanceId}, pageNote(state.world, target.region, target.instance, path, port, answer));
		return answer;
	};

const sameAnswer = (a: HttpAnswer, b: HttpAnswer): boolean =>
	'refused' in a ? 'refused' in b : !('refused' in b) && a.status === b.status && a.body === b.body;

/**
 * What a page an instance answered shows about it, for the goals (ProgramRun.reached): whether
 * the school (the player's computer) could reach that port through its security groups, and
 * whether the answer is what its image serves by itself (nothing installed or changed by hand,
 * nor by user data, since launch).
 */
export const pageNote = (world: World, region: string, instance: Instance, path: string, port: number, answer: HttpAnswer): {open: boolean; asImage: boolean} => {
	const state = world.regions[region];
	const image = state?.images.get(instance.ImageId);
	const disk = state ? launchDisk(state, instance) : undefined;
	const bootsAs = {architecture: image?.Architecture ?? instance.Architecture, virtualization: image?.VirtualizationType ?? instance.VirtualizationType ?? 'hvm'};
	return {
		open: instanceReachable(world, region, instance, port, PLAYER_PUBLIC_IP),
		asImage: disk !== undefined && sameAnswer(firstBootAnswer(disk, path, port, bootsAs), answer),
	};
};
