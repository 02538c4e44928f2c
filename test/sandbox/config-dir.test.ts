import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';
import {describe, expect, it} from 'vitest';
import {configDir, legacyProgressDir} from '../../source/sandbox/paths.js';

// The config folder is the platform's own as env-paths knows it, not a table of platforms typed
// here (which had Windows' folder wrong: env-paths, which conf uses, adds \Config).

describe('the config folder', () => {
	it('is env-paths\' config folder for ami-school (and conf\'s old one, with -nodejs, for the move)', () => {
		expect(configDir({})).toBe(envPaths('ami-school', {suffix: ''}).config);
		expect(legacyProgressDir()).toBe(envPaths('ami-school').config);
		expect(configDir({AMI_SCHOOL_CONFIG_DIR: '/x'})).toBe('/x');
		expect(fs.readFileSync('source/sandbox/paths.ts', 'utf8')).not.toMatch(/process\.platform|homedir/);
	});

	it('follows XDG_CONFIG_HOME on Linux, in the built game', {timeout: 30_000}, () => {
		if (process.platform !== 'linux') return;
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-xdg-'));
		const env: NodeJS.ProcessEnv = {...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'xdg')};
		delete env.AMI_SCHOOL_CONFIG_DIR;
		delete env.AMI_SCHOOL_SANDBOX;
		const run = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'aws', 'ec2', 'describe-regions', '--region', 'us-east-1'], {env, encoding: 'utf8'});
		expect(run.status).toBe(0);
		expect(fs.existsSync(path.join(home, 'xdg', 'ami-school', 'sandbox.json'))).toBe(true);
		fs.rmSync(home, {recursive: true, force: true});
	});
});
