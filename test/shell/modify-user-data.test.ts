import {describe, expect, it} from 'vitest';
import {run, sshReady} from './fixtures.js';

// aws-reference 3.12: `--user-data Value=…` is a blob. CLI v2 (cli_binary_format base64) wants base64
// input and decodes it; botocore sends the bytes base64-encoded, so AWS stores the script itself and
// describe-instance-attribute shows its base64. `--attribute userData --value` passes a string unchanged.

const SCRIPT = '#!/bin/bash\necho spring\n';
const B64 = Buffer.from(SCRIPT).toString('base64');

const stopped = () =>
	run({...sshReady(), files: {...sshReady().files, 'spring.sh': SCRIPT}}, 'aws ec2 stop-instances --instance-ids i-0123456789abcdef0', 'aws ec2 wait instance-stopped --instance-ids i-0123456789abcdef0').session;

describe('modify-instance-attribute user data through the CLI', () => {
	it('--user-data Value=<base64> stores the script (v2 decodes the blob, the wire re-encodes it)', () => {
		const r = run(stopped(), `aws ec2 modify-instance-attribute --instance-id i-0123456789abcdef0 --user-data Value=${B64}`, 'aws ec2 describe-instance-attribute --instance-id i-0123456789abcdef0 --attribute userData --query UserData.Value --output text');
		expect(r.all[0].exitCode).toBe(0);
		expect(r.stdout).toBe(`${B64}\n`);
	});

	it('--attribute userData --value <base64> stores the same', () => {
		const r = run(stopped(), 'aws ec2 modify-instance-attribute --instance-id i-0123456789abcdef0 --attribute userData --value $(base64 -w0 spring.sh)', 'aws ec2 describe-instance-attribute --instance-id i-0123456789abcdef0 --attribute userData --query UserData.Value --output text');
		expect(r.all[0].exitCode).toBe(0);
		expect(r.stdout).toBe(`${B64}\n`);
	});

	it('--user-data Value=<not base64> is a CLI parameter error in v2', () => {
		const r = run(stopped(), 'aws ec2 modify-instance-attribute --instance-id i-0123456789abcdef0 --user-data Value=hello!');
		expect(r.exitCode).toBe(252);
	});
});
