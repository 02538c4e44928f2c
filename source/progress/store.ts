import {accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs';
import path, {basename, dirname} from 'node:path';
import {fsReason} from '../sandbox/fs-words.js';
import process from 'node:process';
import Conf from 'conf';
import {cleanLeftovers, LockError, withFileLock} from '../sandbox/lock.js';
import {configDir, legacyProgressDir} from '../sandbox/paths.js';
import {upgradeWorld, worldProblem} from '../sandbox/world-check.js';
import {reviveWorld} from '../sim/core/revive.js';
import {mergeSaved} from './model.js';
import {chapterProgressSchema, currentPlaySchema, emptyProgress, playDataSchema, progressSchema, PROGRESS_VERSION, type Progress} from './schema.js';

// Saved progress on disk through `conf`, in AMI School's config folder (source/sandbox/paths.ts:
// ~/.config/ami-school on Linux; AMI_SCHOOL_CONFIG_DIR moves it, as tests do): progress.json for
// the built-in chapters, progress-<pack id>.json for each lesson pack, so packs never share stars.
// Never throws: a damaged file is moved aside (progress.json.corrupt-<time>) and a fresh record
// started; a file that cannot be written is reported once and the game goes on without saving.
// Several games may share the folder (two terminals, a lab's shared account): each save takes the
// lock of source/sandbox/lock.ts, reads what is on disk and merges (model.ts mergeSaved) before
// conf writes (a temporary file renamed over the real one), so no finished chapter is lost.

export type ProgressStore = {
	progress: Progress;
	/** where the file lives (undefined when the store could not even be opened) */
	path?: string;
	/** one message for the player when something went wrong opening the file */
	warning?: string;
	/** writes the record; returns a message the first time a write fails */
	save(progress: Progress): string | undefined;
	/** erases every record */
	erase(): void;
};

const CORRUPT = Symbol('corrupt');

const messageOf = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));

export const corruptName = (path: string, now: Date) => `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;

export type StoreOptions = {
	/** the folder (default: the config folder) */
	cwd?: string;
	now?: () => Date;
	/** the lesson pack's id (default: the built-in chapters) */
	pack?: string;
};

/** The built-in chapters' pack id (source/lessons/pack.ts), whose progress is progress.json. */
const BUILTIN = 'ami-school';

export const progressFileName = (pack: string | undefined) => (pack === undefined || pack === BUILTIN ? 'progress' : `progress-${pack}`);

/**
 * Up to 0.1.0 progress.json lived in conf's own folder (~/.config/ami-school-nodejs), not beside
 * the sandbox: move it into the config folder once, unless one is there already.
 */
const moveLegacyProgress = (dir: string): string | undefined => {
	const from = path.join(legacyProgressDir(), 'progress.json');
	const to = path.join(dir, 'progress.json');
	if (!existsSync(from) || existsSync(to)) return undefined;
	try {
		mkdirSync(dir, {recursive: true});
		try {
			renameSync(from, to);
		} catch {
			copyFileSync(from, to); // another file system
			rmSync(from);
		}

		return `Your saved progress moved to AMI School's config folder: ${to}`;
	} catch (error) {
		return `Saved progress at ${from} could not be moved to ${to} (${messageOf(error)}).`;
	}
};

const openConf = (cwd: string, pack: string | undefined): Conf<Record<string, unknown>> =>
	new Conf<Record<string, unknown>>({
		projectName: 'ami-school',
		configName: progressFileName(pack),
		cwd,
		accessPropertiesByDotNotation: false,
		watch: false,
		serialize: value => JSON.stringify(value),
		deserialize(text) {
			try {
				return JSON.parse(text) as Record<string, unknown>;
			} catch {
				return {[CORRUPT.description!]: true};
			}
		},
	});

/**
 * Removes what killed saves left in the folder: conf's temporary files (progress*.json.tmp-*,
 * which name no process) and the lock's own. Called while holding the lock, when no save of
 * this version is under way.
 */
const cleanTemporaryFiles = (dir: string, file: string) => {
	cleanLeftovers(file);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}

	for (const name of names) {
		if (/^progress(-[a-z0-9-]+)?\.json\.tmp-[0-9a-f]+$/.test(name)) rmSync(path.join(dir, name), {force: true});
	}
};

/** A chapter in play that can be resumed: its session, world and counters are all sound. */
const soundCurrent = (value: unknown): Progress['current'] => {
	const parsed = currentPlaySchema.safeParse(value);
	if (!parsed.success) return undefined;
	const world = upgradeWorld(parsed.data.session.world);
	if (worldProblem(world)) return undefined;
	if (parsed.data.data !== undefined && !playDataSchema.safeParse(parsed.data.data).success) return undefined;
	return {...parsed.data, session: {...parsed.data.session, world: reviveWorld(world) as unknown as typeof parsed.data.session.world}};
};

/**
 * What can be kept of a damaged record: each chapter's state and stars on their own, each
 * prompt history on its own, the chapter in play only when it can really be resumed.
 * Undefined when nothing is worth keeping (not our file, or a newer version's).
 */
const salvage = (raw: unknown): {progress: Progress; chapters: number} | undefined => {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const record = raw as Record<string, unknown>;
	if (record.version !== PROGRESS_VERSION) return undefined;
	const progress = emptyProgress();
	const entries = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : []);
	for (const [id, chapter] of entries(record.chapters)) {
		const parsed = chapterProgressSchema.safeParse(chapter);
		if (parsed.success) Object.defineProperty(progress.chapters, id, {value: parsed.data, enumerable: true, writable: true, configurable: true});
	}

	for (const [key, history] of entries(record.histories)) {
		if (Array.isArray(history)) Object.defineProperty(progress.histories, key, {value: history.filter(line => typeof line === 'string'), enumerable: true, writable: true, configurable: true});
	}

	const current = soundCurrent(record.current);
	if (current) progress.current = current;
	return {progress, chapters: Object.keys(progress.chapters).length};
};

/** True when the file is there and its owner made it read-only (root could write it anyway). */
const readOnly = (path: string): boolean => {
	try {
		accessSync(path, constants.W_OK);
		return (statSync(path).mode & 0o222) === 0;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EROFS';
	}
};

export const openProgressStore = (options: StoreOptions = {}): ProgressStore => {
	const cwd = options.cwd ?? configDir();
	const moved = options.cwd === undefined && !process.env.AMI_SCHOOL_CONFIG_DIR && progressFileName(options.pack) === 'progress' ? moveLegacyProgress(cwd) : undefined;
	const now = options.now ?? (() => new Date());
	let conf: Conf<Record<string, unknown>>;
	try {
		conf = openConf(cwd, options.pack);
	} catch (error) {
		return inMemory(`Cannot open saved progress (${messageOf(error)}): this session will not be saved.`);
	}

	const path = conf.path;
	let warning: string | undefined = moved;
	let progress = emptyProgress();
	let raw: unknown;
	try {
		raw = conf.store;
	} catch (error) {
		return inMemory(`Cannot read saved progress at ${path} (${messageOf(error)}): this session will not be saved.`);
	}

	const isEmpty = raw !== null && typeof raw === 'object' && Object.keys(raw).length === 0;
	let repaired: Progress | undefined;
	if (!isEmpty) {
		const parsed = progressSchema.safeParse(raw);
		const current = parsed.success && parsed.data.current ? soundCurrent(parsed.data.current) : undefined;
		if (parsed.success && (!parsed.data.current || current)) {
			progress = current ? {...parsed.data, current} : parsed.data;
		} else {
			// Keep what can be kept; the whole file goes aside for a look. Each line fits 80 columns.
			const kept = salvage(raw);
			const aside = corruptName(path, now());
			const what = kept && kept.chapters > 0 ? `kept ${kept.chapters} chapter${kept.chapters === 1 ? '' : 's'} and stars${kept.progress.current ? '' : ', not the chapter in play'}` : 'a fresh record started';
			try {
				renameSync(path, aside);
				warning = `Saved progress was damaged: ${what}.\nDamaged file kept as ${basename(aside)}`;
			} catch (error) {
				warning = `Saved progress was damaged: ${what}.\nIt could not be moved aside (${messageOf(error)}).`;
			}

			if (kept) {
				progress = kept.progress;
				repaired = kept.progress;
			}
		}
	}

	let failed = false;
	if (repaired) {
		try {
			conf.store = repaired as unknown as Record<string, unknown>;
		} catch {}
	}

	try {
		withFileLock(path, () => cleanTemporaryFiles(dirname(path), path));
	} catch {
		// a folder this game cannot write: the first save says so
	}

	/** The file's identity when this game last wrote it (inode, size, modification time). */
	let written: string | undefined;
	const stamp = (): string | undefined => {
		try {
			const stat = statSync(path);
			return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
		} catch {
			return undefined;
		}
	};

	/** What this game last read or wrote (mergeSaved tells another game's chapter in play by it). */
	let known: Progress | undefined = progress;
	/** What is saved now: the file as read under the lock (a damaged or missing one: nothing). */
	const onDisk = (): Progress => {
		try {
			const parsed = progressSchema.safeParse(conf.store);
			return parsed.success ? parsed.data : emptyProgress();
		} catch {
			return emptyProgress();
		}
	};

	return {
		progress,
		path,
		warning,
		save(next) {
			if (failed) return undefined;
			if (readOnly(path)) {
				failed = true;
				return `Saved progress is read-only (${basename(path)}): this session will not be saved.`;
			}

			try {
				mkdirSync(dirname(path), {recursive: true});
				withFileLock(path, () => {
					// the file as this game last wrote it (same inode, size and time): no need to read it again
					const unchanged = written !== undefined && known !== undefined && written === stamp();
					const merged = mergeSaved(next, unchanged ? known! : onDisk(), known);
					conf.store = merged as unknown as Record<string, unknown>;
					known = merged;
					written = stamp();
				});
				return undefined;
			} catch (error) {
				failed = true;
				const why = error instanceof LockError ? error.detail : fsReason(error);
				return `Cannot save progress to ${path} (${why}): it will not be kept after you quit.`;
			}
		},
		erase() {
			try {
				withFileLock(path, () => conf.clear());
				known = emptyProgress();
			} catch {
				// nothing to erase, or not writable: nothing more to do
			}
		},
	};
};

const inMemory = (warning: string): ProgressStore => ({progress: emptyProgress(), warning, save: () => undefined, erase() {}});
