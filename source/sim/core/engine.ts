import {produce, setAutoFreeze} from 'immer';
import {AwsError} from './errors.js';
import {ensureRegions} from './fresh-world.js';
import {settle} from './settle.js';
import {COMMAND_TICK_MS} from './clock.js';
import type {GuestHook} from './guest-hook.js';
import type {OpResult, RegionState, World} from './types.js';
import {operations} from '../operations.js';

// Freezing every new object costs time on big worlds; nothing outside the engine mutates state.
setAutoFreeze(false);

/** An API request as the CLI sends it: operation name as in the model (CreateImage), API-shaped params. */
export type Request = {
	operation: string;
	region: string;
	params: Record<string, any>;
};

export type OpContext = {
	/** the draft world (immer): mutate freely, a thrown AwsError discards every change */
	world: World;
	/** the draft of the Region the request goes to */
	region: RegionState;
	regionName: string;
	/** the virtual time of this request, ms */
	now: number;
	operation: string;
	/** what runs inside instances: called when one boots or shuts down */
	guest: GuestHook;
};

export type OpHandler = (ctx: OpContext, params: Record<string, any>) => Record<string, unknown> | undefined;

// Describe* and Get* operations only read: they run on the plain world, without immer's
// drafts (a draft makes every object read a proxy, which costs more than the read itself).
const readOnly = (operation: string): boolean => operation.startsWith('Describe') || operation.startsWith('Get');

export const isSimulated = (operation: string): boolean => Object.hasOwn(operations, operation);

export const simulatedOperations = (): string[] => Object.keys(operations).sort();

/**
 * Runs one API request against the world: the new world and the answer, or an AWS error and
 * the world unchanged (all-or-nothing). `--dry-run` answers DryRunOperation when the request
 * would have succeeded, and changes nothing. `changed`: the request itself changed the world (the
 * model wrote something: what par counts and undo takes back), judged on what the model did, not
 * on the operation's name: a read, a refused or dry-run request, or a write that found nothing
 * to change (start-instances on a running instance) did not.
 */
export const execute = (given: World, request: Request, guest: GuestHook): {world: World; result: OpResult; changed: boolean} => {
	// A default Region is filled in the first time a request goes to it (or names it as a source).
	const world = ensureRegions(given, [request.region, typeof request.params?.SourceRegion === 'string' ? request.params.SourceRegion : undefined]);
	const handler = operations[request.operation];
	if (!handler) {
		return {world, result: {ok: false, error: {code: 'InvalidAction', message: `The action ${request.operation} is not valid for this web service.`}}, changed: false};
	}

	if (!world.regions[request.region]) {
		return {world, result: {ok: false, error: {code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials'}}, changed: false};
	}

	let output: Record<string, unknown> | undefined;
	try {
		const run = (state: World) => {
			output = handler({world: state, region: state.regions[request.region], regionName: request.region, now: state.clock, operation: request.operation, guest}, request.params ?? {});
		};
		const next = readOnly(request.operation) ? (run(world), world) : produce(world, run);
		if (request.params?.DryRun === true) {
			return {world, result: {ok: false, error: {code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.'}}, changed: false};
		}

		return {world: next, result: {ok: true, output}, changed: next !== world};
	} catch (error) {
		if (error instanceof AwsError) {
			return {world, result: {ok: false, error: {code: error.code, message: error.message}}, changed: false};
		}

		// A bug in the model must never crash the game: answer as AWS does for its own faults.
		return {world, result: {ok: false, error: {code: 'InternalError', message: `An internal error has occurred (${error instanceof Error ? error.message : String(error)})`}}, changed: false};
	}
};

/** Moves the virtual clock on by `ms`, settling every state change and charge on the way. */
export const advanceClock = (world: World, ms: number, guest: GuestHook): World =>
	produce(world, draft => {
		settle(draft, draft.clock + Math.max(0, ms), guest);
	});

/** Called once for every command the player types, before it runs: time moves on a little. */
export const beginCommand = (world: World, guest: GuestHook): World => {
	const until = world.clock + COMMAND_TICK_MS;
	// Usually nothing is due: a new root object is all that changes (no draft needed).
	if (!world.schedule.some(item => item.at <= until)) return {...world, commands: world.commands + 1, clock: until};
	return produce(world, draft => {
		draft.commands++;
		settle(draft, until, guest);
	});
};
