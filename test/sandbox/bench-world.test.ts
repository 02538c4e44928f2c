// The big worlds of `npm run bench` (scripts/bench-world.ts): a sandbox file of the size asked
// for, which loadSandboxFile accepts and the model runs. Counted through the model's own
// answers, not its collections, so the test holds whatever the in-memory layout. No timing here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {execute, type Request} from '../../source/sim/core/engine.js';
import type {World} from '../../source/sim/core/types.js';
import {loadSandboxFile} from '../../source/sandbox/store.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {BENCH_REGION, benchWorld, makeTemplate} from '../../scripts/bench-world.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-world-'));
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

const template = makeTemplate();

const ask = (world: World, operation: string, params: Record<string, unknown>): any => {
	const {result} = execute(world, {operation, region: BENCH_REGION, params} as Request, shellGuest);
	if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
	return result.output;
};

describe('the bench world builder', () => {
	it.each([200, 1_000])('writes a sandbox file of about %i resources that loadSandboxFile loads and the model counts', total => {
		const built = benchWorld(template, total);
		const file = path.join(dir, `world-${total}.json`);
		fs.writeFileSync(file, built.text);
		const {world} = loadSandboxFile(file);

		expect(Math.abs(built.resources - total)).toBeLessThanOrEqual(4);
		const instances = ask(world, 'DescribeInstances', {}).Reservations.flatMap((r: any) => r.Instances);
		const volumes = ask(world, 'DescribeVolumes', {}).Volumes;
		const mine = ask(world, 'DescribeImages', {Owners: ['self']}).Images;
		const snapshots = ask(world, 'DescribeSnapshots', {OwnerIds: ['self']}).Snapshots;
		expect(instances).toHaveLength(built.counts.instances);
		expect(volumes).toHaveLength(built.counts.volumes);
		expect(mine).toHaveLength(built.quartets + 1); // the template's image and one per quartet
		expect(snapshots).toHaveLength(built.quartets + 1);
		expect(new Set(instances.map((i: any) => i.InstanceId)).size).toBe(built.counts.instances);
		expect(ask(world, 'DescribeKeyPairs', {}).KeyPairs).toHaveLength(3);
		expect(built.counts.securityGroups).toBe(3); // the default group and two made by the template
	});

	it('gives each quartet its own ids, linked as the model links them', () => {
		const built = benchWorld(template, 200);
		const file = path.join(dir, 'linked.json');
		fs.writeFileSync(file, built.text);
		const {world} = loadSandboxFile(file);
		const last = built.quartets - 1;

		const [instance] = ask(world, 'DescribeInstances', {InstanceIds: [built.instanceIds[last]]}).Reservations[0].Instances;
		expect(instance.Tags).toEqual([{Key: 'Name', Value: `pc-${built.quartets}`}]);
		const volumeId = instance.BlockDeviceMappings[0].Ebs.VolumeId;
		const [volume] = ask(world, 'DescribeVolumes', {VolumeIds: [volumeId]}).Volumes;
		expect(volume.Attachments[0].InstanceId).toBe(instance.InstanceId);

		const [image] = ask(world, 'DescribeImages', {ImageIds: [built.imageIds[last]]}).Images;
		expect(image.Name).toBe(`image-${built.quartets}`);
		expect(image.State).toBe('available');
		expect(image.BlockDeviceMappings[0].Ebs.SnapshotId).toBe(built.snapshotIds[last]);
		const [snapshot] = ask(world, 'DescribeSnapshots', {SnapshotIds: [built.snapshotIds[last]]}).Snapshots;
		expect(snapshot.VolumeId).toBe(volumeId);

		// what the bench's mix does to them succeeds
		const stopped = execute(world, {operation: 'StopInstances', region: BENCH_REGION, params: {InstanceIds: [instance.InstanceId]}}, shellGuest);
		expect(stopped.result.ok).toBe(true);
		const imaged = execute(world, {operation: 'CreateImage', region: BENCH_REGION, params: {InstanceId: instance.InstanceId, Name: 'again', NoReboot: true}}, shellGuest);
		expect(imaged.result.ok).toBe(true);
	});
});
