import {DEFAULT_PROFILE, profileSettings} from '../sim/settings/cli-config.js';
import {loginUser} from '../guest/guest.js';
import {instanceReachable} from '../sim/instances/lookup.js';
import {CLEAR_SCREEN} from './commands/common.js';
import {refuseUnknown, runList} from './interpret.js';
import {LOCAL_HOME, tickLine, type LineState} from './line-state.js';
import {localMachine} from './local-machine.js';
import type {Chunk, ShellVars} from './machine.js';
import {parseLine} from './parse-line.js';
import {withShown} from './runs.js';
import {diskOf, instanceOf, remoteMachine} from './remote.js';
import {callChangedWorld, type LineResult, type Session} from './session.js';

export {completionCandidates} from './completion.js';
export {promptFor} from './prompt.js';

// THE function behind the player's prompt, `ami-school play --script` and lesson set-up: one
// line of shell in, the new session and what the terminal shows out. Pure (the session passed
// in is never changed; files are virtual) and it never throws.

/** A record keyed by what the player typed (file names, variables): no prototype, so `__proto__` or `constructor` is just a name. */
const dict = <T>(from?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, from);

const toState = (session: Session, line: string): LineState => ({
	world: session.world,
	region: session.configRegion ?? session.region,
	files: dict(session.files),
	modes: dict(session.fileModes),
	knownHosts: [...(session.knownHosts ?? [])],
	calls: [],
	runs: [],
	runStack: [],
	remote: session.remote ? {...session.remote} : undefined,
	remoteShell: session.remoteShell ? {cwd: session.remoteShell.cwd, vars: dict(session.remoteShell.vars)} : undefined,
	cwd: session.cwd ?? LOCAL_HOME,
	width: session.terminalWidth,
	history: [...session.history.map(h => h.line), line],
});

const joined = (chunks: Chunk[], fd: 1 | 2) =>
	chunks
		.filter(c => c.fd === fd)
		.map(c => c.text)
		.join('');

/** the session has an ssh connection whose instance is still there to talk to */
const remoteAlive = (state: LineState): boolean => {
	const remote = state.remote!;
	const instance = instanceOf(state, remote.region, remote.instanceId);
	return instance !== undefined && instanceReachable(state.world, remote.region, instance, 22);
};

const runRemote = (state: LineState, list: Parameters<typeof runList>[0]): {code: number; out: Chunk[]} => {
	const remote = state.remote!;
	if (!remoteAlive(state)) {
		state.remote = undefined;
		state.remoteShell = undefined;
		return {code: 255, out: [{fd: 2, text: `Connection to ${remote.host} closed by remote host.\nConnection to ${remote.host} closed.\n`}]};
	}

	const shellState = state.remoteShell ?? {cwd: `/home/${remote.user}`, vars: dict<string>()};
	let switchedTo: string | undefined;
	const machine = remoteMachine(state, {region: remote.region, instanceId: remote.instanceId, user: remote.user, cwd: shellState.cwd}, user => {
		switchedTo = user;
	});
	if (!machine) return {code: 255, out: [{fd: 2, text: `Connection to ${remote.host} closed.\n`}]};
	const refused = refuseUnknown(list, machine);
	if (refused) return refused;
	const shell: ShellVars = {vars: shellState.vars, exported: new Set(), lastExit: 0};
	const result = runList(list, {machine, shell}, '');
	if (shell.exited?.hangup) {
		// the instance went down under the session (sudo reboot): ssh says so and the prompt is local again
		state.remote = undefined;
		state.remoteShell = undefined;
		return {code: 255, out: [...result.out, {fd: 2, text: `Connection to ${remote.host} closed by remote host.\nConnection to ${remote.host} closed.\n`}]};
	}

	state.remoteShell = {cwd: machine.cwd, vars: shell.vars};
	if (switchedTo && !shell.exited) {
		state.remote = {...remote, user: switchedTo};
		state.remoteShell = {cwd: switchedTo === 'root' ? '/root' : `/home/${switchedTo}`, vars: shell.vars};
	}

	if (shell.exited) {
		const disk = diskOf(state, remote.region, remote.instanceId);
		const login = disk ? loginUser(disk) : undefined;
		if (remote.user === 'root' && login && login !== 'root') {
			state.remote = {...remote, user: login};
			state.remoteShell = {cwd: `/home/${login}`, vars: {}};
			return {code: shell.exited.code, out: [...result.out, {fd: 1, text: 'logout\n'}]};
		}

		state.remote = undefined;
		state.remoteShell = undefined;
		return {code: shell.exited.code, out: [...result.out, {fd: 1, text: 'logout\n'}, {fd: 2, text: `Connection to ${remote.host} closed.\n`}]};
	}

	return result;
};

const execute = (session: Session, line: string): LineResult => {
	const parsed = parseLine(line);
	if (!parsed.ok && parsed.incomplete) return {session, stdout: '', stderr: '', exitCode: session.lastExitCode ?? 0, incomplete: true};
	if (line.trim() === '') return {session, stdout: '', stderr: '', exitCode: session.lastExitCode ?? 0};

	const state = toState(session, line);
	let code: number;
	let out: Chunk[];
	let exit = false;
	const vars = dict(session.vars);
	const exported = new Set(session.exported ?? []);
	if (!parsed.ok) {
		code = 2;
		out = [{fd: 2, text: `bash: ${parsed.error}\n`}];
	} else if (state.remote) {
		({code, out} = runRemote(state, parsed.list));
	} else {
		const machine = localMachine(state);
		const shell: ShellVars = {vars, exported, lastExit: session.lastExitCode ?? 0};
		({code, out} = refuseUnknown(parsed.list, machine) ?? runList(parsed.list, {machine, shell}, ''));
		if (shell.exited) {
			exit = true;
			out.push({fd: 2, text: 'exit\n'});
		}
	}

	// time moves on one tick per command typed: runAws ticks for each aws call itself, so only a
	// line that made no API call ticks here (after it ran, i.e. before the next one)
	if (state.calls.length === 0) tickLine(state);

	// `export AWS_DEFAULT_REGION=…` (or AWS_REGION, which wins) sets the Region of later aws commands;
	// once neither is set (`unset`), the configured Region applies again
	// `aws configure set region …` changes the configured Region itself
	let configRegion = session.configRegion ?? session.region;
	const configured = profileSettings(state.world, configRegion, DEFAULT_PROFILE)?.region;
	if (configured !== undefined && configured !== configRegion) {
		configRegion = configured;
		state.region = configured;
	}

	for (const name of ['AWS_DEFAULT_REGION', 'AWS_REGION']) {
		if (exported.has(name) && vars[name]) state.region = vars[name];
	}

	let clear = false;
	const clearAt = out.findLastIndex(c => c.text.includes(CLEAR_SCREEN));
	if (clearAt !== -1) {
		clear = true;
		const rest = out[clearAt].text.slice(out[clearAt].text.lastIndexOf(CLEAR_SCREEN) + CLEAR_SCREEN.length);
		out = [...(rest ? [{...out[clearAt], text: rest}] : []), ...out.slice(clearAt + 1)];
	}

	const next: Session = {
		...session,
		world: state.world,
		region: state.region,
		files: state.files,
		fileModes: state.modes,
		vars,
		exported: [...exported].sort(),
		knownHosts: state.knownHosts,
		history: [...session.history, {line, exitCode: code, calls: state.calls, runs: withShown(state.runs, out), ...(state.changed || state.calls.some(callChangedWorld) ? {changed: true as const} : {})}],
		remote: state.remote,
		remoteShell: state.remoteShell,
		cwd: state.cwd,
		lastExitCode: code,
		configRegion,
	};
	if (next.configRegion === next.region) delete next.configRegion;
	if (!next.remote) delete next.remote;
	if (!next.remoteShell) delete next.remoteShell;
	return {
		session: next,
		stdout: joined(out, 1),
		stderr: joined(out, 2),
		exitCode: code,
		chunks: out,
		...(clear ? {clear} : {}),
		...(exit ? {exit} : {}),
	};
};

/** Runs one line typed at the prompt (or several joined by newlines). Never throws. */
export const runLine = (session: Session, line: string): LineResult => {
	try {
		return execute(session, line);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {session, stdout: '', stderr: `bash: internal error: ${message}\n`, exitCode: 1};
	}
};
