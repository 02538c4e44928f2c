import {streamId} from '../core/ids.js';
import {availabilityZones} from '../regions/regions.js';
import type {RegionState, World} from '../core/types.js';

// The default network of a Region as a new account finds it (aws-reference 3; Amazon VPC User
// Guide, "Default VPCs"): one default VPC 172.31.0.0/16 and one default /20 subnet per
// Availability Zone (172.31.0.0/20, 172.31.16.0/20, …), the subnets instances are launched into
// when no subnet is named. The VPC and subnet IDs are the Region's own (RegionState); the few
// other IDs (DHCP options, CIDR associations) come from a stream of their own, so that adding them
// changed no ID a world already had.

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

/** us-east-1 -> use1, ap-southeast-2 -> apse2, eu-central-1 -> euc1 (the prefix of zone IDs). */
export const regionCode = (region: string): string => {
	const [area, direction, number] = region.split('-');
	const short = direction.replace('north', 'n').replace('south', 's').replace('east', 'e').replace('west', 'w').replace('central', 'c');
	return `${area}${short}${number}`;
};

/** use1-az1, use1-az2 … by the zone's position (the real mapping differs between accounts). */
export const zoneId = (region: string, index: number): string => `${regionCode(region)}-az${index + 1}`;

/** The /20 of the default subnet in the zone at `index`: 172.31.0.0/20, 172.31.16.0/20 … */
export const defaultSubnetCidr = (index: number): string => `172.31.${index * 16}.0/20`;

const networkId = (world: World, region: string, n: number, prefix: string): string => streamId(world.seed, `network:${region}`, n, prefix);

export const dhcpOptionsId = (world: World, region: string): string => networkId(world, region, 1, 'dopt');
export const vpcCidrAssociationId = (world: World, region: string): string => networkId(world, region, 2, 'vpc-cidr-assoc');

/** A /20 has 4,096 addresses; AWS keeps five in every subnet. */
const SUBNET_ADDRESSES = 4096 - 5;

export type DefaultSubnet = {zone: string; zoneIndex: number; subnetId: string; cidr: string; freeAddresses: number};

/** The Region's default subnets, in zone order, with the addresses its live instances use. */
export const defaultSubnets = (region: RegionState, regionName: string): DefaultSubnet[] =>
	availabilityZones(regionName)
		.map((zone, zoneIndex) => ({zone, zoneIndex, subnetId: region.subnets[zone]}))
		.filter(subnet => subnet.subnetId !== undefined)
		.map(subnet => {
			const used = region.instances.values().filter(i => i.SubnetId === subnet.subnetId && i.State !== 'terminated').length;
			return {...subnet, cidr: defaultSubnetCidr(subnet.zoneIndex), freeAddresses: SUBNET_ADDRESSES - used};
		});
