// Differences found by running the same command lines through the real AWS CLI (awscli 1.45.11 /
// botocore 1.43.11 against moto_server 5.2.1) and through our parser. The expected behaviour below
// was recorded from that real CLI; argument parsing is the same code in v1 and v2.
import {describe, expect, it} from 'vitest';
import {parseAws, type ParseResult} from '../../source/cli/parse.js';
import {commandWords} from '../helpers/words.js';

const run = (line: string): ParseResult => {
	return parseAws(commandWords(line).slice(1), {readFile: () => undefined});
};

const params = (line: string): Record<string, unknown> => {
	const r = run(line);
	if (r.kind !== 'call') {
		throw new Error(JSON.stringify(r));
	}

	return r.params;
};

describe('argrename only renames plain booleans (it runs before toplevelbool adds `--no-x`)', () => {
	it('modify-instance-attribute keeps --no-disable-api-termination (real CLI: rc 0)', () => {
		expect(params('aws ec2 modify-instance-attribute --instance-id i-1 --no-disable-api-termination').DisableApiTermination).toEqual({Value: false});
		expect(params('aws ec2 modify-instance-attribute --instance-id i-1 --disable-api-termination').DisableApiTermination).toEqual({Value: true});
	});

	it('modify-instance-attribute has no --enable-api-termination (real CLI: Unknown options)', () => {
		const r = run('aws ec2 modify-instance-attribute --instance-id i-1 --enable-api-termination');
		expect(r.kind).toBe('error');
		expect(r.kind === 'error' && r.stderr).toContain('aws: [ERROR]: Unknown options: --enable-api-termination\n');
	});

	it('run-instances still renames its plain boolean to --enable-api-termination', () => {
		expect(params('aws ec2 run-instances --image-id ami-1 --enable-api-termination').DisableApiTermination).toBe(false);
		const r = run('aws ec2 run-instances --image-id ami-1 --no-disable-api-termination');
		expect(r.kind === 'error' && r.stderr).toContain('Unknown options: --no-disable-api-termination');
	});

	it('help shows the pair the real CLI shows', () => {
		const r = run('aws ec2 modify-instance-attribute help');
		expect(r.kind === 'help' && r.stdout).toContain('[--disable-api-termination | --no-disable-api-termination]');
	});
});

describe('a list parameter takes zero or more values (ListArgument: nargs=\'*\')', () => {
	it('accepts `--image-ids` with no value, as an empty $AMI leaves it (real CLI: rc 0, describes everything)', () => {
		expect(params('aws ec2 describe-images --image-ids --owners self')).toEqual({Owners: ['self']});
		const r = run('aws ec2 wait image-available --image-ids');
		expect(r.kind).toBe('wait');
		expect(r.kind === 'wait' && r.params).toEqual({});
	});

	it('an empty required list satisfies argparse, and the API then reports the missing parameter (real CLI: MissingParameter from the server)', () => {
		expect(run('aws ec2 create-tags --resources --tags Key=a,Value=b').kind).toBe('call');
		expect(params('aws ec2 create-tags --resources --tags Key=a,Value=b')).toEqual({Tags: [{Key: 'a', Value: 'b'}]});
		expect(params('aws ec2 stop-instances --instance-ids')).toEqual({});
	});

	it('still collects every value up to the next option', () => {
		expect(params('aws ec2 describe-images --image-ids ami-1 ami-2 --owners self')).toEqual({ImageIds: ['ami-1', 'ami-2'], Owners: ['self']});
	});
});
