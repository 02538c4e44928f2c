import {describe, expect, it} from 'vitest';
import {session} from './harness.js';

// Nitro instance types (T3, M5, C5, …) need an AMI with ENA support. RegisterImage leaves
// EnaSupport off unless --ena-support is given, and launching such an AMI on t3.micro answers
// InvalidParameterCombination "Enhanced networking with the Elastic Network Adapter (ENA) is
// required for the 't3.micro' instance type. Ensure that you are using an AMI that is enabled for
// ENA." (real AWS text quoted in vantage-sh/ec2instances.info#409, rancher/os#2160). Xen-era types
// such as t2.micro still boot it.

const registerFromSnapshot = (s: ReturnType<typeof session>, extra: Record<string, unknown>): string => {
	const instanceId = s.launch().Instances[0].InstanceId as string;
	s.settle();
	const source = s.ok('CreateImage', {InstanceId: instanceId, Name: `source-${String(extra.Name)}`})!.ImageId as string;
	s.settle();
	const snapshotId = s.region().images.get(source)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
	if (s.region().snapshots.get(snapshotId)!.State !== 'completed') s.settle();
	return s.ok('RegisterImage', {Architecture: 'x86_64', VirtualizationType: 'hvm', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}], ...extra})!.ImageId as string;
};

describe('ENA support and instance types', () => {
	it('refuses an AMI without ENA on t3.micro, changing nothing, and runs it on t2.micro', () => {
		const s = session();
		const noEna = registerFromSnapshot(s, {Name: 'no-ena'});
		const before = s.region().instances.ids().length;
		expect(s.err('RunInstances', {ImageId: noEna, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})).toEqual({
			code: 'InvalidParameterCombination',
			message: 'Enhanced networking with the Elastic Network Adapter (ENA) is required for the \'t3.micro\' instance type. Ensure that you are using an AMI that is enabled for ENA.',
		});
		expect(s.region().instances.ids()).toHaveLength(before);
		expect(s.ok('RunInstances', {ImageId: noEna, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceType).toBe('t2.micro');
	});

	it('runs an AMI registered with ENA support on t3.micro and m5.large', () => {
		const s = session();
		const ena = registerFromSnapshot(s, {Name: 'with-ena', EnaSupport: true});
		expect(s.ok('RunInstances', {ImageId: ena, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0].EnaSupport).toBe(true);
		expect(s.ok('RunInstances', {ImageId: ena, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceType).toBe('m5.large');
	});
});
