import {describe, expect, it} from 'vitest';
import {checkSchema} from '../../source/lessons/check-schema.js';
import {formatShellHelp, gameCommandWords} from '../../source/game/commands.js';
import {builtinCommands} from '../../source/shell/interpret.js';
import {localMachine} from '../../source/shell/local-machine.js';
import {builtinNames, commandWords, PROGRAMS, programNames, readOnlyLine} from '../../source/shell/programs.js';
import {remoteMachine} from '../../source/shell/remote.js';
import {completionCandidates} from '../../source/shell/run-line.js';
import type {LineState} from '../../source/shell/line-state.js';
import type {Session} from '../../source/shell/session.js';
import {run, sshReady} from './fixtures.js';

// The registry of programs is the one list: machines run exactly it, completion offers it, `help`
// shows it, and a lesson's shell check may use only its read-only programs.

const stateOf = (session: Session): LineState => ({world: session.world, region: session.region, files: {...session.files}, modes: {}, knownHosts: [], calls: [], runs: [], runStack: [], cwd: '/home/student', history: []});

const guestOf = (os: 'al2023-x86' | 'ubuntu-2404') => {
	const session = sshReady({os});
	return remoteMachine(stateOf(session), {region: 'us-east-1', instanceId: 'i-0123456789abcdef0', user: os === 'ubuntu-2404' ? 'ubuntu' : 'ec2-user'})!;
};

describe('the registry of programs', () => {
	it('every registered program is implemented, and a machine runs nothing else', () => {
		expect(localMachine(stateOf(sshReady())).commandNames()).toEqual(programNames('local').sort());
		expect(guestOf('al2023-x86').commandNames()).toEqual(programNames('guest', 'amazon-linux').sort());
		// Ubuntu has apt, not dnf, and no AWS CLI unless the instance has a role
		expect(guestOf('ubuntu-2404').commandNames()).toEqual(programNames('guest', 'ubuntu').filter(n => n !== 'aws').sort());
		expect(builtinCommands()).toEqual(builtinNames().sort());
	});

	it('names are unique and each program says what it is for', () => {
		expect(new Set(PROGRAMS.map(p => p.name)).size).toBe(PROGRAMS.length);
		for (const p of PROGRAMS) expect(p.where === 'none' ? p.instead : p.summary, p.name).toBeTruthy();
	});

	it('Tab completion offers every registered command, on the player\'s computer and inside an instance', () => {
		const local = sshReady();
		for (const name of commandWords('local')) expect(completionCandidates(local, name), name).toContain(name);
		const inside = run(local, 'ssh -i lab-key.pem ec2-user@3.80.1.2').session;
		for (const name of commandWords('guest')) expect(completionCandidates(inside, name), name).toContain(name);
		expect(completionCandidates(inside, 'sudo sys')).toEqual(['systemctl']);
		expect(completionCandidates(local, 'aws ec2 describe-instances --output text | xargs -n1 aws ec2 deregister-im')).toEqual(['deregister-image']);
		expect(completionCandidates(local, 'for i in a b; do ec')).toEqual(['echo']);
		expect(completionCandidates(local, 'xargs -n1 ')).toEqual(commandWords('local').sort());
	});

	it('`help shell` shows every program of the player\'s computer and of an instance', () => {
		const help = formatShellHelp();
		for (const name of commandWords('local').filter(n => /^[a-z]/.test(n) && !builtinNames().includes(n))) expect(help.split(/\s/), name).toContain(name);
		for (const name of ['sudo', 'dnf', 'apt', 'systemctl', 'reboot']) expect(help.split(/\s/), name).toContain(name);
		expect(gameCommandWords()).toContain('help');
	});
});

describe('read-only lines (what a lesson\'s shell check may run)', () => {
	const refused = (line: string) => !checkSchema.safeParse({shell: line}).success;

	it('a program absent from the registry is refused, even one that only reads elsewhere', () => {
		for (const line of ['test -f lab-key.pem', 'jq .', 'aws sts get-caller-identity', 'nosuch', 'echo x | awk "{print}"']) expect(refused(line), line).toBe(true);
	});

	it('read-only uses of registered programs pass; writes, redirections into files and unknown commands from variables do not', () => {
		for (const line of ['curl -s http://$IP/', 'aws ec2 describe-images --owners self', 'aws --region eu-west-1 ec2 describe-images', 'aws ec2 wait image-available --image-ids $AMI', 'ssh -i k.pem ec2-user@$IP systemctl is-enabled httpd', 'for i in $(aws ec2 describe-instances --output text); do echo $i; done', 'echo $(cat x) | grep -c y', 'X=1', 'aws ec2 describe-images > /dev/null']) {
			expect(readOnlyLine(line), line).toBe(true);
			expect(refused(line), line).toBe(false);
		}

		for (const line of ['aws ec2 run-instances --image-id $AMI', 'ssh -i k.pem ec2-user@$IP sudo systemctl stop httpd', 'echo x > file', 'sed -i s/a/b/ f', '$CMD', 'for i in a; do rm $i; done', 'echo a | xargs -n1 aws ec2 deregister-image --image-id', 'sudo dnf install -y httpd']) {
			expect(readOnlyLine(line), line).toBe(false);
		}

		expect(readOnlyLine('sudo systemctl status httpd', 'guest')).toBe(true);
		expect(readOnlyLine('echo a | xargs -n1 aws ec2 describe-images --image-ids')).toBe(true);
	});
});
