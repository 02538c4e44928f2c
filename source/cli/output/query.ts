// --query: JMESPath applied client-side to the parsed response. Syntax is checked by a port of
// jmespath.py's parser (so a bad expression fails exactly as the CLI's does, exit 252, before any
// API call); evaluation uses the jmespath npm package, whose runtime errors are mapped onto
// jmespath.py's texts (the CLI reports them as general errors, exit 255).
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

/** jmespath.compile(expression): throws JmesPathError (phase 'compile') with Python's text. */
export const compileCheck = (expression: string): void => {
	try {
		checkSyntax(expression);
	} catch (error) {
		if (error instanceof JmesPathSyntaxError) throw new JmesPathError(error.message, 'compile');
		throw error;
	}
};

/**
 * jmespath.search(expression, data), as jmespath.py would answer. Also what lesson goals use to
 * look into describe views. Throws JmesPathError.
 */
export const search = (data: unknown, expression: string): JsonValue => {
	compileCheck(expression);
	try {
		const result = jmesSearch(data, expression) as JsonValue | undefined;
		return result === undefined ? null : result;
	} catch (error) {
		throw new JmesPathError(pythonRuntimeMessage(error instanceof Error ? error.message : String(error)), 'evaluate');
	}
};

/** The CLI's `Bad value for --query <expr>: <error>` usage failure (exit 252), or null when the expression compiles. */
export const checkQuery = (expression: string): QueryFailure | null => {
	try {
		compileCheck(expression);
		return null;
	} catch (error) {
		if (!(error instanceof JmesPathError)) throw error;
		return {ok: false, stderr: paramValidationErrorText(`Bad value for --query ${expression}: ${error.message}`), exitCode: EXIT_PARAM_VALIDATION};
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
