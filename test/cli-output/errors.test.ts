import {describe, expect, it} from 'vitest';
import {acceptorExplanation, apiErrorText, EXIT_CLIENT_ERROR, EXIT_CONFIGURATION, EXIT_GENERAL, EXIT_PARAM_VALIDATION, waiterErrorText} from '../../source/cli/output/errors.js';

describe('error texts (CLI v2 >= 2.34)', () => {
	it('exit codes from awscli/constants.py', () => {
		expect([EXIT_PARAM_VALIDATION, EXIT_CONFIGURATION, EXIT_CLIENT_ERROR, EXIT_GENERAL]).toEqual([252, 253, 254, 255]);
	});

	it('an API error (reference 1.4, wazuh#654 form)', () => {
		expect(apiErrorText('InvalidAMIID.NotFound', 'The image id \'[ami-00000000000000000]\' does not exist', 'DescribeImages'))
			.toBe('\naws: [ERROR]: An error occurred (InvalidAMIID.NotFound) when calling the DescribeImages operation: The image id \'[ami-00000000000000000]\' does not exist\n');
	});

	it('waiter failures (reference 3.15)', () => {
		expect(waiterErrorText('ImageAvailable', {kind: 'error', code: 'InvalidAMIID.NotFound', message: 'The image id \'[ami-0123456789abcdef0]\' does not exist'}))
			.toBe('\naws: [ERROR]: Waiter ImageAvailable failed: An error occurred (InvalidAMIID.NotFound): The image id \'[ami-0123456789abcdef0]\' does not exist\n');
		expect(waiterErrorText('ImageAvailable', {kind: 'terminal', explanation: acceptorExplanation({matcher: 'pathAny', argument: 'Images[].State', expected: 'failed'})}))
			.toBe('\naws: [ERROR]: Waiter ImageAvailable failed: Waiter encountered a terminal failure state: For expression "Images[].State" we matched expected path: "failed" at least once\n');
		expect(waiterErrorText('InstanceStopped', {kind: 'max-attempts'})).toBe('\naws: [ERROR]: Waiter InstanceStopped failed: Max attempts exceeded\n');
	});

	it('acceptor explanations (botocore waiter.py)', () => {
		expect(acceptorExplanation({matcher: 'pathAll', argument: 'Images[].State', expected: 'available'}))
			.toBe('For expression "Images[].State" all members matched expected path: "available"');
		expect(acceptorExplanation({matcher: 'error', expected: 'InvalidAMIID.NotFound'})).toBe('Matched expected service error code: InvalidAMIID.NotFound');
	});
});
