import {describe, expect, it} from 'vitest';
import {worldWithAllRegions} from '../helpers/world.js';
import {runLine} from '../../source/shell/run-line.js';
import {newSession, run, sshReady, withHost} from './fixtures.js';

// for loops and xargs as AWS tutorials use them for clean-up, and the one-line refusal of what
// this shell does not run. Real aws commands against the model.

const s0 = newSession();
const twoHosts = () => newSession(withHost(withHost(worldWithAllRegions(), {id: 'i-0aaaaaaaaaaaaaaa1', ip: '3.80.1.2'}), {id: 'i-0bbbbbbbbbbbbbbb2', ip: '3.80.1.3'}));
const IDS = "aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId' --output text";
const states = (r: {session: {world: ReturnType<typeof worldWithAllRegions>}}) => r.session.world.regions['us-east-1'].instances.values().map(i => i.State);

describe('for loops', () => {
	it('runs the body once per word, with ; or newlines as separators', () => {
		expect(run(s0, 'for x in a b c; do echo "<$x>"; done').stdout).toBe('<a>\n<b>\n<c>\n');
		expect(run(s0, 'for x in a b\ndo\n  echo $x\n  echo again\ndone').stdout).toBe('a\nagain\nb\nagain\n');
		expect(run(s0, 'for x in a b; do echo $x; done; echo after').stdout).toBe('a\nb\nafter\n');
	});

	it('splits unquoted variables and $(…) into words, not quoted ones', () => {
		expect(run(s0, 'L="one  two"', 'for x in $L; do echo "[$x]"; done').stdout).toBe('[one]\n[two]\n');
		expect(run(s0, 'L="one  two"', 'for x in "$L"; do echo "[$x]"; done').stdout).toBe('[one  two]\n');
		expect(run(s0, 'for x in $(echo p q) r; do echo $x; done').stdout).toBe('p\nq\nr\n');
	});

	it('$? is the last command of the last turn; 0 when the list is empty; the variable stays set', () => {
		expect(run(s0, 'for x in a b; do false; done', 'echo $?').stdout).toBe('1\n');
		expect(run(s0, 'false', 'for x in; do false; done', 'echo $? $x').stdout).toBe('0\n');
		expect(run(s0, 'for x in a b; do false; true; done').exitCode).toBe(0);
		expect(run(s0, 'for x in a b; do :; done', 'echo $x').stdout).toBe('b\n');
	});

	it('break and continue', () => {
		expect(run(s0, 'for x in a b c; do echo $x; break; done').stdout).toBe('a\n');
		expect(run(s0, 'for x in a b; do continue; echo never; done; echo ok').stdout).toBe('ok\n');
		expect(run(s0, 'for x in a b; do for y in 1 2; do echo $x$y; break 2; done; done').stdout).toBe('a1\n');
	});

	it('is incomplete until done, so a pasted or typed loop asks for more', () => {
		for (const line of ['for x in a b', 'for x in a b; do', 'for x in a b; do echo $x', 'for x in a\ndo\necho $x']) {
			expect(runLine(s0, line).incomplete).toBe(true);
		}
	});

	it('bash syntax errors', () => {
		expect(run(s0, 'for 1x in a; do echo; done').stderr).toBe("bash: `1x': not a valid identifier\n");
		expect(run(s0, 'for x in a; do done').stderr).toBe("bash: syntax error near unexpected token `done'\n");
		expect(run(s0, 'done').stderr).toBe("bash: syntax error near unexpected token `done'\n");
		expect(run(s0, 'done').exitCode).toBe(2);
	});

	it('redirects and pipes a whole loop', () => {
		const r = run(s0, 'for x in a b; do echo $x; done > out.txt', 'cat out.txt');
		expect(r.stdout).toBe('a\nb\n');
		expect(run(s0, 'for x in a b c; do echo $x; done | grep -c .').stdout).toBe('3\n');
	});

	it('cleans up several instances from a $(aws …) list', () => {
		const r = run(twoHosts(), `for id in $(${IDS}); do aws ec2 terminate-instances --instance-ids $id --query 'TerminatingInstances[0].CurrentState.Name' --output text; done`);
		expect(r.stdout).toBe('shutting-down\nshutting-down\n');
		expect(r.exitCode).toBe(0);
		expect(states(r)).toEqual(['shutting-down', 'shutting-down']);
	});
});

describe('xargs', () => {
	it('-n1 runs the command once per word', () => {
		expect(run(s0, 'echo a b c | xargs -n1 echo x').stdout).toBe('x a\nx b\nx c\n');
		expect(run(s0, 'printf "a\\nb c\\n" | xargs echo').stdout).toBe('a b c\n');
		expect(run(s0, 'echo a b | xargs -n 1').stdout).toBe('a\nb\n');
		expect(run(s0, 'printf "a\\nb\\n" | xargs -I {} echo id={}').stdout).toBe('id=a\nid=b\n');
	});

	it('cleans up what aws --output text lists, as AWS tutorials do', () => {
		const r = run(twoHosts(), `${IDS} | xargs -n1 aws ec2 terminate-instances --output text --query 'TerminatingInstances[].InstanceId' --instance-ids`);
		expect(r.stdout).toBe('i-0aaaaaaaaaaaaaaa1\ni-0bbbbbbbbbbbbbbb2\n');
		expect(states(r)).toEqual(['shutting-down', 'shutting-down']);
		// calls were made by aws under xargs, one per word
		expect(r.session.history.at(-1)!.calls.filter(c => c.operation === 'TerminateInstances')).toHaveLength(2);
	});

	it('GNU exit codes: 123 when a run failed, 127 for a missing program, 1 for bad input; empty input runs once unless -r', () => {
		const failed = run(s0, 'echo i-0000000000000000f | xargs -n1 aws ec2 terminate-instances --instance-ids');
		expect(failed.stderr).toContain('(InvalidInstanceID.NotFound)');
		expect(failed.exitCode).toBe(123);
		expect(run(s0, 'echo a | xargs nosuch').stderr).toBe('xargs: nosuch: No such file or directory\n');
		expect(run(s0, 'echo a | xargs nosuch').exitCode).toBe(127);
		expect(run(s0, 'echo a | xargs cd').exitCode).toBe(127); // a builtin is no program
		expect(run(s0, 'echo "it\'s" | xargs echo').stderr).toBe('xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n');
		const empty = run(s0, 'echo -n | xargs -n1 aws ec2 deregister-image --image-id');
		expect(empty.stderr).toContain('--image-id: expected one argument');
		expect(empty.exitCode).toBe(123);
		expect(run(s0, 'echo -n | xargs -r -n1 aws ec2 deregister-image --image-id')).toMatchObject({stdout: '', stderr: '', exitCode: 0});
		expect(run(s0, 'echo a | xargs -z echo').stderr).toBe("xargs: invalid option -- 'z'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n");
	});

	it('stops at a run that exits 255 (a failed waiter), exit 124', () => {
		const r = run(s0, 'echo i-0000000000000000f i-0000000000000000e | xargs -n1 aws ec2 wait instance-running --instance-ids');
		expect(r.stderr).toContain('xargs: aws: exited with status 255; aborting\n');
		expect(r.stderr.match(/Waiter InstanceRunning failed/g)).toHaveLength(1);
		expect(r.exitCode).toBe(124);
	});
});

describe('what this shell does not run: one line, nothing runs', () => {
	it('while, until, if, case, functions, subshells and groups', () => {
		for (const line of ['while true; do echo x; done', 'until false; do echo x; done', 'if true; then echo x; fi', 'case a in a) echo;; esac', 'f() { echo x; }', 'function f { echo; }', '(cd /tmp; ls)', '{ echo a; }', 'echo a && while true; do echo; done']) {
			const r = runLine(s0, line);
			expect(r.stdout, line).toBe('');
			expect(r.stderr.split('\n').filter(Boolean), line).toHaveLength(1);
			expect(r.stderr, line).toMatch(/not supported in this shell/);
			expect(r.exitCode, line).toBe(2);
		}
	});

	it('an unknown program anywhere in a line: one "command not found", and nothing of the line runs', () => {
		const loop = run(s0, 'for i in a b c; do jq $i; done');
		expect(loop.stderr).toBe("bash: jq: command not found (this shell has no jq: aws --query (JMESPath) does what jq would, e.g. --query 'Images[].ImageId' --output text)\n");
		expect(loop.exitCode).toBe(127);
		const piped = run(twoHosts(), `${IDS} | xargs -n1 aws ec2 terminate-instances --instance-ids; frobnicate`);
		expect(piped.stderr).toBe('bash: frobnicate: command not found\n');
		expect(states(piped)).toEqual(['running', 'running']);
		expect(run(s0, 'sudo dnf install -y httpd').stderr).toBe('bash: sudo: command not found (sudo is inside an instance: ssh in first)\n');
	});

	it('scripts (user data, bash -c) still run as bash does, command by command', () => {
		expect(run(s0, 'bash -c "nosuch; echo still"')).toMatchObject({stdout: 'still\n', stderr: 'bash: nosuch: command not found\n'});
	});
});

describe('sudo reboot inside an instance', () => {
	const IP = '3.80.1.2';
	const SSH = `ssh -i lab-key.pem ec2-user@${IP}`;
	const services = (r: {session: {world: ReturnType<typeof worldWithAllRegions>}}) => {
		const region = r.session.world.regions['us-east-1'];
		const volume = region.volumes.values()[0];
		return volume.disk!.services;
	};

	it('closes the ssh session as a real one does; enabled services come back, started-only ones do not', () => {
		const before = run(sshReady(), SSH, 'sudo dnf install -y httpd nginx', 'sudo systemctl enable httpd', 'sudo systemctl start httpd');
		expect(services(before).httpd).toEqual({enabled: true, active: true});
		const setup = run(before.session, 'sudo systemctl stop httpd', 'sudo systemctl start nginx');
		expect(services(setup).nginx).toEqual({enabled: false, active: true});
		const r = run(setup.session, 'sudo reboot; echo never');
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(`Connection to ${IP} closed by remote host.\nConnection to ${IP} closed.\n`);
		expect(r.exitCode).toBe(255);
		expect(r.session.remote).toBeUndefined();
		expect(services(r).httpd).toEqual({enabled: true, active: true});
		expect(services(r).nginx).toEqual({enabled: false, active: false});
		expect(r.session.world.regions['us-east-1'].instances.get('i-0123456789abcdef0')!.State).toBe('running');
		// and the web page is served again after the reboot, from the player's computer
		expect(run(r.session, `curl -s -o /dev/null http://${IP}/`)).toMatchObject({stderr: '', exitCode: 0});
	});

	it('sudo shutdown -r now and sudo systemctl reboot do the same; ssh HOST sudo reboot too', () => {
		for (const line of ['sudo shutdown -r now', 'sudo systemctl reboot']) {
			const r = run(sshReady(), SSH, line);
			expect(r.stderr, line).toBe(`Connection to ${IP} closed by remote host.\nConnection to ${IP} closed.\n`);
			expect(r.session.remote, line).toBeUndefined();
		}

		const direct = run(sshReady(), `${SSH} sudo reboot`);
		expect(direct.stderr).toContain(`Connection to ${IP} closed by remote host.\n`);
		expect(direct.exitCode).toBe(255);
	});

	it('without sudo polkit refuses, and the session stays', () => {
		const r = run(sshReady(), SSH, 'reboot');
		expect(r.stderr).toContain('Failed to reboot system via logind: Access denied\n');
		expect(r.exitCode).toBe(1);
		expect(r.session.remote).toBeDefined();
	});

	it('power-off and delayed shutdowns say in one line that they are not simulated', () => {
		for (const line of ['sudo shutdown -h now', 'sudo poweroff', 'sudo shutdown -r +5']) {
			const r = run(sshReady(), SSH, line);
			expect(r.stderr.split('\n').filter(Boolean), line).toHaveLength(1);
			expect(r.stderr, line).toMatch(/not simulated here|only an immediate reboot is simulated here/);
			expect(r.exitCode, line).toBe(1);
			expect(r.session.remote, line).toBeDefined();
		}
	});
});
