import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {runningInstance, session} from './harness.js';

// Every output member must exist in the EC2 model (the committed catalogue) with the model's type.

type Shape = {type: string; members?: Array<{name: string; shape: string}>; member?: string};
const catalogue = createRequire(import.meta.url)('../../../source/cli/catalogue.json') as {operations: Record<string, {output?: string}>; shapes: Record<string, Shape>};

const violations = (value: unknown, shapeName: string, path: string, out: string[]): string[] => {
	const shape = catalogue.shapes[shapeName];
	if (!shape) return [...out, `${path}: unknown shape ${shapeName}`];
	switch (shape.type) {
		case 'structure': {
			if (!value || typeof value !== 'object' || Array.isArray(value)) return [...out, `${path}: not an object`];
			for (const [key, member] of Object.entries(value)) {
				const def = shape.members?.find(m => m.name === key);
				if (!def) out.push(`${path}.${key}: not a member of ${shapeName}`);
				else violations(member, def.shape, `${path}.${key}`, out);
			}

			return out;
		}

		case 'list': {
			if (!Array.isArray(value)) return [...out, `${path}: not a list`];
			for (const [i, item] of value.entries()) violations(item, shape.member!, `${path}[${i}]`, out);
			return out;
		}

		case 'string':
		case 'blob': {
			return typeof value === 'string' ? out : [...out, `${path}: not a string`];
		}

		case 'boolean': {
			return typeof value === 'boolean' ? out : [...out, `${path}: not a boolean`];
		}

		case 'integer':
		case 'long': {
			return Number.isInteger(value) ? out : [...out, `${path}: not an integer`];
		}

		case 'timestamp': {
			return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/.test(value) ? out : [...out, `${path}: not a CLI timestamp`];
		}

		default: {
			return out;
		}
	}
};

const check = (cliName: string, output: unknown) => violations(output, catalogue.operations[cliName].output!, cliName, []);

describe('outputs follow the EC2 model', () => {
	it('run-instances, describe-instances, state changes and attributes', () => {
		const s = session();
		const launched = s.launch({MinCount: 2, MaxCount: 2, TagSpecifications: [{ResourceType: 'instance', Tags: [{Key: 'Name', Value: 'a'}]}], IamInstanceProfile: {Name: 'p'}});
		expect(check('run-instances', launched)).toEqual([]);
		const id = runningInstance(s, {KeyName: undefined});
		expect(check('describe-instances', s.ok('DescribeInstances'))).toEqual([]);
		expect(check('stop-instances', s.ok('StopInstances', {InstanceIds: [id]}))).toEqual([]);
		expect(check('describe-instances', s.ok('DescribeInstances'))).toEqual([]);
		s.settle();
		expect(check('start-instances', s.ok('StartInstances', {InstanceIds: [id]}))).toEqual([]);
		for (const attribute of ['instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop']) {
			expect(check('describe-instance-attribute', s.ok('DescribeInstanceAttribute', {InstanceId: id, Attribute: attribute}))).toEqual([]);
		}

		expect(check('terminate-instances', s.ok('TerminateInstances', {InstanceIds: [id]}))).toEqual([]);
		s.settle();
		expect(check('describe-instances', s.ok('DescribeInstances', {MaxResults: 5}))).toEqual([]);
	});
});
