import {describe, expect, it} from 'vitest';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {runAws} from '../../source/cli/run-aws.js';
import {simulatedOperations} from '../../source/sim/core/engine.js';
import {cliNameOfOperation, serviceOfOperation} from '../../source/cli/catalogue.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

// `aws <service> <operation> help`: each parameter's description and the filter names, from the
// official model's documentation, for every simulated operation.

const help = (line: string) => runAws(freshWorld(), [...line.split(' '), 'help'], {readFile: () => undefined, defaultRegion: 'us-east-1', guest: shellGuest});

describe('operation help', () => {
	it('describes each parameter and lists the filter names', () => {
		const r = help('ec2 describe-subnets');
		expect(r.exitCode).toBe(0);
		expect(r.stdout).toContain('DESCRIPTION\n       Describes your subnets. The default is to describe all your subnets.');
		expect(r.stdout).toContain('OPTIONS\n       --filters (list)\n          The filters.\n');
		expect(r.stdout).toContain('          o default-for-az - Indicates whether this is the default subnet for\n            the Availability Zone (true | false).');
		expect(r.stdout).toContain('       --dry-run | --no-dry-run (boolean)\n          Checks whether you have the required permissions for the action,');
		const images = help('ec2 describe-images').stdout;
		for (const filter of ['architecture', 'image-id', 'name', 'owner-alias', 'state', 'tag-key']) expect(images).toMatch(new RegExp(`\\n {10}o ${filter} - `));
		expect(help('ssm get-parameter').stdout).toContain('       --name (string)\n          The name or Amazon Resource Name (ARN) of the parameter');
		expect(help('sts get-caller-identity').stdout).toContain('Returns details about the IAM user or role whose credentials are used to\n       call the operation.');
	});

	it('has the documentation of every simulated operation, and no line wider than 79 columns (but option names and a word that fills a line alone)', () => {
		for (const operation of simulatedOperations()) {
			const service = serviceOfOperation(operation)!;
			const text = help(`${service} ${cliNameOfOperation(operation)}`).stdout;
			expect(text, operation).toContain('OPTIONS\n');
			expect(text.split('\n').find(line => line.length > 79 && !/^ {7}--/.test(line) && line.trim().replace(/^o /, '').includes(' ')), operation).toBeUndefined();
		}
	});
});
