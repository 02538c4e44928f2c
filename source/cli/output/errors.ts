// How AWS CLI v2 (>= 2.34, enhanced error format) prints failures on stderr, and its exit codes
// (awscli/constants.py, errorhandler.py, errorformat.py; botocore ClientError / WaiterError texts).

/** Exit codes of AWS CLI v2 (awscli/constants.py). */
export const EXIT_OK = 0;
/** Parameter/usage errors: bad arguments, bad --query. */
export const EXIT_PARAM_VALIDATION = 252;
/** Configuration errors: no Region, no credentials. */
export const EXIT_CONFIGURATION = 253;
/** A service (client) error returned by the API. */
export const EXIT_CLIENT_ERROR = 254;
/** Any other error, including waiter failures and --query runtime errors. */
export const EXIT_GENERAL = 255;

/** errorformat.write_error: a blank line, then `aws: [ERROR]: <message stripped>`, then a newline. */
export const errorText = (message: string): string => {
	const stripped = message.trim();
	return `\naws: [ERROR]:${stripped ? ` ${stripped}` : ''}\n`;
};

/** An API error, e.g. (InvalidAMIID.NotFound, "The image id '[ami-…]' does not exist", DescribeImages). Exit 254. */
export const apiErrorText = (code: string, message: string, operationName: string): string =>
	errorText(`An error occurred (${code}) when calling the ${operationName} operation: ${message}`);

/** A client-side validation failure (ParamValidationErrorsHandler, Code ParamValidation). Exit 252. */
export const paramValidationErrorText = (message: string): string => errorText(`An error occurred (ParamValidation): ${message}`);

/** A waiter acceptor, as in the service's waiters-2.json. */
export type WaiterAcceptor = {matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error'; expected: string | number | boolean; argument?: string};

/** botocore AcceptorConfig.explanation. */
export const acceptorExplanation = (acceptor: WaiterAcceptor): string => {
	switch (acceptor.matcher) {
		case 'path': return `For expression "${acceptor.argument}" we matched expected path: "${String(acceptor.expected)}"`;
		case 'pathAll': return `For expression "${acceptor.argument}" all members matched expected path: "${String(acceptor.expected)}"`;
		case 'pathAny': return `For expression "${acceptor.argument}" we matched expected path: "${String(acceptor.expected)}" at least once`;
		case 'status': return `Matched expected HTTP status code: ${String(acceptor.expected)}`;
		case 'error': return `Matched expected service error code: ${String(acceptor.expected)}`;
	}
};

/**
 * Why a waiter gave up (botocore Waiter.wait):
 * - terminal: a failure acceptor matched; give that acceptor's explanation
 * - error: the API returned an error no acceptor matched
 * - max-attempts: ran out of attempts; `previouslyAccepted` only when some retry acceptor had
 *   matched. Note botocore prints the explanation of the LAST acceptor in the list there (it reuses
 *   the loop variable), not the one that matched; pass what botocore would print.
 */
export type WaiterFailure =
	| {kind: 'terminal'; explanation: string}
	| {kind: 'error'; code: string; message: string}
	| {kind: 'max-attempts'; previouslyAccepted?: string};

export const waiterReason = (failure: WaiterFailure): string => {
	switch (failure.kind) {
		case 'terminal': return `Waiter encountered a terminal failure state: ${failure.explanation}`;
		case 'error': return `An error occurred (${failure.code}): ${failure.message}`;
		case 'max-attempts':
			return failure.previouslyAccepted === undefined
				? 'Max attempts exceeded'
				: `Max attempts exceeded. Previously accepted state: ${failure.previouslyAccepted}`;
	}
};

/** `aws ec2 wait …` failure, e.g. waiterErrorText('ImageAvailable', {kind: 'max-attempts'}). Exit 255. */
export const waiterErrorText = (waiterName: string, failure: WaiterFailure | string): string =>
	errorText(`Waiter ${waiterName} failed: ${typeof failure === 'string' ? failure : waiterReason(failure)}`);
