import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {runLine} from '../../source/shell/run-line.js';
import {upgradeWorld, worldProblem} from '../../source/sandbox/world-check.js';
import {newSession} from '../shell/fixtures.js';

// JavaScript's own property names are data like any other (issue 10, point 7): a key pair, a
// security group, a tag, a filter, a --query field, a shell variable or a file called
// `constructor` or `__proto__` behaves exactly as one called `plainname` does.
const RESERVED = Object.getOwnPropertyNames(Object.prototype);

// Each line names NAME once or more; the same script runs with a reserved name and with a plain
// one, and must print the same (with the name swapped back).
const SCRIPT = [
	'aws ec2 create-key-pair --key-name NAME --query KeyName --output text',
	'aws ec2 describe-key-pairs --key-names NAME --query KeyPairs[].KeyName --output text',
	'aws ec2 create-key-pair --key-name NAME --query KeyName',
	'AMI=$(aws ec2 describe-images --owners amazon --query Images[0].ImageId --output text)',
	'aws ec2 run-instances --image-id $AMI --instance-type t3.micro --key-name NAME --query Instances[0].KeyName --output text',
	'aws ec2 run-instances --image-id $AMI --instance-type t3.micro --key-name NAMEx --query Instances[0].KeyName --output text',
	'aws ec2 create-security-group --group-name NAME --description d --query GroupId --output text > /dev/null',
	'aws ec2 describe-security-groups --group-names NAME --query SecurityGroups[].GroupName --output text',
	'aws ec2 run-instances --image-id $AMI --instance-type t3.micro --security-groups NAME --query Instances[0].SecurityGroups[0].GroupName --output text',
	'aws ec2 describe-images --owners amazon --filters Name=NAME,Values=x',
	'aws ec2 describe-images --owners amazon --query Images[0].NAME',
	'aws ec2 describe-images --owners amazon --query "length(Images[?NAME == `x`])"',
	'aws ec2 create-tags --resources $AMI --tags Key=NAME,Value=v',
	'aws ec2 describe-tags --filters Name=key,Values=NAME --query Tags[].Key --output text',
	'aws ec2 delete-key-pair --key-name NAME --query Return',
	'aws ec2 describe-key-pairs --key-names NAME',
	'NAME=1; echo "[$NAME]"',
	'export NAME=2; env | grep -c "^NAME="',
	'echo content > NAME; cat NAME; ls',
	'chmod 600 NAME; ls -l NAME | cut -c1-10',
	'rm NAME; cat NAME',
];

const runScript = (name: string) => {
	let session = newSession();
	const transcript: string[] = [];
	for (const template of SCRIPT) {
		const result = runLine(session, template.replaceAll('NAME', name));
		session = result.session;
		transcript.push(`${result.exitCode}|${result.stdout}|${result.stderr}`.replaceAll(name, 'NAME'));
	}

	return {transcript, session};
};

describe('JavaScript property names are plain data', () => {
	const plain = runScript('plainname');

	it('the plain script does what it says (the property below compares against it)', () => {
		expect(plain.transcript[0]).toBe('0|NAME\n|');
		expect(plain.transcript[2]).toContain('InvalidKeyPair.Duplicate');
		expect(plain.transcript[4]).toBe('0|NAME\n|');
		expect(plain.transcript[5]).toContain('InvalidKeyPair.NotFound');
		expect(plain.transcript[10]).toBe('0|null\n|');
		expect(plain.transcript[16]).toBe('0|[1]\n|');
	});

	it('every reserved name behaves as a plain one, in the model, the CLI and the shell', () => {
		fc.assert(
			fc.property(fc.constantFrom(...RESERVED), name => {
				const {transcript, session} = runScript(name);
				expect(transcript).toEqual(plain.transcript);
				// and the world it leaves is one the sandbox file and saved progress accept
				expect(worldProblem(upgradeWorld(JSON.parse(JSON.stringify(session.world))))).toBeUndefined();
			}),
			{numRuns: RESERVED.length, examples: RESERVED.map(name => [name] as [string])},
		);
	});

	it('a world saved with key pairs kept by name (older versions) is upgraded', () => {
		const world = JSON.parse(JSON.stringify(runLine(newSession(), 'aws ec2 create-key-pair --key-name toString').session.world));
		const region = world.regions['us-east-1'];
		region.keyPairs = Object.fromEntries(Object.values(region.keyPairs).map((pair: any) => [pair.KeyName, pair]));
		expect(worldProblem(world)).toMatch(/keyPairs\./);
		expect(worldProblem(upgradeWorld(world))).toBeUndefined();
	});
});
