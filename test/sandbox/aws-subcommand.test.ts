import {execFile, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeEach, describe, expect, it} from 'vitest';

// `ami-school aws …` on the built dist/cli.js (npm test builds first), as a user runs it from a shell.
const cli = path.resolve('dist/cli.js');
let dir: string;
let sandbox: string;

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], {env: {...process.env, AMI_SCHOOL_SANDBOX: sandbox, AWS_REGION: '', AWS_DEFAULT_REGION: ''}, encoding: 'utf8', cwd: dir});

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-sub-'));
	sandbox = path.join(dir, 'sandbox.json');
});

describe('ami-school aws', () => {
	it('starts a fresh world when the file is missing and keeps state between commands', () => {
		const created = run('aws', 'ec2', 'create-key-pair', '--key-name', 'lab-key', '--query', 'KeyName', '--output', 'text');
		expect(created.stderr).toBe('');
		expect(created.stdout).toBe('lab-key\n');
		expect(created.status).toBe(0);
		expect(fs.existsSync(sandbox)).toBe(true);
		const listed = run('aws', 'ec2', 'describe-key-pairs', '--query', 'KeyPairs[].KeyName', '--output', 'text');
		expect(listed.stdout).toBe('lab-key\n');
		const duplicate = run('aws', 'ec2', 'create-key-pair', '--key-name', 'lab-key');
		expect(duplicate.status).toBe(254);
		expect(duplicate.stdout).toBe('');
		expect(duplicate.stderr).toBe("\naws: [ERROR]: An error occurred (InvalidKeyPair.Duplicate) when calling the CreateKeyPair operation: The keypair 'lab-key' already exists.\n");
	});

	it('prints usage errors with exit 252 and reads file:// values relative to the working directory', () => {
		const usage = run('aws', 'ec2', 'create-image', '--instance-id', 'i-0123456789abcdef0');
		expect(usage.status).toBe(252);
		expect(usage.stderr).toContain('the following arguments are required: --name');
		fs.writeFileSync(path.join(dir, 'boot.sh'), '#!/bin/bash\necho hi\n');
		const ami = run('aws', 'ec2', 'describe-images', '--owners', 'amazon', '--filters', 'Name=name,Values=al2023-ami-2023.9*-x86_64', '--query', 'Images[0].ImageId', '--output', 'text').stdout.trim();
		const launched = run('aws', 'ec2', 'run-instances', '--image-id', ami, '--instance-type', 't3.micro', '--user-data', 'file://boot.sh', '--query', 'Instances[0].InstanceId', '--output', 'text');
		expect(launched.status).toBe(0);
		const userData = run('aws', 'ec2', 'describe-instance-attribute', '--instance-id', launched.stdout.trim(), '--attribute', 'userData', '--query', 'UserData.Value', '--output', 'text');
		expect(Buffer.from(userData.stdout.trim(), 'base64').toString('utf8')).toBe('#!/bin/bash\necho hi\n');
	});

	it('answers a corrupt sandbox file with a clear message naming the file, and no stack trace', () => {
		fs.writeFileSync(sandbox, '{"format": "ami-school-sandbox", "world": {');
		const result = run('aws', 'ec2', 'describe-regions');
		expect(result.status).toBe(253);
		expect(result.stderr).toContain(sandbox);
		expect(result.stderr).toContain('To start afresh');
		expect(result.stderr).not.toMatch(/\n\s+at /);
		// the damaged file is left for the user to look at
		expect(fs.readFileSync(sandbox, 'utf8')).toBe('{"format": "ami-school-sandbox", "world": {');
	});

	it('never corrupts the file or loses a change when commands run at once', async () => {
		const exec = promisify(execFile);
		const env = {...process.env, AMI_SCHOOL_SANDBOX: sandbox};
		const names = Array.from({length: 8}, (_, i) => `key-${i}`);
		await Promise.all(names.map(name => exec(process.execPath, [cli, 'aws', 'ec2', 'create-key-pair', '--key-name', name], {env})));
		const listed = run('aws', 'ec2', 'describe-key-pairs', '--query', 'sort(KeyPairs[].KeyName)', '--output', 'text');
		expect(listed.status).toBe(0);
		expect(listed.stdout.trim().split('\t')).toEqual(names);
		expect(fs.readdirSync(dir).filter(file => file !== 'sandbox.json')).toEqual([]);
	});
});

describe('ami-school', () => {
	it('prints --version and --help', () => {
		const version = run('--version');
		expect(version.status).toBe(0);
		expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
		const help = run('--help');
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('ami-school play <chapter>');
	});

	it('explains, without a stack trace, that the game needs a terminal', () => {
		const result = run();
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('ami-school play <chapter> --script <file>');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('rejects an unknown flag with usage advice', () => {
		const result = run('--frobnicate');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("Run 'ami-school --help'");
	});
});
