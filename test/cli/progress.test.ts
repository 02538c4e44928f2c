import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
import {describe, expect, it} from 'vitest';
import {cli, freshHome, seedProgress} from './helpers.js';

// Progress that travels, on the built game in a fresh home: the table, export and import between
// two machines, refusals that change nothing, certificates, --reset-progress --yes.

const done = (bestScore: number, stars: number) => ({status: 'done', bestScore, stars, hintsUsed: 0});

/** A chapter's reference solution, from its lesson file. */
const solution = (file: string): string[] => (parse(fs.readFileSync(path.join('lessons', file), 'utf8')) as {solution: string[]}).solution;

describe('ami-school progress', {timeout: 120_000}, () => {
	it('shows a table and the same as JSON', () => {
		const home = freshHome();
		seedProgress(home, {'master-image': done(420, 3), 'baking-the-image': {status: 'in-progress', bestScore: 0, stars: 0, hintsUsed: 1}});
		const table = home.run('progress');
		expect(table.status).toBe(0);
		const lines = table.stdout.split('\n');
		expect(lines[0]).toBe('AMI School (ami-school): 1 of 9 chapters done, 3 of 27 stars');
		expect(lines[2]).toMatch(/^ {2}# {2}chapter +state +stars {2}best score$/);
		expect(lines[3]).toMatch(/^ {2}1 {2}The master image +done +★★★ +420$/);
		expect(lines[4]).toMatch(/^ {2}2 {2}Baking the image +in-progress$/);
		const json = JSON.parse(home.run('progress', '--json', '--learner', 'Ada').stdout);
		expect(json).toMatchObject({game: {name: 'ami-school'}, pack: {id: 'ami-school'}, learner: 'Ada', file: path.join(home.config, 'progress.json')});
		expect(json.chapters).toHaveLength(9);
		expect(json.chapters[0]).toEqual({order: 1, chapter: 'master-image', title: 'The master image', state: 'done', stars: 3, bestScore: 420, hintsUsed: 0});
	});

	it('exports, and imports on another machine merged by best result', () => {
		const laptop = freshHome();
		// chapters played (by script, saved as the game saves them): the file carries their commands
		for (const [chapter, file] of [['1', '01-master-image.yaml'], ['4', '04-new-term-new-image.yaml']]) {
			fs.writeFileSync(laptop.file(`${chapter}.sh`), `${solution(file).join('\n')}\n`);
			expect(laptop.run('play', chapter, '--script', `${chapter}.sh`, '--save').status).toBe(0);
		}

		const exported = laptop.run('progress', 'export', 'mine.json', '--learner', 'Ada');
		expect(exported.status).toBe(0);
		const file = JSON.parse(fs.readFileSync(laptop.file('mine.json'), 'utf8'));
		expect(file).toMatchObject({format: 'ami-school-progress', formatVersion: 1, learner: 'Ada', pack: {id: 'ami-school', mode: 'replace'}, chapters: {'master-image': {status: 'done', stars: 2}}});
		expect(file.chapters['master-image'].run.log.filter((e: {t: string}) => e.t === 'line')).toHaveLength(solution('01-master-image.yaml').length);
		expect(file.lessonFiles).toHaveLength(9);
		const mine = file.chapters['master-image'].bestScore;
		const theirs = file.chapters['new-term-new-image'].bestScore;

		const lab = freshHome();
		seedProgress(lab, {'master-image': done(mine + 10, 3)});
		const imported = lab.run('progress', 'import', laptop.file('mine.json'), '--learner', 'Ada');
		expect(imported.stderr).toBe('AMI School will remember your name: Ada\n');
		expect(imported.status).toBe(0);
		expect(imported.stdout).toContain(`  master-image: kept yours (done ★★★ ${mine + 10}), the file's is not better\n`);
		expect(imported.stdout).toContain(`  new-term-new-image: added: new -> done ★★☆ ${theirs}\n`);
		const after = JSON.parse(lab.run('progress', '--json').stdout).chapters;
		expect(after[0]).toMatchObject({state: 'done', bestScore: mine + 10, stars: 3});
		expect(after[3]).toMatchObject({state: 'done', bestScore: theirs, stars: 2});

		// someone else's file: imported, with a word about it
		const other = freshHome();
		other.run('--learner', 'Grace');
		const warned = other.run('progress', 'import', laptop.file('mine.json'));
		expect(warned.status).toBe(0);
		expect(warned.stderr).toContain('is the progress of "Ada", and your name here is "Grace"');
	});

	it('refuses figures above what a lesson allows or not given by the file\'s own commands, and changes nothing', () => {
		const laptop = freshHome();
		fs.writeFileSync(laptop.file('1.sh'), `${solution('01-master-image.yaml').join('\n')}\n`);
		expect(laptop.run('play', '1', '--script', '1.sh', '--save', '--learner', 'Ada').status).toBe(0);
		expect(laptop.run('progress', 'export', 'real.json').status).toBe(0);
		const real = JSON.parse(fs.readFileSync(laptop.file('real.json'), 'utf8'));
		const edited = (change: (data: typeof real) => void) => {
			const copy = structuredClone(real);
			change(copy);
			return JSON.stringify(copy);
		};

		const home = freshHome();
		seedProgress(home, {'master-image': done(100, 1)});
		const saved = path.join(home.config, 'progress.json');
		const before = fs.readFileSync(saved, 'utf8');
		const cases: Array<[string, string, RegExp]> = [
			['huge-score.json', edited(d => (d.chapters['master-image'].bestScore = 999_999)), /master-image: above what the lesson allows: a score of 999999, above the \d+ this chapter can give/],
			['plus-ten.json', edited(d => (d.chapters['master-image'].bestScore += 10)), /master-image: does not match its own commands: says score \d+, its commands give \d+/],
			['unplayed.json', edited(d => (d.chapters.sharing = {status: 'done', bestScore: 300, stars: 3, hintsUsed: 0})), /sharing: no commands recorded/],
			['stars-not-done.json', edited(d => (d.chapters.sharing = {status: 'in-progress', bestScore: 0, stars: 3, hintsUsed: 0})), /sharing: above what the lesson allows: 3 stars and a score of 0 on a chapter that is not done/],
			['long-name.json', edited(d => (d.learner = 'A'.repeat(1_000_000))), /learner: .*at most 80 characters/],
			['ten-mb-name.json', edited(d => (d.learner = 'A'.repeat(10 * 1024 * 1024))), /larger than 8 MB/],
		];
		for (const [name, text, message] of cases) {
			fs.writeFileSync(home.file(name), text);
			const result = home.run('progress', 'import', name);
			expect(result.stderr, name).toMatch(message);
			expect(result.status, name).toBe(1);
			expect(result.stderr, name).toContain('Nothing was changed.');
			expect(fs.readFileSync(saved, 'utf8'), name).toBe(before);
		}

		// the real file goes in
		fs.writeFileSync(home.file('real.json'), JSON.stringify(real));
		expect(home.run('progress', 'import', 'real.json').status).toBe(0);
		expect(JSON.parse(fs.readFileSync(saved, 'utf8')).chapters['master-image']).toMatchObject({status: 'done', bestScore: real.chapters['master-image'].bestScore, stars: 2});
	});

	it('refuses a bad file, or one of another pack, with a clear message and changes nothing', () => {
		const home = freshHome();
		seedProgress(home, {'master-image': done(420, 3)});
		const saved = path.join(home.config, 'progress.json');
		const before = fs.readFileSync(saved, 'utf8');
		const cases: Array<[string, string, RegExp]> = [
			['garbage.json', 'not json', /is not a progress export.*not JSON/],
			['other.json', '{"hello": 1}', /is not an AMI School progress export/],
			['broken.json', JSON.stringify({format: 'ami-school-progress', formatVersion: 1, game: {name: 'ami-school', version: '0'}, pack: {id: 'ami-school', name: 'x', mode: 'replace'}, exportedAt: '2026-01-01T00:00:00.000Z', chapters: {'master-image': {status: 'done', bestScore: 9999, stars: 7, hintsUsed: 0}}, lessonFiles: []}), /chapters\.master-image\.stars: .*3/],
			['pack.json', JSON.stringify({format: 'ami-school-progress', formatVersion: 1, game: {name: 'ami-school', version: '0'}, pack: {id: 'room-12', name: 'Room 12', mode: 'add'}, exportedAt: '2026-01-01T00:00:00.000Z', chapters: {'master-image': done(999, 3)}, lessonFiles: []}), /holds progress of the lesson pack "room-12"/],
		];
		for (const [name, text, message] of cases) {
			fs.writeFileSync(home.file(name), text);
			const result = home.run('progress', 'import', name);
			expect(result.status, name).toBe(1);
			expect(result.stderr, name).toMatch(message);
			expect(result.stderr, name).toContain('Nothing was changed.');
			expect(result.stderr, name).not.toMatch(/\n\s+at /);
			expect(fs.readFileSync(saved, 'utf8'), name).toBe(before);
		}

		expect(home.run('progress', 'import', 'missing.json').stderr).toMatch(/cannot read .*missing\.json: there is no such file or folder/);
	});

	it('writes a certificate whose code detects edits, in Markdown or HTML', () => {
		const home = freshHome();
		expect(home.run('certificate').status).toBe(1); // nothing done yet
		seedProgress(home, {'master-image': done(420, 3), 'sharing': done(300, 2)});
		for (const name of ['cert.md', 'cert.html']) {
			const written = home.run('certificate', '--out', name, '--learner', 'Ada Lovelace');
			expect(written.status).toBe(0);
			const text = fs.readFileSync(home.file(name), 'utf8');
			expect(text).toContain('Ada Lovelace');
			expect(text).toContain('2 of 9 chapters');
			expect(text).toMatch(/Verification code: (<code>)?[0-9a-f]{64}/);
			expect(text).toContain('AMI School version: ');
			if (name.endsWith('.html')) expect(text.startsWith('<!doctype html>')).toBe(true);
			// what the check proves, and what it does not
			expect(home.run('certificate', '--verify', name)).toMatchObject({status: 0, stdout: expect.stringMatching(new RegExp(`^${name}: valid: not edited since it was written\\. This does not prove who wrote it or that the results were earned`))});
			expect(text).toContain('What it does not prove: who wrote it, or that the results were earned.');
			fs.writeFileSync(home.file(name), text.replace('420', '520'));
			expect(home.run('certificate', '--verify', name)).toMatchObject({status: 1, stdout: `${name}: NOT valid: the page was edited after it was written\n`});
		}

		expect(home.run('certificate').stdout).toMatch(/^# AMI School: certificate of completion\n/);
	});

	it('the learner\'s name is set once and remembered in reports, exports and certificates', () => {
		const home = freshHome();
		const set = home.run('--learner', 'Ada Lovelace');
		expect(set).toMatchObject({status: 0, stderr: 'AMI School will remember your name: Ada Lovelace\n'});
		expect(JSON.parse(fs.readFileSync(path.join(home.config, 'learner.json'), 'utf8'))).toEqual({name: 'Ada Lovelace'});
		expect(home.run('progress', 'export', 'p.json').stdout).toContain('learner Ada Lovelace');
		expect(JSON.parse(fs.readFileSync(home.file('p.json'), 'utf8')).learner).toBe('Ada Lovelace');
		expect(home.run('--learner', 'Bad\u001B]0;x\u0007')).toMatchObject({status: 2, stderr: 'ami-school: --learner: the name holds a control character.\n'});
		expect(home.run('--learner', 'x'.repeat(81)).status).toBe(2);
		// no name and no terminal to ask in: the file is written without one, and the learner told how
		const nameless = freshHome();
		const exported = nameless.run('progress', 'export', 'p.json');
		expect(exported.status).toBe(0);
		expect(exported.stderr).toContain('set yours once with  ami-school --learner "Your Name"');
	});

	it('--reset-progress --yes erases without a question; without --yes and no terminal it refuses', () => {
		const home = freshHome();
		seedProgress(home, {'master-image': done(420, 3)});
		const refused = home.run('--reset-progress');
		expect(refused.status).toBe(2);
		expect(refused.stdout).toContain('add --yes');
		expect(fs.existsSync(path.join(home.config, 'progress.json'))).toBe(true);
		const erased = home.run('--reset-progress', '--yes');
		expect(erased.status).toBe(0);
		expect(erased.stdout).toContain('Progress erased');
		expect(JSON.parse(home.run('progress', '--json').stdout).chapters[0].state).toBe('new');
	});
});

describe('one config folder', {timeout: 60_000}, () => {
	it('moves progress from conf\'s old folder and keeps the sandbox beside it', () => {
		const home = freshHome();
		const old = path.join(home.dir, '.config', 'ami-school-nodejs');
		fs.mkdirSync(old, {recursive: true});
		fs.writeFileSync(path.join(old, 'progress.json'), JSON.stringify({version: 1, chapters: {'master-image': done(420, 3)}, histories: {}}));
		const shown = home.run('progress', '--json');
		expect(shown.stderr).toContain(`Your saved progress moved to AMI School's config folder: ${path.join(home.config, 'progress.json')}`);
		expect(JSON.parse(shown.stdout).chapters[0].state).toBe('done');
		expect(fs.existsSync(path.join(old, 'progress.json'))).toBe(false);
		expect(home.run('aws', 'ec2', 'create-key-pair', '--key-name', 'k', '--query', 'KeyName', '--output', 'text').stdout).toBe('k\n');
		// beside them, the code V8 compiled for the aws command (the next one starts sooner)
		expect(fs.readdirSync(home.config).sort()).toEqual(['code-cache', 'progress.json', 'sandbox.json']);
	});
});

describe('a closed pipe', {timeout: 60_000}, () => {
	it('ends quietly, without a stack trace', () => {
		const home = freshHome();
		// plenty of output, read one line of it
		fs.writeFileSync(home.file('s.sh'), 'aws ec2 describe-images --owners amazon\n'.repeat(40));
		const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" play 1 --script s.sh 2>err.txt | head -1; echo "exit \${PIPESTATUS:-done}"`], {cwd: home.dir, encoding: 'utf8', env: {...process.env, HOME: home.dir, XDG_CONFIG_HOME: path.join(home.dir, '.config')}});
		expect(result.stdout.split('\n')[0]).toBe('$ aws ec2 describe-images --owners amazon');
		expect(fs.readFileSync(home.file('err.txt'), 'utf8')).toBe('');
	});
});
