// `npm run bench` (or `node --import tsx scripts/bench.ts model`): the model at three world sizes.
// Each world (about 1,000, 10,000 and 100,000 resources) is written as a sandbox file and loaded
// with loadSandboxFile, as the game loads one (bench-world.ts). On each, the same mix of commands
// runs two ways, each on a world of its own loaded from the file: the engine alone (beginCommand +
// execute of the parsed request) and the whole `aws` pipeline (runAws: parse + model + format). Then the cost of loading and saving the largest sandbox file. Sizes run one
// after the other, never interleaved, with a full garbage collection before each (never inside
// the timed runs, whose own pauses are reported).
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {constants as perfConstants, PerformanceObserver} from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import {parseAws} from '../source/cli/parse.js';
import {runAws} from '../source/cli/run-aws.js';
import {beginCommand, execute, type Request} from '../source/sim/core/engine.js';
import type {World} from '../source/sim/core/types.js';
import {loadSandboxFile, saveSandbox, SANDBOX_MAX_BYTES} from '../source/sandbox/store.js';
import {shellGuest} from '../source/shell/guest/boot.js';
import {BENCH_REGION, benchWorld, leftOutBytes, makeTemplate, type BenchWorld, type Template} from './bench-world.js';

const SIZES = [1_000, 10_000, 100_000];
/** commands timed per size and path, after WARM_UP untimed ones, in ROUNDS each preceded by the noise control */
const COMMANDS = 5_000;
const ROUNDS = 5;
const WARM_UP = 300;
/** before any size, on a small world: the JIT keeps optimising for a few thousand commands */
const JIT_WARM_UP = 3_000;
/** the timed runs of one path stop early after this long in all (the model before issue 17 spent ~100 ms on a write at 100,000) */
const BUDGET_MS = 40_000;

v8.setFlagsFromString('--expose-gc');
const collectGarbage: () => void = vm.runInNewContext('gc');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const fixed = (n: number) => (n < 10 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(1));
const timed = <T>(work: () => T): [T, number] => {
	const t0 = performance.now();
	const value = work();
	return [value, performance.now() - t0];
};

/** A bench world once written to its file (its text let go, so it takes no memory while timed). */
type Written = Omit<BenchWorld, 'text'>;
const writeWorld = (template: Template, total: number, file: string): {built: Written; writeMs: number} => {
	const {text, ...built} = benchWorld(template, total);
	const [, writeMs] = timed(() => fs.writeFileSync(file, text));
	return {built, writeMs};
};

/** What a learner types, mostly describes, some changes: command `i` of the mix, on this world. */
const mixCommand = (built: Written, i: number): string[] => {
	const pick = (list: string[]) => list[(i * 7919) % list.length];
	switch (i % 10) {
		case 0: return ['ec2', 'describe-images', '--image-ids', pick(built.imageIds)];
		case 1: return ['ec2', 'describe-instances', '--instance-ids', pick(built.instanceIds)];
		case 2: return ['ec2', 'describe-images', '--owners', 'self', '--filters', `Name=name,Values=image-${1 + ((i * 7919) % built.quartets)}`, '--query', 'Images[].ImageId'];
		case 3: return ['ec2', 'create-tags', '--resources', pick(built.imageIds), '--tags', `Key=Term,Value=t${i}`];
		case 4: return ['ec2', 'describe-snapshots', '--snapshot-ids', pick(built.snapshotIds)];
		case 5: return ['ec2', 'create-image', '--instance-id', pick(built.instanceIds), '--name', `bench-${i}`, '--no-reboot'];
		case 6: return ['ec2', 'describe-regions', '--output', 'text'];
		case 7: return ['ec2', 'stop-instances', '--instance-ids', pick(built.instanceIds)];
		case 8: return ['ec2', 'start-instances', '--instance-ids', built.instanceIds[((i + 3) * 7919) % built.instanceIds.length]];
		default: return ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=pc-42', '--query', 'Reservations[].Instances[].InstanceId', '--output', 'text'];
	}
};

/** The request the CLI sends for a command of the mix (what the engine-only run executes). */
const requestOf = (args: string[]): Request => {
	const parsed = parseAws(args, {readFile: () => undefined});
	if (parsed.kind !== 'call') throw new Error(`bench mix: ${args.join(' ')} does not parse to a call`);
	return {operation: parsed.operation, region: BENCH_REGION, params: parsed.params};
};

/** A short name for each kind of command in the mix (i % 10), from its words. */
const KIND_LABELS = Array.from({length: 10}, (_, kind) => {
	const args = mixCommand({instanceIds: ['i'], imageIds: ['ami'], snapshotIds: ['snap'], quartets: 1} as Written, kind);
	return `${args[1]}${args.includes('--filters') ? ` --filters ${args[args.indexOf('--filters') + 1].split(',')[0].slice(5)}` : ''}`;
});

type Run = {samples: number[]; starts: number[]; kinds: number[]; failures: number; world: World};

const env = {readFile: () => undefined, defaultRegion: BENCH_REGION, width: 80, guest: shellGuest};

/** Runs commands `from`..`to` of the mix from `start`, one way, timing each; stops after `budgetMs`. */
const runMix = (start: World, built: Written, way: 'engine' | 'pipeline', from: number, to: number, budgetMs = Infinity): Run => {
	const requests = way === 'engine' ? Array.from({length: to - from}, (_, k) => requestOf(mixCommand(built, from + k))) : [];
	const samples: number[] = [];
	const starts: number[] = [];
	const kinds: number[] = [];
	let failures = 0;
	let world = start;
	const began = performance.now();
	for (let i = from; i < to; i++) {
		if (way === 'engine') {
			const request = requests[i - from];
			const t0 = performance.now();
			const {world: next, result} = execute(beginCommand(world, shellGuest), request, shellGuest);
			samples.push(performance.now() - t0);
			starts.push(t0);
			kinds.push(i % 10);
			if (!result.ok) failures++;
			world = next;
		} else {
			const args = mixCommand(built, i);
			const t0 = performance.now();
			const outcome = runAws(world, args, env);
			samples.push(performance.now() - t0);
			starts.push(t0);
			kinds.push(i % 10);
			if (outcome.exitCode !== 0) failures++;
			world = outcome.world;
		}

		if (performance.now() - began > budgetMs) break;
	}

	return {samples, starts, kinds, failures, world};
};

/** A command that took more than a frame: when it ran (performance.now() times). */
type Interval = {start: number; end: number};
const FRAME_MS = 16;

type Stats = {p50: number; p99: number; max: number; n: number; samples: Interval[]; stoppedEarly: boolean; failures: number; byKind: Array<{p50: number; p99: number}>; windows: Interval[]; overFrame: Array<Interval & {kind: number}>};
/** The runs of one path (its rounds) as one set of samples. */
const statsOf = (runs: Run[], expected = 0): Stats => {
	const run = {samples: runs.flatMap(r => r.samples), starts: runs.flatMap(r => r.starts), kinds: runs.flatMap(r => r.kinds), failures: runs.reduce((n, r) => n + r.failures, 0)};
	const summary = (samples: number[]) => {
		const sorted = [...samples].sort((a, b) => a - b);
		return {p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)!};
	};

	const byKind = KIND_LABELS.map((_, kind) => summary(run.samples.filter((_, i) => run.kinds[i] === kind)));
	const windows = runs.filter(r => r.samples.length > 0).map(r => ({start: r.starts[0], end: r.starts.at(-1)! + r.samples.at(-1)!}));
	const overFrame = run.samples.flatMap((ms, i) => (ms > FRAME_MS ? [{start: run.starts[i], end: run.starts[i] + ms, kind: run.kinds[i]}] : []));
	const samples = run.samples.map((ms, i) => ({start: run.starts[i], end: run.starts[i] + ms}));
	return {...summary(run.samples), n: run.samples.length, samples, stoppedEarly: run.samples.length < expected, failures: run.failures, byKind, windows, overFrame};
};

/**
 * What the machine adds: a fixed computation of about CONTROL_MS that allocates nothing (so no
 * garbage collection), timed like a command, before each round. On a quiet machine its p99 is
 * its p50; on a shared one the difference is time spent waiting for a core.
 */
const CONTROL_MS = 0.3;
let sink = 0;
const spin = (steps: number) => {
	let x = 0;
	for (let k = 0; k < steps; k++) x += Math.sqrt(k);
	sink += x;
};

let controlSteps = 0;
const controlRun = (count: number): Run => {
	if (controlSteps === 0) {
		controlSteps = 10_000;
		for (let round = 0; round < 5; round++) {
			const times = Array.from({length: 50}, () => timed(() => spin(controlSteps))[1]);
			controlSteps = Math.max(1, Math.round((controlSteps * CONTROL_MS) / median(times)));
		}
	}

	const starts: number[] = [];
	const samples = Array.from({length: count}, () => {
		starts.push(performance.now());
		return timed(() => spin(controlSteps))[1];
	});
	return {samples, starts, kinds: [], failures: 0, world: undefined as unknown as World};
};

type SizeResult = {target: number; built: Written; bytes: number; loadMs: number; heapBytes: number; firstMs: number[]; control: Stats; engine: Stats; pipeline: Stats; rounds: {engine: number[]; pipeline: number[]; control: number[]}};

/**
 * The first commands on a freshly loaded world, through the whole pipeline: what one
 * `ami-school aws` process pays beyond loading (an index is built when first asked for).
 */
const FIRST_COMMANDS: Array<[string, (built: Written) => string[]]> = [
	['create-tags', built => ['ec2', 'create-tags', '--resources', built.instanceIds[0], '--tags', 'Key=First,Value=write']],
	['describe-instances --filters tag:Name', () => ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=pc-7']],
	['describe-images --filters name', () => ['ec2', 'describe-images', '--owners', 'self', '--filters', 'Name=name,Values=image-7']],
];

const benchSize = (template: Template, target: number, dir: string): SizeResult => {
	const file = path.join(dir, `world-${target}.json`);
	const {built} = writeWorld(template, target, file);
	const bytes = fs.statSync(file).size;
	if (bytes > SANDBOX_MAX_BYTES) throw new Error(`the ${target.toLocaleString('en')}-resource sandbox file is ${MiB(bytes)}, over SANDBOX_MAX_BYTES (${MiB(SANDBOX_MAX_BYTES)})`);
	collectGarbage();
	const [, loadMs] = timed(() => loadSandboxFile(file));
	collectGarbage();
	const heapBytes = process.memoryUsage().heapUsed; // the loaded world was let go: measured again below
	const firstMs = FIRST_COMMANDS.map(([, args]) => {
		const fresh = loadSandboxFile(file).world;
		return timed(() => runAws(fresh, args(built), env))[1];
	});

	// Each path runs on its own loaded world, one version after another as in a game (a table's
	// indexes follow the version last asked about, so two paths sharing one world would make them
	// jump between versions), in rounds each preceded by the noise control.
	const runs = {engine: [] as Run[], pipeline: [] as Run[], control: [] as Run[]};
	let heapWithWorld = 0;
	const perRound = COMMANDS / ROUNDS;
	for (const way of ['engine', 'pipeline'] as const) {
		collectGarbage();
		let world = loadSandboxFile(file).world;
		collectGarbage();
		heapWithWorld = Math.max(heapWithWorld, process.memoryUsage().heapUsed - heapBytes);
		world = runMix(world, built, way, 0, WARM_UP).world;
		collectGarbage();
		let spent = 0;
		for (let round = 0; round < ROUNDS && spent < BUDGET_MS; round++) {
			runs.control.push(controlRun(perRound)); // as many as a round of commands, so it meets as much of the machine
			const from = WARM_UP + round * perRound;
			const [run, ms] = timed(() => runMix(world, built, way, from, from + perRound, BUDGET_MS - spent));
			spent += ms;
			runs[way].push(run);
			world = run.world;
		}
	}

	const [control, engine, pipeline] = [statsOf(runs.control), statsOf(runs.engine, COMMANDS), statsOf(runs.pipeline, COMMANDS)];
	const p99s = (list: Run[]) => list.map(run => statsOf([run]).p99);
	const rounds = {engine: p99s(runs.engine), pipeline: p99s(runs.pipeline), control: p99s(runs.control)};
	fs.rmSync(file, {force: true});
	return {target, built, bytes, loadMs, heapBytes: heapWithWorld, firstMs, control, engine, pipeline, rounds};
};

const SIZE_LABEL = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Garbage-collection pauses of this process (the main thread stops for them), as V8 reports them. */
type Pause = Interval & {kind: number};
const pauses: Pause[] = [];
const gcObserver = new PerformanceObserver(list => {
	for (const entry of list.getEntries()) pauses.push({start: entry.startTime, end: entry.startTime + entry.duration, kind: (entry as unknown as {detail?: {kind?: number}}).detail?.kind ?? 0});
});
const GC_KINDS: Record<number, string> = {[perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks'};
const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Per size: the pauses inside its timed runs, and how many commands over a frame ran into one. */
const printPauses = (results: SizeResult[]) => {
	console.log(`  GC pauses inside the timed runs, per path: count, median and longest (kind); commands that met a pause; p99 of those that met none:`);
	const ms = (pause: Interval) => pause.end - pause.start;
	for (const r of results) {
		const cells = (['engine', 'pipeline'] as const).map(way => {
			const stats = r[way];
			const inside = pauses.filter(pause => stats.windows.some(window => overlaps(pause, window)));
			const longest = inside.reduce<Pause | undefined>((worst, pause) => (!worst || ms(pause) > ms(worst) ? pause : worst), undefined);
			const met = stats.samples.filter(command => inside.some(pause => overlaps(pause, command)));
			const clear = stats.samples.filter(command => !met.includes(command)).map(ms).sort((x, y) => x - y);
			const pauseText = longest ? `${inside.length} pauses, median ${fixed(median(inside.map(ms)))}, longest ${fixed(ms(longest))} (${GC_KINDS[longest.kind] ?? longest.kind})` : 'no pauses';
			return `${way} ${pauseText}; ${met.length} commands met one; p99 without them ${fixed(percentile(clear, 99))}`;
		});
		console.log(`    ${SIZE_LABEL(r.target)}: ${cells.join(' | ')}`);
	}

	console.log(`  commands over ${FRAME_MS} ms (ms, path, command; * during a GC pause):`);
	for (const r of results) {
		const over = (['engine', 'pipeline'] as const).flatMap(way => r[way].overFrame.map(command => ({...command, way})));
		const shown = over.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 6).map(command => `${fixed(command.end - command.start)} ${command.way} ${KIND_LABELS[command.kind]}${pauses.some(pause => overlaps(pause, command)) ? '*' : ''}`);
		console.log(`    ${SIZE_LABEL(r.target)}: ${over.length === 0 ? 'none' : `${over.length}${over.length > shown.length ? `, the slowest ${shown.length}` : ''}: ${shown.join(', ')}`}`);
	}
};

/** p99 of each round: a round where the machine was busy shows in the noise and in both paths at once. */
const printRounds = (results: SizeResult[]) => {
	console.log('  p99 of each round (engine; pipeline; noise before each round, engine rounds first):');
	for (const r of results) console.log(`    ${SIZE_LABEL(r.target)}: ${r.rounds.engine.map(fixed).join(' ')}; ${r.rounds.pipeline.map(fixed).join(' ')}; ${r.rounds.control.map(fixed).join(' ')}`);
};

/** Prints rows as columns: the first left-aligned, the others right-aligned; '|' cells stay as they are. */
const printColumns = (rows: string[][], indent = '  ') => {
	const widths = rows[0].map((_, c) => Math.max(...rows.map(row => row[c].length)));
	for (const row of rows) console.log(indent + row.map((cell, c) => (cell === '|' ? cell : c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
};

const printTable = (results: SizeResult[]) => {
	const stats = (s: Stats) => [fixed(s.p50), fixed(s.p99), fixed(s.max)];
	const ran = (r: SizeResult) => (r.engine.stoppedEarly || r.pipeline.stoppedEarly ? `${r.engine.n}/${r.pipeline.n}*` : `${r.engine.n}`);
	printColumns([
		['world', 'resources', 'file MiB', 'load ms', 'heap MiB', '|', 'engine p50', 'p99', 'max', '|', 'pipeline p50', 'p99', 'max', '|', 'commands', '|', 'noise p50', 'p99'],
		...results.map(r => [SIZE_LABEL(r.target), r.built.resources.toLocaleString('en'), (r.bytes / 1024 / 1024).toFixed(1), fixed(r.loadMs), (r.heapBytes / 1024 / 1024).toFixed(0), '|', ...stats(r.engine), '|', ...stats(r.pipeline), '|', ran(r), '|', fixed(r.control.p50), fixed(r.control.p99)]),
	]);
	if (results.some(r => r.engine.stoppedEarly || r.pipeline.stoppedEarly)) console.log(`  * engine/pipeline commands timed: a path stops after ${BUDGET_MS / 1000} s of timed runs at one size`);
	console.log('  heap: what a loaded world adds to the V8 heap in use (after full garbage collections)');
	console.log(`  noise: a fixed ${CONTROL_MS} ms computation that allocates nothing, timed the same way before each round: its p99 above its p50 is what the machine adds (waiting for a core)`);
};

/** Where the time goes: each kind of command of the mix, per size. */
const printByKind = (results: SizeResult[]) => {
	console.log('  By command (ms):');
	printColumns([
		['', ...results.flatMap(r => ['|', `${SIZE_LABEL(r.target)}: engine p99`, 'pipeline p50', 'p99'])],
		...KIND_LABELS.map((label, kind) => [label, ...results.flatMap(r => ['|', fixed(r.engine.byKind[kind].p99), fixed(r.pipeline.byKind[kind].p50), fixed(r.pipeline.byKind[kind].p99)])]),
	], '    ');
};

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const printTargets = (results: SizeResult[]) => {
	const at = (n: number) => results.find(r => r.target === n)!;
	const small = at(1_000);
	const large = at(100_000);
	const p99At10k = at(10_000).pipeline.p99;
	console.log('  Targets:');
	console.log(`    pipeline p99 at 10k < 1 ms: ${fixed(p99At10k)} ms, ${verdict(p99At10k < 1)}`);
	for (const way of ['engine', 'pipeline'] as const) {
		const ratio = large[way].p99 / small[way].p99;
		console.log(`    flat, ${way}: p99 at 100k / p99 at 1k = ${ratio.toFixed(2)} (<= 1.5): ${verdict(ratio <= 1.5)}`);
	}

	for (const r of results) {
		const worst = Math.max(r.engine.max, r.pipeline.max);
		console.log(`    max < 16 ms at ${SIZE_LABEL(r.target)}: ${fixed(worst)} ms, ${verdict(worst < 16)}`);
	}
};

/** One `ami-school aws` process against the big sandbox file: load, one command, save. */
const processRun = (file: string, args: string[]): number | undefined => {
	const cli = path.join(path.dirname(path.dirname(new URL(import.meta.url).pathname)), 'dist', 'cli.js');
	if (!fs.existsSync(cli)) return undefined;
	const t0 = performance.now();
	const r = spawnSync(process.execPath, [cli, 'aws', ...args], {env: {...process.env, AMI_SCHOOL_SANDBOX: file, AMI_SCHOOL_CONFIG_DIR: path.dirname(file)}, stdio: ['ignore', 'pipe', 'pipe']});
	if (r.status !== 0) throw new Error(`ami-school aws ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return performance.now() - t0;
};

const fileBench = (template: Template, dir: string) => {
	const file = path.join(dir, 'world-100000.json');
	const {built, writeMs} = writeWorld(template, 100_000, file);
	const bytes = fs.statSync(file).size;
	const full = bytes + built.quartets * leftOutBytes(template);
	collectGarbage();
	const [, parseMs] = timed(() => JSON.parse(fs.readFileSync(file, 'utf8')));
	collectGarbage();
	const loads: number[] = [];
	const saves: number[] = [];
	let world: World | undefined;
	for (let run = 0; run < 3; run++) {
		const [loaded, loadMs] = timed(() => loadSandboxFile(file));
		world = loaded.world;
		loads.push(loadMs);
		collectGarbage();
		saves.push(timed(() => saveSandbox(file, world!))[1]);
		collectGarbage();
	}

	const savedBytes = fs.statSync(file).size;
	console.log(`Sandbox file of ${built.resources.toLocaleString('en')} resources: ${MiB(savedBytes)} as saved (cap ${MiB(SANDBOX_MAX_BYTES)}; with records as the game makes them, disks and all, it would be ${MiB(full)}, ${full > SANDBOX_MAX_BYTES ? 'over' : 'under'} the cap)`);
	console.log(`  loadSandboxFile (read, parse, check): median ${fixed(median(loads))} ms of 3 (JSON.parse alone ${fixed(parseMs)} ms); saveSandbox (stringify, write, rename): median ${fixed(median(saves))} ms of 3 (writing the text alone ${fixed(writeMs)} ms)`);
	const one = [processRun(file, ['ec2', 'describe-instances', '--instance-ids', built.instanceIds[0], '--query', 'Reservations[].Instances[].State.Name', '--output', 'text']), processRun(file, ['ec2', 'create-tags', '--resources', built.imageIds[0], '--tags', 'Key=Seen,Value=yes'])];
	if (one[0] !== undefined) console.log(`  one \`ami-school aws\` process on this file (load, command, save): describe-instances ${fixed(one[0])} ms, create-tags ${fixed(one[1]!)} ms`);
	fs.rmSync(file, {force: true});
};

export const modelBench = async () => {
	const began = performance.now();
	gcObserver.observe({entryTypes: ['gc']});
	const template = makeTemplate();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-model-'));
	try {
		// JIT warm-up on a small world first, so no size pays for compiling the code it runs
		const {built: warm} = writeWorld(template, 1_000, path.join(dir, 'warm.json'));
		const warmWorld = loadSandboxFile(path.join(dir, 'warm.json')).world;
		runMix(warmWorld, warm, 'engine', 0, JIT_WARM_UP);
		runMix(warmWorld, warm, 'pipeline', 0, JIT_WARM_UP);
		collectGarbage();
		const results: SizeResult[] = [];
		for (const size of SIZES) {
			results.push(benchSize(template, size, dir));
			collectGarbage();
		}

		await new Promise(resolve => setTimeout(resolve, 10)); // the GC observer hears of the pauses
		console.log(`Model: the same ${COMMANDS.toLocaleString('en')} mixed commands (after ${WARM_UP} to warm up; in ${ROUNDS} rounds, each after a noise control) on worlds loaded from sandbox files; engine = beginCommand + execute, pipeline = runAws (parse + model + format); times in ms`);
		console.log('  mix: describe by id (images, instances, snapshots), describe with a name / tag filter and --query, create-tags, create-image, stop, start, describe-regions');
		printTable(results);
		printTargets(results);
		printPauses(results);
		printRounds(results);
		printByKind(results);
		console.log('  first command on a freshly loaded world (as in one `ami-school aws` process, after loading), ms:');
		for (const [index, [label]] of FIRST_COMMANDS.entries()) console.log(`    ${label}: ${results.map(r => `${SIZE_LABEL(r.target)} ${fixed(r.firstMs[index])}`).join(', ')}`);
		const failures = results.map(r => `${SIZE_LABEL(r.target)} ${r.engine.failures}/${r.pipeline.failures}`).join(', ');
		console.log(`  commands answered with an error (engine/pipeline): ${failures}`);
		collectGarbage();
		fileBench(template, dir);
	} finally {
		gcObserver.disconnect();
		fs.rmSync(dir, {recursive: true, force: true});
	}

	console.log(`  (model bench took ${((performance.now() - began) / 1000).toFixed(0)} s)`);
};
