import {fail} from '../core/errors.js';
import {snapshotNotFound, volumeNotFound} from '../core/not-found.js';
import {checkId} from '../core/resource-params.js';
import type {RegionState, Snapshot, Volume, World} from '../core/types.js';

// Finding EBS snapshots and volumes named in a request (describe/delete, block device mappings
// of create-image, register-image and run-instances), with EC2's exact errors.

type Where = {world: World; region: RegionState};

/** Snapshots this account can see: its own (the public AMIs' snapshots are not public). */
export const isVisibleSnapshot = (world: World, snapshot: Snapshot | undefined): snapshot is Snapshot => snapshot !== undefined && snapshot.OwnerId === world.account;

export const isLiveVolume = (volume: Volume | undefined): volume is Volume => volume !== undefined && volume.State !== 'deleted';

/** The visible snapshot `id`, or the EC2 error for a malformed or unknown id. */
export const findSnapshot = ({world, region}: Where, id: unknown): Snapshot => {
	checkId(String(id), 'snap', 'InvalidSnapshotID.Malformed');
	const snapshot = region.snapshots.get(String(id));
	if (!isVisibleSnapshot(world, snapshot)) return snapshotNotFound(String(id));
	return snapshot;
};

export const findVolume = ({region}: Where, id: string): Volume => {
	checkId(id, 'vol', 'InvalidVolumeID.Malformed');
	const volume = region.volumes.get(id);
	if (!isLiveVolume(volume)) return volumeNotFound(id);
	return volume;
};

/** A block device mapping asks for a volume smaller than the snapshot it is made from. */
export const snapshotTooSmall = (size: number, snapshotId: string, snapshotSize: number): never =>
	fail('InvalidBlockDeviceMapping', `Volume of size ${size}GB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotSize}GB`);
