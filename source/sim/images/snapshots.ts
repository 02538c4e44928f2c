import {compact} from '../core/compact.js';
import type {OpContext} from '../core/engine.js';
import {hexFor, nextId} from '../core/ids.js';
import {startBilling} from '../billing/pricing.js';
import {schedule} from '../core/settle.js';
import type {Disk, Tag} from '../core/types.js';
import {clonePlain} from './rules.js';

// The snapshots this account makes (CreateSnapshot, and CreateImage / CopyImage for their
// devices) and the KMS key names they carry. Snapshots are billed from the moment they exist.

export type NewSnapshot = {
	volumeId: string;
	size: number;
	description: string;
	encrypted: boolean;
	kmsKeyId?: string;
	tags: Tag[];
	disk?: Disk;
	/** virtual ms when it completes; undefined: completed at once */
	readyAt?: number;
};

/** Adds a snapshot owned by the caller to ctx.region and returns its id. */
export const addSnapshot = (ctx: OpContext, spec: NewSnapshot): string => {
	const snapshotId = nextId(ctx.world, 'snap');
	const pending = spec.readyAt !== undefined && spec.readyAt > ctx.now;
	ctx.region.snapshots.set(snapshotId, {
		SnapshotId: snapshotId,
		VolumeId: spec.volumeId,
		State: pending ? 'pending' : 'completed',
		readyAt: pending ? spec.readyAt : undefined,
		StartTime: ctx.now,
		OwnerId: ctx.world.account,
		Description: spec.description,
		VolumeSize: spec.size,
		Encrypted: spec.encrypted,
		KmsKeyId: spec.encrypted ? spec.kmsKeyId : undefined,
		Tags: spec.tags.map(t => ({...t})),
		disk: clonePlain(spec.disk),
		billing: {billedMs: 0},
	});
	compact(ctx.region.snapshots.get(snapshotId)!);
	startBilling(ctx.region.snapshots.get(snapshotId)!.billing, ctx.now);
	if (pending) schedule(ctx.world, {at: spec.readyAt!, region: ctx.regionName, kind: 'snapshot', id: snapshotId});
	return snapshotId;
};

/** `1,566,308,778,174`: how CopyImage snapshot descriptions print the task time. */
export const groupedMs = (ms: number): string => String(Math.trunc(ms)).replaceAll(/\B(?=(\d{3})+(?!\d))/g, ',');

const uuidFrom = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

const regionSalt = (region: string): number => [...region].reduce((h, c) => Math.imul(h ^ c.codePointAt(0)!, 0x01_00_01_93) >>> 0, 0x81_1c_9d_c5);

/** The ARN of the AWS managed key `alias/aws/ebs` of this account in a Region (deterministic). */
export const defaultEbsKeyArn = (ctx: OpContext): string =>
	`arn:aws:kms:${ctx.regionName}:${ctx.world.account}:key/${uuidFrom(hexFor(ctx.world.seed ^ regionSalt(ctx.regionName), 1, 32))}`;

/** A KMS key as given (key id, alias or ARN), written as the ARN EC2 stores on snapshots. */
export const kmsKeyArn = (ctx: OpContext, keyId: string | undefined): string => {
	if (keyId === undefined || keyId === 'alias/aws/ebs') return defaultEbsKeyArn(ctx);
	if (keyId.startsWith('arn:')) return keyId;
	if (keyId.startsWith('alias/')) return `arn:aws:kms:${ctx.regionName}:${ctx.world.account}:${keyId}`;
	return `arn:aws:kms:${ctx.regionName}:${ctx.world.account}:key/${keyId}`;
};
