import type {OpContext} from './engine.js';
import {fail} from './errors.js';
import {nextId} from './ids.js';
import {checkAmiName, checkNameFree, checkTagSpecifications, clonePlain, requireParam, specTags} from './images-rules.js';
import {addSnapshot, stripUndefined} from './images-snapshots.js';
import {bootDisk, instanceDisk} from './guest.js';
import {findInstance} from './instances-lookup.js';
import {findSnapshot, snapshotTooSmall} from './storage-lookup.js';
import {schedule} from './settle.js';
import {IMAGE_PENDING_MS} from './time.js';
import type {BlockDeviceMapping, Image} from './types.js';

// CreateImage (aws-reference 3.1): an EBS-backed image of an instance, one snapshot per
// attached EBS volume, pending for IMAGE_PENDING_MS. The volumes' disks are copied onto the
// snapshots: that is how software is baked into an image.

type MappingParam = {
	DeviceName?: string;
	VirtualName?: string;
	NoDevice?: string;
	Ebs?: {DeleteOnTermination?: boolean; Iops?: number; SnapshotId?: string; VolumeSize?: number; VolumeType?: string; Throughput?: number; KmsKeyId?: string; Encrypted?: boolean};
};


/** A new (non-existing) device in a mapping: an instance-store volume, an empty EBS volume or one from a snapshot. */
export const extraMapping = (ctx: OpContext, param: MappingParam, deviceName: string): BlockDeviceMapping => {
	if (param.VirtualName !== undefined) return {DeviceName: deviceName, VirtualName: param.VirtualName};
	const ebs = param.Ebs;
	if (!ebs || (ebs.SnapshotId === undefined && ebs.VolumeSize === undefined)) {
		fail('InvalidBlockDeviceMapping', `Either snapshot ID or volume size must be provided for: ${deviceName}`);
	}

	let size = ebs!.VolumeSize;
	let encrypted = ebs!.Encrypted ?? false;
	let kmsKeyId = ebs!.KmsKeyId;
	if (ebs!.SnapshotId !== undefined) {
		const snapshot = findSnapshot(ctx, ebs!.SnapshotId);
		if (size !== undefined && size < snapshot.VolumeSize) snapshotTooSmall(size, snapshot.SnapshotId, snapshot.VolumeSize);
		size ??= snapshot.VolumeSize;
		encrypted = snapshot.Encrypted || encrypted;
		kmsKeyId = snapshot.KmsKeyId ?? kmsKeyId;
	}

	if (!Number.isInteger(size) || size! < 1 || size! > 16_384) fail('InvalidParameterValue', `Volume size ${String(size)} is out of range`);
	const volumeType = ebs!.VolumeType ?? 'gp3';
	return {
		DeviceName: deviceName,
		Ebs: stripUndefined({
			DeleteOnTermination: ebs!.DeleteOnTermination ?? true,
			Iops: ebs!.Iops ?? (volumeType === 'gp3' ? 3000 : undefined),
			SnapshotId: ebs!.SnapshotId,
			VolumeSize: size!,
			VolumeType: volumeType,
			Throughput: ebs!.Throughput ?? (volumeType === 'gp3' ? 125 : undefined),
			KmsKeyId: encrypted ? kmsKeyId : undefined,
			Encrypted: encrypted,
		}),
	};
};

const CREATABLE_STATES = new Set(['running', 'stopping', 'stopped']);

export const createImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'InstanceId');
	requireParam(params, 'Name');
	const {world, region, now} = ctx;
	const instance = findInstance(world, region, params.InstanceId as string);
	const name = checkAmiName(params.Name);
	const specs = checkTagSpecifications(params.TagSpecifications, ['image', 'snapshot']);
	const mappings = (params.BlockDeviceMappings ?? []) as MappingParam[];
	if (!Array.isArray(mappings)) fail('InvalidParameterValue', 'Invalid value for parameter BlockDeviceMappings');
	for (const mapping of mappings) {
		if (!mapping?.DeviceName) fail('MissingParameter', 'The request must contain the parameter BlockDeviceMapping.DeviceName');
	}

	if (!CREATABLE_STATES.has(instance.State)) {
		fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`);
	}

	const rootAttachment = instance.volumes.find(v => v.DeviceName === instance.RootDeviceName);
	if (instance.RootDeviceType !== 'ebs' || !rootAttachment) {
		fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance does not have a volume attached at root (${instance.RootDeviceName})`);
	}

	checkNameFree(region, world.account, name);

	const byDevice = new Map(mappings.map(m => [m.DeviceName!, m]));
	const rootOverride = byDevice.get(instance.RootDeviceName);
	if (rootOverride?.NoDevice !== undefined) {
		fail('InvalidBlockDeviceMapping', `The device '${instance.RootDeviceName}' is the root device of the instance and cannot be removed from the image`);
	}

	// Existing volumes: size and encryption are fixed (copy-image changes encryption).
	for (const attachment of instance.volumes) {
		const override = byDevice.get(attachment.DeviceName);
		const volume = region.volumes[attachment.VolumeId];
		if (!override || override.NoDevice !== undefined || !volume) continue;
		if (override.Ebs?.VolumeSize !== undefined && override.Ebs.VolumeSize !== volume.Size) {
			fail('InvalidBlockDeviceMapping', `The volume size of the existing volume attached at ${attachment.DeviceName} cannot be changed when creating an image`);
		}

		if (override.Ebs?.Encrypted !== undefined && override.Ebs.Encrypted !== volume.Encrypted) {
			fail('InvalidBlockDeviceMapping', `The encryption of the existing volume attached at ${attachment.DeviceName} cannot be changed when creating an image`);
		}

		if (override.Ebs?.SnapshotId !== undefined) {
			fail('InvalidBlockDeviceMapping', `snapshotId cannot be modified on the existing volume attached at ${attachment.DeviceName}`);
		}
	}

	const attachedDevices = new Set(instance.volumes.map(v => v.DeviceName));
	const extras: BlockDeviceMapping[] = [];
	for (const mapping of mappings) {
		if (attachedDevices.has(mapping.DeviceName!)) continue;
		if (mapping.NoDevice !== undefined) extras.push({DeviceName: mapping.DeviceName!, NoDevice: ''});
		else extras.push(extraMapping(ctx, mapping, mapping.DeviceName!));
	}

	const imageId = nextId(world, 'ami');
	const readyAt = now + IMAGE_PENDING_MS;
	const snapshotTags = specTags(specs, 'snapshot');
	const blockDeviceMappings: BlockDeviceMapping[] = [];
	for (const attachment of instance.volumes) {
		const override = byDevice.get(attachment.DeviceName);
		if (override?.NoDevice !== undefined) continue;
		const volume = region.volumes[attachment.VolumeId];
		if (!volume) continue;
		const snapshotId = addSnapshot(ctx, {
			volumeId: volume.VolumeId,
			size: volume.Size,
			description: `Created by CreateImage(${instance.InstanceId}) for ${imageId}`,
			encrypted: volume.Encrypted,
			kmsKeyId: volume.KmsKeyId,
			tags: snapshotTags,
			disk: volume.disk,
			readyAt,
		});
		blockDeviceMappings.push({
			DeviceName: attachment.DeviceName,
			Ebs: stripUndefined({
				DeleteOnTermination: override?.Ebs?.DeleteOnTermination ?? attachment.DeleteOnTermination,
				Iops: override?.Ebs?.Iops ?? volume.Iops,
				SnapshotId: snapshotId,
				VolumeSize: volume.Size,
				VolumeType: override?.Ebs?.VolumeType ?? volume.VolumeType,
				Throughput: override?.Ebs?.Throughput ?? volume.Throughput,
				KmsKeyId: volume.Encrypted ? volume.KmsKeyId : undefined,
				Encrypted: volume.Encrypted,
			}),
		});
	}

	blockDeviceMappings.push(...extras);

	const sourceImage = region.images[instance.ImageId];
	const rebooted = instance.State === 'running' && params.NoReboot !== true;
	const image: Image = {
		ImageId: imageId,
		Name: name,
		Description: typeof params.Description === 'string' ? params.Description : undefined,
		OwnerId: world.account,
		State: 'pending',
		readyAt,
		CreationDate: now,
		Architecture: (instance.Architecture as Image['Architecture']) ?? sourceImage?.Architecture ?? 'x86_64',
		Platform: instance.Platform,
		PlatformDetails: instance.PlatformDetails ?? sourceImage?.PlatformDetails ?? 'Linux/UNIX',
		UsageOperation: instance.UsageOperation ?? sourceImage?.UsageOperation ?? 'RunInstances',
		RootDeviceName: instance.RootDeviceName,
		RootDeviceType: 'ebs',
		VirtualizationType: sourceImage?.VirtualizationType ?? 'hvm',
		Hypervisor: 'xen',
		EnaSupport: sourceImage?.EnaSupport ?? true,
		SriovNetSupport: sourceImage ? sourceImage.SriovNetSupport : 'simple',
		BootMode: sourceImage?.BootMode,
		ImdsSupport: sourceImage?.ImdsSupport,
		ImageLocation: `${world.account}/${name}`,
		ImageType: 'machine',
		BlockDeviceMappings: blockDeviceMappings,
		LaunchPermissions: [],
		ProductCodes: clonePlain(instance.ProductCodes ?? []),
		Tags: specTags(specs, 'image'),
		SourceInstanceId: instance.InstanceId,
		softwarePricePerHour: instance.softwarePricePerHour,
		licencePricePerHour: instance.licencePricePerHour,
		sourceInstanceState: instance.State,
		rebooted,
		consistentSnapshot: instance.State === 'stopped' || rebooted,
	};
	region.images[imageId] = stripUndefined(image);
	// the reboot (shut down, snapshot, boot): afterwards only the enabled services run again
	const disk = rebooted ? instanceDisk(region, instance) : undefined;
	if (disk) bootDisk(disk);
	schedule(world, {at: readyAt, region: ctx.regionName, kind: 'image', id: imageId});
	return {ImageId: imageId};
};
