import {httpGet, instanceDisk} from '../sim/guest.js';
import type {Probe} from './commands/curl.js';
import type {LineState} from './line-state.js';
import type {Disk, Instance, IpPermission, World} from '../sim/types.js';

// The internet between the player's computer and their instances: who answers on which
// public IP, and whether a security group lets a TCP connection to a port through.

/** The player's own public address (what https://checkip.amazonaws.com answers). */
export const PLAYER_PUBLIC_IP = '198.51.100.23';

export type Host = {region: string; instance: Instance; disk?: Disk};

/** The instance answering on a public IP: only running instances have one. */
export const findHostByPublicIp = (world: World, ip: string): Host | undefined => {
	for (const [name, region] of Object.entries(world.regions)) {
		for (const instance of Object.values(region.instances)) {
			if (instance.PublicIpAddress === ip && instance.State === 'running') return {region: name, instance, disk: instanceDisk(region, instance)};
		}
	}

	return undefined;
};

const ipToNumber = (ip: string): number | undefined => {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
	if (!m) return undefined;
	const parts = m.slice(1).map(Number);
	if (parts.some(p => p > 255)) return undefined;
	return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
};

export const cidrContains = (cidr: string, ip: string): boolean => {
	const [base, bitsText] = cidr.split('/');
	const bits = Number(bitsText ?? '32');
	const a = ipToNumber(base);
	const b = ipToNumber(ip);
	if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
	if (bits === 0) return true;
	const mask = bits === 32 ? 0xff_ff_ff_ff : (~((1 << (32 - bits)) - 1)) >>> 0;
	return ((a & mask) >>> 0) === ((b & mask) >>> 0);
};

const allows = (rule: IpPermission, port: number, fromIp: string): boolean => {
	if (!rule.CidrIpv4 || !cidrContains(rule.CidrIpv4, fromIp)) return false;
	if (rule.IpProtocol === '-1' || rule.IpProtocol === 'all') return true;
	if (rule.IpProtocol !== 'tcp' && rule.IpProtocol !== '6') return false;
	const from = rule.FromPort ?? 0;
	const to = rule.ToPort ?? 65_535;
	return port >= from && port <= to;
};

/** A security group of the instance lets TCP `port` in from `fromIp`. */
export const firewallAllows = (world: World, host: Host, port: number, fromIp: string = PLAYER_PUBLIC_IP): boolean => {
	const region = world.regions[host.region];
	return host.instance.SecurityGroupIds.some(id => region.securityGroups[id]?.ingress.some(rule => allows(rule, port, fromIp)));
};

export const isIpAddress = (text: string): boolean => ipToNumber(text) !== undefined;

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
		if (!target || !firewallAllows(state.world, target, port, fromIp) || !target.disk) return {timeout: true};
		return httpGet(target.disk, path, port);
	};
