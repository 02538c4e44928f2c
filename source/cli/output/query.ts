// --query: JMESPath applied client-side to the parsed response, by a port of jmespath.py (the
// engine inside the AWS CLI): a bad expression fails exactly as the CLI's does (exit 252, before
// any API call), and evaluation gives the CLI's answers and runtime errors (exit 255).
import {parse, JmesPathSyntaxError, type Node} from '../jmespath/parser.js';
import {evaluate} from '../jmespath/interpreter.js';
import {Expref} from '../jmespath/functions.js';
import {JmesPathRuntimeError} from '../jmespath/python.js';
import {EXIT_GENERAL, EXIT_PARAM_VALIDATION, errorText, paramValidationErrorText} from './errors.js';
import type {JsonValue} from './json-value.js';

/** A JMESPath failure; `message` is the text jmespath.py's exception would print. */
export class JmesPathError extends Error {
	constructor(message: string, readonly phase: 'compile' | 'evaluate') {
		super(message);
	}
}

export type QueryFailure = {ok: false; stderr: string; exitCode: number};

/** Python stops at its recursion limit; JavaScript at its stack: either way, a clear message. */
const TOO_DEEP = 'Invalid jmespath expression: it is nested too deeply';

const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

// jmespath.py keeps compiled expressions in a cache too; goals ask the same few again and again
const compiled = new Map<string, Node>();
const CACHE_SIZE = 256;

/** jmespath.compile(expression): the AST, or a JmesPathError (phase 'compile') with Python's text. */
const compile = (expression: string): Node => {
	const cached = compiled.get(expression);
	if (cached) return cached;
	try {
		const tree = parse(expression);
		if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
		compiled.set(expression, tree);
		return tree;
	} catch (error) {
		if (error instanceof JmesPathSyntaxError) throw new JmesPathError(error.message, 'compile');
		if (isStackOverflow(error)) throw new JmesPathError(TOO_DEEP, 'compile');
		throw error;
	}
};

/** Throws JmesPathError (phase 'compile') when the expression does not compile. */
export const compileCheck = (expression: string): void => {
	compile(expression);
};

/** Bound on what one answer may hold: an expression such as [@,@][] doubles its result at every step. */
export const QUERY_MAX_VALUES = 1_000_000;

/** Back to plain JSON values, counting them: too many, and the result is refused. */
const attach = (value: unknown, budget: {left: number}): JsonValue => {
	if (--budget.left < 0) throw new JmesPathError(`the --query result has more than ${QUERY_MAX_VALUES.toLocaleString('en-US')} values; AMI School stops there`, 'evaluate');
	if (value === undefined || value instanceof Expref) return null;
	if (Array.isArray(value)) return value.map(child => attach(child, budget));
	if (value === null || typeof value !== 'object') return value as JsonValue;
	const plain: Record<string, JsonValue> = {};
	for (const [key, child] of Object.entries(value)) Object.defineProperty(plain, key, {value: attach(child, budget), enumerable: true, writable: true, configurable: true});
	return plain;
};

/**
 * jmespath.search(expression, data), as jmespath.py would answer. Also what lesson goals use to
 * look into describe views. Throws JmesPathError.
 */
export const search = (data: unknown, expression: string): JsonValue => {
	const tree = compile(expression);
	let result: unknown;
	try {
		result = evaluate(tree, data);
	} catch (error) {
		if (error instanceof JmesPathRuntimeError) throw new JmesPathError(error.message, 'evaluate');
		if (isStackOverflow(error)) throw new JmesPathError(TOO_DEEP, 'evaluate');
		throw error;
	}

	return attach(result, {left: QUERY_MAX_VALUES});
};

/** The CLI's `Bad value for --query <expr>: <error>` usage failure (exit 252), or null when the expression compiles. */
export const checkQuery = (expression: string): QueryFailure | null => {
	try {
		compileCheck(expression);
		return null;
	} catch (error) {
		if (!(error instanceof JmesPathError)) throw error;
		const shown = error.message === TOO_DEEP && expression.length > 80 ? `${expression.slice(0, 60)}... (${expression.length} characters)` : expression;
		return {ok: false, stderr: paramValidationErrorText(`Bad value for --query ${shown}: ${error.message}`), exitCode: EXIT_PARAM_VALIDATION};
	}
};

/** Runs --query over a response; a compile error is the 252 usage failure, a runtime error a 255. */
export const applyQuery = (data: unknown, expression: string): {ok: true; value: JsonValue} | QueryFailure => {
	const bad = checkQuery(expression);
	if (bad) return bad;
	try {
		return {ok: true, value: search(data, expression)};
	} catch (error) {
		if (!(error instanceof JmesPathError)) throw error;
		return {ok: false, stderr: errorText(error.message), exitCode: EXIT_GENERAL};
	}
};
