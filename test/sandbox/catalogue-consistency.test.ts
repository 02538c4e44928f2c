import {describe, expect, it} from 'vitest';
import {cliNameOfOperation, operationByCliName, serviceOfOperation, shape} from '../../source/cli/catalogue.js';
import {simulatedOperations} from '../../source/sim/core/engine.js';

// The model's operations and the committed catalogue must agree: every simulated operation is a
// real EC2 operation whose output shape the formatter can order (else keys print unordered).
describe('catalogue and model', () => {
	it('knows every simulated operation and its output shape', () => {
		const missing: string[] = [];
		for (const operation of simulatedOperations()) {
			const cli = cliNameOfOperation(operation);
			if (!cli) {
				missing.push(`${operation}: not in the catalogue`);
				continue;
			}

			const entry = operationByCliName(cli, serviceOfOperation(operation))!;
			if (entry.output && !shape(entry.output)) missing.push(`${operation}: output shape ${entry.output} missing (run npm run catalogue)`);
		}

		expect(missing).toEqual([]);
		expect(simulatedOperations().length).toBeGreaterThanOrEqual(34);
	});
});
