import {compileCheck, search} from '../cli/output/query.js';

// JMESPath for goal checks: the same parser and evaluator as the CLI's --query (cli/output/query.ts),
// plus JMESPath's own idea of truth.

/** undefined when the expression compiles, else the parser's message (jmespath.py's text). */
export const jmespathError = (expression: string): string | undefined => {
	try {
		compileCheck(expression);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
};

/** Throws on an expression that does not compile or fails at run time. */
export const jmespathSearch = (data: unknown, expression: string): unknown => search(data, expression);

/** JMESPath truthiness: false, null, '', [] and {} are false; everything else (0 too) is true. */
export const isTruthy = (value: unknown): boolean => {
	if (value === null || value === undefined || value === false || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.keys(value).length > 0;
	return true;
};
