import module from 'node:module';
import process from 'node:process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {commandHelp, parseCommandLine, usage} from './args.js';
import {requireWithCodeCache} from './code-cache.js';
import {configDir} from './sandbox/paths.js';
import {VERSION} from './version.js';
import {formatBytes, readBounded, TooLarge} from './sandbox/read-bounded.js';
import {tuneForLongSession} from './v8-settings.js';

// The entry point: flags and I/O only. Game rules live in source/sim, source/cli, source/lessons.
// It stays small: each command's code is a bundle of its own (dist/aws.js, dist/lessons.js,
// dist/ui.cjs), loaded only when that command runs.

// Node 22.1+ can keep compiled code between runs (this file imports everything else later, so all
// of it benefits); Node 20 has no compile cache and skips this.
(module as unknown as {enableCompileCache?: () => unknown}).enableCompileCache?.();

// `npm run bench` reads the game's heap through a file (source/debug-memory.ts); never set for players.
if (process.env.AMI_SCHOOL_DEBUG_MEMORY) {
	const file = process.env.AMI_SCHOOL_DEBUG_MEMORY;
	void import('./debug-memory.js').then(debug => debug.reportMemoryEvery(file));
}

// A script is typed commands: a megabyte is thousands of pages of them; /dev/zero stops there.
const SCRIPT_MAX_BYTES = 1024 * 1024;
const readScript = (from: string | number) => {
	try {
		return readBounded(from, SCRIPT_MAX_BYTES).toString('utf8');
	} catch (error) {
		if (error instanceof TooLarge) throw new Error(`it is larger than ${formatBytes(SCRIPT_MAX_BYTES)}, more than a script of typed commands can be`);
		throw error;
	}
};

const io = {
	stdout: process.stdout,
	stderr: process.stderr,
	readFile: (file: string) => readScript(file),
	readStdin: () => readScript(0),
	ask:
		process.stdin.isTTY && process.stderr.isTTY
			? async (question: string) => {
					const {createInterface} = await import('node:readline/promises');
					const rl = createInterface({input: process.stdin, output: process.stderr});
					try {
						return await rl.question(question);
					} catch {
						return undefined;
					} finally {
						rl.close();
					}
				}
			: undefined,
};

// Set at build time (scripts/build.mjs): a hash of each script bundle (dist/ui.cjs, dist/aws.cjs).
// Undefined when run from source.
declare const AMI_SCHOOL_BUNDLE_HASHES: {ui: string; aws: string} | undefined;

/**
 * A script bundle run with V8's code cache in the config folder (source/code-cache.ts; on Node
 * 22+ too, where enableCompileCache covers the other bundles). From source, the module itself.
 */
const loadBundle = async <T>(name: 'ui' | 'aws', fromSource: () => Promise<T>): Promise<{exports: T; save: () => unknown}> => {
	if (typeof AMI_SCHOOL_BUNDLE_HASHES !== 'object') return {exports: await fromSource(), save: () => undefined};
	return requireWithCodeCache<T>(fileURLToPath(new URL(`${name}.cjs`, import.meta.url)), path.join(configDir(), 'code-cache'), `${VERSION}-${AMI_SCHOOL_BUNDLE_HASHES[name]}`);
};

const NOT_A_TERMINAL = `ami-school: the game needs an interactive terminal (stdin and stdout must be a TTY).
To run commands without the UI, use:  ami-school play <chapter> --script <file>   (or - for stdin)
To play line by line (no TTY needed):  ami-school --plain play <chapter>
To check lesson files:                ami-school check lessons/
For one sandbox command:              ami-school aws ec2 describe-regions
`;

const main = async (argv: string[]): Promise<number> => {
	// `aws` passes everything after it to the AWS CLI emulation untouched.
	if (argv[0] === 'aws') {
		const aws = await loadBundle('aws', async () => import('./commands/aws.js'));
		const code = aws.exports.awsCommand(argv.slice(1));
		aws.save(); // the first time only: the code this command compiled, for the next one
		return code;
	}

	const parsed = parseCommandLine(argv);
	if ('error' in parsed) {
		process.stderr.write(`ami-school: ${parsed.error}\nRun 'ami-school --help' for usage.\n`);
		return 2;
	}

	const {values, command, args: rest} = parsed;
	// `ami-school help [command]`, `ami-school [command] --help`
	const helpOn = command === 'help' ? (rest[0] ?? (values.help ? 'help' : undefined)) : values.help ? command : undefined;
	if (command === 'help' || values.help) {
		if (command === 'help' && rest.length > 1) {
			process.stderr.write(`ami-school: help takes one command, e.g. 'ami-school help check'.\n`);
			return 2;
		}

		if (helpOn === undefined) {
			process.stdout.write(`${usage(VERSION)}\n`);
			return 0;
		}

		const help = commandHelp(helpOn);
		if ('error' in help) {
			process.stderr.write(`ami-school help: ${help.error}\n`);
			return 2;
		}

		process.stdout.write(`${help.text}\n`);
		return 0;
	}

	if (values.version) {
		process.stdout.write(`${VERSION}\n`);
		return 0;
	}

	// `--learner NAME` anywhere: remembered from then on (`ami-school --learner NAME` alone sets it)
	if (values.learner !== undefined) {
		const learner = (await import('./progress/learner.js')) as typeof import('./progress/learner.js');
		const name = values.learner.trim();
		if (learner.savedLearner() !== name) {
			const problem = learner.saveLearner(name);
			if (problem) {
				process.stderr.write(`ami-school: --learner: ${problem}.\n`);
				return 2;
			}

			process.stderr.write(`AMI School will remember your name: ${name}\n`);
		}

		if (command === undefined && !values['reset-progress'] && !values.plain && !(process.stdin.isTTY && process.stdout.isTTY)) return 0;
	}

	// The lesson commands are a separate bundle too, loaded only for them.
	if (values['reset-progress'] || (command !== undefined && command !== 'sandbox' && (command !== 'play' || values.script !== undefined))) {
		const lessons = (await import('./commands/lessons.js')) as typeof import('./commands/lessons.js');
		const code = await lessons.runLessonCommand(parsed, io, process.stdin);
		if (code !== undefined) return code;

	if (values.export !== undefined) {
		process.stderr.write(`ami-school: --export goes with --script (in the game, type \`save-script [DIR]\` at the prompt).\n`);
		return 2;
	}
	}

	if (command === 'play' && rest.length === 0) {
		process.stderr.write(`ami-school: play needs a chapter, e.g. 'ami-school play 1'.\n`);
		return 2;
	}

	const mode = command === 'sandbox' ? 'sandbox' : command === 'play' ? 'chapter' : 'menu';
	// from here on a game session, which may last thousands of commands (source/v8-settings.ts)
	tuneForLongSession();
	// The plain line mode: asked for, or a terminal that cannot move its cursor.
	if (!values['reset-progress'] && (values.plain || process.env.TERM === 'dumb')) {
		const lessons = (await import('./commands/lessons.js')) as typeof import('./commands/lessons.js');
		return lessons.runPlainCommand({mode, chapter: rest[0], lessonsDir: values.lessons});
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(NOT_A_TERMINAL);
		return 2;
	}

	// Ink's chalk ignores NO_COLOR, and it turns colours off whenever CI is set, even in a real
	// terminal: decide here, before Ink loads.
	if (values['no-color'] || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '')) {
		process.env.FORCE_COLOR = '0';
	} else if ('CI' in process.env && process.env.FORCE_COLOR === undefined && process.env.TERM !== 'dumb') {
		process.env.FORCE_COLOR = '1';
	}

	// The Ink UI is a separate bundle, loaded only for an interactive terminal.
	const loaded = await loadBundle('ui', async () => import('./ui/start.js'));
	// once the menu has been drawn, so that its code is cached too
	setTimeout(loaded.save, 1500).unref();
	const ui = loaded.exports;
	return ui.startGame({
		mode,
		chapter: rest[0],
		lessonsDir: values.lessons,
	});
};

// A closed pipe (`ami-school check | head -1`) ends the program quietly: the reader wanted no more.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// a stack overflow is the input's depth, not something to show as JavaScript's words
		const message = error instanceof RangeError && /call stack/i.test(error.message) ? 'the input is nested too deeply to process' : error instanceof Error ? error.message : String(error);
		process.stderr.write(`ami-school: unexpected error: ${message}\nPlease report it; your progress is saved.\n`);
		process.exitCode = 70;
	},
);
