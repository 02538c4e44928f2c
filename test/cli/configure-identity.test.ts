import {describe, expect, it} from 'vitest';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {runAws, type AwsEnv} from '../../source/cli/run-aws.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import type {World} from '../../source/sim/core/types.js';

// `aws sts get-caller-identity` and `aws configure …` against the sandbox's own settings, with
// the texts, layouts and exit codes of AWS CLI v2 (awscli/customizations/configure/*.py, the STS
// model's GetCallerIdentityResponse member order).

const base: AwsEnv = {readFile: () => undefined, defaultRegion: 'us-east-1', width: 80, guest: shellGuest};

/** Runs the lines one after the other on one world; the last outcome and the world. */
const session = (lines: string[], env: Partial<AwsEnv> = {}) => {
	let world: World = freshWorld();
	let last = runAws(world, [], base);
	for (const line of lines) {
		last = runAws(world, line.split(' '), {...base, ...env});
		world = last.world;
	}

	return last;
};

describe('aws sts get-caller-identity', () => {
	it('names the sandbox account, user ID and ARN in the model order', () => {
		const r = session(['sts get-caller-identity']);
		expect(r.exitCode).toBe(0);
		expect(r.stdout).toBe('{\n    "UserId": "AIDASTUDENTAMISCHOOL2",\n    "Account": "123456789012",\n    "Arn": "arn:aws:iam::123456789012:user/student"\n}\n');
		expect(r.calls).toEqual([{operation: 'GetCallerIdentity', region: 'us-east-1', ok: true, dryRun: false, errorCode: undefined, changed: false}]);
		// the text formatter prints a structure's scalars sorted by key
		expect(session(['sts get-caller-identity --output text']).stdout).toBe('123456789012\tarn:aws:iam::123456789012:user/student\tAIDASTUDENTAMISCHOOL2\n');
		expect(session(['sts get-caller-identity --query Account --output text']).stdout).toBe('123456789012\n');
		expect(session(['sts get-caller-identity --region us-east-9']).stderr).toBe('\naws: [ERROR]: Could not connect to the endpoint URL: "https://sts.us-east-9.amazonaws.com/"\n');
	});
});

describe('aws configure', () => {
	it('list: one row per setting, where it came from, in the CLI v2 layout', () => {
		const r = session(['configure list']);
		expect(r.exitCode).toBe(0);
		expect(r.stdout).toBe([
			'NAME       : VALUE                    : TYPE             : LOCATION',
			'profile    : <not set>                : None             : None',
			'access_key : ****************MPLE     : shared-credentials-file : ',
			'secret_key : ****************EKEY     : shared-credentials-file : ',
			'region     : us-east-1                : config-file      : ~/.aws/config',
			'',
		].join('\n'));
		const fromEnv = session(['configure list'], {envRegion: 'eu-west-1'});
		expect(fromEnv.stdout).toContain("region     : eu-west-1                : env              : ['AWS_REGION', 'AWS_DEFAULT_REGION']\n");
		const named = session(['configure list --profile default']);
		expect(named.stdout).toContain('profile    : default                  : manual           : --profile\n');
	});

	it('get prints a value and exits 0, prints nothing and exits 1 when unset; set writes the sandbox world', () => {
		expect(session(['configure get region'])).toMatchObject({stdout: 'us-east-1\n', stderr: '', exitCode: 0});
		expect(session(['configure get output'])).toMatchObject({stdout: '', stderr: '', exitCode: 1});
		expect(session(['configure get aws_access_key_id'])).toMatchObject({stdout: 'AKIAIOSFODNN7EXAMPLE\n', exitCode: 0});
		const set = session(['configure set output table']);
		expect(set).toMatchObject({stdout: '', stderr: '', exitCode: 0});
		expect(set.world.cliConfig).toEqual({profiles: {default: {region: 'us-east-1', output: 'table'}}});
		expect(session(['configure set output table', 'configure get output']).stdout).toBe('table\n');
		expect(session(['configure set default.region eu-west-2', 'configure get region']).stdout).toBe('eu-west-2\n');
		expect(session(['configure set region eu-west-2', 'configure get default.region']).stdout).toBe('eu-west-2\n');
	});

	it("names JavaScript lends every object (__proto__, constructor, toString) are plain names: unset, exit 1, or stored as a profile's own key", () => {
		for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'default.__proto__', 'profile.__proto__.region']) {
			expect(session([`configure get ${name}`]), name).toMatchObject({stdout: '', stderr: '', exitCode: 1});
		}

		const proto = session(['configure set profile.__proto__.region eu-west-1']);
		expect(proto.exitCode).toBe(0);
		expect(Object.hasOwn(proto.world.cliConfig!.profiles, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).region).toBeUndefined();
		expect(session(['configure set profile.__proto__.region eu-west-1', 'configure list-profiles']).stdout).toBe('default\n__proto__\n');
		expect(session(['configure set profile.__proto__.region eu-west-1', 'configure get profile.__proto__.region']).stdout).toBe('eu-west-1\n');
		expect(session(['configure set __proto__ x', 'configure get __proto__']).stdout).toBe('x\n');
		expect(session(['configure set __proto__ x', 'configure get region']).stdout).toBe('us-east-1\n');
		// a world with such a name goes through the sandbox file (JSON) unchanged
		const world = session(['configure set profile.__proto__.region eu-west-1']).world;
		expect(JSON.parse(JSON.stringify(world.cliConfig))).toEqual(world.cliConfig);
	});

	it('usage errors as argparse prints them (exit 252); plain `aws configure` says what to do instead', () => {
		const missing = session(['configure get']);
		expect(missing.exitCode).toBe(252);
		expect(missing.stderr).toContain('the following arguments are required: varname');
		expect(session(['configure set region']).stderr).toContain('the following arguments are required: value');
		const wizard = runAws(freshWorld(), ['configure'], base);
		expect(wizard.exitCode).toBe(255);
		expect(wizard.stderr).toContain("aws configure set region");
	});

	it('the output format: --output beats AWS_DEFAULT_OUTPUT, which beats the configured one, which beats json', () => {
		const identity = 'sts get-caller-identity --query Account';
		expect(session([identity]).stdout).toBe('"123456789012"\n');
		expect(session(['configure set output text', identity]).stdout).toBe('123456789012\n');
		expect(session(['configure set output text', identity], {envOutput: 'yaml'}).stdout).toBe("'123456789012'\n");
		expect(session(['configure set output text', `${identity} --output json`], {envOutput: 'yaml'}).stdout).toBe('"123456789012"\n');
		const bad = session([identity], {envOutput: 'xml'});
		expect(bad).toMatchObject({exitCode: 255, stdout: '', stderr: '\naws: [ERROR]: Unknown output type: xml\n'});
	});

	it('the Region: --region beats AWS_REGION/AWS_DEFAULT_REGION, which beat the configured one', () => {
		const zone = 'ec2 describe-availability-zones --query AvailabilityZones[0].RegionName --output text';
		expect(session(['configure set region eu-west-1', zone]).stdout).toBe('eu-west-1\n');
		expect(session(['configure set region eu-west-1', zone], {envRegion: 'ap-south-1'}).stdout).toBe('ap-south-1\n');
		expect(session(['configure set region eu-west-1', `${zone} --region us-west-2`], {envRegion: 'ap-south-1'}).stdout).toBe('us-west-2\n');
	});

	it('profiles: an unknown one is ProfileNotFound (exit 255); `configure set --profile` creates one that then works', () => {
		const unknown = session(['sts get-caller-identity --profile dev']);
		expect(unknown).toMatchObject({exitCode: 255, stdout: '', stderr: '\naws: [ERROR]: The config profile (dev) could not be found\n'});
		expect(session(['sts get-caller-identity'], {envProfile: 'dev'}).stderr).toBe('\naws: [ERROR]: The config profile (dev) could not be found\n');
		const listUnknown = session(['configure list --profile dev']);
		expect(listUnknown.exitCode).toBe(255);
		expect(listUnknown.stdout).toBe('NAME       : VALUE                    : TYPE             : LOCATION\nprofile    : dev                      : manual           : --profile\n');
		const zone = 'ec2 describe-availability-zones --query AvailabilityZones[0].RegionName --output text';
		expect(session(['configure set region eu-central-1 --profile dev', `${zone} --profile dev`]).stdout).toBe('eu-central-1\n');
		expect(session(['configure set region eu-central-1 --profile dev', zone]).stdout).toBe('us-east-1\n');
		expect(session(['configure set region eu-central-1 --profile dev', zone], {envProfile: 'dev'}).stdout).toBe('eu-central-1\n');
		expect(session(['configure set profile.dev.output text', 'configure list-profiles']).stdout).toBe('default\ndev\n');
		expect(session(['configure set region eu-central-1 --profile dev', 'configure get region --profile dev']).stdout).toBe('eu-central-1\n');
	});
});

describe('aws configure at the game prompt', () => {
	it('set region moves the session to that Region (the status bar and later commands); an exported AWS_DEFAULT_REGION still wins', async () => {
		const {runLine} = await import('../../source/shell/run-line.js');
		let session = {world: freshWorld(), region: 'us-east-1', files: {}, vars: {}, history: []} as Parameters<typeof runLine>[0];
		const zone = "aws ec2 describe-availability-zones --query 'AvailabilityZones[0].RegionName' --output text";
		session = runLine(session, 'aws configure set region eu-west-1').session;
		expect(session.region).toBe('eu-west-1');
		const moved = runLine(session, zone);
		expect(moved.stdout).toBe('eu-west-1\n');
		const exported = runLine(runLine(moved.session, 'export AWS_DEFAULT_REGION=ap-south-1').session, zone);
		expect(exported.stdout).toBe('ap-south-1\n');
		const back = runLine(runLine(exported.session, 'unset AWS_DEFAULT_REGION').session, zone);
		expect(back.stdout).toBe('eu-west-1\n');
		expect(runLine(back.session, 'aws configure get region').stdout).toBe('eu-west-1\n');
	});
});
