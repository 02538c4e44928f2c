import {portTaken} from '../../guest/guest.js';
import {SERVICES} from '../../guest/packages.js';
import type {Disk} from '../../sim/core/types.js';
import {commandResult, type CmdResult} from '../machine.js';

// systemctl as systemd 252 (Amazon Linux 2023) / 255 (Ubuntu 24.04) prints it.

export type GuestState = {disk(): Disk; update(fn: (disk: Disk) => void): void; user: string; family: 'amazon-linux' | 'ubuntu' | 'linux'};

const unitName = (arg: string) => arg.replace(/\.service$/, '');

const ALIASES: Record<string, string> = {ssh: 'sshd', sshd: 'sshd'};

const lookupUnit = (disk: Disk, name: string): string | undefined => {
	if (disk.services[name]) return name;
	const alias = ALIASES[name];
	return alias && disk.services[alias] ? alias : undefined;
};

const pid = (name: string): number => {
	let h = 0;
	for (const c of name) h = (h * 31 + c.codePointAt(0)!) % 7000;
	return 1000 + h;
};

const unitPath = (name: string) => `/usr/lib/systemd/system/${name}.service`;

const denied = (state: GuestState, verb: string, unit: string): string => {
	const who = state.family === 'ubuntu' ? `Ubuntu (${state.user})` : `Cloud User (${state.user})`;
	const files = verb === 'enable' || verb === 'disable';
	return (
		`==== AUTHENTICATING FOR org.freedesktop.systemd1.${files ? 'manage-unit-files' : 'manage-units'} ====\n` +
		`${files ? 'Authentication is required to manage system service or unit files.' : `Authentication is required to ${verb} '${unit}.service'.`}\n` +
		`Authenticating as: ${who}\nPassword: \npolkit-agent-helper-1: pam_authenticate failed: Authentication failure\n==== AUTHENTICATION FAILED ====\n` +
		(files ? `Failed to ${verb} unit: Access denied\n` : `Failed to ${verb} ${unit}.service: Access denied\nSee system logs and 'systemctl status ${unit}.service' for details.\n`)
	);
};

const status = (disk: Disk, names: string[], family: GuestState['family']): CmdResult => {
	let out = '';
	let err = '';
	let code = 0;
	for (const raw of names) {
		const name = lookupUnit(disk, raw);
		if (!name) {
			err += `Unit ${raw}.service could not be found.\n`;
			code = 4;
			continue;
		}

		const state = disk.services[name];
		const spec = SERVICES[name];
		const preset = family === 'ubuntu' ? 'enabled' : 'disabled';
		out +=
			`${out ? '\n' : ''}${state.active ? '●' : '○'} ${name}.service - ${spec?.description ?? name}\n` +
			`     Loaded: loaded (${unitPath(name)}; ${state.enabled ? 'enabled' : 'disabled'}; preset: ${preset})\n` +
			`     Active: ${state.active ? 'active (running)' : 'inactive (dead)'}\n` +
			(spec ? `       Docs: ${spec.docs}\n` : '') +
			(state.active ? `   Main PID: ${pid(name)} (${spec?.binary ?? name})\n` : '');
		if (!state.active && code === 0) code = 3;
	}

	return commandResult(code, out, err);
};

export const systemctl = (state: GuestState, args: string[]): CmdResult => {
	const flags = args.filter(a => a.startsWith('-'));
	const [verb, ...rest] = args.filter(a => !a.startsWith('-'));
	const units = rest.map(unitName);
	const now = flags.includes('--now');
	const root = state.user === 'root';
	const disk = state.disk();
	if (verb === undefined) return commandResult(0, '  UNIT                        LOAD   ACTIVE SUB     DESCRIPTION\n', '');
	if (['start', 'stop', 'restart', 'reload', 'enable', 'disable', 'is-active', 'is-enabled', 'status'].includes(verb) && units.length === 0) {
		return commandResult(1, '', verb === 'status' ? '' : `Too few arguments.\n`);
	}

	switch (verb) {
		case 'status':
			return status(disk, units, state.family);
		case 'is-active': {
			const answers = units.map(u => (disk.services[lookupUnit(disk, u) ?? '']?.active ? 'active' : 'inactive'));
			return commandResult(answers.every(a => a === 'active') ? 0 : 3, answers.map(a => `${a}\n`).join(''), '');
		}

		case 'is-enabled': {
			let out = '';
			let err = '';
			let code = 0;
			for (const u of units) {
				const name = lookupUnit(disk, u);
				if (!name) {
					err += `Failed to get unit file state for ${u}.service: No such file or directory\n`;
					code = 1;
				} else {
					out += `${disk.services[name].enabled ? 'enabled' : 'disabled'}\n`;
					if (!disk.services[name].enabled) code = 1;
				}
			}

			return commandResult(code, out, err);
		}

		case 'daemon-reload':
			return root ? commandResult(0, '', '') : commandResult(1, '', denied(state, 'reload', 'daemon'));
		case 'start':
		case 'stop':
		case 'restart':
		case 'reload':
		case 'enable':
		case 'disable':
			break;
		default:
			return commandResult(1, '', `Unknown command verb ${verb}.\n`);
	}

	for (const u of units) {
		if (!lookupUnit(disk, u)) {
			if (verb === 'enable' || verb === 'disable') return commandResult(1, '', `Failed to ${verb} unit: Unit file ${u}.service does not exist.\n`);
			return commandResult(5, '', `Failed to ${verb} ${u}.service: Unit ${u}.service not found.\n`);
		}
	}

	if (!root) return commandResult(1, '', denied(state, verb, units[0]));
	let err = '';
	let code = 0;
	state.update(d => {
		for (const u of units) {
			const name = lookupUnit(d, u)!;
			const service = d.services[name];
			if (verb === 'enable' || verb === 'disable') {
				const want = verb === 'enable';
				if (service.enabled !== want) {
					err += want
						? `Created symlink /etc/systemd/system/multi-user.target.wants/${name}.service → ${unitPath(name)}.\n`
						: `Removed "/etc/systemd/system/multi-user.target.wants/${name}.service".\n`;
				}

				service.enabled = want;
				if (!now) continue;
			}

			if (verb === 'stop' || verb === 'disable') {
				service.active = false;
				continue;
			}

			if (verb === 'reload' && !service.active) {
				err += `${name}.service is not active, cannot reload.\n`;
				code = 1;
				continue;
			}

			const rival = portTaken(d, name);
			if (rival) {
				service.active = false;
				err += `Job for ${name}.service failed because the control process exited with error code.\nSee "systemctl status ${name}.service" and "journalctl -xeu ${name}.service" for details.\n`;
				code = 1;
				continue;
			}

			service.active = true;
		}
	});
	return commandResult(code, '', err);
};
