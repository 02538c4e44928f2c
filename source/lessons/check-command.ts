import type {World} from '../sim/core/types.js';
import type {GoalContext} from './goals.js';
import {expandVars, splitWords} from './words.js';

// A check's read-only aws command, run against the world as it is now.

export type AwsAnswer = {ok: boolean; data: unknown};

// One describe per world and command line, however many goals ask (worlds are immutable).
const describeCache = new WeakMap<World, Map<string, AwsAnswer>>();

/** Runs a check's read-only aws command against the world; what it prints, as data. */
export const describeForCheck = (line: string, region: string, ctx: Pick<GoalContext, 'session' | 'vars' | 'deps'>): AwsAnswer => {
	const args = [...splitWords(expandVars(line, ctx.vars)), '--region', region, '--output', 'json'];
	const key = args.join('\u0000');
	let perWorld = describeCache.get(ctx.session.world);
	if (!perWorld) {
		perWorld = new Map();
		describeCache.set(ctx.session.world, perWorld);
	}

	const cached = perWorld.get(key);
	if (cached) return cached;
	let answer: AwsAnswer;
	try {
		const outcome = ctx.deps.runAws(ctx.session.world, args, {readFile: p => ctx.session.files[p], defaultRegion: region});
		answer = outcome.exitCode === 0 && outcome.answer.ok ? {ok: true, data: outcome.answer.data} : {ok: false, data: null};
	} catch {
		answer = {ok: false, data: null};
	}

	perWorld.set(key, answer);
	return answer;
};

