import type {z} from 'zod';
import {closeMatches} from '../cli/suggest.js';
import {visible} from './control-chars.js';
import {formatPath, type FieldPath} from './locate.js';

// Errors in a lesson author's words, not the schema library's: an unknown field names the nearest
// known one ("debreif" -> did you mean debrief?), a wrong type says what the field holds in YAML
// terms (a list of lines starting with "- ", text, a whole number), a missing field says what it
// is for (from the schema's own .describe()), and a YAML indentation error shows the line and the
// usual cause. Pure: load.ts and pack.ts locate the lines.

export type SchemaIssue = {code?: string; path: PropertyKey[]; message: string; keys?: string[]; expected?: string};
export type AuthorIssue = {path: FieldPath; message: string};

type Def = {type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; valueType?: z.ZodType};
const defOf = (schema: z.ZodType | undefined): Def | undefined => (schema as unknown as {_zod?: {def: Def}} | undefined)?._zod?.def;

/** The schema of the field at `path` (through optional, default, pipes, lists and records). */
export const schemaAt = (root: z.ZodType, path: FieldPath): z.ZodType | undefined => {
	let schema: z.ZodType | undefined = root;
	const unwrap = () => {
		for (let def = defOf(schema); def && (def.innerType || def.type === 'pipe'); def = defOf(schema)) schema = def.innerType ?? (defOf(def.in)?.type === 'unknown' ? def.out : def.in);
	};

	for (const key of path) {
		unwrap();
		const def = defOf(schema);
		if (def?.type === 'object' && typeof key === 'string') schema = def.shape?.[key];
		else if (def?.type === 'array' && typeof key === 'number') schema = def.element;
		else if (def?.type === 'record') schema = def.valueType;
		else return undefined;
	}

	return schema;
};

/** The fields a mapping at `path` may hold; undefined when the schema does not say (a check, a record). */
const fieldsAt = (root: z.ZodType, path: FieldPath): string[] | undefined => {
	let schema = schemaAt(root, path);
	for (let def = defOf(schema); def && def.innerType; def = defOf(schema)) schema = def.innerType;
	const def = defOf(schema);
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
};

/** What a value of a kind is, in YAML terms. */
const KIND: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list (lines that start with "- ", indented under the field)',
	object: 'fields of its own (name: value lines, indented under it)',
	null: 'nothing',
	undefined: 'nothing',
};

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value);

const valueAt = (data: unknown, path: FieldPath): unknown => path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);

const shown = (value: unknown): string => {
	if (typeof value === 'string') return ` (${JSON.stringify(visible(value.length > 40 ? `${value.slice(0, 39)}…` : value))})`;
	if (typeof value === 'number' || typeof value === 'boolean') return ` (${value})`;
	return '';
};

/** What a field is for, from the schema's .describe(), as a clause. */
const purpose = (root: z.ZodType, path: FieldPath): string => {
	const text = schemaAt(root, path)?.description;
	return text ? `: ${text}` : '';
};

/** " Did you mean `x`?" for a name close to one of `known`. */
export const nearest = (given: string, known: readonly string[]): string | undefined => closeMatches(given, known, 1, 0.6)[0] ?? closeMatches(given.toLowerCase(), known, 1, 0.6)[0];

/**
 * A schema library's issues, in the author's words. `what` names the file's kind ("a lesson",
 * "a pack.yaml"). A missing field whose near twin is an unknown field is said once, on the typo.
 */
export const authorIssues = (
	issues: readonly SchemaIssue[],
	data: unknown,
	root: z.ZodType,
	what: string,
	/** the fields of a mapping the schema cannot list (a goal's check) */
	fieldsOf: (parent: FieldPath, value: unknown) => readonly string[] | undefined = () => undefined,
): AuthorIssue[] => {
	const out: AuthorIssue[] = [];
	const typos = new Map<string, string>(); // "parent path|known field" -> the unknown key that is probably it
	const unknownIn = (issue: SchemaIssue): string[] => {
		if (issue.code === 'unrecognized_keys') return issue.keys ?? [];
		const custom = /^(?:unknown key|Unrecognized key:) "(.+)"$/.exec(issue.message);
		return custom ? [custom[1]] : [];
	};

	for (const issue of issues) {
		const unknown = unknownIn(issue);
		if (unknown.length === 0) continue;
		const parent = issue.code === 'unrecognized_keys' ? issue.path : issue.path.slice(0, -1);
		const known = fieldsAt(root, parent) ?? fieldsOf(parent, valueAt(data, parent)) ?? [];
		const present = Object.keys((valueAt(data, parent) as object | undefined) ?? {});
		for (const key of unknown) {
			const near = nearest(key, known.filter(k => !present.includes(k)));
			const where = parent.length === 0 ? what : formatPath(parent);
			const list = known.length > 0 ? ` (its fields: ${known.join(', ')})` : '';
			out.push({path: [...parent, key], message: near ? `unknown field "${visible(key)}" in ${where}: did you mean ${near}?` : `unknown field "${visible(key)}" in ${where}${list}`});
			if (near) typos.set(`${formatPath(parent)}|${near}`, key);
		}
	}

	for (const issue of issues) {
		if (unknownIn(issue).length > 0) continue;
		const path = issue.path;
		const received = /received (\w+)/.exec(issue.message)?.[1];
		if (issue.code === 'invalid_type' && received === 'undefined') {
			const field = path.at(-1);
			if (typeof field === 'string' && typos.has(`${formatPath(path.slice(0, -1))}|${field}`)) continue;
			out.push({path, message: `missing: ${what === 'a lesson' && path.length === 1 ? 'every lesson needs' : 'this needs'} ${String(field)}${purpose(root, path)}`});
		} else if (issue.code === 'invalid_type' && path.length === 0) {
			const value = valueAt(data, path);
			out.push({path, message: `${what} holds fields (name: value lines, such as id: and title:), but this file holds ${value === null || value === undefined ? 'nothing' : KIND[kindOf(value)] ?? kindOf(value)}`});
		} else if (issue.code === 'invalid_type' && issue.expected) {
			const value = valueAt(data, path);
			const expected = KIND[issue.expected] ?? issue.expected;
			const got = issue.expected === 'int' && typeof value === 'number' ? `${value}, which is not whole` : `${KIND[kindOf(value)] ?? kindOf(value)}${shown(value)}`;
			out.push({path, message: `should be ${expected}, not ${got}${purpose(root, path)}`});
		} else {
			out.push({path, message: issue.message.replace(/^Invalid option: expected one of /, 'should be one of ').replace(/^Invalid input: /, '')});
		}
	}

	return out;
};

const INDENT_CAUSE = 'Usual cause: one space too many or too few. Fields of one mapping start in the same column; the fields of a list item line up with the text after its "- ".';

/** What a YAML error code means to an author, and its usual cause (undefined: the parser's words do). */
const YAML_WORDS: Record<string, string> = {
	BLOCK_AS_IMPLICIT_KEY: `YAML indentation: the next line is indented more than this one, so YAML reads the two as one field. ${INDENT_CAUSE} Or this field has a value after its colon and indented lines below it too: keep one of the two.`,
	MULTILINE_IMPLICIT_KEY: `YAML indentation: the next line is indented more than this one, so YAML reads the two as one field. ${INDENT_CAUSE}`,
	BAD_INDENT: `YAML indentation: this line does not start in the same column as the fields around it. ${INDENT_CAUSE}`,
	MISSING_CHAR: `YAML indentation: this line does not line up with the list around it. ${INDENT_CAUSE}`,
	TAB_AS_INDENT: 'YAML indentation: a tab indents this line, and YAML indents with spaces only. Replace the tab with spaces.',
	DUPLICATE_KEY: 'this field appears twice in the same place. Usual cause: a copy and paste, or a line indented to the wrong level.',
};

/** One YAML syntax error as an author reads it: what is wrong, the line itself, and the usual cause. */
export const yamlProblem = (code: string, message: string, lines: readonly string[], line: number): string => {
	// MISSING_CHAR is any missing character: only a list item's missing "- " is an indentation matter
	// and an unclosed [ or { is reported as BAD_INDENT at the end of the file: the parser's words say it
	const words = (code === 'MISSING_CHAR' && !/without - indicator/.test(message)) || /^Flow /.test(message) ? undefined : YAML_WORDS[code];
	// the line, and for a field that swallowed the next line, that one too
	const shownLines = /IMPLICIT_KEY/.test(code) ? [line, line + 1] : [line];
	const width = String(shownLines.at(-1)).length;
	const quoted = shownLines
		.filter(n => lines[n - 1] !== undefined)
		.map(n => `\n    ${String(n).padStart(width)} | ${visible(lines[n - 1])}`)
		.join('');
	if (!words) return `YAML: ${message}${quoted}`;
	const [what, ...cause] = words.split(/(?<=\.) (?=Usual cause|Replace)/);
	return `${what}${quoted}${cause.length > 0 ? `\n  ${cause.join(' ')}` : ''}`;
};
