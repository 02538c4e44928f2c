import {describe, expect, it} from 'vitest';

import {charges} from '../../../source/sim/billing/pricing.js';
import {IMAGE_PENDING_MS} from '../../../source/sim/core/clock.js';
import {ACCOUNT, INSTANCE, REGION, after, commands, err, fresh, ok, rootVolumeOf, dataVolumeOf, withImage, withInstance} from './fixture.js';

const MALFORMED_NAME = 'AMI names must be between 3 and 128 characters long, and may contain letters, numbers, \'(\', \')\', \'.\', \'-\', \'/\' and \'_\'';

describe('CreateImage', () => {
	it('returns only the new ImageId, and the image is pending', () => {
		const {world, imageId} = withImage();
		expect(imageId).toMatch(/^ami-0[\da-f]{16}$/);
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image.State).toBe('pending');
		expect(image.OwnerId).toBe(ACCOUNT);
		expect(image.ImageLocation).toBe(`${ACCOUNT}/web-v1`);
		expect(image.SourceInstanceId).toBe(INSTANCE);
		expect(image.RootDeviceType).toBe('ebs');
		expect(image.LaunchPermissions).toEqual([]);
		const r = ok(withInstance(fresh()), 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'});
		expect(Object.keys(r.output)).toEqual(['ImageId']);
	});

	it('takes platform, architecture, boot mode and IMDS support from the instance and its AMI', () => {
		const {world, imageId} = withImage();
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image).toMatchObject({PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances', Architecture: 'x86_64', RootDeviceName: '/dev/xvda', BootMode: 'uefi-preferred', ImdsSupport: 'v2.0', VirtualizationType: 'hvm', EnaSupport: true});
		const windows = withImage({imageName: 'Windows_Server-2025-English-Full-Base-2026.08.13'});
		expect(windows.world.regions[REGION].images.get(windows.imageId)!).toMatchObject({Platform: 'windows', PlatformDetails: 'Windows', UsageOperation: 'RunInstances:0002', RootDeviceName: '/dev/sda1'});
	});

	it('stays pending for minutes, not a few commands, then becomes available with its snapshots', () => {
		const {world, imageId} = withImage();
		const snapshotId = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		expect(world.regions[REGION].snapshots.get(snapshotId)!.State).toBe('pending');
		// ten commands later (a learner who forgot to wait) it is still pending, and cannot be launched
		const tenCommands = commands(world, 10);
		expect(tenCommands.regions[REGION].images.get(imageId)!.State).toBe('pending');
		expect(err(tenCommands, 'RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})).toEqual({code: 'InvalidAMIID.Unavailable', message: `AMI '${imageId}' is pending, and cannot be run`});
		expect(after(world, IMAGE_PENDING_MS - 1).regions[REGION].images.get(imageId)!.State).toBe('pending');
		const ready = after(world, IMAGE_PENDING_MS);
		expect(ready.regions[REGION].images.get(imageId)!.State).toBe('available');
		expect(ready.regions[REGION].snapshots.get(snapshotId)!.State).toBe('completed');
		expect(IMAGE_PENDING_MS).toBeGreaterThanOrEqual(3 * 60_000);
	});

	it('makes one billed snapshot per EBS volume, carrying the volume disk', () => {
		const {world, imageId} = withImage({dataVolume: true});
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image.BlockDeviceMappings.map(m => m.DeviceName)).toEqual(['/dev/xvda', '/dev/sdf']);
		const [root, data] = image.BlockDeviceMappings.map(m => world.regions[REGION].snapshots.get(m.Ebs!.SnapshotId!)!);
		expect(root.Description).toBe(`Created by CreateImage(${INSTANCE}) for ${imageId}`);
		expect(root.VolumeId).toBe(rootVolumeOf(INSTANCE));
		expect(root.VolumeSize).toBe(8);
		expect(root.OwnerId).toBe(ACCOUNT);
		expect(root.disk?.packages).toContain('httpd');
		expect(data.VolumeId).toBe(dataVolumeOf(INSTANCE));
		expect(data.VolumeSize).toBe(20);
		expect(data.disk?.files['/data/grades.csv']).toBe('a,b\n');
		expect(root.billing.since).toBe(world.clock);
		expect(image.BlockDeviceMappings[0].Ebs).toEqual({DeleteOnTermination: true, Iops: 3000, SnapshotId: root.SnapshotId, VolumeSize: 8, VolumeType: 'gp3', Throughput: 125, Encrypted: false});
		expect(image.BlockDeviceMappings[1].Ebs!.DeleteOnTermination).toBe(false);
		const later = commands(world, 100);
		const snapshotCharges = charges(later).filter(c => c.kind === 'snapshot' && c.live);
		expect(snapshotCharges.map(c => c.resourceId).sort()).toEqual([root.SnapshotId, data.SnapshotId].sort());
		expect(snapshotCharges.every(c => c.usd > 0)).toBe(true);
	});

	it('the snapshot keeps the disk as it was: later changes to the volume do not reach the image', () => {
		const {world, imageId} = withImage();
		const snapshotId = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		const volume = world.regions[REGION].volumes.get(rootVolumeOf(INSTANCE))!;
		expect(world.regions[REGION].snapshots.get(snapshotId)!.disk).not.toBe(volume.disk);
		expect(world.regions[REGION].snapshots.get(snapshotId)!.disk).toEqual(volume.disk);
	});

	it('records whether the snapshots are consistent', () => {
		const rebooted = withImage();
		expect(rebooted.world.regions[REGION].images.get(rebooted.imageId)!).toMatchObject({rebooted: true, consistentSnapshot: true, sourceInstanceState: 'running'});
		const noReboot = withImage({params: {NoReboot: true}});
		expect(noReboot.world.regions[REGION].images.get(noReboot.imageId)!).toMatchObject({rebooted: false, consistentSnapshot: false});
		const stopped = withImage({state: 'stopped', params: {NoReboot: true}});
		expect(stopped.world.regions[REGION].images.get(stopped.imageId)!).toMatchObject({rebooted: false, consistentSnapshot: true, sourceInstanceState: 'stopped'});
	});

	it('leaves the instance as it was', () => {
		const world = withInstance(fresh());
		const r = ok(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'});
		expect(r.world.regions[REGION].instances.get(INSTANCE)!).toEqual(world.regions[REGION].instances.get(INSTANCE)!);
	});

	it('applies image and snapshot tag specifications', () => {
		const {world, imageId} = withImage({params: {Description: 'My server', TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'cost-center', Value: 'cc123'}]}, {ResourceType: 'snapshot', Tags: [{Key: 'cost-center', Value: 'cc456'}]}]}});
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image.Tags).toEqual([{Key: 'cost-center', Value: 'cc123'}]);
		expect(image.Description).toBe('My server');
		expect(world.regions[REGION].snapshots.get(image.BlockDeviceMappings[0].Ebs!.SnapshotId!)!.Tags).toEqual([{Key: 'cost-center', Value: 'cc456'}]);
	});

	it('block device mappings: add an empty volume, drop a volume, change DeleteOnTermination', () => {
		const {world, imageId} = withImage({
			dataVolume: true,
			params: {BlockDeviceMappings: [{DeviceName: '/dev/sdh', Ebs: {VolumeSize: 100}}, {DeviceName: '/dev/sdf', NoDevice: ''}, {DeviceName: '/dev/xvda', Ebs: {DeleteOnTermination: false}}]},
		});
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image.BlockDeviceMappings.map(m => m.DeviceName)).toEqual(['/dev/xvda', '/dev/sdh']);
		expect(image.BlockDeviceMappings[0].Ebs!.DeleteOnTermination).toBe(false);
		expect(image.BlockDeviceMappings[1].Ebs).toMatchObject({VolumeSize: 100, DeleteOnTermination: true});
		expect(image.BlockDeviceMappings[1].Ebs!.SnapshotId).toBeUndefined();
		expect(world.regions[REGION].snapshots.values().filter(s => s.OwnerId === ACCOUNT)).toHaveLength(1);
	});

	it('refuses to resize an existing volume, and needs a size or snapshot for a new one', () => {
		const world = withInstance(fresh());
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {VolumeSize: 30}}]}).code).toBe('InvalidBlockDeviceMapping');
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1', BlockDeviceMappings: [{DeviceName: '/dev/sdh', Ebs: {VolumeType: 'gp3'}}]})).toEqual({
			code: 'InvalidBlockDeviceMapping',
			message: 'Either snapshot ID or volume size must be provided for: /dev/sdh',
		});
		ok(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {VolumeSize: 8}}]});
	});

	it('errors: unknown and malformed instance ids', () => {
		const world = withInstance(fresh());
		expect(err(world, 'CreateImage', {InstanceId: 'i-0123456789abcdef0', Name: 'web-v1'})).toEqual({code: 'InvalidInstanceID.NotFound', message: 'The instance ID \'i-0123456789abcdef0\' does not exist'});
		expect(err(world, 'CreateImage', {InstanceId: 'xyz', Name: 'web-v1'})).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "xyz"'});
		expect(err(world, 'CreateImage', {InstanceId: 'i-0224e66eafc2asdfs', Name: 'web-v1'})).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-0224e66eafc2asdfs"'});
	});

	it('errors: the instance is in another Region', () => {
		const world = withInstance(fresh());
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'}, 'eu-west-1').code).toBe('InvalidInstanceID.NotFound');
	});

	it.each(['terminated', 'shutting-down', 'pending'] as const)('errors: a %s instance', state => {
		const world = withInstance(fresh(), {state});
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'})).toEqual({
			code: 'InvalidParameterValue',
			message: `Invalid value '${INSTANCE}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`,
		});
	});

	it.each(['stopping', 'stopped'] as const)('works from a %s instance', state => {
		ok(withInstance(fresh(), {state}), 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'});
	});

	it.each(['ab', 'x'.repeat(129), 'web#1', 'café-1', ''])('errors: bad name %j', name => {
		const world = withInstance(fresh());
		const error = err(world, 'CreateImage', {InstanceId: INSTANCE, Name: name});
		expect(error.code).toBe(name === '' ? 'MissingParameter' : 'InvalidAMIName.Malformed');
		if (name !== '') expect(error.message).toBe(MALFORMED_NAME);
	});

	it.each(['My server (v1.2) [test]', 'abc', "team's/web_@1", 'x'.repeat(128)])('accepts the name %j', name => {
		ok(withInstance(fresh()), 'CreateImage', {InstanceId: INSTANCE, Name: name});
	});

	it('errors: a name already used by one of our images in the Region (pending or available)', () => {
		const {world, imageId} = withImage();
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'})).toEqual({code: 'InvalidAMIName.Duplicate', message: `AMI name web-v1 is already in use by AMI ${imageId}`});
		// another owner's name does not count, and the name is free again after deregistering
		ok(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64'});
		const gone = ok(world, 'DeregisterImage', {ImageId: imageId}).world;
		ok(gone, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'});
	});

	it('errors: tag specifications for other resource types', () => {
		const world = withInstance(fresh());
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1', TagSpecifications: [{ResourceType: 'instance', Tags: [{Key: 'a', Value: 'b'}]}]})).toEqual({
			code: 'InvalidParameterValue',
			message: '\'instance\' is not a valid taggable resource type for this operation.',
		});
	});

	it('errors: an instance without an EBS root volume', () => {
		const world = withInstance(fresh(), {rootType: 'instance-store'});
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1'})).toEqual({
			code: 'InvalidParameterValue',
			message: `Invalid value '${INSTANCE}' for instanceId. Instance does not have a volume attached at root (/dev/xvda)`,
		});
	});

	it('DryRun answers DryRunOperation and changes nothing; errors win over DryRun', () => {
		const world = withInstance(fresh());
		expect(err(world, 'CreateImage', {InstanceId: INSTANCE, Name: 'web-v1', DryRun: true})).toEqual({code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.'});
		expect(err(world, 'CreateImage', {InstanceId: 'i-0123456789abcdef0', Name: 'web-v1', DryRun: true}).code).toBe('InvalidInstanceID.NotFound');
	});

	it('marketplace product codes and prices carry over from the instance', () => {
		const {world, imageId} = withImage({productCode: true});
		const image = world.regions[REGION].images.get(imageId)!;
		expect(image.ProductCodes).toEqual([{ProductCodeId: 'abc123', ProductCodeType: 'marketplace'}]);
		expect(image.softwarePricePerHour).toBe(0.12);
	});
});
