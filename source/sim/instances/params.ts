import {fail} from '../core/errors.js';
import type {Instance} from '../core/types.js';

// Instance parameters RunInstances and ModifyInstanceAttribute both take, checked once, with
// EC2's own words (reference 3.3, 3.12).

const USER_DATA_LIMIT = 16_384;

/** User data arrives base64-encoded (whitespace allowed) and decodes to at most 16 KiB. */
export const checkUserData = (data: string): void => {
	const compact = data.replaceAll(/\s/g, '');
	if (compact.length % 4 !== 0 || !/^[A-Za-z\d+/]*={0,2}$/.test(compact)) fail('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
	if (Buffer.from(compact, 'base64').length > USER_DATA_LIMIT) fail('InvalidParameterValue', `User data is limited to ${USER_DATA_LIMIT} bytes`);
};

/** `stop` or `terminate`; an instance-store root cannot stop, so only `terminate` is allowed there. */
export const checkShutdownBehavior = (value: unknown, rootDeviceType: Instance['RootDeviceType']): 'stop' | 'terminate' => {
	if (value !== 'stop' && value !== 'terminate') return fail('InvalidParameterValue', `Invalid value '${String(value)}' for instanceInitiatedShutdownBehavior.`);
	if (value === 'stop' && rootDeviceType === 'instance-store') {
		fail('InvalidParameterCombination', 'The attribute instanceInitiatedShutdownBehavior can only be used for elastic images.');
	}

	return value;
};
