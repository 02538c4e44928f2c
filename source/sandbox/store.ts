import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {freshWorld} from '../sim/core/fresh-world.js';
import type {World} from '../sim/core/types.js';
import {upgradeWorld, worldProblem} from './world-check.js';

// The sandbox file behind `ami-school aws …`: one JSON document holding the world.
// - Writes are atomic: a temporary file beside the real file (a symlink is followed to its
//   target, whose permissions are kept) renamed over it.
// - Commands are serialised by a lock file naming its owner (pid, host, process start time). A
//   lock is broken only when its owner is provably gone (same host, and that pid no longer runs
//   or is another process); a live owner, even a paused one, is waited for, then reported.
// - Compare, then write: the file's digest read at load is checked again under the lock just
//   before the rename; if another writer got in between, the command is run again on the new
//   world (or fails clearly), so no command overwrites a version it did not read.

export const SANDBOX_FORMAT = 'ami-school-sandbox';
/** A sandbox file holds one small world; anything bigger is not one of ours. */
export const SANDBOX_MAX_BYTES = 64 * 1024 * 1024;

export class SandboxFileError extends Error {
	constructor(readonly file: string, detail: string, hint = `To start afresh, delete it (rm '${file}') or point AMI_SCHOOL_SANDBOX at another file.`) {
		super(`ami-school: cannot use the sandbox file ${file}: ${detail}${hint ? `\n${hint}` : ''}`);
	}
}

/** Thrown by saveSandbox when the file changed since it was loaded (another writer got in). */
export class SandboxChangedError extends SandboxFileError {
	constructor(file: string) {
		super(file, 'another command changed it while this one ran; nothing was written.', 'Run the command again.');
	}
}

export type LoadedSandbox = {
	world: World;
	/** sha-256 of the bytes read, undefined when the file did not exist */
	digest: string | undefined;
	/** the number of writes so far (informative; the digest is what is compared) */
	revision: number;
};

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The file that is really read and written: a symlink's target (followed through every link). */
export const realTarget = (file: string): string => {
	let current = path.resolve(file);
	for (let hops = 0; hops < 32; hops++) {
		let link: string;
		try {
			link = fs.readlinkSync(current);
		} catch {
			return current;
		}

		current = path.resolve(path.dirname(current), link);
	}

	return current;
};

const readBytes = (file: string): Buffer | undefined => {
	try {
		const size = fs.statSync(file).size;
		if (size > SANDBOX_MAX_BYTES) throw new SandboxFileError(file, `it is ${Math.round(size / 1024 / 1024)} MB, larger than a sandbox file can be (${SANDBOX_MAX_BYTES / 1024 / 1024} MB)`);
		return fs.readFileSync(file);
	} catch (error) {
		if (error instanceof SandboxFileError) throw error;
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new SandboxFileError(file, (error as Error).message);
	}
};

/** Reads the world and its digest; a missing file starts a fresh world. Throws SandboxFileError with a clear message. */
export const loadSandboxFile = (file: string): LoadedSandbox => {
	const bytes = readBytes(file);
	if (bytes === undefined) return {world: freshWorld(), digest: undefined, revision: 0};

	let data: unknown;
	try {
		data = JSON.parse(bytes.toString('utf8'));
	} catch (error) {
		const message = (error as Error).message;
		throw new SandboxFileError(file, `it is not valid JSON (${message.includes('call stack') ? 'nested too deeply' : message})`);
	}

	const doc = data as {format?: unknown; world?: unknown; revision?: unknown};
	if (doc?.format !== SANDBOX_FORMAT) throw new SandboxFileError(file, 'it is not an AMI School sandbox');
	const world = upgradeWorld(doc.world);
	const problem = worldProblem(world);
	if (problem) throw new SandboxFileError(file, `it is damaged: ${problem}`);
	return {world: world as World, digest: digestOf(bytes), revision: typeof doc.revision === 'number' ? doc.revision : 0};
};

/** Reads the world; a missing file starts a fresh world. */
export const loadSandbox = (file: string): World => loadSandboxFile(file).world;

const sameHost = os.hostname();

/** Start time of a process, as the kernel counts it (Linux); undefined where unknown. */
const processStart = (pid: number): string | undefined => {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name (field 2) may hold spaces and parentheses: count from the last ')'
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
};

type LockOwner = {pid: number; host: string; start?: string; since: string};

const ownerText = (owner: LockOwner) => `${JSON.stringify(owner)}\n`;

const readOwner = (lock: string): {owner?: LockOwner; ino: number} | undefined => {
	try {
		const fd = fs.openSync(lock, 'r');
		try {
			const ino = fs.fstatSync(fd).ino;
			const text = fs.readFileSync(fd, 'utf8');
			try {
				const owner = JSON.parse(text) as LockOwner;
				if (typeof owner?.pid === 'number' && typeof owner.host === 'string') return {owner, ino};
			} catch {}

			// an old-style lock (just a pid) or a damaged one
			const pid = Number.parseInt(text, 10);
			return {owner: Number.isSafeInteger(pid) && pid > 0 ? {pid, host: sameHost, since: ''} : undefined, ino};
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		return undefined;
	}
};

/** True only when the owner is provably gone: on this host, and its pid is dead or reused. */
export const ownerIsGone = (owner: LockOwner | undefined): boolean => {
	if (!owner) return true;
	if (owner.host !== sameHost) return false;
	if (owner.pid === process.pid) return false;
	try {
		process.kill(owner.pid, 0);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}

	// alive: but is it the same process, or a new one that got the pid?
	if (owner.start !== undefined) {
		const start = processStart(owner.pid);
		if (start !== undefined && start !== owner.start) return true;
	}

	return false;
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** How long a command waits for another one holding the lock (AMI_SCHOOL_LOCK_WAIT_MS overrides). */
const lockWaitMs = () => {
	const fromEnv = Number(process.env.AMI_SCHOOL_LOCK_WAIT_MS);
	return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 15_000;
};

/** Removes temporary files left by writers that were killed mid-write (their pid is gone). */
const cleanLeftovers = (target: string) => {
	const dir = path.dirname(target);
	const base = path.basename(target);
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}

	for (const name of names) {
		const match = name.startsWith(`${base}.`) ? /^\.(\d+)\.[\w-]+\.tmp$/.exec(name.slice(base.length)) : null;
		if (match && ownerIsGone({pid: Number(match[1]), host: sameHost, since: ''})) {
			try {
				fs.rmSync(path.join(dir, name), {force: true});
			} catch {}
		}
	}
};

/** Takes the lock (atomically, with its owner written in), breaking it only when its owner is gone. */
const acquire = (file: string, lock: string): string => {
	const me: LockOwner = {pid: process.pid, host: sameHost, start: processStart(process.pid), since: new Date().toISOString()};
	const token = ownerText(me);
	const draft = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	try {
		fs.writeFileSync(draft, token, {flag: 'wx'});
	} catch (error) {
		throw new SandboxFileError(file, `its lock file cannot be created (${(error as Error).message})`, '');
	}

	const deadline = Date.now() + lockWaitMs();
	try {
		for (;;) {
			try {
				fs.linkSync(draft, lock); // fails when a lock exists: creation and content in one step
				return token;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new SandboxFileError(file, `its lock file cannot be created (${(error as Error).message})`, '');
			}

			const held = readOwner(lock);
			if (held && ownerIsGone(held.owner)) breakLock(lock, held.ino);
			else if (Date.now() > deadline) {
				const who = held?.owner ? `ami-school (pid ${held.owner.pid}${held.owner.host === sameHost ? '' : ` on ${held.owner.host}`}${held.owner.since ? `, since ${held.owner.since}` : ''})` : 'another ami-school command';
				throw new SandboxFileError(file, `${who} is still using it.`, `Try again when that command ends. If it is stopped (Ctrl+Z), resume it with fg; if it is stuck, end it (kill ${held?.owner?.pid ?? '<pid>'}).`);
			} else sleepSync(5 + Math.floor(Math.random() * 20));
		}
	} finally {
		fs.rmSync(draft, {force: true});
	}
};

/**
 * Breaks a dead owner's lock: moves it aside atomically, then checks that what was moved is the
 * file that was judged (same inode); if a live lock was taken by mistake, it is put back.
 */
const breakLock = (lock: string, judgedIno: number) => {
	const aside = `${lock}.${process.pid}.broken.tmp`;
	try {
		fs.renameSync(lock, aside);
	} catch {
		return; // someone else broke it first
	}

	try {
		if (fs.statSync(aside).ino !== judgedIno) {
			try {
				fs.linkSync(aside, lock);
			} catch {}
		}
	} finally {
		fs.rmSync(aside, {force: true});
	}
};

const release = (lock: string, token: string) => {
	try {
		if (fs.readFileSync(lock, 'utf8') === token) fs.rmSync(lock, {force: true});
	} catch {}
};

/** True when this command still holds the lock (nobody broke it). */
const stillHeld = (lock: string, token: string) => {
	try {
		return fs.readFileSync(lock, 'utf8') === token;
	} catch {
		return false;
	}
};

export type SandboxSession = {
	loaded: LoadedSandbox;
	/** writes the world if the file is still the version loaded; throws SandboxChangedError if not */
	save(world: World): void;
};

/** Refuses to replace a file the user made read-only. */
const checkWritable = (file: string, target: string) => {
	try {
		fs.accessSync(target, fs.constants.W_OK);
		// root may write anything: the file's own mode still says what its owner wants
		if ((fs.statSync(target).mode & 0o222) !== 0) return;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
	}

	throw new SandboxFileError(file, 'it is read-only, so this command, which changes the sandbox, was not run.', `To allow changes: chmod u+w '${target}'`);
};

const writeWorld = (file: string, target: string, world: World, revision: number) => {
	const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	try {
		fs.mkdirSync(path.dirname(target), {recursive: true});
		let mode: number | undefined;
		try {
			mode = fs.statSync(target).mode & 0o7777;
		} catch {}

		fs.writeFileSync(temporary, JSON.stringify({format: SANDBOX_FORMAT, revision, world}), {flag: 'wx', mode: mode ?? 0o666});
		if (mode !== undefined) fs.chmodSync(temporary, mode);
		return temporary;
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw new SandboxFileError(file, `it cannot be written (${(error as Error).message})`, '');
	}
};

/**
 * Runs `work` while holding the sandbox's lock: it gets the loaded world and a save function that
 * compares, then writes. A command whose work throws writes nothing.
 */
export const withSandbox = <T>(file: string, work: (session: SandboxSession) => T): T => {
	const target = realTarget(file);
	const lock = `${target}.lock`;
	try {
		fs.mkdirSync(path.dirname(target), {recursive: true});
	} catch (error) {
		throw new SandboxFileError(file, `its folder cannot be created (${(error as Error).message})`, '');
	}

	const token = acquire(file, lock);
	try {
		cleanLeftovers(target);
		cleanLeftovers(lock);
		const loaded = loadSandboxFile(target);
		return work({
			loaded,
			save(world) {
				checkWritable(file, target);
				const temporary = writeWorld(file, target, world, loaded.revision + 1);
				try {
					const now = readBytes(target);
					const changed = (now === undefined ? undefined : digestOf(now)) !== loaded.digest;
					if (changed || !stillHeld(lock, token)) throw new SandboxChangedError(file);
					fs.renameSync(temporary, target);
				} catch (error) {
					if (error instanceof SandboxFileError) throw error;
					throw new SandboxFileError(file, `it cannot be written (${(error as Error).message})`, '');
				} finally {
					fs.rmSync(temporary, {force: true});
				}
			},
		});
	} finally {
		release(lock, token);
	}
};

/** Writes the world (no lock, no comparison: for tests and first writes). */
export const saveSandbox = (file: string, world: World): void => {
	const target = realTarget(file);
	checkWritable(file, target);
	const temporary = writeWorld(file, target, world, 1);
	try {
		fs.renameSync(temporary, target);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw new SandboxFileError(file, `it cannot be written (${(error as Error).message})`, '');
	}
};
