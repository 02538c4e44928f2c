import {describe, expect, it} from 'vitest';
import {hasNoUndefined, imageByKey, session} from './harness.js';

const INSTANCE_KEYS_AT_LAUNCH = [
	'Architecture', 'BlockDeviceMappings', 'ClientToken', 'EbsOptimized', 'EnaSupport', 'Hypervisor', 'NetworkInterfaces',
	'RootDeviceName', 'RootDeviceType', 'SecurityGroups', 'SourceDestCheck', 'SriovNetSupport', 'StateReason', 'VirtualizationType',
	'CpuOptions', 'CapacityReservationSpecification', 'HibernationOptions', 'MetadataOptions', 'EnclaveOptions', 'BootMode',
	'PlatformDetails', 'UsageOperation', 'UsageOperationUpdateTime', 'PrivateDnsNameOptions', 'MaintenanceOptions',
	'CurrentInstanceBootMode', 'NetworkPerformanceOptions', 'Operator', 'InstanceId', 'ImageId', 'State', 'PrivateDnsName',
	'PublicDnsName', 'StateTransitionReason', 'AmiLaunchIndex', 'ProductCodes', 'InstanceType', 'LaunchTime', 'Placement',
	'Monitoring', 'SubnetId', 'VpcId', 'PrivateIpAddress',
].sort();

describe('RunInstances output (reference 3.3)', () => {
	it('answers one Reservation with a pending instance and no public address yet', () => {
		const s = session();
		const out = s.launch();
		expect(Object.keys(out).sort()).toEqual(['Groups', 'Instances', 'OwnerId', 'ReservationId']);
		expect(out.ReservationId).toMatch(/^r-[\da-f]{17}$/);
		expect(out.OwnerId).toBe('123456789012');
		expect(out.Groups).toEqual([]);
		const [instance] = out.Instances;
		expect(Object.keys(instance).sort()).toEqual(INSTANCE_KEYS_AT_LAUNCH);
		expect(instance.InstanceId).toMatch(/^i-[\da-f]{17}$/);
		expect(instance.State).toEqual({Code: 0, Name: 'pending'});
		expect(instance.StateReason).toEqual({Code: 'pending', Message: 'pending'});
		expect(instance.PublicDnsName).toBe('');
		expect(instance).not.toHaveProperty('PublicIpAddress');
		expect(instance).not.toHaveProperty('KeyName');
		expect(instance).not.toHaveProperty('Tags');
		expect(instance.BlockDeviceMappings).toEqual([]);
		expect(instance.AmiLaunchIndex).toBe(0);
		expect(instance.StateTransitionReason).toBe('');
		expect(instance.LaunchTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
		expect(instance.MetadataOptions).toMatchObject({State: 'pending', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled'});
		expect(instance.Placement).toEqual({GroupName: '', Tenancy: 'default', AvailabilityZone: expect.stringMatching(/^us-east-1[abc]$/)});
		expect(instance.Monitoring).toEqual({State: 'disabled'});
		expect(hasNoUndefined(out)).toBe(true);
	});

	it('launches --count 3 as one reservation with AmiLaunchIndex 0, 1, 2', () => {
		const s = session();
		const out = s.launch({MinCount: 3, MaxCount: 3});
		expect(out.Instances.map((i: any) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
		expect(new Set(out.Instances.map((i: any) => i.InstanceId)).size).toBe(3);
		const ids = out.Instances.map((i: any) => i.InstanceId);
		expect(ids.every((id: string) => s.instance(id).ReservationId === out.ReservationId)).toBe(true);
		expect(new Set(out.Instances.map((i: any) => i.PrivateIpAddress)).size).toBe(3);
	});

	it('boots by the next command: running, public IP and DNS, EBS mappings filled in', () => {
		const s = session();
		const id = s.launch().Instances[0].InstanceId;
		s.settle();
		const described = s.ok('DescribeInstances', {InstanceIds: [id]})!.Reservations[0].Instances[0];
		expect(described.State).toEqual({Code: 16, Name: 'running'});
		expect(described).not.toHaveProperty('StateReason');
		expect(described.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		expect(described.PublicDnsName).toBe(`ec2-${described.PublicIpAddress.replaceAll('.', '-')}.compute-1.amazonaws.com`);
		expect(described.PrivateDnsName).toBe(`ip-${described.PrivateIpAddress.replaceAll('.', '-')}.ec2.internal`);
		expect(described.MetadataOptions.State).toBe('applied');
		expect(described.BlockDeviceMappings).toHaveLength(1);
		expect(described.BlockDeviceMappings[0].DeviceName).toBe('/dev/xvda');
		expect(Object.keys(described.BlockDeviceMappings[0].Ebs).sort()).toEqual(['AttachTime', 'DeleteOnTermination', 'Status', 'VolumeId']);
		expect(described.BlockDeviceMappings[0].Ebs.Status).toBe('attached');
		expect(described.NetworkInterfaces[0].Association.PublicIp).toBe(described.PublicIpAddress);
	});

	it('defaults: m1.small, the default security group, a default subnet of the chosen zone', () => {
		const s = session();
		// m1.small runs no HVM AMI but Windows (AWS text quoted in saltstack/salt#26417, AppScale/appscale-tools#630)
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), MinCount: 1, MaxCount: 1})).toEqual({
			code: 'InvalidParameterCombination',
			message: "Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type.",
		});
		const out = s.ok('RunInstances', {ImageId: s.imageId('windows-2025'), MinCount: 1, MaxCount: 1})!;
		const instance = out.Instances[0];
		expect(instance.InstanceType).toBe('m1.small');
		const region = s.region();
		const defaultGroup = region.securityGroups.values().find(g => g.GroupName === 'default')!;
		expect(instance.SecurityGroups).toEqual([{GroupId: defaultGroup.GroupId, GroupName: 'default'}]);
		const az = instance.Placement.AvailabilityZone;
		expect(instance.SubnetId).toBe(region.subnets[az]);
		expect(instance.VpcId).toBe(region.defaultVpcId);
		const third = Number(instance.PrivateIpAddress.split('.')[2]);
		const zoneIndex = ['a', 'b', 'c'].indexOf(az.slice(-1));
		expect(instance.PrivateIpAddress.startsWith('172.31.')).toBe(true);
		expect(Math.floor(third / 16)).toBe(zoneIndex);
	});

	it('places the instance in the subnet or zone asked for, and names DNS by Region', () => {
		const s = session();
		const subnet = s.region('eu-west-1').subnets['eu-west-1b'];
		const out = s.launch({SubnetId: subnet}, 'eu-west-1');
		expect(out.Instances[0].Placement.AvailabilityZone).toBe('eu-west-1b');
		expect(out.Instances[0].PrivateDnsName).toMatch(/^ip-172-31-\d+-\d+\.eu-west-1\.compute\.internal$/);
		const byZone = s.launch({Placement: {AvailabilityZone: 'us-east-1c'}});
		expect(byZone.Instances[0].SubnetId).toBe(s.region().subnets['us-east-1c']);
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), InstanceType: 't3.micro', SubnetId: 'subnet-0123456789abcdef0'})).toEqual({
			code: 'InvalidSubnetID.NotFound',
			message: "The subnet ID 'subnet-0123456789abcdef0' does not exist",
		});
	});

	it('creates the root volume from the AMI snapshot, copying its disk, attached and billing', () => {
		const s = session();
		const image = imageByKey(s.world, 'al2023-x86');
		const snapshot = s.region().snapshots.get(image.BlockDeviceMappings[0].Ebs!.SnapshotId!)!;
		const id = s.launch().Instances[0].InstanceId;
		const launchedAt = s.world.clock;
		const record = s.instance(id).volumes[0];
		const volume = s.region().volumes.get(record.VolumeId)!;
		expect(volume).toMatchObject({Size: 8, VolumeType: 'gp3', State: 'in-use', SnapshotId: snapshot.SnapshotId, Attachment: {InstanceId: id, Device: '/dev/xvda', DeleteOnTermination: true}});
		expect(volume.disk).toEqual(snapshot.disk);
		expect(volume.disk).not.toBe(snapshot.disk);
		expect(volume.billing.since).toBe(launchedAt);
		expect(s.instance(id).billing.since).toBeUndefined();
		s.settle();
		expect(s.instance(id).billing.since).toBeDefined();
	});

	it('resizes the root volume and adds volumes from --block-device-mappings', () => {
		const s = session();
		const out = s.launch({BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {VolumeSize: 30, VolumeType: 'gp3'}}, {DeviceName: '/dev/sdf', Ebs: {VolumeSize: 10, DeleteOnTermination: false}}]});
		const instance = s.instance(out.Instances[0].InstanceId);
		const sizes = instance.volumes.map(v => [v.DeviceName, s.region().volumes.get(v.VolumeId)!.Size, v.DeleteOnTermination]);
		expect(sizes).toEqual([['/dev/xvda', 30, true], ['/dev/sdf', 10, false]]);
		expect(s.region().volumes.get(instance.volumes[1].VolumeId)!.SnapshotId).toBe('');
	});

	it('copies software and licence prices, Platform and product codes from the AMI', () => {
		const s = session();
		const windows = s.launch({ImageId: s.imageId('windows-2025')}).Instances[0];
		expect(windows.Platform).toBe('windows');
		expect(s.instance(windows.InstanceId).licencePricePerHour).toBeGreaterThan(0);
		const marketplace = s.launch({ImageId: s.imageId('mp-lms')}).Instances[0];
		expect(s.instance(marketplace.InstanceId).softwarePricePerHour).toBe(imageByKey(s.world, 'mp-lms').softwarePricePerHour);
		expect(marketplace.ProductCodes).toEqual(imageByKey(s.world, 'mp-lms').ProductCodes);
	});

	it('stores user data as sent, tags instance and volumes, echoes the instance profile', () => {
		const s = session();
		const userData = Buffer.from('#!/bin/bash\necho hi\n').toString('base64');
		const out = s.launch({
			UserData: userData,
			TagSpecifications: [{ResourceType: 'instance', Tags: [{Key: 'Name', Value: 'web'}]}, {ResourceType: 'volume', Tags: [{Key: 'cost', Value: 'cc1'}]}],
			IamInstanceProfile: {Name: 'web-role'},
			KeyName: undefined,
		});
		const instance = out.Instances[0];
		expect(instance.Tags).toEqual([{Key: 'Name', Value: 'web'}]);
		expect(instance.IamInstanceProfile).toEqual({Arn: 'arn:aws:iam::123456789012:instance-profile/web-role', Id: expect.stringMatching(/^AIPA[\dA-F]{17}$/)});
		expect(s.instance(instance.InstanceId).UserData).toBe(userData);
		const volume = s.region().volumes.get(s.instance(instance.InstanceId).volumes[0].VolumeId)!;
		expect(volume.Tags).toEqual([{Key: 'cost', Value: 'cc1'}]);
	});

	it('uses a key pair of the Region and security groups by id or name', () => {
		const s = session();
		s.mutate(w => {
			w.regions['us-east-1'].keyPairs.set('key-0123456789abcdef0', {KeyPairId: 'key-0123456789abcdef0', KeyName: 'demo', KeyType: 'rsa', KeyFingerprint: 'x', PublicKey: 'ssh-rsa AAAA', CreateTime: w.clock, Tags: []});
			w.regions['us-east-1'].securityGroups.set('sg-0aaaaaaaaaaaaaaaa', {GroupId: 'sg-0aaaaaaaaaaaaaaaa', GroupName: 'web', Description: 'web', VpcId: w.regions['us-east-1'].defaultVpcId, OwnerId: w.account, ingress: [], egress: [], Tags: []});
		});
		const byId = s.launch({KeyName: 'demo', SecurityGroupIds: ['sg-0aaaaaaaaaaaaaaaa']}).Instances[0];
		expect(byId.KeyName).toBe('demo');
		expect(byId.SecurityGroups).toEqual([{GroupId: 'sg-0aaaaaaaaaaaaaaaa', GroupName: 'web'}]);
		const byName = s.launch({SecurityGroups: ['web']}).Instances[0];
		expect(byName.SecurityGroups).toEqual([{GroupId: 'sg-0aaaaaaaaaaaaaaaa', GroupName: 'web'}]);
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86', 'us-west-2'), InstanceType: 't3.micro', KeyName: 'demo'}, 'us-west-2')).toEqual({code: 'InvalidKeyPair.NotFound', message: "The key pair 'demo' does not exist"});
	});

	it('DryRun answers DryRunOperation and launches nothing', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-x86'), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, DryRun: true})).toEqual({code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.'});
		expect(s.region().instances.toJSON()).toEqual({});
	});
});

describe('RunInstances errors (reference 3.3)', () => {
	const image = (s: ReturnType<typeof session>) => s.imageId('al2023-x86');

	it('names every bad AMI case exactly', () => {
		const s = session();
		expect(s.err('RunInstances', {MinCount: 1, MaxCount: 1})).toEqual({code: 'MissingParameter', message: 'The request must contain the parameter ImageId'});
		expect(s.err('RunInstances', {ImageId: 'invalid-ami-format'})).toEqual({code: 'InvalidAMIID.Malformed', message: 'Invalid id: "invalid-ami-format" (expecting "ami-...")'});
		const snapshotId = s.region().snapshots.ids()[0];
		expect(s.err('RunInstances', {ImageId: snapshotId})).toEqual({code: 'InvalidAMIID.Malformed', message: `Invalid id: "${snapshotId}" (expecting "ami-...")`});
		expect(s.err('RunInstances', {ImageId: 'ami-abcd1234'})).toEqual({code: 'InvalidAMIID.NotFound', message: "The image id '[ami-abcd1234]' does not exist"});
		const pendingId = image(s);
		s.mutate(w => {
			w.regions['us-east-1'].images.get(pendingId)!.State = 'pending';
		});
		expect(s.err('RunInstances', {ImageId: pendingId})).toEqual({code: 'InvalidAMIID.Unavailable', message: `AMI '${pendingId}' is pending, and cannot be run`});
		const usWest = s.imageId('al2023-x86', 'us-west-2');
		expect(s.err('RunInstances', {ImageId: usWest}, 'eu-west-1').code).toBe('InvalidAMIID.NotFound');
	});

	it('rejects unknown instance types and architecture mismatches with AWS text', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.foo'})).toEqual({code: 'InvalidParameterValue', message: "Invalid value 't3.foo' for InstanceType."});
		const tail = "Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.";
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-arm'), InstanceType: 't3.micro'})).toEqual({
			code: 'InvalidParameterValue',
			message: `The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI. ${tail}`,
		});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't4g.micro'}).message).toBe(
			`The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI. ${tail}`,
		);
		expect(s.err('RunInstances', {ImageId: s.imageId('al2023-arm'), InstanceType: 't2.micro'}).message).toBe(
			`The architecture 'x86_64,i386' of the specified instance type does not match the architecture 'arm64' of the specified AMI. ${tail}`,
		);
		expect(s.launch({ImageId: s.imageId('al2023-arm'), InstanceType: 't4g.micro'}).Instances[0].Architecture).toBe('arm64');
	});

	it('rejects unknown key pairs and security groups', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', KeyName: 'demo-key'})).toEqual({code: 'InvalidKeyPair.NotFound', message: "The key pair 'demo-key' does not exist"});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', SecurityGroupIds: ['sg-0123456789abcdef0']})).toEqual({code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', SecurityGroupIds: ['']})).toEqual({code: 'InvalidParameterValue', message: 'Value () for parameter groupId is invalid. The value cannot be empty'});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', SecurityGroups: ['nope']})).toEqual({
			code: 'InvalidGroup.NotFound',
			message: `The security group 'nope' does not exist in default VPC '${s.region().defaultVpcId}'`,
		});
	});

	it('checks block device mappings', () => {
		const s = session();
		const snapshotId = imageByKey(s.world, 'al2023-x86').BlockDeviceMappings[0].Ebs!.SnapshotId;
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {VolumeSize: 4}}]})).toEqual({
			code: 'InvalidBlockDeviceMapping',
			message: `Volume of size 4GB is smaller than snapshot '${snapshotId}', expect size >= 8GB`,
		});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', BlockDeviceMappings: [{DeviceName: '/dev/sdf'}]})).toEqual({code: 'MissingParameter', message: 'The request must contain the parameter ebs'});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', BlockDeviceMappings: [{DeviceName: '/dev/sdf', Ebs: {VolumeType: 'gp3'}}]})).toEqual({
			code: 'MissingParameter',
			message: 'The request must contain the parameter size or snapshotId',
		});
		const out = s.launch({BlockDeviceMappings: [{DeviceName: '/dev/sdh', NoDevice: ''}]});
		expect(s.instance(out.Instances[0].InstanceId).volumes).toHaveLength(1);
	});

	it('rejects user data that is not base64 and bad tag resource types', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', UserData: '#!/bin/bash'})).toEqual({code: 'InvalidParameterValue', message: 'Invalid BASE64 encoding of user data.'});
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'a', Value: 'b'}]}]})).toEqual({
			code: 'InvalidParameterValue',
			message: "'image' is not a valid taggable resource type for this operation.",
		});
	});

	it('refuses to launch beyond the instance limit, and launches up to it', () => {
		const s = session();
		expect(s.err('RunInstances', {ImageId: image(s), InstanceType: 't3.micro', MinCount: 21, MaxCount: 21}).code).toBe('InstanceLimitExceeded');
		const out = s.launch({MinCount: 1, MaxCount: 50});
		expect(out.Instances).toHaveLength(20);
	});
});

describe('instance-store AMIs', () => {
	it('boot from an ephemeral copy of the image disk, with no EBS volume, and cannot be stopped', () => {
		const s = session();
		const imageId = 'ami-0123456789abcdef0';
		s.mutate(w => {
			const region = w.regions['us-east-1'];
			const base = region.images.values()[0];
			region.images.set(imageId, {
				...JSON.parse(JSON.stringify(base)),
				ImageId: imageId,
				Name: 'legacy-instance-store',
				OwnerId: w.account,
				RootDeviceType: 'instance-store',
				RootDeviceName: '/dev/sda1',
				BlockDeviceMappings: [],
				disk: {os: 'Legacy Linux', packages: ['bash'], services: {}, files: {}},
			});
		});
		const out = s.launch({ImageId: imageId, InstanceType: 'm3.medium'});
		const id = out.Instances[0].InstanceId;
		expect(out.Instances[0].RootDeviceType).toBe('instance-store');
		expect(s.instance(id).volumes).toEqual([]);
		expect(s.instance(id).ephemeralDisk?.os).toBe('Legacy Linux');
		s.settle();
		expect(s.err('StopInstances', {InstanceIds: [id]})).toEqual({
			code: 'UnsupportedOperation',
			message: `The instance '${id}' does not have an 'ebs' root device type and cannot be stopped.`,
		});
		s.ok('TerminateInstances', {InstanceIds: [id]});
		expect(s.instance(id).ephemeralDisk).toBeUndefined();
	});
});
