import {chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {historyFor, markCompleted, markStarted, setCurrent, setHistory} from '../../source/progress/model.js';
import {runResetProgress} from '../../source/progress/reset.js';
import {emptyProgress} from '../../source/progress/schema.js';
import {openProgressStore} from '../../source/progress/store.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'ami-progress-'));
});
afterEach(() => {
	chmodSync(dir, 0o700);
	rmSync(dir, {recursive: true, force: true});
});

const session = () => ({world: freshWorld(), region: 'us-east-1', files: {'k.pem': 'x'}, vars: {A: 'b'}, history: [{line: 'ls', exitCode: 0, calls: []}]});

describe('progress model', () => {
	it('a started chapter is in progress; completing keeps the best score and stars', () => {
		let p = markStarted(emptyProgress(), 'ch1');
		expect(p.chapters.ch1.status).toBe('in-progress');
		expect(p.chapters.ch1.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		const log = [{t: 'start' as const, at: 1_000_000}, {t: 'line' as const, line: 'ls', at: 1_060_000}, {t: 'resume' as const, at: 9_000_000}, {t: 'line' as const, line: 'ls', at: 9_030_000}];
		p = markCompleted(p, 'ch1', {score: 300, stars: 2, hintsUsed: 1, log}, new Date('2026-03-01T10:00:00Z'));
		p = markStarted(p, 'ch1');
		// started, finished, and the time spent: the time away before a resume does not count
		expect(p.chapters.ch1).toEqual({status: 'done', bestScore: 300, stars: 2, hintsUsed: 1, startedAt: p.chapters.ch1.startedAt, finishedAt: '2026-03-01T10:00:00.000Z', timeSpentMs: 90_000, run: {log}});
		p = markCompleted(p, 'ch1', {score: 200, stars: 3, hintsUsed: 0});
		expect(p.chapters.ch1).toMatchObject({bestScore: 300, stars: 3});
		p = markCompleted(p, 'ch1', {score: 400, stars: 1, hintsUsed: 0});
		expect(p.chapters.ch1).toMatchObject({bestScore: 400, stars: 3});
	});

	it('completing the chapter in play forgets its saved session', () => {
		let p = setCurrent(emptyProgress(), {chapterId: 'ch1', session: session()});
		p = markCompleted(p, 'ch1', {score: 1, stars: 1, hintsUsed: 0});
		expect(p.current).toBeUndefined();
	});

	it('keeps prompt history per chapter', () => {
		const p = setHistory(emptyProgress(), 'ch1', ['a', 'b']);
		expect(historyFor(p, 'ch1')).toEqual(['a', 'b']);
		expect(historyFor(p, 'ch2')).toEqual([]);
	});
});

describe('progress store', () => {
	it('starts empty, saves, and reads back the session exactly (resume)', () => {
		const store = openProgressStore({cwd: dir});
		expect(store.progress).toEqual(emptyProgress());
		expect(store.warning).toBeUndefined();
		expect(path.basename(store.path!)).toBe('progress.json');
		const saved = setCurrent(markStarted(emptyProgress(), 'ch1'), {chapterId: 'ch1', session: session(), data: {hints: {g1: 2}}});
		expect(store.save(saved)).toBeUndefined();
		const again = openProgressStore({cwd: dir});
		expect(again.progress).toEqual(saved);
	});

	it('honours AMI_SCHOOL_CONFIG_DIR', () => {
		const before = process.env.AMI_SCHOOL_CONFIG_DIR;
		process.env.AMI_SCHOOL_CONFIG_DIR = dir;
		try {
			expect(openProgressStore().path).toBe(path.join(dir, 'progress.json'));
		} finally {
			if (before === undefined) delete process.env.AMI_SCHOOL_CONFIG_DIR;
			else process.env.AMI_SCHOOL_CONFIG_DIR = before;
		}
	});

	for (const [name, content] of [
		['broken JSON', '{"version": 1, "chap'],
		['a wrong shape', '{"version": 1, "chapters": {"x": {"status": "finished"}}}'],
		['a newer version', '{"version": 2, "chapters": {}}'],
		['not an object', '[1, 2, 3]'],
	] as const) {
		it(`moves ${name} aside, says so once, and goes on fresh`, () => {
			writeFileSync(path.join(dir, 'progress.json'), content);
			const store = openProgressStore({cwd: dir, now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5))});
			expect(store.progress).toEqual(emptyProgress());
			const aside = path.join(dir, 'progress.json.corrupt-2026-01-02T03-04-05-000Z');
			expect(store.warning).toBe('Saved progress was damaged: a fresh record started.\nDamaged file kept as progress.json.corrupt-2026-01-02T03-04-05-000Z');
			for (const line of store.warning!.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
			expect(readFileSync(aside, 'utf8')).toBe(content);
			expect(store.save(markStarted(emptyProgress(), 'a'))).toBeUndefined();
			expect(openProgressStore({cwd: dir}).warning).toBeUndefined();
		});
	}

	const damagedWorlds: Array<[string, (world: any) => void]> = [
		['a Region that is a number', world => (world.regions['us-east-1'] = 5)],
		['a Region whose name is a number', world => (world.regions['us-east-1'].name = 5)],
		['an instance State that is an object', world => (Object.values<any>(world.regions['us-east-1'].images)[0].State = {x: 1})],
		['a schedule entry without a time', world => world.schedule.push({region: 'us-east-1', kind: 'image', id: 'ami-1'})],
	];
	for (const [name, damage] of damagedWorlds) {
		it(`a chapter in play with ${name} is set aside; chapters done and stars are kept`, () => {
			const world = JSON.parse(JSON.stringify(freshWorld()));
			damage(world);
			const saved = {
				version: 1,
				chapters: {ch1: {status: 'done', bestScore: 300, stars: 3, hintsUsed: 0}, ch2: {status: 'in-progress', bestScore: 0, stars: 0, hintsUsed: 0}},
				histories: {ch2: ['aws ec2 describe-images']},
				current: {chapterId: 'ch2', session: {...session(), world}},
			};
			writeFileSync(path.join(dir, 'progress.json'), JSON.stringify(saved));
			const store = openProgressStore({cwd: dir, now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5))});
			expect(store.progress.chapters).toEqual(saved.chapters);
			expect(store.progress.histories).toEqual(saved.histories);
			expect(store.progress.current).toBeUndefined();
			expect(store.warning).toBe('Saved progress was damaged: kept 2 chapters and stars, not the chapter in play.\nDamaged file kept as progress.json.corrupt-2026-01-02T03-04-05-000Z');
			for (const line of store.warning!.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
			expect(JSON.parse(readFileSync(path.join(dir, 'progress.json.corrupt-2026-01-02T03-04-05-000Z'), 'utf8'))).toEqual(saved);
			// the repaired record is on disk: the next start is quiet
			const again = openProgressStore({cwd: dir});
			expect(again.warning).toBeUndefined();
			expect(again.progress.chapters).toEqual(saved.chapters);
		});
	}

	it('keeps every sound chapter of a record with one broken chapter and damaged counters', () => {
		const saved = {version: 1, chapters: {ch1: {status: 'done', bestScore: 100, stars: 2, hintsUsed: 0}, ch9: {status: 'finished'}}, current: {chapterId: 'ch1', session: session(), data: {stickyMet: 'g1'}}};
		writeFileSync(path.join(dir, 'progress.json'), JSON.stringify(saved));
		const store = openProgressStore({cwd: dir});
		expect(store.progress.chapters).toEqual({ch1: saved.chapters.ch1});
		expect(store.progress.current).toBeUndefined();
		expect(store.warning).toMatch(/^Saved progress was damaged: kept 1 chapter and stars, not the chapter in play\./);
	});

	it('a read-only progress file is not replaced: saving says so once', () => {
		const store = openProgressStore({cwd: dir});
		store.save(markStarted(emptyProgress(), 'a'));
		const file = path.join(dir, 'progress.json');
		const before = readFileSync(file, 'utf8');
		chmodSync(file, 0o444);
		expect(store.save(markStarted(emptyProgress(), 'b'))).toBe('Saved progress is read-only (progress.json): this session will not be saved.');
		expect(store.save(emptyProgress())).toBeUndefined();
		expect(readFileSync(file, 'utf8')).toBe(before);
		expect(statSync(file).mode & 0o777).toBe(0o444);
	});

	it.skipIf(process.getuid?.() === 0)('an unwritable folder is reported once, never thrown', () => {
		chmodSync(dir, 0o500);
		const store = openProgressStore({cwd: dir});
		const first = store.save(emptyProgress());
		expect(first).toMatch(/^Cannot save progress to .*progress\.json \(EACCES\)/);
		expect(store.save(emptyProgress())).toBeUndefined();
	});

	it('a write that fails (the file is a folder) is reported once, never thrown', () => {
		const store = openProgressStore({cwd: path.join(dir, 'sub')});
		rmSync(path.join(dir, 'sub'), {recursive: true, force: true});
		writeFileSync(path.join(dir, 'sub'), 'a file where the folder should be');
		expect(store.save(emptyProgress())).toMatch(/^Cannot save progress to /);
		expect(store.save(emptyProgress())).toBeUndefined();
	});
});

describe('--reset-progress', () => {
	const io = (answer: string | undefined) => {
		const stdin = new PassThrough();
		let out = '';
		if (answer === undefined) stdin.end();
		else stdin.end(`${answer}\n`);
		return {io: {stdin, stdout: {write: (t: string) => (out += t)}}, out: () => out};
	};

	it('asks, and erases only on yes', async () => {
		openProgressStore({cwd: dir}).save(markStarted(emptyProgress(), 'a'));
		const no = io('n');
		expect(await runResetProgress(no.io, {cwd: dir})).toBe(0);
		expect(no.out()).toBe(`Erase all saved AMI School progress in ${path.join(dir, 'progress.json')}? [y/N] Nothing erased.\n`);
		expect(openProgressStore({cwd: dir}).progress.chapters.a).toBeDefined();
		const eof = io(undefined);
		await runResetProgress(eof.io, {cwd: dir});
		expect(eof.out()).toMatch(/\[y\/N\] \nNothing erased\.\n$/);
		const yes = io('y');
		await runResetProgress(yes.io, {cwd: dir});
		expect(yes.out()).toMatch(/Progress erased\.\n$/);
		expect(openProgressStore({cwd: dir}).progress).toEqual(emptyProgress());
	});

	it('says when there is nothing to erase', async () => {
		const none = io('y');
		await runResetProgress(none.io, {cwd: dir});
		expect(none.out()).toBe('No saved progress to erase.\n');
		expect(readdirSync(dir)).toEqual([]);
	});
});
