import {describe, expect, it} from 'vitest';
import {runningInstance, session} from './harness.js';

const stoppedInstance = (s: ReturnType<typeof session>, params: Record<string, unknown> = {}) => {
	const id = runningInstance(s, params);
	s.ok('StopInstances', {InstanceIds: [id]});
	s.settle();
	return id;
};

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('ModifyInstanceAttribute (reference 3.12)', () => {
	it('changes user data only while stopped, with no output', () => {
		const s = session();
		const id = runningInstance(s);
		// UserData.Value is a blob: the model receives the decoded bytes (the CLI layer decodes v2 base64 input)
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, UserData: {Value: '#!/bin/bash\n'}})).toEqual({
			code: 'IncorrectInstanceState',
			message: `The instance '${id}' is not in the 'stopped' state.`,
		});
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'userData', Value: b64('x')}).code).toBe('IncorrectInstanceState');
		s.settle();
		expect(s.ok('ModifyInstanceAttribute', {InstanceId: id, UserData: {Value: '#!/bin/bash\necho hi\n'}})).toBeUndefined();
		expect(s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'userData'})).toEqual({InstanceId: id, UserData: {Value: b64('#!/bin/bash\necho hi\n')}});
		s.ok('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'userData', Value: b64('two')});
		expect(s.instance(id).UserData).toBe(b64('two'));
	});

	it('checks user data and shutdown behaviour as RunInstances does', () => {
		const s = session();
		const id = stoppedInstance(s);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'userData', Value: 'not base64!'})).toEqual({code: 'InvalidParameterValue', message: 'Invalid BASE64 encoding of user data.'});
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'userData', Value: b64('x'.repeat(16_385))})).toEqual({code: 'InvalidParameterValue', message: 'User data is limited to 16384 bytes'});
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, InstanceInitiatedShutdownBehavior: {Value: 'hibernate'}})).toEqual({
			code: 'InvalidParameterValue',
			message: "Invalid value 'hibernate' for instanceInitiatedShutdownBehavior.",
		});
		s.ok('ModifyInstanceAttribute', {InstanceId: id, InstanceInitiatedShutdownBehavior: {Value: 'terminate'}});
		expect(s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'instanceInitiatedShutdownBehavior'})).toEqual({InstanceId: id, InstanceInitiatedShutdownBehavior: {Value: 'terminate'}});
	});

	it('changes the instance type only while stopped, checking the type', () => {
		const s = session();
		const running = runningInstance(s);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: running, InstanceType: {Value: 't3.small'}})).toEqual({
			code: 'IncorrectInstanceState',
			message: `The instance '${running}' is not in the 'stopped' state.`,
		});
		const id = stoppedInstance(s);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, InstanceType: {Value: 't3.foo'}})).toEqual({code: 'InvalidParameterValue', message: "Invalid value 't3.foo' for InstanceType."});
		s.ok('ModifyInstanceAttribute', {InstanceId: id, InstanceType: {Value: 't3.small'}});
		expect(s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'instanceType'})).toEqual({InstanceId: id, InstanceType: {Value: 't3.small'}});
		s.ok('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'instanceType', Value: 't3.medium'});
		expect(s.instance(id).InstanceType).toBe('t3.medium');
		expect(s.world.closedCharges.some(c => c.resourceId === id && c.kind === 'instance')).toBe(true);
	});

	it('wants exactly one attribute', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id})).toEqual({code: 'InvalidParameterCombination', message: 'No attributes specified.'});
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Groups: []})).toEqual({code: 'InvalidParameterCombination', message: 'No attributes specified.'});
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, DisableApiTermination: {Value: true}, SourceDestCheck: {Value: false}}).code).toBe('InvalidParameterCombination');
	});

	it('termination protection and security groups change in any state', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('ModifyInstanceAttribute', {InstanceId: id, DisableApiTermination: {Value: true}});
		expect(s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'disableApiTermination'})).toEqual({InstanceId: id, DisableApiTermination: {Value: true}});
		expect(s.err('TerminateInstances', {InstanceIds: [id]}).code).toBe('OperationNotPermitted');
		s.ok('ModifyInstanceAttribute', {InstanceId: id, Attribute: 'disableApiTermination', Value: 'false'});
		expect(s.instance(id).DisableApiTermination).toBe(false);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, Groups: ['sg-0123456789abcdef0']})).toEqual({code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"});
		const defaultGroup = s.instance(id).SecurityGroupIds[0];
		s.ok('ModifyInstanceAttribute', {InstanceId: id, Groups: [defaultGroup]});
		expect(s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'groupSet'})).toEqual({InstanceId: id, Groups: [{GroupId: defaultGroup, GroupName: 'default'}]});
	});

	it('changes DeleteOnTermination of a mapped device', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('ModifyInstanceAttribute', {InstanceId: id, BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {DeleteOnTermination: false}}]});
		const volumeId = s.instance(id).volumes[0].VolumeId;
		expect(s.region().volumes.get(volumeId)!.Attachment?.DeleteOnTermination).toBe(false);
		s.ok('TerminateInstances', {InstanceIds: [id]});
		expect(s.region().volumes.get(volumeId)!.State).toBe('available');
	});

	it('answers malformed and unknown ids', () => {
		const s = session();
		expect(s.err('ModifyInstanceAttribute', {InstanceId: 'ig-XXXXXXXXXXXXXXX', DisableApiTermination: {Value: true}})).toEqual({
			code: 'InvalidParameterValue',
			message: "Value (ig-XXXXXXXXXXXXXXX) for parameter instanceId is invalid. Expected: 'i-...'.",
		});
		expect(s.err('DescribeInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Attribute: 'userData'})).toEqual({
			code: 'InvalidInstanceID.NotFound',
			message: "The instance ID 'i-0123456789abcdef0' does not exist",
		});
	});

	it('DryRun changes nothing', () => {
		const s = session();
		const id = stoppedInstance(s);
		expect(s.err('ModifyInstanceAttribute', {InstanceId: id, InstanceType: {Value: 't3.small'}, DryRun: true}).code).toBe('DryRunOperation');
		expect(s.instance(id).InstanceType).toBe('t3.micro');
	});
});

describe('DescribeInstanceAttribute', () => {
	it('answers each attribute in its own shape', () => {
		const s = session();
		const id = runningInstance(s);
		const ask = (Attribute: string) => s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute});
		expect(ask('userData')).toEqual({InstanceId: id, UserData: {}});
		expect(ask('kernel')).toEqual({InstanceId: id, KernelId: {}});
		expect(ask('ramdisk')).toEqual({InstanceId: id, RamdiskId: {}});
		expect(ask('rootDeviceName')).toEqual({InstanceId: id, RootDeviceName: {Value: '/dev/xvda'}});
		expect(ask('instanceInitiatedShutdownBehavior')).toEqual({InstanceId: id, InstanceInitiatedShutdownBehavior: {Value: 'stop'}});
		expect(ask('sourceDestCheck')).toEqual({InstanceId: id, SourceDestCheck: {Value: true}});
		expect(ask('disableApiStop')).toEqual({InstanceId: id, DisableApiStop: {Value: false}});
		expect(ask('ebsOptimized')).toEqual({InstanceId: id, EbsOptimized: {Value: true}});
		expect(ask('enaSupport')).toEqual({InstanceId: id, EnaSupport: {Value: true}});
		expect(ask('productCodes')).toEqual({InstanceId: id, ProductCodes: []});
		expect(ask('enclaveOptions')).toEqual({InstanceId: id, EnclaveOptions: {Enabled: false}});
		const mappings = ask('blockDeviceMapping')!.BlockDeviceMappings;
		expect(mappings).toHaveLength(1);
		expect(mappings[0]).toEqual({DeviceName: '/dev/xvda', Ebs: {AttachTime: expect.stringMatching(/\+00:00$/), DeleteOnTermination: true, Status: 'attached', VolumeId: s.instance(id).volumes[0].VolumeId}});
	});

	it('rejects unknown attributes with the AWS text', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.err('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'colour'})).toEqual({code: 'InvalidParameterValue', message: 'Value (colour) for parameter attribute is invalid. Unknown attribute.'});
	});
});
