import {describe, expect, it} from 'vitest';
import {advanceClock} from '../../../source/sim/core/engine.js';
import {charges} from '../../../source/sim/billing/pricing.js';
import {harness} from '../resources-fixture.js';
import {shellGuest} from '../../../source/shell/guest/boot.js';

// The AMI clean-up story end to end, through the image and instance operations:
// an AMI's snapshot cannot go while the AMI is registered, survives deregistration and keeps
// costing until deleted (curriculum F15).

describe('AMI snapshot lifecycle', () => {
	it('InUse while registered, deletable after deregister-image, billing until then', () => {
		const h = harness();
		const {ImageId} = h.ok('DescribeImages', {Owners: ['amazon'], Filters: [{Name: 'name', Values: ['al2023-ami-*-x86_64']}]})!.Images[0];
		const instanceId = h.ok('RunInstances', {ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceId as string;
		h.world = advanceClock(h.world, 60_000, shellGuest);
		const volumes = h.ok('DescribeVolumes', {Filters: [{Name: 'attachment.instance-id', Values: [instanceId]}]})!.Volumes;
		expect(volumes).toHaveLength(1);
		expect(volumes[0].Attachments[0]).toMatchObject({InstanceId: instanceId, State: 'attached'});
		const amiId = h.ok('CreateImage', {InstanceId: instanceId, Name: 'golden-v1'})!.ImageId as string;
		h.world = advanceClock(h.world, 120_000, shellGuest);
		const [snapshot] = h.ok('DescribeSnapshots', {OwnerIds: ['self']})!.Snapshots;
		expect(snapshot.Description).toContain(amiId);
		expect(h.err('DeleteSnapshot', {SnapshotId: snapshot.SnapshotId})).toEqual({code: 'InvalidSnapshot.InUse', message: `The snapshot ${snapshot.SnapshotId} is currently in use by ${amiId}`});
		h.ok('DeregisterImage', {ImageId: amiId});
		h.world = advanceClock(h.world, 3_600_000, shellGuest);
		const bill = () => charges(h.world).find(c => c.resourceId === snapshot.SnapshotId)!;
		expect(bill().live).toBe(true);
		expect(h.ok('DescribeSnapshots', {SnapshotIds: [snapshot.SnapshotId]})!.Snapshots).toHaveLength(1);
		expect(h.ok('DeleteSnapshot', {SnapshotId: snapshot.SnapshotId})).toBeUndefined();
		const closed = bill();
		expect(closed.live).toBe(false);
		expect(closed.usd).toBeGreaterThan(0);
		expect(h.ok('DescribeSnapshots', {OwnerIds: ['self']})).toEqual({Snapshots: []});
	});

	it('tags on a created AMI show in describe-tags as ResourceType image', () => {
		const h = harness();
		const {ImageId} = h.ok('DescribeImages', {Owners: ['amazon'], Filters: [{Name: 'name', Values: ['al2023-ami-*-x86_64']}]})!.Images[0];
		const instanceId = h.ok('RunInstances', {ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceId as string;
		h.world = advanceClock(h.world, 60_000, shellGuest);
		const amiId = h.ok('CreateImage', {InstanceId: instanceId, Name: 'golden-v2'})!.ImageId as string;
		h.ok('CreateTags', {Resources: [amiId], Tags: [{Key: 'Version', Value: '2'}]});
		expect(h.ok('DescribeTags', {Filters: [{Name: 'resource-id', Values: [amiId]}]})).toEqual({Tags: [{Key: 'Version', ResourceId: amiId, ResourceType: 'image', Value: '2'}]});
		h.ok('DeregisterImage', {ImageId: amiId});
		expect(h.err('CreateTags', {Resources: [amiId], Tags: [{Key: 'a', Value: 'b'}]}).code).toBe('InvalidAMIID.NotFound');
	});
});
