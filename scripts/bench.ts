// `npm run bench`: measures, in one run, and prints what it measured.
//  1. model time per command: 10,000 mixed commands against a world of 10,000 resources
//     (engine.execute only, then the whole `aws` pipeline: parse + model + format)
//  2. process time of `ami-school aws ec2 describe-regions` as a ratio to bare `node -e 0`
//  3. (if dist/ui.cjs exists) the game in a real pseudo-terminal: first frame as a ratio to
//     `node -e 0`, keystroke-to-echo with 1,000 commands of scrollback, peak memory
// Timings on a shared 2-core machine are noisy: runs are interleaved and medians reported.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {produce} from 'immer';
import {runAws} from '../source/cli/run-aws.js';
import {advanceClock, beginCommand, execute, type Request} from '../source/sim/core/engine.js';
import {freshWorld} from '../source/sim/core/fresh-world.js';
import type {World} from '../source/sim/core/types.js';
import {benchTerminal} from './bench-terminal.js';
import {shellGuest} from '../source/shell/guest/boot.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const ms = (n: number) => `${n.toFixed(3)} ms`;

const must = (world: World, request: Request) => {
	const {world: next, result} = execute(world, request, shellGuest);
	if (!result.ok) throw new Error(`${request.operation}: ${result.error.code} ${result.error.message}`);
	return {world: next, output: result.output as any};
};

/** A world with `total` resources in us-east-1: instances with their volumes, images with their snapshots. */
const bigWorld = (total: number): {world: World; instanceIds: string[]; imageIds: string[]; snapshotIds: string[]} => {
	let world = freshWorld();
	const region = 'us-east-1';
	const al2023 = world.regions[region].images.values().find(image => image.Name.startsWith('al2023-ami-2023.9') && image.Architecture === 'x86_64')!;
	let r = must(world, {operation: 'RunInstances', region, params: {ImageId: al2023.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}});
	world = advanceClock(r.world, 60_000, shellGuest); // it boots
	const templateInstanceId: string = r.output.Instances[0].InstanceId;
	r = must(world, {operation: 'CreateImage', region, params: {InstanceId: templateInstanceId, Name: 'template'}});
	world = advanceClock(r.world, 10 * 60_000, shellGuest); // the image becomes available
	const templateImageId: string = r.output.ImageId;
	const quarter = Math.floor(total / 4);
	const instanceIds: string[] = [];
	const imageIds: string[] = [];
	const snapshotIds: string[] = [];
	const base = world.regions[region];
	const instance = base.instances.get(templateInstanceId)!;
	const volume = base.volumes.get(instance.volumes[0].VolumeId)!;
	const image = base.images.get(templateImageId)!;
	const snapshot = base.snapshots.get(image.BlockDeviceMappings[0].Ebs!.SnapshotId!)!;
	world = produce(world, draft => {
		const state = draft.regions[region];
		const hex = (n: number) => n.toString(16).padStart(17, '0');
		for (let i = 1; i <= quarter; i++) {
			const instanceId = `i-${hex(0x1_00_00_00 + i)}`;
			const volumeId = `vol-${hex(0x1_00_00_00 + i)}`;
			state.volumes.set(volumeId, {...structuredClone(volume), VolumeId: volumeId, Attachment: {...volume.Attachment!, InstanceId: instanceId}});
			state.instances.set(instanceId, {...structuredClone(instance), InstanceId: instanceId, volumes: [{...instance.volumes[0], VolumeId: volumeId}], Tags: [{Key: 'Name', Value: `pc-${i}`}]});
			instanceIds.push(instanceId);
			const imageId = `ami-${hex(0x2_00_00_00 + i)}`;
			const snapshotId = `snap-${hex(0x2_00_00_00 + i)}`;
			state.snapshots.set(snapshotId, {...structuredClone(snapshot), SnapshotId: snapshotId, State: 'completed', readyAt: undefined});
			state.images.set(imageId, {...structuredClone(image), ImageId: imageId, Name: `image-${i}`, State: 'available', readyAt: undefined, BlockDeviceMappings: [{...image.BlockDeviceMappings[0], Ebs: {...image.BlockDeviceMappings[0].Ebs!, SnapshotId: snapshotId}}]});
			imageIds.push(imageId);
			snapshotIds.push(snapshotId);
		}
	});
	world = beginCommand(beginCommand(beginCommand(beginCommand(world, shellGuest), shellGuest), shellGuest), shellGuest);
	return {world, instanceIds, imageIds, snapshotIds};
};

const modelBench = () => {
	const resources = 10_000;
	const commands = 10_000;
	const built = bigWorld(resources);
	let world = built.world;
	const region = 'us-east-1';
	const counted = Object.values(world.regions).reduce((n, r) => n + r.instances.ids().length + r.volumes.ids().length + r.images.ids().length + r.snapshots.ids().length, 0);
	const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
	// a mix of what a learner types: mostly describes, some changes
	const mix = (i: number): string[] => {
		switch (i % 10) {
			case 0: return ['ec2', 'describe-images', '--image-ids', pick(built.imageIds, i)];
			case 1: return ['ec2', 'describe-instances', '--instance-ids', pick(built.instanceIds, i)];
			case 2: return ['ec2', 'describe-images', '--owners', 'self', '--filters', `Name=name,Values=image-${i % 2500}`, '--query', 'Images[].ImageId'];
			case 3: return ['ec2', 'create-tags', '--resources', pick(built.imageIds, i), '--tags', `Key=Term,Value=t${i}`];
			case 4: return ['ec2', 'describe-snapshots', '--snapshot-ids', pick(built.snapshotIds, i)];
			case 5: return ['ec2', 'create-image', '--instance-id', pick(built.instanceIds, i), '--name', `bench-${i}`, '--no-reboot'];
			case 6: return ['ec2', 'describe-regions', '--output', 'text'];
			case 7: return ['ec2', 'stop-instances', '--instance-ids', pick(built.instanceIds, i)];
			case 8: return ['ec2', 'start-instances', '--instance-ids', pick(built.instanceIds, i + 3)];
			default: return ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=pc-42', '--query', 'Reservations[].Instances[].InstanceId', '--output', 'text'];
		}
	};

	const env = {readFile: () => undefined, defaultRegion: region, width: 80, guest: shellGuest};
	const whole: number[] = [];
	const model: number[] = [];
	let failures = 0;
	for (let i = 0; i < commands; i++) {
		const args = mix(i);
		const t0 = performance.now();
		const outcome = runAws(world, args, env);
		whole.push(performance.now() - t0);
		if (outcome.exitCode !== 0) failures++;
		world = outcome.world;
	}

	// the model alone: the same kinds of request straight to execute()
	for (let i = 0; i < commands; i++) {
		const kind = i % 4;
		const request: Request =
			kind === 0
				? {operation: 'DescribeImages', region, params: {ImageIds: [pick(built.imageIds, i)]}}
				: kind === 1
					? {operation: 'DescribeInstances', region, params: {InstanceIds: [pick(built.instanceIds, i)]}}
					: kind === 2
						? {operation: 'CreateTags', region, params: {Resources: [pick(built.snapshotIds, i)], Tags: [{Key: 'k', Value: String(i)}]}}
						: {operation: 'DescribeImages', region, params: {Owners: ['self'], Filters: [{Name: 'name', Values: [`image-${i % 2500}`]}]}};
		const t0 = performance.now();
		const ticked = beginCommand(world, shellGuest);
		const {world: next} = execute(ticked, request, shellGuest);
		model.push(performance.now() - t0);
		world = next;
	}

	const report = (label: string, samples: number[]) => {
		const sorted = [...samples].sort((a, b) => a - b);
		console.log(`  ${label}: p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)} (target p99 < 1 ms: ${percentile(sorted, 99) < 1 ? 'met' : 'NOT met'})`);
	};

	console.log(`Model: ${commands.toLocaleString('en')} mixed commands against a world of ${counted.toLocaleString('en')} resources (instances, volumes, images, snapshots)`);
	report('engine only (tick + execute)', model);
	report('whole aws pipeline (parse + model + format)', whole);
	console.log(`  commands that answered with an error (expected for some stop/start mixes): ${failures}`);
};

const timeProcess = (args: string[], env: NodeJS.ProcessEnv): number => {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
	const elapsed = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return elapsed;
};

const startupBench = () => {
	if (!fs.existsSync(cli)) {
		console.log('Start-up: dist/cli.js is missing (run npm run build)');
		return;
	}

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-'));
	const env = {...process.env, AMI_SCHOOL_SANDBOX: path.join(dir, 'sandbox.json'), AMI_SCHOOL_CONFIG_DIR: dir};
	timeProcess([cli, 'aws', 'ec2', 'describe-regions'], env); // creates the sandbox file and the code cache once, as a player's first command does
	const runs = 25;
	const bare: number[] = [];
	const ours: number[] = [];
	for (let i = 0; i < runs; i++) {
		bare.push(timeProcess(['-e', '0'], env));
		ours.push(timeProcess([cli, 'aws', 'ec2', 'describe-regions'], env));
	}

	const ratios = ours.map((t, i) => t / bare[i]);
	console.log(`Start-up: \`ami-school aws ec2 describe-regions\` (reads and writes the sandbox file) vs \`node -e 0\`, ${runs} interleaved runs`);
	console.log(`  node -e 0: median ${ms(median(bare))}; ami-school aws: median ${ms(median(ours))}; ratio of medians ${(median(ours) / median(bare)).toFixed(2)}, median of pairwise ratios ${median(ratios).toFixed(2)} (target 1.5 or less: ${median(ratios) <= 1.5 ? 'met' : 'NOT met'})`);
	fs.rmSync(dir, {recursive: true, force: true});
};

// `bench.ts model`, `bench.ts startup` or `bench.ts terminal` runs one part (for profiling).
const only = process.argv[2];
if (!only || only === 'model') modelBench();
if (!only || only === 'startup') startupBench();
if (!only || only === 'terminal') await benchTerminal(root);
