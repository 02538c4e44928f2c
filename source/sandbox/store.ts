import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {freshWorld} from '../sim/core/fresh-world.js';
import {reviveWorld} from '../sim/core/revive.js';
import type {World} from '../sim/core/types.js';
import {LockError, temporaryName, withFileLock} from './lock.js';
import {upgradeWorld, worldProblem} from './world-check.js';

// The sandbox file behind `ami-school aws …`: one JSON document holding the world.
// - Writes are atomic: a temporary file beside the real file (a symlink is followed to its
//   target, whose permissions are kept) renamed over it.
// - Commands are serialised by a lock file naming its owner (source/sandbox/lock.ts, shared with
//   the saved progress): broken only when its owner is provably gone; a live one is waited for.
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
	return {world: reviveWorld(world), digest: digestOf(bytes), revision: typeof doc.revision === 'number' ? doc.revision : 0};
};

/** Reads the world; a missing file starts a fresh world. */
export const loadSandbox = (file: string): World => loadSandboxFile(file).world;

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
	const temporary = temporaryName(target);
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
	try {
		fs.mkdirSync(path.dirname(target), {recursive: true});
	} catch (error) {
		throw new SandboxFileError(file, `its folder cannot be created (${(error as Error).message})`, '');
	}

	const locked = (stillHeld: () => boolean) => {
		const loaded = loadSandboxFile(target);
		return work({
			loaded,
			save(world) {
				checkWritable(file, target);
				const temporary = writeWorld(file, target, world, loaded.revision + 1);
				try {
					const now = readBytes(target);
					const changed = (now === undefined ? undefined : digestOf(now)) !== loaded.digest;
					if (changed || !stillHeld()) throw new SandboxChangedError(file);
					fs.renameSync(temporary, target);
				} catch (error) {
					if (error instanceof SandboxFileError) throw error;
					throw new SandboxFileError(file, `it cannot be written (${(error as Error).message})`, '');
				} finally {
					fs.rmSync(temporary, {force: true});
				}
			},
		});
	};

	try {
		return withFileLock(target, locked);
	} catch (error) {
		if (error instanceof LockError) throw new SandboxFileError(file, error.detail, error.hint);
		throw error;
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
