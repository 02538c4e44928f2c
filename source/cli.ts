import fs from 'node:fs';
import module from 'node:module';
import process from 'node:process';
import {parseCommandLine, usage} from './args.js';
import {VERSION} from './version.js';

// The entry point: flags and I/O only. Game rules live in source/sim, source/cli, source/lessons.
// It stays small: each command's code is a bundle of its own (dist/aws.js, dist/lessons.js,
// dist/ui.js), imported only when that command runs.

// Node 22.1+ can keep compiled code between runs (this file imports everything else later, so all
// of it benefits); Node 20 has no compile cache and skips this.
(module as unknown as {enableCompileCache?: () => unknown}).enableCompileCache?.();

const io = {
	stdout: process.stdout,
	stderr: process.stderr,
	readFile: (file: string) => fs.readFileSync(file, 'utf8'),
	readStdin: () => fs.readFileSync(0, 'utf8'),
};

const NOT_A_TERMINAL = `ami-school: the game needs an interactive terminal (stdin and stdout must be a TTY).
To run commands without the UI, use:  ami-school play <chapter> --script <file>   (or - for stdin)
To check lesson files:                ami-school check lessons/
For one sandbox command:              ami-school aws ec2 describe-regions
`;

const main = async (argv: string[]): Promise<number> => {
	// `aws` passes everything after it to the AWS CLI emulation untouched.
	if (argv[0] === 'aws') {
		const {awsCommand} = await import('./commands/aws.js');
		return awsCommand(argv.slice(1));
	}

	const parsed = parseCommandLine(argv);
	if ('error' in parsed) {
		process.stderr.write(`ami-school: ${parsed.error}\nRun 'ami-school --help' for usage.\n`);
		return 2;
	}

	const {values, command, args: rest} = parsed;
	if (values.help) {
		process.stdout.write(`${usage(VERSION)}\n`);
		return 0;
	}

	if (values.version) {
		process.stdout.write(`${VERSION}\n`);
		return 0;
	}

	// The lesson commands are a separate bundle too, loaded only for them.
	if (values['reset-progress'] || (command !== undefined && command !== 'sandbox' && (command !== 'play' || values.script !== undefined))) {
		const lessons = (await import('./commands/lessons.js')) as typeof import('./commands/lessons.js');
		const code = await lessons.runLessonCommand(parsed, io, process.stdin);
		if (code !== undefined) return code;
	}

	if (command === 'play' && rest.length === 0) {
		process.stderr.write(`ami-school: play needs a chapter, e.g. 'ami-school play 1'.\n`);
		return 2;
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
	const ui = (await import('./ui/start.js')) as typeof import('./ui/start.js');
	return ui.startGame({
		mode: command === 'sandbox' ? 'sandbox' : command === 'play' ? 'chapter' : 'menu',
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
		process.stderr.write(`ami-school: unexpected error: ${error instanceof Error ? error.message : String(error)}\nPlease report it; your progress is saved.\n`);
		process.exitCode = 70;
	},
);
