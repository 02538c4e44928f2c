import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fsReason} from './fs-words.js';

// One writer at a time for a file in the config folder (the sandbox of `ami-school aws`, the saved
// progress): a lock file beside it naming its owner (pid, host, process start time), taken
// atomically (a draft linked into place: creation and content in one step). A lock is broken only
// when its owner is provably gone (same host, and that pid no longer runs or is another process);
// a live owner, even a paused one, is waited for, then reported.

/** Thrown when the lock cannot be taken: what happened, and what the user can do. */
export class LockError extends Error {
	constructor(readonly detail: string, readonly hint: string) {
		super(detail);
	}
}

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

/** A temporary file name beside `target` that cleanLeftovers recognises (it names this process). */
export const temporaryName = (target: string) => `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;

/** Removes temporary files left by writers that were killed mid-write (their pid is gone). */
export const cleanLeftovers = (target: string) => {
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
const acquire = (lock: string): string => {
	const me: LockOwner = {pid: process.pid, host: sameHost, start: processStart(process.pid), since: new Date().toISOString()};
	const token = ownerText(me);
	const draft = temporaryName(lock);
	try {
		fs.writeFileSync(draft, token, {flag: 'wx'});
	} catch (error) {
		throw new LockError(`its lock file cannot be created: ${fsReason(error)}`, '');
	}

	const deadline = Date.now() + lockWaitMs();
	try {
		for (;;) {
			try {
				fs.linkSync(draft, lock); // fails when a lock exists: creation and content in one step
				return token;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new LockError(`its lock file cannot be created: ${fsReason(error)}`, '');
			}

			const held = readOwner(lock);
			if (held && ownerIsGone(held.owner)) breakLock(lock, held.ino);
			else if (Date.now() > deadline) {
				const who = held?.owner ? `ami-school (pid ${held.owner.pid}${held.owner.host === sameHost ? '' : ` on ${held.owner.host}`}${held.owner.since ? `, since ${held.owner.since}` : ''})` : 'another ami-school command';
				throw new LockError(`${who} is still using it.`, `Try again when that command ends. If it is stopped (Ctrl+Z), resume it with fg; if it is stuck, end it (kill ${held?.owner?.pid ?? '<pid>'}).`);
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

/**
 * Runs `work` while holding the lock of `target` (`<target>.lock`); `stillHeld` says whether
 * nobody broke it meanwhile (check it just before the rename that publishes a write). Leftovers of
 * killed writers (the target's and the lock's temporary files) are cleaned once the lock is held.
 * Throws LockError when the lock cannot be taken.
 */
export const withFileLock = <T>(target: string, work: (stillHeld: () => boolean) => T): T => {
	const lock = `${target}.lock`;
	const token = acquire(lock);
	try {
		cleanLeftovers(target);
		cleanLeftovers(lock);
		return work(() => {
			try {
				return fs.readFileSync(lock, 'utf8') === token;
			} catch {
				return false;
			}
		});
	} finally {
		release(lock, token);
	}
};
