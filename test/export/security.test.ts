import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {newSession} from '../../source/lessons/chapter.js';
import {runLine} from '../../source/shell/run-line.js';
import {exportLines, liveKinds, machine} from './harness.js';

// The ways an exported script once ran a command nobody meant to run (issue 22), each as a
// session whose script is run with a stand-in `aws`: a program `pwned` on PATH records any call.

const SETUP = [
	'aws ec2 create-key-pair --key-name lab-key --query KeyMaterial --output text > lab-key.pem',
	'chmod 400 lab-key.pem',
	'SG=$(aws ec2 create-security-group --group-name web-sg --description "SSH and web" --query GroupId --output text)',
	'aws ec2 authorize-security-group-ingress --group-id $SG --protocol tcp --port 22 --cidr 0.0.0.0/0',
	"AL2023=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)",
	"ID=$(aws ec2 run-instances --image-id $AL2023 --instance-type t3.micro --key-name lab-key --security-group-ids $SG --query 'Instances[0].InstanceId' --output text)",
	'aws ec2 wait instance-running --instance-ids $ID',
	"IP=$(aws ec2 describe-instances --instance-ids $ID --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)",
];

/** Every line of `lines` must succeed in the sandbox, or the test would prove nothing. */
const allSucceed = (lines: string[]) => {
	let session = newSession('us-east-1');
	for (const line of lines) {
		const result = runLine(session, line);
		expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
		session = result.session;
	}
};

const runSession = (lines: string[], setup = SETUP) => {
	allSucceed([...setup, ...lines]);
	const m = machine();
	const dir = m.place(exportLines(setup, lines));
	const session = m.run(dir, 'session.sh');
	return {m, dir, session};
};

describe('exported scripts run nothing they were not meant to', () => {
	it('a multi-line line that is left out is left out whole (not only its first line commented)', () => {
		const {m, dir, session} = runSession([], [...SETUP, 'aws configure set output json\necho owned > pwned-file #']);
		expect(session.status, session.stderr).toBe(0);
		expect(fs.existsSync(path.join(dir, 'pwned-file'))).toBe(false);
		expect(m.pwnedRuns()).toBe('');
	}, 60_000);

	it('$(…) in an ssh command is shown, not run on this machine', () => {
		const {m, session} = runSession(['ssh -i lab-key.pem ec2-user@$IP \'echo "Served by $(pwned heredoc)"\'']);
		expect(session.status, session.stderr).toBe(0);
		expect(m.pwnedRuns()).toBe('');
		expect(session.stdout).toContain('echo "Served by $(pwned heredoc)"');
	}, 60_000);

	it('a line STEPS inside typed text does not end the shown steps early', () => {
		const {m, session} = runSession(["ssh -i lab-key.pem ec2-user@$IP 'echo one\nSTEPS\npwned steps\necho two'"]);
		expect(session.status, session.stderr).toBe(0);
		expect(m.pwnedRuns()).toBe('');
		expect(session.stdout).toContain('STEPS\npwned steps\necho two');
	}, 60_000);

	it('an image name with an apostrophe and $(…) is passed as typed, and cleaned up', () => {
		const name = "Lab's master (v1)";
		const {m, dir, session} = runSession([`aws ec2 create-image --instance-id $ID --name "${name}"`]);
		expect(session.status, session.stderr).toBe(0);
		expect(m.argvs().find(argv => argv.includes('create-image'))?.join(' ')).toMatch(/--name Lab's master \(v1\)-[\da-f]{8} /);
		const cleanup = m.run(dir, 'cleanup.sh');
		expect(cleanup.status, cleanup.stderr).toBe(0);
		expect(liveKinds(m.world())).toEqual({});
	}, 60_000);

	it('a security group called web* never finds, records or deletes a classmate\'s group', () => {
		const m = machine();
		const classmate = m.run(m.root, 'bin/aws', {}, ['ec2', 'create-security-group', '--region', 'us-east-1', '--group-name', 'web-sg', '--description', 'a classmate\'s']);
		expect(classmate.status, classmate.stderr).toBe(0);
		const lines = ["aws ec2 create-security-group --group-name 'web*' --description 'mine'"];
		allSucceed(lines);
		const dir = m.place(exportLines([], lines));
		expect(m.run(dir, 'session.sh').status).toBe(0);
		const cleanup = m.run(dir, 'cleanup.sh');
		expect(cleanup.status, cleanup.stderr).toBe(0);
		const groups = m.world().regions['us-east-1'].securityGroups.values().map(g => g.GroupName);
		expect(groups.sort()).toEqual(['default', 'web-sg']);
	}, 60_000);

	it('an unquoted * reaches aws as typed, whatever files the export folder holds', () => {
		const lines = ['SG=$(aws ec2 create-security-group --group-name lab --description x --query GroupId --output text)', 'aws ec2 create-tags --resources $SG --tags Key=pattern,Value=x*'];
		allSucceed(lines);
		const m = machine();
		const dir = m.place(exportLines([], lines));
		fs.writeFileSync(path.join(dir, 'Key=pattern,Value=xevil'), '');
		expect(m.run(dir, 'session.sh').status).toBe(0);
		expect(m.argvs().find(argv => argv.includes('create-tags') && argv.includes('--tags'))).toContain('Key=pattern,Value=x*');
	}, 60_000);

	it('a lesson pack\'s setup (or a pasted line) cannot plant a command, or read a file outside the folder into an AWS call', () => {
		// the sandbox itself refuses an unknown program (pwned): these lines fail there and are never written
		const refused = ['echo "hello $(pwned subst)"', 'pwned direct || true', 'echo x | xargs pwned', 'CMD=pwned; $CMD var'];
		// these succeed in the sandbox, and are left out of the script, each with its reason
		const planted: Array<[string, string]> = [
			['aws ec2 describe-regions --output text > ~/.bashrc', 'it writes or reads a file in your home folder'],
			['aws ec2 create-tags --resources $SG --tags Key=creds,Value="$(cat ~/.aws/credentials)"', 'it reads or writes a file in your home folder'],
			['aws ec2 create-tags --resources $SG --tags Key=host,Value="$(cat /etc/hostname)"', 'it reads or writes the file /etc/hostname, outside the script\'s folder'],
			['CMD=echo; $CMD hi', 'the program it runs is named by a variable'],
			["echo hi | sed 's/hi/ho/'", 'it runs sed on your computer, which this script never does'],
			['rm -f ~/x', 'it reads or writes a file in your home folder'],
		];
		const setup = [...SETUP, ...refused, ...planted.map(([line]) => line)];
		const m = machine();
		const dir = m.place(exportLines(setup, []));
		const session = m.run(dir, 'session.sh');
		expect(session.status, session.stderr).toBe(0);
		expect(m.pwnedRuns()).toBe('');
		expect(m.argvs().some(argv => argv.includes('create-tags'))).toBe(false);
		expect(fs.existsSync(path.join(m.root, '.bashrc'))).toBe(false);
		for (const [line, reason] of planted) expect(session.stdout).toContain(`left out: ${line}\n  (${reason})`);
	}, 60_000);

	it('output thrown away into /dev/null is kept (it reaches no file), reading from /dev/null is not', () => {
		const kept = 'aws ec2 describe-regions --output text > /dev/null 2>&1';
		const session = exportLines(SETUP, [kept, 'aws ec2 describe-regions --output text &> /dev/null']).session;
		expect(session).not.toContain('left out: aws ec2 describe-regions');
		expect(session).toContain('describe-regions');
	});

	it('the model refuses a device name EC2 refuses (as InvalidBlockDeviceMapping)', () => {
		let session = newSession('us-east-1');
		for (const line of SETUP) session = runLine(session, line).session;
		for (const device of ['/dev/sdf$(pwned)', "/dev/x'y", '/dev/sdf\n', 'sdf', '/dev/nvme1n1']) {
			const json = JSON.stringify([{DeviceName: device, Ebs: {VolumeSize: 1}}]).replaceAll("'", "'\\''");
			const result = runLine(session, `aws ec2 run-instances --image-id $AL2023 --instance-type t3.micro --block-device-mappings '${json}'`);
			expect(result.stderr, device).toContain(`(InvalidBlockDeviceMapping) when calling the RunInstances operation: Invalid device name ${device}`);
		}

		expect(runLine(session, "aws ec2 run-instances --image-id $AL2023 --instance-type t3.micro --block-device-mappings 'DeviceName=/dev/sdf,Ebs={VolumeSize=1}'").exitCode).toBe(0);
	});
});
