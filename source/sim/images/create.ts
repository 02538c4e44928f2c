import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {nextId} from '../core/ids.js';
import {checkAmiName, checkNameFree, clonePlain, requireParam} from './rules.js';
import {newDeviceMapping, readMappingParams, snapshotMapping} from './mappings.js';
import {newImageBase, storeNewImage} from './new.js';
import {findInstance} from '../instances/lookup.js';
import {bootGuest} from '../instances/disk.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import {IMAGE_PENDING_MS} from '../core/clock.js';
import type {BlockDeviceMapping, Image} from '../core/types.js';

// CreateImage (aws-reference 3.1): an EBS-backed image of an instance, one snapshot per
// attached EBS volume, pending for IMAGE_PENDING_MS. The volumes' disks are copied onto the
// snapshots: that is how software is baked into an image.

const CREATABLE_STATES = new Set(['running', 'stopping', 'stopped']);

export const createImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'InstanceId');
	requireParam(params, 'Name');
	const {world, region, now} = ctx;
	const instance = findInstance(world, region, params.InstanceId as string);
	const name = checkAmiName(params.Name);
	const specifiedTags = readTagSpecifications(params.TagSpecifications, 'CreateImage');
	const mappings = readMappingParams(params.BlockDeviceMappings);

	if (!CREATABLE_STATES.has(instance.State)) {
		fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`);
	}

	const rootAttachment = instance.volumes.find(v => v.DeviceName === instance.RootDeviceName);
	if (instance.RootDeviceType !== 'ebs' || !rootAttachment) {
		fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance does not have a volume attached at root (${instance.RootDeviceName})`);
	}

	checkNameFree(region, world.account, name);

	const byDevice = new Map(mappings.map(m => [m.DeviceName, m]));
	const rootOverride = byDevice.get(instance.RootDeviceName);
	if (rootOverride?.NoDevice !== undefined) {
		fail('InvalidBlockDeviceMapping', `The device '${instance.RootDeviceName}' is the root device of the instance and cannot be removed from the image`);
	}

	// Existing volumes: size and encryption are fixed (copy-image changes encryption).
	for (const attachment of instance.volumes) {
		const override = byDevice.get(attachment.DeviceName);
		const volume = region.volumes.get(attachment.VolumeId);
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
	const extras = mappings.filter(m => !attachedDevices.has(m.DeviceName)).map(m => newDeviceMapping(ctx, m));

	const imageId = nextId(world, 'ami');
	const readyAt = now + IMAGE_PENDING_MS;
	const snapshotTags = specifiedTags('snapshot');
	const blockDeviceMappings: BlockDeviceMapping[] = [];
	for (const attachment of instance.volumes) {
		const override = byDevice.get(attachment.DeviceName);
		if (override?.NoDevice !== undefined) continue;
		const volume = region.volumes.get(attachment.VolumeId);
		if (!volume) continue;
		const ebs = {
			DeleteOnTermination: override?.Ebs?.DeleteOnTermination ?? attachment.DeleteOnTermination,
			Iops: override?.Ebs?.Iops ?? volume.Iops,
			VolumeType: override?.Ebs?.VolumeType ?? volume.VolumeType,
			Throughput: override?.Ebs?.Throughput ?? volume.Throughput,
		};
		blockDeviceMappings.push(snapshotMapping(ctx, attachment.DeviceName, ebs, {
			volumeId: volume.VolumeId,
			size: volume.Size,
			description: `Created by CreateImage(${instance.InstanceId}) for ${imageId}`,
			encrypted: volume.Encrypted,
			kmsKeyId: volume.KmsKeyId,
			tags: snapshotTags,
			disk: volume.disk,
			readyAt,
		}));
	}

	blockDeviceMappings.push(...extras);

	const sourceImage = region.images.get(instance.ImageId);
	const rebooted = instance.State === 'running' && params.NoReboot !== true;
	const image: Image = {
		...newImageBase(ctx, imageId, name, params.Description),
		State: 'pending',
		readyAt,
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
		BlockDeviceMappings: blockDeviceMappings,
		ProductCodes: clonePlain(instance.ProductCodes ?? []),
		Tags: specifiedTags('image'),
		SourceInstanceId: instance.InstanceId,
		softwarePricePerHour: instance.softwarePricePerHour,
		licencePricePerHour: instance.licencePricePerHour,
		sourceInstanceState: instance.State,
		rebooted,
		consistentSnapshot: instance.State === 'stopped' || rebooted,
	};
	storeNewImage(ctx, image);
	// the reboot (shut down, snapshot, boot): afterwards only the enabled services run again
	if (rebooted) bootGuest(ctx.guest, ctx.world, ctx.regionName, instance, false);
	return {ImageId: imageId};
};
