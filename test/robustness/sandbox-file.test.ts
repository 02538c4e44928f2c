import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import {saveSandbox, SandboxChangedError, withSandbox} from '../../source/sandbox/store.js';

// The sandbox file under pressure (issue 10): paused and killed writers, compare-then-write,
// read-only and symlinked files, commands the CLI rejects. Runs the built dist/cli.js.
const cli = path.resolve('dist/cli.js');
let dir: string;
let sandbox: string;
const children: ChildProcess[] = [];

const env = (extra: Record<string, string> = {}) => ({...process.env, AMI_SCHOOL_SANDBOX: sandbox, AWS_REGION: '', AWS_DEFAULT_REGION: '', ...extra});
const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [cli, 'aws', 'ec2', ...args], {env: env(extra), encoding: 'utf8', cwd: dir});
const runAsync = (args: string[], extra: Record<string, string> = {}) =>
	new Promise<{status: number | null; stdout: string; stderr: string}>(resolve => {
		const child = spawn(process.execPath, [cli, 'aws', 'ec2', ...args], {env: env(extra), cwd: dir});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', status => resolve({status, stdout, stderr}));
	});
const keyNames = () => run(['describe-key-pairs', '--query', 'sort(KeyPairs[].KeyName)', '--output', 'text']).stdout.trim().split(/\s+/).filter(Boolean);
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const waitFor = async (what: () => boolean, ms = 5000) => {
	const end = Date.now() + ms;
	while (!what()) {
		if (Date.now() > end) throw new Error('timed out');
		await sleep(10);
	}
};

const TAGS = '[{"ResourceType":"key-pair","Tags":[{"Key":"k","Value":"v"}]}]';

/** A writer that holds the lock: it blocks reading a FIFO for its --tag-specifications. */
const startBlockedWriter = async (name: string) => {
	const fifo = path.join(dir, `${name}.fifo`);
	execFileSync('mkfifo', [fifo]);
	const child = spawn(process.execPath, [cli, 'aws', 'ec2', 'create-key-pair', '--key-name', name, '--tag-specifications', `file://${fifo}`, '--query', 'KeyName'], {env: env(), cwd: dir, stdio: ['ignore', 'pipe', 'pipe']});
	children.push(child);
	let stderr = '';
	child.stderr!.on('data', chunk => (stderr += chunk));
	const exited = new Promise<number | null>(resolve => child.on('close', resolve));
	await waitFor(() => fs.existsSync(`${sandbox}.lock`));
	const feed = () => fs.writeFileSync(fifo, TAGS); // opens the FIFO: unblocks the reader
	return {child, exited, feed, stderr: () => stderr};
};

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-robust-'));
	sandbox = path.join(dir, 'sandbox.json');
	expect(run(['create-key-pair', '--key-name', 'first']).status).toBe(0);
});

afterEach(() => {
	for (const child of children.splice(0)) {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGCONT');
			child.kill('SIGKILL');
		}
	}
});

describe('a paused writer keeps its lock', () => {
	it('an old lock whose owner is alive (stopped) is never broken, and no change is lost', async () => {
		const writer = await startBlockedWriter('slow');
		writer.child.kill('SIGSTOP');
		// the lock looks an hour old: the old code broke any lock older than 30 s
		const hourAgo = new Date(Date.now() - 3_600_000);
		fs.utimesSync(`${sandbox}.lock`, hourAgo, hourAgo);
		const refused = run(['create-key-pair', '--key-name', 'quick'], {AMI_SCHOOL_LOCK_WAIT_MS: '300'});
		expect(refused.status).toBe(253);
		expect(refused.stderr).toContain(`pid ${writer.child.pid}`);
		expect(refused.stderr).toContain('is still using it');
		expect(refused.stderr).not.toMatch(/\n\s+at /);
		// the second command waits while the first is resumed and finishes
		const waiting = runAsync(['create-key-pair', '--key-name', 'quick'], {AMI_SCHOOL_LOCK_WAIT_MS: '8000'});
		await sleep(200);
		writer.child.kill('SIGCONT');
		writer.feed();
		expect(await writer.exited).toBe(0);
		expect((await waiting).status).toBe(0);
		expect(keyNames()).toEqual(['first', 'quick', 'slow']);
	});
});

describe('a killed writer', () => {
	it('leaves no stall: the next command breaks the dead lock at once, and its leftovers are cleaned', async () => {
		const writer = await startBlockedWriter('doomed');
		writer.child.kill('SIGKILL');
		await writer.exited;
		expect(fs.existsSync(`${sandbox}.lock`)).toBe(true);
		const leftover = `${sandbox}.${writer.child.pid}.x1y2.tmp`;
		fs.writeFileSync(leftover, '{"half": ');
		const started = Date.now();
		const next = run(['create-key-pair', '--key-name', 'after']);
		expect(next.stderr).toBe('');
		expect(next.status).toBe(0);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(keyNames()).toEqual(['after', 'first']);
		expect(fs.readdirSync(dir).filter(name => name.startsWith('sandbox.json')).sort()).toEqual(['sandbox.json']);
	});

	it('a lock left by a process that exited long ago (its pid now free) is broken, one that names a live process is not', () => {
		const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout;
		fs.writeFileSync(`${sandbox}.lock`, JSON.stringify({pid: Number(dead), host: os.hostname(), since: 'x'}));
		expect(run(['create-key-pair', '--key-name', 'b']).status).toBe(0);
		fs.writeFileSync(`${sandbox}.lock`, JSON.stringify({pid: process.pid, host: os.hostname(), since: 'x'}));
		const refused = run(['create-key-pair', '--key-name', 'c'], {AMI_SCHOOL_LOCK_WAIT_MS: '100'});
		expect(refused.status).toBe(253);
		fs.rmSync(`${sandbox}.lock`);
		expect(keyNames()).toEqual(['b', 'first']);
	});
});

describe('compare, then write', () => {
	it('a writer whose file changed under it (a lock broken by mistake) writes nothing and says so', () => {
		const file = path.join(dir, 'unit.json');
		saveSandbox(file, freshWorld());
		const intruder = {...freshWorld(), commands: 42};
		expect(() =>
			withSandbox(file, ({loaded, save}) => {
				saveSandbox(file, intruder); // another writer gets in while this one runs
				save({...loaded.world, commands: 7});
			}),
		).toThrow(SandboxChangedError);
		expect(JSON.parse(fs.readFileSync(file, 'utf8')).world.commands).toBe(42);
		expect(fs.readdirSync(dir).filter(name => name.startsWith('unit.json'))).toEqual(['unit.json']);
	});

	it('a command that throws writes nothing', () => {
		const before = fs.readFileSync(sandbox, 'utf8');
		expect(() =>
			withSandbox(sandbox, () => {
				throw new Error('boom');
			}),
		).toThrow('boom');
		expect(fs.readFileSync(sandbox, 'utf8')).toBe(before);
	});

	it('four writers at once, many times: every change is kept', async () => {
		for (let round = 0; round < 2; round++) {
			const names = Array.from({length: 4}, (_, i) => `r${round}-${i}`);
			const results = await Promise.all(names.map(name => runAsync(['create-key-pair', '--key-name', name])));
			expect(results.map(result => result.status)).toEqual([0, 0, 0, 0]);
		}

		expect(keyNames()).toHaveLength(9);
	}, 20_000);
});

describe('files the user arranged', () => {
	it('a read-only sandbox file is refused with a clear message and left as it was', () => {
		fs.chmodSync(sandbox, 0o444);
		const before = fs.readFileSync(sandbox, 'utf8');
		const refused = run(['create-key-pair', '--key-name', 'nope']);
		expect(refused.status).toBe(253);
		expect(refused.stderr).toContain('read-only');
		expect(refused.stderr).toContain('chmod u+w');
		expect(fs.statSync(sandbox).mode & 0o777).toBe(0o444);
		expect(fs.readFileSync(sandbox, 'utf8')).toBe(before);
	});

	it('a symlinked sandbox file is written through to its target, and keeps its mode', () => {
		const target = path.join(dir, 'real.json');
		fs.renameSync(sandbox, target);
		fs.chmodSync(target, 0o600);
		fs.symlinkSync(target, sandbox);
		expect(run(['create-key-pair', '--key-name', 'linked']).status).toBe(0);
		expect(fs.lstatSync(sandbox).isSymbolicLink()).toBe(true);
		expect(fs.readFileSync(target, 'utf8')).toContain('"linked"');
		expect(fs.statSync(target).mode & 0o777).toBe(0o600);
		expect(keyNames()).toEqual(['first', 'linked']);
	});
});

describe('what reaches the model', () => {
	it('usage errors, help and bad --query never tick the clock nor write the file', () => {
		const before = fs.readFileSync(sandbox, 'utf8');
		for (const args of [['create-key-pair'], ['create-key-pair', '--key-name', 'x', '--bogus'], ['describe-images', '--query', '[['], ['describe-images', '--region', 'mars-1'], ['nonsense-operation']]) {
			const result = run(args);
			expect(result.status).not.toBe(0);
			expect(fs.readFileSync(sandbox, 'utf8')).toBe(before);
		}

		expect(run(['describe-regions']).status).toBe(0);
		expect(fs.readFileSync(sandbox, 'utf8')).not.toBe(before);
	});

	it('a damaged schedule is reported as damaged, with where, not as an unexpected error', () => {
		const doc = JSON.parse(fs.readFileSync(sandbox, 'utf8'));
		doc.world.schedule = [{at: 'soon', region: 'us-east-1', kind: 'image', id: 'ami-1'}];
		fs.writeFileSync(sandbox, JSON.stringify(doc));
		const result = run(['describe-images', '--owners', 'self']);
		expect(result.status).toBe(253);
		expect(result.stderr).toContain('it is damaged: world.schedule[0].at is "soon", not a number');
		expect(result.stderr).toContain('To start afresh');
	});
});

describe('bounds on what is read', () => {
	it('file:///dev/zero and fileb:///dev/urandom stop at the limit with a usage error', () => {
		for (const value of ['file:///dev/zero', 'fileb:///dev/urandom']) {
			const started = Date.now();
			const result = run(['import-key-pair', '--key-name', 'z', '--public-key-material', value]);
			expect(result.status).toBe(252);
			expect(result.stderr).toContain(`Unable to load paramfile ${value}: the file is larger than 4 MB`);
			expect(Date.now() - started).toBeLessThan(4000);
		}
	});
});
