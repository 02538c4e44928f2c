import {existsSync, readdirSync, statSync} from 'node:fs';
import {formatBytes, readBounded, TooLarge} from '../sandbox/read-bounded.js';
import {controlCharacters, visible} from './control-chars.js';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {LineCounter, parse, parseDocument} from 'yaml';
import {authorIssues, yamlProblem} from './author-words.js';
import {checkFieldsAt} from './check-schema.js';
import {formatPath, issuePath, lineOf, type FieldPath} from './locate.js';
import {factsSchema, lessonSchema, type Facts, type LoadedLesson} from './schema.js';
import {validateLesson} from './validate.js';

// Reads lesson files. Never throws: every problem becomes a LessonError naming the file, the
// line and the field, e.g. `lessons/03-class.yaml:42: goals[1].check.query: Invalid jmespath …`.

export type LessonError = {file: string; line?: number; path?: string; message: string};

export type LoadResult = {lessons: LoadedLesson[]; errors: LessonError[]; facts?: Facts};

export const FACTS_FILE = 'facts.yaml';
/** A lesson pack's description (source/lessons/pack.ts): not a lesson. */
export const PACK_FILE = 'pack.yaml';

export const formatLessonError = (error: LessonError): string =>
	visible(`${error.file}${error.line === undefined ? '' : `:${error.line}`}: ${error.path ? `${error.path}: ` : ''}${error.message}`);

/** The lessons folder shipped with the game: ../lessons from source/lessons/ (tsx, vitest) or from dist/. */
export const defaultLessonsDir = (from: string = import.meta.url): string => {
	let dir = path.dirname(fileURLToPath(from));
	for (let i = 0; i < 4; i++) {
		const candidate = path.join(dir, 'lessons');
		if (existsSync(path.join(candidate, FACTS_FILE))) return candidate;
		dir = path.dirname(dir);
	}

	return path.resolve(path.dirname(fileURLToPath(from)), '..', 'lessons');
};

/** A lesson is a few dozen KB; anything past this is not one (and /dev/zero stops here). */
export const LESSON_MAX_BYTES = 1024 * 1024;

/** A stack overflow in the YAML parser is the file's depth (or an alias inside itself): say so in words. */
const yamlMessage = (message: string): string => (/call stack/i.test(message) ? 'nested too deeply (or an alias that contains itself)' : message);

const readText = (file: string): {text?: string; error?: LessonError} => {
	try {
		return {text: readBounded(file, LESSON_MAX_BYTES).toString('utf8')};
	} catch (error) {
		if (error instanceof TooLarge) return {error: {file, message: `cannot read: the file is larger than ${formatBytes(LESSON_MAX_BYTES)}, far more than a lesson needs`}};
		return {error: {file, message: `cannot read: ${error instanceof Error ? error.message : String(error)}`}};
	}
};

type Parsed = {data?: unknown; errors: LessonError[]; locate: (p: FieldPath) => number | undefined};

/** YAML text -> the document with its line counter: slower, but it can say where a field is. */
const parseWithLines = (text: string) => {
	const counter = new LineCounter();
	const doc = parseDocument(text, {lineCounter: counter, prettyErrors: false, uniqueKeys: true});
	const locate = (p: FieldPath) => {
		try {
			return lineOf(doc, counter, p);
		} catch {
			return undefined;
		}
	};

	return {doc, counter, locate};
};

/**
 * YAML text -> plain data, with YAML syntax errors located. A well-formed file takes the fast
 * parser; the line-counting one runs only when a line must be named (an error in the file).
 */
export const parseYaml = (text: string, file: string): Parsed => {
	let located: ReturnType<typeof parseWithLines> | undefined;
	const withLines = () => (located ??= parseWithLines(text));
	const locate = (p: FieldPath) => withLines().locate(p);
	try {
		return {data: parse(text, {uniqueKeys: true, maxAliasCount: 50, logLevel: 'error', prettyErrors: false}), errors: [], locate};
	} catch {
		// fall through: the slow parser names the line of the problem
	}

	try {
		const {doc, counter} = withLines();
		if (doc.errors.length > 0) {
			// one error a line (the parser often reports one mistake twice), said as an author reads it
			const lines = text.split('\n');
			const seen = new Set<number>();
			const errors: LessonError[] = [];
			for (const e of doc.errors) {
				const line = counter.linePos(e.pos[0]).line;
				if (seen.has(line)) continue;
				seen.add(line);
				errors.push({file, line, message: yamlProblem(e.code, yamlMessage(e.message.split('\n')[0]), lines, line)});
			}

			return {errors, locate};
		}

		return {data: doc.toJS({maxAliasCount: 50}), errors: [], locate};
	} catch (error) {
		return {errors: [{file, message: `YAML: ${yamlMessage(error instanceof Error ? error.message : String(error))}`}], locate: () => undefined};
	}
};

/** Reads facts.yaml (fact id -> text). */
export const loadFacts = (file: string): {facts?: Facts; errors: LessonError[]} => {
	const {text, error} = readText(file);
	if (error || text === undefined) return {errors: [error ?? {file, message: 'cannot read'}]};
	const parsed = parseYaml(text, file);
	if (parsed.errors.length > 0) return {errors: parsed.errors};
	const result = factsSchema.safeParse(parsed.data);
	if (!result.success) {
		return {errors: result.error.issues.map(issue => ({file, line: parsed.locate(issuePath(issue)), path: formatPath(issuePath(issue)) || undefined, message: issue.message}))};
	}

	return {facts: result.data, errors: []};
};

/** One lesson from YAML text (the file name is only used in messages). */
export const parseLesson = (text: string, file: string, facts?: Facts): {lesson?: LoadedLesson; errors: LessonError[]} => {
	try {
		const parsed = parseYaml(text, file);
		if (parsed.errors.length > 0) return {errors: parsed.errors};
		const controls = controlCharacters(parsed.data);
		if (controls.length > 0) return {errors: controls.map(issue => ({file, line: parsed.locate(issue.path), path: formatPath(issue.path) || undefined, message: issue.message}))};
		const result = lessonSchema.safeParse(parsed.data);
		if (!result.success) {
			const issues = authorIssues(result.error.issues, parsed.data, lessonSchema, 'a lesson', (parent, value) => (parent.includes('check') ? checkFieldsAt(parent.at(-1), value) : undefined));
			return {errors: issues.map(issue => ({file, line: parsed.locate(issue.path), path: formatPath(issue.path) || undefined, message: issue.message}))};
		}

		const issues = validateLesson(result.data, facts);
		if (issues.length > 0) {
			return {errors: issues.map(issue => ({file, line: parsed.locate(issue.path), path: formatPath(issue.path), message: issue.message}))};
		}

		return {lesson: {...result.data, file}, errors: []};
	} catch (error) {
		return {errors: [{file, message: `cannot load: ${yamlMessage(error instanceof Error ? error.message : String(error))}`}]};
	}
};

const factsNextTo = (dir: string): {facts?: Facts; errors: LessonError[]} => {
	const file = path.join(dir, FACTS_FILE);
	return existsSync(file) ? loadFacts(file) : {errors: [{file, message: 'missing: fact ids cannot be checked'}]};
};

const loadOne = (file: string, facts: Facts | undefined): {lesson?: LoadedLesson; errors: LessonError[]} => {
	const {text, error} = readText(file);
	if (error || text === undefined) return {errors: [error ?? {file, message: 'cannot read'}]};
	return parseLesson(text, file, facts);
};

/** One lesson file; fact ids are checked against `facts` or else the facts.yaml beside the file. */
export const loadLessonFile = (file: string, options: {facts?: Facts} = {}): LoadResult => {
	const found = options.facts ? {facts: options.facts, errors: []} : factsNextTo(path.dirname(file));
	const {lesson, errors} = loadOne(file, found.facts);
	return {lessons: lesson ? [lesson] : [], errors: [...found.errors, ...errors], facts: found.facts};
};

/** Is this file name a lesson (any *.yaml but facts.yaml and pack.yaml)? */
export const isLessonFileName = (name: string): boolean => /\.ya?ml$/.test(name) && name !== FACTS_FILE && name !== PACK_FILE;

/**
 * Every lesson of a folder, sorted by order; ids and orders must be unique. Fact ids are checked
 * against `options.facts` when the key is given (unchecked when its value is undefined), else
 * against the folder's facts.yaml (an error when missing).
 */
export const loadLessonDir = (dir: string, options: {facts?: Facts} = {}): LoadResult => {
	let names: string[];
	try {
		names = readdirSync(dir).filter(isLessonFileName).sort();
	} catch (error) {
		return {lessons: [], errors: [{file: dir, message: `cannot read folder: ${error instanceof Error ? error.message : String(error)}`}]};
	}

	// `facts` given as undefined: the caller found none to check against (its own error says why)
	const found = 'facts' in options ? {facts: options.facts, errors: []} : factsNextTo(dir);
	const lessons: LoadedLesson[] = [];
	const errors: LessonError[] = [...found.errors];
	for (const name of names) {
		const file = path.join(dir, name);
		try {
			if (!statSync(file).isFile()) continue;
		} catch {
			continue;
		}

		// Without a readable facts.yaml, fact ids go unchecked (its own error says so).
		const result = loadOne(file, found.facts);
		errors.push(...result.errors);
		if (result.lesson) lessons.push(result.lesson);
	}

	const byId = new Map<string, string>();
	const byOrder = new Map<number, string>();
	for (const lesson of lessons) {
		const sameId = byId.get(lesson.id);
		if (sameId) errors.push({file: lesson.file, path: 'id', message: `duplicate chapter id "${lesson.id}" (also in ${sameId})`});
		const sameOrder = byOrder.get(lesson.order);
		if (sameOrder) errors.push({file: lesson.file, path: 'order', message: `duplicate order ${lesson.order} (also in ${sameOrder})`});
		byId.set(lesson.id, lesson.file);
		byOrder.set(lesson.order, lesson.file);
	}

	lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	return {lessons, errors, facts: found.facts};
};
