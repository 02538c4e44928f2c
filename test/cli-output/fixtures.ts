// Responses used across the formatter tests (shaped like real EC2 responses).
export const twoImages = {
	Images: [
		{
			ImageId: 'ami-0abcdef1234567890', Name: 'golden-v1', State: 'available', Public: false, OwnerId: '123456789012',
			CreationDate: '2026-09-01T08:00:00.000Z', Architecture: 'x86_64', Description: null,
			BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {DeleteOnTermination: true, SnapshotId: 'snap-066877671789bd71b', VolumeSize: 8, VolumeType: 'gp3', Encrypted: false}}],
			Tags: [{Key: 'Name', Value: 'golden'}, {Key: 'team', Value: 'web'}],
		},
		{
			ImageId: 'ami-0123456789abcdef0', Name: 'second one with a much longer name to force scaling of the columns', State: 'pending',
			Public: true, OwnerId: '123456789012', Architecture: 'arm64',
		},
	],
};

export const reservations = {
	Reservations: [{
		ReservationId: 'r-1', OwnerId: '123', Groups: [],
		Instances: [
			{InstanceId: 'i-1', State: {Code: 16, Name: 'running'}, Tags: [{Key: 'Name', Value: 'web'}], SecurityGroups: [{GroupId: 'sg-1', GroupName: 'default'}]},
			{InstanceId: 'i-2', State: {Code: 80, Name: 'stopped'}},
		],
	}],
};

export const regions = {
	Regions: [
		{Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required'},
		{Endpoint: 'ec2.eu-west-1.amazonaws.com', RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required'},
	],
};
