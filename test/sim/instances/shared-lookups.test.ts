import {describe, expect, it} from 'vitest';
import {TERMINATED_VISIBLE_MS} from '../../../source/sim/instances/lookup.js';
import {runningInstance, session} from './harness.js';

// Operations of different areas find instances, snapshots and security groups through the
// same lookups, so they agree on what exists and on EC2's error texts.

describe('shared lookups across operations', () => {
	it('create-image: an instance terminated over an hour ago is NotFound, as in describe-instances', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('TerminateInstances', {InstanceIds: [id]});
		s.settle();
		expect(s.instance(id).State).toBe('terminated');
		expect(s.err('CreateImage', {InstanceId: id, Name: 'late-image'})).toEqual({
			code: 'InvalidParameterValue',
			message: `Invalid value '${id}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`,
		});
		s.advance(TERMINATED_VISIBLE_MS);
		expect(s.ok('DescribeInstances', {})!.Reservations).toEqual([]);
		expect(s.err('CreateImage', {InstanceId: id, Name: 'late-image'})).toEqual({code: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist`});
		expect(s.err('CreateImage', {InstanceId: 'i-nope', Name: 'late-image'})).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-nope"'});
	});

	it('run-instances and create-image say the same thing about a volume smaller than its snapshot', () => {
		const s = session();
		const id = runningInstance(s);
		const imageId = s.ok('CreateImage', {InstanceId: id, Name: 'base'})!.ImageId as string;
		s.settle();
		const snapshotId = s.region().images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		const size = s.region().snapshots.get(snapshotId)!.VolumeSize;
		const expected = {code: 'InvalidBlockDeviceMapping', message: `Volume of size 1GB is smaller than snapshot '${snapshotId}', expect size >= ${size}GB`};
		const extra = [{DeviceName: '/dev/sdf', Ebs: {SnapshotId: snapshotId, VolumeSize: 1}}];
		expect(s.err('RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, BlockDeviceMappings: extra})).toEqual(expected);
		expect(s.err('CreateImage', {InstanceId: id, Name: 'with-extra', BlockDeviceMappings: extra})).toEqual(expected);
	});

	it("run-instances: a mapping naming another owner's snapshot is NotFound (the public AMIs' snapshots are not public)", () => {
		const s = session();
		const publicImage = s.region().images.get(s.imageId('al2023-x86'))!;
		const amazonSnapshot = publicImage.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		expect(s.region().snapshots.get(amazonSnapshot)!?.OwnerId).not.toBe(s.world.account);
		const extra = [{DeviceName: '/dev/sdf', Ebs: {SnapshotId: amazonSnapshot}}];
		expect(s.err('RunInstances', {ImageId: publicImage.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, BlockDeviceMappings: extra})).toEqual({
			code: 'InvalidSnapshot.NotFound',
			message: `The snapshot '${amazonSnapshot}' does not exist.`,
		});
	});

	it('security group ids: run-instances and modify-instance-attribute give the same errors', () => {
		const s = session();
		const id = runningInstance(s);
		for (const [ids, error] of [
			[[''], {code: 'InvalidParameterValue', message: 'Value () for parameter groupId is invalid. The value cannot be empty'}],
			[['sg-xyz'], {code: 'InvalidGroupId.Malformed', message: 'Invalid id: "sg-xyz" (expecting "sg-...")'}],
			[['sg-0123456789abcdef0'], {code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"}],
		] as const) {
			expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SecurityGroupIds: [...ids]})).toEqual(error);
			expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Groups: [...ids]})).toEqual(error);
		}
	});
});
