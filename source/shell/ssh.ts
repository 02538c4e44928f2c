import {loginUser, osFamily} from '../guest/guest.js';
import {sameKeyMaterial} from '../sim/key-pairs/key-material.js';
import type {World} from '../sim/core/types.js';
import {keyPairByName} from '../sim/key-pairs/lookup.js';
import {runScript} from './interpret.js';
import {LOCAL_USER, type LineState} from './line-state.js';
import {commandResult, type Chunk, type Command, type Machine, type ShellVars} from './machine.js';
import {instanceReachable} from '../sim/instances/lookup.js';
import {findHostByPublicIp, resolveHost, type Host} from './network.js';
import {remoteMachine} from './remote.js';
import {noteReached} from './runs.js';

// OpenSSH's client against the simulated instances: connection (public IP, running, security
// group allows TCP 22), host key, private key file (present, not readable by others, the
// key pair the instance was launched with), user (ec2-user / ubuntu), then a session or a command.

export const SSH_TIMEOUT_MS = 127_000;

const AL2023_BANNER = `   ,     #_
   ~\\_  ####_        Amazon Linux 2023
  ~~  \\_#####\\
  ~~     \\###|
  ~~       \\#/ ___   https://aws.amazon.com/linux/amazon-linux-2023
   ~~       V~' '->
    ~~~         /
      ~~._.   _/
         _/ _/
       _/m/'
`;

const ubuntuBanner = (host: Host) =>
	`Welcome to Ubuntu 24.04.3 LTS (GNU/Linux 6.8.0-1031-aws x86_64)\n\n * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n * Support:        https://ubuntu.com/pro\n\n` +
	`To run a command as administrator (user "root"), use "sudo <command>".\nSee "man sudo_root" for details.\n\n${host.instance.PrivateIpAddress ? '' : ''}`;

export const BAD_PERMISSIONS = (mode: number, file: string) =>
	'@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n' +
	'@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n' +
	'@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n' +
	`Permissions 0${mode.toString(8).padStart(3, '0')} for '${file}' are too open.\n` +
	'It is required that your private key files are NOT accessible by others.\n' +
	'This private key will be ignored.\n' +
	`Load key "${file}": bad permissions\n`;

/** the public key of a private key file's content: the key pair (any Region) whose material it is */
export const publicKeyFor = (world: World, privateKey: string): string | undefined => {
	if (!privateKey.trim()) return undefined;
	for (const region of Object.values(world.regions)) {
		for (const pair of region.keyPairs.values()) if (sameKeyMaterial(pair.KeyMaterial, privateKey)) return pair.PublicKey.trim();
	}

	return undefined;
};

/** the key is one the login user accepts: in authorized_keys on the disk (cloud-init wrote it at first boot) */
const keyAccepted = (world: World, host: Host, user: string, publicKey: string): boolean => {
	const authorized = host.disk?.files[`/home/${user}/.ssh/authorized_keys`];
	if (authorized !== undefined) return authorized.split('\n').some(line => line.trim().startsWith(publicKey.split(' ').slice(0, 2).join(' ')));
	// an instance that booted before the guest model knew about authorized_keys: its launch key
	const pair = host.instance.KeyName ? keyPairByName(world.regions[host.region], host.instance.KeyName) : undefined;
	return pair?.PublicKey.trim() === publicKey;
};

type SshArgs = {identity?: string; user?: string; host?: string; command: string[]; port: number; error?: string};

const parseArgs = (args: string[]): SshArgs => {
	const parsed: SshArgs = {command: [], port: 22};
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (parsed.host !== undefined) {
			parsed.command.push(a);
			continue;
		}

		if (a === '-i') parsed.identity = args[++i];
		else if (a.startsWith('-i') && a.length > 2) parsed.identity = a.slice(2);
		else if (a === '-l') parsed.user = args[++i];
		else if (a === '-p') parsed.port = Number(args[++i]);
		else if (a === '-o' || a === '-F' || a === '-E') i++;
		else if (a.startsWith('-')) {
			// -t, -v, -q, -A, -4…: nothing to simulate
		} else {
			const at = a.lastIndexOf('@');
			if (at === -1) parsed.host = a;
			else {
				parsed.user = a.slice(0, at);
				parsed.host = a.slice(at + 1);
			}
		}
	}

	return parsed;
};

const USAGE =
	'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n';

export const sshCommand =
	(state: LineState, local: () => Machine, elapse: (ms: number) => void): Command =>
	(ctx, [, ...args]) => {
		const a = parseArgs(args);
		if (!a.host) return commandResult(255, '', USAGE);
		const err: Chunk[] = [];
		const say = (text: string) => err.push({fd: 2, text});
		let keyContent: string | undefined;
		if (a.identity !== undefined) {
			const content = local().fs.read(a.identity);
			if (typeof content === 'string') keyContent = content;
			else say(`Warning: Identity file ${a.identity} not accessible: No such file or directory.\n`);
		}

		const ip = resolveHost(a.host);
		if (!ip) return {code: 255, out: [...err, {fd: 2, text: `ssh: Could not resolve hostname ${a.host}: Name or service not known\n`}]};
		const host = findHostByPublicIp(state.world, ip);
		if (!host || !instanceReachable(state.world, host.region, host.instance, a.port)) {
			elapse(SSH_TIMEOUT_MS);
			return {code: 255, out: [...err, {fd: 2, text: `ssh: connect to host ${a.host} port ${a.port}: Connection timed out\n`}]};
		}

		const sshd = host.disk && (host.disk.services.sshd?.active || host.disk.services.ssh?.active);
		if (a.port !== 22 || !sshd || !host.disk || osFamily(host.disk) === 'windows') {
			return {code: 255, out: [...err, {fd: 2, text: `ssh: connect to host ${a.host} port ${a.port}: Connection refused\n`}]};
		}

		noteReached(state, {region: host.region, instanceId: host.instance.InstanceId});
		if (!state.knownHosts.includes(ip)) {
			state.knownHosts.push(ip);
			say(`Warning: Permanently added '${a.host}' (ED25519) to the list of known hosts.\n`);
		}

		const user = a.user ?? LOCAL_USER;
		const login = loginUser(host.disk) ?? 'ec2-user';
		const methods = osFamily(host.disk) === 'ubuntu' ? 'publickey' : 'publickey,gssapi-keyex,gssapi-with-mic';
		const denied = () => ({code: 255, out: [...err, {fd: 2 as const, text: `${user}@${a.host}: Permission denied (${methods}).\n`}]});
		if (keyContent === undefined) return denied();
		const mode = local().fs.mode?.(a.identity!) ?? 0o600;
		if ((mode & 0o077) !== 0) {
			say(BAD_PERMISSIONS(mode, a.identity!));
			return denied();
		}

		if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyContent)) {
			say(`Load key "${a.identity}": invalid format\n`);
			return denied();
		}

		const publicKey = publicKeyFor(state.world, keyContent);
		if (!publicKey || (user !== login && user !== 'root') || !keyAccepted(state.world, host, login, publicKey)) return denied();
		if (user === 'root') {
			return {code: 142, out: [...err, {fd: 1, text: `Please login as the user "${login}" rather than the user "root".\n\n`}, {fd: 2, text: `Connection to ${a.host} closed.\n`}]};
		}

		if (a.command.length > 0) {
			const machine = remoteMachine(state, {region: host.region, instanceId: host.instance.InstanceId, user});
			if (!machine) return denied();
			const shell: ShellVars = {vars: {}, exported: new Set(), lastExit: 0};
			const result = runScript(a.command.join(' '), {machine, shell}, ctx.stdin);
			if (shell.exited?.hangup) return {code: 255, out: [...err, ...result.out, {fd: 2, text: `Connection to ${a.host} closed by remote host.\n`}]};
			return {code: result.code, out: [...err, ...result.out]};
		}

		state.remote = {region: host.region, instanceId: host.instance.InstanceId, user, host: a.host};
		state.remoteShell = {cwd: `/home/${user}`, vars: {}};
		const banner = osFamily(host.disk) === 'ubuntu' ? ubuntuBanner(host) : AL2023_BANNER;
		return {code: 0, out: [...err, {fd: 1, text: banner}]};
	};
