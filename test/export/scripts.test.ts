import {describe, expect, it} from 'vitest';
import {familyPattern} from '../../source/export/session-writer.js';
import {chapter, exportChapter, liveKinds, machine, playedWorld, uncleaned} from './harness.js';

// The export of a played session as bash scripts for the real AWS CLI, checked by running them
// against a fresh sandbox: an `aws` on PATH that is `ami-school aws` (the built dist/cli.js).

describe('familyPattern', () => {
	it('turns the build stamp of a public image name into a wildcard', () => {
		expect(familyPattern('al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64')).toBe('al2023-ami-2023.*-kernel-6.1-x86_64');
		expect(familyPattern('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260818')).toBe('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*');
		expect(familyPattern('Windows_Server-2025-English-Full-Base-2026.08.13')).toBe('Windows_Server-2025-English-Full-Base-*');
		expect(familyPattern('classcloud-lms-4.2.1-al2023-x86_64')).toBeUndefined();
	});
});

describe('exportSession', () => {
	it('starts both scripts with the warning that real AWS costs money, and the cost banner names public IPv4', () => {
		const scripts = exportChapter(2, uncleaned(2));
		for (const script of [scripts.session, scripts.cleanup]) {
			expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
			expect(script).toMatch(/WARNING: this script runs against REAL AWS/);
			expect(script).toMatch(/COSTS REAL MONEY/);
			expect(script).toContain('set -euo pipefail');
			expect(script).toContain('export AWS_PAGER=""');
		}

		expect(scripts.session).toContain('public IPv4 addresses $0.0100/h (2 x $0.005, charged since February 2024)');
	});

	it('replaces a typed sandbox ID by the variable that finds it on AWS', () => {
		const world = playedWorld(1, []);
		const al2023 = world.regions['us-east-1'].images.values().find(i => i.Name.startsWith('al2023-ami-2023.9') && i.Architecture === 'x86_64')!;
		const {session} = exportChapter(1, [`aws ec2 run-instances --image-id ${al2023.ImageId} --instance-type t3.micro --count 2`]);
		expect(session).not.toContain(al2023.ImageId);
		expect(session).toContain(`IMAGE_1=$(aws ec2 describe-images --region "\${REGION}" --owners 137112412989 --filters 'Name=name,Values=al2023-ami-2023.*-kernel-6.1-x86_64'`);
		expect(session).toMatch(/aws --region "\$\{REGION\}" ec2 run-instances --image-id "\$\{IMAGE_1\}" --instance-type t3.micro --count 2 --tag-specifications/);
		expect(session).toMatch(/read -r INSTANCE_1 INSTANCE_2 <<< /);
		expect(session).toContain('record instance "${REGION}" "${INSTANCE_2}"');
	});

	it('uses the learner\'s own variable for an image it holds, and looks nothing up', () => {
		const {session} = exportChapter(1, [
			'AMI=$(aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text)',
			'aws ec2 run-instances --image-id $AMI --count 2 --instance-type t3.micro',
		]);
		expect(session).toContain('run-instances --image-id ${AMI} --count 2');
		expect(session).not.toContain('describe-images --region "${REGION}" --owners');
	});

	it('leaves failed lines out, and prints what was typed inside an instance as steps, never as code', () => {
		const {session} = exportChapter(2, ['aws ec2 describe-imagez', ...chapter(2).solution]);
		expect(session).not.toContain('describe-imagez');
		expect(session).toMatch(/Do these steps by hand[^\n]*'  ''ssh -i 'lab-key"\$\{RUN_SUFFIX\}"'.pem ec2-user@'"\$\{IP-\}"' '\\''sudo dnf/);
		expect(session).not.toMatch(/<</);
	});

	it('leaves aws configure and account-wide settings out: they would change the learner\'s own set-up', () => {
		const {session} = exportChapter(1, ['aws configure set output table', 'aws ec2 describe-regions']);
		expect(session).toContain("printf '%s\\n' 'left out: aws configure set output table'");
		expect(session).not.toMatch(/^aws .*configure set/m);
		expect(session).toMatch(/^aws --region "\$\{REGION\}" ec2 describe-regions$/m);
		const sharing = exportChapter(6).session;
		expect(sharing).toContain("'left out: aws ec2 disable-image-block-public-access'");
		expect(sharing).not.toMatch(/^[^#']*Group=all/m);
	});

	it('leaves out what uses an image that exists only in the sandbox (chapter 6\'s marketplace product), and says why', () => {
		const {session} = exportChapter(6);
		expect(session).toContain("'left out: LMSID=$(aws ec2 run-instances --image-id $LMS --instance-type t3.micro");
		expect(session).toMatch(/ '  \(it uses ami-[\da-f]+, which exists only in the sandbox\)'/);
		expect(session).toMatch(/'left out: aws ec2 terminate-instances --instance-ids \$LMSID'/);
	});

	it('opens SSH only to the caller\'s address, and the web port as the learner did', () => {
		const {session} = exportChapter(2, uncleaned(2));
		expect(session).toContain('--protocol tcp --port 22 --cidr "${SSH_CIDR}"');
		expect(session).toContain('--protocol tcp --port 80 --cidr 0.0.0.0/0');
	});

	// Chapter 2 (ssh, an image, its snapshot), 5 (a copy and a key pair in another Region) and
	// 8 (snapshots, register-image, an instance-store image) between them make every kind.
	for (const order of [2, 5, 8]) {
		it(`chapter ${order}: session.sh makes the same resources again, cleanup.sh leaves nothing`, () => {
			const lines = uncleaned(order);
			const m = machine();
			const dir = m.place(exportChapter(order, lines));
			const session = m.run(dir, 'session.sh');
			expect(session.status, session.stderr).toBe(0);
			// chapter 8's 2012 image comes from an S3 bundle that exists only in the sandbox: it, and
			// what is launched from it, are left out
			const onAws = (line: string) => order !== 8 || !/--image-location|\$LID?\b/.test(line);
			expect(liveKinds(m.world())).toEqual(liveKinds(playedWorld(order, lines, onAws)));
			if (order === 8) expect(session.stdout).toContain('(it registers an image from an S3 bundle that exists only in the sandbox)');
			expect(Object.keys(liveKinds(m.world())).length).toBeGreaterThan(2);
			const cleanup = m.run(dir, 'cleanup.sh');
			expect(cleanup.status, cleanup.stderr + cleanup.stdout).toBe(0);
			expect(cleanup.stdout).toMatch(/Nothing session.sh made is left \(\d+ deleted\)/);
			expect(liveKinds(m.world())).toEqual({});
		}, 120_000);
	}
});
