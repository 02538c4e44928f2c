import {describe, expect, it, vi} from 'vitest';
import {IMAGE_INDEXES} from '../../source/sim/images/filters.js';
import {advanceClock} from '../../source/sim/core/engine.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import type {World} from '../../source/sim/core/types.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {ok, run} from './harness.js';

// Describes with an exact filter value are answered through the model's indexes; the same
// describe without the filter scans everything. Both must agree after every kind of change, in
// every version of the world (an older version asked again, as after an undo, answers for itself).

const al2023 = (world: World) => world.regions['us-east-1'].images.values().find(image => image.Name.startsWith('al2023-ami-2023.9') && image.Architecture === 'x86_64')!.ImageId;
const ids = (output: Record<string, any>) => (output.Reservations ?? []).flatMap((r: any) => r.Instances.map((i: any) => i.InstanceId)) as string[];

type Probe = {operation: string; filters: Array<{Name: string; Values: string[]}>; list: (output: Record<string, any>) => string[]; keep: (item: any) => boolean; params?: Record<string, unknown>};

const probes = (world: World): Probe[] => {
	const images = (o: Record<string, any>) => (o.Images ?? []).map((i: any) => i.ImageId) as string[];
	const snapshots = (o: Record<string, any>) => (o.Snapshots ?? []).map((s: any) => s.SnapshotId) as string[];
	const instance = (w: World, id: string) => w.regions['us-east-1'].instances.get(id)!;
	return [
		{operation: 'DescribeInstances', filters: [{Name: 'tag:Name', Values: ['lab-2', 'lab-4']}], list: ids, keep: (i: any) => i.Tags?.some((t: any) => t.Key === 'Name' && ['lab-2', 'lab-4'].includes(t.Value))},
		{operation: 'DescribeInstances', filters: [{Name: 'instance-state-name', Values: ['stopped']}], list: ids, keep: (i: any) => i.State.Name === 'stopped'},
		{operation: 'DescribeInstances', filters: [{Name: 'instance-type', Values: ['t3.small']}], list: ids, keep: (i: any) => i.InstanceType === 't3.small'},
		{operation: 'DescribeImages', params: {Owners: ['self']}, filters: [{Name: 'name', Values: ['gold-1', 'gold-3']}], list: images, keep: (i: any) => ['gold-1', 'gold-3'].includes(i.Name)},
		{operation: 'DescribeImages', params: {Owners: ['self']}, filters: [], list: images, keep: () => true},
		{operation: 'DescribeImages', params: {Owners: ['self']}, filters: [{Name: 'tag:Term', Values: ['autumn']}], list: images, keep: (i: any) => i.Tags?.some((t: any) => t.Key === 'Term' && t.Value === 'autumn')},
		{operation: 'DescribeSnapshots', params: {OwnerIds: ['self']}, filters: [{Name: 'volume-id', Values: world.regions['us-east-1'].instances.values().flatMap(i => i.volumes.map(v => v.VolumeId)).slice(0, 2)}], list: snapshots, keep: (s: any) => world.regions['us-east-1'].instances.values().flatMap(i => i.volumes.map(v => v.VolumeId)).slice(0, 2).includes(s.VolumeId)},
	].map(probe => ({...probe, instance}));
};

/** The probe's answer through the index, and by scanning everything and filtering here. */
const answers = (world: World, probe: Probe) => {
	const indexed = ok(world, probe.operation, {...probe.params, Filters: probe.filters}).output;
	const all = ok(world, probe.operation, probe.params ?? {}).output;
	const items = probe.operation === 'DescribeInstances' ? all.Reservations.flatMap((r: any) => r.Instances) : (all.Images ?? all.Snapshots);
	const scanned = items.filter(probe.keep).map((item: any) => item.InstanceId ?? item.ImageId ?? item.SnapshotId);
	return {indexed: probe.list(indexed), scanned};
};

describe('indexes', () => {
	it('answer exact-value filters as a scan does, after launches, tags, stops, images, deregisters and terminations, in every version', () => {
		let world = freshWorld();
		const versions: World[] = [];
		const check = () => {
			for (const probe of probes(world)) {
				const {indexed, scanned} = answers(world, probe);
				expect(indexed, `${probe.operation} ${JSON.stringify(probe.filters)}`).toEqual(scanned);
			}

			versions.push(world);
		};

		let r = ok(world, 'RunInstances', {ImageId: al2023(world), InstanceType: 't3.micro', MinCount: 5, MaxCount: 5});
		world = advanceClock(r.world, 60_000, shellGuest);
		const launched: string[] = r.output.Instances.map((i: any) => i.InstanceId);
		check();
		for (const [n, id] of launched.entries()) world = ok(world, 'CreateTags', {Resources: [id], Tags: [{Key: 'Name', Value: `lab-${n}`}]}).world;
		check();
		world = advanceClock(ok(world, 'StopInstances', {InstanceIds: [launched[1], launched[2]]}).world, 60_000, shellGuest);
		check();
		world = ok(world, 'ModifyInstanceAttribute', {InstanceId: launched[2], InstanceType: {Value: 't3.small'}}).world;
		world = ok(world, 'CreateTags', {Resources: [launched[2]], Tags: [{Key: 'Name', Value: 'lab-4'}]}).world;
		check();
		const images: string[] = [];
		for (let n = 0; n < 4; n++) {
			r = ok(world, 'CreateImage', {InstanceId: launched[n % 2 === 0 ? 0 : 1], Name: `gold-${n}`, NoReboot: true});
			images.push(r.output.ImageId);
			world = r.world;
		}

		world = advanceClock(world, 10 * 60_000, shellGuest);
		world = ok(world, 'CreateTags', {Resources: [images[1], images[3]], Tags: [{Key: 'Term', Value: 'autumn'}]}).world;
		check();
		world = ok(world, 'DeregisterImage', {ImageId: images[1]}).world;
		world = ok(world, 'DeleteTags', {Resources: [images[3]], Tags: [{Key: 'Term'}]}).world;
		check();
		// a name freed by deregistering is free again; a name in use is refused through the index
		expect(run(world, 'CreateImage', {InstanceId: launched[0], Name: 'gold-3', NoReboot: true}).result).toMatchObject({ok: false, error: {code: 'InvalidAMIName.Duplicate'}});
		world = ok(world, 'CreateImage', {InstanceId: launched[0], Name: 'gold-1', NoReboot: true}).world;
		world = advanceClock(ok(world, 'TerminateInstances', {InstanceIds: [launched[4], launched[3]]}).world, 60_000, shellGuest);
		check();
		// older versions, asked again after the newer ones were indexed, answer for themselves
		for (const old of versions.slice(0, -1).reverse()) {
			world = old;
			for (const probe of probes(world)) {
				const {indexed, scanned} = answers(world, probe);
				expect(indexed).toEqual(scanned);
			}
		}
	});

	it('are built at first use and kept: a second filtered describe reads no image to answer', () => {
		const world = freshWorld();
		const count = world.regions['us-east-1'].images.size;
		const spy = vi.spyOn(IMAGE_INDEXES.name, 'keysOf');
		const filters = (name: string) => ({Filters: [{Name: 'name', Values: [name]}]});
		ok(world, 'DescribeImages', filters('nothing-by-this-name'));
		expect(spy.mock.calls.length).toBe(count);
		spy.mockClear();
		ok(world, 'DescribeImages', filters('nor-by-this-one'));
		expect(spy).not.toHaveBeenCalled();
		spy.mockRestore();
	});
});
