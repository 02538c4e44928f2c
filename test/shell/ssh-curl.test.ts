import {describe, expect, it} from 'vitest';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import {promptFor} from '../../source/shell/run-line.js';
import {KEY_MATERIAL, OTHER_KEY, newSession, run, sshReady, withHost} from './fixtures.js';

const IP = '3.80.1.2';
const SSH = `ssh -i lab-key.pem ec2-user@${IP}`;
const ADDED = `Warning: Permanently added '${IP}' (ED25519) to the list of known hosts.\n`;

describe('ssh', () => {
	it('logs in with the launch key: banner, remote prompt, exit closes the connection', () => {
		const r = run(sshReady(), SSH);
		expect(r.exitCode).toBe(0);
		expect(r.stderr).toBe(ADDED);
		expect(r.stdout).toContain('Amazon Linux 2023');
		expect(r.session.remote).toMatchObject({region: 'us-east-1', instanceId: 'i-0123456789abcdef0', user: 'ec2-user', host: IP});
		expect(promptFor(r.session)).toBe('[ec2-user@ip-172-31-5-20 ~]$ ');
		const out = run(r.session, 'whoami', 'exit');
		expect(out.all[0].stdout).toBe('ec2-user\n');
		expect(out.stdout).toBe('logout\n');
		expect(out.stderr).toBe(`Connection to ${IP} closed.\n`);
		expect(out.session.remote).toBeUndefined();
		expect(promptFor(out.session)).toBe('student@ami-school:~$ ');
	});

	it('asks about the host key only the first time', () => {
		const r = run(sshReady(), `${SSH} true`, `${SSH} true`);
		expect(r.all[0].stderr).toBe(ADDED);
		expect(r.stderr).toBe('');
	});

	it('runs one command remotely and returns its exit code', () => {
		const r = run(sshReady(), `${SSH} 'rpm -q httpd'`);
		expect(r.stdout).toBe('package httpd is not installed\n');
		expect(r.exitCode).toBe(1);
	});

	it('hands its standard input to the remote command (echo … | ssh host \'sudo tee file\')', () => {
		const r = run(sshReady(), `echo hello from the pipe | ${SSH} 'sudo tee /tmp/page.txt'`, `${SSH} cat /tmp/page.txt`);
		expect(r.all[0].stdout).toBe('hello from the pipe\n');
		expect(r.stdout).toBe('hello from the pipe\n');
	});

	it('refuses a key file readable by others (the classic chmod 400 lesson)', () => {
		const s = sshReady();
		const r = run({...s, fileModes: {'lab-key.pem': 0o644}}, SSH);
		expect(r.exitCode).toBe(255);
		expect(r.stderr).toContain("Permissions 0644 for 'lab-key.pem' are too open.\nIt is required that your private key files are NOT accessible by others.\nThis private key will be ignored.\nLoad key \"lab-key.pem\": bad permissions\n");
		expect(r.stderr.endsWith(`ec2-user@${IP}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`)).toBe(true);
	});

	it('a missing key file: warning, then permission denied', () => {
		const r = run(sshReady(), `ssh -i nokey.pem ec2-user@${IP}`);
		expect(r.stderr).toBe(`Warning: Identity file nokey.pem not accessible: No such file or directory.\n${ADDED}ec2-user@${IP}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`);
		expect(r.exitCode).toBe(255);
	});

	it('the wrong key or the wrong user is denied', () => {
		const s = sshReady();
		expect(run({...s, files: {'lab-key.pem': OTHER_KEY}}, SSH).stderr).toContain('Permission denied (publickey,gssapi-keyex,gssapi-with-mic).');
		expect(run(s, `ssh -i lab-key.pem ubuntu@${IP}`).stderr).toContain(`ubuntu@${IP}: Permission denied`);
	});

	it('root gets the cloud-init hint', () => {
		const r = run(sshReady(), `ssh -i lab-key.pem root@${IP}`);
		expect(r.stdout).toBe('Please login as the user "ec2-user" rather than the user "root".\n\n');
		expect(r.exitCode).toBe(142);
	});

	it('Ubuntu: user ubuntu, methods (publickey), its own prompt', () => {
		const s = sshReady({os: 'ubuntu-2404'});
		expect(run(s, SSH).stderr).toContain(`ec2-user@${IP}: Permission denied (publickey).`);
		const r = run(s, `ssh -i lab-key.pem ubuntu@${IP}`);
		expect(r.stdout).toContain('Welcome to Ubuntu 24.04');
		expect(promptFor(r.session)).toBe('ubuntu@ip-172-31-5-20:~$ ');
	});

	it('times out when no group opens port 22, or nothing has that IP', () => {
		const closed = sshReady({open: [80]});
		const r = run(closed, SSH);
		expect(r.stderr).toBe(`ssh: connect to host ${IP} port 22: Connection timed out\n`);
		expect(r.exitCode).toBe(255);
		expect(run(sshReady(), 'ssh -i lab-key.pem ec2-user@3.3.3.3').stderr).toBe('ssh: connect to host 3.3.3.3 port 22: Connection timed out\n');
	});

	it('a rule for another address does not let the player in; one for their /32 does', () => {
		expect(run(sshReady({cidr: '203.0.113.0/24'}), SSH).stderr).toContain('Connection timed out');
		expect(run(sshReady({cidr: '198.51.100.23/32'}), SSH).exitCode).toBe(0);
	});

	it('a stopped instance does not answer', () => {
		expect(run(sshReady({state: 'stopped'}), SSH).stderr).toContain('Connection timed out');
	});

	it('an unknown host name', () => {
		expect(run(sshReady(), 'ssh -i lab-key.pem ec2-user@nowhere').stderr).toBe('ssh: Could not resolve hostname nowhere: Name or service not known\n');
	});

	it('accepts the EC2 public DNS name', () => {
		expect(run(sshReady(), 'ssh -i lab-key.pem ec2-user@ec2-3-80-1-2.compute-1.amazonaws.com hostname').stdout).toBe('ip-172-31-5-20.ec2.internal\n');
	});

	it('the session drops when the instance goes away', () => {
		const s = run(sshReady(), SSH).session;
		const world = withHost(s.world, {state: 'stopped', boot: false});
		const r = run({...s, world}, 'ls');
		expect(r.stderr).toBe(`Connection to ${IP} closed by remote host.\nConnection to ${IP} closed.\n`);
		expect(r.exitCode).toBe(255);
		expect(r.session.remote).toBeUndefined();
	});
});

describe('curl', () => {
	const web = (lines: string[]) => run(sshReady(), `${SSH} '${lines.join(' && ')}'`).session;

	it('connection refused while no web server runs', () => {
		const r = run(sshReady(), `curl http://${IP}`);
		expect(r.stderr).toBe(`curl: (7) Failed to connect to ${IP} port 80 after 23 ms: Connection refused\n`);
		expect(r.exitCode).toBe(7);
	});

	it('timeout when the group does not open port 80', () => {
		const r = run(sshReady({open: [22]}), `curl http://${IP}/`);
		expect(r.stderr).toMatch(new RegExp(`^curl: \\(28\\) Failed to connect to ${IP.replaceAll('.', '\\.')} port 80 after \\d+ ms: Timeout was reached\\n$`));
		expect(r.exitCode).toBe(28);
	});

	it('serves the default page, then index.html once written', () => {
		let s = web(['sudo dnf install -y httpd', 'sudo systemctl start httpd']);
		expect(run(s, `curl http://${IP}`).stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
		s = run(s, `${SSH} 'echo "<h1>Golden</h1>" | sudo tee /var/www/html/index.html'`).session;
		expect(run(s, `curl -s http://${IP}/`).stdout).toBe('<h1>Golden</h1>\n');
		expect(run(s, `curl -s http://${IP}/missing.html`).stdout).toContain('<title>404 Not Found</title>');
		expect(run(s, `curl -sf http://${IP}/missing.html`).exitCode).toBe(22);
	});

	it('-s hides errors; -sS shows them', () => {
		expect(run(sshReady(), `curl -s http://${IP}`).stderr).toBe('');
		expect(run(sshReady(), `curl -sS http://${IP}`).stderr).toContain('curl: (7)');
	});

	it('checkip tells the player their address', () => {
		expect(run(newSession(freshWorld()), 'curl -s https://checkip.amazonaws.com').stdout).toBe('198.51.100.23\n');
	});

	it('an unknown host name', () => {
		expect(run(newSession(), 'curl http://nowhere.invalid').stderr).toBe('curl: (6) Could not resolve host: nowhere.invalid\n');
	});

	it('from inside the instance, curl localhost needs no security group', () => {
		const s = run(sshReady({open: [22]}), `${SSH} 'sudo dnf install -y nginx && sudo systemctl start nginx'`).session;
		const r = run(s, `${SSH} curl -s localhost`);
		expect(r.stdout).toContain('<h1>Welcome to nginx!</h1>');
		expect(run(s, `curl -s http://${IP}`).exitCode).toBe(28);
	});
});

it('the key material file matches whatever Region the key pair is in', () => {
	const s = sshReady({region: 'eu-west-1', ip: '52.1.1.1'});
	expect(run({...s, files: {'k.pem': KEY_MATERIAL}, fileModes: {'k.pem': 0o600}}, 'ssh -i k.pem ec2-user@52.1.1.1 whoami').stdout).toBe('ec2-user\n');
});
