import {describe, expect, it} from 'vitest';
import {runningInstance, session} from './harness.js';

const ids = (out: any) => out.Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.InstanceId));

describe('DescribeInstances (reference 3.4)', () => {
	it('answers {Reservations: []} for an empty account', () => {
		const s = session();
		expect(s.ok('DescribeInstances')).toEqual({Reservations: []});
	});

	it('groups instances by the reservation that launched them', () => {
		const s = session();
		const first = s.launch({MinCount: 2, MaxCount: 2});
		const second = s.launch();
		const out = s.ok('DescribeInstances')!;
		expect(out.Reservations.map((r: any) => r.ReservationId)).toEqual([first.ReservationId, second.ReservationId]);
		expect(out.Reservations[0].Instances).toHaveLength(2);
		expect(Object.keys(out.Reservations[0]).sort()).toEqual(['Groups', 'Instances', 'OwnerId', 'ReservationId']);
	});

	it('names unknown and malformed ids exactly', () => {
		const s = session();
		expect(s.err('DescribeInstances', {InstanceIds: ['i-0123456789abcdef0']})).toEqual({code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist"});
		expect(s.err('DescribeInstances', {InstanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1']})).toEqual({
			code: 'InvalidInstanceID.NotFound',
			message: "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist",
		});
		expect(s.err('DescribeInstances', {InstanceIds: ['bogus']})).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "bogus"'});
	});

	it('filters by state, type, image, tag, group, reservation, address', () => {
		const s = session();
		const web = runningInstance(s, {TagSpecifications: [{ResourceType: 'instance', Tags: [{Key: 'Name', Value: 'web-1'}]}]});
		const db = runningInstance(s, {InstanceType: 't3.small'});
		s.ok('StopInstances', {InstanceIds: [db]});
		const filter = (Filters: unknown) => ids(s.ok('DescribeInstances', {Filters}));
		expect(filter([{Name: 'instance-state-name', Values: ['running']}])).toEqual([web]);
		expect(filter([{Name: 'instance-state-code', Values: ['64', '80']}])).toEqual([db]);
		expect(filter([{Name: 'instance-type', Values: ['t3.*']}])).toEqual([web, db]);
		expect(filter([{Name: 'instance-type', Values: ['t3.small']}])).toEqual([db]);
		expect(filter([{Name: 'tag:Name', Values: ['web-*']}])).toEqual([web]);
		expect(filter([{Name: 'tag-key', Values: ['Name']}])).toEqual([web]);
		expect(filter([{Name: 'image-id', Values: [s.imageId('al2023-x86')]}, {Name: 'instance-state-name', Values: ['stopped', 'stopping']}])).toEqual([db]);
		expect(filter([{Name: 'instance.group-name', Values: ['default']}])).toEqual([web, db]);
		expect(filter([{Name: 'reservation-id', Values: [s.instance(db).ReservationId]}])).toEqual([db]);
		expect(filter([{Name: 'ip-address', Values: [s.instance(web).PublicIpAddress!]}])).toEqual([web]);
		expect(filter([{Name: 'private-ip-address', Values: [s.instance(db).PrivateIpAddress]}])).toEqual([db]);
		expect(filter([{Name: 'vpc-id', Values: [s.region().defaultVpcId]}])).toEqual([web, db]);
		expect(s.err('DescribeInstances', {Filters: [{Name: 'colour', Values: ['red']}]})).toEqual({code: 'InvalidParameterValue', message: "The filter 'colour' is invalid"});
	});

	it('pages with MaxResults and NextToken, and rejects MaxResults with ids', () => {
		const s = session();
		s.launch({MinCount: 7, MaxCount: 7});
		const first = s.ok('DescribeInstances', {MaxResults: 5})!;
		expect(ids(first)).toHaveLength(5);
		expect(first.NextToken).toEqual(expect.any(String));
		const second = s.ok('DescribeInstances', {MaxResults: 5, NextToken: first.NextToken})!;
		expect(ids(second)).toHaveLength(2);
		expect(second).not.toHaveProperty('NextToken');
		expect(new Set([...ids(first), ...ids(second)]).size).toBe(7);
		const some = ids(first).slice(0, 1);
		expect(s.err('DescribeInstances', {InstanceIds: some, MaxResults: 5})).toEqual({
			code: 'InvalidParameterCombination',
			message: 'The parameter instancesSet cannot be used with the parameter maxResults',
		});
		expect(s.err('DescribeInstances', {MaxResults: 3}).code).toBe('InvalidParameterValue');
	});

	it('shows terminated instances stripped of network and volumes, for an hour', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('TerminateInstances', {InstanceIds: [id]});
		s.settle();
		const gone = s.ok('DescribeInstances', {InstanceIds: [id]})!.Reservations[0].Instances[0];
		expect(gone.State).toEqual({Code: 48, Name: 'terminated'});
		expect(gone.BlockDeviceMappings).toEqual([]);
		expect(gone.NetworkInterfaces).toEqual([]);
		expect(gone.SecurityGroups).toEqual([]);
		expect(gone.PrivateDnsName).toBe('');
		for (const key of ['SubnetId', 'VpcId', 'PrivateIpAddress', 'PublicIpAddress']) expect(gone).not.toHaveProperty(key);
		s.advance(3_600_000);
		expect(s.ok('DescribeInstances')).toEqual({Reservations: []});
		expect(s.err('DescribeInstances', {InstanceIds: [id]}).code).toBe('InvalidInstanceID.NotFound');
	});

	it('keeps Regions apart', () => {
		const s = session();
		const id = s.launch().Instances[0].InstanceId;
		expect(s.err('DescribeInstances', {InstanceIds: [id]}, 'us-west-2').code).toBe('InvalidInstanceID.NotFound');
	});
});
