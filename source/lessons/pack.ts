import {createHash} from 'node:crypto';
import {existsSync, readFileSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {fsReason} from '../sandbox/fs-words.js';
import {formatBytes, readBounded, TooLarge} from '../sandbox/read-bounded.js';
import {loadLessonDirCached} from './cache.js';
import {controlCharacters} from './control-chars.js';
import {FACTS_FILE, loadFacts, loadLessonDir, PACK_FILE, parseYaml, type LessonError} from './load.js';
import {authorIssues} from './author-words.js';
import {formatPath} from './locate.js';
import type {Facts, LoadedLesson} from './schema.js';

// A lesson pack: a folder of lesson files, played with `--lessons <dir>`. Its optional pack.yaml
// names it and says whether it adds to the built-in chapters or replaces them; its progress is
// kept apart from every other pack's (by its id). The built-in chapters are the default pack.
//
//   id: aws-workshop-2026    # lower-case letters, digits and dashes; keys the saved progress
//   name: AWS workshop, spring 2026
//   mode: add                # add: the built-in chapters and these; replace: these only
//
// Without pack.yaml a folder replaces the built-in chapters and its id is the folder's name.
// facts.yaml is optional: without one, fact ids are checked against the built-in facts.

export const BUILTIN_PACK_ID = 'ami-school';
export const BUILTIN_PACK_NAME = 'AMI School';
/** pack.yaml holds three short fields: anything past this is not one. */
const PACK_MAX_BYTES = 64 * 1024;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes');

export const packSchema = z.strictObject({
	id: slug
		.refine(id => id !== BUILTIN_PACK_ID, `"${BUILTIN_PACK_ID}" is the built-in chapters' id: choose another`)
		.describe('the pack\'s id: lower-case letters, digits and dashes; keys the saved progress, so unique among your packs'),
	name: z.string().min(1, 'a name for the pack').describe('the pack\'s name, as the menu, reports and certificates show it'),
	mode: z.enum(['add', 'replace'], 'add (the built-in chapters and these) or replace (these only)').describe('add: the built-in chapters and these; replace: these only'),
});

export type PackInfo = z.infer<typeof packSchema> & {
	/** the folder */
	dir: string;
	/** the built-in chapters (the default pack) */
	builtin: boolean;
	/** from a pack.yaml (else derived from the folder) */
	declared: boolean;
};

export type LoadedPack = {
	pack: PackInfo;
	/** every chapter played with this pack (with mode add: the built-in ones too), by order */
	lessons: LoadedLesson[];
	/** the pack's own chapters (what `check` replays) */
	own: LoadedLesson[];
	errors: LessonError[];
	facts?: Facts;
};

export type PackOptions = {
	/** the built-in lessons folder */
	builtinDir: string;
	/** the build's cache of the built-in lessons */
	cacheFile?: string;
};

const sameDir = (a: string, b: string): boolean => {
	try {
		return realpathSync(a) === realpathSync(b);
	} catch {
		return path.resolve(a) === path.resolve(b);
	}
};

const builtinInfo = (dir: string): PackInfo => ({id: BUILTIN_PACK_ID, name: BUILTIN_PACK_NAME, mode: 'replace', dir, builtin: true, declared: true});

/** An id from a folder name: `My Lessons` -> `my-lessons`. */
export const idFromFolder = (dir: string): string =>
	path
		.basename(path.resolve(dir))
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '') || 'lessons';

/** Reads a pack's pack.yaml (file, line and field in every error). */
export const readPackFile = (dir: string): {info?: PackInfo; errors: LessonError[]} => {
	const file = path.join(dir, PACK_FILE);
	if (!existsSync(file)) {
		const id = idFromFolder(dir);
		return {info: {id: id === BUILTIN_PACK_ID ? `${id}-copy` : id, name: path.basename(path.resolve(dir)), mode: 'replace', dir, builtin: false, declared: false}, errors: []};
	}

	let text: string;
	try {
		text = readBounded(file, PACK_MAX_BYTES).toString('utf8');
	} catch (error) {
		return {errors: [{file, message: error instanceof TooLarge ? `cannot read: the file is larger than ${formatBytes(PACK_MAX_BYTES)}, far more than a pack.yaml needs` : `cannot read: ${fsReason(error)}`}]};
	}

	const parsed = parseYaml(text, file);
	if (parsed.errors.length > 0) return {errors: parsed.errors};
	// its name is shown in menus and reports: it may not control the terminal
	const controls = controlCharacters(parsed.data);
	if (controls.length > 0) return {errors: controls.map(issue => ({file, line: parsed.locate(issue.path), path: formatPath(issue.path) || undefined, message: issue.message.replace('lesson text', 'pack text')}))};
	const result = packSchema.safeParse(parsed.data ?? {});
	if (!result.success) {
		const issues = authorIssues(result.error.issues, parsed.data ?? {}, packSchema, 'pack.yaml');
		return {errors: issues.map(issue => ({file, line: parsed.locate(issue.path), path: formatPath(issue.path) || undefined, message: issue.message}))};
	}

	return {info: {...result.data, dir, builtin: false, declared: true}, errors: []};
};

/** The facts a pack's lessons are checked against: its own facts.yaml (beside the built-in ones with mode add), else the built-in ones. */
const packFacts = (dir: string, mode: PackInfo['mode'], builtin: Facts | undefined): {facts?: Facts; errors: LessonError[]} => {
	const file = path.join(dir, FACTS_FILE);
	if (!existsSync(file)) return {facts: builtin, errors: []};
	const own = loadFacts(file);
	if (!own.facts || mode === 'replace') return own;
	const errors: LessonError[] = Object.keys(own.facts)
		.filter(id => builtin?.[id] !== undefined)
		.map(id => ({file, path: id, message: `${id} is already a built-in fact: number yours after the built-in ones`}));
	return {facts: {...builtin, ...own.facts}, errors};
};

/** Loads a pack (undefined, or the built-in folder itself: the built-in chapters). Never throws. */
export const loadPack = (dir: string | undefined, options: PackOptions): LoadedPack => {
	const builtinLoad = () => loadLessonDirCached(options.builtinDir, options.cacheFile);
	if (dir === undefined || sameDir(dir, options.builtinDir)) {
		const loaded = builtinLoad();
		return {pack: builtinInfo(options.builtinDir), lessons: loaded.lessons, own: loaded.lessons, errors: loaded.errors, facts: loaded.facts};
	}

	const resolved = path.resolve(dir);
	const {info, errors: packErrors} = readPackFile(resolved);
	if (!info) return {pack: {id: idFromFolder(resolved), name: path.basename(resolved), mode: 'replace', dir: resolved, builtin: false, declared: false}, lessons: [], own: [], errors: packErrors};
	if (!existsSync(resolved)) return {pack: info, lessons: [], own: [], errors: [{file: resolved, message: 'no such folder'}]};

	// The built-in facts (and, with mode add, chapters): from the build's cache when it matches.
	const builtin = info.mode === 'add' ? builtinLoad() : undefined;
	const builtinFacts = builtin ? builtin.facts : existsSync(path.join(resolved, FACTS_FILE)) ? undefined : loadFacts(path.join(options.builtinDir, FACTS_FILE)).facts;
	const facts = packFacts(resolved, info.mode, builtinFacts);
	const own = loadLessonDir(resolved, {facts: facts.facts});
	const errors = [...facts.errors, ...own.errors];
	if (!builtin) return {pack: info, lessons: own.lessons, own: own.lessons, errors, facts: facts.facts};

	// mode add: a chapter of the pack may not take a built-in chapter's id or order.
	const byId = new Map(builtin.lessons.map(l => [l.id, l]));
	const byOrder = new Map(builtin.lessons.map(l => [l.order, l]));
	const added: LoadedLesson[] = [];
	for (const lesson of own.lessons) {
		const sameId = byId.get(lesson.id);
		const sameOrder = byOrder.get(lesson.order);
		if (sameId) errors.push({file: lesson.file, line: topLevelLine(lesson.file, 'id'), path: 'id', message: `"${lesson.id}" is a built-in chapter's id (${path.basename(sameId.file)}): this pack adds to the built-in chapters (mode: add), so choose another id`});
		if (sameOrder) errors.push({file: lesson.file, line: topLevelLine(lesson.file, 'order'), path: 'order', message: `${lesson.order} is a built-in chapter's order (${path.basename(sameOrder.file)}): this pack adds to the built-in chapters (mode: add), so choose another order`});
		if (!sameId && !sameOrder) added.push(lesson);
	}

	const lessons = [...builtin.lessons, ...added].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	return {pack: info, lessons, own: own.lessons, errors: [...builtin.errors, ...errors], facts: facts.facts};
};

/** The line of a top-level field of a YAML file (top-level keys start their line). */
const topLevelLine = (file: string, key: string): number | undefined => {
	try {
		const index = readFileSync(file, 'utf8')
			.split('\n')
			.findIndex(line => line.startsWith(`${key}:`));
		return index === -1 ? undefined : index + 1;
	} catch {
		return undefined;
	}
};

export type LessonHash = {chapter: string; file: string; sha256: string};

/** The sha256 of each lesson file, so an instructor can tell whether two reports played the same lessons. */
export const lessonHashes = (lessons: readonly LoadedLesson[]): LessonHash[] =>
	lessons.map(lesson => {
		let sha256: string;
		try {
			sha256 = createHash('sha256').update(readFileSync(lesson.file)).digest('hex');
		} catch {
			sha256 = 'unreadable';
		}

		return {chapter: lesson.id, file: path.basename(lesson.file), sha256};
	});

/** The pack as reports name it. */
export const packSummary = (pack: PackInfo) => ({id: pack.id, name: pack.name, mode: pack.mode});
