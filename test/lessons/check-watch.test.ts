import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseCommandLine, type CommandLine} from '../../source/args.js';
import {watchCheck, type Watcher} from '../../source/commands/check.js';
import {fakeDeps} from './fake-deps.js';
import {goodDir} from './fixture.js';

// `check --watch DIR` checks again when a lesson file is saved: one run per burst of saves. No
// timing is asserted: the watcher is driven by hand, or the test waits for the output it expects.

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const setup = () => {
	dir = mkdtempSync(path.join(tmpdir(), 'ami-watch-'));
	cpSync(goodDir, dir, {recursive: true});
	const cl = parseCommandLine(['check', dir, '--watch']) as CommandLine;
	const out: string[] = [];
	const io = {stdout: {write: (t: string) => out.push(t)}, stderr: {write: (t: string) => out.push(t)}, readFile: () => '', readStdin: () => ''};
	let stop!: () => void;
	const until = new Promise<void>(resolve => (stop = resolve));
	return {cl, io, out: () => out.join(''), until, stop};
};

const lessonFile = () => path.join(dir, '01-two.yaml');
const runs = (text: string) => text.match(/chapters? checked: /g)?.length ?? 0;

describe('check --watch', () => {
	it('checks once, then again after a burst of saves, with the new result', async () => {
		const t = setup();
		let changed: (file: string) => void = () => undefined;
		let closed = false;
		const watcher: Watcher = (_dir, onChange) => {
			changed = onChange;
			return {close: () => (closed = true)};
		};

		const done = watchCheck(t.cl, t.io, fakeDeps, {watcher, quietMs: 0, until: t.until});
		await vi.waitFor(() => expect(t.out()).toContain('Watching'));
		expect(runs(t.out())).toBe(1);
		expect(t.out()).toContain('all good');

		writeFileSync(lessonFile(), readFileSync(lessonFile(), 'utf8').replace(/^debrief:/m, 'debreif:'));
		changed(lessonFile());
		changed(lessonFile()); // an editor writes more than once: the timer restarts
		changed(path.join(dir, 'notes.txt')); // not a lesson file: ignored
		await vi.waitFor(() => expect(runs(t.out())).toBe(2));
		expect(t.out()).toContain('01-two.yaml changed: checking again');
		expect(t.out()).toContain('did you mean debrief?');
		t.stop();
		expect(await done).toBe(1); // the last run's result
		expect(closed).toBe(true);
		expect(runs(t.out())).toBe(2);
	});

	it('with the real file watcher, a save is noticed', {timeout: 30_000}, async () => {
		const t = setup();
		const done = watchCheck(t.cl, t.io, fakeDeps, {until: t.until});
		await vi.waitFor(() => expect(t.out()).toContain('Watching'));
		writeFileSync(lessonFile(), readFileSync(lessonFile(), 'utf8').replace(/^debrief:/m, 'debreif:'));
		await vi.waitFor(() => expect(t.out()).toContain('did you mean debrief?'), {timeout: 20_000});
		t.stop();
		await done;
	});
});
