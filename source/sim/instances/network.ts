import {hexFor, nextRandom} from '../core/ids.js';
import type {Index} from '../core/table.js';
import type {Instance, RegionState, World} from '../core/types.js';

// Addresses of simulated instances. The default VPC is 172.31.0.0/16 and each default subnet
// is a /20 (one per Availability Zone); public addresses come from Amazon-looking ranges.
// Everything is drawn from the world's seeded generator, so replays give the same addresses.

const PUBLIC_FIRST_OCTETS = [3, 18, 34, 35, 44, 52, 54];

const draw = (world: World, n: number): number => Math.floor(nextRandom(world) * n);

/** A free private address in the /20 of the subnet in Availability Zone number `azIndex`. */
export const newPrivateIp = (world: World, region: RegionState, azIndex: number): string => {
	for (;;) {
		const third = azIndex * 16 + draw(world, 16);
		const fourth = 4 + draw(world, 251); // .0-.3 and .255 are reserved in every subnet
		const ip = `172.31.${third}.${fourth}`;
		if (!region.instances.where(BY_PRIVATE_IP, ip).some(i => i.State !== 'terminated')) return ip;
	}
};

/** Instances by the addresses they hold (an address is looked up for every launch). */
const BY_PRIVATE_IP: Index<Instance> = {name: 'private-ip', keysOf: i => [i.PrivateIpAddress]};
const BY_PUBLIC_IP: Index<Instance> = {name: 'public-ip', keysOf: i => (i.PublicIpAddress ? [i.PublicIpAddress] : [])};

/** A public IPv4 address no other instance holds now. */
export const newPublicIp = (world: World): string => {
	for (;;) {
		const ip = [PUBLIC_FIRST_OCTETS[draw(world, PUBLIC_FIRST_OCTETS.length)], draw(world, 256), draw(world, 256), 1 + draw(world, 254)].join('.');
		if (Object.values(world.regions).every(region => region.instances.ids(BY_PUBLIC_IP, ip).length === 0)) return ip;
	}
};

/** ip-172-31-5-10.ec2.internal in us-east-1, ip-172-31-5-10.eu-west-1.compute.internal elsewhere */
export const privateDnsName = (region: string, ip: string): string =>
	`ip-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;

/** ec2-3-85-1-2.compute-1.amazonaws.com in us-east-1, ec2-3-85-1-2.eu-west-1.compute.amazonaws.com elsewhere */
export const publicDnsName = (region: string, ip: string): string =>
	`ec2-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com`;

/** A locally administered unicast MAC address (as EC2 hands out: 0e:… / 02:…). */
export const newMacAddress = (world: World, instanceId: string): string => {
	const hex = hexFor(world.seed ^ 0x3c_6e_f3_72, Number.parseInt(instanceId.slice(-7), 16) || 1, 10);
	return ['0e', ...(hex.match(/../g) ?? [])].join(':');
};

/** A UUID-shaped idempotency token like the one the CLI generates for RunInstances. */
export const newClientToken = (world: World, instanceId: string): string => {
	const hex = hexFor(world.seed ^ 0x1b_87_35_93, Number.parseInt(instanceId.slice(-7), 16) || 1, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The public address shown to the world: only while the instance is running (AWS releases it on stop). */
export const shownPublicIp = (instance: Instance): string | undefined => (instance.State === 'running' ? instance.PublicIpAddress : undefined);
