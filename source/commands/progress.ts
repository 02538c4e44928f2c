import {existsSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import {BUILTIN_PACK_ID, lessonHashes, type LoadedPack} from '../lessons/pack.js';
import {starsText} from '../lessons/scoring.js';
import {EXPORT_FORMAT, EXPORT_FORMAT_VERSION, mergeProgress, type ProgressExport} from '../progress/exchange.js';
import {chapterProgress} from '../progress/model.js';
import {openProgressStore, type ProgressStore} from '../progress/store.js';
import {learnerFor, openPack, printPackErrors, reportHeader} from './context.js';
import {checkHandedIn, parseHandedIn, readHandedIn} from './handed-in.js';
import {visible} from '../lessons/control-chars.js';
import {fsReason} from '../sandbox/fs-words.js';
import {savedLearner} from '../progress/learner.js';

// `ami-school progress [--json]`, `progress export <file>`, `progress import <file>`: the saved
// progress of the lesson pack (--lessons, else the built-in chapters) as a table, as data, or as
// a file that travels to another machine or to the instructor.

export const PROGRESS_USAGE = 'usage: ami-school progress [--json] | progress export <file> [--learner <name>] | progress import <file>   [--lessons <dir>]\n';

export type ProgressRow = {order: number; chapter: string; title: string; state: 'new' | 'in-progress' | 'done'; stars: number; bestScore: number; hintsUsed: number};

export const progressRows = (pack: LoadedPack, store: ProgressStore): ProgressRow[] =>
	pack.lessons.map(lesson => {
		const p = chapterProgress(store.progress, lesson.id);
		return {order: lesson.order, chapter: lesson.id, title: lesson.title, state: p.status, stars: p.stars, bestScore: p.bestScore, hintsUsed: p.hintsUsed};
	});

/** The store of a pack; a warning (a damaged file moved aside) goes to stderr. */
export const openStoreOf = (pack: LoadedPack, io: CommandIo): ProgressStore => {
	const store = openProgressStore({pack: pack.pack.id});
	if (store.warning) io.stderr.write(`${store.warning}\n`);
	return store;
};

const table = (pack: LoadedPack, rows: ProgressRow[]): string => {
	const titleWidth = Math.min(40, Math.max(7, ...rows.map(r => r.title.length)));
	const clip = (text: string) => (text.length > titleWidth ? `${text.slice(0, titleWidth - 1)}…` : text);
	const done = rows.filter(r => r.state === 'done');
	const lines = [
		`${pack.pack.name} (${pack.pack.id}): ${done.length} of ${rows.length} chapters done, ${done.reduce((n, r) => n + r.stars, 0)} of ${rows.length * 3} stars`,
		'',
		`${'#'.padStart(3)}  ${'chapter'.padEnd(titleWidth)}  ${'state'.padEnd(11)}  stars  best score`,
		...rows.map(r => `${String(r.order).padStart(3)}  ${clip(r.title).padEnd(titleWidth)}  ${r.state.padEnd(11)}  ${r.state === 'done' ? starsText(r.stars) : '   '}  ${r.state === 'done' ? String(r.bestScore).padStart(10) : ''}`.trimEnd()),
	];
	return `${lines.join('\n')}\n`;
};

/** The export file's content. */
export const progressExport = (pack: LoadedPack, store: ProgressStore, learner: string | undefined, now: Date): ProgressExport => ({
	format: EXPORT_FORMAT,
	formatVersion: EXPORT_FORMAT_VERSION,
	...reportHeader(pack, learner),
	exportedAt: now.toISOString(),
	chapters: Object.fromEntries(pack.lessons.filter(l => store.progress.chapters[l.id]).map(l => [l.id, chapterProgress(store.progress, l.id)])),
	lessonFiles: lessonHashes(pack.lessons),
});

const writeAtomically = (file: string, text: string) => {
	const temp = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temp, text);
		renameSync(temp, file);
	} finally {
		rmSync(temp, {force: true});
	}
};

const exportTo = (file: string, pack: LoadedPack, store: ProgressStore, learner: string | undefined, io: CommandIo): number => {
	const data = progressExport(pack, store, learner, new Date());
	try {
		writeAtomically(file, `${JSON.stringify(data, null, 2)}\n`);
	} catch (error) {
		io.stderr.write(`ami-school progress export: cannot write ${file}: ${fsReason(error)}\n`);
		return EXIT_FAILED;
	}

	const done = Object.values(data.chapters).filter(c => c.status === 'done').length;
	io.stdout.write(`Wrote ${file}: ${pack.pack.name} (${pack.pack.id}), ${done} of ${pack.lessons.length} chapters done${learner ? `, learner ${learner}` : ''}.\n`);
	return EXIT_OK;
};

/** Reads (size-capped) and validates an export; a message for the user when it is refused. */
export const readExport = (file: string): {data?: ProgressExport; error?: string} => {
	const {text, error} = readHandedIn(file);
	if (text === undefined) return {error};
	const handed = parseHandedIn(file, text);
	if ('error' in handed) return {error: handed.error};
	if (handed.kind !== 'progress') return {error: `${visible(file)} is a report of one chapter, not a progress export (\`ami-school report verify ${visible(file)}\` checks it)`};
	return {data: handed.data};
};

/** Why an export cannot be imported into this pack: a figure above what a lesson allows, or one its commands do not give. */
const importProblems = (pack: LoadedPack, data: ProgressExport): string[] =>
	checkHandedIn(pack, {kind: 'progress', data})
		.filter(c => c.verdict === 'above what the lesson allows' || c.verdict === 'does not match its own commands' || c.verdict === 'no commands recorded')
		.map(c => `  ${visible(c.chapter)}: ${c.verdict}: ${c.details.map(visible).join('; ')}`);

const importFrom = (file: string, pack: LoadedPack, store: ProgressStore, io: CommandIo): number => {
	const refuse = (message: string) => {
		io.stderr.write(`ami-school progress import: ${message}\nNothing was changed.\n`);
		return EXIT_FAILED;
	};

	const {data, error} = readExport(file);
	if (!data) return refuse(error ?? 'unreadable');
	if (data.pack.id !== pack.pack.id) {
		const how = data.pack.id === BUILTIN_PACK_ID ? `ami-school progress import ${file}   (without --lessons)` : `ami-school progress import ${file} --lessons <the folder of pack ${data.pack.id}>`;
		return refuse(`${file} holds progress of the lesson pack "${data.pack.id}" (${visible(data.pack.name)}), not of "${pack.pack.id}" (${pack.pack.name}).\nImport it with its own pack: ${how}`);
	}

	if (!store.path) return refuse('saved progress is unavailable on this machine');
	const problems = importProblems(pack, data);
	if (problems.length > 0) return refuse(`${visible(file)} claims results its chapters do not allow or its commands do not give:\n${problems.join('\n')}`);
	const saved = savedLearner();
	if (data.learner !== undefined && saved !== undefined && data.learner !== saved) {
		io.stderr.write(`Note: ${visible(file)} is the progress of "${visible(data.learner)}", and your name here is "${visible(saved)}". Importing it anyway.\n`);
	}

	const known = new Set(pack.lessons.map(l => l.id));
	const unknown = Object.keys(data.chapters).filter(id => !known.has(id));
	const chapters = Object.fromEntries(Object.entries(data.chapters).filter(([id]) => known.has(id)));
	const merged = mergeProgress(store.progress, chapters);
	const problem = store.save(merged.progress);
	if (problem) return refuse(problem);

	const hashes = new Map(lessonHashes(pack.lessons).map(h => [h.chapter, h.sha256]));
	const changed = new Set(data.lessonFiles.filter(h => hashes.has(h.chapter) && hashes.get(h.chapter) !== h.sha256).map(h => h.chapter));
	const describe = (c: {status: string; stars: number; bestScore: number}) => (c.status === 'done' ? `done ${starsText(c.stars)} ${c.bestScore}` : c.status);
	io.stdout.write(`Imported ${visible(file)}${data.learner ? ` (learner ${visible(data.learner)})` : ''} into ${store.path}:\n`);
	for (const o of merged.outcomes) {
		const note = changed.has(o.chapter) ? ' (its lesson file differs from the one it was played with)' : '';
		const text = o.outcome === 'same' ? `same as yours (${describe(o.after)})` : o.outcome === 'kept yours' ? `kept yours (${describe(o.before)}), the file's is not better` : `${o.outcome}: ${describe(o.before)} -> ${describe(o.after)}`;
		io.stdout.write(`  ${o.chapter}: ${text}${note}\n`);
	}

	for (const id of unknown) io.stdout.write(`  ${id}: skipped, not a chapter of this pack\n`);
	return EXIT_OK;
};

export const progressCommand = async (cl: CommandLine, io: CommandIo): Promise<number> => {
	const [verb, file, ...extra] = cl.args;
	const usage = () => {
		io.stderr.write(PROGRESS_USAGE);
		return EXIT_USAGE;
	};

	if (extra.length > 0 || (verb !== undefined && verb !== 'export' && verb !== 'import')) return usage();
	if (verb !== undefined && file === undefined) {
		io.stderr.write(`ami-school progress ${verb}: which file? e.g. ami-school progress ${verb} progress.json\n`);
		return EXIT_USAGE;
	}

	if (cl.values.json && verb !== undefined) return usage();
	const pack = openPack(cl.values.lessons);
	if (printPackErrors(pack, io) && pack.lessons.length === 0) return EXIT_FAILED;
	const store = openStoreOf(pack, io);
	if (verb === 'export') return exportTo(path.resolve(file!), pack, store, await learnerFor(cl, io), io);
	if (verb === 'import') return importFrom(path.resolve(file!), pack, store, io);
	const rows = progressRows(pack, store);
	if (cl.values.json) {
		io.stdout.write(`${JSON.stringify({...reportHeader(pack, cl.values.learner), file: store.path ?? null, chapters: rows}, null, 2)}\n`);
	} else {
		io.stdout.write(table(pack, rows));
		if (store.path && !existsSync(store.path)) io.stdout.write('\nNo progress saved yet.\n');
	}

	return EXIT_OK;
};
