import {z} from 'zod';
import {readOnlyLine} from '../shell/programs.js';
import {nearest} from './author-words.js';
import {issuePath} from './locate.js';

// A goal's check: what the world (or the record of calls, or the cost meter) must show for the
// goal to be met. Exactly one kind per check object; `all`, `any` and `not` combine them.

export type AwsCheck = {aws: string; region?: string; query?: string};
export type HistoryCheck = {history: {operation?: string; ok?: boolean; dryRun?: boolean; errorCode?: string; region?: string}};
export type CostCheck = {cost: {hourlyAtMost?: number; totalAtMost?: number}};
export type ShellCheck = {shell: string; expect?: string; exitCode?: number};
/** Values a `ran` check looks for: text (with $VARS), a list of texts, or what a read-only aws query over the world gives now. */
export type ValueSource = string | string[] | {aws: string; region?: string; query: string};
/** Something the learner ran themselves (see lessons/README.md, "What the learner did"). */
export type RanCheck = {
	ran: {
		program?: string;
		command?: string;
		operation?: string;
		ok?: boolean;
		errorCode?: string;
		dryRun?: boolean;
		region?: string;
		names?: ValueSource;
		shows?: ValueSource;
		about?: ValueSource;
		confirms?: ValueSource;
		instance?: string;
		image?: string;
		after?: Check;
	};
};
/** An image that would serve a page: what a computer launched from it answers after its first boot, with nothing added. */
export type ServesCheck = {serves: {image: ValueSource; path?: string; port?: number; expect?: string}};
export type AllCheck = {all: Check[]};
export type AnyCheck = {any: Check[]};
export type NotCheck = {not: Check};
export type Check = AwsCheck | HistoryCheck | CostCheck | ShellCheck | RanCheck | ServesCheck | AllCheck | AnyCheck | NotCheck;

export const CHECK_KINDS = ['aws', 'history', 'cost', 'shell', 'ran', 'serves', 'all', 'any', 'not'] as const;

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not a Region name (e.g. us-east-1)');

/** Words a check's `aws:` line must not carry: the check sets the output and applies `query` itself. */
const reservedAwsOptions = /(^|\s)--(output|query|no-paginate|profile|endpoint-url)(\s|=|$)/;

const readOnlyAws = z
	.string()
	.min(1)
	.refine(s => /^ec2\s+(describe-|get-|list-)\S+/.test(s.trim()), 'must be a read-only command such as "ec2 describe-images …" (without the leading aws)')
	.refine(s => !reservedAwsOptions.test(s), 'must not set --output or --query: use the check\'s query field');

const awsCheck = z.strictObject({
	aws: readOnlyAws.describe('a read-only aws command without the leading aws (ec2 describe-…): met when its answer, after query, is truthy'),
	region: region.optional().describe('the Region to ask (default: the lesson\'s)'),
	query: z.string().min(1).optional().describe('a JMESPath expression applied to the answer (may use $VARS)'),
});

const valueSource = z.union(
	[
		z.string().min(1),
		z.array(z.string().min(1)).min(1),
		z.strictObject({
			aws: readOnlyAws.describe('a read-only aws command without the leading aws'),
			region: region.optional().describe('the Region to ask (default: the lesson\'s)'),
			query: z.string().min(1).describe('a JMESPath expression giving the values'),
		}),
	],
	{error: 'a text, a list of texts, or {aws: ec2 describe-…, query: …}'},
);

/** A `ran` check without its `after` (a check of its own, validated by the visitor below). */
export const ranFields = z.strictObject({
	program: z.string().regex(/^[\w.+-]+$/, 'a program name such as curl or aws').optional().describe('the program the learner ran (curl, ssh, aws …)'),
	command: z.string().regex(/^[a-z\d]+( [a-z\d-]+){0,2}$/, 'the words after aws, e.g. "ec2 describe-images" or "ec2 wait image-available"').optional().describe('the aws command, as the words after aws (ec2 describe-images, ec2 wait image-available)'),
	operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'an API operation name such as CreateImage').optional().describe('the API operation it called (CreateImage …)'),
	ok: z.boolean().optional().describe('true: it succeeded; false: it failed'),
	errorCode: z.string().min(1).optional().describe('the error code it met (InvalidAMIID.NotFound …)'),
	dryRun: z.boolean().optional().describe('true: a --dry-run call; false: a real one'),
	region: region.optional().describe('the Region it ran against'),
	names: valueSource.optional().describe('values its command line must name: a text, a list, or {aws, query} over the world now'),
	shows: valueSource.optional().describe('values its output must show'),
	about: valueSource.optional().describe('values it must name or show'),
	confirms: valueSource.optional().describe('values it established: showed them, or an AWS call that vouches for them (a waiter that succeeded, a describe whose --filters name them)'),
	instance: z.string().min(1).optional().describe('a JMESPath condition on the instance it reached (curl, ssh)'),
	image: z.string().min(1).optional().describe('a JMESPath condition on the image of the instance it reached'),
});

const historyCheck = z.strictObject({
	history: z
		.strictObject({
			operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'an API operation name such as CreateImage').optional().describe('the API operation called (DescribeImages …)'),
			ok: z.boolean().optional().describe('true: it succeeded; false: it failed'),
			dryRun: z.boolean().optional().describe('true: a --dry-run call; false: a real one'),
			errorCode: z.string().min(1).optional().describe('the error code it returned'),
			region: region.optional().describe('the Region it was called in'),
		})
		.describe('met once the record of API calls holds one like this'),
});

const costCheck = z.strictObject({
	cost: z
		.strictObject({
			hourlyAtMost: z.number().min(0).optional().describe('met while what runs costs at most this many dollars an hour'),
			totalAtMost: z.number().min(0).optional().describe('met while the bill so far is at most this many dollars'),
		})
		.refine(c => c.hourlyAtMost !== undefined || c.totalAtMost !== undefined, 'give hourlyAtMost or totalAtMost')
		.describe('met while the sandbox\'s cost is low enough'),
});

const shellCheck = z.strictObject({
	shell: z
		.string()
		.min(1)
		.describe('a read-only shell line run in a copy of the player\'s shell: met when it exits with exitCode and prints expect')
		.refine(
			line => readOnlyLine(line),
			'only read-only commands are allowed: programs of the player\'s shell used without changing anything (aws ec2 describe-/get-/list-/wait, curl, cat, grep, ssh … with a read-only command), nothing redirected into a file',
		),
	expect: z.string().optional().describe('text its output must contain'),
	exitCode: z.number().int().optional().describe('the exit code it must end with (default 0)'),
});

const servesCheck = z.strictObject({
	serves: z
		.strictObject({
			image: valueSource.describe('the images (IDs: a text, a list, or {aws, query}) one of which must serve the page'),
			path: z.string().regex(/^\//, 'a path on the web server, starting with /').optional().describe('the page\'s path (default /)'),
			port: z.number().int().min(1).max(65_535).optional().describe('the web server\'s port (default 80)'),
			expect: z.string().min(1).optional().describe('text the page must contain'),
		})
		.describe('met when a computer launched from one of the images, booted once with nothing added, serves the web page'),
});

export const leafSchemas = {aws: awsCheck, history: historyCheck, cost: costCheck, shell: shellCheck, serves: servesCheck} as const;

/**
 * Validates a check by its kind (the key it carries), so that errors name the exact field
 * instead of zod's "no union member matched".
 */
export const checkSchema: z.ZodType<Check> = z.unknown().transform((value, ctx): Check => {
	const issue = (message: string, path: Array<string | number> = []) => {
		ctx.addIssue({code: 'custom', message, path, input: value});
		return z.NEVER;
	};

	const visit = (node: unknown, path: Array<string | number>): Check | undefined => {
		if (node === null || typeof node !== 'object' || Array.isArray(node)) {
			issue(`a check must be a mapping with one of: ${CHECK_KINDS.join(', ')}`, path);
			return undefined;
		}

		const kinds = CHECK_KINDS.filter(k => Object.hasOwn(node, k));
		if (kinds.length !== 1) {
			// a misspelt kind (`asw:`) is said on its own line, with the kind it is probably
			const typo = kinds.length === 0 ? Object.keys(node).find(key => nearest(key, CHECK_KINDS)) : undefined;
			if (typo) issue(`unknown field "${typo}" in a check: did you mean ${nearest(typo, CHECK_KINDS)}?`, [...path, typo]);
			else issue(kinds.length === 0 ? `a check needs one of: ${CHECK_KINDS.join(', ')}` : `a check has exactly one kind, found: ${kinds.join(', ')}`, path);
			return undefined;
		}

		const kind = kinds[0];
		const record = node as Record<string, unknown>;
		if (kind === 'all' || kind === 'any') {
			const extra = Object.keys(record).filter(k => k !== kind);
			if (extra.length > 0) issue(`unknown key "${extra[0]}"`, [...path, extra[0]]);
			const list = record[kind];
			if (!Array.isArray(list) || list.length === 0) {
				issue('a non-empty list of checks', [...path, kind]);
				return undefined;
			}

			const children = list.map((child, i) => visit(child, [...path, kind, i]));
			return children.every(Boolean) ? ({[kind]: children} as Check) : undefined;
		}

		if (kind === 'ran') {
			const extra = Object.keys(record).filter(k => k !== kind);
			if (extra.length > 0) issue(`unknown key "${extra[0]}"`, [...path, extra[0]]);
			const body = record.ran;
			if (body === null || typeof body !== 'object' || Array.isArray(body)) {
				issue('a mapping of what the learner ran (program, command, operation, ok, shows, …)', [...path, 'ran']);
				return undefined;
			}

			const {after, ...fields} = body as Record<string, unknown>;
			const parsed = ranFields.safeParse(fields);
			if (!parsed.success) for (const sub of parsed.error.issues) issue(sub.message, [...path, 'ran', ...(issuePath(sub) as Array<string | number>)]);
			const afterCheck = after === undefined ? undefined : visit(after, [...path, 'ran', 'after']);
			if (!parsed.success || (after !== undefined && !afterCheck)) return undefined;
			return {ran: {...parsed.data, ...(afterCheck ? {after: afterCheck} : {})}};
		}

		if (kind === 'not') {
			const extra = Object.keys(record).filter(k => k !== kind);
			if (extra.length > 0) issue(`unknown key "${extra[0]}"`, [...path, extra[0]]);
			const child = visit(record.not, [...path, 'not']);
			return child ? {not: child} : undefined;
		}

		const parsed = leafSchemas[kind as keyof typeof leafSchemas].safeParse(node);
		if (!parsed.success) {
			for (const sub of parsed.error.issues) issue(sub.message, [...path, ...(issuePath(sub) as Array<string | number>)]);
			return undefined;
		}

		return parsed.data as Check;
	};

	return visit(value, []) ?? (z.NEVER as never);
});

/** Every JMESPath query and aws line inside a check, with its path (for compile checks). */
export const checkLeaves = (check: Check, path: Array<string | number> = []): Array<{check: AwsCheck | HistoryCheck | CostCheck | ShellCheck | RanCheck | ServesCheck; path: Array<string | number>}> => {
	if ('all' in check) return check.all.flatMap((c, i) => checkLeaves(c, [...path, 'all', i]));
	if ('any' in check) return check.any.flatMap((c, i) => checkLeaves(c, [...path, 'any', i]));
	if ('not' in check) return checkLeaves(check.not, [...path, 'not']);
	if ('ran' in check && check.ran.after) return [{check, path}, ...checkLeaves(check.ran.after, [...path, 'ran', 'after'])];
	return [{check, path}];
};

/** The states that `after:` fields wait for (every `after` that is not itself a `ran`), in order, each once. */
export const afterStates = (checks: Check[]): Check[] => {
	const found = new Map<string, Check>();
	const visit = (check: Check): void => {
		if ('all' in check) check.all.forEach(visit);
		else if ('any' in check) check.any.forEach(visit);
		else if ('not' in check) visit(check.not);
		else if ('ran' in check && check.ran.after) {
			const after = check.ran.after;
			if (!('ran' in after)) found.set(markKey(after), after);
			visit(after);
		}
	};

	checks.forEach(visit);
	return [...found.values()];
};

/** A short, stable name for a state check (FNV-1a of its JSON), as history entries' `marks` record it. */
export const markKey = (check: Check): string => {
	let hash = 0x81_1c_9d_c5;
	for (const ch of JSON.stringify(check)) {
		hash ^= ch.codePointAt(0)!;
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}

	return hash.toString(16).padStart(8, '0');
};

/** The fields a mapping inside a goal's check may hold, by where it is: for did-you-mean. */
export const checkFieldsAt = (parentKey: PropertyKey | undefined, value: unknown): readonly string[] => {
	if (parentKey === 'ran') return [...Object.keys(ranFields.shape), 'after'];
	if (parentKey === 'history') return Object.keys(historyCheck.shape.history.shape);
	if (parentKey === 'cost') return Object.keys(costCheck.shape.cost.shape);
	if (parentKey === 'serves') return Object.keys(servesCheck.shape.serves.shape);
	const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	const kind = (['aws', 'shell'] as const).find(k => Object.hasOwn(record, k));
	return kind ? Object.keys(leafSchemas[kind].shape) : CHECK_KINDS;
};
