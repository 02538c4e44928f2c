import type {World} from '../sim/types.js';
import type {ApiCall} from '../shell/session.js';

export type AwsEnv = {
	/** reads a file for file:// and fileb:// values; undefined when it does not exist */
	readFile(path: string): string | undefined;
	/** the Region used when no --region is given (AWS_DEFAULT_REGION) */
	defaultRegion: string;
	/** terminal width for --output table */
	width?: number;
};

export type AwsOutcome = {world: World; stdout: string; stderr: string; exitCode: number; calls: ApiCall[]};

/**
 * THE function behind every `aws` command, at the game's prompt and from `ami-school aws`:
 * a world and the words after `aws` in, the new world and what the CLI would print out.
 * (Being wired up: parser and formatters land next.)
 */
export const runAws = (world: World, _args: string[], _env: AwsEnv): AwsOutcome => ({world, stdout: '', stderr: 'not ready\n', exitCode: 255, calls: []});
