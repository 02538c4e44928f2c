import {describe, expect, it} from 'vitest';
import {runAws} from '../../source/cli/run-aws.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

const env = {readFile: () => undefined, defaultRegion: 'us-east-1', width: 80, guest: shellGuest};
const aws = (line: string) => runAws(freshWorld(), line.split(' '), env);

describe('runAws', () => {
	it('answers Region mistakes as the CLI does, before any request', () => {
		expect(aws('ec2 describe-images --region us_east_1')).toMatchObject({exitCode: 255, stdout: '', stderr: "\naws: [ERROR]: Provided region_name 'us_east_1' doesn't match a supported format.\n"});
		expect(aws('ec2 describe-images --region us-east-9')).toMatchObject({exitCode: 255, stderr: '\naws: [ERROR]: Could not connect to the endpoint URL: "https://ec2.us-east-9.amazonaws.com/"\n'});
		// an opt-in Region the account has not enabled
		const optIn = aws('ec2 describe-images --region af-south-1');
		expect(optIn.exitCode).toBe(254);
		expect(optIn.stderr).toBe('\naws: [ERROR]: An error occurred (AuthFailure) when calling the DescribeImages operation: AWS was not able to validate the provided access credentials\n');
	});

	it('says plainly when an operation, a waiter or a service is real but not simulated', () => {
		const op = aws('ec2 describe-internet-gateways');
		expect(op.exitCode).toBe(255);
		expect(op.stderr).toContain("'aws ec2 describe-internet-gateways' is a real EC2 operation (DescribeInternetGateways), but AMI School does not simulate it.");
		const ssm = aws('ssm put-parameter --name x --value y');
		expect(ssm.exitCode).toBe(255);
		expect(ssm.stderr).toContain("'aws ssm put-parameter' is a real SSM operation (PutParameter), but AMI School does not simulate it. Run 'aws ssm help' for the operations it does.");
		const waiter = aws('ec2 wait bundle-task-complete');
		expect(waiter.stderr).toContain("'aws ec2 wait bundle-task-complete' is a real EC2 waiter (it polls DescribeBundleTasks), but AMI School does not simulate it.");
		const service = aws('s3 ls');
		expect(service.exitCode).toBe(255);
		expect(service.stderr).toContain("AMI School simulates 'aws ec2', 'aws ssm' (the public latest-AMI parameters), 'aws sts' and 'aws configure'; 'aws s3' is a real AWS CLI command");
	});

	it('records each API call for the lessons, dry runs included, and moves the clock', () => {
		const world = freshWorld();
		const dry = runAws(world, 'ec2 describe-images --owners self --dry-run'.split(' '), env);
		expect(dry.exitCode).toBe(254);
		expect(dry.stderr).toContain('(DryRunOperation) when calling the DescribeImages operation: Request would have succeeded, but DryRun flag is set.');
		expect(dry.calls).toEqual([{operation: 'DescribeImages', region: 'us-east-1', ok: false, errorCode: 'DryRunOperation', dryRun: true, changed: false}]);
		expect(dry.world.clock).toBeGreaterThan(world.clock);
		const usage = runAws(world, ['ec2', 'create-image'], env);
		expect(usage.calls).toEqual([]);
		expect(usage.exitCode).toBe(252);
	});

	it('returns the answer as data beside the printed text: output, what was printed, or the API error', () => {
		const json = aws('ec2 describe-regions --region-names eu-west-1 us-east-1');
		expect(json.answer.ok).toBe(true);
		if (!json.answer.ok) return;
		expect(json.answer.data).toEqual(JSON.parse(json.stdout));
		expect((json.answer.output as {Regions: unknown[]}).Regions).toHaveLength(2);
		// --query and --output text: the data is the query's result, whatever the format prints
		const queried = aws('ec2 describe-regions --region-names eu-west-1 us-east-1 --query Regions[].RegionName --output text');
		expect(queried.stdout).toBe('eu-west-1\tus-east-1\n');
		expect(queried.answer).toMatchObject({ok: true, data: ['eu-west-1', 'us-east-1']});
		// a query that selects nothing: the CLI prints null, the data is null
		expect(aws('ec2 describe-images --owners self --query Images[0]').answer).toMatchObject({ok: true, data: null});
		expect(aws('ec2 describe-images --image-ids ami-0000000000000000f').answer).toEqual({ok: false, error: {code: 'InvalidAMIID.NotFound', message: expect.stringContaining('ami-0000000000000000f')}});
		// a usage error happens before any call: no API error to report
		expect(aws('ec2 create-image').answer).toEqual({ok: false});
	});
});
