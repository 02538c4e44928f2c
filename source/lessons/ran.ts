import type {HistoryEntry, ProgramRun} from '../shell/session.js';
import {words} from '../shell/runs.js';
import {markKey, type Check, type RanCheck, type ValueSource} from './check-schema.js';
import {describeForCheck} from './check-command.js';
import type {GoalContext} from './goals.js';
import {isTruthy, jmespathSearch} from './jmes.js';
import {expandVars} from './words.js';

// `ran:` checks: judged on what the learner ran and saw (the history's program runs and the
// words each line printed), never on what the goal itself could fetch. See lessons/README.md.

type Event = {line: number; index: number; run: ProgramRun; entry: HistoryEntry};

/** Every program the learner ran, in order (older saves have no runs: nothing to find there). */
const eventsOf = (history: HistoryEntry[]): Event[] =>
	history.flatMap((entry, line) => (entry.runs ?? []).map((run, index) => ({line, index, run, entry})));

const before = (a: Event, b: Event): boolean => a.line < b.line || (a.line === b.line && a.index < b.index);

/** `sudo -u x curl …` is curl. */
const programOf = (run: ProgramRun): {program: string; args: string[]} => {
	if (run.program !== 'sudo') return {program: run.program.split('/').at(-1)!, args: run.args};
	let i = 0;
	while (i < run.args.length && run.args[i].startsWith('-')) i += run.args[i] === '-u' ? 2 : 1;
	const rest = run.args.slice(i);
	return rest.length === 0 ? {program: 'sudo', args: []} : {program: rest[0].split('/').at(-1)!, args: rest.slice(1)};
};

/** aws global options that take a value (so their value is not the service or the command). */
const AWS_VALUE_OPTIONS = new Set(['--region', '--output', '--query', '--profile', '--endpoint-url', '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format']);

/** The words of an aws command line that are not options: service, operation (or wait + waiter). */
const awsCommand = (args: string[]): string[] => {
	const out: string[] = [];
	for (let i = 0; i < args.length && out.length < 3; i++) {
		const a = args[i];
		if (a.startsWith('-')) {
			if (AWS_VALUE_OPTIONS.has(a)) i++;
			if (out.length >= 2 && out[1] !== 'wait') break;
			continue;
		}

		out.push(a);
		if (out.length === 2 && out[1] !== 'wait') break;
	}

	return out;
};

const flatStrings = (value: unknown): string[] => {
	if (value === null || value === undefined || value === '') return [];
	if (Array.isArray(value)) return value.flatMap(flatStrings);
	if (typeof value === 'string') return [value];
	if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	return [];
};

/** The values a source stands for now (none when its query finds nothing). */
export const sourceValues = (source: ValueSource, ctx: GoalContext): string[] => {
	if (typeof source === 'string') return flatStrings(expandVars(source, ctx.vars));
	if (Array.isArray(source)) return source.flatMap(s => flatStrings(expandVars(s, ctx.vars)));
	const answer = describeForCheck(source.aws, source.region ?? ctx.region, ctx);
	if (!answer.ok) return [];
	try {
		return flatStrings(jmespathSearch(answer.data, expandVars(source.query, ctx.vars)));
	} catch {
		return [];
	}
};

/** The words of a recorded list (shown, captured, arguments, confirmed), once per list: goals look at them after every line. */
const wordSets = new WeakMap<readonly string[], Set<string>>();
const wordSet = (have: readonly string[]): Set<string> => {
	let set = wordSets.get(have);
	if (!set) {
		set = new Set(have.flatMap(w => (typeof w === 'string' ? words(w) : [])));
		wordSets.set(have, set);
	}

	return set;
};

/** Every word of `text` is among `have` (a text with no words is never covered). */
const covers = (have: readonly string[] | undefined, text: string): boolean => {
	const wanted = words(text);
	if (wanted.length === 0 || !Array.isArray(have)) return false;
	const set = wordSet(have);
	return wanted.every(w => set.has(w));
};

/** The run printed every word of `text` on the terminal. */
const runShows = (run: ProgramRun, text: string): boolean => covers(run.shown, text);

const names = (args: string[], value: string): boolean => args.some(a => a.includes(value));

/**
 * The learner found `text` through this run: it printed it, or wrote it into a `$(…)` (a variable,
 * another command's arguments) that a later program then used: it is in that program's arguments
 * (`echo $STATE` prints it, `create-tags --resources $SNAP` acts on it). Captured and never used
 * is not found, nor is a later program's own output that happens to hold the same words.
 */
const found = (event: Event, text: string, all: Event[]): boolean =>
	runShows(event.run, text) || (covers(event.run.captured, text) && all.some(later => before(event, later) && covers(later.run.args, text)));

/**
 * The run confirmed `text` (about one of `about`, when given): it found it (above), about a value
 * it named, found or returned; or one of its calls established it without printing it, about a
 * resource that call returned (a describe through one-value filters, a waiter that succeeded:
 * cli/confirmed.ts).
 */
const confirmed = (event: Event, text: string, about: (() => string[]) | undefined, all: Event[]): boolean => {
	const calls = event.run.calls ?? [];
	const isAbout = (a: string) => names(event.run.args, a) || found(event, a, all) || calls.some(c => covers(c.confirmed, a));
	if (found(event, text, all) && (about === undefined || about().some(isAbout))) return true;
	return calls.some(c => covers(c.confirmed, text) && (about === undefined || about().some(a => covers(c.confirmed, a))));
};

/** A check's values, each source looked up once per judgement (an `{aws: …}` source runs a describe). */
type Values = (source: ValueSource) => string[];

/** The instance (and its AMI) a run reached or ran on, as describe-instances / describe-images show them now. */
const targetMatches = (run: ProgramRun, want: RanCheck['ran'], ctx: GoalContext): boolean => {
	if (want.instance === undefined && want.image === undefined) return true;
	const where = run.reached ?? run.on;
	if (!where) return false;
	// a page counts for what the school sees: through a port its security groups open to the school,
	// and, to prove an image, as the image serves it by itself (older saves have neither note)
	if (run.reached?.open === false) return false;
	if (want.image !== undefined && run.reached?.asImage === false) return false;
	const described = describeForCheck(`ec2 describe-instances --instance-ids ${where.instanceId}`, where.region, ctx);
	const instance = (described.data as {Reservations?: Array<{Instances?: unknown[]}>} | null)?.Reservations?.[0]?.Instances?.[0] as {ImageId?: string} | undefined;
	if (!described.ok || !instance) return false;
	try {
		if (want.instance !== undefined && !isTruthy(jmespathSearch(instance, expandVars(want.instance, ctx.vars)))) return false;
		if (want.image === undefined) return true;
		if (!instance.ImageId) return false;
		const images = describeForCheck(`ec2 describe-images --image-ids ${instance.ImageId}`, where.region, ctx);
		const image = (images.data as {Images?: unknown[]} | null)?.Images?.[0];
		return images.ok && image !== undefined && isTruthy(jmespathSearch(image, expandVars(want.image, ctx.vars)));
	} catch {
		return false;
	}
};

const runMatches = (event: Event, want: RanCheck['ran'], ctx: GoalContext, all: Event[], valuesOf: Values): boolean => {
	const {run} = event;
	const {program, args} = programOf(run);
	if (want.program !== undefined && program !== want.program) return false;
	if (want.ok !== undefined && (run.exitCode === 0) !== want.ok) return false;
	if (want.command !== undefined) {
		if (program !== 'aws') return false;
		const have = awsCommand(args);
		const need = want.command.split(' ');
		if (!need.every((w, i) => have[i] === w)) return false;
	}

	if (want.operation !== undefined || want.errorCode !== undefined || want.dryRun !== undefined) {
		const calls = run.calls ?? [];
		const call = calls.some(
			c =>
				(want.operation === undefined || c.operation === want.operation) &&
				(want.errorCode === undefined || c.errorCode === want.errorCode) &&
				(want.dryRun === undefined || c.dryRun === want.dryRun) &&
				(want.region === undefined || c.region === want.region),
		);
		if (!call) return false;
	} else if (want.region !== undefined) {
		const regions = [...(run.calls ?? []).map(c => c.region), run.reached?.region, run.on?.region];
		if (!regions.includes(want.region)) return false;
	}

	if (want.names !== undefined && !valuesOf(want.names).some(v => names(args, v))) return false;
	if (want.shows !== undefined && !valuesOf(want.shows).some(v => found(event, v, all))) return false;
	const about = want.about === undefined ? undefined : () => valuesOf(want.about!);
	if (want.confirms !== undefined) {
		if (!valuesOf(want.confirms).some(v => confirmed(event, v, about, all))) return false;
	} else if (about !== undefined && !about().some(v => names(args, v) || found(event, v, all))) return false;
	if (!targetMatches(run, want, ctx)) return false;
	if (want.after !== undefined) {
		const after = want.after;
		if ('ran' in after) {
			if (!all.some(earlier => before(earlier, event) && runMatches(earlier, after.ran, ctx, all, valuesOf))) return false;
		} else {
			const key = markKey(after);
			if (!ctx.session.history.slice(0, event.line).some(e => e.marks?.includes(key))) return false;
		}
	}

	return true;
};

/** Some program the learner ran matches the check. */
export const ranMet = (check: RanCheck, ctx: GoalContext): boolean => {
	const all = eventsOf(ctx.session.history);
	const memo = new Map<ValueSource, string[]>();
	const valuesOf: Values = source => {
		let values = memo.get(source);
		if (!values) {
			values = sourceValues(source, ctx);
			memo.set(source, values);
		}

		return values;
	};

	return all.some(event => runMatches(event, check.ran, ctx, all, valuesOf));
};

/** Which `after:` states hold now (their marks, for the line just run). */
export const marksNow = (states: Check[], holds: (check: Check) => boolean): string[] => states.filter(holds).map(markKey);
