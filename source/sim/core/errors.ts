import type {AwsErrorShape} from './types.js';

/** An error EC2 itself would return: code and message exactly as AWS prints them. */
export class AwsError extends Error implements AwsErrorShape {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.code = code;
		this.name = 'AwsError';
	}
}

export const fail = (code: string, message: string): never => {
	throw new AwsError(code, message);
};
