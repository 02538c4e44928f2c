import {fail} from '../core/errors.js';
import {cidrContains} from './internet.js';
import {optionalInteger, optionalString} from '../core/resource-params.js';
import type {IpPermission, SecurityGroup} from '../core/types.js';

// Security group rules: reading `IpPermissions` from a request, spotting duplicates with
// EC2's own wording, and answering "can the internet reach this port?".

/** One rule as a request asks for it (no rule id yet). */
export type RuleSpec = Omit<IpPermission, 'SecurityGroupRuleId'>;

const PROTOCOL_NUMBERS: Record<string, string> = {'6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6'};

/** tcp / udp / icmp / icmpv6 / -1, or a protocol number 0-255 (6, 17, 1, 58 become names). */
export const normalizeProtocol = (value: string): string => {
	const protocol = value.trim().toLowerCase();
	if (protocol === '-1' || protocol === 'tcp' || protocol === 'udp' || protocol === 'icmp' || protocol === 'icmpv6') return protocol;
	if (/^\d{1,3}$/.test(protocol) && Number(protocol) <= 255) return PROTOCOL_NUMBERS[String(Number(protocol))] ?? String(Number(protocol));
	return fail('InvalidParameterValue', `Invalid value '${value}' for IP protocol. Unknown protocol.`);
};

const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export const checkCidr = (cidr: string): string => {
	const m = CIDR4.exec(cidr);
	if (!m || m.slice(1, 5).some(octet => Number(octet) > 255) || Number(m[5]) > 32) {
		fail('InvalidParameterValue', `Value (${cidr}) for parameter cidrIp is invalid. This is not a valid CIDR block.`);
	}

	return cidr;
};

const checkCidr6 = (cidr: string): string => {
	if (!/^[\da-f:]+\/\d{1,3}$/i.test(cidr) || Number(cidr.split('/')[1]) > 128) {
		fail('InvalidParameterValue', `Value (${cidr}) for parameter cidrIpv6 is invalid. This is not a valid IPv6 CIDR block.`);
	}

	return cidr;
};

const portsFor = (protocol: string, from: number | undefined, to: number | undefined): {FromPort?: number; ToPort?: number} => {
	if (protocol === '-1') return {};
	if (protocol === 'tcp' || protocol === 'udp') {
		if (from === undefined || to === undefined) fail('InvalidParameterValue', 'Invalid value \'Must specify both from and to ports with TCP/UDP.\' for portRange');
		if (from! < 0 || to! > 65_535 || from! > to!) fail('InvalidParameterValue', `Invalid value '${from}-${to}' for portRange`);
		return {FromPort: from, ToPort: to};
	}

	return {FromPort: from ?? -1, ToPort: to ?? -1}; // icmp type/code, or any other protocol
};

type Lookup = (ref: {GroupId?: string; GroupName?: string}) => string;

/**
 * The rules an `IpPermissions` list (or the legacy top-level CidrIp/IpProtocol/FromPort/ToPort)
 * asks for, one per peer. `lookupGroup` resolves a referenced group to its id (or fails).
 */
export const rulesFromRequest = (params: Record<string, any>, lookupGroup: Lookup): RuleSpec[] => {
	const rules: RuleSpec[] = [];
	const permissions: Array<Record<string, any>> = Array.isArray(params.IpPermissions) ? [...params.IpPermissions] : [];
	if (params.IpProtocol !== undefined || params.CidrIp !== undefined || params.SourceSecurityGroupName !== undefined) {
		permissions.push({
			IpProtocol: params.IpProtocol ?? (params.SourceSecurityGroupName === undefined ? undefined : '-1'),
			FromPort: params.FromPort,
			ToPort: params.ToPort,
			IpRanges: params.CidrIp === undefined ? [] : [{CidrIp: params.CidrIp}],
			UserIdGroupPairs: params.SourceSecurityGroupName === undefined ? [] : [{GroupName: params.SourceSecurityGroupName}],
		});
	}

	for (const permission of permissions) {
		const rawProtocol = optionalString(permission?.IpProtocol, 'IpProtocol');
		if (rawProtocol === undefined) fail('MissingParameter', 'The request must contain the parameter ipPermissions.ipProtocol');
		const IpProtocol = normalizeProtocol(rawProtocol!);
		const ports = portsFor(IpProtocol, optionalInteger(permission.FromPort, 'fromPort'), optionalInteger(permission.ToPort, 'toPort'));
		const peers: RuleSpec[] = [];
		for (const range of asArray(permission.IpRanges)) {
			peers.push({IpProtocol, ...ports, CidrIpv4: checkCidr(optionalString(range?.CidrIp, 'CidrIp') ?? ''), Description: optionalString(range?.Description, 'Description')});
		}

		for (const range of asArray(permission.Ipv6Ranges)) {
			peers.push({IpProtocol, ...ports, CidrIpv6: checkCidr6(optionalString(range?.CidrIpv6, 'CidrIpv6') ?? ''), Description: optionalString(range?.Description, 'Description')});
		}

		for (const pair of asArray(permission.UserIdGroupPairs)) {
			const groupId = lookupGroup({GroupId: optionalString(pair?.GroupId, 'GroupId'), GroupName: optionalString(pair?.GroupName, 'GroupName')});
			peers.push({IpProtocol, ...ports, ReferencedGroupId: groupId, Description: optionalString(pair?.Description, 'Description')});
		}

		if (peers.length === 0) fail('MissingParameter', 'The request must contain the parameter ipPermissions.ipRanges or ipPermissions.groups');
		rules.push(...peers);
	}

	if (rules.length === 0) fail('MissingParameter', 'The request must contain the parameter ipPermissions');
	for (const rule of rules) {
		if (rule.Description === undefined) delete rule.Description;
	}

	return rules;
};

const asArray = (value: unknown): Array<Record<string, any>> => (Array.isArray(value) ? (value as Array<Record<string, any>>) : []);

const peerOf = (rule: RuleSpec): string => rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupId ?? '';

/** Same protocol, ports and peer: EC2 refuses to add it twice. */
export const sameRule = (a: RuleSpec, b: RuleSpec): boolean =>
	a.IpProtocol === b.IpProtocol && a.FromPort === b.FromPort && a.ToPort === b.ToPort && peerOf(a) === peerOf(b);

/** `the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists` */
export const duplicateRuleMessage = (rule: RuleSpec): string => {
	const protocol = rule.IpProtocol === '-1' ? 'ALL' : rule.IpProtocol.toUpperCase();
	const ports =
		rule.IpProtocol === '-1'
			? ''
			: rule.IpProtocol === 'icmp' || rule.IpProtocol === 'icmpv6'
				? `, type: ${rule.FromPort}, code: ${rule.ToPort}`
				: `, from port: ${rule.FromPort}, to port: ${rule.ToPort}`;
	return `the specified rule "peer: ${peerOf(rule)}, ${protocol}${ports}, ALLOW" already exists`;
};

/** The rule's protocol and port range let a TCP connection to `port` through (any peer). */
export const admitsTcpPort = (rule: RuleSpec, port: number): boolean => {
	if (rule.IpProtocol === '-1' || rule.IpProtocol === 'all') return true;
	if (rule.IpProtocol !== 'tcp' && rule.IpProtocol !== '6') return false;
	return port >= (rule.FromPort ?? 0) && port <= (rule.ToPort ?? 65_535);
};

/** The rule admits a TCP connection to `port` from the IPv4 address `sourceIp`. */
export const ruleAdmits = (rule: RuleSpec, port: number, sourceIp: string): boolean =>
	rule.CidrIpv4 !== undefined && cidrContains(rule.CidrIpv4, sourceIp) && admitsTcpPort(rule, port);

/** True when an ingress rule admits `port` over TCP from the given source address (IPv4). */
export const allowsFrom = (group: SecurityGroup, port: number, sourceIp: string): boolean => group.ingress.some(rule => ruleAdmits(rule, port, sourceIp));
