import {describe, expect, it} from 'vitest';
import {allowsFrom} from '../../../source/sim/security-groups/rules.js';
import {ACCOUNT, INSTANCE, REGION, addInstance, harness} from '../resources-fixture.js';

const create = (h: ReturnType<typeof harness>, name = 'web-sg') => h.ok('CreateSecurityGroup', {GroupName: name, Description: 'Web servers'})!.GroupId as string;

const ssh = (cidr = '0.0.0.0/0') => [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: cidr}]}];

describe('CreateSecurityGroup', () => {
	it('creates the group in the default VPC and returns GroupId and SecurityGroupArn', () => {
		const h = harness();
		const out = h.ok('CreateSecurityGroup', {GroupName: 'web-sg', Description: 'Web servers'})!;
		expect(Object.keys(out).sort()).toEqual(['GroupId', 'SecurityGroupArn']);
		expect(out.GroupId).toMatch(/^sg-0[\da-f]{16}$/);
		expect(out.SecurityGroupArn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${out.GroupId}`);
		const [group] = h.ok('DescribeSecurityGroups', {GroupIds: [out.GroupId]})!.SecurityGroups;
		expect(group).toEqual({
			GroupId: out.GroupId,
			IpPermissionsEgress: [{IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: []}],
			VpcId: h.world.regions[REGION].defaultVpcId,
			SecurityGroupArn: out.SecurityGroupArn,
			OwnerId: ACCOUNT,
			GroupName: 'web-sg',
			Description: 'Web servers',
			IpPermissions: [],
		});
	});

	it('refuses duplicates, sg- names, and unknown VPCs with the exact texts', () => {
		const h = harness();
		create(h);
		const vpc = h.world.regions[REGION].defaultVpcId;
		expect(h.err('CreateSecurityGroup', {GroupName: 'web-sg', Description: 'again'})).toEqual({code: 'InvalidGroup.Duplicate', message: `The security group 'web-sg' already exists for VPC '${vpc}'`});
		expect(h.err('CreateSecurityGroup', {GroupName: 'default', Description: 'mine'}).code).toBe('InvalidGroup.Duplicate');
		expect(h.err('CreateSecurityGroup', {GroupName: 'sg-web', Description: 'x'})).toEqual({code: 'InvalidParameterValue', message: 'Value (sg-web) for parameter GroupName is invalid. Group names may not be in the format sg-*.'});
		expect(h.err('CreateSecurityGroup', {GroupName: 'x', Description: 'x', VpcId: 'vpc-0123456789abcdef0'})).toEqual({code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0123456789abcdef0' does not exist"});
		expect(h.err('CreateSecurityGroup', {GroupName: 'x'}).code).toBe('MissingParameter');
	});

	it('the same name is free in another Region', () => {
		const h = harness();
		create(h);
		expect(h.ok('CreateSecurityGroup', {GroupName: 'web-sg', Description: 'Web servers'}, 'eu-west-1')!.GroupId).toMatch(/^sg-/);
	});
});

describe('AuthorizeSecurityGroupIngress', () => {
	it('adds a rule and returns SecurityGroupRules', () => {
		const h = harness();
		const groupId = create(h);
		const out = h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()})!;
		expect(out.Return).toBe(true);
		expect(out.SecurityGroupRules).toHaveLength(1);
		expect(out.SecurityGroupRules[0]).toEqual({
			SecurityGroupRuleId: expect.stringMatching(/^sgr-0[\da-f]{16}$/),
			GroupId: groupId,
			GroupOwnerId: ACCOUNT,
			IsEgress: false,
			IpProtocol: 'tcp',
			FromPort: 22,
			ToPort: 22,
			CidrIpv4: '0.0.0.0/0',
		});
	});

	it('groups rules AWS-style in DescribeSecurityGroups', () => {
		const h = harness();
		const groupId = create(h);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh('203.0.113.0/24')});
		h.ok('AuthorizeSecurityGroupIngress', {GroupName: 'web-sg', IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '198.51.100.0/24', Description: 'office'}]}]});
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0'});
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: [{IpProtocol: '-1', UserIdGroupPairs: [{GroupId: groupId}]}]});
		const [group] = h.ok('DescribeSecurityGroups', {GroupNames: ['web-sg']})!.SecurityGroups;
		expect(group.IpPermissions).toEqual([
			{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [], IpRanges: [{CidrIp: '203.0.113.0/24'}, {Description: 'office', CidrIp: '198.51.100.0/24'}], Ipv6Ranges: [], PrefixListIds: []},
			{IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [], IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: []},
			{IpProtocol: '-1', UserIdGroupPairs: [{UserId: ACCOUNT, GroupId: groupId}], IpRanges: [], Ipv6Ranges: [], PrefixListIds: []},
		]);
	});

	it('refuses a duplicate rule with the lower-case text, and changes nothing when one of several is a duplicate', () => {
		const h = harness();
		const groupId = create(h);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()});
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()})).toEqual({
			code: 'InvalidPermission.Duplicate',
			message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
		});
		h.err('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: [...ssh('10.0.0.0/8'), ...ssh()]});
		expect(h.world.regions[REGION].securityGroups.get(groupId)!.ingress).toHaveLength(1);
	});

	it('answers NotFound, Malformed and bad CIDRs', () => {
		const h = harness();
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupId: 'sg-0f15d6a526fd46e8f', IpPermissions: ssh()})).toEqual({code: 'InvalidGroup.NotFound', message: "The security group 'sg-0f15d6a526fd46e8f' does not exist"});
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupId: 'i-0d95d6a526fd46e8f', IpPermissions: ssh()})).toEqual({code: 'InvalidGroupId.Malformed', message: 'Invalid id: "i-0d95d6a526fd46e8f" (expecting "sg-...")'});
		const vpc = h.world.regions[REGION].defaultVpcId;
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupName: 'nope', IpPermissions: ssh()})).toEqual({code: 'InvalidGroup.NotFound', message: `The security group 'nope' does not exist in default VPC '${vpc}'`});
		const groupId = create(h);
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh('0.0.0.0/33')})).toEqual({code: 'InvalidParameterValue', message: 'Value (0.0.0.0/33) for parameter cidrIp is invalid. This is not a valid CIDR block.'});
	});

	it('DryRun adds nothing', () => {
		const h = harness();
		const groupId = create(h);
		expect(h.err('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh(), DryRun: true}).code).toBe('DryRunOperation');
		expect(h.world.regions[REGION].securityGroups.get(groupId)!.ingress).toEqual([]);
	});
});

describe('allowsFrom', () => {
	const stranger = '198.51.100.7';
	it('admits TCP to a port when a rule covers the port and its CIDR block holds the source address', () => {
		const h = harness();
		const groupId = create(h);
		const group = () => h.world.regions[REGION].securityGroups.get(groupId)!;
		expect(allowsFrom(group(), 22, stranger)).toBe(false);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh('203.0.113.0/24')});
		expect(allowsFrom(group(), 22, stranger)).toBe(false);
		expect(allowsFrom(group(), 22, '203.0.113.9')).toBe(true);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: [{IpProtocol: 'tcp', FromPort: 8000, ToPort: 8100, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]});
		expect(allowsFrom(group(), 8080, stranger)).toBe(true);
		expect(allowsFrom(group(), 22, stranger)).toBe(false);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]});
		expect(allowsFrom(group(), 22, stranger)).toBe(true);
	});

	it('the default group admits only its own members', () => {
		const h = harness();
		const group = h.world.regions[REGION].securityGroups.values().find(g => g.GroupName === 'default')!;
		expect(allowsFrom(group, 22, stranger)).toBe(false);
	});
});

describe('DescribeSecurityGroups', () => {
	it('filters by name, id and rule properties', () => {
		const h = harness();
		const groupId = create(h);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()});
		const names = (filters: Array<{Name: string; Values: string[]}>) => h.ok('DescribeSecurityGroups', {Filters: filters})!.SecurityGroups.map((g: {GroupName: string}) => g.GroupName);
		expect(names([{Name: 'group-name', Values: ['web-*']}])).toEqual(['web-sg']);
		expect(names([{Name: 'ip-permission.from-port', Values: ['22']}])).toEqual(['web-sg']);
		expect(names([{Name: 'ip-permission.cidr', Values: ['0.0.0.0/0']}])).toEqual(['web-sg']);
		expect(names([{Name: 'vpc-id', Values: [h.world.regions[REGION].defaultVpcId]}]).sort()).toEqual(['default', 'web-sg']);
		expect(h.err('DescribeSecurityGroups', {GroupIds: ['sg-0123456789abcdef0']}).code).toBe('InvalidGroup.NotFound');
	});
});

describe('DeleteSecurityGroup', () => {
	it('returns Return and GroupId', () => {
		const h = harness();
		const groupId = create(h);
		expect(h.ok('DeleteSecurityGroup', {GroupId: groupId})).toEqual({Return: true, GroupId: groupId});
		expect(h.err('DeleteSecurityGroup', {GroupId: groupId}).code).toBe('InvalidGroup.NotFound');
		const other = create(h, 'by-name');
		expect(h.ok('DeleteSecurityGroup', {GroupName: 'by-name'})).toEqual({Return: true, GroupId: other});
	});

	it('cannot delete the default group', () => {
		const h = harness();
		const group = h.world.regions[REGION].securityGroups.values().find(g => g.GroupName === 'default')!;
		expect(h.err('DeleteSecurityGroup', {GroupId: group.GroupId})).toEqual({code: 'CannotDelete', message: `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`});
	});

	it('refuses while an instance uses it, allows once the instance is terminated', () => {
		const h = harness();
		const groupId = create(h);
		h.mutate(w => addInstance(w, {groups: [groupId]}));
		expect(h.err('DeleteSecurityGroup', {GroupId: groupId})).toEqual({code: 'DependencyViolation', message: `resource ${groupId} has a dependent object`});
		h.mutate(w => {
			w.regions[REGION].instances.get(INSTANCE)!.State = 'terminated';
		});
		expect(h.ok('DeleteSecurityGroup', {GroupId: groupId})!.Return).toBe(true);
	});

	it('refuses while another group references it', () => {
		const h = harness();
		const a = create(h, 'a');
		const b = create(h, 'b');
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: b, IpPermissions: [{IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{GroupId: a}]}]});
		expect(h.err('DeleteSecurityGroup', {GroupId: a}).code).toBe('DependencyViolation');
	});
});

describe('RevokeSecurityGroupIngress', () => {
	it('removes a rule and answers NotFound for a rule that is not there', () => {
		const h = harness();
		const groupId = create(h);
		h.ok('AuthorizeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()});
		expect(h.ok('RevokeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()})).toEqual({Return: true});
		expect(h.world.regions[REGION].securityGroups.get(groupId)!.ingress).toEqual([]);
		expect(h.err('RevokeSecurityGroupIngress', {GroupId: groupId, IpPermissions: ssh()}).code).toBe('InvalidPermission.NotFound');
	});
});
