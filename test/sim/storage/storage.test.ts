import {describe, expect, it} from 'vitest';
import {advanceClock} from '../../../source/sim/core/engine.js';
import {charges} from '../../../source/sim/billing/pricing.js';
import {ACCOUNT, INSTANCE, REGION, VOLUME, addImageUsing, addVolume, harness, publicImage} from '../resources-fixture.js';
import {shellGuest} from '../../../source/shell/guest/boot.js';

const snapshotKeys = ['Description', 'Encrypted', 'OwnerId', 'Progress', 'SnapshotId', 'StartTime', 'State', 'StorageTier', 'VolumeId', 'VolumeSize'];

const withSnapshot = () => {
	const h = harness();
	h.mutate(w => addVolume(w));
	const created = h.ok('CreateSnapshot', {VolumeId: VOLUME, Description: 'nightly'})!;
	return {h, snapshotId: created.SnapshotId as string, created};
};

describe('CreateSnapshot', () => {
	it('returns the pending snapshot with an empty progress, as the CLI example shows', () => {
		const {created} = withSnapshot();
		expect(created.SnapshotId).toMatch(/^snap-0[\da-f]{16}$/);
		expect(created).toMatchObject({State: 'pending', Progress: '', VolumeId: VOLUME, VolumeSize: 8, Description: 'nightly', OwnerId: ACCOUNT, Encrypted: false, Tags: []});
		expect(created.StartTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
	});

	it('completes later and shows progress in between', () => {
		const {h, snapshotId} = withSnapshot();
		expect(h.ok('DescribeSnapshots', {SnapshotIds: [snapshotId]})!.Snapshots[0]).toMatchObject({State: 'pending', Progress: '0%'});
		h.world = advanceClock(h.world, 10_000, shellGuest);
		const mid = h.ok('DescribeSnapshots', {SnapshotIds: [snapshotId]})!.Snapshots[0];
		expect(mid.State).toBe('pending');
		expect(mid.Progress).toMatch(/^([1-9]|[1-9]\d)%$/);
		h.world = advanceClock(h.world, 60_000, shellGuest);
		expect(h.ok('DescribeSnapshots', {SnapshotIds: [snapshotId]})!.Snapshots[0]).toMatchObject({State: 'completed', Progress: '100%'});
	});

	it('tags the snapshot from --tag-specifications and refuses other resource types', () => {
		const h = harness();
		h.mutate(w => addVolume(w));
		const out = h.ok('CreateSnapshot', {VolumeId: VOLUME, TagSpecifications: [{ResourceType: 'snapshot', Tags: [{Key: 'Name', Value: 'db'}]}]})!;
		expect(out.Tags).toEqual([{Key: 'Name', Value: 'db'}]);
		expect(h.err('CreateSnapshot', {VolumeId: VOLUME, TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'a', Value: 'b'}]}]}).code).toBe('InvalidParameterValue');
	});

	it('answers NotFound and Malformed for the volume', () => {
		const h = harness();
		expect(h.err('CreateSnapshot', {VolumeId: 'vol-0123456789abcdef0'})).toEqual({code: 'InvalidVolume.NotFound', message: "The volume 'vol-0123456789abcdef0' does not exist."});
		expect(h.err('CreateSnapshot', {VolumeId: 'vol-xyz'}).code).toBe('InvalidVolumeID.Malformed');
	});
});

describe('DescribeSnapshots', () => {
	it('lists only this account\'s snapshots: the public AMIs\' snapshots are not public', () => {
		const h = harness();
		expect(h.ok('DescribeSnapshots')).toEqual({Snapshots: []});
		expect(h.ok('DescribeSnapshots', {OwnerIds: ['amazon']})).toEqual({Snapshots: []});
		const {snapshotId} = publicImage(h.world);
		expect(h.err('DescribeSnapshots', {SnapshotIds: [snapshotId]})).toEqual({code: 'InvalidSnapshot.NotFound', message: `The snapshot '${snapshotId}' does not exist.`});
	});

	it('prints the model members, Tags only when there are some', () => {
		const {h, snapshotId} = withSnapshot();
		const [snapshot] = h.ok('DescribeSnapshots', {OwnerIds: ['self']})!.Snapshots;
		expect(Object.keys(snapshot).sort()).toEqual(snapshotKeys);
		expect(snapshot.SnapshotId).toBe(snapshotId);
		h.ok('CreateTags', {Resources: [snapshotId], Tags: [{Key: 'Name', Value: 'nightly'}]});
		expect(h.ok('DescribeSnapshots', {OwnerIds: [ACCOUNT]})!.Snapshots[0].Tags).toEqual([{Key: 'Name', Value: 'nightly'}]);
	});

	it('filters by status, volume-id, volume-size, encrypted, description, tags and wildcards', () => {
		const {h, snapshotId} = withSnapshot();
		const ids = (filters: Array<{Name: string; Values: string[]}>) => h.ok('DescribeSnapshots', {Filters: filters})!.Snapshots.map((s: {SnapshotId: string}) => s.SnapshotId);
		expect(ids([{Name: 'status', Values: ['pending']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'status', Values: ['completed']}])).toEqual([]);
		expect(ids([{Name: 'volume-id', Values: [VOLUME]}])).toEqual([snapshotId]);
		expect(ids([{Name: 'volume-size', Values: ['8']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'encrypted', Values: ['false']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'description', Values: ['night*']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'owner-id', Values: [ACCOUNT]}, {Name: 'snapshot-id', Values: [snapshotId]}])).toEqual([snapshotId]);
		expect(ids([{Name: 'progress', Values: ['0%']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'start-time', Values: ['2026-09-01*']}])).toEqual([snapshotId]);
		expect(ids([{Name: 'tag:Name', Values: ['x']}])).toEqual([]);
		expect(h.err('DescribeSnapshots', {Filters: [{Name: 'colour', Values: ['red']}]})).toEqual({code: 'InvalidParameterValue', message: "The filter 'colour' is invalid"});
	});

	it('scopes by --restorable-by-user-ids: the owner may restore its own snapshots', () => {
		const {h, snapshotId} = withSnapshot();
		const ids = (users: string[]) => h.ok('DescribeSnapshots', {RestorableByUserIds: users})!.Snapshots.map((s: {SnapshotId: string}) => s.SnapshotId);
		expect(ids(['self'])).toEqual([snapshotId]);
		expect(ids([ACCOUNT])).toEqual([snapshotId]);
		expect(ids(['111122223333'])).toEqual([]);
	});

	it('rejects malformed ids', () => {
		const h = harness();
		expect(h.err('DescribeSnapshots', {SnapshotIds: ['snap-nothex']})).toEqual({code: 'InvalidSnapshotID.Malformed', message: 'Invalid id: "snap-nothex" (expecting "snap-...")'});
	});
});

describe('DeleteSnapshot', () => {
	it('deletes and prints nothing; a second delete is NotFound', () => {
		const {h, snapshotId} = withSnapshot();
		expect(h.ok('DeleteSnapshot', {SnapshotId: snapshotId})).toBeUndefined();
		expect(h.err('DeleteSnapshot', {SnapshotId: snapshotId})).toEqual({code: 'InvalidSnapshot.NotFound', message: `The snapshot '${snapshotId}' does not exist.`});
	});

	it('refuses while a registered AMI uses the snapshot, with the exact unquoted text', () => {
		const {h, snapshotId} = withSnapshot();
		h.mutate(w => addImageUsing(w, snapshotId));
		expect(h.err('DeleteSnapshot', {SnapshotId: snapshotId})).toEqual({code: 'InvalidSnapshot.InUse', message: `The snapshot ${snapshotId} is currently in use by ami-0aaaaaaaaaaaaaaa1`});
	});

	it('answers Malformed and the public AMI snapshot as NotFound', () => {
		const h = harness();
		expect(h.err('DeleteSnapshot', {SnapshotId: 'snap-1'}).code).toBe('InvalidSnapshotID.Malformed');
		const {snapshotId} = publicImage(h.world);
		expect(h.err('DeleteSnapshot', {SnapshotId: snapshotId}).code).toBe('InvalidSnapshot.NotFound');
		expect(h.err('DeleteSnapshot', {}).code).toBe('MissingParameter');
	});

	it('a DryRun changes nothing', () => {
		const {h, snapshotId} = withSnapshot();
		expect(h.err('DeleteSnapshot', {SnapshotId: snapshotId, DryRun: true})).toEqual({code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.'});
		expect(h.world.regions[REGION].snapshots.get(snapshotId)!).toBeDefined();
	});

	it('billing: a snapshot keeps costing after its AMI goes, and stops once deleted', () => {
		const {h, snapshotId} = withSnapshot();
		h.mutate(w => addImageUsing(w, snapshotId));
		const cost = () => charges(h.world).filter(c => c.resourceId === snapshotId);
		h.world = advanceClock(h.world, 3_600_000, shellGuest);
		h.mutate(w => {
			w.regions[REGION].images.delete('ami-0aaaaaaaaaaaaaaa1');
		});
		h.world = advanceClock(h.world, 3_600_000, shellGuest);
		const [live] = cost();
		expect(live.live).toBe(true);
		expect(live.hourly).toBeGreaterThan(0);
		expect(live.usd).toBeCloseTo(2 * live.hourly, 10);
		h.ok('DeleteSnapshot', {SnapshotId: snapshotId});
		const [closed] = cost();
		expect(closed.live).toBe(false);
		expect(closed.usd).toBeCloseTo(2 * live.hourly, 10);
		h.world = advanceClock(h.world, 3_600_000, shellGuest);
		expect(cost()[0].usd).toBeCloseTo(closed.usd, 10);
	});
});

describe('DescribeVolumes / DeleteVolume', () => {
	it('shows attachments and filters on them', () => {
		const h = harness();
		h.mutate(w => addVolume(w, {instanceId: INSTANCE}));
		h.mutate(w => addVolume(w, {id: 'vol-0aaaaaaaaaaaaaaa2', size: 20}));
		const all = h.ok('DescribeVolumes')!.Volumes;
		expect(all).toHaveLength(2);
		const attached = h.ok('DescribeVolumes', {Filters: [{Name: 'attachment.instance-id', Values: [INSTANCE]}]})!.Volumes;
		expect(attached).toHaveLength(1);
		expect(attached[0]).toMatchObject({VolumeId: VOLUME, State: 'in-use', Size: 8, VolumeType: 'gp3', SnapshotId: '', MultiAttachEnabled: false});
		expect(attached[0].Attachments).toEqual([
			{AttachTime: '2026-09-01T08:00:00+00:00', Device: '/dev/xvda', InstanceId: INSTANCE, State: 'attached', VolumeId: VOLUME, DeleteOnTermination: true},
		]);
		expect(attached[0].Tags).toBeUndefined();
		const free = h.ok('DescribeVolumes', {Filters: [{Name: 'status', Values: ['available']}, {Name: 'size', Values: ['20']}]})!.Volumes;
		expect(free.map((v: {VolumeId: string}) => v.VolumeId)).toEqual(['vol-0aaaaaaaaaaaaaaa2']);
		expect(free[0].Attachments).toEqual([]);
	});

	it('answers NotFound and Malformed', () => {
		const h = harness();
		expect(h.err('DescribeVolumes', {VolumeIds: ['vol-0123456789abcdef0']})).toEqual({code: 'InvalidVolume.NotFound', message: "The volume 'vol-0123456789abcdef0' does not exist."});
		expect(h.err('DescribeVolumes', {VolumeIds: ['volume-1']}).code).toBe('InvalidVolumeID.Malformed');
	});

	it('refuses to delete an attached volume, deletes a free one and closes its bill', () => {
		const h = harness();
		h.mutate(w => addVolume(w, {instanceId: INSTANCE}));
		expect(h.err('DeleteVolume', {VolumeId: VOLUME})).toEqual({code: 'VolumeInUse', message: `Volume ${VOLUME} is currently attached to ${INSTANCE}`});
		h.mutate(w => addVolume(w, {id: 'vol-0aaaaaaaaaaaaaaa2'}));
		h.world = advanceClock(h.world, 3_600_000, shellGuest);
		expect(h.ok('DeleteVolume', {VolumeId: 'vol-0aaaaaaaaaaaaaaa2'})).toBeUndefined();
		expect(h.err('DescribeVolumes', {VolumeIds: ['vol-0aaaaaaaaaaaaaaa2']}).code).toBe('InvalidVolume.NotFound');
		const bill = charges(h.world).find(c => c.resourceId === 'vol-0aaaaaaaaaaaaaaa2')!;
		expect(bill.live).toBe(false);
		expect(bill.usd).toBeCloseTo((8 * 0.08) / 730, 10);
	});
});
