import {produce} from 'immer';
import {advanceClock, beginCommand} from '../../../source/sim/core/engine.js';
import {err, REGION, run} from '../harness.js';
import {worldWithAllRegions} from '../../helpers/world.js';
import {PUBLIC_IMAGES} from '../../../source/sim/images/public-images.js';
import type {AwsErrorShape, Image, Instance, RegionState, World} from '../../../source/sim/core/types.js';
import {shellGuest} from '../../../source/shell/guest/boot.js';

// A tiny game loop for the tests: every call is one typed command (the clock ticks first).

export {REGION} from '../harness.js';

export type Session = {
	world: World;
	/** one command; returns the output (throws when the call fails) */
	ok: (operation: string, params?: Record<string, unknown>, region?: string) => Record<string, any> | undefined;
	/** one command that must fail; returns the error */
	err: (operation: string, params?: Record<string, unknown>, region?: string) => AwsErrorShape;
	/** a call within the same command (the clock does not move): reaches transitional states */
	sameCommand: (operation: string, params?: Record<string, unknown>, region?: string) => {ok: true; output: any} | {ok: false; error: AwsErrorShape};
	/** a command that is not an EC2 call (time still moves on) */
	tick: (times?: number) => void;
	/** time passes until nothing is in a transitional state (what a waiter does) */
	settle: () => void;
	advance: (ms: number) => void;
	mutate: (recipe: (world: World) => void) => void;
	region: (name?: string) => RegionState;
	instance: (id: string, region?: string) => Instance;
	imageId: (key: string, region?: string) => string;
	launch: (params?: Record<string, unknown>, region?: string) => Record<string, any>;
};

export const imageByKey = (world: World, key: string, region = REGION): Image => {
	const spec = PUBLIC_IMAGES.find(s => s.key === key);
	if (!spec) throw new Error(`no public image ${key}`);
	const image = world.regions[region].images.values().find(i => i.Name === spec.Name);
	if (!image) throw new Error(`image ${key} not in ${region}`);
	return image;
};

export const session = (): Session => {
	const s: Session = {
		world: worldWithAllRegions(),
		ok(operation, params = {}, region = REGION) {
			s.world = beginCommand(s.world, shellGuest);
			const done = run(s.world, operation, params, region);
			s.world = done.world;
			if (!done.result.ok) throw new Error(`${operation} failed: ${done.result.error.code}: ${done.result.error.message}`);
			return done.result.output as Record<string, any> | undefined;
		},
		err(operation, params = {}, region = REGION) {
			s.world = beginCommand(s.world, shellGuest);
			return err(s.world, operation, params, region);
		},
		sameCommand(operation, params = {}, region = REGION) {
			const {world, result} = run(s.world, operation, params, region);
			s.world = world;
			return result as {ok: true; output: any} | {ok: false; error: AwsErrorShape};
		},
		tick(times = 1) {
			for (let i = 0; i < times; i++) s.world = beginCommand(s.world, shellGuest);
		},
		advance(ms) {
			s.world = advanceClock(s.world, ms, shellGuest);
		},
		settle() {
			const last = Math.max(s.world.clock, ...s.world.schedule.map(item => item.at));
			s.world = advanceClock(s.world, last - s.world.clock, shellGuest);
		},
		mutate(recipe) {
			s.world = produce(s.world, recipe);
		},
		region: (name = REGION) => s.world.regions[name],
		instance: (id, region = REGION) => s.world.regions[region].instances.get(id)!,
		imageId: (key, region = REGION) => imageByKey(s.world, key, region).ImageId,
		launch(params = {}, region = REGION) {
			return s.ok('RunInstances', {ImageId: s.imageId('al2023-x86', region), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...params}, region)!;
		},
	};
	return s;
};

/** Launches one instance and lets it boot; returns its id. */
export const runningInstance = (s: Session, params: Record<string, unknown> = {}): string => {
	const id = s.launch(params).Instances[0].InstanceId as string;
	s.settle();
	if (s.instance(id).State !== 'running') throw new Error('instance did not boot');
	return id;
};

/** True when no value anywhere in the object is `undefined`. */
export const hasNoUndefined = (value: unknown): boolean => {
	if (value === undefined) return false;
	if (Array.isArray(value)) return value.every(v => hasNoUndefined(v));
	if (value && typeof value === 'object') return Object.values(value).every(v => hasNoUndefined(v));
	return true;
};
