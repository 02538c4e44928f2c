import {describe, expect, it} from 'vitest';
import {schedule} from '../../source/sim/core/settle.js';
import {WAITER_DELAY_MS, WAITER_MAX_ATTEMPTS} from '../../source/sim/core/clock.js';
import {waiterByCliName} from '../../source/cli/catalogue.js';
import {runWaiter} from '../../source/cli/waiters/waiters.js';
import {IMAGE, REGION, VOLUME, addImageUsing, addVolume, harness} from '../sim/resources-fixture.js';
import {shellGuest} from '../../source/shell/guest/boot.js';

const withSnapshot = () => {
	const h = harness();
	h.mutate(w => addVolume(w));
	const snapshotId = h.ok('CreateSnapshot', {VolumeId: VOLUME})!.SnapshotId as string;
	return {h, snapshotId};
};

const wait = (h: ReturnType<typeof harness>, waiter: string, params: Record<string, unknown>) => {
	const start = h.world.clock;
	const outcome = runWaiter(h.world, {waiter: waiterByCliName(waiter)!, region: REGION, params}, shellGuest);
	return {...outcome, elapsed: outcome.world.clock - start};
};

describe('waiter definitions (botocore waiters-2.json, from the catalogue)', () => {
	it('names each waiter by its model name and polls the describe operation', () => {
		expect(waiterByCliName('image-available')).toMatchObject({name: 'ImageAvailable', operation: 'DescribeImages', delay: 15, maxAttempts: 40});
		expect(waiterByCliName('instance-running')).toMatchObject({name: 'InstanceRunning', operation: 'DescribeInstances', delay: 15, maxAttempts: 40});
		expect(waiterByCliName('key-pair-exists')).toMatchObject({name: 'KeyPairExists', operation: 'DescribeKeyPairs', delay: 5, maxAttempts: 6});
		expect(waiterByCliName('image-exists')!.acceptors).toEqual([
			{state: 'success', matcher: 'path', argument: 'length(Images[]) > `0`', expected: true},
			{state: 'retry', matcher: 'error', expected: 'InvalidAMIID.NotFound'},
		]);
		expect(waiterByCliName('image-gone')).toBeUndefined();
	});
});

describe('snapshot-completed', () => {
	it('polls every 15 s of virtual time until the snapshot completes', () => {
		const {h, snapshotId} = withSnapshot();
		const outcome = wait(h, 'snapshot-completed', {SnapshotIds: [snapshotId]});
		expect(outcome.result).toEqual({ok: true});
		expect(outcome.name).toBe('SnapshotCompleted');
		expect(outcome.attempts).toBeGreaterThan(1);
		expect(outcome.elapsed).toBe((outcome.attempts - 1) * WAITER_DELAY_MS);
		expect(outcome.world.regions[REGION].snapshots.get(snapshotId)!.State).toBe('completed');
	});

	it('fails at once on a snapshot in error state', () => {
		const {h, snapshotId} = withSnapshot();
		h.mutate(w => {
			w.regions[REGION].snapshots.get(snapshotId)!.State = 'error';
		});
		const outcome = wait(h, 'snapshot-completed', {SnapshotIds: [snapshotId]});
		expect(outcome.result).toEqual({ok: false, reason: 'Waiter encountered a terminal failure state: For expression "Snapshots[].State" we matched expected path: "error" at least once'});
		expect(outcome.attempts).toBe(1);
	});

	it('fails at once on an error no acceptor expects', () => {
		const h = harness();
		const outcome = wait(h, 'snapshot-completed', {SnapshotIds: ['snap-0123456789abcdef0']});
		expect(outcome.result).toEqual({ok: false, reason: "An error occurred (InvalidSnapshot.NotFound): The snapshot 'snap-0123456789abcdef0' does not exist."});
		expect(outcome.attempts).toBe(1);
		expect(outcome.elapsed).toBe(0);
	});

	it('an empty answer never succeeds: Max attempts exceeded after 40 polls', () => {
		const h = harness();
		const outcome = wait(h, 'snapshot-completed', {OwnerIds: ['self']});
		expect(outcome.result).toEqual({ok: false, reason: 'Max attempts exceeded'});
		expect(outcome.attempts).toBe(WAITER_MAX_ATTEMPTS);
		expect(outcome.elapsed).toBe((WAITER_MAX_ATTEMPTS - 1) * WAITER_DELAY_MS);
	});
});

describe('image waiters', () => {
	const pendingImage = () => {
		const h = harness();
		h.mutate(w => {
			addImageUsing(w, 'snap-0aaaaaaaaaaaaaaa1', {state: 'pending'});
			w.regions[REGION].images.get(IMAGE)!.readyAt = w.clock + 40_000;
			schedule(w, {at: w.clock + 40_000, region: REGION, kind: 'image', id: IMAGE});
		});
		return h;
	};

	it('image-available succeeds once the pending image is available', () => {
		const h = pendingImage();
		const outcome = wait(h, 'image-available', {ImageIds: [IMAGE]});
		expect(outcome.result).toEqual({ok: true});
		expect(outcome.attempts).toBe(4);
		expect(outcome.world.regions[REGION].images.get(IMAGE)!.State).toBe('available');
	});

	it('image-available fails on a failed image with botocore\'s wording', () => {
		const h = pendingImage();
		h.mutate(w => {
			w.regions[REGION].images.get(IMAGE)!.State = 'failed';
		});
		expect(wait(h, 'image-available', {ImageIds: [IMAGE]}).result).toEqual({
			ok: false,
			reason: 'Waiter encountered a terminal failure state: For expression "Images[].State" we matched expected path: "failed" at least once',
		});
	});

	it('image-available fails at once on NotFound and Malformed', () => {
		const h = harness();
		expect(wait(h, 'image-available', {ImageIds: ['ami-0123456789abcdef0']}).result).toEqual({ok: false, reason: "An error occurred (InvalidAMIID.NotFound): The image id '[ami-0123456789abcdef0]' does not exist"});
		expect(wait(h, 'image-available', {ImageIds: ['bad-id']}).result).toEqual({ok: false, reason: 'An error occurred (InvalidAMIID.Malformed): Invalid id: "bad-id" (expecting "ami-...")'});
	});

	it('image-exists retries NotFound up to the limit and says which acceptor it last matched', () => {
		const h = harness();
		const outcome = wait(h, 'image-exists', {ImageIds: ['ami-0123456789abcdef0']});
		expect(outcome.result).toEqual({ok: false, reason: 'Max attempts exceeded. Previously accepted state: Matched expected service error code: InvalidAMIID.NotFound'});
		expect(outcome.attempts).toBe(40);
	});

	it('image-exists succeeds at once for a pending image', () => {
		const outcome = wait(pendingImage(), 'image-exists', {ImageIds: [IMAGE]});
		expect(outcome.result).toEqual({ok: true});
		expect(outcome.attempts).toBe(1);
	});
});

describe('instance waiters', () => {
	const launched = () => {
		const h = harness();
		const {ImageId} = h.ok('DescribeImages', {Owners: ['amazon'], Filters: [{Name: 'name', Values: ['al2023-ami-*-x86_64']}, {Name: 'architecture', Values: ['x86_64']}]})!.Images[0];
		const instanceId = h.ok('RunInstances', {ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0].InstanceId as string;
		return {h, instanceId};
	};

	it('instance-running succeeds after the boot', () => {
		const {h, instanceId} = launched();
		const outcome = wait(h, 'instance-running', {InstanceIds: [instanceId]});
		expect(outcome.result).toEqual({ok: true});
		h.world = outcome.world;
		expect(wait(h, 'instance-stopped', {InstanceIds: [instanceId]}).result).toEqual({ok: false, reason: 'Max attempts exceeded'});
	});

	it('instance-running fails on a stopping instance; instance-stopped then succeeds', () => {
		const {h, instanceId} = launched();
		h.world = wait(h, 'instance-running', {InstanceIds: [instanceId]}).world;
		h.ok('StopInstances', {InstanceIds: [instanceId]});
		expect(wait(h, 'instance-running', {InstanceIds: [instanceId]}).result).toEqual({
			ok: false,
			reason: 'Waiter encountered a terminal failure state: For expression "Reservations[].Instances[].State.Name" we matched expected path: "stopping" at least once',
		});
		expect(wait(h, 'instance-stopped', {InstanceIds: [instanceId]}).result).toEqual({ok: true});
	});

	it('instance-terminated succeeds after terminate; instance-stopped fails on terminated', () => {
		const {h, instanceId} = launched();
		h.ok('TerminateInstances', {InstanceIds: [instanceId]});
		const outcome = wait(h, 'instance-terminated', {InstanceIds: [instanceId]});
		expect(outcome.result).toEqual({ok: true});
		h.world = outcome.world;
		expect(wait(h, 'instance-stopped', {InstanceIds: [instanceId]}).result).toEqual({
			ok: false,
			reason: 'Waiter encountered a terminal failure state: For expression "Reservations[].Instances[].State.Name" we matched expected path: "terminated" at least once',
		});
	});
});
