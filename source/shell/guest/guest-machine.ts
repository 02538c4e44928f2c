import {httpGet, loginUser, osFamily, type HttpAnswer} from '../../guest/guest.js';
import type {Disk} from '../../sim/core/types.js';
import {commonCommands} from '../commands/common.js';
import {curlCommand, type Probe} from '../commands/curl.js';
import {commandResult, fail, ok, programTable, runProgram, type Command, type Machine} from '../machine.js';
import {programNames} from '../programs.js';
import {treeFs} from '../tree-fs.js';
import {apt, dnf, rpm} from './package-managers.js';
import {systemctl, type GuestState} from './systemctl.js';

// A simulated instance as a Machine: its disk is the file system, and it has the programs of
// its OS (dnf or apt, systemctl, sudo…). Used by the ssh session and by user data at first boot.

export type GuestOptions = {
	/** the current disk (read) */
	disk(): Disk;
	/** changes the disk (the caller decides how: immer produce, or a draft at first boot) */
	update(fn: (disk: Disk) => void): void;
	user: string;
	/** short host name, e.g. ip-172-31-5-20 */
	hostname: string;
	/** full name `hostname` prints on Amazon Linux, e.g. ip-172-31-5-20.ec2.internal */
	fqdn?: string;
	region?: string;
	now(): number;
	/** moves the virtual clock on (sleep); absent at first boot */
	elapse?(ms: number): void;
	/** ms since epoch when the instance booted (for uptime) */
	bootedAt?: number;
	cwd?: string;
	/** reaches other hosts (public IPs) for curl; localhost is answered here */
	probe?: Probe;
	/** programs the session adds (e.g. aws) */
	extra?: Record<string, Command>;
	/** `sudo -i` / `sudo su -`: the interactive shell becomes root's */
	switchUser?(user: string): void;
	/** told when curl on the instance asks the instance itself (localhost), with what it answered */
	onLocalHttp?(path: string, port: number, answer: HttpAnswer): void;
	/** `sudo reboot`: the instance restarts (only enabled services come back); absent at first boot */
	reboot?(): void;
};

const BASE_DIRS = ['/bin', '/boot', '/dev', '/etc', '/etc/systemd', '/etc/systemd/system', '/home', '/opt', '/proc', '/root', '/run', '/srv', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/share', '/var', '/var/lib', '/var/log', '/var/tmp'];

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1']);

const KERNEL: Record<string, string> = {'amazon-linux': '6.1.147-172.266.amzn2023.x86_64', ubuntu: '6.8.0-1031-aws', linux: '6.1.147'};

export const guestMachine = (options: GuestOptions): Machine => {
	const family = osFamily(options.disk());
	const flavour: GuestState['family'] = family === 'ubuntu' ? 'ubuntu' : family === 'amazon-linux' ? 'amazon-linux' : 'linux';
	const {user} = options;
	const home = user === 'root' ? '/root' : `/home/${user}`;
	const login = loginUser(options.disk()) ?? 'ec2-user';
	const baseDirs = [...BASE_DIRS, `/home/${login}`, home];
	const state: GuestState = {disk: options.disk, update: options.update, user, family: flavour};
	const machine: Machine = {
		kind: 'guest',
		user,
		home,
		cwd: options.cwd ?? home,
		hostname: options.hostname,
		fs: treeFs({
			files: () => options.disk().files,
			set(path, content) {
				options.update(d => {
					if (content === undefined) delete d.files[path];
					else d.files[path] = content;
				});
			},
			home,
			cwd: () => machine.cwd,
			baseDirs,
			canWrite: abs => user === 'root' || abs === home || abs.startsWith(`${home}/`) || abs.startsWith('/tmp/'),
			canRead: abs => user === 'root' || !(abs === '/etc/shadow' || abs.startsWith('/root/')),
		}),
		command: name => table().command(name),
		commandNames: () => table().commandNames(),
		// the same record of runs: what runs under sudo is run by the learner too
		as(other) {
			const as = guestMachine({...options, user: other, cwd: machine.cwd});
			as.onRun = machine.onRun;
			return as;
		},
	};

	const now = options.now;
	const probe: Probe = (host, port, path) => {
		if (LOCAL_NAMES.has(host) || host === options.hostname) {
			const answer = httpGet(options.disk(), path, port);
			options.onLocalHttp?.(path, port, answer);
			return answer;
		}

		return options.probe ? options.probe(host, port, path) : {unresolved: true};
	};

	const sudo: Command = (ctx, [, ...args]) => {
		let i = 0;
		let target = 'root';
		let loginShell = false;
		while (i < args.length && args[i].startsWith('-')) {
			const a = args[i];
			if (a === '-u') target = args[++i] ?? 'root';
			else if (a === '-i' || a === '-s' || a === '--login') loginShell = true;
			else if (a === '--') {
				i++;
				break;
			}

			i++;
		}

		const rest = args.slice(i);
		const switching = (loginShell && rest.length === 0) || (rest[0] === 'su' && rest.slice(1).every(a => a === '-' || a === '-l' || a === 'root')) || ((rest[0] === 'bash' || rest[0] === 'sh') && rest.length === 1);
		if (switching) {
			options.switchUser?.(target);
			return commandResult(0, '', '');
		}

		if (rest.length === 0) return fail(1, 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n');
		const rootMachine = machine.as!(target);
		const program = rootMachine.command(rest[0]);
		if (!program) return fail(1, `sudo: ${rest[0]}: command not found\n`);
		return runProgram(program, {...ctx, machine: rootMachine}, rest);
	};

	const hostnameCmd: Command = (_ctx, [, ...args]) => ok(`${args.includes('-f') || (flavour === 'amazon-linux' && !args.includes('-s')) ? (options.fqdn ?? options.hostname) : options.hostname}\n`);

	const uptime: Command = () => {
		const minutes = Math.max(0, Math.floor((now() - (options.bootedAt ?? now())) / 60_000));
		const up = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
		return ok(` ${new Date(now()).toISOString().slice(11, 19)} up ${up},  1 user,  load average: 0.00, 0.00, 0.00\n`);
	};

	const id: Command = () =>
		ok(
			user === 'root'
				? 'uid=0(root) gid=0(root) groups=0(root)\n'
				: flavour === 'ubuntu'
					? `uid=1000(${user}) gid=1000(${user}) groups=1000(${user}),4(adm),24(cdrom),27(sudo),30(dip),105(lxd)\n`
					: `uid=1000(${user}) gid=1000(${user}) groups=1000(${user}),4(adm),10(wheel),190(systemd-journal)\n`,
		);

	const uname: Command = (_ctx, [, ...args]) => {
		const kernel = KERNEL[flavour];
		if (args.includes('-a')) return ok(`Linux ${options.hostname} ${kernel} #1 SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux\n`);
		if (args.includes('-r')) return ok(`${kernel}\n`);
		return ok('Linux\n');
	};

	// reboot / shutdown -r now: the machine goes down under the shell (the ssh session closes)
	const restart: Command = (ctx, [prog]) => {
		if (user !== 'root') {
			const who = flavour === 'ubuntu' ? `Ubuntu (${user})` : `Cloud User (${user})`;
			return fail(
				1,
				`==== AUTHENTICATING FOR org.freedesktop.login1.reboot ====\nAuthentication is required to reboot the system.\nAuthenticating as: ${who}\nPassword: \n` +
					'polkit-agent-helper-1: pam_authenticate failed: Authentication failure\n==== AUTHENTICATION FAILED ====\nFailed to reboot system via logind: Access denied\n',
			);
		}

		if (!options.reboot) return fail(1, `${prog}: a reboot during first boot is not simulated here\n`);
		options.reboot();
		ctx.shell.exited = {code: 255, hangup: true};
		return {code: 0, out: []};
	};

	const notSimulated = (prog: string) => fail(1, `${prog}: shutting an instance down from inside is not simulated here; use aws ec2 stop-instances from your computer\n`);

	const shutdown: Command = (ctx, argv) => {
		const args = argv.slice(1);
		const reboot = args.some(a => a === '-r' || a === '--reboot');
		const when = args.find(a => !a.startsWith('-'));
		if (args.includes('-c')) return user === 'root' ? ok() : fail(1, 'Failed to cancel shutdown: Access denied\n');
		if (!reboot) return notSimulated('shutdown');
		if (when !== 'now' && when !== '+0') return fail(1, `shutdown: only an immediate reboot is simulated here: sudo shutdown -r now\n`);
		return restart(ctx, argv);
	};

	const aws: Command = () => commandResult(253, '', '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');

	const programs: Record<string, Command> = {
		...commonCommands(now, options.elapse),
		sudo,
		systemctl: (ctx, [, ...args]) => (args.find(a => !a.startsWith('-')) === 'reboot' ? restart(ctx, ['systemctl']) : systemctl(state, args)),
		hostname: hostnameCmd,
		uptime,
		id,
		uname,
		curl: curlCommand(probe, now),
		reboot: restart,
		shutdown,
		poweroff: () => notSimulated('poweroff'),
		halt: () => notSimulated('halt'),
		...(family === 'amazon-linux' ? {aws, dnf: (_ctx, [, ...args]) => dnf(state, args, now()), yum: (_ctx, [, ...args]) => dnf(state, args, now()), rpm: (_ctx, [, ...args]) => rpm(state, args)} : {}),
		...(family === 'ubuntu'
			? {apt: (_ctx, [, ...args]) => apt(state, args, options.region ?? 'us-east-1'), 'apt-get': (_ctx, [, ...args]) => apt(state, args, options.region ?? 'us-east-1')}
			: {}),
		...options.extra,
	} satisfies Record<string, Command>;
	let gated: ReturnType<typeof programTable> | undefined;
	const table = () => (gated ??= programTable(programs, programNames('guest', family)));
	return machine;
};
