import type {LineState} from './line-state.js';
import {fail, ok, type Command, type Machine} from './machine.js';
import {BAD_PERMISSIONS, publicKeyFor} from './ssh.js';

// OpenSSH's ssh-keygen, the one use this game needs: `ssh-keygen -y -f key.pem` prints the public
// half of a private key file (to import it into another Region with import-key-pair).

const NOT_SIMULATED =
	'ssh-keygen: only `ssh-keygen -y -f <private key file>` is simulated here (it prints the public key).\n' +
	'To make a new key pair, use: aws ec2 create-key-pair --key-name <name> --query KeyMaterial --output text > <name>.pem\n';

export const sshKeygenCommand =
	(state: LineState, local: () => Machine): Command =>
	(_ctx, [, ...args]) => {
		let file: string | undefined;
		let print = false;
		for (let i = 0; i < args.length; i++) {
			const a = args[i];
			if (/^-[qy]*f?$/.test(a) && a.length > 1) {
				if (a.includes('y')) print = true;
				if (a.endsWith('f')) file = args[++i];
			} else if (/^-f./.test(a)) file = a.slice(2);
			else return fail(1, NOT_SIMULATED);
		}

		if (!print) return fail(1, NOT_SIMULATED);
		if (file === undefined) return fail(255, 'Enter file in which the key is (/home/student/.ssh/id_rsa): \n/home/student/.ssh/id_rsa: No such file or directory\n');
		const {fs} = local();
		const content = fs.read(file);
		if (typeof content !== 'string') return fail(255, `${file}: ${content.error}\n`);
		const mode = fs.mode?.(file) ?? 0o600;
		if ((mode & 0o077) !== 0) return fail(255, BAD_PERMISSIONS(mode, file));
		const publicKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(content) ? publicKeyFor(state.world, content) : undefined;
		if (!publicKey) return fail(255, `Load key "${file}": invalid format\n`);
		return ok(`${publicKey.split(' ').slice(0, 2).join(' ')}\n`);
	};
