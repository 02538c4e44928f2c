import {execute} from '../../source/sim/core/engine.js';
import type {AwsErrorShape, OpResult, World} from '../../source/sim/core/types.js';
import {shellGuest} from '../../source/shell/guest/boot.js';

// The one way the model tests run a request: the engine with the game's guest hook. The fixtures
// of each resource family (images/fixture.ts, instances/harness.ts, resources-fixture.ts) build
// their worlds and sessions on these.

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

export type Run = {world: World; result: OpResult; output: Record<string, any>};

/** Runs one request; `output` is the output object (or {} on error). */
export const run = (world: World, operation: string, params: Record<string, any> = {}, region = REGION): Run => {
	const next = execute(world, {operation, region, params}, shellGuest);
	return {world: next.world, result: next.result, output: (next.result.ok ? next.result.output : undefined) ?? {}};
};

/** Runs a request that must succeed and returns the new world and its output. */
export const ok = (world: World, operation: string, params: Record<string, any> = {}, region = REGION): {world: World; output: Record<string, any>} => {
	const r = run(world, operation, params, region);
	if (!r.result.ok) throw new Error(`${operation} failed: ${r.result.error.code}: ${r.result.error.message}`);
	return {world: r.world, output: r.output};
};

/** Runs a request that must fail; returns the error and checks the world did not change. */
export const err = (world: World, operation: string, params: Record<string, any> = {}, region = REGION): AwsErrorShape => {
	const r = run(world, operation, params, region);
	if (r.result.ok) throw new Error(`${operation} unexpectedly succeeded`);
	if (r.world !== world) throw new Error(`${operation} changed the world although it failed`);
	return r.result.error;
};
