import {describe, expect, it} from 'vitest';
import {shellGuest} from '../../../source/shell/guest/boot.js';
import {runAws, type AwsEnv} from '../../../source/cli/run-aws.js';
import {freshWorld} from '../../../source/sim/core/fresh-world.js';
import {LATEST_AMI_PARAMETERS} from '../../../source/sim/ssm/public-parameters.js';

// The public latest-AMI parameters of Systems Manager: each names the newest matching Amazon
// image of its Region; others are ParameterNotFound; run-instances resolves resolve:ssm:<name>.

const env: AwsEnv = {readFile: () => undefined, defaultRegion: 'us-east-1', width: 80, guest: shellGuest};
const aws = (line: string, world = freshWorld()) => runAws(world, line.split(' '), env);
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

const newestAmazon = (namePattern: string, region = 'us-east-1'): string =>
	aws(`ec2 describe-images --region ${region} --owners amazon --filters Name=name,Values=${namePattern} --query sort_by(Images,&CreationDate)[-1].ImageId --output text`).stdout.trim();

describe('aws ssm get-parameter', () => {
	it('answers the newest Amazon Linux 2023 x86_64 image in the SSM output shape and key order', () => {
		const r = aws(`ssm get-parameter --name ${AL2023}`);
		expect(r.exitCode).toBe(0);
		// the default kernel's image of the newest release (kernel 6.12 in this world's 2026)
		const ami = newestAmazon('al2023-ami-2023.*-kernel-6.12-x86_64');
		expect(ami).toMatch(/^ami-[\da-f]{17}$/);
		expect(r.stdout).toBe(`{
    "Parameter": {
        "Name": "${AL2023}",
        "Type": "String",
        "Value": "${ami}",
        "Version": 1,
        "LastModifiedDate": "2026-08-25T08:20:00.385000+00:00",
        "ARN": "arn:aws:ssm:us-east-1::parameter${AL2023}",
        "DataType": "text"
    }
}
`);
		expect(aws(`ssm get-parameter --name ${AL2023} --query Parameter.Value --output text`).stdout).toBe(`${ami}\n`);
	});

	it('a name pattern finds both kernel variants of the newest release; kernel-default names the default kernel\'s', () => {
		const names = aws('ec2 describe-images --owners amazon --filters Name=name,Values=al2023-ami-2023.9*-x86_64 --query Images[].Name --output text').stdout.trim().split('\t').sort();
		expect(names).toEqual(['al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64', 'al2023-ami-2023.9.20260825.0-kernel-6.12-x86_64']);
		const nameOf = (parameter: string) => {
			const id = aws(`ssm get-parameter --name /aws/service/ami-amazon-linux-latest/${parameter} --query Parameter.Value --output text`).stdout.trim();
			return aws(`ec2 describe-images --image-ids ${id} --query Images[0].Name --output text`).stdout.trim();
		};
		expect(nameOf('al2023-ami-kernel-default-x86_64')).toBe('al2023-ami-2023.9.20260825.0-kernel-6.12-x86_64');
		expect(nameOf('al2023-ami-kernel-6.12-x86_64')).toBe('al2023-ami-2023.9.20260825.0-kernel-6.12-x86_64');
		expect(nameOf('al2023-ami-kernel-6.1-x86_64')).toBe('al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64');
		expect(nameOf('al2023-ami-minimal-kernel-default-arm64')).toBe('al2023-ami-minimal-2023.9.20260825.0-kernel-6.12-arm64');
	});

	it('every parameter resolves, in every Region, to an available Amazon image of its own name, architecture and kind', () => {
		expect(LATEST_AMI_PARAMETERS).toHaveLength(18);
		for (const region of ['us-east-1', 'eu-west-1']) {
			for (const name of LATEST_AMI_PARAMETERS) {
				const value = aws(`ssm get-parameter --region ${region} --name ${name} --query Parameter.Value --output text`).stdout.trim();
				const image = JSON.parse(aws(`ec2 describe-images --region ${region} --image-ids ${value} --query Images[0]`).stdout) as Record<string, string>;
				const leaf = name.split('/').at(-1)!;
				expect(image.OwnerId, name).toBe('137112412989');
				expect(image.State).toBe('available');
				expect(image.Architecture).toBe(leaf.includes('arm64') ? 'arm64' : 'x86_64');
				expect(image.Name.startsWith(leaf.startsWith('al2023') ? 'al2023-ami-' : 'amzn2-ami-')).toBe(true);
				expect(image.Name.includes('minimal')).toBe(leaf.includes('minimal'));
				expect(image.Name.includes('kernel-5.10')).toBe(leaf.includes('kernel-5.10'));
			}
		}

		// each Region has its own image IDs, and the ARN names the Region
		const ireland = JSON.parse(aws(`ssm get-parameter --region eu-west-1 --name ${AL2023}`).stdout).Parameter;
		expect(ireland.Value).toBe(newestAmazon('al2023-ami-2023.*-x86_64', 'eu-west-1'));
		expect(ireland.Value).not.toBe(newestAmazon('al2023-ami-2023.*-x86_64'));
		expect(ireland.ARN).toBe(`arn:aws:ssm:eu-west-1::parameter${AL2023}`);
	});

	it('ParameterNotFound for any other name: no message after the colon, exit 254', () => {
		for (const name of ['/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-i386', 'my-ami', '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id']) {
			const r = aws(`ssm get-parameter --name ${name}`);
			expect(r).toMatchObject({exitCode: 254, stdout: '', stderr: '\naws: [ERROR]: An error occurred (ParameterNotFound) when calling the GetParameter operation:\n'});
		}
	});
});

describe('aws ssm get-parameters and get-parameters-by-path', () => {
	it('get-parameters: found ones in Parameters, the others in InvalidParameters, exit 0', () => {
		const r = aws(`ssm get-parameters --names ${AL2023} /nope --query [Parameters[].Name,InvalidParameters]`);
		expect(r.exitCode).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual([[AL2023], ['/nope']]);
		expect(Object.keys(JSON.parse(aws(`ssm get-parameters --names ${AL2023}`).stdout))).toEqual(['Parameters', 'InvalidParameters']);
		const none = aws('ssm get-parameters --names');
		expect(none.exitCode).toBe(252);
		expect(none.stderr).toContain('Invalid length for parameter Names, value: 0, valid min length: 1');
	});

	it('get-parameters-by-path: the level below the path, or every level with --recursive', () => {
		const names = (line: string) => JSON.parse(aws(`${line} --query Parameters[].Name`).stdout) as string[];
		expect(names('ssm get-parameters-by-path --path /aws/service/ami-amazon-linux-latest')).toEqual(LATEST_AMI_PARAMETERS);
		expect(names('ssm get-parameters-by-path --path /aws/service/ami-amazon-linux-latest/')).toEqual(LATEST_AMI_PARAMETERS);
		expect(names('ssm get-parameters-by-path --path /aws/service')).toEqual([]);
		expect(names('ssm get-parameters-by-path --path /aws/service --recursive')).toEqual(LATEST_AMI_PARAMETERS);
		const page = aws('ssm get-parameters-by-path --path /aws/service/ami-amazon-linux-latest --max-items 2 --query Parameters[].Name');
		expect(JSON.parse(page.stdout)).toEqual(LATEST_AMI_PARAMETERS.slice(0, 2));
	});
});

describe('run-instances --image-id resolve:ssm:<parameter>', () => {
	it('launches from the image the parameter names; an unknown parameter launches nothing', () => {
		const value = aws(`ssm get-parameter --name ${AL2023} --query Parameter.Value --output text`).stdout.trim();
		const r = aws(`ec2 run-instances --image-id resolve:ssm:${AL2023} --instance-type t3.micro --query Instances[0].ImageId --output text`);
		expect(r.stdout).toBe(`${value}\n`);
		const described = aws('ec2 describe-instances --query Reservations[0].Instances[0].ImageId --output text', r.world);
		expect(described.stdout).toBe(`${value}\n`);
		const arm = aws('ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64 --instance-type t4g.micro --query Instances[0].Architecture --output text');
		expect(arm.stdout).toBe('arm64\n');
		const unknown = aws('ec2 run-instances --image-id resolve:ssm:/golden-ami --instance-type t3.micro');
		expect(unknown.exitCode).toBe(254);
		expect(unknown.stderr).toContain('(InvalidParameterValue) when calling the RunInstances operation:');
		expect(unknown.world.regions['us-east-1'].instances.toJSON()).toEqual({});
	});
});
