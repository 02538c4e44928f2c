// `npm run bench`: measures, in one run, and prints what it measured.
//  1. the model (bench-model.ts): the same command mix on worlds of about 1,000, 10,000 and
//     100,000 resources loaded from sandbox files, engine only and the whole `aws` pipeline
//     (p50, p99, max, with targets), and loading and saving a 100,000-resource sandbox file
//  2. process time of `ami-school aws ec2 describe-regions` as a ratio to bare `node -e 0`
//  3. (if dist/ui.cjs exists) the game in a real pseudo-terminal: first frame as a ratio to
//     `node -e 0`, keystroke-to-echo with 1,000 commands of scrollback, peak memory
// Timings on a shared 2-core machine are noisy: runs are interleaved and medians reported.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {benchTerminal} from './bench-terminal.js';
import {modelBench} from './bench-model.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const ms = (n: number) => `${n.toFixed(3)} ms`;

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
if (!only || only === 'model') await modelBench();
if (!only || only === 'startup') startupBench();
if (!only || only === 'terminal') await benchTerminal(root);
