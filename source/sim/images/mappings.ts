import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compact} from '../core/compact.js';
import {addSnapshot, type NewSnapshot} from './snapshots.js';
import {findSnapshot, snapshotTooSmall} from '../storage/lookup.js';
import type {BlockDeviceMapping} from '../core/types.js';

// Block-device mappings of new images (CreateImage, RegisterImage, CopyImage): the request's
// `--block-device-mappings`, a device the request adds, and an EBS device backed by a new snapshot.

export type MappingParam = {
	DeviceName: string;
	VirtualName?: string;
	NoDevice?: string;
	Ebs?: {DeleteOnTermination?: boolean; Iops?: number; SnapshotId?: string; VolumeSize?: number; VolumeType?: string; Throughput?: number; KmsKeyId?: string; Encrypted?: boolean};
};

/**
 * Device names EC2 takes (EC2 User Guide, "Device names for volumes"): /dev/sd[a-z] (with a
 * partition number 1-15, as the root /dev/sda1), /dev/xvd[a-z] and /dev/xvd[a-z][a-z], /dev/hd[a-z],
 * and Windows' xvd[a-z]; anything else is `InvalidBlockDeviceMapping: Invalid device name NAME`.
 */
const DEVICE_NAME = /^(?:\/dev\/(?:sd[a-z](?:[1-9]|1[0-5])?|xvd[a-z]{1,2}|hd[a-z])|xvd[a-z]{1,2})$/;

export const checkDeviceName = (name: string): string => {
	if (!DEVICE_NAME.test(name)) fail('InvalidBlockDeviceMapping', `Invalid device name ${name}`);
	return name;
};

/** `BlockDeviceMappings` of a request: a list whose every entry names its device, by a name EC2 takes. */
export const readMappingParams = (value: unknown): MappingParam[] => {
	const mappings = value ?? [];
	if (!Array.isArray(mappings)) return fail('InvalidParameterValue', 'Invalid value for parameter BlockDeviceMappings');
	for (const mapping of mappings as Array<Partial<MappingParam> | undefined>) {
		if (!mapping?.DeviceName) fail('MissingParameter', 'The request must contain the parameter BlockDeviceMapping.DeviceName');
		checkDeviceName(String(mapping!.DeviceName));
	}

	return mappings as MappingParam[];
};

/** A device the request adds: suppressed (NoDevice), instance store, an empty EBS volume or one from a snapshot. */
export const newDeviceMapping = (ctx: OpContext, param: MappingParam): BlockDeviceMapping => {
	const deviceName = param.DeviceName;
	if (param.NoDevice !== undefined) return {DeviceName: deviceName, NoDevice: ''};
	if (param.VirtualName !== undefined) return {DeviceName: deviceName, VirtualName: param.VirtualName};
	const ebs = param.Ebs;
	if (!ebs || (ebs.SnapshotId === undefined && ebs.VolumeSize === undefined)) {
		return fail('InvalidBlockDeviceMapping', `Either snapshot ID or volume size must be provided for: ${deviceName}`);
	}

	let size = ebs.VolumeSize;
	let encrypted = ebs.Encrypted ?? false;
	let kmsKeyId = ebs.KmsKeyId;
	if (ebs.SnapshotId !== undefined) {
		const snapshot = findSnapshot(ctx, ebs.SnapshotId);
		if (size !== undefined && size < snapshot.VolumeSize) snapshotTooSmall(size, snapshot.SnapshotId, snapshot.VolumeSize);
		size ??= snapshot.VolumeSize;
		encrypted = snapshot.Encrypted || encrypted;
		kmsKeyId = snapshot.KmsKeyId ?? kmsKeyId;
	}

	if (!Number.isInteger(size) || size! < 1 || size! > 16_384) fail('InvalidParameterValue', `Volume size ${String(size)} is out of range`);
	const volumeType = ebs.VolumeType ?? 'gp3';
	return {
		DeviceName: deviceName,
		Ebs: compact({
			DeleteOnTermination: ebs.DeleteOnTermination ?? true,
			Iops: ebs.Iops ?? (volumeType === 'gp3' ? 3000 : undefined),
			SnapshotId: ebs.SnapshotId,
			VolumeSize: size!,
			VolumeType: volumeType,
			Throughput: ebs.Throughput ?? (volumeType === 'gp3' ? 125 : undefined),
			KmsKeyId: encrypted ? kmsKeyId : undefined,
			Encrypted: encrypted,
		}),
	};
};

/** What a snapshot-backed device keeps of its own: everything but what the new snapshot decides. */
export type EbsSettings = Omit<NonNullable<BlockDeviceMapping['Ebs']>, 'SnapshotId' | 'VolumeSize' | 'Encrypted' | 'KmsKeyId'>;

/**
 * An EBS device of a new image backed by a new snapshot (CreateImage of a volume, CopyImage of
 * a snapshot): the snapshot is made (and billed) now; size, encryption and key come from it.
 */
export const snapshotMapping = (ctx: OpContext, deviceName: string, ebs: EbsSettings, snapshot: NewSnapshot): BlockDeviceMapping => {
	const snapshotId = addSnapshot(ctx, snapshot);
	return {
		DeviceName: deviceName,
		Ebs: compact({
			...ebs,
			SnapshotId: snapshotId,
			VolumeSize: snapshot.size,
			KmsKeyId: snapshot.encrypted ? snapshot.kmsKeyId : undefined,
			Encrypted: snapshot.encrypted,
		}),
	};
};
