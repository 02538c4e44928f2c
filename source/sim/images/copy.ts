import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {nextId} from '../core/ids.js';
import {isImageVisibleTo} from './lookup.js';
import {amiNotFound, checkAmiId, checkAmiName, checkNameFree, clonePlain, imageUnavailable, requireParam} from './rules.js';
import {snapshotMapping} from './mappings.js';
import {newImageBase, storeNewImage} from './new.js';
import {groupedMs, kmsKeyArn} from './snapshots.js';
import {applyTags} from '../core/resource-params.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import {COPY_PENDING_MS, CROSS_REGION_COPY_PENDING_MS} from '../core/clock.js';
import type {BlockDeviceMapping, Image, RegionState, Tag} from '../core/types.js';

// CopyImage (aws-reference 3.6), sent to the DESTINATION Region (ctx.region): a new, distinct
// AMI owned by the caller, pending at first, with new snapshots (disks copied, billed).
// Launch permissions are never copied; user tags only with CopyImageTags.

/**
 * Copying an AMI another account owns needs read access to its storage: each snapshot shared
 * with the caller (createVolumePermission) or public. A launch permission alone lets the caller
 * launch the AMI, not copy it (EC2 User Guide, "Copy an Amazon EC2 AMI").
 */
const checkStorageReadable = (source: Image, sourceRegion: RegionState, account: string): void => {
	if (source.OwnerId === account) return;
	for (const mapping of source.BlockDeviceMappings) {
		const snapshotId = mapping.Ebs?.SnapshotId;
		if (!snapshotId) continue;
		const snapshot = sourceRegion.snapshots.get(snapshotId);
		const readable = snapshot !== undefined && (snapshot.OwnerId === account || (snapshot.createVolumePermissions ?? []).some(p => p.Group === 'all' || p.UserId === account));
		// [?] the error code is not verified; the message is the one EC2 gives (seen in many bug reports)
		if (!readable) fail('InvalidRequest', 'You do not have permission to access the storage of this ami');
	}
};

export const copyImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'Name');
	requireParam(params, 'SourceImageId');
	requireParam(params, 'SourceRegion');
	const {world, region, now} = ctx;
	const name = checkAmiName(params.Name);
	const sourceId = checkAmiId(params.SourceImageId);
	const specifiedTags = readTagSpecifications(params.TagSpecifications, 'CopyImage');
	if (params.KmsKeyId !== undefined && params.Encrypted !== true) {
		fail('InvalidParameterDependency', 'The parameter [KmsKeyId] requires the parameter Encrypted to be set.');
	}

	const sourceRegion = world.regions[String(params.SourceRegion)];
	const source = sourceRegion?.images.get(sourceId);
	if (!source || !isImageVisibleTo(source, world.account)) amiNotFound([sourceId]);
	if (source!.OwnerId !== world.account && source!.ProductCodes.some(p => p.ProductCodeType === 'marketplace')) {
		fail('InvalidRequest', 'Images from AWS Marketplace cannot be copied to another AWS account.');
	}

	if (source!.State !== 'available') imageUnavailable(source!);
	checkStorageReadable(source!, sourceRegion!, world.account);
	checkNameFree(region, world.account, name);

	const imageId = nextId(world, 'ami');
	const readyAt = now + (String(params.SourceRegion) === ctx.regionName ? COPY_PENDING_MS : CROSS_REGION_COPY_PENDING_MS);
	const snapshotTags = specifiedTags('snapshot');
	const blockDeviceMappings: BlockDeviceMapping[] = source!.BlockDeviceMappings.map(mapping => {
		if (!mapping.Ebs?.SnapshotId) return clonePlain(mapping);
		const sourceSnapshot = sourceRegion!.snapshots.get(mapping.Ebs.SnapshotId);
		const encrypted = params.Encrypted === true || mapping.Ebs.Encrypted;
		const kmsKeyId = encrypted ? kmsKeyArn(ctx, params.KmsKeyId as string | undefined) : undefined;
		return snapshotMapping(ctx, mapping.DeviceName, clonePlain(mapping.Ebs), {
			volumeId: 'vol-ffffffff',
			size: mapping.Ebs.VolumeSize,
			description: `Copied for DestinationAmi ${imageId} from SourceAmi ${sourceId} for SourceSnapshot ${mapping.Ebs.SnapshotId}. Task created on ${groupedMs(now)}.`,
			encrypted,
			kmsKeyId,
			tags: snapshotTags,
			disk: sourceSnapshot?.disk,
			readyAt,
		});
	});

	const tags: Tag[] = params.CopyImageTags === true ? source!.Tags.filter(t => !t.Key.startsWith('aws:')).map(t => ({...t})) : [];
	applyTags(tags, specifiedTags('image'));

	const image: Image = {
		...newImageBase(ctx, imageId, name, params.Description),
		State: 'pending',
		readyAt,
		Architecture: source!.Architecture,
		Platform: source!.Platform,
		PlatformDetails: source!.PlatformDetails,
		UsageOperation: source!.UsageOperation,
		RootDeviceName: source!.RootDeviceName,
		RootDeviceType: source!.RootDeviceType,
		VirtualizationType: source!.VirtualizationType,
		Hypervisor: source!.Hypervisor,
		EnaSupport: source!.EnaSupport,
		SriovNetSupport: source!.SriovNetSupport,
		BootMode: source!.BootMode,
		ImdsSupport: source!.ImdsSupport,
		ImageLocation: source!.RootDeviceType === 'ebs' ? `${world.account}/${name}` : source!.ImageLocation,
		BlockDeviceMappings: blockDeviceMappings,
		ProductCodes: clonePlain(source!.ProductCodes),
		Tags: tags,
		SourceImageId: sourceId,
		SourceImageRegion: String(params.SourceRegion),
		ManifestLocation: source!.ManifestLocation,
		KernelId: source!.KernelId,
		RamdiskId: source!.RamdiskId,
		softwarePricePerHour: source!.softwarePricePerHour,
		licencePricePerHour: source!.licencePricePerHour,
		suspicious: source!.suspicious,
		disk: clonePlain(source!.disk),
		consistentSnapshot: source!.OwnerId === world.account ? source!.consistentSnapshot : true,
	};
	storeNewImage(ctx, image);
	return {ImageId: imageId};
};
