import type {IpPermission, SecurityGroup} from '../core/types.js';
import {compact} from '../core/compact.js';
import {tagsView} from '../tags/resource-tags.js';

// A security group as DescribeSecurityGroups prints it. EC2 groups the rules it stores one by
// one into IpPermissions: one entry per protocol and port range, each listing its peers in
// IpRanges, Ipv6Ranges and UserIdGroupPairs (empty lists included, as AWS sends them).

export const securityGroupArn = (region: string, account: string, groupId: string): string => `arn:aws:ec2:${region}:${account}:security-group/${groupId}`;

const portKey = (rule: IpPermission): string => `${rule.IpProtocol}|${rule.FromPort ?? ''}|${rule.ToPort ?? ''}`;

export const permissionsView = (rules: IpPermission[], account: string): Array<Record<string, unknown>> => {
	const groups = new Map<string, {rule: IpPermission; members: IpPermission[]}>();
	for (const rule of rules) {
		const key = portKey(rule);
		const entry = groups.get(key);
		if (entry) entry.members.push(rule);
		else groups.set(key, {rule, members: [rule]});
	}

	return [...groups.values()].map(({rule, members}) =>
		compact({
			IpProtocol: rule.IpProtocol,
			FromPort: rule.IpProtocol === '-1' ? undefined : rule.FromPort,
			ToPort: rule.IpProtocol === '-1' ? undefined : rule.ToPort,
			UserIdGroupPairs: members
				.filter(m => m.ReferencedGroupId !== undefined)
				.map(m => compact({Description: m.Description, UserId: account, GroupId: m.ReferencedGroupId})),
			IpRanges: members.filter(m => m.CidrIpv4 !== undefined).map(m => compact({Description: m.Description, CidrIp: m.CidrIpv4})),
			Ipv6Ranges: members.filter(m => m.CidrIpv6 !== undefined).map(m => compact({Description: m.Description, CidrIpv6: m.CidrIpv6})),
			PrefixListIds: [],
		}),
	);
};

export const securityGroupView = (group: SecurityGroup, region: string): Record<string, unknown> =>
	compact({
		GroupId: group.GroupId,
		IpPermissionsEgress: permissionsView(group.egress, group.OwnerId),
		Tags: tagsView(group.Tags),
		VpcId: group.VpcId,
		SecurityGroupArn: securityGroupArn(region, group.OwnerId, group.GroupId),
		OwnerId: group.OwnerId,
		GroupName: group.GroupName,
		Description: group.Description,
		IpPermissions: permissionsView(group.ingress, group.OwnerId),
	});

/** One rule as AuthorizeSecurityGroupIngress returns it (SecurityGroupRule). */
export const securityGroupRuleView = (group: SecurityGroup, rule: IpPermission, isEgress: boolean): Record<string, unknown> =>
	compact({
		SecurityGroupRuleId: rule.SecurityGroupRuleId,
		GroupId: group.GroupId,
		GroupOwnerId: group.OwnerId,
		IsEgress: isEgress,
		IpProtocol: rule.IpProtocol,
		FromPort: rule.FromPort ?? -1,
		ToPort: rule.ToPort ?? -1,
		CidrIpv4: rule.CidrIpv4,
		CidrIpv6: rule.CidrIpv6,
		ReferencedGroupInfo: rule.ReferencedGroupId === undefined ? undefined : {GroupId: rule.ReferencedGroupId, UserId: group.OwnerId},
		Description: rule.Description,
	});
