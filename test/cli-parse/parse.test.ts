// parseAws against the reference (section 1.5) and the messages the real CLI prints
// (awscli 1.45.11 run locally for the message bodies; v2 >= 2.34 framing from errorhandler.py).
import {describe, expect, it} from 'vitest';
import {parseAws, type ParseResult} from '../../source/cli/parse.js';
import {commandWords} from '../helpers/words.js';

const files: Record<string, string> = {'ud.sh': '#!/bin/bash\necho hi\n', 'id.pub': 'ssh-ed25519 AAAAC3 me@host', 'b64.txt': 'aGVsbG8='};
const env = {readFile: (path: string) => files[path]};

const run = (line: string): ParseResult => {
	const words = commandWords(line);
	expect(words[0]).toBe('aws');
	return parseAws(words.slice(1), env);
};

const USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';
const paramValidation = (message: string) => ({kind: 'error', exitCode: 252, stderr: `\naws: [ERROR]: An error occurred (ParamValidation): ${message}\n`});

const call = (line: string) => {
	const r = run(line);
	if (r.kind !== 'call') {
		throw new Error(JSON.stringify(r));
	}

	return r;
};

describe('required arguments, in model member order (reference 1.5)', () => {
	const table: Array<[string, string]> = [
		['create-image', '--instance-id, --name'],
		['copy-image', '--name, --source-image-id, --source-region'],
		['deregister-image', '--image-id'],
		['stop-instances', '--instance-ids'],
		['start-instances', '--instance-ids'],
		['terminate-instances', '--instance-ids'],
		['delete-snapshot', '--snapshot-id'],
		['modify-image-attribute', '--image-id'],
		['describe-image-attribute', '--attribute, --image-id'],
		['reset-image-attribute', '--attribute, --image-id'],
		['describe-instance-attribute', '--instance-id, --attribute'],
		['modify-instance-attribute', '--instance-id'],
		['create-key-pair', '--key-name'],
		['import-key-pair', '--key-name, --public-key-material'],
		['create-security-group', '--description, --group-name'],
		['create-tags', '--resources, --tags'],
		['register-image', '--name'],
	];
	for (const [op, missing] of table) {
		it(op, () => {
			expect(run(`aws ec2 ${op}`)).toEqual({kind: 'error', exitCode: 252, stderr: `\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: ${missing}\n\n${USAGE}`});
		});
	}

	it('none required for describe-* and run-instances', () => {
		for (const op of ['describe-images', 'describe-instances', 'describe-snapshots', 'describe-key-pairs', 'describe-regions', 'authorize-security-group-ingress', 'delete-key-pair']) {
			expect(run(`aws ec2 ${op}`).kind).toBe('call');
		}

		expect(call('aws ec2 run-instances').params).toEqual({MaxCount: 1, MinCount: 1});
	});
});

describe('argument errors', () => {
	it('a value after a boolean flag is an unknown option', () => {
		expect(run('aws ec2 create-image --instance-id i-1 --name abc --no-reboot true')).toEqual({kind: 'error', exitCode: 252, stderr: `\n${USAGE}\n\naws: [ERROR]: Unknown options: true\n`});
	});

	it('lists every unknown token', () => {
		const r = run('aws ec2 describe-images --foo bar');
		expect(r.kind === 'error' && r.stderr.endsWith('aws: [ERROR]: Unknown options: --foo, bar\n')).toBe(true);
	});

	it('missing value', () => {
		expect(run('aws ec2 deregister-image --image-id')).toEqual(paramValidation(`argument --image-id: expected one argument\n\n${USAGE.trimEnd()}`));
	});

	it('misspelt operation suggests close matches', () => {
		expect(run('aws ec2 describe-imagez')).toEqual(paramValidation(`argument operation: Found invalid choice 'describe-imagez'\n\nMaybe you meant:\n\n  * describe-images\n  * describe-fpga-images\n\n${USAGE.trimEnd()}`));
	});

	it('bad --output choice', () => {
		const r = run('aws ec2 describe-images --output xml');
		expect(r).toEqual(paramValidation(`argument --output: Found invalid choice 'xml'\n\n\n${USAGE.trimEnd()}`));
	});

	it('--count', () => {
		expect(run('aws ec2 run-instances --count abc')).toEqual(paramValidation('count parameter should be of form min[:max] (e.g. 1 or 1:10)'));
		expect(call('aws ec2 run-instances --count 2').params).toMatchObject({MinCount: 2, MaxCount: 2});
		expect(call('aws ec2 run-instances --count 1:5').params).toMatchObject({MinCount: 1, MaxCount: 5});
	});

	it('missing file', () => {
		expect(run('aws ec2 run-instances --user-data file://x.sh')).toEqual(paramValidation('Error parsing parameter \'--user-data\': Unable to load paramfile file://x.sh: [Errno 2] No such file or directory: \'x.sh\''));
	});

	it('invalid integer is an uncaught ValueError (255)', () => {
		expect(run('aws ec2 describe-images --max-results abc')).toEqual({kind: 'error', exitCode: 255, stderr: '\naws: [ERROR]: invalid literal for int() with base 10: \'abc\'\n'});
	});

	it('bad JSON', () => {
		expect(run('aws ec2 create-image --instance-id i-1 --name abc --block-device-mappings \'{bad\'')).toEqual(paramValidation('Error parsing parameter \'--block-device-mappings\': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {bad'));
	});

	it('duplicate shorthand key', () => {
		expect(run('aws ec2 create-tags --resources a --tags Key=a,Value=b,Value=c')).toEqual(paramValidation('Error parsing parameter \'--tags\': Second instance of key "Value" encountered for input:\nKey=a,Value=b,Value=c\n              ^\nThis is often because there is a preceding "," instead of a space.'));
	});
});

describe('botocore validation', () => {
	it('unknown keys', () => {
		expect(run('aws ec2 create-tags --resources a --tags Key=a,Foo=b')).toEqual(paramValidation('Parameter validation failed:\nUnknown parameter in Tags[0]: "Foo", must be one of: Key, Value'));
	});

	it('length and type, all reported', () => {
		expect(run('aws ec2 create-image --instance-id i-1 --name x --block-device-mappings \'[{"DeviceName": 1}]\'')).toEqual(paramValidation('Parameter validation failed:\nInvalid length for parameter Name, value: 1, valid min length: 3\nInvalid type for parameter BlockDeviceMappings[0].DeviceName, value: 1, type: <class \'int\'>, valid types: <class \'str\'>'));
	});

	it('missing required nested member', () => {
		expect(run('aws ec2 describe-images --filters \'[{"Values": ["a"]}]\'').kind).toBe('call');
		expect(run('aws ec2 modify-image-attribute --image-id ami-1 --launch-permission \'{"Add": [{}]}\'').kind).toBe('call');
	});
});

describe('API-shaped params', () => {
	it('global options anywhere', () => {
		const r = call('aws --region us-west-2 ec2 describe-instances --output table --query Reservations --no-cli-pager');
		expect(r.globals).toEqual({region: 'us-west-2', output: 'table', query: 'Reservations', noCliPager: true});
	});

	it('shorthand is shape-aware', () => {
		expect(call('aws ec2 run-instances --image-id ami-1 --block-device-mappings DeviceName=/dev/xvda,Ebs={VolumeSize=30,VolumeType=gp3}').params.BlockDeviceMappings).toEqual([{DeviceName: '/dev/xvda', Ebs: {VolumeSize: 30, VolumeType: 'gp3'}}]);
		expect(call('aws ec2 describe-images --filters Name=name,Values=web* Name=state,Values=available').params.Filters).toEqual([{Name: 'name', Values: ['web*']}, {Name: 'state', Values: ['available']}]);
		expect(call('aws ec2 modify-image-attribute --image-id ami-1 --launch-permission Add=[{Group=all}]').params.LaunchPermission).toEqual({Add: [{Group: 'all'}]});
	});

	it('booleans, renamed pairs and toplevel booleans', () => {
		expect(call('aws ec2 create-image --instance-id i-1 --name abc --reboot').params.NoReboot).toBe(false);
		expect(call('aws ec2 describe-images --dry-run').params.DryRun).toBe(true);
		expect(call('aws ec2 modify-instance-attribute --instance-id i-1 --no-source-dest-check').params.SourceDestCheck).toEqual({Value: false});
		expect(call('aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized').params.EbsOptimized).toEqual({Value: true});
	});

	it('run-instances user data is base64-encoded for the API', () => {
		expect(call('aws ec2 run-instances --image-id ami-1 --user-data file://ud.sh').params.UserData).toBe(Buffer.from(files['ud.sh']).toString('base64'));
	});

	it('blobs: base64 by default, fileb:// raw', () => {
		expect(call('aws ec2 import-key-pair --key-name k --public-key-material fileb://id.pub').params.PublicKeyMaterial).toBe(files['id.pub']);
		expect(call('aws ec2 import-key-pair --key-name k --public-key-material aGVsbG8=').params.PublicKeyMaterial).toBe('hello');
		expect(run('aws ec2 import-key-pair --key-name k --public-key-material file://id.pub')).toEqual(paramValidation(`Invalid base64: "${files['id.pub']}"`));
	});

	it('secgroupsimplify', () => {
		expect(call('aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 203.0.113.0/24').params).toEqual({GroupId: 'sg-1', IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '203.0.113.0/24'}]}]});
		expect(call('aws ec2 authorize-security-group-ingress --group-name web --protocol all --port 1024-65535 --source-group sg-2').params).toEqual({GroupName: 'web', IpPermissions: [{IpProtocol: '-1', FromPort: 1024, ToPort: 65535, UserIdGroupPairs: [{GroupId: 'sg-2'}]}]});
	});

	it('waiters take the describe operation\'s parameters', () => {
		expect(run('aws ec2 wait image-available --image-ids ami-1')).toEqual({kind: 'wait', waiter: 'image-available', waiterName: 'ImageAvailable', operation: 'DescribeImages', params: {ImageIds: ['ami-1']}, globals: {}});
		const bad = run('aws ec2 wait image-availabel');
		expect(bad.kind === 'error' && bad.stderr.includes('argument subcommand: Found invalid choice \'image-availabel\'\n\nMaybe you meant:\n\n  * image-available')).toBe(true);
	});

	it('other services and unsimulated operations', () => {
		expect(run('aws s3 ls')).toEqual({kind: 'unsupported-service', service: 's3', globals: {}});
		expect(run('aws ec2 describe-internet-gateways').kind).toBe('not-simulated');
		expect(run('aws ssm put-parameter --name x --value y').kind).toBe('not-simulated');
		expect(run('aws ec2 wait bundle-task-complete --bundle-ids bun-1')).toEqual({kind: 'not-simulated', service: 'ec2', cliName: 'wait bundle-task-complete', operation: 'DescribeBundleTasks', globals: {}});
		const r = run('aws ec3 describe-images');
		expect(r.kind === 'error' && r.stderr.includes('argument command: Found invalid choice \'ec3\'')).toBe(true);
	});

	it('help', () => {
		const r = run('aws ec2 create-image help');
		expect(r.kind).toBe('help');
		expect(r.kind === 'help' && r.stdout).toContain('--instance-id <value>');
		expect(r.kind === 'help' && r.stdout).toContain('[--no-reboot | --reboot]');
		expect(r.kind === 'help' && r.stdout).toContain('[--dry-run | --no-dry-run]');
	});

	it('waiter help lists the polled operation\'s parameters, without its pagination ones', () => {
		const r = run('aws ec2 wait image-available help');
		expect(r.kind).toBe('help');
		const text = r.kind === 'help' ? r.stdout : '';
		expect(text).toContain('[--image-ids <value>]');
		expect(text).toContain('[--cli-input-json | --cli-input-yaml]');
		expect(text).toContain('[--generate-cli-skeleton <value>]');
		expect(text).not.toMatch(/--starting-token|--page-size|--max-items/);
		expect(run('aws ec2 describe-images help')).toMatchObject({kind: 'help', stdout: expect.stringContaining('[--max-items <value>]')});
	});
});
