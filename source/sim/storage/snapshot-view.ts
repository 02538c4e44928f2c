import {cliTimestamp} from '../core/clock.js';
import type {Snapshot} from '../core/types.js';
import {compact} from '../core/compact.js';
import {tagsView} from '../tags/resource-tags.js';

// A snapshot as DescribeSnapshots (and CreateSnapshot) print it.

/** "0%".."99%" while pending (from how far it is to readyAt), "100%" once completed. */
export const snapshotProgress = (snapshot: Snapshot, now: number): string => {
	if (snapshot.State === 'completed') return '100%';
	if (snapshot.State === 'error') return '0%';
	if (snapshot.readyAt === undefined || snapshot.readyAt <= snapshot.StartTime) return '0%';
	const fraction = (now - snapshot.StartTime) / (snapshot.readyAt - snapshot.StartTime);
	return `${Math.min(99, Math.max(0, Math.floor(fraction * 100)))}%`;
};

export const snapshotView = (snapshot: Snapshot, now: number): Record<string, unknown> =>
	compact({
		OwnerAlias: snapshot.OwnerAlias,
		Tags: tagsView(snapshot.Tags),
		StorageTier: 'standard',
		SnapshotId: snapshot.SnapshotId,
		VolumeId: snapshot.VolumeId,
		State: snapshot.State,
		StateMessage: snapshot.StateMessage,
		StartTime: cliTimestamp(snapshot.StartTime),
		Progress: snapshotProgress(snapshot, now),
		OwnerId: snapshot.OwnerId,
		Description: snapshot.Description,
		VolumeSize: snapshot.VolumeSize,
		Encrypted: snapshot.Encrypted,
		KmsKeyId: snapshot.Encrypted ? snapshot.KmsKeyId : undefined,
	});
