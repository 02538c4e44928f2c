import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parse} from 'yaml';
import {afterAll, describe, expect, it} from 'vitest';

// The offline room's recipe, as README gives it: a clean clone (the committed tree: what a
// newcomer gets), `npm ci` (from the npm cache the project's own `npm ci` filled, the network only
// for what is missing there), `npm pack` (whose prepack builds dist/), then the tarball installed into an empty folder with an
// empty npm cache and no network, and run: --version, play 1 --script and check. README's
// figures for the tarball are the ones measured here.

const root = path.resolve('.');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-pack-'));
afterAll(() => fs.rmSync(work, {recursive: true, force: true}), 60_000);

/** `offline`: no network at all; else the npm cache first (the machine that packs has a connection). */
const npm = (args: string[], cwd: string, mode: 'offline' | 'prefer-offline') =>
	execFileSync('npm', [...args, `--${mode}`, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

describe('the package, packed from a clean clone and installed offline', {timeout: 240_000}, () => {
	it('installs into an empty folder without network and plays, checks and says its version', () => {
		const clone = path.join(work, 'clone');
		execFileSync('git', ['clone', '--quiet', root, clone], {stdio: 'ignore'});
		expect(fs.existsSync(path.join(clone, 'dist')), 'a clean clone has no dist/').toBe(false);
		npm(['ci'], clone, 'prefer-offline');
		const [packed] = JSON.parse(npm(['pack', '--json'], clone, 'prefer-offline')) as Array<{filename: string; size: number; entryCount: number; files: Array<{path: string}>}>;
		const files = packed.files.map(f => f.path);
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('dist/lessons.js');
		expect(files).toContain('dist/ui.cjs');
		expect(files.filter(f => f.endsWith('.tgz'))).toEqual([]);

		// the room: an empty folder, an empty npm cache, --offline
		const room = path.join(work, 'room');
		fs.mkdirSync(room);
		npm(['install', '--cache', path.join(work, 'empty-cache'), path.join(clone, packed.filename)], room, 'offline');
		const bin = path.join(room, 'node_modules', '.bin', 'ami-school');
		const env = {...process.env, AMI_SCHOOL_CONFIG_DIR: path.join(work, 'config'), HOME: work};
		const run = (args: string[], input = '') => spawnSync(bin, args, {cwd: room, env, encoding: 'utf8', input});

		const version = run(['--version']);
		expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);

		const lesson = parse(fs.readFileSync('lessons/01-master-image.yaml', 'utf8')) as {solution: string[]};
		const played = run(['play', '1', '--script', '-'], `${lesson.solution.join('\n')}\n`);
		expect(played.stderr).toBe('');
		expect(played.stdout).toContain('chapter complete');
		expect(played.status).toBe(0);

		const checked = run(['check']);
		expect(checked.stdout).toMatch(/\d+ chapters checked: all good/);
		expect(checked.status).toBe(0);

		// README's figures are these ones
		const readme = fs.readFileSync('README.md', 'utf8');
		const said = /a (\d+) KB tarball of (\d+) files/.exec(readme);
		expect(said, 'README gives the tarball\'s size and file count').not.toBeNull();
		expect(Number(said![2])).toBe(packed.entryCount);
		expect(Math.abs(Number(said![1]) - packed.size / 1000) / (packed.size / 1000), `README says ${said![1]} KB, the tarball is ${Math.round(packed.size / 1000)} KB`).toBeLessThan(0.1);
	});
});
