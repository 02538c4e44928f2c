import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {markCompleted, markStarted, setCurrent} from '../../source/progress/model.js';
import {emptyProgress} from '../../source/progress/schema.js';
import {openProgressStore} from '../../source/progress/store.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

// One config folder, two games (one learner in two terminals, a lab machine's shared account):
// each save merges with what is on disk under the lock, so nothing finished is ever lost.

const cli = path.resolve('dist/cli.js');
let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-shared-'));
});
afterEach(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

const result = (score: number, stars: number) => ({score, stars, hintsUsed: 0});
const session = () => ({world: freshWorld(), region: 'us-east-1', files: {}, vars: {}, history: []});

describe('two stores on one folder', () => {
	it('both finished chapters are kept, whichever saves last', () => {
		const a = openProgressStore({cwd: dir});
		const b = openProgressStore({cwd: dir});
		expect(a.save(markCompleted(markStarted(a.progress, 'one'), 'one', result(300, 3)))).toBeUndefined();
		expect(b.save(markCompleted(markStarted(b.progress, 'two'), 'two', result(200, 2)))).toBeUndefined();
		const chapters = openProgressStore({cwd: dir}).progress.chapters;
		expect(chapters.one).toMatchObject({status: 'done', bestScore: 300, stars: 3});
		expect(chapters.two).toMatchObject({status: 'done', bestScore: 200, stars: 2});
	});

	it('a better result on disk is never replaced by a worse one; the better one wins', () => {
		const a = openProgressStore({cwd: dir});
		const b = openProgressStore({cwd: dir});
		a.save(markCompleted(a.progress, 'one', result(400, 3)));
		b.save(markCompleted(b.progress, 'one', result(100, 1)));
		expect(openProgressStore({cwd: dir}).progress.chapters.one).toMatchObject({bestScore: 400, stars: 3});
	});

	it('the other game\'s chapter in play survives this one finishing its own; one\'s own cleared play stays cleared', () => {
		const a = openProgressStore({cwd: dir});
		const b = openProgressStore({cwd: dir});
		const playing = setCurrent(markStarted(b.progress, 'two'), {chapterId: 'two', session: session()});
		b.save(playing);
		const aPlaying = setCurrent(markStarted(a.progress, 'one'), {chapterId: 'one', session: session()});
		a.save(aPlaying);
		// a finishes "one": its play ends (current cleared), b's play of "two" was overwritten by a's save before
		a.save(markCompleted(aPlaying, 'one', result(300, 3)));
		const after = openProgressStore({cwd: dir}).progress;
		expect(after.chapters.one.status).toBe('done');
		expect(after.chapters.two.status).toBe('in-progress');
		expect(after.current).toBeUndefined();
		// b saves again: its own play is current
		b.save(playing);
		expect(openProgressStore({cwd: dir}).progress.current?.chapterId).toBe('two');
		expect(openProgressStore({cwd: dir}).progress.chapters.one.status).toBe('done');
	});

	it('temporary files of a killed save are cleaned on the next start', () => {
		fs.writeFileSync(path.join(dir, 'progress.json'), JSON.stringify({...emptyProgress(), chapters: {one: {status: 'done', bestScore: 1, stars: 1, hintsUsed: 0}}}));
		// as conf (atomically) names them, and as the lock names its own
		const leftovers = ['progress.json.tmp-1765100000abc123', 'progress-pack.json.tmp-17651000001f2e3d', 'progress.json.lock.999999999.x1.tmp'];
		for (const name of leftovers) fs.writeFileSync(path.join(dir, name), 'x'.repeat(1000));
		const store = openProgressStore({cwd: dir});
		expect(store.progress.chapters.one.status).toBe('done');
		expect(fs.readdirSync(dir).sort()).toEqual(['progress.json']);
	});
});

/** Runs a chapter in plain mode; resolves when its prompt shows (the store is open). */
const startGame = (pack: string, chapter: string, env: NodeJS.ProcessEnv) => {
	const child = spawn(process.execPath, [cli, '--plain', '--lessons', pack, 'play', chapter], {env, cwd: dir}) as ChildProcessWithoutNullStreams;
	let out = '';
	const exited = new Promise<number | null>(resolve => child.on('close', resolve));
	const prompted = new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('student@ami-school')) resolve();
		});
		child.on('close', () => reject(new Error(`ended before its prompt:\n${out}`)));
	});
	return {child, prompted, exited, output: () => out};
};

describe('two games sharing one config folder', {timeout: 120_000}, () => {
	it('both finish a chapter: both are saved', async () => {
		const env: NodeJS.ProcessEnv = {...process.env, AMI_SCHOOL_CONFIG_DIR: path.join(dir, 'config'), NO_COLOR: '1'};
		const pack = path.join(dir, 'pack');
		for (const name of ['one', 'two']) expect(spawnSync(process.execPath, [cli, 'new-lesson', name, '--dir', pack], {env, encoding: 'utf8'}).status).toBe(0);
		// the reference solution of new-lesson's default shape, then an answer to its quiz
		const solution = "AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)\nID=$(aws ec2 run-instances --image-id $AMI --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)\naws ec2 terminate-instances --instance-ids $ID\n1\n";
		const a = startGame(pack, 'one', env);
		const b = startGame(pack, 'two', env);
		await Promise.all([a.prompted, b.prompted]); // both read the saved progress before either finished
		a.child.stdin.end(solution);
		expect(await a.exited).toBe(0);
		b.child.stdin.end(solution);
		expect(await b.exited).toBe(0);
		expect(a.output()).toContain('Your progress is saved');
		expect(b.output()).toContain('Your progress is saved');
		const saved = JSON.parse(fs.readFileSync(path.join(dir, 'config', `progress-pack.json`), 'utf8'));
		expect(saved.chapters.one?.status).toBe('done');
		expect(saved.chapters.two?.status).toBe('done');
	});
});
