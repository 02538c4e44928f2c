import {describe, expect, it} from 'vitest';
import {run, sshReady} from './fixtures.js';

// aws-reference 3.1: by default create-image shuts the instance down and reboots it for a consistent
// snapshot. After that reboot only enabled services run (a `systemctl start` alone does not survive);
// --no-reboot leaves the running services alone.

const IP = '3.80.1.2';
const SSH = `ssh -i lab-key.pem ec2-user@${IP}`;
const STARTED_ONLY = `${SSH} 'sudo dnf install -y httpd && sudo systemctl start httpd'`;

describe('create-image reboots the source instance', () => {
	it('a service that was only started is gone after the default (rebooting) create-image', () => {
		const r = run(sshReady(), STARTED_ONLY, `curl -s http://${IP}/`, 'aws ec2 create-image --instance-id i-0123456789abcdef0 --name web-v1', `curl -sS http://${IP}/`);
		expect(r.all[1].stdout).toContain('It works!');
		expect(r.all[2].exitCode).toBe(0);
		expect(r.exitCode).toBe(7);
		expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to 3\.80\.1\.2 port 80/);
	});

	it('an enabled service comes back after the reboot', () => {
		const r = run(sshReady(), `${SSH} 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'`, 'aws ec2 create-image --instance-id i-0123456789abcdef0 --name web-v1', `curl -s http://${IP}/`);
		expect(r.stdout).toContain('It works!');
	});

	it('--no-reboot leaves the running services alone', () => {
		const r = run(sshReady(), STARTED_ONLY, 'aws ec2 create-image --instance-id i-0123456789abcdef0 --name web-v1 --no-reboot', `curl -s http://${IP}/`);
		expect(r.stdout).toContain('It works!');
	});
});
