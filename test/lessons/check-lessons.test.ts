import {describe, expect, it} from 'vitest';
import {runCheckCommand} from '../../source/commands/check.js';
import {defaultLessonsDir} from '../../source/lessons/load.js';

// The real chapters in lessons/, with the real shell and EC2 model: every file valid, every
// reference solution and alternative meets every goal (the reference with 3 stars), every
// known-wrong attempt does not.

describe('lessons/', () => {
	it('passes `ami-school check`', async () => {
		const out: string[] = [];
		const code = await runCheckCommand([defaultLessonsDir()], {
			stdout: {write: (t: string) => out.push(t)},
			stderr: {write: (t: string) => out.push(t)},
			readFile: () => '',
			readStdin: () => '',
		});
		const report = out.join('');
		expect(report, report).toMatch(/chapters? checked: all good\n$/);
		expect(code).toBe(0);
	}, 180_000);
});
