import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {exportSession, familyPattern, replaceTokens} from '../../source/game/export-script.js';
import {newSession} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {runLine} from '../../source/shell/run-line.js';
import type {World} from '../../source/sim/core/types.js';

// The export of a played session as bash scripts for the real AWS CLI, checked by running them
// against a fresh sandbox: an `aws` on PATH that is `ami-school aws` (the built dist/cli.js).

const cli = path.resolve('dist/cli.js');
const lessons = loadLessonDir(defaultLessonsDir()).lessons;
const chapter = (order: number) => lessons.find(l => l.order === order)!;

const exportOf = (order: number, lines?: string[]) => {
	const lesson = chapter(order);
	return exportSession({title: lesson.title, region: lesson.setup.region, setup: lesson.setup.commands, lines: lines ?? lesson.solution, newSession, runLine});
};

/** Live resources by Region and kind ("us-east-1 image": 2): what a learner made and has not removed. */
const liveKinds = (world: World): Record<string, number> => {
	const counts: Record<string, number> = {};
	const add = (key: string) => {
		counts[key] = (counts[key] ?? 0) + 1;
	};

	for (const [region, state] of Object.entries(world.regions)) {
		for (const image of Object.values(state.images)) if (image.OwnerId === world.account && image.State !== 'deregistered') add(`${region} image`);
		for (const instance of Object.values(state.instances)) if (instance.State !== 'terminated' && instance.State !== 'shutting-down') add(`${region} instance`);
		for (const snapshot of Object.values(state.snapshots)) if (snapshot.OwnerId === world.account) add(`${region} snapshot`);
		for (const volume of Object.values(state.volumes)) if (volume.State !== 'deleted') add(`${region} volume`);
		for (const group of Object.values(state.securityGroups)) if (group.GroupName !== 'default') add(`${region} security-group`);
		for (const _ of Object.values(state.keyPairs)) add(`${region} key-pair`);
	}

	return counts;
};

/** The game's own world after the chapter's setup and `lines`. */
const playedWorld = (order: number, lines: string[]): World => {
	const lesson = chapter(order);
	let session = newSession(lesson.setup.region);
	for (const line of [...lesson.setup.commands, ...lines]) session = runLine(session, line).session;
	return session.world;
};

const runScripts = (scripts: {session: string; cleanup: string}) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-export-'));
	const bin = path.join(dir, 'bin');
	fs.mkdirSync(bin);
	fs.writeFileSync(path.join(bin, 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" aws "$@"\n`, {mode: 0o755});
	fs.writeFileSync(path.join(dir, 'session.sh'), scripts.session, {mode: 0o755});
	fs.writeFileSync(path.join(dir, 'cleanup.sh'), scripts.cleanup, {mode: 0o755});
	const sandbox = path.join(dir, 'sandbox.json');
	const env = {...process.env, PATH: `${bin}:${process.env.PATH}`, AMI_SCHOOL_SANDBOX: sandbox, AWS_REGION: '', AWS_DEFAULT_REGION: ''};
	const world = () => (JSON.parse(fs.readFileSync(sandbox, 'utf8')) as {world: World}).world;
	const session = spawnSync('bash', ['session.sh'], {cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	const afterSession = world();
	const ledger = fs.readFileSync(path.join(dir, 'created-resources.txt'), 'utf8');
	const cleanup = spawnSync('bash', ['cleanup.sh'], {cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	return {session, cleanup, afterSession, afterCleanup: world(), ledger, ledgerKept: fs.existsSync(path.join(dir, 'created-resources.txt'))};
};

describe('replaceTokens', () => {
	const vars: Record<string, string> = {'ami-0123456789abcdef0': 'IMAGE_1', '3.80.1.2': 'IP_1'};
	const lookup = (token: string) => vars[token];
	it('puts variables in plain and double-quoted words', () => {
		expect(replaceTokens('aws ec2 run-instances --image-id ami-0123456789abcdef0', lookup)).toBe('aws ec2 run-instances --image-id ${IMAGE_1}');
		expect(replaceTokens('curl "http://3.80.1.2/index.html"', lookup)).toBe('curl "http://${IP_1}/index.html"');
	});

	it('splices a variable out of single quotes, so the shell expands it', () => {
		expect(replaceTokens("aws ec2 describe-images --query 'Images[?ImageId==`ami-0123456789abcdef0`]'", lookup)).toBe("aws ec2 describe-images --query 'Images[?ImageId==`'\"${IMAGE_1}\"'`]'");
	});

	it('leaves unknown IDs, and escaped quotes, as they are', () => {
		expect(replaceTokens("echo it\\'s ami-0000000000000000f 'x'", lookup)).toBe("echo it\\'s ami-0000000000000000f 'x'");
	});
});

describe('familyPattern', () => {
	it('turns the build stamp of a public image name into a wildcard', () => {
		expect(familyPattern('al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64')).toBe('al2023-ami-*-kernel-6.1-x86_64');
		expect(familyPattern('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260818')).toBe('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*');
		expect(familyPattern('Windows_Server-2025-English-Full-Base-2026.08.13')).toBe('Windows_Server-2025-English-Full-Base-*');
		expect(familyPattern('classcloud-lms-4.2.1-al2023-x86_64')).toBeUndefined();
	});
});

describe('exportSession', () => {
	it('starts both scripts with the warning that real AWS costs money', () => {
		const scripts = exportOf(1);
		for (const script of [scripts.session, scripts.cleanup]) {
			expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
			expect(script).toMatch(/WARNING: this script runs against REAL AWS/);
			expect(script).toMatch(/COSTS REAL MONEY/);
		}
	});

	it('replaces a typed sandbox ID by the variable that finds it on AWS', () => {
		const world = playedWorld(1, []);
		const al2023 = Object.values(world.regions['us-east-1'].images).find(i => i.Name.startsWith('al2023-ami-2023.9') && i.Architecture === 'x86_64')!;
		const {session} = exportOf(1, [`aws ec2 run-instances --image-id ${al2023.ImageId} --instance-type t3.micro --count 2`]);
		expect(session).not.toContain(al2023.ImageId);
		expect(session).toContain("IMAGE_1=$(aws ec2 describe-images --region us-east-1 --owners 137112412989 --filters 'Name=name,Values=al2023-ami-*-kernel-6.1-x86_64'");
		expect(session).toContain('aws ec2 run-instances --image-id ${IMAGE_1} --instance-type t3.micro --count 2');
		expect(session).toMatch(/read -r INSTANCE_1 INSTANCE_2 <<< /);
		expect(session).toContain('record instance us-east-1 "$INSTANCE_2"');
	});

	it('leaves failed lines out, and prints what was typed inside an instance as steps', () => {
		const {session} = exportOf(2, ['aws ec2 describe-imagez', ...chapter(2).solution]);
		expect(session).not.toContain('describe-imagez');
		expect(session).toMatch(/Do these steps by hand[\s\S]*ssh [^\n]*ec2-user@\$IP[\s\S]*\nSTEPS\npause\n/);
	});

	it('leaves aws configure set out: it would change the learner\'s own AWS CLI settings', () => {
		const {session} = exportOf(1, ['aws configure set output table', 'aws ec2 describe-regions']);
		expect(session).toContain('# left out: aws configure set output table');
		expect(session).not.toMatch(/^aws configure set/m);
		expect(session).toMatch(/^aws ec2 describe-regions$/m);
	});

	// Chapter 2 (ssh, an image, its snapshot), 5 (a copy and a key pair in another Region) and
	// 8 (snapshots, register-image, an instance-store image) between them make every kind.
	for (const order of [2, 5, 8]) {
		it(`chapter ${order}: session.sh makes the same resources again, cleanup.sh leaves nothing`, () => {
			const lesson = chapter(order);
			// The reference solution, stopped before its own clean-up: every kind of resource is still there.
			const cut = lesson.solution.findIndex(line => /terminate-instances|deregister-image|delete-snapshot/.test(line));
			const lines = lesson.solution.slice(0, cut === -1 ? undefined : cut);
			const result = runScripts(exportOf(order, lines));
			expect(result.session.status, result.session.stderr).toBe(0);
			expect(liveKinds(result.afterSession)).toEqual(liveKinds(playedWorld(order, lines)));
			expect(Object.keys(liveKinds(result.afterSession)).length).toBeGreaterThan(2);
			expect(result.cleanup.status, result.cleanup.stderr + result.cleanup.stdout).toBe(0);
			expect(liveKinds(result.afterCleanup)).toEqual({});
			expect(result.ledgerKept).toBe(false);
		}, 120_000);
	}
});
