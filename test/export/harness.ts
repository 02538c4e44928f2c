import {loadSandbox} from '../../source/sandbox/store.js';
import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {exportSession, type ExportedScripts} from '../../source/export/index.js';
import {newSession, setupLines} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {runLine} from '../../source/shell/run-line.js';
import type {World} from '../../source/sim/core/types.js';

// Running exported scripts for real: bash, with an `aws` on PATH that is `ami-school aws` (the
// built dist/cli.js) on one sandbox file, recording every argv it gets (NUL-separated, one
// record per call) and able to fail at its Nth call; `curl` answers like a web server (or
// checkip.amazonaws.com), and a program `pwned` records that it ran (it never should).

export const cli = path.resolve('dist/cli.js');
export const lessons = loadLessonDir(defaultLessonsDir()).lessons;
export const chapter = (order: number) => lessons.find(l => l.order === order)!;

export const exportLines = (setup: string[], lines: string[], region = 'us-east-1', title = 'Test'): ExportedScripts =>
	exportSession({title, region, setup, lines, newSession, runLine});

export const exportChapter = (order: number, lines?: string[]): ExportedScripts => {
	const lesson = chapter(order);
	return exportLines(setupLines(lesson), lines ?? lesson.solution, lesson.setup.region, lesson.title);
};

/** The reference solution up to (not with) its own clean-up: every kind of resource is still there. */
export const uncleaned = (order: number): string[] => {
	const solution = chapter(order).solution;
	const cut = solution.findIndex(line => /terminate-instances|deregister-image|delete-snapshot/.test(line));
	return solution.slice(0, cut === -1 ? undefined : cut);
};

let server: {port: number} | undefined;

/** The fast stand-in (aws-server.mjs): `ami-school aws`'s own code kept loaded, one per test file. */
const awsServer = (): number => {
	if (server) return server.port;
	const portFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ami-aws-server-')), 'port');
	const child = spawn(process.execPath, [path.resolve('test/export/aws-server.mjs'), path.resolve('dist/aws.cjs'), portFile, String(process.pid)], {stdio: 'ignore'});
	child.unref();
	process.on('exit', () => child.kill());
	const wait = new Int32Array(new SharedArrayBuffer(4));
	for (let k = 0; k < 400 && !fs.existsSync(portFile); k++) Atomics.wait(wait, 0, 0, 25);
	server = {port: Number(fs.readFileSync(portFile, 'utf8'))};
	return server.port;
};

/**
 * A machine to run scripts on: a bin folder and one sandbox shared by every export folder in it.
 * `real`: the stand-in `aws` runs `node dist/cli.js aws` itself for every call (slow: a node start
 * per call); otherwise the same code answers from aws-server.mjs.
 */
export const machine = (options: {real?: boolean; noDefaultVpc?: boolean; oldCli?: boolean; slowImages?: number} = {}) => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-export-'));
	const bin = path.join(root, 'bin');
	fs.mkdirSync(bin);
	const argvLog = path.join(root, 'argv.log');
	const pwned = path.join(root, 'pwned.log');
	const counter = path.join(root, 'calls');
	const call = options.real
		? [`exec '${process.execPath}' '${cli}' aws "$@"`]
		: [
				`f='${root}'/aws.$$.$RANDOM`,
				`exec 3<> /dev/tcp/127.0.0.1/${awsServer()}`,
				'{ printf \'%s\\n\' $((7 + $#)); printf \'%s\\0\' "$f.out" "$f.err" "$PWD" "${AMI_SCHOOL_SANDBOX:-}" "${AWS_REGION:-}" "${AWS_DEFAULT_REGION:-}" "${HOME:-}" "$@"; } >&3',
				'read -r code <&3',
				'cat "$f.out"; cat "$f.err" >&2; rm -f "$f.out" "$f.err"',
				'exit "$code"',
			];
	fs.writeFileSync(
		path.join(bin, 'aws'),
		[
			'#!/usr/bin/env bash',
			`printf '%s\\0' "$@" >> '${argvLog}'`,
			`printf '\\n' >> '${argvLog}'`,
			'if [ -n "${FAIL_AT:-}" ]; then',
			`  n=$(( $(cat '${counter}' 2> /dev/null || echo 0) + 1 )); echo "$n" > '${counter}'`,
			'  if [ "$n" = "$FAIL_AT" ]; then echo "aws: [ERROR]: injected failure" >&2; exit 254; fi',
			'fi',
			...(options.noDefaultVpc ? ['case " $* " in *" describe-vpcs "*) echo None; exit 0 ;; esac'] : []),
			// an AWS CLI from before May 2025
			...(options.oldCli ? ['case " $* " in *" --delete-associated-snapshots "*) echo "aws: [ERROR]: Unknown options: --delete-associated-snapshots" >&2; exit 252 ;; esac'] : []),
			// the image-available waiter giving up (10 minutes) the first N times it is asked
			...(options.slowImages
				? [
						'case " $* " in *" wait image-available "*)',
						`  w=$(( $(cat '${root}/waits' 2> /dev/null || echo 0) + 1 )); echo "$w" > '${root}/waits'`,
						`  if [ "$w" -le ${options.slowImages} ]; then echo "aws: [ERROR]: Waiter ImageAvailable failed: Max attempts exceeded" >&2; exit 255; fi ;;`,
						'esac',
					]
				: []),
			...call,
			'',
		].join('\n'),
		{mode: 0o755},
	);
	fs.writeFileSync(path.join(bin, 'curl'), '#!/bin/sh\ncase "$*" in *checkip*) echo 203.0.113.7 ;; *) echo "<h1>it works</h1>" ;; esac\n', {mode: 0o755});
	fs.writeFileSync(path.join(bin, 'pwned'), `#!/bin/sh\necho "$@" >> '${pwned}'\n`, {mode: 0o755});
	const sandbox = path.join(root, 'sandbox.json');
	const env = (extra: Record<string, string> = {}) => ({
		PATH: `${bin}:${process.env.PATH}`,
		HOME: root,
		AMI_SCHOOL_SANDBOX: sandbox,
		AMI_SCHOOL_CONFIG_DIR: path.join(root, 'config'),
		AMI_SCHOOL_POLL_SECONDS: '0',
		AWS_REGION: '',
		AWS_DEFAULT_REGION: '',
		...extra,
	});
	let folders = 0;
	const place = (scripts: {session: string; cleanup: string}): string => {
		const dir = path.join(root, `export-${++folders}`);
		fs.mkdirSync(dir);
		fs.writeFileSync(path.join(dir, 'session.sh'), scripts.session, {mode: 0o755});
		fs.writeFileSync(path.join(dir, 'cleanup.sh'), scripts.cleanup, {mode: 0o755});
		return dir;
	};

	const run = (dir: string, script: string, extra: Record<string, string> = {}, args = ['--yes']): SpawnSyncReturns<string> =>
		spawnSync('bash', [script, ...args], {cwd: dir, env: env(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000});
	/** the same, without waiting (two learners at once) */
	const start = (dir: string, script: string, extra: Record<string, string> = {}) =>
		new Promise<{status: number | null; stdout: string; stderr: string}>(resolve => {
			const child = spawn('bash', [script, '--yes'], {cwd: dir, env: env(extra), stdio: ['ignore', 'pipe', 'pipe']});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
			child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
			child.on('close', status => resolve({status, stdout, stderr}));
		});
	const world = (): World => loadSandbox(sandbox);
	/** every argv the stand-in aws got, in order */
	const argvs = (): string[][] =>
		fs.existsSync(argvLog)
			? fs
					.readFileSync(argvLog, 'utf8')
					.split('\0\n')
					.filter(Boolean)
					.map(record => record.split('\0'))
			: [];
	const pwnedRuns = () => (fs.existsSync(pwned) ? fs.readFileSync(pwned, 'utf8') : '');
	return {root, place, run, start, world, argvs, pwnedRuns, resetCalls: () => fs.rmSync(counter, {force: true})};
};

/** Live resources by Region and kind ("us-east-1 image": 2), of the learner's account. */
export const liveKinds = (world: World): Record<string, number> => {
	const counts: Record<string, number> = {};
	const add = (key: string) => {
		counts[key] = (counts[key] ?? 0) + 1;
	};

	for (const [region, state] of Object.entries(world.regions)) {
		for (const image of state.images.values()) if (image.OwnerId === world.account && image.State !== 'deregistered') add(`${region} image`);
		for (const instance of state.instances.values()) if (instance.State !== 'terminated' && instance.State !== 'shutting-down') add(`${region} instance`);
		for (const snapshot of state.snapshots.values()) if (snapshot.OwnerId === world.account) add(`${region} snapshot`);
		for (const volume of state.volumes.values()) if (volume.State !== 'deleted') add(`${region} volume`);
		for (const group of state.securityGroups.values()) if (group.GroupName !== 'default') add(`${region} security-group`);
		for (const _ of state.keyPairs.values()) add(`${region} key-pair`);
	}

	return counts;
};

/** The game's own world after a chapter's setup and `lines` (those `keep` keeps). */
export const playedWorld = (order: number, lines: string[], keep: (line: string) => boolean = () => true): World => {
	const lesson = chapter(order);
	let session = newSession(lesson.setup.region);
	for (const line of [...setupLines(lesson), ...lines].filter(keep)) session = runLine(session, line).session;
	return session.world;
};
