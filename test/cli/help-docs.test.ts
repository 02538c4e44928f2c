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

describe('waiter help', () => {
	// the CLI builds each waiter's description from its own acceptors, delay and attempts
	// (awscli/customizations/waiters.py); they differ from waiter to waiter
	const description = (waiter: string) => help(`ec2 wait ${waiter}`).stdout.split('DESCRIPTION\n')[1].split('\n\n')[0].replace(/\s+/g, ' ').trim();

	it("gives each waiter's own delay and attempts, in the CLI's sentence", () => {
		expect(description('key-pair-exists')).toBe('Wait until JMESPath query length(KeyPairs[].KeyName) > `0` returns True when polling with describe-key-pairs. It will poll every 5 seconds until a successful state has been reached. This will exit with a return code of 255 after 6 failed checks.');
		expect(description('image-available')).toBe('Wait until JMESPath query Images[].State returns available for all elements when polling with describe-images. It will poll every 15 seconds until a successful state has been reached. This will exit with a return code of 255 after 40 failed checks.');
		expect(description('security-group-exists')).toMatch(/poll every 5 seconds .* after 6 failed checks\.$/);
		expect(description('instance-exists')).toMatch(/poll every 5 seconds .* after 40 failed checks\.$/);
		expect(description('vpc-exists')).toMatch(/^Wait until 200 response is received when polling with describe-vpcs\. It will poll every 1 seconds .* after 5 failed checks\.$/);
	});

	it('describes wait itself as the CLI does, without one delay for all', () => {
		const page = help('ec2 wait').stdout;
		expect(page.replace(/\s+/g, ' ')).toContain('Wait until a particular condition is satisfied. Each subcommand polls an API until the listed requirement is met.');
		expect(page).not.toContain('every 15 seconds, 40 times');
	});
});
