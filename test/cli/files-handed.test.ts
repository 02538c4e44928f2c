import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {freshHome, seedProgress} from './helpers.js';

// Files the game writes and files a learner is handed: the format a name asks for, no silent
// overwrite, caps before reading, control characters made visible, errors in words.

const done = (bestScore: number, stars: number) => ({status: 'done', bestScore, stars, hintsUsed: 0});

describe('certificate --out', {timeout: 120_000}, () => {
	it('writes the format its extension names, refuses another, never overwrites without --force', () => {
		const home = freshHome();
		seedProgress(home, {'master-image': done(420, 3)});
		expect(home.run('certificate', '--out', 'c.md')).toMatchObject({status: 0});
		expect(fs.readFileSync(home.file('c.md'), 'utf8')).toMatch(/^# AMI School/);
		expect(home.run('certificate', '--out', 'c.htm')).toMatchObject({status: 0});
		expect(fs.readFileSync(home.file('c.htm'), 'utf8')).toMatch(/^<!doctype html>/);

		const pdf = home.run('certificate', '--out', 'c.pdf');
		expect(pdf.status).toBe(2);
		expect(pdf.stderr).toContain('end it in .md (Markdown) or .html (a web page)');
		expect(fs.existsSync(home.file('c.pdf'))).toBe(false);

		fs.writeFileSync(home.file('mine.md'), 'my own notes');
		const again = home.run('certificate', '--out', 'mine.md');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('the file exists (add --force to replace it)');
		expect(fs.readFileSync(home.file('mine.md'), 'utf8')).toBe('my own notes');
		expect(home.run('certificate', '--out', 'mine.md', '--force').status).toBe(0);
		expect(home.run('certificate', '--verify', 'mine.md').status).toBe(0);
	});

	it('file errors say what was tried and why, never a raw code', () => {
		const home = freshHome();
		seedProgress(home, {'master-image': done(420, 3)});
		const missing = home.run('certificate', '--verify', 'nowhere.md');
		expect(missing.stderr).toBe('ami-school certificate: cannot check nowhere.md: there is no such file or folder\n');
		const folder = home.run('certificate', '--out', 'no/such/folder/c.md', '--learner', 'Ada');
		expect(folder.stderr).toContain('ami-school certificate: cannot write the certificate to no/such/folder/c.md: there is no such file or folder\n');
		const imported = home.run('progress', 'import', 'nowhere.json');
		expect(imported.stderr).toContain('cannot read');
		expect(imported.stderr).toContain('there is no such file or folder');
		for (const out of [missing, folder, imported]) expect(out.stderr).not.toMatch(/ENOENT|\.tmp/);
	});
});

describe('files read for checking are capped before they are read', {timeout: 120_000}, () => {
	it('a huge certificate or progress file is refused without reading it all', () => {
		const home = freshHome();
		const big = home.file('big');
		fs.writeFileSync(big, '');
		fs.truncateSync(big, 64 * 1024 * 1024); // sparse: huge, but no disk used
		const cert = home.run('certificate', '--verify', big);
		expect(cert.status).toBe(1);
		expect(cert.stderr).toContain('far more than a certificate can be');
		const imported = home.run('progress', 'import', big);
		expect(imported.status).toBe(1);
		expect(imported.stderr).toMatch(/is larger than \d+ MB: not a file AMI School writes/);
	});
});

describe('text from files a learner is handed reaches the terminal with its control characters visible', {timeout: 120_000}, () => {
	it('a learner name in an imported progress file', () => {
		const laptop = freshHome();
		// a chapter begun, not finished: nothing for the import to verify by replaying its commands
		seedProgress(laptop, {'master-image': {status: 'in-progress', bestScore: 0, stars: 0, hintsUsed: 0}});
		expect(laptop.run('progress', 'export', 'mine.json').status).toBe(0);
		const file = JSON.parse(fs.readFileSync(laptop.file('mine.json'), 'utf8'));
		file.learner = 'Ada\u001b]0;pwned\u0007\u009b2J';
		fs.writeFileSync(laptop.file('mine.json'), JSON.stringify(file));
		const lab = freshHome();
		const imported = lab.run('progress', 'import', laptop.file('mine.json'));
		expect(imported.status).toBe(0);
		expect(imported.stdout).toContain('learner Ada<U+001B>]0;pwned<U+0007><U+009B>2J');
		expect(imported.stdout + imported.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
	});

	it('a pack name in pack.yaml: refused where it is, never printed raw', () => {
		const home = freshHome();
		const pack = home.file('pack');
		expect(home.run('new-lesson', 'one', '--dir', pack).status).toBe(0);
		fs.writeFileSync(path.join(pack, 'pack.yaml'), 'id: evil\nname: "Evil\\e]0;pwned\\a"\nmode: add\n');
		for (const run of [home.run('check', pack), home.run('progress', '--lessons', pack)]) {
			expect(run.stdout + run.stderr).toContain('pack.yaml:2: name: contains the control character U+001B');
			expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007]/);
		}
	});
});
