import {describe, expect, it} from 'vitest';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {runAws} from '../../source/cli/run-aws.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import type {World} from '../../source/sim/core/types.js';

// --generate-cli-skeleton [input|output|yaml-input] and --cli-input-yaml, as AWS CLI v2 has them
// on every operation (awscli/customizations/generatecliskeleton.py, cliinput.py).

const env = {readFile: () => undefined, defaultRegion: 'us-east-1', guest: shellGuest};
const aws = (line: string, world: World = freshWorld()) => runAws(world, line.split(' '), env);

describe('--generate-cli-skeleton', () => {
	it('input (the default): the input shape in model order, with sample values, and no request sent', () => {
		const world = freshWorld();
		for (const line of ['ec2 create-image --generate-cli-skeleton', 'ec2 create-image --generate-cli-skeleton input']) {
			const r = aws(line, world);
			expect(r.exitCode).toBe(0);
			expect(r.world).toBe(world);
			expect(r.calls).toEqual([]);
			const skeleton = JSON.parse(r.stdout) as Record<string, unknown>;
			expect(Object.keys(skeleton)).toEqual(['TagSpecifications', 'SnapshotLocation', 'DryRun', 'InstanceId', 'Name', 'Description', 'NoReboot', 'BlockDeviceMappings']);
			expect(skeleton).toMatchObject({DryRun: true, InstanceId: '', NoReboot: true, TagSpecifications: [{Tags: [{Key: '', Value: ''}]}]});
			expect(r.stdout).toMatch(/^\{\n {4}"TagSpecifications": \[\n {8}\{\n/);
		}
	});

	it('needs none of the required arguments, and works for waiters', () => {
		expect(aws('ec2 run-instances --generate-cli-skeleton').exitCode).toBe(0);
		const waiter = aws('ec2 wait image-available --generate-cli-skeleton');
		expect(Object.keys(JSON.parse(waiter.stdout) as object)).toEqual(['ExecutableUsers', 'ImageIds', 'Owners', 'IncludeDeprecated', 'IncludeDisabled', 'MaxResults', 'NextToken', 'DryRun', 'Filters']);
	});

	it('yaml-input: YAML with the [REQUIRED] and enum comments, loadable by --cli-input-yaml', () => {
		const r = aws('ec2 create-image --generate-cli-skeleton yaml-input');
		expect(r.exitCode).toBe(0);
		expect(r.stdout).toContain("InstanceId: ''  # [REQUIRED]\n");
		expect(r.stdout).toContain('SnapshotLocation: regional  # Valid values are: regional, local.\n');
		expect(r.stdout).toMatch(/^TagSpecifications:\n- ResourceType: /);
	});

	it('output: the output shape filled with member names, through --query and --output, still validating the input', () => {
		const r = aws('ec2 describe-key-pairs --generate-cli-skeleton output');
		expect(r.exitCode).toBe(0);
		expect(r.calls).toEqual([]);
		expect(JSON.parse(r.stdout)).toEqual({KeyPairs: [{KeyPairId: 'KeyPairId', KeyType: 'KeyType', Tags: [{Key: 'Key', Value: 'Value'}], PublicKey: 'PublicKey', CreateTime: '1970-01-01T00:00:00', KeyName: 'KeyName', KeyFingerprint: 'KeyFingerprint'}]});
		expect(aws('ec2 describe-key-pairs --generate-cli-skeleton output --query KeyPairs[0].KeyName --output text').stdout).toBe('KeyName\n');
		const missing = aws('ec2 create-image --generate-cli-skeleton output');
		expect(missing.exitCode).toBe(252);
		expect(missing.stderr).toContain('the following arguments are required: --instance-id, --name');
	});

	it('refuses a kind the CLI does not have', () => {
		const r = aws('ec2 describe-images --generate-cli-skeleton json');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toContain("argument --generate-cli-skeleton: Found invalid choice 'json'");
	});
});

describe('--cli-input-json and --cli-input-yaml', () => {
	it('read the parameters from YAML or JSON; the command line wins; required arguments may come from the file', () => {
		const world = runAws(freshWorld(), ['ec2', 'create-key-pair', '--cli-input-yaml', 'KeyName: yk'], env).world;
		expect(runAws(world, ['ec2', 'describe-key-pairs', '--cli-input-json', '{"KeyNames": ["yk"]}', '--query', 'KeyPairs[].KeyName', '--output', 'text'], env).stdout).toBe('yk\n');
		expect(runAws(world, ['ec2', 'describe-key-pairs', '--cli-input-yaml', 'KeyNames: [nope]', '--key-names', 'yk', '--query', 'KeyPairs[].KeyName', '--output', 'text'], env).stdout).toBe('yk\n');
	});

	it('read file:// values, as the CLI documents them (--cli-input-json file://input.json)', () => {
		const files: Record<string, string> = {'d.json': '{"KeyName": "from-json"}', 'd.yaml': 'KeyName: from-yaml\n'};
		const fileEnv = {...env, readFile: (p: string) => files[p]};
		const world = runAws(freshWorld(), ['ec2', 'create-key-pair', '--cli-input-json', 'file://d.json'], fileEnv).world;
		const both = runAws(world, ['ec2', 'create-key-pair', '--cli-input-yaml', 'file://d.yaml'], fileEnv).world;
		expect(runAws(both, ['ec2', 'describe-key-pairs', '--query', 'KeyPairs[].KeyName', '--output', 'text'], fileEnv).stdout).toBe('from-json\tfrom-yaml\n');
		const missing = runAws(freshWorld(), ['ec2', 'describe-images', '--cli-input-json', 'file://nope.json'], fileEnv);
		expect(missing.exitCode).toBe(252);
		expect(missing.stderr).toContain("Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'");
	});

	it('refuse both at once, bad YAML, and unknown keys (even __proto__) as the CLI does', () => {
		const both = runAws(freshWorld(), ['ec2', 'describe-key-pairs', '--cli-input-json', '{}', '--cli-input-yaml', 'a: 1'], env);
		expect(both.exitCode).toBe(252);
		expect(both.stderr).toContain('Only one --cli-input- parameter may be specified.');
		expect(runAws(freshWorld(), ['ec2', 'describe-key-pairs', '--cli-input-yaml', '[1'], env).stderr).toContain("Error parsing parameter '--cli-input-yaml': Invalid YAML received.");
		expect(runAws(freshWorld(), ['ec2', 'describe-key-pairs', '--cli-input-yaml', '__proto__: {x: 1}'], env).stderr).toContain('Unknown parameter in input: "__proto__"');
		const partial = runAws(freshWorld(), ['ec2', 'create-image', '--cli-input-json', '{"Name": "lab-master"}'], env);
		expect(partial.exitCode).toBe(252);
		expect(partial.stderr).toContain('Missing required parameter in input: "InstanceId"');
	});
});
