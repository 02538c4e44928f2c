import {search as jmespathSearch} from '../output/query.js';
import {acceptorExplanation, waiterReason} from './text.js';
import {advanceClock, execute} from '../../sim/core/engine.js';
import type {GuestHook} from '../../sim/core/guest-hook.js';
import type {OpResult, World} from '../../sim/core/types.js';
import type {WaiterAcceptor, WaiterDefinition} from './definitions.js';

// `aws ec2 wait …` on the virtual clock, acceptor for acceptor as botocore's Waiter.wait():
// poll the describe operation, take the first acceptor that matches; success ends the wait,
// failure ends it with "Waiter encountered a terminal failure state: …"; an error that no
// acceptor expects ends it with "An error occurred (Code): Message"; after maxAttempts polls
// it ends with "Max attempts exceeded" (the texts: cli/output/errors.ts). Between polls the
// world's clock moves on by the waiter's delay (so pending things settle). The CLI prints
// `Waiter <Name> failed: <reason>`.

export type WaiterRequest = {
	/** the waiter, as the catalogue holds it (catalogue.ts waiterByCliName) */
	waiter: WaiterDefinition;
	region: string;
	/** API-shaped params of the describe operation (ImageIds, Filters, …) */
	params: Record<string, any>;
};

export type WaiterResult = {ok: true} | {ok: false; reason: string};

export type WaiterOutcome = {
	world: World;
	result: WaiterResult;
	/** model name, as the failure message prints it: ImageAvailable */
	name: string;
	/** how many times the describe operation ran */
	attempts: number;
	/** the API calls made, for the game's call log */
	calls: Array<{operation: string; result: OpResult}>;
};

/** What an acceptor sees: the output, or {Error: {Code, Message}} for an error answer. */
type Response = {output?: Record<string, unknown>; error?: {Code: string; Message: string}; status: number};

const toResponse = (result: OpResult): Response =>
	result.ok
		? {output: result.output ?? {}, status: 200}
		: {error: {Code: result.error.code, Message: result.error.message}, status: result.error.code === 'DryRunOperation' ? 412 : 400};

const search = (data: unknown, expression: string): unknown => {
	try {
		return jmespathSearch(data, expression) as unknown;
	} catch {
		return undefined;
	}
};

const matches = (acceptor: WaiterAcceptor, response: Response): boolean => {
	if (acceptor.matcher === 'error') return response.error?.Code === acceptor.expected;
	if (acceptor.matcher === 'status') return response.status === acceptor.expected;
	if (response.error) return false;
	const result = search(response.output, acceptor.argument ?? '@');
	if (acceptor.matcher === 'path') return result === acceptor.expected;
	if (!Array.isArray(result) || result.length === 0) return false;
	if (acceptor.matcher === 'pathAll') return result.every(element => element === acceptor.expected);
	return result.some(element => element === acceptor.expected);
};

/** Runs a waiter to its end on the virtual clock. */
export const runWaiter = (world: World, request: WaiterRequest, guest: GuestHook): WaiterOutcome => {
	const definition = request.waiter;
	const {name} = definition;
	const calls: WaiterOutcome['calls'] = [];
	let state: 'waiting' | WaiterAcceptor['state'] = 'waiting';
	let lastMatched: WaiterAcceptor | undefined;
	let attempts = 0;
	for (;;) {
		const run = execute(world, {operation: definition.operation, region: request.region, params: request.params}, guest);
		world = run.world;
		calls.push({operation: definition.operation, result: run.result});
		attempts++;
		const response = toResponse(run.result);
		// As in botocore, `acceptor` keeps the last one looked at when none matched.
		let acceptor = definition.acceptors.at(-1)!;
		let matched = false;
		for (const candidate of definition.acceptors) {
			acceptor = candidate;
			if (matches(candidate, response)) {
				lastMatched = candidate;
				state = candidate.state;
				matched = true;
				break;
			}
		}

		if (!matched && response.error) {
			return {world, result: {ok: false, reason: waiterReason({kind: 'error', code: response.error.Code, message: response.error.Message})}, name, attempts, calls};
		}

		if (state === 'success') return {world, result: {ok: true}, name, attempts, calls};
		if (state === 'failure') return {world, result: {ok: false, reason: waiterReason({kind: 'terminal', explanation: acceptorExplanation(acceptor)})}, name, attempts, calls};
		if (attempts >= definition.maxAttempts) {
			const reason = waiterReason({kind: 'max-attempts', previouslyAccepted: lastMatched === undefined ? undefined : acceptorExplanation(acceptor)});
			return {world, result: {ok: false, reason}, name, attempts, calls};
		}

		world = advanceClock(world, definition.delay * 1000, guest);
	}
};
