import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {COMMAND_WORDS, COMMANDS, commandHelp, OPTIONS, parseCommandLine, usage} from '../../source/args.js';
import {freshHome} from './helpers.js';

describe('the command line', () => {
	it('takes options in any position', () => {
		expect(parseCommandLine(['--lessons', 'X', 'play', '1', '--script', 'f'])).toEqual({command: 'play', args: ['1'], values: {lessons: 'X', script: 'f'}});
		expect(parseCommandLine(['play', '--script=f', '1', '--lessons', 'X'])).toEqual({command: 'play', args: ['1'], values: {lessons: 'X', script: 'f'}});
		expect(parseCommandLine(['check', '--lessons', 'X'])).toEqual({command: 'check', args: [], values: {lessons: 'X'}});
		expect(parseCommandLine(['--reset-progress', '-y'])).toEqual({command: undefined, args: [], values: {'reset-progress': true, yes: true}});
	});

	it('says plainly what is wrong', () => {
		expect(parseCommandLine(['play', '1', '--script'])).toEqual({error: '--script needs a value'});
		expect(parseCommandLine(['frobnicate'])).toEqual({error: "unknown command 'frobnicate'"});
		expect(parseCommandLine(['check', '--script', 'f'])).toEqual({error: "--script is not an option of 'check' (it belongs to ami-school play)"});
		expect(parseCommandLine(['--json'])).toEqual({error: '--json is not an option of the menu (it belongs to ami-school progress, ami-school report)'});
		expect(parseCommandLine(['--yes'])).toEqual({error: '--yes goes with --reset-progress'});
		expect(parseCommandLine(['play', '1', '--save'])).toEqual({error: '--save goes with --script (a game played at the prompt is saved as you play)'});
		expect(parseCommandLine(['report', 'collect', 'd', '--csv', '--learner', 'Ada'])).toEqual({command: 'report', args: ['collect', 'd'], values: {csv: true, learner: 'Ada'}});
	});

	it('--help lists every command and every option, in 80 columns', () => {
		const text = usage('1.2.3');
		for (const command of Object.values(COMMANDS)) expect(text).toContain(command.usage);
		for (const name of Object.keys(OPTIONS)) expect(text).toContain(`--${name}`);
		for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
	});

	it('README.md shows the real --help', () => {
		const body = usage('x').split('\n').slice(2).join('\n').replace("\n\nIn the game, type `help` at the prompt for the game's commands.", '');
		expect(readFileSync('README.md', 'utf8')).toContain(`\`\`\`\n${body}\n\`\`\``);
	});

	it('a mistyped command or option names the nearest one', () => {
		expect(parseCommandLine(['progres'])).toEqual({error: "unknown command 'progres' (did you mean `progress`?)"});
		expect(parseCommandLine(['certficate'])).toEqual({error: "unknown command 'certficate' (did you mean `certificate`?)"});
		expect(parseCommandLine(['new-leson', 'x'])).toEqual({error: "unknown command 'new-leson' (did you mean `new-lesson`?)"});
		expect(parseCommandLine(['play', '1', '--scrpt', 'f'])).toEqual({error: 'unknown option --scrpt (did you mean --script?)'});
		expect(parseCommandLine(['check', '--lesons', 'x'])).toEqual({error: 'unknown option --lesons (did you mean --lessons?)'});
		expect(parseCommandLine(['progress', '--jsn'])).toEqual({error: 'unknown option --jsn (did you mean --json?)'});
		expect(parseCommandLine(['--zzzzzz'])).toEqual({error: 'unknown option --zzzzzz'});
	});

	it('help for every command: its usage lines and options, derived from the tables', () => {
		expect(COMMAND_WORDS).toEqual(expect.arrayContaining(['help', 'play', 'sandbox', 'check', 'new-lesson', 'progress', 'certificate', 'aws']));
		for (const word of COMMAND_WORDS) {
			const help = commandHelp(word);
			if (!('text' in help)) throw new Error(help.error);
			for (const command of Object.values(COMMANDS).filter(c => c.usage.startsWith(`ami-school ${word} `) || c.usage === `ami-school ${word}`)) expect(help.text).toContain(command.usage);
			for (const [name, spec] of Object.entries(OPTIONS)) if ('commands' in spec && (spec.commands as readonly string[]).includes(word)) expect(help.text).toContain(`--${name}`);
			for (const line of help.text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
		}

		expect(commandHelp('check')).toEqual({text: expect.not.stringContaining('--script')});
		expect(commandHelp('progres')).toEqual({error: expect.stringContaining('did you mean `progress`?')});
	});

	it('`ami-school help <command>` and `<command> --help` print it, for every subcommand', {timeout: 60_000}, () => {
		const home = freshHome();
		for (const word of COMMAND_WORDS.filter(w => w !== 'aws')) {
			const viaHelp = home.run('help', word);
			expect(viaHelp.status, word).toBe(0);
			expect(viaHelp.stdout).toContain(`ami-school ${word}`);
			const viaFlag = home.run(word, '--help');
			expect(viaFlag.stdout, word).toBe(viaHelp.stdout);
		}

		const wrong = home.run('help', 'progres');
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('did you mean `progress`?');
	});
});
