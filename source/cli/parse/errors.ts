// How AWS CLI v2 (>= 2.34) reports problems it finds before calling AWS (awscli/errorhandler.py,
// errorformat.py): `\naws: [ERROR]: <message stripped>\n`. Parameter problems carry the
// `An error occurred (ParamValidation): ` prefix and exit 252; argparse problems append the
// usage block to that message; `Unknown options` prints the usage first; anything else the CLI
// does not anticipate (a Python ValueError) exits 255.

import {EXIT_GENERAL, EXIT_PARAM_VALIDATION, errorText, paramValidationErrorText} from '../output/errors.js';

export type ParseError = {kind: 'error'; stderr: string; exitCode: number};

export const USAGE = 'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** ParamError, ParamSyntaxError, botocore ParamValidationError ... -> 252. */
export const paramValidationError = (message: string): ParseError => ({
	kind: 'error',
	stderr: paramValidationErrorText(message),
	exitCode: EXIT_PARAM_VALIDATION,
});

/** An argparse error (missing/invalid arguments): the message, a blank line, the usage. */
export const usageError = (message: string): ParseError => paramValidationError(`${message}\n\nusage: ${USAGE}`);

/** UnknownArgumentErrorHandler: usage block first, then the error line. */
export const unknownOptionsError = (options: string[]): ParseError => ({
	kind: 'error',
	stderr: `\nusage: ${USAGE}\n${errorText(`Unknown options: ${options.join(', ')}`)}`,
	exitCode: EXIT_PARAM_VALIDATION,
});

/** GeneralExceptionHandler: an exception the CLI lets through (e.g. int('abc')). */
export const generalError = (message: string): ParseError => ({kind: 'error', stderr: errorText(message), exitCode: EXIT_GENERAL});

/** `Error parsing parameter '--tags': ...` (awscli.argprocess.ParamError). */
export const paramError = (cliName: string, message: string): ParseError => paramValidationError(`Error parsing parameter '${cliName}': ${message}`);

/** Thrown inside the parser, turned into a ParseError at the top. */
export class ParseFailure extends Error {
	constructor(readonly result: ParseError) {
		super(result.stderr);
	}
}
