import {describe, expect, it} from 'vitest';
import {BOOT_MS, TRANSITION_MS, gmtStamp} from '../../../source/sim/core/clock.js';
import {runningInstance, session} from './harness.js';

const state = (Code: number, Name: string) => ({Code, Name});
const PENDING = state(0, 'pending');
const RUNNING = state(16, 'running');
const SHUTTING_DOWN = state(32, 'shutting-down');
const TERMINATED = state(48, 'terminated');
const STOPPING = state(64, 'stopping');
const STOPPED = state(80, 'stopped');

const describeOne = (s: ReturnType<typeof session>, id: string) => s.ok('DescribeInstances', {InstanceIds: [id]})!.Reservations[0].Instances[0];

describe('StopInstances (reference 2.1, 3.5)', () => {
	it('running -> stopping -> stopped, user initiated, public IP released', () => {
		const s = session();
		const id = runningInstance(s);
		const out = s.ok('StopInstances', {InstanceIds: [id]});
		const stoppedAt = s.world.clock;
		expect(out).toEqual({StoppingInstances: [{InstanceId: id, CurrentState: STOPPING, PreviousState: RUNNING}]});
		const stopping = describeOne(s, id);
		expect(stopping.State).toEqual(STOPPING);
		expect(stopping.StateTransitionReason).toBe(`User initiated (${gmtStamp(stoppedAt)})`);
		expect(stopping.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
		expect(stopping.StateReason).toEqual({Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown'});
		expect(stopping).not.toHaveProperty('PublicIpAddress');
		expect(stopping.PublicDnsName).toBe('');
		// still stopping a command later: it takes TRANSITION_MS, several commands
		expect(describeOne(s, id).State).toEqual(STOPPING);
		s.advance(TRANSITION_MS);
		expect(describeOne(s, id).State).toEqual(STOPPED);
	});

	it('is idempotent on stopping and stopped instances', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(s.ok('StopInstances', {InstanceIds: [id]})).toEqual({StoppingInstances: [{InstanceId: id, CurrentState: STOPPING, PreviousState: STOPPING}]});
		s.settle();
		expect(s.ok('StopInstances', {InstanceIds: [id]})).toEqual({StoppingInstances: [{InstanceId: id, CurrentState: STOPPED, PreviousState: STOPPED}]});
	});

	it('refuses pending and terminated instances with the exact texts', () => {
		const s = session();
		const pending = s.launch().Instances[0].InstanceId;
		expect(s.instance(pending).State).toBe('pending');
		const error = s.sameCommand('StopInstances', {InstanceIds: [pending]});
		expect(error.ok ? undefined : error.error).toEqual({code: 'IncorrectInstanceState', message: `Instance '${pending}' cannot be stopped as it has never reached the 'running' state.`});
		const id = runningInstance(s);
		s.ok('TerminateInstances', {InstanceIds: [id]});
		expect(s.err('StopInstances', {InstanceIds: [id]})).toEqual({code: 'IncorrectInstanceState', message: `This instance '${id}' is not in a state from which it can be stopped.`});
	});

	it('stops instance billing while the volumes keep billing', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.instance(id).billing.since).toBeDefined();
		s.ok('StopInstances', {InstanceIds: [id]});
		const instance = s.instance(id);
		expect(instance.billing.since).toBeUndefined();
		expect(instance.billing.billedMs).toBeGreaterThan(0);
		expect(s.region().volumes.get(instance.volumes[0].VolumeId)!.billing.since).toBeDefined();
	});

	it('honours stop protection', () => {
		const s = session();
		const id = runningInstance(s, {DisableApiStop: true});
		expect(s.err('StopInstances', {InstanceIds: [id]})).toEqual({
			code: 'OperationNotPermitted',
			message: `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
		});
	});

	it('DryRun changes nothing', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.err('StopInstances', {InstanceIds: [id], DryRun: true}).code).toBe('DryRunOperation');
		expect(s.instance(id).State).toBe('running');
	});
});

describe('StartInstances', () => {
	it('stopped -> pending -> running with a new public IP and billing again', () => {
		const s = session();
		const id = runningInstance(s);
		const firstIp = s.instance(id).PublicIpAddress;
		s.ok('StopInstances', {InstanceIds: [id]});
		s.settle();
		expect(s.instance(id).State).toBe('stopped');
		expect(s.ok('StartInstances', {InstanceIds: [id]})).toEqual({StartingInstances: [{InstanceId: id, CurrentState: PENDING, PreviousState: STOPPED}]});
		// pending for BOOT_MS: still pending a command later
		expect(describeOne(s, id).State).toEqual(PENDING);
		s.advance(BOOT_MS);
		const pending = describeOne(s, id);
		expect(pending.State).toEqual(RUNNING);
		expect(pending.StateTransitionReason).toBe('');
		expect(pending.PublicIpAddress).toBeDefined();
		expect(pending.PublicIpAddress).not.toBe(firstIp);
		expect(s.instance(id).billing.since).toBeDefined();
	});

	it('answers Current = Previous for running and pending instances', () => {
		const s = session();
		const pending = s.launch().Instances[0].InstanceId;
		const started = s.sameCommand('StartInstances', {InstanceIds: [pending]});
		expect(started.ok && started.output).toEqual({StartingInstances: [{InstanceId: pending, CurrentState: PENDING, PreviousState: PENDING}]});
		const id = runningInstance(s);
		expect(s.ok('StartInstances', {InstanceIds: [id]})).toEqual({StartingInstances: [{InstanceId: id, CurrentState: RUNNING, PreviousState: RUNNING}]});
	});

	it('refuses stopping, shutting-down and terminated instances', () => {
		const s = session();
		const id = runningInstance(s);
		s.ok('StopInstances', {InstanceIds: [id]});
		expect(s.instance(id).State).toBe('stopping');
		const message = `The instance '${id}' is not in a state from which it can be started.`;
		expect(s.err('StartInstances', {InstanceIds: [id]})).toEqual({code: 'IncorrectInstanceState', message});
		s.ok('TerminateInstances', {InstanceIds: [id]});
		expect(s.err('StartInstances', {InstanceIds: [id]})).toEqual({code: 'IncorrectInstanceState', message});
	});
});

describe('TerminateInstances', () => {
	it('-> shutting-down -> terminated; a second call is idempotent', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.ok('TerminateInstances', {InstanceIds: [id]})).toEqual({TerminatingInstances: [{InstanceId: id, CurrentState: SHUTTING_DOWN, PreviousState: RUNNING}]});
		expect(s.instance(id).State).toBe('shutting-down');
		s.settle();
		expect(s.instance(id).State).toBe('terminated');
		expect(s.ok('TerminateInstances', {InstanceIds: [id]})).toEqual({TerminatingInstances: [{InstanceId: id, CurrentState: TERMINATED, PreviousState: TERMINATED}]});
	});

	it('terminates pending and stopped instances too', () => {
		const s = session();
		const pending = s.launch().Instances[0].InstanceId;
		const terminated = s.sameCommand('TerminateInstances', {InstanceIds: [pending]});
		expect(terminated.ok && terminated.output.TerminatingInstances[0].PreviousState).toEqual(PENDING);
		expect(s.instance(pending).State).toBe('shutting-down');
		const id = runningInstance(s);
		s.ok('StopInstances', {InstanceIds: [id]});
		s.settle();
		expect(s.ok('TerminateInstances', {InstanceIds: [id]})!.TerminatingInstances[0].PreviousState).toEqual(STOPPED);
	});

	it('is all-or-nothing: one unknown id and nothing is terminated', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.err('TerminateInstances', {InstanceIds: [id, 'i-0123456789abcdef0']})).toEqual({code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist"});
		expect(s.err('TerminateInstances', {InstanceIds: ['i-0123456789abcdef0', 'i-12345678', id]})).toEqual({
			code: 'InvalidInstanceID.NotFound',
			message: "The instance IDs 'i-0123456789abcdef0, i-12345678' do not exist",
		});
		expect(s.err('TerminateInstances', {InstanceIds: [id, 'i-0224e66eafc2asdfs']})).toEqual({code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-0224e66eafc2asdfs"'});
		expect(s.instance(id).State).toBe('running');
	});

	it('honours termination protection, for every id of the call', () => {
		const s = session();
		const free = runningInstance(s);
		const guarded = runningInstance(s, {DisableApiTermination: true});
		expect(s.err('TerminateInstances', {InstanceIds: [free, guarded]})).toEqual({
			code: 'OperationNotPermitted',
			message: `The instance '${guarded}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
		});
		expect(s.instance(free).State).toBe('running');
	});

	it('deletes DeleteOnTermination volumes (bill closed) and keeps the others, detached and billing', () => {
		const s = session();
		const id = runningInstance(s, {BlockDeviceMappings: [{DeviceName: '/dev/sdf', Ebs: {VolumeSize: 10, DeleteOnTermination: false}}]});
		const [root, data] = s.instance(id).volumes.map(v => v.VolumeId);
		s.settle();
		s.ok('TerminateInstances', {InstanceIds: [id]});
		expect(s.region().volumes.get(root)!).toBeUndefined();
		expect(s.world.closedCharges.some(c => c.resourceId === root && c.kind === 'volume' && c.usd > 0)).toBe(true);
		expect(s.world.closedCharges.some(c => c.resourceId === id && c.kind === 'instance' && c.usd > 0)).toBe(true);
		expect(s.instance(id).billing).toEqual({billedMs: 0});
		const kept = s.region().volumes.get(data)!;
		expect(kept.State).toBe('available');
		expect(kept).not.toHaveProperty('Attachment');
		expect(kept.billing.since).toBeDefined();
	});
});

describe('RebootInstances', () => {
	it('has no output and leaves the instance running', () => {
		const s = session();
		const id = runningInstance(s);
		expect(s.ok('RebootInstances', {InstanceIds: [id]})).toBeUndefined();
		expect(s.instance(id).State).toBe('running');
		expect(s.err('RebootInstances', {InstanceIds: ['i-0123456789abcdef0']}).code).toBe('InvalidInstanceID.NotFound');
	});

	it('brings up exactly the enabled services', () => {
		const s = session();
		const id = runningInstance(s);
		const volumeId = s.instance(id).volumes[0].VolumeId;
		s.mutate(w => {
			w.regions['us-east-1'].volumes.get(volumeId)!.disk!.services.httpd = {enabled: false, active: true};
		});
		s.ok('RebootInstances', {InstanceIds: [id]});
		expect(s.region().volumes.get(volumeId)!.disk!.services.httpd.active).toBe(false);
		expect(s.region().volumes.get(volumeId)!.disk!.services.sshd.active).toBe(true);
	});
});

describe('the guest across stop and start', () => {
	it('a stop halts every service; a start brings up exactly the enabled ones', () => {
		const s = session();
		const id = runningInstance(s);
		const volumeId = s.instance(id).volumes[0].VolumeId;
		s.mutate(w => {
			w.regions['us-east-1'].volumes.get(volumeId)!.disk!.services.httpd = {enabled: false, active: true};
		});
		s.ok('StopInstances', {InstanceIds: [id]});
		const services = () => s.region().volumes.get(volumeId)!.disk!.services;
		expect(Object.values(services()).every(service => !service.active)).toBe(true);
		s.settle();
		s.ok('StartInstances', {InstanceIds: [id]});
		s.settle();
		expect(s.instance(id).State).toBe('running');
		expect(services().sshd.active).toBe(true);
		expect(services().httpd.active).toBe(false);
	});
});
