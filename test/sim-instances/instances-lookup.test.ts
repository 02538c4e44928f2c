import {describe, expect, it} from 'vitest';
import {AwsError} from '../../source/sim/errors.js';
import {findInstance, findInstanceByPublicIp, instanceReachable} from '../../source/sim/instances-lookup.js';
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

	it('findInstanceByPublicIp finds running instances in any Region', () => {
		const s = session();
		const id = runningInstance(s);
		const ip = s.instance(id).PublicIpAddress!;
		expect(findInstanceByPublicIp(s.world, ip)).toEqual({region: 'us-east-1', instance: s.instance(id)});
		expect(findInstanceByPublicIp(s.world, '192.0.2.1')).toBeUndefined();
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(findInstanceByPublicIp(s.world, ip)).toBeUndefined();
	});

	it('instanceReachable needs a running instance and a rule open to 0.0.0.0/0 on the port', () => {
		const s = session();
		const id = runningInstance(s);
		const groupId = s.instance(id).SecurityGroupIds[0];
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false); // the default group only admits itself
		s.mutate(w => {
			w.regions['us-east-1'].securityGroups[groupId].ingress.push({SecurityGroupRuleId: 'sgr-0123456789abcdef0', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0'});
		});
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(true);
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 80)).toBe(false);
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(instanceReachable(s.world, 'us-east-1', s.instance(id), 22)).toBe(false);
	});
});
