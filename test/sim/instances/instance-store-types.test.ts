import {describe, expect, it} from 'vitest';
import {session} from './harness.js';

// Only previous-generation families (C1, C3, D2, I2, M1, M2, M3, R3, X1) boot from an
// instance-store root (EC2 User Guide, "Create an instance store-backed AMI"). Any other type
// answers UnsupportedOperation: "AMI 'ami-…' with an instance-store root device is not
// supported for the instance type 't1.micro'." (real AWS text quoted in fog#22, tlp-cluster#150).

const registerBundle = (s: ReturnType<typeof session>): string =>
	s.ok('RegisterImage', {Name: 'legacy-bundle', ImageLocation: 'school-bundles/lab/image.manifest.xml', Architecture: 'x86_64', VirtualizationType: 'hvm'})!.ImageId as string;

describe('instance-store AMIs and instance types', () => {
	it('refuses a current-generation type, changing nothing', () => {
		const s = session();
		const imageId = registerBundle(s);
		expect(s.err('RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})).toEqual({
			code: 'UnsupportedOperation',
			message: `AMI '${imageId}' with an instance-store root device is not supported for the instance type 't3.micro'.`,
		});
		expect(s.region().instances.ids()).toHaveLength(0);
	});

	it('launches on m3.medium and c3.large, instance-store capable families, and EBS-backed AMIs still launch on any type', () => {
		const s = session();
		const imageId = registerBundle(s);
		const out = s.ok('RunInstances', {ImageId: imageId, InstanceType: 'm3.medium', MinCount: 1, MaxCount: 1})!;
		expect(out.Instances[0].RootDeviceType).toBe('instance-store');
		expect(s.ok('RunInstances', {ImageId: imageId, InstanceType: 'c3.large', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceType).toBe('c3.large');
		expect(s.launch({InstanceType: 't3.micro'}).Instances[0].RootDeviceType).toBe('ebs');
	});
});

// Current instance types run only HVM AMIs. A paravirtual AMI (RegisterImage's default) on one
// answers InvalidParameterCombination "Virtualization type 'hvm' is required for instances of
// type 't2.micro'." (real AWS text quoted in BD2KGenomics/cgcloud#10 and boto/boto#2212).
describe('paravirtual AMIs and instance types', () => {
	const registerFromSnapshot = (s: ReturnType<typeof session>, extra: Record<string, unknown>): string => {
		const instanceId = s.launch().Instances[0].InstanceId as string;
		s.settle();
		const source = s.ok('CreateImage', {InstanceId: instanceId, Name: `source-${String(extra.VirtualizationType)}`})!.ImageId as string;
		s.settle();
		const snapshotId = s.region().images.get(source)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		if (s.region().snapshots.get(snapshotId)!.State !== 'completed') s.settle();
		return s.ok('RegisterImage', {Name: `from-snap-${String(extra.VirtualizationType)}`, Architecture: 'x86_64', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}], ...extra})!.ImageId as string;
	};

	it('refuses a paravirtual AMI on t3.micro and runs it on m1.small; an hvm AMI runs on t3.micro', () => {
		const s = session();
		const pv = registerFromSnapshot(s, {});
		expect(s.err('RunInstances', {ImageId: pv, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})).toEqual({
			code: 'InvalidParameterCombination',
			message: 'Virtualization type \'hvm\' is required for instances of type \'t3.micro\'.',
		});
		expect(s.ok('RunInstances', {ImageId: pv, InstanceType: 'm1.small', MinCount: 1, MaxCount: 1})!.Instances[0].VirtualizationType).toBe('paravirtual');
		const hvm = registerFromSnapshot(s, {VirtualizationType: 'hvm', EnaSupport: true});
		expect(s.ok('RunInstances', {ImageId: hvm, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0].VirtualizationType).toBe('hvm');
	});
});
