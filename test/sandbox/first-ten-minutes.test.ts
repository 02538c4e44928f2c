import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runLine} from '../../source/shell/run-line.js';
import type {Session} from '../../source/shell/session.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

// A new user's first ten minutes of a real AWS tutorial ("Get started with the AWS CLI" and
// "Launch an instance"), typed unchanged: who am I, which settings, the default network, the
// latest Amazon Linux 2023 AMI from its public parameter, a launch with resolve:ssm, the check.
// Run once through a real bash whose `aws` is the built `ami-school aws` on a temp sandbox file,
// and once at the game's prompt: both must succeed and print the same.

const TUTORIAL = [
	'aws sts get-caller-identity',
	'aws configure list',
	'aws configure get region',
	"VPC=$(aws ec2 describe-vpcs --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)",
	'echo $VPC',
	"aws ec2 describe-subnets --filters Name=vpc-id,Values=$VPC --query 'Subnets[*].[SubnetId,AvailabilityZone,CidrBlock]' --output table",
	"SUBNET=$(aws ec2 describe-subnets --filters Name=vpc-id,Values=$VPC Name=default-for-az,Values=true --query 'Subnets[0].SubnetId' --output text)",
	"aws ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneName' --output text",
	"aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query 'Parameter.Value' --output text",
	"aws ssm get-parameters-by-path --path /aws/service/ami-amazon-linux-latest --query 'Parameters[].Name' --output text",
	"aws ec2 create-key-pair --key-name MyKeyPair --query 'KeyMaterial' --output text > MyKeyPair.pem",
	'chmod 400 MyKeyPair.pem',
	"ID=$(aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.micro --key-name MyKeyPair --subnet-id $SUBNET --query 'Instances[0].InstanceId' --output text)",
	'aws ec2 wait instance-running --instance-ids $ID',
	"aws ec2 describe-instances --instance-ids $ID --query 'Reservations[0].Instances[0].[ImageId,SubnetId,VpcId,State.Name]' --output text",
];

/** Each line's stdout, through bash with `aws` being the built CLI. */
const inBash = (): string[] => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-tutorial-'));
	const bin = path.join(dir, 'bin');
	fs.mkdirSync(bin);
	fs.writeFileSync(path.join(bin, 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${path.resolve('dist/cli.js')}" aws "$@"\n`, {mode: 0o755});
	// each line's output between markers, so the lines can be compared one by one
	const script = TUTORIAL.map((line, i) => `echo "@@${i}"\n${line} || echo "FAILED $?"`).join('\n');
	const home = path.join(dir, 'home');
	fs.mkdirSync(home);
	const result = spawnSync('bash', ['-c', script], {
		cwd: dir,
		encoding: 'utf8',
		env: {PATH: `${bin}:${process.env.PATH}`, HOME: home, AMI_SCHOOL_SANDBOX: path.join(dir, 'sandbox.json'), XDG_CONFIG_HOME: path.join(dir, 'config')},
	});
	expect(result.stderr).toBe('');
	// the sandbox never writes the learner's real AWS files
	expect(fs.existsSync(path.join(home, '.aws'))).toBe(false);
	return result.stdout.split(/^@@\d+\n/m).slice(1);
};

/** Each line's stdout at the game's prompt. */
const atPrompt = (): string[] => {
	let session: Session = {world: freshWorld(), region: 'us-east-1', files: {}, vars: {}, history: []};
	return TUTORIAL.map(line => {
		const r = runLine(session, line);
		session = r.session;
		expect(r.stderr, line).toBe('');
		return r.stdout + (r.exitCode === 0 ? '' : `FAILED ${r.exitCode}\n`);
	});
};

describe("a new user's first ten minutes of a real AWS tutorial", () => {
	it('runs unchanged in `ami-school aws` and at the game prompt, with the same answers', () => {
		const bash = inBash();
		const game = atPrompt();
		expect(bash).toHaveLength(TUTORIAL.length);
		for (const [i, out] of bash.entries()) expect(out, TUTORIAL[i]).not.toContain('FAILED');
		expect(bash).toEqual(game);
		expect(bash[0]).toContain('"Account": "123456789012"');
		expect(bash[1]).toContain('region     : us-east-1                : config-file      : ~/.aws/config');
		expect(bash[2]).toBe('us-east-1\n');
		const vpc = bash[4].trim();
		expect(vpc).toMatch(/^vpc-[\da-f]{17}$/);
		expect(bash[5].split('\n').filter(row => row.includes('subnet-'))).toHaveLength(3);
		expect(bash[7]).toBe('us-east-1a\tus-east-1b\tus-east-1c\n');
		const ami = bash[8].trim();
		expect(ami).toMatch(/^ami-[\da-f]{17}$/);
		const [imageId, subnetId, vpcId, state] = bash[14].trim().split('\t');
		expect({imageId, vpcId, state}).toEqual({imageId: ami, vpcId: vpc, state: 'running'});
		expect(bash[5]).toContain(subnetId);
	});
});
