import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {type FilterAccessors, compileFilters, indexesOf, narrowByFilters} from '../core/filters.js';
import {findInstances, isInstanceVisible} from './lookup.js';
import {privateDnsName, publicDnsName, shownPublicIp} from './network.js';
import type {Instance, RegionState} from '../core/types.js';
import {STATE_CODES, reservationsView} from './view.js';

// DescribeInstances (reference 3.4): ids (all must exist), filters, and pages of MaxResults
// instances grouped by reservation. Terminated instances show for an hour, then vanish.

type Params = Record<string, any>;

const groupNames = (region: RegionState, instance: Instance): string[] =>
	instance.SecurityGroupIds.map(id => region.securityGroups.get(id)?.GroupName ?? '');

/** Filters that read the instance alone: the model keeps an index on these (instances by state, image, type, key). */
const PURE: FilterAccessors<Instance> = {
	'image-id': i => i.ImageId,
	'instance-id': i => i.InstanceId,
	'instance-state-name': i => i.State,
	'instance-type': i => i.InstanceType,
	'key-name': i => i.KeyName,
};

export const INSTANCE_INDEXES = indexesOf(PURE);

const accessors = (region: RegionState, regionName: string, account: string): FilterAccessors<Instance> => ({
	...PURE,
	architecture: i => i.Architecture,
	'availability-zone': i => i.AvailabilityZone,
	'block-device-mapping.attach-time': i => i.volumes.map(v => new Date(v.AttachTime).toISOString()),
	'block-device-mapping.delete-on-termination': i => i.volumes.map(v => String(v.DeleteOnTermination)),
	'block-device-mapping.device-name': i => i.volumes.map(v => v.DeviceName),
	'block-device-mapping.status': i => i.volumes.map(() => 'attached'),
	'block-device-mapping.volume-id': i => i.volumes.map(v => v.VolumeId),
	'boot-mode': i => i.BootMode,
	'client-token': i => i.ClientToken,
	'dns-name': i => {
		const ip = shownPublicIp(i);
		return ip ? publicDnsName(regionName, ip) : undefined;
	},
	'ebs-optimized': i => String(i.EbsOptimized ?? false),
	'ena-support': i => String(i.EnaSupport ?? true),
	hypervisor: () => 'xen',
	'iam-instance-profile.arn': i => i.IamInstanceProfile?.Arn,
	'iam-instance-profile.id': i => i.IamInstanceProfile?.Id,
	'instance-state-code': i => String(STATE_CODES[i.State]),
	'instance.group-id': i => i.SecurityGroupIds,
	'instance.group-name': i => groupNames(region, i),
	'group-id': i => i.SecurityGroupIds,
	'group-name': i => groupNames(region, i),
	'ip-address': i => shownPublicIp(i),
	'kernel-id': i => i.KernelId,
	'launch-index': i => String(i.AmiLaunchIndex),
	'launch-time': i => new Date(i.LaunchTime).toISOString(),
	'metadata-options.http-tokens': i => i.MetadataOptions?.HttpTokens,
	'metadata-options.http-endpoint': i => i.MetadataOptions?.HttpEndpoint,
	'monitoring-state': i => (i.monitoring ? 'enabled' : 'disabled'),
	'network-interface.network-interface-id': i => i.networkInterfaceId,
	'network-interface.mac-address': i => i.macAddress,
	'owner-id': () => account,
	'placement-group-name': () => '',
	platform: i => i.Platform,
	'platform-details': i => i.PlatformDetails,
	'private-dns-name': i => (i.State === 'terminated' ? undefined : privateDnsName(regionName, i.PrivateIpAddress)),
	'private-ip-address': i => (i.State === 'terminated' ? undefined : i.PrivateIpAddress),
	'product-code': i => i.ProductCodes.map(p => p.ProductCodeId),
	'product-code.type': i => i.ProductCodes.map(p => p.ProductCodeType),
	'ramdisk-id': i => i.RamdiskId,
	reason: i => i.StateTransitionReason,
	'reservation-id': i => i.ReservationId,
	'root-device-name': i => i.RootDeviceName,
	'root-device-type': i => i.RootDeviceType,
	'source-dest-check': i => String(i.SourceDestCheck ?? true),
	'state-reason-code': i => i.StateReason?.Code,
	'state-reason-message': i => i.StateReason?.Message,
	'subnet-id': i => (i.State === 'terminated' ? undefined : i.SubnetId),
	tenancy: i => i.Tenancy ?? 'default',
	'usage-operation': i => i.UsageOperation,
	'virtualization-type': i => i.VirtualizationType ?? 'hvm',
	'vpc-id': i => (i.State === 'terminated' ? undefined : i.VpcId),
});

/** NextToken is opaque to the caller: here, the offset of the next page. */
const encodeToken = (offset: number): string => Buffer.from(JSON.stringify({o: offset})).toString('base64');

const decodeToken = (token: string): number => {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {o?: unknown};
		if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
	} catch {}

	return fail('InvalidParameterValue', `Invalid value '${token}' for nextToken.`);
};

export const describeInstances = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const {world, region, regionName} = ctx;
	const ids: unknown[] = Array.isArray(params.InstanceIds) ? params.InstanceIds : [];
	if (ids.length > 0 && params.MaxResults !== undefined) {
		fail('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
	}

	let maxResults: number | undefined;
	if (params.MaxResults !== undefined) {
		maxResults = Number(params.MaxResults);
		if (!Number.isInteger(maxResults) || maxResults < 5) fail('InvalidParameterValue', `Value ( ${String(params.MaxResults)} ) for parameter maxResults is invalid. Expecting a value greater than 5.`);
		maxResults = Math.min(maxResults, 1000);
	}

	// the accessors (sixty closures) are made only for a describe that has filters
	const test = params.Filters === undefined ? () => true : compileFilters(params.Filters, accessors(region, regionName, world.account));
	const candidates = ids.length > 0 ? findInstances(world, region, ids) : (narrowByFilters(region.instances, params.Filters, INSTANCE_INDEXES) ?? region.instances.values()).filter(i => isInstanceVisible(i, world.clock));
	const matching = candidates.filter(i => test(i));
	const offset = params.NextToken === undefined || params.NextToken === '' ? 0 : decodeToken(String(params.NextToken));
	const page = maxResults === undefined ? matching.slice(offset) : matching.slice(offset, offset + maxResults);
	const next = maxResults !== undefined && offset + maxResults < matching.length ? encodeToken(offset + maxResults) : undefined;
	const out: Record<string, unknown> = {Reservations: reservationsView(world, regionName, page)};
	if (next) out.NextToken = next;
	return out;
};

