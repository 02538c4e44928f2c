import {parseArgs} from 'node:util';

// The command line of `ami-school`: every command and option in one table, from which both the
// parser and `--help` are derived. Options may come anywhere (`ami-school --lessons X play 1
// --script f`). No imports beyond node:util: the entry point (dist/cli.js) stays small.

export const COMMANDS = {
	menu: {usage: 'ami-school', text: 'the chapter menu'},
	play: {usage: 'ami-school play <chapter>', text: 'straight into a chapter (its number or id)'},
	'play-script': {
		usage: 'ami-school play <chapter> --script <file|-> [--report json] [--export <dir>]',
		text: 'run commands through a chapter without the UI: the transcript, the goals met and the score; exit 0 only when every goal is met',
	},
	sandbox: {usage: 'ami-school sandbox', text: 'a free sandbox with no goals'},
	check: {usage: 'ami-school check [<dir> | <lesson.yaml>]', text: 'validate lesson files and replay their solutions (default: the pack of --lessons, else the built-in chapters)'},
	'new-lesson': {usage: 'ami-school new-lesson <name> [--dir <dir>]', text: 'write a commented lesson that passes check, to start from (default dir: .)'},
	progress: {usage: 'ami-school progress [--json]', text: 'your progress: chapter, state, stars, best score'},
	'progress-export': {usage: 'ami-school progress export <file>', text: 'write your progress to a file (to move it, or hand it in)'},
	'progress-import': {usage: 'ami-school progress import <file>', text: 'merge a progress file into yours, keeping the better result of each chapter'},
	certificate: {usage: 'ami-school certificate [--out <file.md|file.html>]', text: 'a completion page: chapters done, stars, date, version and a verification code'},
	'certificate-verify': {usage: 'ami-school certificate --verify <file>', text: 'check that a certificate was not edited'},
	aws: {usage: 'ami-school aws <aws arguments>', text: 'one AWS CLI command against the sandbox file ($AMI_SCHOOL_SANDBOX, else sandbox.json in the config folder)'},
} as const;

type CommandName = 'play' | 'sandbox' | 'check' | 'new-lesson' | 'progress' | 'certificate';

type OptionSpec = {type: 'string' | 'boolean'; short?: string; value?: string; text: string; /** the commands it belongs to; absent: every command */ commands?: readonly (CommandName | 'menu')[]};

export const OPTIONS = {
	lessons: {type: 'string', value: '<dir>', text: 'use a lesson pack: a workshop\'s own lessons (see lessons/README.md)'},
	script: {type: 'string', value: '<file|->', text: 'play: run these lines instead of the UI', commands: ['play']},
	report: {type: 'string', value: 'json', text: 'play --script: the report as JSON, for graders', commands: ['play']},
	export: {type: 'string', value: '<dir>', text: 'play --script: also write the session as session.sh and cleanup.sh for the real AWS CLI (what save-script does in the game)', commands: ['play']},
	learner: {type: 'string', value: '<name>', text: 'the learner\'s name, written into reports, progress exports and certificates', commands: ['play', 'progress', 'certificate']},
	json: {type: 'boolean', text: 'progress: the table as JSON', commands: ['progress']},
	out: {type: 'string', value: '<file>', text: 'certificate: write it to this file (.md or .html) instead of printing it', commands: ['certificate']},
	verify: {type: 'string', value: '<file>', text: 'certificate: check a certificate file', commands: ['certificate']},
	dir: {type: 'string', value: '<dir>', text: 'new-lesson: the folder to write into', commands: ['new-lesson']},
	'reset-progress': {type: 'boolean', text: 'erase the saved progress of the lesson pack (asks first)', commands: ['menu']},
	yes: {type: 'boolean', short: 'y', text: 'with --reset-progress: erase without asking (shared lab machines)', commands: ['menu']},
	plain: {type: 'boolean', text: 'play line by line: no cursor movement, colour or spinners, no terminal needed (screen readers, logs, pipes; also when TERM=dumb)', commands: ['menu', 'play', 'sandbox']},
	'no-color': {type: 'boolean', text: 'no colours (NO_COLOR is honoured too)'},
	version: {type: 'boolean', short: 'v', text: 'print the version'},
	help: {type: 'boolean', short: 'h', text: 'print this help'},
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
export type Values = {[K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean};

export type CommandLine = {
	/** undefined: the menu */
	command?: CommandName;
	/** the words after the command */
	args: string[];
	values: Values;
};

const KNOWN: readonly string[] = ['play', 'sandbox', 'check', 'new-lesson', 'progress', 'certificate'];

/** Parses argv (without node and the script). Returns a message for the user on a usage error. */
export const parseCommandLine = (argv: string[]): CommandLine | {error: string} => {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, {type: spec.type, ...('short' in spec ? {short: spec.short} : {})}])),
		});
	} catch (error) {
		// node's messages name the option; say it in our words
		const message = (error as Error).message;
		const unknown = /Unknown option '([^']+)'/.exec(message);
		if (unknown) return {error: `unknown option ${unknown[1]}`};
		const needs = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
		if (needs) return {error: `${needs[1]} needs a value`};
		return {error: message.split('\n')[0]};
	}

	const values = parsed.values as Values;
	const [word, ...args] = parsed.positionals;
	if (word !== undefined && !KNOWN.includes(word)) return {error: `unknown command '${word}'`};
	const command = word as CommandName | undefined;
	for (const [name, given] of Object.entries(values)) {
		const spec: OptionSpec = OPTIONS[name as OptionName];
		if (given === undefined || !spec.commands) continue;
		if (!spec.commands.includes(command ?? 'menu')) {
			const owners = spec.commands.map(c => (c === 'menu' ? 'ami-school' : `ami-school ${c}`)).join(', ');
			return {error: `--${name} is not an option of ${command ? `'${command}'` : 'the menu'} (it belongs to ${owners})`};
		}
	}

	if (values.yes && !values['reset-progress']) return {error: '--yes goes with --reset-progress'};
	return {command, args, values};
};

const wrap = (text: string, indent: number, width = 80): string => {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && indent + line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}

	lines.push(line);
	return lines.join(`\n${' '.repeat(indent)}`);
};

/** `ami-school --help`: every command and option, from the tables above. */
export const usage = (version: string): string => {
	const column = 38;
	const row = (left: string, text: string) =>
		left.length <= column - 3 ? `  ${left.padEnd(column - 3)} ${wrap(text, column)}` : `  ${left}\n${' '.repeat(column)}${wrap(text, column)}`;
	const commands = Object.values(COMMANDS).map(c => row(c.usage, c.text));
	const options = Object.entries(OPTIONS).map(([name, spec]) => row(`${'short' in spec ? `-${spec.short}, ` : ''}--${name}${'value' in spec ? ` ${spec.value}` : ''}`, spec.text));
	return `AMI School ${version}: learn Amazon Machine Images by doing, in a sandboxed EC2.

Usage
${commands.join('\n')}

Options (anywhere on the line)
${options.join('\n')}

In the game, type \`help\` at the prompt for the game's commands.`;
};
