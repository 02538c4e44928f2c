import {describe, expect, it} from 'vitest';
import {AwsError} from '../../../source/sim/core/errors.js';
import {findInstance, findInstanceByPublicIp, instanceReachable} from '../../../source/sim/instances/lookup.js';
import {cidrContains, PLAYER_PUBLIC_IP} from '../../../source/sim/security-groups/internet.js';
import {runningInstance, session} from './harness.js';

const thrown = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		if (error instanceof AwsError) return {code: error.code, message: error.message};
		throw error;
	}

	throw new Error('did not throw');
};

describe('instances-lookup', () => {
	it('findInstance answers Malformed and NotFound exactly', () => {
		const s = session();
		const id = runningInstance(s);
		expect(findInstance(s.world, 'us-east-1', id).InstanceId).toBe(id);
		expect(findInstance(s.world, s.region(), id).InstanceId).toBe(id);
		expect(thrown(() => findInstance(s.world, 'us-east-1', 'xyz'))).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "xyz"'});
		expect(thrown(() => findInstance(s.world, 'us-east-1', 'i-0123456789abcdef0'))).toEqual({code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist"});
		expect(thrown(() => findInstance(s.world, 'eu-west-1', id)).code).toBe('InvalidInstanceID.NotFound');
	});

	it('findInstanceByPublicIp finds running instances (only) in any Region', () => {
		const s = session();
		const id = runningInstance(s);
		const ip0 = s.instance(id).PublicIpAddress!;
		s.mutate(w => {
			w.regions['us-east-1'].instances.get(id)!.State = 'pending';
		});
		expect(findInstanceByPublicIp(s.world, ip0)).toBeUndefined();
		s.mutate(w => {
			w.regions['us-east-1'].instances.get(id)!.State = 'running';
		});
		const ip = s.instance(id).PublicIpAddress!;
		expect(findInstanceByPublicIp(s.world, ip)).toEqual({region: 'us-east-1', instance: s.instance(id)});
		expect(findInstanceByPublicIp(s.world, '192.0.2.1')).toBeUndefined();
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(findInstanceByPublicIp(s.world, ip)).toBeUndefined();
	});

	it('instanceReachable needs a running instance and a rule whose CIDR block holds the source address', () => {
		const s = session();
		const id = runningInstance(s);
		const groupId = s.instance(id).SecurityGroupIds[0];
		const allow = (cidr: string, from = 22, to = 22, protocol = 'tcp') =>
			s.mutate(w => {
				w.regions['us-east-1'].securityGroups.get(groupId)!.ingress = [{SecurityGroupRuleId: 'sgr-0123456789abcdef0', IpProtocol: protocol, FromPort: from, ToPort: to, CidrIpv4: cidr}];
			});
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false); // the default group only admits itself
		allow('0.0.0.0/0');
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(true);
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 80)).toBe(false);
		// "My IP" in the console: a /32 (or any block) holding the player's address 198.51.100.23
		allow(`${PLAYER_PUBLIC_IP}/32`);
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(true);
		allow('198.51.100.0/24');
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(true);
		allow('203.0.113.0/24');
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false);
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22, '203.0.113.9')).toBe(true);
		allow('0.0.0.0/0', 20, 30);
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(true);
		allow('0.0.0.0/0', 22, 22, 'udp');
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false);
		s.mutate(w => {
			w.regions['us-east-1'].securityGroups.get(groupId)!.ingress = [{SecurityGroupRuleId: 'sgr-0123456789abcdef0', IpProtocol: '-1', CidrIpv4: '0.0.0.0/0'}];
		});
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 443)).toBe(true);
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false);
	});

	it('cidrContains: prefix lengths, bare addresses and malformed input', () => {
		expect(cidrContains('0.0.0.0/0', '198.51.100.23')).toBe(true);
		expect(cidrContains('198.51.100.0/24', '198.51.100.23')).toBe(true);
		expect(cidrContains('198.51.100.0/25', '198.51.100.200')).toBe(false);
		expect(cidrContains('198.51.100.23', '198.51.100.23')).toBe(true);
		expect(cidrContains('10.0.0.0/8', '10.255.1.1')).toBe(true);
		expect(cidrContains('10.0.0.0/33', '10.0.0.1')).toBe(false);
		expect(cidrContains('10.0.0.0/8', 'not-an-ip')).toBe(false);
	});
});
