import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {runAws} from '../cli/run-aws.js';
import {shellGuest} from '../shell/guest/boot.js';
import {DEFAULT_REGION} from '../sim/regions/regions.js';
import {loadSandbox, SandboxFileError, saveSandbox, withSandboxLock} from '../sandbox/store.js';
import {sandboxPath} from '../sandbox/paths.js';

// `ami-school aws …`: one AWS CLI command against the sandbox file, printing exactly what the
// game's prompt prints for it, with the same exit code.

const readRealFile = (file: string): string | undefined => {
	const resolved = file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
	try {
		return fs.readFileSync(resolved, 'utf8');
	} catch {
		return undefined;
	}
};

export const awsCommand = (args: string[]): number => {
	const file = sandboxPath();
	try {
		const outcome = withSandboxLock(file, () => {
			const world = loadSandbox(file);
			const result = runAws(world, args, {
				readFile: readRealFile,
				defaultRegion: DEFAULT_REGION,
				envRegion: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined,
				envOutput: process.env.AWS_DEFAULT_OUTPUT || undefined,
				envProfile: process.env.AWS_PROFILE || process.env.AWS_DEFAULT_PROFILE || undefined,
				width: process.stdout.columns || 80,
				guest: shellGuest,
			});
			if (result.world !== world) saveSandbox(file, result.world);
			return result;
		});
		process.stdout.write(outcome.stdout);
		process.stderr.write(outcome.stderr);
		return outcome.exitCode;
	} catch (error) {
		if (error instanceof SandboxFileError) {
			process.stderr.write(`${error.message}\n`);
			return 253;
		}

		throw error;
	}
};

