// Big worlds for `npm run bench`, made the way a player's world reaches the game: as a sandbox
// file (source/sandbox/store.ts) loaded by loadSandboxFile. The bench never writes into the
// model's collections itself, so it keeps working whatever the in-memory layout of a world is;
// only the file's form (`{format, revision, world}`, each collection a Record by id) is relied on.
//
// A small real world is made through the model (an instance launched and booted, an image taken of
// it, a few key pairs and security groups), saved with saveSandbox, and its records are cloned
// into a big JSON document: `quartets` times an instance with its root volume and an image with
// its root snapshot, each with its own ids and references, in us-east-1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {advanceClock, execute, type Request} from '../source/sim/core/engine.js';
import {freshWorld} from '../source/sim/core/fresh-world.js';
import type {World} from '../source/sim/core/types.js';
import {saveSandbox} from '../source/sandbox/store.js';
import {shellGuest} from '../source/shell/guest/boot.js';

export const BENCH_REGION = 'us-east-1';
const COUNTED = ['instances', 'volumes', 'images', 'snapshots'] as const;

type Json = Record<string, any>;
type Doc = {format: string; revision: number; world: Json};

/** The records one bulk quartet is cloned from, and the sandbox document they came from. */
export type Template = {doc: Doc; instance: Json; volume: Json; image: Json; snapshot: Json};

/**
 * Fields the bulk instances leave out: optional ones that saves of older versions lack (types.ts:
 * "absent on older saves"), so the model must run without them. Left out, with the disk contents
 * of the bulk volumes and snapshots (shown by no describe), so that a 100,000-resource world fits
 * in a sandbox file (SANDBOX_MAX_BYTES); records as the game makes them would not (bench-model.ts
 * prints both sizes).
 */
const LEAN_INSTANCE_FIELDS = ['ClientToken', 'networkInterfaceId', 'networkAttachmentId', 'macAddress', 'InstanceInitiatedShutdownBehavior', 'MetadataOptions', 'EnaSupport', 'SriovNetSupport', 'EbsOptimized', 'SourceDestCheck', 'BootMode', 'VirtualizationType', 'booted'];

const without = (record: Json, fields: readonly string[]): Json => {
	const copy = {...record};
	for (const field of fields) delete copy[field];
	return copy;
};

/** The small real world the bulk records are cloned from (made through the model). */
export const makeTemplate = (): Template => {
	let world: World = freshWorld();
	const run = (request: Omit<Request, 'region'>): any => {
		const {world: next, result} = execute(world, {...request, region: BENCH_REGION}, shellGuest);
		if (!result.ok) throw new Error(`${request.operation}: ${result.error.code} ${result.error.message}`);
		world = next;
		return result.output;
	};

	const al2023 = run({operation: 'DescribeImages', params: {Owners: ['amazon'], Filters: [{Name: 'name', Values: ['al2023-ami-2023.9*']}, {Name: 'architecture', Values: ['x86_64']}]}}).Images[0];
	const instanceId: string = run({operation: 'RunInstances', params: {ImageId: al2023.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}}).Instances[0].InstanceId;
	world = advanceClock(world, 60_000, shellGuest); // it boots
	const imageId: string = run({operation: 'CreateImage', params: {InstanceId: instanceId, Name: 'template'}}).ImageId;
	world = advanceClock(world, 10 * 60_000, shellGuest); // the image becomes available
	for (const name of ['lab-key', 'teacher-key', 'backup-key']) run({operation: 'CreateKeyPair', params: {KeyName: name}});
	for (const name of ['web', 'ssh-only']) run({operation: 'CreateSecurityGroup', params: {GroupName: name, Description: `bench ${name}`}});

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-template-'));
	try {
		const file = path.join(dir, 'sandbox.json');
		saveSandbox(file, world);
		const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Doc;
		const region = doc.world.regions[BENCH_REGION];
		const instance = region.instances[instanceId];
		const volume = region.volumes[instance.volumes[0].VolumeId];
		const image = region.images[imageId];
		const snapshot = region.snapshots[image.BlockDeviceMappings[0].Ebs.SnapshotId];
		if (!instance || !volume || !image || !snapshot || image.State !== 'available' || instance.State !== 'running') throw new Error('bench template: the small world is not as expected');
		return {doc, instance, volume, image, snapshot};
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
};

const hex = (n: number) => n.toString(16).padStart(17, '0');

/** The bulk quartet number `i` (1-based): ids, references between them and a Name tag of their own. */
export const quartet = (template: Template, i: number) => {
	const {instance, volume, image, snapshot} = template;
	const instanceId = `i-${hex(0x1_00_00_00 + i)}`;
	const volumeId = `vol-${hex(0x1_00_00_00 + i)}`;
	const imageId = `ami-${hex(0x2_00_00_00 + i)}`;
	const snapshotId = `snap-${hex(0x2_00_00_00 + i)}`;
	const octets = `${(i >> 8) & 255}.${i & 255}`;
	return {
		instance: {
			...without(instance, LEAN_INSTANCE_FIELDS),
			InstanceId: instanceId,
			ReservationId: `r-${hex(0x1_00_00_00 + i)}`,
			volumes: [{...instance.volumes[0], VolumeId: volumeId}],
			PrivateIpAddress: `172.31.${octets}`,
			PublicIpAddress: `34.${(i >> 16) & 255}.${octets}`,
			Tags: [{Key: 'Name', Value: `pc-${i}`}],
		},
		volume: {...without(volume, ['disk']), VolumeId: volumeId, Attachment: {...volume.Attachment, InstanceId: instanceId}},
		image: {
			...image,
			ImageId: imageId,
			Name: `image-${i}`,
			ImageLocation: `${image.OwnerId}/image-${i}`,
			SourceInstanceId: instanceId,
			BlockDeviceMappings: [{...image.BlockDeviceMappings[0], Ebs: {...image.BlockDeviceMappings[0].Ebs, SnapshotId: snapshotId}}],
		},
		snapshot: {...without(snapshot, ['disk']), SnapshotId: snapshotId, VolumeId: volumeId, Description: `Created by CreateImage(${instanceId}) for ${imageId}`},
	};
};

/** Bytes a quartet would take in the file on top of the bench's, with its records as the game makes them. */
export const leftOutBytes = (template: Template): number => {
	const q = quartet(template, 1);
	const full = {instance: {...template.instance, ...q.instance}, volume: {...q.volume, disk: template.volume.disk}, image: q.image, snapshot: {...q.snapshot, disk: template.snapshot.disk}};
	return JSON.stringify(full).length - JSON.stringify(q).length;
};

export type BenchWorld = {
	/** the sandbox document's JSON text */
	text: string;
	/** what the us-east-1 collections hold */
	counts: Record<(typeof COUNTED)[number] | 'keyPairs' | 'securityGroups', number>;
	/** instances + volumes + images + snapshots */
	resources: number;
	/** bulk instance + volume + image + snapshot groups added to the small world */
	quartets: number;
	instanceIds: string[];
	imageIds: string[];
	snapshotIds: string[];
};

/** A sandbox document with about `total` resources (instances, volumes, images, snapshots) in us-east-1. */
export const benchWorld = (template: Template, total: number): BenchWorld => {
	const doc = structuredClone(template.doc);
	const region = doc.world.regions[BENCH_REGION];
	const existing = COUNTED.reduce((n, field) => n + Object.keys(region[field]).length, 0);
	const quartets = Math.max(1, Math.round((total - existing) / 4));
	const instanceIds: string[] = [];
	const imageIds: string[] = [];
	const snapshotIds: string[] = [];
	for (let i = 1; i <= quartets; i++) {
		const q = quartet(template, i);
		region.instances[q.instance.InstanceId] = q.instance;
		region.volumes[q.volume.VolumeId] = q.volume;
		region.images[q.image.ImageId] = q.image;
		region.snapshots[q.snapshot.SnapshotId] = q.snapshot;
		instanceIds.push(q.instance.InstanceId);
		imageIds.push(q.image.ImageId);
		snapshotIds.push(q.snapshot.SnapshotId);
	}

	const count = (field: keyof BenchWorld['counts']) => Object.keys(region[field]).length;
	const counts = {instances: count('instances'), volumes: count('volumes'), images: count('images'), snapshots: count('snapshots'), keyPairs: count('keyPairs'), securityGroups: count('securityGroups')};
	return {text: JSON.stringify(doc), counts, resources: COUNTED.reduce((n, field) => n + counts[field], 0), quartets, instanceIds, imageIds, snapshotIds};
};
