// --query: JMESPath applied client-side to the parsed response. Syntax is checked by a port of
// jmespath.py's parser (so a bad expression fails exactly as the CLI's does, exit 252, before any
// API call); evaluation uses the jmespath npm package, whose runtime errors are mapped onto
// jmespath.py's texts (the CLI reports them as general errors, exit 255).
import vm from 'node:vm';
import {search as jmesSearch} from 'jmespath';
import {EXIT_GENERAL, EXIT_PARAM_VALIDATION, errorText, paramValidationErrorText} from './errors.js';
import {checkSyntax, JmesPathSyntaxError} from './jmespath-syntax.js';
import type {JsonValue} from './json-value.js';

/** A JMESPath failure; `message` is the text jmespath.py's exception would print. */
export class JmesPathError extends Error {
	constructor(message: string, readonly phase: 'compile' | 'evaluate') {
		super(message);
	}
}

export type QueryFailure = {ok: false; stderr: string; exitCode: number};

const pluralArgument = (n: number): string => (n === 1 ? 'argument' : 'arguments');

const JS_TYPE_TO_PY: Record<string, string> = {
	'Array<number>': 'array-number', 'Array<string>': 'array-string', expression: 'expref',
};

/** jmespath.js runtime error text -> jmespath.py's. */
const pythonRuntimeMessage = (jsMessage: string): string => {
	const arity = /^ArgumentError: (\w+)\(\) takes (at least)? ?(\d+) arguments? but received (\d+)$/.exec(jsMessage);
	if (arity) {
		const expected = Number(arity[3]);
		return `Expected ${arity[2] ? 'at least ' : ''}${expected} ${pluralArgument(expected)} for function ${arity[1]}(), received ${arity[4]}`;
	}
	const type = /^TypeError: (\w+)\(\) expected argument \d+ to be type (.+) but received type (\w+) instead\.$/.exec(jsMessage);
	if (type) {
		const expected = type[2].split(',').map((t) => `'${JS_TYPE_TO_PY[t] ?? t}'`).join(', ');
		const received = type[3] === 'expression' ? 'expref' : type[3];
		return `In function ${type[1]}(), invalid type for value: ?, expected one of: [${expected}], received: "${received}"`;
	}
	return jsMessage;
};

/** Python stops at its recursion limit; JavaScript at its stack: either way, a clear message. */
const TOO_DEEP = 'Invalid jmespath expression: it is nested too deeply';

const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

/** jmespath.compile(expression): throws JmesPathError (phase 'compile') with Python's text. */
export const compileCheck = (expression: string): void => {
	try {
		checkSyntax(expression);
	} catch (error) {
		if (error instanceof JmesPathSyntaxError) throw new JmesPathError(error.message, 'compile');
		if (isStackOverflow(error)) throw new JmesPathError(TOO_DEEP, 'compile');
		throw error;
	}
};

/** Bounds on one evaluation: an expression such as [@,@][] doubles its result at every step. */
export const QUERY_TIME_LIMIT_MS = 3000;
export const QUERY_MAX_VALUES = 1_000_000;

/**
 * The data as objects without a prototype, so that a field such as `constructor` or `toString`
 * is only ever a key of the data (absent: null), never a property JavaScript lends every object.
 * jmespath.js calls obj.hasOwnProperty(key) (its truthiness test), so that one is lent back,
 * hidden from enumeration, and functions are turned into null on the way out.
 */
const lendHasOwn = {value: Object.prototype.hasOwnProperty, enumerable: false};
const detach = (value: unknown): unknown => {
	if (Array.isArray(value)) return value.map(detach);
	if (value === null || typeof value !== 'object') return value;
	const copy = Object.create(null, {hasOwnProperty: lendHasOwn}) as Record<string, unknown>;
	for (const [key, child] of Object.entries(value)) Object.defineProperty(copy, key, {value: detach(child), enumerable: true, writable: true, configurable: true});
	return copy;
};

/** Back to plain JSON values, counting them: too many, and the result is refused. */
const attach = (value: unknown, budget: {left: number}): JsonValue => {
	if (--budget.left < 0) throw new JmesPathError(`the --query result has more than ${QUERY_MAX_VALUES.toLocaleString('en-US')} values; AMI School stops there`, 'evaluate');
	if (typeof value === 'function' || value === undefined) return null;
	if (Array.isArray(value)) return value.map(child => attach(child, budget));
	if (value === null || typeof value !== 'object') return value as JsonValue;
	const plain: Record<string, JsonValue> = {};
	for (const [key, child] of Object.entries(value)) Object.defineProperty(plain, key, {value: attach(child, budget), enumerable: true, writable: true, configurable: true});
	return plain;
};

/**
 * Only an expression with many projections, multiselects or pipes can multiply its work (each
 * `[@,@][]` doubles it); the rest run directly, as the watchdog costs a few ms per call.
 */
const mayExplode = (expression: string): boolean => (expression.match(/[[{|(]/g)?.length ?? 0) >= 8;

// One context, reused: its timeout stops even the host function it calls.
let sandbox: vm.Context | undefined;
const evaluate = new vm.Script('search(data, expression)');
const runBounded = (data: unknown, expression: string): unknown => {
	if (!mayExplode(expression)) return jmesSearch(data, expression);
	sandbox ??= vm.createContext({});
	sandbox.search = jmesSearch;
	sandbox.data = data;
	sandbox.expression = expression;
	try {
		return evaluate.runInContext(sandbox, {timeout: QUERY_TIME_LIMIT_MS});
	} catch (error) {
		if ((error as {code?: string}).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new JmesPathError(`the --query expression ran for more than ${QUERY_TIME_LIMIT_MS / 1000} s; AMI School stops it there`, 'evaluate');
		throw error;
	} finally {
		sandbox.data = undefined;
	}
};

/**
 * jmespath.search(expression, data), as jmespath.py would answer. Also what lesson goals use to
 * look into describe views. Throws JmesPathError.
 */
export const search = (data: unknown, expression: string): JsonValue => {
	compileCheck(expression);
	let result: unknown;
	try {
		result = runBounded(detach(data), expression);
	} catch (error) {
		if (error instanceof JmesPathError) throw error;
		if (isStackOverflow(error)) throw new JmesPathError(TOO_DEEP, 'evaluate');
		// errors thrown inside the context are of its realm: not `instanceof Error` here
		const message = error !== null && typeof error === 'object' && 'message' in error ? String((error as {message: unknown}).message) : String(error);
		throw new JmesPathError(pythonRuntimeMessage(message), 'evaluate');
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
