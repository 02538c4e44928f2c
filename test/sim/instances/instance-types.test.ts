import {describe, expect, it} from 'vitest';
import catalogue from '../../../source/cli/catalogue.json' with {type: 'json'};
import {cpuOptions, instanceTypes, isKnownInstanceType, supportedArchitectures} from '../../../source/sim/instances/hardware.js';
import {instanceHourly} from '../../../source/sim/billing/pricing.js';
import {session} from './harness.js';

// Every instance type of the EC2 model launches where real AWS would launch it, and is refused
// with AWS's own code and text where it would not (architecture, HVM/PV, instance-store root, ENA).

const launch = (s: ReturnType<typeof session>, ImageId: string, InstanceType: string) => s.ok('RunInstances', {ImageId, InstanceType, MinCount: 1, MaxCount: 1})!.Instances[0];

describe('instance types', () => {
	it('knows every type of the model, and only those', () => {
		const model = catalogue.shapes.InstanceType.enum as string[];
		expect(instanceTypes()).toEqual(model);
		expect(model.length).toBeGreaterThan(1000);
		for (const type of model) expect(isKnownInstanceType(type)).toBe(true);
		expect(isKnownInstanceType('t3.nanoo')).toBe(false);
	});

	it('launches previous generations with the AMIs they run: m3.medium, c3.large, t2.nano, m1.small (Windows), a1.medium (arm64)', () => {
		const s = session();
		expect(launch(s, s.imageId('al2023-x86'), 'm3.medium').InstanceType).toBe('m3.medium');
		expect(launch(s, s.imageId('al2023-x86'), 'c3.large').InstanceType).toBe('c3.large');
		expect(launch(s, s.imageId('al2023-x86'), 't2.nano').InstanceType).toBe('t2.nano');
		expect(launch(s, s.imageId('al2023-x86'), 'm7i-flex.large').InstanceType).toBe('m7i-flex.large');
		expect(launch(s, s.imageId('windows-2025'), 'm1.small').InstanceType).toBe('m1.small');
		expect(launch(s, s.imageId('al2023-arm'), 'a1.medium').Architecture).toBe('arm64');
		expect(launch(s, s.imageId('al2023-arm'), 'c8g.large').Architecture).toBe('arm64');
	});

	it('refuses an HVM Linux AMI on the paravirtual-only types (C1, M1, M2, T1), as AWS does', () => {
		const s = session();
		for (const type of ['m1.small', 'm1.large', 't1.micro', 'c1.medium', 'm2.xlarge']) {
			expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), InstanceType: type, MinCount: 1, MaxCount: 1})).toEqual({
				code: 'InvalidParameterCombination',
				message: "Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type.",
			});
		}
	});

	it('matches architectures: arm64 on a1, x86_64 not; i386 only on the small old Xen sizes', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), InstanceType: 'a1.medium', MinCount: 1, MaxCount: 1}).message).toMatch(/^The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI\./);
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-arm'), InstanceType: 'mac1.metal', MinCount: 1, MaxCount: 1}).message).toMatch(/^The architecture 'x86_64_mac' /);
		expect(supportedArchitectures('t2.micro')).toEqual(['x86_64', 'i386']);
		expect(supportedArchitectures('t2.large')).toEqual(['x86_64']);
		expect(supportedArchitectures('m1.small')).toEqual(['x86_64', 'i386']);
		expect(supportedArchitectures('g5g.xlarge')).toEqual(['arm64']);
		expect(supportedArchitectures('p6e-gb200.36xlarge')).toEqual(['arm64']);
	});

	it('runs a paravirtual instance-store AMI on m1.small, m3.medium and c3.large only', () => {
		const s = session();
		const legacy = s.ok('RegisterImage', {Name: 'legacy', ImageLocation: 'school-bundles/lab/image.manifest.xml', Architecture: 'x86_64', VirtualizationType: 'paravirtual'})!.ImageId as string;
		for (const type of ['m1.small', 'm3.medium', 'c3.large']) expect(launch(s, legacy, type).RootDeviceType).toBe('instance-store');
		expect(s.err('RunInstances', {ImageId: legacy, InstanceType: 'r3.large', MinCount: 1, MaxCount: 1})).toEqual({
			code: 'InvalidParameterCombination',
			message: "Virtualization type 'hvm' is required for instances of type 'r3.large'.",
		});
		expect(s.err('RunInstances', {ImageId: legacy, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}).message).toBe("Virtualization type 'hvm' is required for instances of type 't3.micro'.");
	});

	it('prices the lesson types at list price and the rest by a documented approximation', () => {
		expect(instanceHourly('t3.micro')).toBe(0.0104);
		expect(instanceHourly('m3.medium')).toBe(0.067);
		expect(instanceHourly('c3.large')).toBe(0.105);
		expect(instanceHourly('m1.small')).toBe(0.044);
		expect(instanceHourly('m7i.large')).toBe(0.1);
		expect(instanceHourly('m7i.4xlarge')).toBe(0.8);
		expect(instanceHourly('c7g.large')).toBe(0.08);
		for (const type of instanceTypes()) expect(instanceHourly(type)).toBeGreaterThan(0);
	});

	it('reports CPU options for every type (one thread per core on Graviton and the old Xen types)', () => {
		expect(cpuOptions('t3.micro')).toEqual({CoreCount: 1, ThreadsPerCore: 2});
		expect(cpuOptions('c7g.xlarge')).toEqual({CoreCount: 4, ThreadsPerCore: 1});
		expect(cpuOptions('m7i.2xlarge')).toEqual({CoreCount: 4, ThreadsPerCore: 2});
		for (const type of instanceTypes()) expect(cpuOptions(type).CoreCount).toBeGreaterThan(0);
	});
});

describe('a disk boots only as what it was built for', () => {
	const backup = (s: ReturnType<typeof session>): string => {
		const id = s.launch().Instances[0].InstanceId as string;
		s.settle();
		const volumeId = s.instance(id).volumes[0].VolumeId;
		const snapshotId = s.ok('CreateSnapshot', {VolumeId: volumeId})!.SnapshotId as string;
		s.settle();
		return snapshotId;
	};

	const register = (s: ReturnType<typeof session>, snapshotId: string, name: string, extra: Record<string, unknown>): string =>
		s.ok('RegisterImage', {Name: name, RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}], ...extra})!.ImageId as string;

	it('an x86_64 HVM disk registered as i386 paravirtual runs on m1.small but never boots; registered right, it boots', () => {
		const s = session();
		const snapshotId = backup(s);
		const wrong = launch(s, register(s, snapshotId, 'defaults', {}), 'm1.small').InstanceId as string;
		const pv = launch(s, register(s, snapshotId, 'backup-pv', {Architecture: 'x86_64'}), 'm3.medium').InstanceId as string;
		const right = launch(s, register(s, snapshotId, 'right', {Architecture: 'x86_64', VirtualizationType: 'hvm', EnaSupport: true}), 't3.micro').InstanceId as string;
		s.settle();
		for (const id of [wrong, pv]) {
			expect(s.instance(id).State).toBe('running');
			expect(s.instance(id).bootFailed).toBe(true);
		}

		expect(s.instance(right).bootFailed).toBeUndefined();
	});
});
