import {describe, expect, it} from 'vitest';
import {shellGuest} from '../../../source/shell/guest/boot.js';
import {runAws, type AwsEnv} from '../../../source/cli/run-aws.js';
import {freshWorld} from '../../../source/sim/core/fresh-world.js';
import type {World} from '../../../source/sim/core/types.js';

// The default network a new account has in each Region (describe-availability-zones,
// describe-vpcs, describe-subnets), and that it is the network run-instances puts instances in.

const env: AwsEnv = {readFile: () => undefined, defaultRegion: 'us-east-1', width: 80, guest: shellGuest};

const json = (world: World, line: string) => {
	const r = runAws(world, line.split(' '), env);
	expect(r.stderr).toBe('');
	return {world: r.world, out: JSON.parse(r.stdout) as Record<string, any>};
};

describe('the default network', () => {
	it('one default VPC, 172.31.0.0/16, keys in the model order', () => {
		const {out} = json(freshWorld(), 'ec2 describe-vpcs');
		expect(out.Vpcs).toHaveLength(1);
		const vpc = out.Vpcs[0];
		expect(Object.keys(vpc)).toEqual(['OwnerId', 'InstanceTenancy', 'CidrBlockAssociationSet', 'IsDefault', 'BlockPublicAccessStates', 'VpcId', 'State', 'CidrBlock', 'DhcpOptionsId']);
		expect(vpc).toMatchObject({OwnerId: '123456789012', InstanceTenancy: 'default', IsDefault: true, State: 'available', CidrBlock: '172.31.0.0/16'});
		expect(vpc.VpcId).toMatch(/^vpc-[\da-f]{17}$/);
		expect(vpc.DhcpOptionsId).toMatch(/^dopt-[\da-f]{17}$/);
		expect(json(freshWorld(), 'ec2 describe-vpcs --filters Name=is-default,Values=true').out.Vpcs).toHaveLength(1);
		expect(json(freshWorld(), 'ec2 describe-vpcs --filters Name=is-default,Values=false').out.Vpcs).toEqual([]);
		expect(json(freshWorld(), `ec2 describe-vpcs --vpc-ids ${vpc.VpcId}`).out.Vpcs[0].VpcId).toBe(vpc.VpcId);
	});

	it('one default /20 subnet per Availability Zone, with the filters tutorials use', () => {
		const world = freshWorld();
		const {out} = json(world, 'ec2 describe-subnets');
		const vpcId = json(world, 'ec2 describe-vpcs').out.Vpcs[0].VpcId;
		expect(out.Subnets.map((s: any) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.AvailableIpAddressCount, s.VpcId])).toEqual([
			['us-east-1a', '172.31.0.0/20', true, true, 4091, vpcId],
			['us-east-1b', '172.31.16.0/20', true, true, 4091, vpcId],
			['us-east-1c', '172.31.32.0/20', true, true, 4091, vpcId],
		]);
		expect(Object.keys(out.Subnets[0])).toEqual(['AvailabilityZoneId', 'MapCustomerOwnedIpOnLaunch', 'OwnerId', 'AssignIpv6AddressOnCreation', 'Ipv6CidrBlockAssociationSet', 'SubnetArn', 'EnableDns64', 'Ipv6Native', 'PrivateDnsNameOptionsOnLaunch', 'BlockPublicAccessStates', 'SubnetId', 'State', 'VpcId', 'CidrBlock', 'AvailableIpAddressCount', 'AvailabilityZone', 'DefaultForAz', 'MapPublicIpOnLaunch']);
		expect(out.Subnets[0].SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${out.Subnets[0].SubnetId}`);
		const count = (filters: string) => json(world, `ec2 describe-subnets --filters ${filters}`).out.Subnets.length;
		expect(count(`Name=vpc-id,Values=${vpcId}`)).toBe(3);
		expect(count('Name=default-for-az,Values=true')).toBe(3);
		expect(count('Name=availability-zone,Values=us-east-1b')).toBe(1);
		expect(count('Name=availabilityZone,Values=us-east-1*')).toBe(3);
		expect(count('Name=state,Values=available')).toBe(3);
		expect(count('Name=vpc-id,Values=vpc-0000000000000000f')).toBe(0);
	});

	it('Availability Zones with zone IDs; unknown names, IDs and filters answer as EC2 does', () => {
		const {out} = json(freshWorld(), 'ec2 describe-availability-zones');
		expect(out.AvailabilityZones[0]).toEqual({OptInStatus: 'opt-in-not-required', Messages: [], RegionName: 'us-east-1', ZoneName: 'us-east-1a', ZoneId: 'use1-az1', GroupName: 'us-east-1-zg-1', NetworkBorderGroup: 'us-east-1', ZoneType: 'availability-zone', State: 'available'});
		expect(json(freshWorld(), 'ec2 describe-availability-zones --region ap-southeast-2 --query AvailabilityZones[].ZoneId').out).toEqual(['apse2-az1', 'apse2-az2', 'apse2-az3']);
		const bad = runAws(freshWorld(), 'ec2 describe-availability-zones --zone-names us-east-1z'.split(' '), env);
		expect(bad).toMatchObject({exitCode: 254, stderr: '\naws: [ERROR]: An error occurred (InvalidParameterValue) when calling the DescribeAvailabilityZones operation: Invalid availability zone: [us-east-1z]\n'});
		const subnet = runAws(freshWorld(), 'ec2 describe-subnets --subnet-ids subnet-0123456789abcdef0'.split(' '), env);
		expect(subnet.stderr).toBe("\naws: [ERROR]: An error occurred (InvalidSubnetID.NotFound) when calling the DescribeSubnets operation: The subnet ID 'subnet-0123456789abcdef0' does not exist\n");
		const vpc = runAws(freshWorld(), 'ec2 describe-vpcs --vpc-ids vpc-0123456789abcdef0'.split(' '), env);
		expect(vpc.stderr).toBe("\naws: [ERROR]: An error occurred (InvalidVpcID.NotFound) when calling the DescribeVpcs operation: The vpc ID 'vpc-0123456789abcdef0' does not exist\n");
		const filter = runAws(freshWorld(), 'ec2 describe-subnets --filters Name=colour,Values=red'.split(' '), env);
		expect(filter.stderr).toContain("(InvalidParameterValue) when calling the DescribeSubnets operation: The filter 'colour' is invalid");
	});

	it('is the network run-instances launches into: same VPC, subnet and zone, one address fewer', () => {
		let world = freshWorld();
		const subnets = json(world, 'ec2 describe-subnets').out.Subnets as Array<Record<string, any>>;
		const launched = json(world, 'ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.micro --count 3');
		world = launched.world;
		for (const instance of launched.out.Instances) {
			const subnet = subnets.find(s => s.SubnetId === instance.SubnetId)!;
			expect(subnet).toBeDefined();
			expect(instance.VpcId).toBe(subnet.VpcId);
			expect(instance.Placement.AvailabilityZone).toBe(subnet.AvailabilityZone);
		}

		const after = json(world, 'ec2 describe-subnets').out.Subnets as Array<Record<string, any>>;
		const used = after.reduce((n, s) => n + (4091 - s.AvailableIpAddressCount), 0);
		expect(used).toBe(3);
		const zone = subnets[1].AvailabilityZone;
		const placed = json(world, `ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.micro --subnet-id ${subnets[1].SubnetId}`).out.Instances[0];
		expect(placed.Placement.AvailabilityZone).toBe(zone);
	});
});
