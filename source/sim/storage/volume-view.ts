import {cliTimestamp} from '../core/clock.js';
import type {Volume} from '../core/types.js';
import {compact} from '../core/compact.js';
import {tagsView} from '../tags/resource-tags.js';

// A volume as DescribeVolumes prints it: Attachments is always there ([] when detached).

export const volumeAttachmentsView = (volume: Volume): Array<Record<string, unknown>> =>
	volume.Attachment
		? [
				{
					AttachTime: cliTimestamp(volume.Attachment.AttachTime),
					Device: volume.Attachment.Device,
					InstanceId: volume.Attachment.InstanceId,
					State: volume.State === 'in-use' ? 'attached' : 'detaching',
					VolumeId: volume.VolumeId,
					DeleteOnTermination: volume.Attachment.DeleteOnTermination,
				},
			]
		: [];

export const volumeView = (volume: Volume): Record<string, unknown> =>
	compact({
		Attachments: volumeAttachmentsView(volume),
		AvailabilityZone: volume.AvailabilityZone,
		CreateTime: cliTimestamp(volume.CreateTime),
		Encrypted: volume.Encrypted,
		KmsKeyId: volume.Encrypted ? volume.KmsKeyId : undefined,
		Size: volume.Size,
		SnapshotId: volume.SnapshotId ?? '',
		State: volume.State,
		VolumeId: volume.VolumeId,
		Iops: volume.Iops,
		Tags: tagsView(volume.Tags),
		VolumeType: volume.VolumeType,
		MultiAttachEnabled: volume.MultiAttachEnabled ?? false,
		Throughput: volume.Throughput,
	});
