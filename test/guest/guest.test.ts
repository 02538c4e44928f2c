import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import {worldWithAllRegions} from '../helpers/world.js';
import {bootDisk, httpGet} from '../../source/guest/guest.js';
import {instanceDisk} from '../../source/sim/instances/disk.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import type {World} from '../../source/sim/core/types.js';
import {diskFor, newSession, run, sshReady, withHost} from '../shell/fixtures.js';

const IP = '3.80.1.2';
const SSH = `ssh -i lab-key.pem ec2-user@${IP}`;
const inside = (lines: string[], o = {}) => run(run(sshReady(o), SSH).session, ...lines);
const diskOf = (world: World) => instanceDisk(world.regions['us-east-1'], world.regions['us-east-1'].instances.get('i-0123456789abcdef0')!)!;

describe('dnf on Amazon Linux 2023', () => {
	it('needs root', () => {
		const r = inside(['dnf install -y httpd']);
		expect(r.stderr).toBe('Error: This command has to be run with superuser privileges (under the root user on most systems).\n');
		expect(r.exitCode).toBe(1);
	});

	it('installs a known package onto the instance disk', () => {
		const r = inside(['sudo dnf install -y httpd']);
		expect(r.stdout).toContain('Installing:\n httpd ');
		expect(r.stdout.endsWith('Complete!\n')).toBe(true);
		expect(diskOf(r.session.world).packages).toContain('httpd');
		expect(diskOf(r.session.world).services.httpd).toEqual({enabled: false, active: false});
	});

	it('an unknown package: No match for argument, exit 1', () => {
		const r = inside(['sudo yum install -y foo']);
		expect(r.stdout).toContain('No match for argument: foo\n');
		expect(r.stderr).toBe('Error: Unable to find a match: foo\n');
		expect(r.exitCode).toBe(1);
	});

	it('already installed: Nothing to do', () => {
		const r = inside(['sudo dnf install -y git', 'sudo dnf install -y git']);
		expect(r.stdout).toMatch(/Package git-2\.47\.1-1\.amzn2023\.0\.2\.x86_64 is already installed\.\nDependencies resolved\.\nNothing to do\.\nComplete!\n$/);
	});

	it('without -y it cannot ask and aborts', () => {
		const r = inside(['sudo dnf install httpd']);
		expect(r.stdout.endsWith('Is this ok [y/N]: Operation aborted.\n')).toBe(true);
		expect(r.exitCode).toBe(1);
	});

	it('rpm -q', () => {
		expect(inside(['sudo dnf install -y httpd', 'rpm -q httpd']).stdout).toBe('httpd-2.4.62-1.amzn2023.x86_64\n');
	});

	it('apt is not there', () => {
		expect(inside(['sudo apt install -y nginx']).stderr).toBe('sudo: apt: command not found\n');
	});
});

describe('systemctl', () => {
	it('start/enable need root (polkit)', () => {
		const r = inside(['sudo dnf install -y httpd', 'systemctl start httpd']);
		expect(r.stderr).toContain("Failed to start httpd.service: Access denied\nSee system logs and 'systemctl status httpd.service' for details.\n");
		expect(r.exitCode).toBe(1);
	});

	it('unknown unit', () => {
		const r = inside(['sudo systemctl start httpd']);
		expect(r.stderr).toBe('Failed to start httpd.service: Unit httpd.service not found.\n');
		expect(r.exitCode).toBe(5);
		expect(inside(['systemctl status nope']).stderr).toBe('Unit nope.service could not be found.\n');
		expect(inside(['systemctl status nope']).exitCode).toBe(4);
	});

	it('enable prints the symlink; is-active / is-enabled answer with exit codes', () => {
		const r = inside(['sudo dnf install -y httpd', 'sudo systemctl enable httpd']);
		expect(r.stderr).toBe('Created symlink /etc/systemd/system/multi-user.target.wants/httpd.service → /usr/lib/systemd/system/httpd.service.\n');
		const q = run(r.session, 'systemctl is-enabled httpd', 'systemctl is-active httpd');
		expect(q.all[0].stdout).toBe('enabled\n');
		expect(q.stdout).toBe('inactive\n');
		expect(q.exitCode).toBe(3);
	});

	it('status shows loaded/active lines like systemd', () => {
		const r = inside(['sudo dnf install -y httpd', 'sudo systemctl enable --now httpd', 'systemctl status httpd']);
		expect(r.stdout).toContain('● httpd.service - The Apache HTTP Server\n     Loaded: loaded (/usr/lib/systemd/system/httpd.service; enabled; preset: disabled)\n     Active: active (running)');
		expect(r.exitCode).toBe(0);
	});

	it('two web servers cannot both listen on port 80', () => {
		const r = inside(['sudo dnf install -y httpd nginx', 'sudo systemctl start httpd', 'sudo systemctl start nginx']);
		expect(r.stderr).toContain('Job for nginx.service failed because the control process exited with error code.');
		expect(r.exitCode).toBe(1);
	});
});

describe('files inside the instance', () => {
	it('a plain redirect to the web root is denied; sudo tee works', () => {
		const r = inside(['sudo dnf install -y httpd', 'sudo echo hi > /var/www/html/index.html']);
		expect(r.stderr).toBe('bash: /var/www/html/index.html: Permission denied\n');
		const t = run(r.session, 'echo hi | sudo tee /var/www/html/index.html', 'cat /var/www/html/index.html');
		expect(t.all[0].stdout).toBe('hi\n');
		expect(t.stdout).toBe('hi\n');
	});

	it('the web root does not exist before httpd is installed', () => {
		expect(inside(['echo hi | sudo tee /var/www/html/index.html']).stderr).toBe('tee: /var/www/html/index.html: No such file or directory\n');
	});

	it('sudo bash -c runs a whole command as root', () => {
		const r = inside(['sudo dnf install -y httpd', 'sudo bash -c "echo x > /var/www/html/a.html"', 'cat /var/www/html/a.html']);
		expect(r.stdout).toBe('x\n');
	});

	it('sudo su - gives a root prompt; exit returns to ec2-user', () => {
		const r = inside(['sudo su -', 'whoami']);
		expect(r.stdout).toBe('root\n');
		const back = run(r.session, 'exit', 'whoami');
		expect(back.all[0].stdout).toBe('logout\n');
		expect(back.stdout).toBe('ec2-user\n');
	});

	it('hostname, id, the home directory', () => {
		expect(inside(['hostname']).stdout).toBe('ip-172-31-5-20.ec2.internal\n');
		expect(inside(['pwd']).stdout).toBe('/home/ec2-user\n');
		expect(inside(['id']).stdout).toBe('uid=1000(ec2-user) gid=1000(ec2-user) groups=1000(ec2-user),4(adm),10(wheel),190(systemd-journal)\n');
	});

	it('aws inside an instance without a role has no credentials', () => {
		const r = inside(['aws ec2 describe-instances']);
		expect(r.stderr).toBe('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
		expect(r.exitCode).toBe(253);
	});
});

describe('Ubuntu: apt', () => {
	const ubuntu = (lines: string[]) => run(run(sshReady({os: 'ubuntu-2404'}), `ssh -i lab-key.pem ubuntu@${IP}`).session, ...lines);

	it('installs nginx, which Debian policy enables and starts', () => {
		const r = ubuntu(['sudo apt install -y nginx']);
		expect(r.stdout).toContain('Setting up nginx (1.24.0-2ubuntu7.4) ...');
		expect(diskOf(r.session.world).services.nginx).toEqual({enabled: true, active: true});
		expect(run(r.session, 'exit', `curl -s http://${IP}`).stdout).toContain('<title>Welcome to nginx!</title>');
	});

	it('unknown package and missing root', () => {
		const r = ubuntu(['sudo apt install -y foo']);
		expect(r.stderr).toBe('E: Unable to locate package foo\n');
		expect(r.exitCode).toBe(100);
		expect(ubuntu(['apt install -y nginx']).stderr).toContain('are you root?');
		expect(ubuntu(['sudo dnf install -y nginx']).stderr).toBe('sudo: dnf: command not found\n');
	});
});

describe('boot: only enabled services survive', () => {
	it('bootDisk: active becomes enabled', () => {
		const disk = diskFor('al2023-x86');
		disk.services.httpd = {enabled: false, active: true};
		disk.services.nginx = {enabled: true, active: false};
		bootDisk(disk);
		expect(disk.services.httpd.active).toBe(false);
		expect(disk.services.nginx.active).toBe(true);
	});

	it('a copy of a disk where httpd was only started serves nothing after boot; enabled serves', () => {
		for (const [verb, expected] of [['start', true], ['enable --now', false]] as const) {
			const s = inside(['sudo dnf install -y httpd', `sudo systemctl ${verb} httpd`]).session;
			const copy = structuredClone(diskOf(s.world));
			bootDisk(copy);
			expect('refused' in httpGet(copy, '/')).toBe(expected);
		}
	});

	it('first boot runs the user data script as root and writes authorized_keys', () => {
		const script = '#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd\necho "<h1>From user data</h1>" > /var/www/html/index.html\nfrobnicate --now\n';
		const world = withHost(worldWithAllRegions(), {userData: script, boot: false});
		const booted = produce(world, draft => {
			shellGuest.boot(draft, 'us-east-1', draft.regions['us-east-1'].instances.get('i-0123456789abcdef0')!, true);
		});
		const disk = diskOf(booted);
		expect(disk.packages).toContain('httpd');
		expect(disk.services.httpd).toEqual({enabled: true, active: true});
		expect(disk.files['/home/ec2-user/.ssh/authorized_keys']).toContain('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQtestpublickey');
		expect(disk.files['/var/log/cloud-init-output.log']).toContain('bash: frobnicate: command not found');
		expect(run(newSession(booted), `curl -s http://${IP}`).stdout).toBe('<h1>From user data</h1>\n');
	});

	it('user data that is not a script is left alone; a Windows disk is skipped', () => {
		const world = withHost(worldWithAllRegions(), {userData: 'dnf install -y httpd', boot: false});
		const booted = produce(world, draft => {
			shellGuest.boot(draft, 'us-east-1', draft.regions['us-east-1'].instances.get('i-0123456789abcdef0')!, true);
		});
		expect(diskOf(booted).packages).not.toContain('httpd');
	});
});

describe('sleep, here and on an instance (GNU sleep: s/m/h/d suffixes)', () => {
	it('advances the virtual clock by the interval on either machine', () => {
		const local = run(sshReady(), 'sleep 2m');
		expect(local.exitCode).toBe(0);
		const before = run(sshReady(), SSH).session.world.clock;
		const remote = inside(['sleep 2m']);
		expect(remote.stderr).toBe('');
		expect(remote.session.world.clock - before).toBeGreaterThanOrEqual(120_000);
	});

	it('an invalid interval is refused in the same words', () => {
		const message = "sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n";
		expect(run(sshReady(), 'sleep soon').stderr).toBe(message);
		expect(inside(['sleep soon']).stderr).toBe(message);
	});
});
