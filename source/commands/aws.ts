import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {runAws} from '../cli/run-aws.js';
import {FileTooLarge, PARAM_FILE_MAX_BYTES} from '../cli/parse/values.js';
import {shellGuest} from '../shell/guest/boot.js';
import {DEFAULT_REGION} from '../sim/regions/regions.js';
import {SandboxChangedError, SandboxFileError, withSandbox} from '../sandbox/store.js';
import {sandboxPath} from '../sandbox/paths.js';
import {readBounded, TooLarge} from '../sandbox/read-bounded.js';

// `ami-school aws …`: one AWS CLI command against the sandbox file, printing exactly what the
// game's prompt prints for it, with the same exit code.

const readRealFile = (file: string): string | undefined => {
	const resolved = file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
	try {
		return readBounded(resolved, PARAM_FILE_MAX_BYTES).toString('utf8');
	} catch (error) {
		if (error instanceof TooLarge) throw new FileTooLarge(PARAM_FILE_MAX_BYTES);
		return undefined;
	}
};

/** Tries again this many times when another writer changed the file while the command ran. */
const ATTEMPTS = 3;

export const awsCommand = (args: string[]): number => {
	const file = sandboxPath();
	try {
		for (let attempt = 1; ; attempt++) {
			try {
				const outcome = withSandbox(file, ({loaded, save}) => {
					const result = runAws(loaded.world, args, {
						readFile: readRealFile,
						defaultRegion: DEFAULT_REGION,
						envRegion: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined,
						envOutput: process.env.AWS_DEFAULT_OUTPUT || undefined,
						envProfile: process.env.AWS_PROFILE || process.env.AWS_DEFAULT_PROFILE || undefined,
						width: process.stdout.columns || 80,
						guest: shellGuest,
					});
					// a request the CLI rejected never reached the model: the world is the same object, nothing is written
					if (result.world !== loaded.world) save(result.world);
					return result;
				});
				process.stdout.write(outcome.stdout);
				process.stderr.write(outcome.stderr);
				return outcome.exitCode;
			} catch (error) {
				if (!(error instanceof SandboxChangedError) || attempt >= ATTEMPTS) throw error;
			}
		}
	} catch (error) {
		if (error instanceof SandboxFileError) {
			process.stderr.write(`${error.message}\n`);
			return 253;
		}

		throw error;
	}
};
