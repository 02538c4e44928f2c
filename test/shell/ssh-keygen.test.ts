import {describe, expect, it} from 'vitest';
import {run, sshReady, PUBLIC_KEY} from './fixtures.js';

// `ssh-keygen -y -f key.pem`: the public half of a private key file, the usual way to import a
// key pair into another Region.

describe('ssh-keygen -y', () => {
	it('prints the public key of a key pair file (type and key, no comment)', () => {
		const r = run(sshReady(), 'ssh-keygen -y -f lab-key.pem > lab-key.pub', 'cat lab-key.pub');
		expect(r.all[0].exitCode).toBe(0);
		expect(r.stdout).toBe(`${PUBLIC_KEY.split(' ').slice(0, 2).join(' ')}\n`);
		expect(run(sshReady(), 'ssh-keygen -yf lab-key.pem').stdout).toBe(r.stdout);
	});

	it('refuses a key file readable by others, like ssh', () => {
		const s = sshReady();
		const r = run({...s, fileModes: {'lab-key.pem': 0o644}}, 'ssh-keygen -y -f lab-key.pem');
		expect(r.stderr).toContain("Permissions 0644 for 'lab-key.pem' are too open.");
		expect(r.exitCode).toBe(255);
	});

	it('a missing file or a file that is no private key', () => {
		const s = sshReady();
		expect(run(s, 'ssh-keygen -y -f nokey.pem').stderr).toBe('nokey.pem: No such file or directory\n');
		const r = run(s, 'echo hello > not-a-key.pem', 'chmod 400 not-a-key.pem', 'ssh-keygen -y -f not-a-key.pem');
		expect(r.stderr).toBe('Load key "not-a-key.pem": invalid format\n');
		expect(r.exitCode).toBe(255);
	});
});
