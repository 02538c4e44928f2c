import {compact} from '../core/compact.js';
import {cpuOptions, ebsOptimizedByDefault} from './hardware.js';
import {privateDnsName, publicDnsName, shownPublicIp} from './network.js';
import {cliTimestamp} from '../core/clock.js';
import type {Instance, InstanceStateName, RegionState, World} from '../core/types.js';
import {tagsView} from '../tags/resource-tags.js';

// How EC2 describes an instance (the `Instance` shape of RunInstances / DescribeInstances) and
// the pieces other outputs reuse (State, group identifiers, block device mappings).
// Key order does not matter here: the CLI formatter orders keys by the model.

export const STATE_CODES: Record<InstanceStateName, number> = {
	pending: 0,
	running: 16,
	'shutting-down': 32,
	terminated: 48,
	stopping: 64,
	stopped: 80,
};

export const stateView = (name: InstanceStateName): {Code: number; Name: InstanceStateName} => ({Code: STATE_CODES[name], Name: name});

type View = Record<string, unknown>;

const isGone = (instance: Instance): boolean => instance.State === 'terminated';

/** `[{GroupId, GroupName}]` of the instance's security groups (empty once terminated). */
export const groupIdentifiers = (region: RegionState, instance: Instance): Array<{GroupId: string; GroupName: string}> =>
	isGone(instance) ? [] : instance.SecurityGroupIds.map(id => ({GroupId: id, GroupName: region.securityGroups.get(id)?.GroupName ?? ''}));

/** The instance's EBS mappings: `[{DeviceName, Ebs: {AttachTime, DeleteOnTermination, Status, VolumeId}}]` */
export const instanceBlockDeviceMappings = (instance: Instance): View[] =>
	instance.volumes.map(v => ({
		DeviceName: v.DeviceName,
		Ebs: {AttachTime: cliTimestamp(v.AttachTime), DeleteOnTermination: v.DeleteOnTermination, Status: 'attached', VolumeId: v.VolumeId},
	}));

/** What the boot firmware resolved to: arm64 and Nitro types boot UEFI when the AMI allows it. */
const currentBootMode = (instance: Instance): string => {
	if (instance.Architecture === 'arm64' || instance.BootMode === 'uefi') return 'uefi';
	return instance.BootMode === 'uefi-preferred' && ebsOptimizedByDefault(instance.InstanceType) ? 'uefi' : 'legacy-bios';
};

const networkInterfaces = (world: World, regionName: string, region: RegionState, instance: Instance): View[] => {
	if (isGone(instance)) return [];
	const publicIp = shownPublicIp(instance);
	const privateDns = privateDnsName(regionName, instance.PrivateIpAddress);
	const association = publicIp ? {IpOwnerId: 'amazon', PublicDnsName: publicDnsName(regionName, publicIp), PublicIp: publicIp} : undefined;
	return [
		compact({
			Association: association,
			Attachment: {
				AttachTime: cliTimestamp(instance.LaunchTime),
				AttachmentId: instance.networkAttachmentId ?? 'eni-attach-00000000000000000',
				DeleteOnTermination: true,
				DeviceIndex: 0,
				Status: 'attached',
				NetworkCardIndex: 0,
			},
			Description: '',
			Groups: groupIdentifiers(region, instance),
			Ipv6Addresses: [],
			MacAddress: instance.macAddress ?? '0e:00:00:00:00:00',
			NetworkInterfaceId: instance.networkInterfaceId ?? 'eni-00000000000000000',
			OwnerId: world.account,
			PrivateDnsName: privateDns,
			PrivateIpAddress: instance.PrivateIpAddress,
			PrivateIpAddresses: [compact({Association: association, Primary: true, PrivateDnsName: privateDns, PrivateIpAddress: instance.PrivateIpAddress})],
			SourceDestCheck: instance.SourceDestCheck ?? true,
			Status: 'in-use',
			SubnetId: instance.SubnetId,
			VpcId: instance.VpcId,
			InterfaceType: 'interface',
			Operator: {Managed: false},
		}),
	];
};

export type InstanceViewOptions = {
	/** the RunInstances answer: mappings not filled in yet, metadata options still pending */
	launch?: boolean;
};

/** One instance as EC2 returns it. */
export const instanceView = (world: World, regionName: string, instance: Instance, options: InstanceViewOptions = {}): View => {
	const region = world.regions[regionName];
	const gone = isGone(instance);
	const publicIp = shownPublicIp(instance);
	const metadata = instance.MetadataOptions ?? {HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled'};
	return compact({
		Architecture: instance.Architecture,
		BlockDeviceMappings: options.launch || gone ? [] : instanceBlockDeviceMappings(instance),
		ClientToken: instance.ClientToken ?? '',
		EbsOptimized: instance.EbsOptimized ?? false,
		EnaSupport: instance.EnaSupport ?? true,
		Hypervisor: 'xen',
		IamInstanceProfile: instance.IamInstanceProfile ? {Arn: instance.IamInstanceProfile.Arn, Id: instance.IamInstanceProfile.Id} : undefined,
		NetworkInterfaces: networkInterfaces(world, regionName, region, instance),
		RootDeviceName: instance.RootDeviceName,
		RootDeviceType: instance.RootDeviceType,
		SecurityGroups: groupIdentifiers(region, instance),
		SourceDestCheck: instance.SourceDestCheck ?? true,
		SriovNetSupport: instance.SriovNetSupport,
		StateReason: instance.StateReason ? {Code: instance.StateReason.Code, Message: instance.StateReason.Message} : undefined,
		Tags: tagsView(instance.Tags),
		VirtualizationType: instance.VirtualizationType ?? 'hvm',
		CpuOptions: cpuOptions(instance.InstanceType),
		CapacityReservationSpecification: {CapacityReservationPreference: 'open'},
		HibernationOptions: {Configured: false},
		MetadataOptions: {
			State: options.launch ? 'pending' : 'applied',
			HttpTokens: metadata.HttpTokens,
			HttpPutResponseHopLimit: metadata.HttpPutResponseHopLimit,
			HttpEndpoint: metadata.HttpEndpoint,
			HttpProtocolIpv6: 'disabled',
			InstanceMetadataTags: 'disabled',
		},
		EnclaveOptions: {Enabled: false},
		BootMode: instance.BootMode,
		PlatformDetails: instance.PlatformDetails,
		UsageOperation: instance.UsageOperation,
		UsageOperationUpdateTime: cliTimestamp(instance.LaunchTime),
		PrivateDnsNameOptions: {HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false},
		MaintenanceOptions: {AutoRecovery: 'default', RebootMigration: 'default'},
		CurrentInstanceBootMode: currentBootMode(instance),
		NetworkPerformanceOptions: {BandwidthWeighting: 'default'},
		Operator: {Managed: false},
		InstanceId: instance.InstanceId,
		ImageId: instance.ImageId,
		State: stateView(instance.State),
		PrivateDnsName: gone ? '' : privateDnsName(regionName, instance.PrivateIpAddress),
		PublicDnsName: publicIp ? publicDnsName(regionName, publicIp) : '',
		StateTransitionReason: instance.StateTransitionReason,
		KeyName: instance.KeyName,
		AmiLaunchIndex: instance.AmiLaunchIndex,
		ProductCodes: instance.ProductCodes.map(p => ({ProductCodeId: p.ProductCodeId, ProductCodeType: p.ProductCodeType})),
		InstanceType: instance.InstanceType,
		LaunchTime: cliTimestamp(instance.LaunchTime),
		Placement: {GroupName: '', Tenancy: instance.Tenancy ?? 'default', AvailabilityZone: instance.AvailabilityZone},
		KernelId: instance.KernelId,
		RamdiskId: instance.RamdiskId,
		Platform: instance.Platform,
		Monitoring: {State: instance.monitoring ? 'enabled' : 'disabled'},
		SubnetId: gone ? undefined : instance.SubnetId,
		VpcId: gone ? undefined : instance.VpcId,
		PrivateIpAddress: gone ? undefined : instance.PrivateIpAddress,
		PublicIpAddress: publicIp,
	});
};

/** Instances grouped by the reservation that launched them, in launch order. */
export const reservationsView = (world: World, regionName: string, instances: Instance[], options: InstanceViewOptions = {}): View[] => {
	const byReservation = new Map<string, Instance[]>();
	for (const instance of instances) {
		const group = byReservation.get(instance.ReservationId);
		if (group) group.push(instance);
		else byReservation.set(instance.ReservationId, [instance]);
	}

	return [...byReservation.entries()].map(([ReservationId, group]) => ({
		ReservationId,
		OwnerId: world.account,
		Groups: [],
		Instances: group.map(instance => instanceView(world, regionName, instance, options)),
	}));
};
