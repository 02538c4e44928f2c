import {parseArgs} from 'node:util';
import {closeMatches} from './cli/suggest.js';

// The command line of `ami-school`: every command and option in one table, from which both the
// parser and `--help` are derived. Options may come anywhere (`ami-school --lessons X play 1
// --script f`). Help for one command (`ami-school help check`, `check --help`) and the
// did-you-mean of a mistyped command or option come from the same tables. Small imports only: the
// entry point (dist/cli.js) stays small.

export const COMMANDS = {
	menu: {usage: 'ami-school', text: 'the chapter menu'},
	help: {usage: 'ami-school help [<command>]', text: 'help on one command: what it does and its options (also: ami-school <command> --help)'},
	play: {usage: 'ami-school play <chapter>', text: 'straight into a chapter (its number or id)'},
	'play-script': {
		usage: 'ami-school play <chapter> --script <file|-> [--report json] [--save]',
		text: 'run commands through a chapter without the UI: the transcript, the goals met and the score; exit 0 only when every goal is met (--export <dir> also writes them as scripts)',
	},
	sandbox: {usage: 'ami-school sandbox', text: 'a free sandbox with no goals'},
	check: {usage: 'ami-school check [<dir> | <lesson.yaml>] [--watch]', text: 'validate lesson files and replay their solutions (default: the pack of --lessons, else the built-in chapters)'},
	'new-lesson': {usage: 'ami-school new-lesson <name> [--shape <shape>] [--dir <dir>]', text: 'write a commented lesson that passes check, to start from (default dir: .; shapes: find-and-launch, bake, copy-and-share, clean-up)'},
	progress: {usage: 'ami-school progress [--json]', text: 'your progress: chapter, state, stars, best score'},
	'progress-export': {usage: 'ami-school progress export <file>', text: 'write your progress to a file (to move it, or hand it in)'},
	'progress-import': {usage: 'ami-school progress import <file>', text: 'merge a progress file into yours, keeping the better result of each chapter'},
	certificate: {usage: 'ami-school certificate [--out <file.md|file.html> [--force]]', text: 'a completion page: chapters done, stars, date, version and a verification code'},
	'certificate-verify': {usage: 'ami-school certificate --verify <file>', text: 'check that a certificate was not edited'},
	'report-collect': {
		usage: 'ami-school report collect <dir|files...> [--csv | --json | --html <file>]',
		text: 'the reports and progress exports learners hand in, as one roster: learner, chapter, goals, stars, score, quiz, hints, time, version, lesson hash; flags duplicates, changed lessons and files that do not verify',
	},
	'report-verify': {usage: 'ami-school report verify <file>', text: 'replay the commands a report or progress export recorded and check its goals, score and stars against them'},
	'report-show': {usage: 'ami-school report show <file>', text: 'replay one learner\'s session step by step: what they typed and saw, goals met, hints, mistakes'},
	aws: {usage: 'ami-school aws <aws arguments>', text: 'one AWS CLI command against the sandbox file ($AMI_SCHOOL_SANDBOX, else sandbox.json in the config folder)'},
} as const;

type CommandName = 'help' | 'play' | 'sandbox' | 'check' | 'new-lesson' | 'progress' | 'certificate' | 'report';

type OptionSpec = {type: 'string' | 'boolean'; short?: string; value?: string; text: string; /** the commands it belongs to; absent: every command */ commands?: readonly (CommandName | 'menu')[]};

export const OPTIONS = {
	lessons: {type: 'string', value: '<dir>', text: 'use a lesson pack: a workshop\'s own lessons (see lessons/README.md)'},
	script: {type: 'string', value: '<file|->', text: 'play: run these lines instead of the UI', commands: ['play']},
	report: {type: 'string', value: 'json', text: 'play --script: the report as JSON, for graders', commands: ['play']},
	export: {type: 'string', value: '<dir>', text: 'play --script: also write the session as session.sh and cleanup.sh for the real AWS CLI (what save-script does in the game)', commands: ['play']},
	learner: {type: 'string', value: '<name>', text: 'your name, remembered from then on and written into reports, progress exports and certificates (`ami-school --learner "Ada L"` sets it)'},
	save: {type: 'boolean', text: 'play --script: record the run in your progress, as a chapter played in the game', commands: ['play']},
	json: {type: 'boolean', text: 'progress, report collect: the table as JSON', commands: ['progress', 'report']},
	csv: {type: 'boolean', text: 'report collect: the roster as CSV', commands: ['report']},
	html: {type: 'string', value: '<file>', text: 'report collect: also write the roster as one page (learner-by-chapter grid, the goals the room found hard)', commands: ['report']},
	out: {type: 'string', value: '<file>', text: 'certificate: write it to this file instead of printing it, as its extension says (.md or .html)', commands: ['certificate']},
	force: {type: 'boolean', text: 'certificate --out: replace the file if it exists', commands: ['certificate']},
	verify: {type: 'string', value: '<file>', text: 'certificate: check a certificate file', commands: ['certificate']},
	dir: {type: 'string', value: '<dir>', text: 'new-lesson: the folder to write into', commands: ['new-lesson']},
	shape: {type: 'string', value: '<shape>', text: 'new-lesson: the starting shape (find-and-launch, bake, copy-and-share, clean-up)', commands: ['new-lesson']},
	watch: {type: 'boolean', text: 'check: check again each time a lesson file is saved (Ctrl+C ends)', commands: ['check']},
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

/** The word after `ami-school` in a usage line ('play' in 'ami-school play <chapter>'); undefined for the menu. */
const wordOf = (usage: string): string | undefined => /^ami-school ([a-z][a-z-]*)/.exec(usage)?.[1];

/** Every command word, from the table ('aws' too: cli.ts hands it over before parsing). */
export const COMMAND_WORDS: readonly string[] = [...new Set(Object.values(COMMANDS).flatMap(c => wordOf(c.usage) ?? []))];
const KNOWN: readonly string[] = COMMAND_WORDS.filter(word => word !== 'aws');

/** " (did you mean `x`?)" when one known word is close to the one given. */
const didYouMean = (given: string, known: readonly string[], quote: (word: string) => string): string => {
	const [nearest] = closeMatches(given, known, 1, 0.6);
	return nearest === undefined ? '' : ` (did you mean ${quote(nearest)}?)`;
};

/** The options a command takes (its own, then those of every command), by name. */
const optionsOf = (command: CommandName | 'menu'): string[] =>
	Object.entries(OPTIONS)
		.filter(([, spec]) => !('commands' in spec) || (spec.commands as readonly string[]).includes(command))
		.map(([name]) => name);

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
		if (unknown) {
			const given = unknown[1];
			const word = argv.find(a => KNOWN.includes(a)) as CommandName | undefined;
			const names = given.startsWith('--') ? [...new Set([...optionsOf(word ?? 'menu'), ...Object.keys(OPTIONS)])] : [];
			return {error: `unknown option ${given}${didYouMean(given.slice(2), names, name => `--${name}`)}`};
		}

		const needs = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
		if (needs) return {error: `${needs[1]} needs a value`};
		return {error: message.split('\n')[0]};
	}

	const values = parsed.values as Values;
	const [word, ...args] = parsed.positionals;
	if (word !== undefined && !KNOWN.includes(word)) return {error: `unknown command '${word}'${didYouMean(word, COMMAND_WORDS, w => `\`${w}\``)}`};
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
	if (values.save && values.script === undefined) return {error: '--save goes with --script (a game played at the prompt is saved as you play)'};
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

const column = 38;
const row = (left: string, text: string) =>
	left.length <= column - 3 ? `  ${left.padEnd(column - 3)} ${wrap(text, column)}` : `  ${left}\n${' '.repeat(column)}${wrap(text, column)}`;
const optionRow = (name: string) => {
	const spec: OptionSpec & {value?: string} = OPTIONS[name as OptionName];
	return row(`${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.text);
};

/**
 * `ami-school help <command>` and `ami-school <command> --help`: its usage lines and its options
 * (its own first, then those every command takes). An error, with a did-you-mean, for an unknown word.
 */
export const commandHelp = (word: string): {text: string} | {error: string} => {
	const lines = Object.values(COMMANDS).filter(c => wordOf(c.usage) === word);
	if (lines.length === 0) return {error: `no command '${word}'${didYouMean(word, COMMAND_WORDS, w => `\`${w}\``)}; the commands: ${COMMAND_WORDS.join(', ')}`};
	const own = Object.keys(OPTIONS).filter(name => ((OPTIONS[name as OptionName] as OptionSpec).commands as readonly string[] | undefined)?.includes(word));
	const everywhere = word === 'aws' ? [] : Object.keys(OPTIONS).filter(name => !(OPTIONS[name as OptionName] as OptionSpec).commands);
	const options = [...own, ...everywhere];
	const aws = word === 'aws' ? '\nEverything after `aws` goes to the AWS CLI of the sandbox: aws ec2 help' : '';
	return {
		text: `Usage
${lines.map(c => row(c.usage, c.text)).join('\n')}
${options.length === 0 ? '' : `\nOptions\n${options.map(optionRow).join('\n')}\n`}${aws}`.trimEnd(),
	};
};

/** `ami-school --help`: every command and option, from the tables above. */
export const usage = (version: string): string => {
	const commands = Object.values(COMMANDS).map(c => row(c.usage, c.text));
	const options = Object.keys(OPTIONS).map(optionRow);
	return `AMI School ${version}: learn Amazon Machine Images by doing, in a sandboxed EC2.

Usage
${commands.join('\n')}

Options (anywhere on the line)
${options.join('\n')}

In the game, type \`help\` at the prompt for the game's commands.`;
};
