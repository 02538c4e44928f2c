import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Runs the built dist/cli.js (npm test builds first) as a user would, in a fresh home: its own
// HOME and XDG_CONFIG_HOME, no AMI_SCHOOL_CONFIG_DIR, so the config folder is the real default.

export const cli = path.resolve('dist/cli.js');

export type Home = {dir: string; config: string; run: (...args: string[]) => {status: number | null; stdout: string; stderr: string}; file: (name: string) => string};

export const freshHome = (): Home => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-home-'));
	const xdg = path.join(dir, '.config');
	const env: NodeJS.ProcessEnv = {...process.env, HOME: dir, XDG_CONFIG_HOME: xdg, AWS_REGION: '', AWS_DEFAULT_REGION: ''};
	delete env.AMI_SCHOOL_CONFIG_DIR;
	delete env.AMI_SCHOOL_SANDBOX;
	return {
		dir,
		config: path.join(xdg, 'ami-school'),
		run: (...args) => {
			const result = spawnSync(process.execPath, [cli, ...args], {env, encoding: 'utf8', cwd: dir, input: ''});
			return {status: result.status, stdout: result.stdout, stderr: result.stderr};
		},
		file: name => path.join(dir, name),
	};
};

/** Saved progress for the built-in chapters, written as the game writes it. */
export const seedProgress = (home: Home, chapters: Record<string, {status: string; bestScore: number; stars: number; hintsUsed: number}>, file = 'progress.json') => {
	fs.mkdirSync(home.config, {recursive: true});
	fs.writeFileSync(path.join(home.config, file), JSON.stringify({version: 1, chapters, histories: {}}));
};
