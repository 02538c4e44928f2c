import type {OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters} from '../core/filters.js';
import {availabilityZones} from '../regions/regions.js';
import {optionalBoolean, stringList} from '../core/resource-params.js';
import {isWellFormedId} from '../core/ids.js';
import {DEFAULT_VPC_CIDR, defaultSubnets, dhcpOptionsId, vpcCidrAssociationId, zoneId} from './default-vpc.js';

// DescribeAvailabilityZones, DescribeVpcs and DescribeSubnets over the default network
// (default-vpc.ts). Rows carry the API's members; the CLI layer orders keys by the model.

const bool = (value: boolean): string => String(value);

const describeAvailabilityZones: OpHandler = (ctx, params) => {
	const region = ctx.regionName;
	const rows = availabilityZones(region).map((zone, index) => ({
		OptInStatus: 'opt-in-not-required',
		Messages: [] as unknown[],
		RegionName: region,
		ZoneName: zone,
		ZoneId: zoneId(region, index),
		GroupName: `${region}-zg-1`,
		NetworkBorderGroup: region,
		ZoneType: 'availability-zone',
		State: 'available',
		Tags: undefined as Array<{Key: string; Value: string}> | undefined,
	}));
	const names = stringList(params.ZoneNames, 'ZoneName') ?? [];
	const ids = stringList(params.ZoneIds, 'ZoneId') ?? [];
	const unknownNames = names.filter(name => !rows.some(row => row.ZoneName === name));
	if (unknownNames.length > 0) fail('InvalidParameterValue', `Invalid availability zone: [${unknownNames.join(', ')}]`);
	const unknownIds = ids.filter(id => !rows.some(row => row.ZoneId === id));
	if (unknownIds.length > 0) fail('InvalidParameterValue', `Invalid availability zone ID: [${unknownIds.join(', ')}]`);
	optionalBoolean(params.AllAvailabilityZones);
	const matches = compileFilters<(typeof rows)[number]>(params.Filters, {
		'group-name': row => row.GroupName,
		message: row => row.Messages,
		'opt-in-status': row => row.OptInStatus,
		'region-name': row => row.RegionName,
		state: row => row.State,
		'zone-id': row => row.ZoneId,
		'zone-name': row => row.ZoneName,
		'zone-type': row => row.ZoneType,
	});
	return {AvailabilityZones: rows.filter(row => (names.length === 0 || names.includes(row.ZoneName)) && (ids.length === 0 || ids.includes(row.ZoneId)) && matches(row))};
};

const notFound = (ids: string[], prefix: string, code: string, what: string): never => {
	const malformed = ids.find(id => !isWellFormedId(id, prefix));
	if (malformed) fail(`${code}.Malformed`, `Invalid id: "${malformed}" (expecting "${prefix}-...")`);
	return fail(`${code}.NotFound`, ids.length === 1 ? `The ${what} ID '${ids[0]}' does not exist` : `The ${what} IDs '${ids.join(', ')}' do not exist`);
};

const describeVpcs: OpHandler = (ctx, params) => {
	const {world, region, regionName} = ctx;
	const vpc = {
		OwnerId: world.account,
		InstanceTenancy: 'default',
		CidrBlockAssociationSet: [{AssociationId: vpcCidrAssociationId(world, regionName), CidrBlock: DEFAULT_VPC_CIDR, CidrBlockState: {State: 'associated'}}],
		IsDefault: true,
		BlockPublicAccessStates: {InternetGatewayBlockMode: 'off'},
		VpcId: region.defaultVpcId,
		State: 'available',
		CidrBlock: DEFAULT_VPC_CIDR,
		DhcpOptionsId: dhcpOptionsId(world, regionName),
		Tags: undefined as Array<{Key: string; Value: string}> | undefined,
	};
	const ids = stringList(params.VpcIds, 'VpcId') ?? [];
	const unknown = ids.filter(id => id !== vpc.VpcId);
	if (unknown.length > 0) notFound(unknown, 'vpc', 'InvalidVpcID', 'vpc');
	const matches = compileFilters<typeof vpc>(params.Filters, {
		cidr: row => row.CidrBlock,
		'cidr-block-association.cidr-block': row => row.CidrBlockAssociationSet.map(a => a.CidrBlock),
		'cidr-block-association.association-id': row => row.CidrBlockAssociationSet.map(a => a.AssociationId),
		'cidr-block-association.state': row => row.CidrBlockAssociationSet.map(a => a.CidrBlockState.State),
		'dhcp-options-id': row => row.DhcpOptionsId,
		'is-default': row => bool(row.IsDefault),
		'owner-id': row => row.OwnerId,
		state: row => row.State,
		'vpc-id': row => row.VpcId,
	});
	return {Vpcs: [vpc].filter(row => matches(row))};
};

const describeSubnets: OpHandler = (ctx, params) => {
	const {world, region, regionName} = ctx;
	const rows = defaultSubnets(region, regionName).map(subnet => ({
		AvailabilityZoneId: zoneId(regionName, subnet.zoneIndex),
		MapCustomerOwnedIpOnLaunch: false,
		OwnerId: world.account,
		AssignIpv6AddressOnCreation: false,
		Ipv6CidrBlockAssociationSet: [] as unknown[],
		SubnetArn: `arn:aws:ec2:${regionName}:${world.account}:subnet/${subnet.subnetId}`,
		EnableDns64: false,
		Ipv6Native: false,
		PrivateDnsNameOptionsOnLaunch: {HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false},
		BlockPublicAccessStates: {InternetGatewayBlockMode: 'off'},
		SubnetId: subnet.subnetId,
		State: 'available',
		VpcId: region.defaultVpcId,
		CidrBlock: subnet.cidr,
		AvailableIpAddressCount: subnet.freeAddresses,
		AvailabilityZone: subnet.zone,
		DefaultForAz: true,
		MapPublicIpOnLaunch: true,
		Tags: undefined as Array<{Key: string; Value: string}> | undefined,
	}));
	const ids = stringList(params.SubnetIds, 'SubnetId') ?? [];
	const unknown = ids.filter(id => !rows.some(row => row.SubnetId === id));
	if (unknown.length > 0) notFound(unknown, 'subnet', 'InvalidSubnetID', 'subnet');
	const matches = compileFilters<(typeof rows)[number]>(params.Filters, {
		'availability-zone': row => row.AvailabilityZone,
		availabilityZone: row => row.AvailabilityZone,
		'availability-zone-id': row => row.AvailabilityZoneId,
		availabilityZoneId: row => row.AvailabilityZoneId,
		'available-ip-address-count': row => row.AvailableIpAddressCount,
		'cidr-block': row => row.CidrBlock,
		cidr: row => row.CidrBlock,
		cidrBlock: row => row.CidrBlock,
		'default-for-az': row => bool(row.DefaultForAz),
		defaultForAz: row => bool(row.DefaultForAz),
		'enable-dns64': row => bool(row.EnableDns64),
		'ipv6-native': row => bool(row.Ipv6Native),
		'map-customer-owned-ip-on-launch': row => bool(row.MapCustomerOwnedIpOnLaunch),
		'map-public-ip-on-launch': row => bool(row.MapPublicIpOnLaunch),
		'owner-id': row => row.OwnerId,
		'private-dns-name-options-on-launch.hostname-type': row => row.PrivateDnsNameOptionsOnLaunch.HostnameType,
		'private-dns-name-options-on-launch.enable-resource-name-dns-a-record': row => bool(row.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsARecord),
		'private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record': row => bool(row.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsAAAARecord),
		state: row => row.State,
		'subnet-arn': row => row.SubnetArn,
		'subnet-id': row => row.SubnetId,
		'vpc-id': row => row.VpcId,
	});
	return {Subnets: rows.filter(row => (ids.length === 0 || ids.includes(row.SubnetId)) && matches(row))};
};

export const networkOperations: Record<string, OpHandler> = {
	DescribeAvailabilityZones: describeAvailabilityZones,
	DescribeVpcs: describeVpcs,
	DescribeSubnets: describeSubnets,
};
