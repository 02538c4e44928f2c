import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {COMMANDS, OPTIONS, parseCommandLine, usage} from '../../source/args.js';

describe('the command line', () => {
	it('takes options in any position', () => {
		expect(parseCommandLine(['--lessons', 'X', 'play', '1', '--script', 'f'])).toEqual({command: 'play', args: ['1'], values: {lessons: 'X', script: 'f'}});
		expect(parseCommandLine(['play', '--script=f', '1', '--lessons', 'X'])).toEqual({command: 'play', args: ['1'], values: {lessons: 'X', script: 'f'}});
		expect(parseCommandLine(['check', '--lessons', 'X'])).toEqual({command: 'check', args: [], values: {lessons: 'X'}});
		expect(parseCommandLine(['--reset-progress', '-y'])).toEqual({command: undefined, args: [], values: {'reset-progress': true, yes: true}});
	});

	it('says plainly what is wrong', () => {
		expect(parseCommandLine(['play', '1', '--scrpt', 'f'])).toEqual({error: 'unknown option --scrpt'});
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
});
