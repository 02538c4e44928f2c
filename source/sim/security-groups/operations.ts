import type {OpContext, OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters} from '../core/filters.js';
import {isWellFormedId, nextId} from '../core/ids.js';
import {findGroupByName, groupByName} from './lookup.js';
import {groupNotFound} from '../core/not-found.js';
import {checkAsciiText, checkId, missing, optionalString, requiredString, stringList} from '../core/resource-params.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import {duplicateRuleMessage, rulesFromRequest, sameRule, type RuleSpec} from './rules.js';
import type {IpPermission, SecurityGroup} from '../core/types.js';
import {securityGroupArn, securityGroupRuleView, securityGroupView} from './view.js';

// Security groups (aws-reference 3.11): CreateSecurityGroup, DescribeSecurityGroups,
// DeleteSecurityGroup, AuthorizeSecurityGroupIngress, RevokeSecurityGroupIngress.
// Every Region has one VPC (the default VPC) and its `default` group.

/** The group a request names by GroupId or (default VPC) GroupName, or the EC2 error. */
export const findGroup = (ctx: OpContext, ref: {GroupId?: string; GroupName?: string}): SecurityGroup => {
	if (ref.GroupId !== undefined && ref.GroupId !== '') {
		checkId(ref.GroupId, 'sg', 'InvalidGroupId.Malformed');
		return (ctx.region.securityGroups.has(ref.GroupId) ? ctx.region.securityGroups.get(ref.GroupId) : undefined) ?? groupNotFound(ref.GroupId);
	}

	if (ref.GroupName !== undefined && ref.GroupName !== '') return findGroupByName(ctx.region, ref.GroupName);
	return missing('groupName or groupId');
};

const groupRef = (params: Record<string, any>) => ({GroupId: optionalString(params.GroupId, 'GroupId'), GroupName: optionalString(params.GroupName, 'GroupName')});

const createSecurityGroup: OpHandler = (ctx, params) => {
	const description = requiredString(params.Description, 'GroupDescription');
	const name = requiredString(params.GroupName, 'GroupName');
	if (name.toLowerCase().startsWith('sg-')) fail('InvalidParameterValue', `Value (${name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`);
	checkAsciiText(name, 'GroupName');
	checkAsciiText(description, 'GroupDescription');
	const vpcId = optionalString(params.VpcId, 'VpcId') ?? ctx.region.defaultVpcId;
	if (!isWellFormedId(vpcId, 'vpc')) fail('InvalidVpcID.Malformed', `Invalid id: "${vpcId}" (expecting "vpc-...")`);
	if (vpcId !== ctx.region.defaultVpcId) fail('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
	const tags = readTagSpecifications(params.TagSpecifications, 'CreateSecurityGroup')('security-group');
	if (groupByName(ctx.region, name, vpcId)) fail('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
	const groupId = nextId(ctx.world, 'sg');
	ctx.region.securityGroups.set(groupId, {
		GroupId: groupId,
		GroupName: name,
		Description: description,
		VpcId: vpcId,
		OwnerId: ctx.world.account,
		ingress: [],
		egress: [{SecurityGroupRuleId: nextId(ctx.world, 'sgr'), IpProtocol: '-1', CidrIpv4: '0.0.0.0/0'}],
		Tags: tags,
	});
	const output: Record<string, unknown> = {GroupId: groupId, SecurityGroupArn: securityGroupArn(ctx.regionName, ctx.world.account, groupId)};
	if (tags.length > 0) output.Tags = tags.map(t => ({...t}));
	return output;
};

const ruleValues = (rules: IpPermission[], read: (rule: IpPermission) => unknown) => rules.map(read).filter(v => v !== undefined).map(String);

const describeSecurityGroups: OpHandler = (ctx, params) => {
	const ids = stringList(params.GroupIds, 'GroupId');
	const names = stringList(params.GroupNames, 'GroupName');
	const permissionFilters = (prefix: string, side: (g: SecurityGroup) => IpPermission[]) => ({
		[`${prefix}ip-permission.cidr`]: (g: SecurityGroup) => ruleValues(side(g), r => r.CidrIpv4),
		[`${prefix}ip-permission.ipv6-cidr`]: (g: SecurityGroup) => ruleValues(side(g), r => r.CidrIpv6),
		[`${prefix}ip-permission.from-port`]: (g: SecurityGroup) => ruleValues(side(g), r => r.FromPort),
		[`${prefix}ip-permission.to-port`]: (g: SecurityGroup) => ruleValues(side(g), r => r.ToPort),
		[`${prefix}ip-permission.protocol`]: (g: SecurityGroup) => ruleValues(side(g), r => r.IpProtocol),
		[`${prefix}ip-permission.group-id`]: (g: SecurityGroup) => ruleValues(side(g), r => r.ReferencedGroupId),
		[`${prefix}ip-permission.user-id`]: (g: SecurityGroup) => (side(g).some(r => r.ReferencedGroupId) ? [g.OwnerId] : []),
	});
	const matches = compileFilters<SecurityGroup>(params.Filters, {
		description: g => g.Description,
		'group-id': g => g.GroupId,
		'group-name': g => g.GroupName,
		'owner-id': g => g.OwnerId,
		'vpc-id': g => g.VpcId,
		...permissionFilters('', g => g.ingress),
		...permissionFilters('egress.', g => g.egress),
	});
	let groups = ctx.region.securityGroups.values();
	if (ids && ids.length > 0) {
		for (const id of ids) findGroup(ctx, {GroupId: id});
		groups = groups.filter(g => ids.includes(g.GroupId));
	}

	if (names && names.length > 0) {
		for (const name of names) findGroup(ctx, {GroupName: name});
		groups = groups.filter(g => g.VpcId === ctx.region.defaultVpcId && names.includes(g.GroupName));
	}

	return {SecurityGroups: groups.filter(g => matches(g)).map(g => securityGroupView(g, ctx.regionName))};
};

const deleteSecurityGroup: OpHandler = (ctx, params) => {
	const group = findGroup(ctx, groupRef(params));
	if (group.GroupName === 'default') fail('CannotDelete', `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`);
	const usedByInstance = ctx.region.instances.values().some(i => i.State !== 'terminated' && i.SecurityGroupIds.includes(group.GroupId));
	const referenced = ctx.region.securityGroups.values().some(
		g => g.GroupId !== group.GroupId && [...g.ingress, ...g.egress].some(rule => rule.ReferencedGroupId === group.GroupId),
	);
	if (usedByInstance || referenced) fail('DependencyViolation', `resource ${group.GroupId} has a dependent object`);
	ctx.region.securityGroups.delete(group.GroupId);
	return {Return: true, GroupId: group.GroupId};
};

const lookupPeer = (ctx: OpContext) => (ref: {GroupId?: string; GroupName?: string}) => findGroup(ctx, ref).GroupId;

const authorizeSecurityGroupIngress: OpHandler = (ctx, params) => {
	const group = findGroup(ctx, groupRef(params));
	readTagSpecifications(params.TagSpecifications, 'AuthorizeSecurityGroupIngress');
	const rules = rulesFromRequest(params, lookupPeer(ctx));
	const added: IpPermission[] = [];
	for (const rule of rules) {
		if ([...group.ingress, ...added].some(existing => sameRule(existing, rule))) fail('InvalidPermission.Duplicate', duplicateRuleMessage(rule));
		added.push({SecurityGroupRuleId: nextId(ctx.world, 'sgr'), ...rule});
	}

	group.ingress.push(...added);
	return {Return: true, SecurityGroupRules: added.map(rule => securityGroupRuleView(group, rule, false))};
};

const revokeSecurityGroupIngress: OpHandler = (ctx, params) => {
	const group = findGroup(ctx, groupRef(params));
	const ruleIds = stringList(params.SecurityGroupRuleIds, 'SecurityGroupRuleId');
	let removed: IpPermission[];
	if (ruleIds && ruleIds.length > 0) {
		removed = ruleIds.map(id => group.ingress.find(rule => rule.SecurityGroupRuleId === id) ?? fail('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`));
	} else {
		const specs: RuleSpec[] = rulesFromRequest(params, lookupPeer(ctx));
		removed = specs.map(spec => group.ingress.find(rule => sameRule(rule, spec)) ?? fail('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.'));
	}

	group.ingress = group.ingress.filter(rule => !removed.includes(rule));
	return {Return: true};
};

export const securityGroupOperations: Record<string, OpHandler> = {
	CreateSecurityGroup: createSecurityGroup,
	DescribeSecurityGroups: describeSecurityGroups,
	DeleteSecurityGroup: deleteSecurityGroup,
	AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
	RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
};
