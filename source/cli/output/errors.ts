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

export {acceptorExplanation, waiterReason, type WaiterAcceptor, type WaiterFailure} from '../waiters/text.js';
import {waiterReason, type WaiterFailure} from '../waiters/text.js';

/** `aws ec2 wait …` failure, e.g. waiterErrorText('ImageAvailable', {kind: 'max-attempts'}). Exit 255. */
export const waiterErrorText = (waiterName: string, failure: WaiterFailure | string): string =>
	errorText(`Waiter ${waiterName} failed: ${typeof failure === 'string' ? failure : waiterReason(failure)}`);
