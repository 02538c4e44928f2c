import {IMAGE_INDEXES} from '../images/filters.js';
import type {OpContext, OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters, indexesOf, narrowByFilters, type FilterAccessors} from '../core/filters.js';
import {addSnapshot} from '../images/snapshots.js';
import {closeBilling} from '../billing/pricing.js';
import {optionalString, requiredString, stringList} from '../core/resource-params.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import {findSnapshot, findVolume, isLiveVolume, isVisibleSnapshot} from './lookup.js';
import {cliTimestamp, wireTimestamp} from '../core/clock.js';
import type {Snapshot, Volume} from '../core/types.js';
import {snapshotProgress, snapshotView} from './snapshot-view.js';
import {volumeView} from './volume-view.js';

// EBS snapshots and volumes: DescribeSnapshots, CreateSnapshot, DeleteSnapshot,
// DescribeVolumes, DeleteVolume (aws-reference 2.3, 3.8).

/** How long a snapshot taken with create-snapshot stays pending. */
export const SNAPSHOT_PENDING_MS = 25_000;

/** The registered AMI (if any) in this Region whose block device mapping uses the snapshot. */
export const imageUsingSnapshot = (ctx: OpContext, snapshotId: string): string | undefined =>
	ctx.region.images.where(IMAGE_INDEXES['block-device-mapping.snapshot-id'], snapshotId).find(image => image.State !== 'deregistered')?.ImageId;

/** Filters that read the snapshot alone: indexed (snapshots by volume, by id). */
const SNAPSHOT_PURE: FilterAccessors<Snapshot> = {'snapshot-id': s => s.SnapshotId, 'volume-id': s => s.VolumeId};
const SNAPSHOT_INDEXES = indexesOf(SNAPSHOT_PURE);

/** Filters that read the volume alone: indexed (volumes by instance, snapshot, state). */
const VOLUME_PURE: FilterAccessors<Volume> = {'attachment.instance-id': v => v.Attachment?.InstanceId, 'snapshot-id': v => v.SnapshotId, status: v => v.State, 'volume-id': v => v.VolumeId};
const VOLUME_INDEXES = indexesOf(VOLUME_PURE);

const describeSnapshots: OpHandler = (ctx, params) => {
	const ids = stringList(params.SnapshotIds, 'SnapshotId');
	const owners = stringList(params.OwnerIds, 'Owner');
	const restorableBy = stringList(params.RestorableByUserIds, 'RestorableBy');
	const account = ctx.world.account;
	const matches = compileFilters<Snapshot>(params.Filters, {
		description: s => s.Description,
		encrypted: s => String(s.Encrypted),
		'kms-key-id': s => s.KmsKeyId,
		'owner-alias': s => s.OwnerAlias,
		'owner-id': s => s.OwnerId,
		progress: s => snapshotProgress(s, ctx.now),
		...SNAPSHOT_PURE,
		'start-time': s => [wireTimestamp(s.StartTime), cliTimestamp(s.StartTime)],
		status: s => s.State,
		'storage-tier': () => 'standard',
		'volume-size': s => String(s.VolumeSize),
	});

	let snapshots: Snapshot[];
	if (ids && ids.length > 0) {
		snapshots = ids.map(id => findSnapshot(ctx, id));
		snapshots = snapshots.filter((s, i) => snapshots.indexOf(s) === i);
	} else {
		snapshots = (narrowByFilters(ctx.region.snapshots, params.Filters, SNAPSHOT_INDEXES) ?? ctx.region.snapshots.values()).filter(s => isVisibleSnapshot(ctx.world, s));
	}

	if (owners && owners.length > 0) {
		snapshots = snapshots.filter(s => owners.some(owner => (owner === 'self' ? s.OwnerId === account : owner === 'amazon' ? s.OwnerAlias === 'amazon' : s.OwnerId === owner)));
	}

	if (restorableBy && restorableBy.length > 0) {
		// Sharing snapshots is not modelled: only the owner can create volumes from them.
		snapshots = snapshots.filter(s => s.OwnerId === account && restorableBy.some(user => user === 'self' || user === account));
	}

	return {Snapshots: snapshots.filter(s => matches(s)).map(s => snapshotView(s, ctx.now))};
};

const deleteSnapshot: OpHandler = (ctx, params) => {
	const id = requiredString(params.SnapshotId, 'SnapshotId');
	const snapshot = findSnapshot(ctx, id);
	const imageId = imageUsingSnapshot(ctx, id);
	if (imageId) fail('InvalidSnapshot.InUse', `The snapshot ${id} is currently in use by ${imageId}`);
	closeBilling(ctx.world, ctx.regionName, snapshot, ctx.now);
	ctx.region.snapshots.delete(id);
	return undefined;
};

const createSnapshot: OpHandler = (ctx, params) => {
	const volumeId = requiredString(params.VolumeId, 'VolumeId');
	const volume = findVolume(ctx, volumeId);
	const description = optionalString(params.Description, 'Description') ?? '';
	if (description.length > 255) fail('InvalidParameterValue', `Value (${description}) for parameter description is invalid. Length exceeds maximum of 255.`);
	const tags = readTagSpecifications(params.TagSpecifications, 'CreateSnapshot')('snapshot');
	const snapshotId = addSnapshot(ctx, {
		volumeId: volume.VolumeId,
		size: volume.Size,
		description,
		encrypted: volume.Encrypted,
		kmsKeyId: volume.KmsKeyId,
		tags,
		disk: volume.disk,
		readyAt: ctx.now + SNAPSHOT_PENDING_MS,
	});
	const snapshot = ctx.region.snapshots.get(snapshotId)!;
	// The CreateSnapshot response carries an empty Progress and the tag list, as in the CLI's example.
	return {...snapshotView(snapshot, ctx.now), Progress: '', Tags: tags.map(t => ({...t}))};
};

const describeVolumes: OpHandler = (ctx, params) => {
	const ids = stringList(params.VolumeIds, 'VolumeId');
	const matches = compileFilters<Volume>(params.Filters, {
		'attachment.attach-time': v => (v.Attachment ? [wireTimestamp(v.Attachment.AttachTime), cliTimestamp(v.Attachment.AttachTime)] : undefined),
		'attachment.delete-on-termination': v => (v.Attachment ? String(v.Attachment.DeleteOnTermination) : undefined),
		'attachment.device': v => v.Attachment?.Device,
		'attachment.status': v => (v.Attachment ? 'attached' : undefined),
		'availability-zone': v => v.AvailabilityZone,
		'create-time': v => [wireTimestamp(v.CreateTime), cliTimestamp(v.CreateTime)],
		encrypted: v => String(v.Encrypted),
		iops: v => (v.Iops === undefined ? undefined : String(v.Iops)),
		'multi-attach-enabled': v => String(v.MultiAttachEnabled ?? false),
		size: v => String(v.Size),
		...VOLUME_PURE,
		throughput: v => (v.Throughput === undefined ? undefined : String(v.Throughput)),
		'volume-type': v => v.VolumeType,
	});
	let volumes: Volume[];
	if (ids && ids.length > 0) {
		volumes = ids.map(id => findVolume(ctx, id));
		volumes = volumes.filter((v, i) => volumes.indexOf(v) === i);
	} else {
		volumes = (narrowByFilters(ctx.region.volumes, params.Filters, VOLUME_INDEXES) ?? ctx.region.volumes.values()).filter(v => isLiveVolume(v));
	}

	return {Volumes: volumes.filter(v => matches(v)).map(v => volumeView(v))};
};

const deleteVolume: OpHandler = (ctx, params) => {
	const id = requiredString(params.VolumeId, 'VolumeId');
	const volume = findVolume(ctx, id);
	if (volume.Attachment || volume.State === 'in-use') fail('VolumeInUse', `Volume ${id} is currently attached to ${volume.Attachment?.InstanceId ?? 'an instance'}`);
	closeBilling(ctx.world, ctx.regionName, volume, ctx.now);
	ctx.region.volumes.delete(id);
	return undefined;
};

export const storageOperations: Record<string, OpHandler> = {
	DescribeSnapshots: describeSnapshots,
	DeleteSnapshot: deleteSnapshot,
	CreateSnapshot: createSnapshot,
	DescribeVolumes: describeVolumes,
	DeleteVolume: deleteVolume,
};
