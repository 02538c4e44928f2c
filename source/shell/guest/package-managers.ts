import {installPackage, removePackage} from '../../guest/guest.js';
import {APT_PACKAGES, DNF_PACKAGES, type PackageSpec} from '../../guest/packages.js';
import {commandResult, type CmdResult} from '../machine.js';
import type {GuestState} from './systemctl.js';

// dnf (Amazon Linux 2023, dnf 4) and apt (Ubuntu 24.04): install and remove from the small
// repositories in guest-packages.ts, printing what the real tools print.

const RULE = '='.repeat(80);

/** versions of the base system's packages, for `rpm -q` */
const BASE_VERSIONS: Record<string, string> = {
	bash: '5.2.15-1.amzn2023.0.2',
	coreutils: '8.32-30.amzn2023.0.3',
	curl: '8.11.1-4.amzn2023.0.1',
	dnf: '4.14.0-1.amzn2023.0.6',
	'openssh-server': '8.7p1-8.amzn2023.0.14',
	sudo: '1.9.15-1.p5.amzn2023.0.1',
	systemd: '252.23-2.amzn2023',
};

const noEpoch = (version: string) => version.replace(/^\d+:/, '');

export const rpmName = (name: string, spec: PackageSpec | undefined): string => {
	const version = spec ? noEpoch(spec.version) : (BASE_VERSIONS[name] ?? '1.0-1.amzn2023');
	return `${name}-${version}.${spec?.arch ?? 'x86_64'}`;
};

const ctime = (ms: number): string => {
	const d = new Date(ms);
	const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
	const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
	return `${day} ${month} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
};

const NOT_ROOT_DNF = 'Error: This command has to be run with superuser privileges (under the root user on most systems).\n';

export const dnf = (state: GuestState, args: string[], now: number): CmdResult => {
	const yes = args.some(a => a === '-y' || a === '--assumeyes' || /^-[a-zA-Z]*y/.test(a));
	const quiet = args.some(a => a === '-q' || a === '--quiet');
	const words = args.filter(a => !a.startsWith('-'));
	const [verb, ...names] = words;
	if (verb === undefined) return commandResult(1, '', 'usage: dnf [options] COMMAND\n\nList of Main Commands:\n\ninstall                   install a package or packages on your system\nremove                    remove a package or packages from your system\n');
	const metadata = quiet ? '' : `Last metadata expiration check: 0:00:0${now % 7} ago on ${ctime(now - (now % 7) * 1000)}.\n`;
	const disk = state.disk();
	switch (verb) {
		case 'install':
		case 'reinstall': {
			if (state.user !== 'root') return commandResult(1, '', NOT_ROOT_DNF);
			if (names.length === 0) return commandResult(1, '', 'Error: Need to pass a list of pkgs to install\n');
			const unknown = names.filter(n => !DNF_PACKAGES[n] && !disk.packages.includes(n));
			if (unknown.length > 0) {
				return commandResult(1, metadata + unknown.map(n => `No match for argument: ${n}\n`).join(''), `Error: Unable to find a match: ${unknown.join(' ')}\n`);
			}

			const already = names.filter(n => disk.packages.includes(n));
			const todo = [...new Set(names.filter(n => !disk.packages.includes(n)))];
			let out = metadata + already.map(n => `Package ${rpmName(n, DNF_PACKAGES[n])} is already installed.\n`).join('');
			if (todo.length === 0) return commandResult(0, `${out}Dependencies resolved.\nNothing to do.\nComplete!\n`, '');
			const table = todo.map(n => {
				const spec = DNF_PACKAGES[n];
				return ` ${n.padEnd(24)} ${spec.arch.padEnd(7)} ${spec.version.padEnd(27)} ${'amazonlinux'.padEnd(12)} ${spec.size.padStart(5)}\n`;
			});
			out +=
				`Dependencies resolved.\n${RULE}\n ${'Package'.padEnd(24)} ${'Arch'.padEnd(7)} ${'Version'.padEnd(27)} ${'Repository'.padEnd(12)} ${'Size'.padStart(5)}\n${RULE}\nInstalling:\n${table.join('')}\n` +
				`Transaction Summary\n${RULE}\nInstall  ${todo.length} Package${todo.length === 1 ? '' : 's'}\n\n`;
			if (!yes) return commandResult(1, `${out}Is this ok [y/N]: Operation aborted.\n`, '');
			out += 'Downloading Packages:\nRunning transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n';
			todo.forEach((n, i) => {
				out += `  Installing       : ${rpmName(n, DNF_PACKAGES[n]).padEnd(50)} ${i + 1}/${todo.length}\n`;
			});
			out += `\nInstalled:\n${todo.map(n => `  ${rpmName(n, DNF_PACKAGES[n])}\n`).join('')}\nComplete!\n`;
			state.update(d => {
				for (const n of todo) installPackage(d, n, DNF_PACKAGES[n]);
			});
			return commandResult(0, out, '');
		}

		case 'remove':
		case 'erase': {
			if (state.user !== 'root') return commandResult(1, '', NOT_ROOT_DNF);
			const present = names.filter(n => disk.packages.includes(n));
			const missing = names.filter(n => !disk.packages.includes(n));
			let out = missing.map(n => `No match for argument: ${n}\n`).join('');
			if (present.length === 0) return commandResult(0, `${out}No packages marked for removal.\nDependencies resolved.\nNothing to do.\nComplete!\n`, '');
			out += `Dependencies resolved.\n${RULE}\nRemoving:\n${present.map(n => ` ${n.padEnd(24)} ${(DNF_PACKAGES[n]?.arch ?? 'x86_64').padEnd(7)} ${DNF_PACKAGES[n]?.version ?? ''}\n`).join('')}\nTransaction Summary\n${RULE}\nRemove  ${present.length} Package${present.length === 1 ? '' : 's'}\n\n`;
			if (!yes) return commandResult(1, `${out}Is this ok [y/N]: Operation aborted.\n`, '');
			out += `Running transaction\n\nRemoved:\n${present.map(n => `  ${rpmName(n, DNF_PACKAGES[n])}\n`).join('')}\nComplete!\n`;
			state.update(d => {
				for (const n of present) removePackage(d, n, DNF_PACKAGES[n]);
			});
			return commandResult(0, out, '');
		}

		case 'update':
		case 'upgrade':
			if (state.user !== 'root') return commandResult(1, '', NOT_ROOT_DNF);
			return commandResult(0, `${metadata}Dependencies resolved.\nNothing to do.\nComplete!\n`, '');
		case 'check-update':
			return commandResult(0, metadata, '');
		case 'list': {
			const installed = disk.packages.map(n => `${`${n}.${DNF_PACKAGES[n]?.arch ?? 'x86_64'}`.padEnd(40)} ${(DNF_PACKAGES[n]?.version ?? BASE_VERSIONS[n] ?? '1.0-1.amzn2023').padEnd(28)} @System\n`);
			return commandResult(0, `Installed Packages\n${installed.join('')}`, '');
		}

		default:
			return commandResult(1, '', `No such command: ${verb}. Please use /usr/bin/dnf --help\nIt could be a DNF plugin command, try: "dnf install 'dnf-command(${verb})'"\n`);
	}
};

export const rpm = (state: GuestState, args: string[]): CmdResult => {
	const disk = state.disk();
	const names = args.filter(a => !a.startsWith('-'));
	if (args.some(a => /^-q[a-z]*a/.test(a) || a === '-qa')) return commandResult(0, disk.packages.map(n => `${rpmName(n, DNF_PACKAGES[n])}\n`).join(''), '');
	if (!args.some(a => a.startsWith('-q'))) return commandResult(1, '', 'rpm: no operation specified\n');
	if (names.length === 0) return commandResult(1, '', 'rpm: no arguments given for query\n');
	let out = '';
	let missing = 0;
	for (const n of names) {
		if (disk.packages.includes(n)) out += `${rpmName(n, DNF_PACKAGES[n])}\n`;
		else {
			out += `package ${n} is not installed\n`;
			missing++;
		}
	}

	return commandResult(missing, out, '');
};

// ----------------------------------------------------------------------------- apt

const NOT_ROOT_APT = 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n';
const READING = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';

export const apt = (state: GuestState, args: string[], region: string): CmdResult => {
	const yes = args.some(a => a === '-y' || a === '--yes' || a === '--assume-yes' || /^-[a-zA-Z]*y/.test(a));
	const words = args.filter(a => !a.startsWith('-'));
	const [verb, ...names] = words;
	const disk = state.disk();
	const mirror = `http://${region}.ec2.archive.ubuntu.com/ubuntu`;
	switch (verb) {
		case 'update':
			if (state.user !== 'root') return commandResult(100, 'Reading package lists... Done\n', 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
			return commandResult(0, `Hit:1 ${mirror} noble InRelease\nHit:2 ${mirror} noble-updates InRelease\nHit:3 ${mirror} noble-backports InRelease\nHit:4 http://security.ubuntu.com/ubuntu noble-security InRelease\n${READING}All packages are up to date.\n`, '');
		case 'upgrade':
			if (state.user !== 'root') return commandResult(100, '', NOT_ROOT_APT);
			return commandResult(0, `${READING}Calculating upgrade... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, '');
		case 'install': {
			if (state.user !== 'root') return commandResult(100, '', NOT_ROOT_APT);
			const unknown = names.find(n => !APT_PACKAGES[n] && !disk.packages.includes(n));
			if (unknown) return commandResult(100, READING, `E: Unable to locate package ${unknown}\n`);
			const already = names.filter(n => disk.packages.includes(n));
			const todo = [...new Set(names.filter(n => !disk.packages.includes(n)))];
			let out = READING + already.map(n => `${n} is already the newest version (${APT_PACKAGES[n]?.version ?? '1.0'}).\n`).join('');
			if (todo.length === 0) return commandResult(0, `${out}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, '');
			out += `The following NEW packages will be installed:\n  ${todo.join(' ')}\n0 upgraded, ${todo.length} newly installed, 0 to remove and 0 not upgraded.\n`;
			if (!yes) return commandResult(1, `${out}Do you want to continue? [Y/n] Abort.\n`, '');
			todo.forEach((n, i) => {
				const spec = APT_PACKAGES[n];
				out += `Get:${i + 1} ${mirror} noble-updates/main ${spec.arch} ${n} ${spec.arch} ${spec.version} [${spec.size}]\n`;
			});
			out += todo.map(n => `Selecting previously unselected package ${n}.\nUnpacking ${n} (${APT_PACKAGES[n].version}) ...\n`).join('');
			out += todo.map(n => `Setting up ${n} (${APT_PACKAGES[n].version}) ...\n`).join('');
			for (const n of todo) {
				const service = APT_PACKAGES[n].service;
				if (service && APT_PACKAGES[n].startsOnInstall) {
					out += `Created symlink /etc/systemd/system/multi-user.target.wants/${service}.service → /usr/lib/systemd/system/${service}.service.\n`;
				}
			}

			state.update(d => {
				for (const n of todo) installPackage(d, n, APT_PACKAGES[n]);
			});
			return commandResult(0, out, '');
		}

		case 'remove':
		case 'purge': {
			if (state.user !== 'root') return commandResult(100, '', NOT_ROOT_APT);
			const present = names.filter(n => disk.packages.includes(n));
			let out = READING + names.filter(n => !disk.packages.includes(n)).map(n => `Package '${n}' is not installed, so not removed\n`).join('');
			if (present.length === 0) return commandResult(0, `${out}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, '');
			out += `The following packages will be REMOVED:\n  ${present.join(' ')}\n0 upgraded, 0 newly installed, ${present.length} to remove and 0 not upgraded.\n`;
			if (!yes) return commandResult(1, `${out}Do you want to continue? [Y/n] Abort.\n`, '');
			out += present.map(n => `Removing ${n} (${APT_PACKAGES[n]?.version ?? '1.0'}) ...\n`).join('');
			state.update(d => {
				for (const n of present) removePackage(d, n, APT_PACKAGES[n]);
			});
			return commandResult(0, out, '');
		}

		case undefined:
			return commandResult(1, 'apt 2.7.14 (amd64)\nUsage: apt [options] command\n', '');
		default:
			return commandResult(100, '', `E: Invalid operation ${verb}\n`);
	}
};
