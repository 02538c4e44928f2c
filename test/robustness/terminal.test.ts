import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {CLI, termsOfEachTest, type Term} from '../e2e/helpers/term.js';

// The game in a real terminal under the conditions of issue 10, point 10: a window below the
// minimum, Ctrl+Z and fg, TERM=dumb. Needs the build (npm test builds first).
const open = termsOfEachTest();

const processState = (pid: number) => {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.skipIf(!fs.existsSync(CLI))('the terminal', () => {
	it('below the minimum size says so instead of cutting the title off, and recovers when it grows', async () => {
		const term = open({columns: 50, rows: 15});
		await term.waitFor('Terminal too small (50×15)');
		expect(term.screen()).toMatch(/AMI School needs\s+60×20/);
		term.resize(80, 24);
		await term.waitFor('1. The master image');
		expect(term.screen()).not.toContain('Terminal too small');
	}, 30_000);

	it.skipIf(process.platform !== 'linux')('Ctrl+Z stops the game with the terminal restored; SIGCONT (fg) draws it again and keys work', async () => {
		const term = open({columns: 80, rows: 24});
		await term.waitFor('1. The master image');
		term.write('\u001A');
		let state = '';
		for (let i = 0; i < 100 && state !== 'T'; i++) {
			await sleep(30);
			state = processState(term.pid);
		}

		expect(state).toBe('T'); // stopped, as a shell's job is
		expect(term.raw()).toContain('\u001B[?25h'); // cursor given back
		process.kill(term.pid, 'SIGCONT');
		await sleep(300);
		await term.waitFor('1. The master image');
		term.write('\u001B[B'); // Down
		await term.waitFor(/❯ 2\. Baking the image/);
	}, 30_000);

	it('TERM=dumb plays in the plain line mode: no cursor movement, lines that fit', async () => {
		const term = open({env: {TERM: 'dumb'}});
		await term.waitFor('Choose a chapter by number');
		term.write('q\r');
		expect(await term.exited()).toBe(0);
		expect(term.raw()).not.toMatch(/\u001B\[/);
		for (const line of term.all().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	}, 30_000);
});
