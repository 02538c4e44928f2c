import {copyFileSync, existsSync, mkdirSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {configDir, legacyProgressDir} from '../sandbox/paths.js';
import {emptyProgress, progressSchema, type Progress} from './schema.js';

// Saved progress on disk through `conf`, in AMI School's config folder (source/sandbox/paths.ts:
// ~/.config/ami-school on Linux; AMI_SCHOOL_CONFIG_DIR moves it, as tests do): progress.json for
// the built-in chapters, progress-<pack id>.json for each lesson pack, so packs never share stars.
// Never throws: a damaged file is moved aside (progress.json.corrupt-<time>) and a fresh record
// started; a file that cannot be written is reported once and the game goes on without saving.

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
	if (!isEmpty) {
		const parsed = progressSchema.safeParse(raw);
		if (parsed.success) {
			progress = parsed.data;
		} else {
			const aside = corruptName(path, now());
			try {
				renameSync(path, aside);
				warning = `Saved progress at ${path} was damaged. It was moved to ${aside} and a fresh record started.`;
			} catch (error) {
				warning = `Saved progress at ${path} was damaged and could not be moved aside (${messageOf(error)}). A fresh record was started.`;
			}
		}
	}

	let failed = false;
	return {
		progress,
		path,
		warning,
		save(next) {
			if (failed) return undefined;
			try {
				conf.store = next as unknown as Record<string, unknown>;
				return undefined;
			} catch (error) {
				failed = true;
				return `Cannot save progress to ${path} (${messageOf(error)}): it will not be kept after you quit.`;
			}
		},
		erase() {
			try {
				conf.clear();
			} catch {
				// nothing to erase, or not writable: nothing more to do
			}
		},
	};
};

const inMemory = (warning: string): ProgressStore => ({progress: emptyProgress(), warning, save: () => undefined, erase() {}});
