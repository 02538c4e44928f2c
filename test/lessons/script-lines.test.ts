import {describe, expect, it, vi} from 'vitest';
import {runPlayCommand} from '../../source/commands/play.js';
import type {CommandIo} from '../../source/lessons/command-io.js';
import {fakeDeps} from './fake-deps.js';
import {goodDir} from './fixture.js';

vi.mock('../../source/lessons/default-deps.js', async () => ({defaultLessonDeps: (await import('./fake-deps.js')).fakeDeps}));

// `play --script` says where a script went wrong as file:line (as compilers do, so an editor can
// jump there), on stderr; the JSON report gives each step its script line.

const play = async (script: string, report = false) => {
	const out: string[] = [];
	const err: string[] = [];
	const io: CommandIo = {stdout: {write: t => out.push(t)}, stderr: {write: t => err.push(t)}, readFile: () => script, readStdin: async () => script};
	const code = await runPlayCommand(['two-computers', '--script', 'lab.sh', '--lessons', goodDir, ...(report ? ['--report', 'json'] : [])], io, fakeDeps);
	return {code, out: out.join(''), err: err.join('')};
};

describe('play --script errors', () => {
	it('give file:line for each failed line and for an unfinished one', async () => {
		const {code, err} = await play('# my attempt\nfind\n\nnosuchcommand\nlaunch $AMI 2\necho "never closed\n');
		expect(code).toBe(1);
		expect(err).toBe('lab.sh:4: exit 127: bash: nosuchcommand: command not found\nlab.sh:6: the script ends inside this unfinished line (an open quote or a trailing backslash)\n');
	});

	it('the JSON report gives each step its script line, a continued line its first', async () => {
		const {out} = await play('find\n# a comment\necho "two\nlines"\nlaunch $AMI 2\n', true);
		const steps = (JSON.parse(out) as {steps: Array<{line: string; scriptLine: number}>}).steps;
		expect(steps.map(s => s.scriptLine)).toEqual([1, 3, 5]);
	});
});
