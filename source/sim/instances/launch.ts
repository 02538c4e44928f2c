import {INSTANCE_INDEXES} from './describe.js';
import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {hexFor, nextId, nextRandom} from '../core/ids.js';
import {compact} from '../core/compact.js';
import {architectureMismatch, ebsOptimizedByDefault, enaRequired, hvmRequired, hvmUnsupported, instanceStoreRootUnsupported, isKnownInstanceType} from './hardware.js';
import {clonePlain} from '../images/rules.js';
import {checkDeviceName} from '../images/mappings.js';
import {findLaunchImage} from './image.js';
import {checkShutdownBehavior, checkUserData} from './params.js';
import {keyPairNotFound} from '../core/not-found.js';
import {newClientToken, newMacAddress, newPrivateIp, newPublicIp} from './network.js';
import {WINDOWS_LICENCE_HOURLY, startBilling} from '../billing/pricing.js';
import {availabilityZones} from '../regions/regions.js';
import {schedule} from '../core/settle.js';
import {findGroupByName, findGroupIds, groupByName} from '../security-groups/lookup.js';
import {findSnapshot, snapshotTooSmall} from '../storage/lookup.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import {resolveImageParameter} from '../ssm/public-parameters.js';
import {BOOT_MS} from '../core/clock.js';
import type {Disk, Image, Instance, RegionState, World} from '../core/types.js';
import {reservationsView} from './view.js';
import {keyPairByName} from '../key-pairs/lookup.js';

// RunInstances (reference 3.3): checks every parameter first, then launches N instances in one
// reservation, each with EBS volumes made from the AMI's snapshots (the baked software arrives
// on the root volume's disk), attached and billing. Instances start `pending` and boot by the
// next command (settle.ts makes them `running` and starts their bill).

/** No instance type given: EC2's historical default (moto agrees). */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';
/** Live instances one Region may hold (keeps the world small; AWS has a similar quota). */
export const MAX_LIVE_INSTANCES = 20;
const VOLUME_TYPES = ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'];

type Params = Record<string, any>;

// ---------------------------------------------------------------- counts

const launchCounts = (params: Params): {min: number; max: number} => {
	const min = params.MinCount === undefined ? 1 : Number(params.MinCount);
	const max = params.MaxCount === undefined ? min : Number(params.MaxCount);
	if (!Number.isInteger(max) || max < 1) fail('InvalidParameterValue', 'Maximum instance count must be greater than zero');
	if (!Number.isInteger(min) || min < 1) fail('InvalidParameterValue', 'Minimum instance count must be greater than zero');
	if (min > max) fail('InvalidParameterValue', 'Minimum instance count must be less than or equal to maximum instance count');
	return {min, max};
};

// ---------------------------------------------------------------- placement and network

const resolvePlacement = (world: World, region: RegionState, regionName: string, params: Params): {az: string; subnetId: string} => {
	const zones = availabilityZones(regionName);
	if (params.SubnetId !== undefined) {
		const subnetId = String(params.SubnetId);
		const az = zones.find(zone => region.subnets[zone] === subnetId);
		if (!az) fail('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
		return {az: az!, subnetId};
	}

	const wanted = params.Placement?.AvailabilityZone;
	if (wanted !== undefined) {
		const az = String(wanted);
		if (!zones.includes(az) || !region.subnets[az]) fail('InvalidParameterValue', `Invalid availability zone: [${az}]`);
		return {az, subnetId: region.subnets[az]};
	}

	const az = zones[Math.floor(nextRandom(world) * zones.length)];
	return {az, subnetId: region.subnets[az]};
};

const resolveGroups = (region: RegionState, params: Params): string[] => {
	const ids: unknown[] = Array.isArray(params.SecurityGroupIds) ? params.SecurityGroupIds : [];
	const names: unknown[] = Array.isArray(params.SecurityGroups) ? params.SecurityGroups : [];
	const groups = findGroupIds(region, ids);
	for (const raw of names) groups.push(findGroupByName(region, String(raw ?? '')).GroupId);
	if (groups.length === 0) {
		const fallback = groupByName(region, 'default');
		if (fallback) groups.push(fallback.GroupId);
	}

	return [...new Set(groups)];
};

// ---------------------------------------------------------------- user data, profile

const validUserData = (params: Params): string | undefined => {
	if (params.UserData === undefined || params.UserData === null || params.UserData === '') return undefined;
	const data = String(params.UserData);
	checkUserData(data);
	return data;
};

const stringHash = (s: string): number => {
	let h = 0;
	for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
	return h >>> 0;
};

/** We have no IAM: a profile named or given by ARN is accepted and echoed with a stable id. */
const instanceProfile = (world: World, spec: Params | undefined): {Arn: string; Id: string} | undefined => {
	if (!spec || (spec.Arn === undefined && spec.Name === undefined)) return undefined;
	const arn = spec.Arn === undefined ? `arn:aws:iam::${world.account}:instance-profile/${String(spec.Name)}` : String(spec.Arn);
	if (!/^arn:aws:iam::\d{12}:instance-profile\/.+/.test(arn)) fail('InvalidParameterValue', `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
	return {Arn: arn, Id: `AIPA${hexFor(world.seed, stringHash(arn), 17).toUpperCase()}`};
};

// ---------------------------------------------------------------- block devices

type PlannedVolume = {
	DeviceName: string;
	Size: number;
	VolumeType: string;
	Iops?: number;
	Throughput?: number;
	SnapshotId: string;
	Encrypted: boolean;
	KmsKeyId?: string;
	DeleteOnTermination: boolean;
	disk?: Disk;
};

const checkSize = (size: number, snapshotId: string, snapshotSize: number | undefined): void => {
	if (!Number.isInteger(size) || size < 1) fail('InvalidParameterValue', `Invalid value '${size}' for volumeSize.`);
	if (size > 16_384) fail('InvalidParameterValue', `Volume of ${size}GiB is too large; the maximum is 16384GiB.`);
	if (snapshotSize !== undefined && size < snapshotSize) snapshotTooSmall(size, snapshotId, snapshotSize);
};

const applyEbs = (volume: PlannedVolume, ebs: Params, snapshotSize: number | undefined): void => {
	if (ebs.VolumeType !== undefined) {
		const type = String(ebs.VolumeType);
		if (!VOLUME_TYPES.includes(type)) fail('InvalidParameterValue', `Value (${type}) for parameter volumeType is invalid. Valid values: ${VOLUME_TYPES.join(', ')}.`);
		volume.VolumeType = type;
		volume.Iops = undefined;
		volume.Throughput = undefined;
	}

	if (ebs.VolumeSize !== undefined) {
		checkSize(Number(ebs.VolumeSize), volume.SnapshotId, snapshotSize);
		volume.Size = Number(ebs.VolumeSize);
	}

	if (ebs.Iops !== undefined) volume.Iops = Number(ebs.Iops);
	if (ebs.Throughput !== undefined) volume.Throughput = Number(ebs.Throughput);
	if (ebs.DeleteOnTermination !== undefined) volume.DeleteOnTermination = Boolean(ebs.DeleteOnTermination);
	if (ebs.Encrypted !== undefined) volume.Encrypted = volume.Encrypted || Boolean(ebs.Encrypted);
	if (ebs.KmsKeyId !== undefined) volume.KmsKeyId = String(ebs.KmsKeyId);
	if (volume.VolumeType === 'gp3') {
		volume.Iops ??= 3000;
		volume.Throughput ??= 125;
	} else if (volume.VolumeType === 'gp2') {
		volume.Iops = Math.min(16_000, Math.max(100, volume.Size * 3));
	}
};

/** The AMI's EBS mappings with the request's overrides, suppressions and additions applied. */
const planVolumes = (world: World, region: RegionState, image: Image, requested: unknown): PlannedVolume[] => {
	const plan = new Map<string, PlannedVolume>();
	const snapshotSizes = new Map<string, number>();
	for (const mapping of image.BlockDeviceMappings) {
		if (!mapping.Ebs || mapping.NoDevice !== undefined) continue;
		const snapshotId = mapping.Ebs.SnapshotId ?? '';
		const snapshot = snapshotId ? region.snapshots.get(snapshotId) : undefined;
		if (snapshotId) snapshotSizes.set(mapping.DeviceName, snapshot?.VolumeSize ?? mapping.Ebs.VolumeSize);
		plan.set(mapping.DeviceName, {
			DeviceName: mapping.DeviceName,
			Size: mapping.Ebs.VolumeSize,
			VolumeType: mapping.Ebs.VolumeType,
			Iops: mapping.Ebs.Iops,
			Throughput: mapping.Ebs.Throughput,
			SnapshotId: snapshotId,
			Encrypted: mapping.Ebs.Encrypted,
			KmsKeyId: mapping.Ebs.KmsKeyId,
			DeleteOnTermination: mapping.Ebs.DeleteOnTermination,
			disk: snapshot?.disk,
		});
	}

	for (const request of Array.isArray(requested) ? (requested as Params[]) : []) {
		if (!request?.DeviceName) fail('MissingParameter', 'The request must contain the parameter BlockDeviceMapping.DeviceName');
		const name = checkDeviceName(String(request.DeviceName));
		const existing = plan.get(name);
		if (request.NoDevice !== undefined) {
			if (name === image.RootDeviceName) fail('InvalidBlockDeviceMapping', `The device '${name}' is the root device of the AMI and cannot be suppressed`);
			plan.delete(name);
			continue;
		}

		if (request.VirtualName !== undefined) continue; // instance store: none on the types we simulate
		if (!request.Ebs) fail('MissingParameter', 'The request must contain the parameter ebs');
		const ebs = request.Ebs as Params;
		if (existing) {
			applyEbs(existing, ebs, snapshotSizes.get(name));
			continue;
		}

		if (ebs.VolumeSize === undefined && ebs.SnapshotId === undefined) fail('MissingParameter', 'The request must contain the parameter size or snapshotId');
		const snapshot = ebs.SnapshotId === undefined ? undefined : findSnapshot({world, region}, ebs.SnapshotId);
		const volume: PlannedVolume = {
			DeviceName: name,
			Size: snapshot?.VolumeSize ?? 0,
			VolumeType: 'gp2',
			SnapshotId: snapshot?.SnapshotId ?? '',
			Encrypted: snapshot?.Encrypted ?? false,
			KmsKeyId: snapshot?.KmsKeyId,
			DeleteOnTermination: true,
			disk: snapshot?.disk,
		};
		applyEbs(volume, ebs, snapshot?.VolumeSize);
		plan.set(name, volume);
	}

	return [...plan.values()];
};

// ---------------------------------------------------------------- the launch

const metadataOptions = (image: Image, requested: Params | undefined): NonNullable<Instance['MetadataOptions']> => {
	const v2 = image.ImdsSupport === 'v2.0';
	const options: NonNullable<Instance['MetadataOptions']> = {HttpTokens: v2 ? 'required' : 'optional', HttpPutResponseHopLimit: v2 ? 2 : 1, HttpEndpoint: 'enabled'};
	if (requested?.HttpTokens !== undefined) {
		if (requested.HttpTokens !== 'required' && requested.HttpTokens !== 'optional') fail('InvalidParameterValue', `Invalid value '${String(requested.HttpTokens)}' for HttpTokens.`);
		options.HttpTokens = requested.HttpTokens;
	}

	if (requested?.HttpPutResponseHopLimit !== undefined) options.HttpPutResponseHopLimit = Number(requested.HttpPutResponseHopLimit);
	if (requested?.HttpEndpoint === 'disabled' || requested?.HttpEndpoint === 'enabled') options.HttpEndpoint = requested.HttpEndpoint;
	return options;
};

const shutdownBehavior = (image: Image, value: unknown): 'stop' | 'terminate' => {
	if (value === undefined) return image.RootDeviceType === 'instance-store' ? 'terminate' : 'stop';
	return checkShutdownBehavior(value, image.RootDeviceType);
};

const liveInstances = (region: RegionState): number => region.instances.ids(INSTANCE_INDEXES['instance-state-name'], 'pending', 'running', 'stopping', 'stopped').length;

export const runInstances = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const {world, region, regionName, now} = ctx;
	const image = findLaunchImage(world, region, resolveImageParameter(region, regionName, params.ImageId));
	const {min, max} = launchCounts(params);
	const instanceType = params.InstanceType === undefined ? DEFAULT_INSTANCE_TYPE : String(params.InstanceType);
	if (!isKnownInstanceType(instanceType)) fail('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
	const mismatch = architectureMismatch(instanceType, image.Architecture);
	if (mismatch) fail('InvalidParameterValue', mismatch);
	const needsHvm = hvmRequired(instanceType, image.VirtualizationType);
	if (needsHvm) fail('InvalidParameterCombination', needsHvm);
	const noHvm = hvmUnsupported(instanceType, image.VirtualizationType, image.Platform);
	if (noHvm) fail('InvalidParameterCombination', noHvm);
	const noInstanceStoreRoot = image.RootDeviceType === 'instance-store' ? instanceStoreRootUnsupported(instanceType, image.ImageId) : undefined;
	if (noInstanceStoreRoot) fail('UnsupportedOperation', noInstanceStoreRoot);
	const needsEna = enaRequired(instanceType, image.EnaSupport);
	if (needsEna) fail('InvalidParameterCombination', needsEna);
	const keyName = params.KeyName === undefined ? undefined : String(params.KeyName);
	if (keyName !== undefined && !keyPairByName(region, keyName)) keyPairNotFound(keyName);
	const groups = resolveGroups(region, params);
	const userData = validUserData(params);
	const specifiedTags = readTagSpecifications(params.TagSpecifications, 'RunInstances');
	const volumes = planVolumes(world, region, image, params.BlockDeviceMappings);
	const profile = instanceProfile(world, params.IamInstanceProfile);
	const metadata = metadataOptions(image, params.MetadataOptions);
	const shutdown = shutdownBehavior(image, params.InstanceInitiatedShutdownBehavior);
	const available = MAX_LIVE_INSTANCES - liveInstances(region);
	if (min > available) {
		fail('InstanceLimitExceeded', `You have requested more instances (${min}) than your current instance limit of ${MAX_LIVE_INSTANCES} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`);
	}

	const {az, subnetId} = resolvePlacement(world, region, regionName, params);
	const azIndex = Math.max(0, availabilityZones(regionName).indexOf(az));
	const reservationId = nextId(world, 'r');
	const launched: Instance[] = [];
	const count = Math.min(max, available);
	for (let index = 0; index < count; index++) {
		const instanceId = nextId(world, 'i');
		const attached: Instance['volumes'] = [];
		for (const planned of volumes) {
			const volumeId = nextId(world, 'vol');
			region.volumes.set(volumeId, compact({
				VolumeId: volumeId,
				Size: planned.Size,
				VolumeType: planned.VolumeType,
				Iops: planned.Iops,
				Throughput: planned.Throughput,
				SnapshotId: planned.SnapshotId,
				AvailabilityZone: az,
				State: 'in-use' as const,
				CreateTime: now,
				Encrypted: planned.Encrypted,
				KmsKeyId: planned.KmsKeyId,
				Attachment: {InstanceId: instanceId, Device: planned.DeviceName, AttachTime: now, DeleteOnTermination: planned.DeleteOnTermination},
				Tags: specifiedTags('volume'),
				disk: clonePlain(planned.disk),
				billing: {billedMs: 0},
			}));
			startBilling(region.volumes.get(volumeId)!.billing, now);
			attached.push({DeviceName: planned.DeviceName, VolumeId: volumeId, DeleteOnTermination: planned.DeleteOnTermination, AttachTime: now});
		}

		const instance: Instance = compact({
			InstanceId: instanceId,
			ImageId: image.ImageId,
			ReservationId: reservationId,
			State: 'pending' as const,
			transitionAt: now + BOOT_MS,
			InstanceType: instanceType,
			KeyName: keyName,
			LaunchTime: now,
			AmiLaunchIndex: index,
			Architecture: image.Architecture,
			Platform: image.Platform,
			PlatformDetails: image.PlatformDetails,
			UsageOperation: image.UsageOperation,
			RootDeviceName: image.RootDeviceName,
			RootDeviceType: image.RootDeviceType,
			volumes: attached,
			SecurityGroupIds: [...groups],
			SubnetId: subnetId,
			VpcId: region.defaultVpcId,
			AvailabilityZone: az,
			PrivateIpAddress: newPrivateIp(world, region, azIndex),
			PublicIpAddress: newPublicIp(world),
			UserData: userData,
			IamInstanceProfile: profile ? {...profile} : undefined,
			DisableApiTermination: params.DisableApiTermination === true,
			StateTransitionReason: '',
			StateReason: {Code: 'pending', Message: 'pending'},
			Tags: specifiedTags('instance'),
			ProductCodes: image.ProductCodes.map(p => ({...p})),
			ephemeralDisk: image.RootDeviceType === 'instance-store' ? clonePlain(image.disk) : undefined,
			billing: {billedMs: 0},
			softwarePricePerHour: image.softwarePricePerHour,
			licencePricePerHour: image.licencePricePerHour ?? (image.Platform === 'windows' ? WINDOWS_LICENCE_HOURLY : undefined),
			ClientToken: params.ClientToken === undefined ? newClientToken(world, instanceId) : String(params.ClientToken),
			networkInterfaceId: nextId(world, 'eni'),
			networkAttachmentId: nextId(world, 'eni-attach'),
			macAddress: newMacAddress(world, instanceId),
			InstanceInitiatedShutdownBehavior: shutdown,
			DisableApiStop: params.DisableApiStop === true ? true : undefined,
			MetadataOptions: {...metadata},
			EnaSupport: image.EnaSupport,
			SriovNetSupport: image.SriovNetSupport,
			EbsOptimized: params.EbsOptimized === undefined ? ebsOptimizedByDefault(instanceType) : params.EbsOptimized === true,
			SourceDestCheck: true,
			BootMode: image.BootMode,
			VirtualizationType: image.VirtualizationType,
			KernelId: image.KernelId,
			RamdiskId: image.RamdiskId,
			monitoring: params.Monitoring?.Enabled === true ? true : undefined,
			Tenancy: params.Placement?.Tenancy === undefined ? undefined : String(params.Placement.Tenancy),
		});
		region.instances.set(instanceId, instance);
		schedule(world, {at: now + BOOT_MS, region: regionName, kind: 'instance', id: instanceId});
		launched.push(instance);
	}

	return reservationsView(world, regionName, launched, {launch: true})[0];
};
