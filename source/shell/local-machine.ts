import {runAws} from '../cli/run-aws.js';
import {commonCommands} from './commands/common.js';
import {curlCommand} from './commands/curl.js';
import {shellGuest} from './guest/boot.js';
import {elapse as elapseLine, LOCAL_HOME, LOCAL_HOST, LOCAL_USER, type LineState} from './line-state.js';
import {commandResult, fail, ok, programTable, type Command, type Machine} from './machine.js';
import {programNames} from './programs.js';
import {PLAYER_PUBLIC_IP, worldProbe} from './network.js';
import {sshCommand} from './ssh.js';
import {sshKeygenCommand} from './ssh-keygen.js';
import {currentRun, traceRuns} from './runs.js';
import {treeFs} from './tree-fs.js';

// The player's own computer: a home directory of files (key.pem, userdata.sh…), the AWS CLI,
// ssh and curl to their instances, and the usual coreutils.

/** local files are stored relative to the home directory; anything else by absolute path */
export const localKey = (abs: string): string => (abs.startsWith(`${LOCAL_HOME}/`) ? abs.slice(LOCAL_HOME.length + 1) : abs);
const localAbs = (key: string): string => (key.startsWith('/') ? key : `${LOCAL_HOME}/${key}`);

const NEW_FILE_MODE = 0o644;

const parseMode = (spec: string, current: number): number | undefined => {
	if (/^[0-7]{1,4}$/.test(spec)) return Number.parseInt(spec, 8) & 0o777;
	let mode = current;
	for (const clause of spec.split(',')) {
		const m = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
		if (!m) return undefined;
		const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
		let bits = 0;
		for (const w of who) {
			const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
			for (const p of m[3]) bits |= (p === 'r' ? 4 : p === 'w' ? 2 : 1) << shift;
		}

		const whoMask = [...who].reduce((acc, w) => acc | (7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0)), 0);
		if (m[2] === '+') mode |= bits;
		else if (m[2] === '-') mode &= ~bits;
		else mode = (mode & ~whoMask) | bits;
	}

	return mode & 0o777;
};

export const localMachine = (state: LineState): Machine => {
	const fs = treeFs({
		files() {
			const out = Object.create(null) as Record<string, string>;
			for (const [key, content] of Object.entries(state.files)) out[localAbs(key)] = content;
			return out;
		},
		set(abs, content) {
			state.changed = true;
			const key = localKey(abs);
			if (content === undefined) {
				delete state.files[key];
				delete state.modes[key];
			} else {
				if (!Object.hasOwn(state.files, key) && !key.endsWith('/')) state.modes[key] = NEW_FILE_MODE;
				state.files[key] = content;
			}
		},
		home: LOCAL_HOME,
		cwd: () => state.cwd,
		baseDirs: ['/home', LOCAL_HOME, '/tmp', '/etc', '/usr', '/usr/bin', '/var', '/dev'],
		canWrite: abs => abs.startsWith(`${LOCAL_HOME}/`) || abs.startsWith('/tmp/'),
	});
	fs.mode = path => {
		const key = localKey(fs.resolve(path));
		return (Object.hasOwn(state.modes, key) ? state.modes[key] : undefined) ?? (fs.isDir(path) ? 0o755 : NEW_FILE_MODE);
	};
	fs.chmod = (path, mode) => {
		const abs = fs.resolve(path);
		if (!fs.isDir(path) && typeof fs.read(path) !== 'string') return {error: 'No such file or directory'};
		state.modes[localKey(abs)] = mode;
		state.changed = true;
		return undefined;
	};

	const now = () => state.world.clock;
	const elapse = (ms: number) => elapseLine(state, ms);

	const aws: Command = (ctx, [, ...args]) => {
		const outcome = runAws(state.world, args, {
			readFile(path) {
				const content = fs.read(path.startsWith('file://') ? path.slice(7) : path);
				return typeof content === 'string' ? content : undefined;
			},
			defaultRegion: state.region,
			envRegion: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || undefined,
			envOutput: ctx.env.AWS_DEFAULT_OUTPUT || undefined,
			envProfile: ctx.env.AWS_PROFILE || ctx.env.AWS_DEFAULT_PROFILE || undefined,
			width: state.width,
			guest: shellGuest,
		});
		state.world = outcome.world;
		state.calls.push(...outcome.calls);
		const run = currentRun(state);
		if (run) run.calls = [...(run.calls ?? []), ...outcome.calls];
		return commandResult(outcome.exitCode, outcome.stdout, outcome.stderr);
	};

	const chmod: Command = (_ctx, [, ...args]) => {
		const [spec, ...files] = args.filter(a => a !== '-R' && a !== '-v');
		if (spec === undefined) return fail(1, "chmod: missing operand\nTry 'chmod --help' for more information.\n");
		if (files.length === 0) return fail(1, `chmod: missing operand after '${spec}'\nTry 'chmod --help' for more information.\n`);
		let errors = '';
		for (const file of files) {
			const mode = parseMode(spec, fs.mode!(file));
			if (mode === undefined) return fail(1, `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
			const changed = fs.chmod!(file, mode);
			if (changed) errors += `chmod: cannot access '${file}': ${changed.error}\n`;
		}

		return fail(errors ? 1 : 0, errors);
	};

	const history: Command = () => ok(state.history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(''));

	const programs: Record<string, Command> = {
		...commonCommands(now, elapse),
		aws,
		chmod,
		history,
		curl: curlCommand(worldProbe(state, PLAYER_PUBLIC_IP), now, elapse),
		ssh: sshCommand(state, () => machine, elapse),
		'ssh-keygen': sshKeygenCommand(state, () => machine),
		hostname: () => ok(`${LOCAL_HOST}\n`),
	};

	const machine: Machine = {
		kind: 'local',
		user: LOCAL_USER,
		home: LOCAL_HOME,
		get cwd() {
			return state.cwd;
		},
		set cwd(value: string) {
			state.cwd = value;
		},
		hostname: LOCAL_HOST,
		fs,
		...programTable(programs, programNames('local')),
		onRun: traceRuns(state),
	};
	return machine;
};
