import {describe, expect, it} from 'vitest';
import {waiterByCliName} from '../../source/cli/catalogue.js';
import {describeConfirmed, resourceIds, waiterConfirmed} from '../../source/cli/confirmed.js';

// What an API call vouches for without printing it (goals' `confirms:`): the resources it listed,
// its one-value filters, a waiter's states.

const instances = (state: string) => ({
	Reservations: [{ReservationId: 'r-1', Instances: [{InstanceId: 'i-exam', ImageId: 'ami-spring', State: {Name: state}, NetworkInterfaces: [{NetworkInterfaceId: 'eni-1'}]}]}],
});

describe('what a call confirmed', () => {
	it('lists the resources an answer holds, not what they refer to', () => {
		expect(resourceIds(instances('running'))).toEqual(['i-exam']);
		expect(resourceIds({Images: [{ImageId: 'ami-1', Name: 'lab-master-v1', BlockDeviceMappings: [{Ebs: {SnapshotId: 'snap-1'}}]}]})).toEqual(['ami-1', 'lab-master-v1']);
		expect(resourceIds({Reservations: []})).toEqual([]);
	});

	it('a describe vouches for its one-value filters on what it returned, and for nothing when it returned nothing', () => {
		const filters = (...values: string[][]) => ({Filters: values.map((Values, i) => ({Name: `f${i}`, Values}))});
		expect(describeConfirmed('DescribeInstances', filters(['exam-server'], ['running']), instances('running'))).toEqual(['exam-server', 'running', 'i-exam']);
		// several values or a wildcard say nothing about each resource
		expect(describeConfirmed('DescribeInstances', filters(['pending', 'running'], ['lab-*']), instances('running'))).toBeUndefined();
		expect(describeConfirmed('DescribeInstances', filters(['stopped']), {Reservations: []})).toBeUndefined();
		expect(describeConfirmed('DescribeInstances', {InstanceIds: ['i-exam']}, instances('running'))).toBeUndefined();
		expect(describeConfirmed('TerminateInstances', filters(['x']), instances('running'))).toBeUndefined();
	});

	it('a waiter vouches for the states it saw while it polled, about what it waited for', () => {
		const waiter = waiterByCliName('image-available')!;
		const image = (State: string) => ({Images: [{ImageId: 'ami-1', Name: 'lab-master-v1', State}]});
		expect(waiterConfirmed(waiter, {ImageIds: ['ami-1']}, [image('pending'), image('pending'), image('available')])).toEqual(['pending', 'available', 'ami-1', 'lab-master-v1']);
		expect(waiterConfirmed(waiter, {ImageIds: ['ami-1']}, [image('available')])).toEqual(['available', 'ami-1', 'lab-master-v1']);
		expect(waiterConfirmed(waiterByCliName('instance-running')!, {}, [instances('pending'), instances('running')])).toEqual(['pending', 'running', 'i-exam']);
	});
});
