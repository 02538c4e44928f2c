import fs from 'node:fs';
import path from 'node:path';
import {freshWorld} from '../sim/core/fresh-world.js';
import type {World} from '../sim/core/types.js';

// The sandbox file behind `ami-school aws …`: one JSON document holding the world. Writes are
// atomic (a temporary file renamed over the old one) and serialised by a lock file, so two
// commands run at once never corrupt it or lose each other's changes.

export const SANDBOX_FORMAT = 'ami-school-sandbox';

export class SandboxFileError extends Error {
	constructor(readonly file: string, detail: string) {
		super(
			`ami-school: cannot use the sandbox file ${file}: ${detail}\n` +
				`To start afresh, delete it (rm '${file}') or point AMI_SCHOOL_SANDBOX at another file.`,
		);
	}
}

const looksLikeWorld = (value: unknown): value is World => {
	if (!value || typeof value !== 'object') return false;
	const w = value as Partial<World>;
	return w.version === 1 && typeof w.clock === 'number' && typeof w.idCounter === 'number' && typeof w.seed === 'number' && !!w.regions && typeof w.regions === 'object' && Array.isArray(w.schedule) && Array.isArray(w.closedCharges) && typeof w.account === 'string';
};

/** Reads the world; a missing file starts a fresh world. Throws SandboxFileError with a clear message. */
export const loadSandbox = (file: string): World => {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return freshWorld();
		throw new SandboxFileError(file, (error as Error).message);
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new SandboxFileError(file, `it is not valid JSON (${(error as Error).message})`);
	}

	const doc = data as {format?: unknown; world?: unknown};
	if (doc?.format !== SANDBOX_FORMAT || !looksLikeWorld(doc.world)) {
		throw new SandboxFileError(file, 'it is not an AMI School sandbox, or it is damaged');
	}

	return doc.world;
};

export const saveSandbox = (file: string, world: World): void => {
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
		fs.writeFileSync(temporary, JSON.stringify({format: SANDBOX_FORMAT, world}));
		fs.renameSync(temporary, file);
	} catch (error) {
		throw new SandboxFileError(file, `it cannot be written (${(error as Error).message})`);
	}
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `work` while holding the sandbox's lock file (stale locks older than 30 s are broken). */
export const withSandboxLock = <T>(file: string, work: () => T): T => {
	const lock = `${file}.lock`;
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
	} catch (error) {
		throw new SandboxFileError(file, `its folder cannot be created (${(error as Error).message})`);
	}

	const deadline = Date.now() + 15_000;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), {flag: 'wx'});
			break;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'EEXIST') throw new SandboxFileError(file, `its lock file cannot be created (${(error as Error).message})`);
			try {
				if (Date.now() - fs.statSync(lock).mtimeMs > 30_000) fs.rmSync(lock, {force: true});
			} catch {}

			if (Date.now() > deadline) throw new SandboxFileError(file, `another ami-school command holds ${lock}; if none is running, delete that file`);
			sleepSync(5 + Math.floor(Math.random() * 10));
		}
	}

	try {
		return work();
	} finally {
		try {
			fs.rmSync(lock, {force: true});
		} catch {}
	}
};
