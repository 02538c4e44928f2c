import {fail, runProgram, type Chunk, type Command} from '../machine.js';

// GNU xargs (findutils 4.9): builds command lines from the words on its input and runs them, as
// AWS tutorials use it for clean-up (`… --output text | xargs -n1 aws ec2 deregister-image --image-id`).
// It runs programs, not shell builtins, each recorded as one the learner ran (goals count a curl
// through xargs like a typed one); each command's input is empty (/dev/null); the runs are in
// order (-P is accepted, the model is sequential). Exit: 0, 123 when a run failed, 124 when one
// exited 255 (xargs stops there), 127 when the program does not exist, 1 for bad options or input.

const USAGE = 'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry \'xargs --help\' for more information.\n';

type Options = {maxArgs?: number; maxLines?: number; replace?: string; noRunIfEmpty: boolean; verbose: boolean; delimiter?: string};

const parseOptions = (args: string[]): {options: Options; command: string[]} | {error: string} => {
	const options: Options = {noRunIfEmpty: false, verbose: false};
	let i = 0;
	const value = (inline: string): string | undefined => (inline === '' ? args[++i] : inline);
	for (; i < args.length; i++) {
		const a = args[i];
		if (a === '--') {
			i++;
			break;
		}

		if (!a.startsWith('-') || a === '-') break;
		if (a.startsWith('--')) {
			const [name, inline] = a.split('=', 2);
			if (name === '--no-run-if-empty') options.noRunIfEmpty = true;
			else if (name === '--verbose') options.verbose = true;
			else if (name === '--null') options.delimiter = '\0';
			else if (name === '--max-args') options.maxArgs = Number(inline ?? args[++i]);
			else if (name === '--max-lines') options.maxLines = Number(inline ?? 1);
			else if (name === '--replace') options.replace = inline ?? '{}';
			else if (name === '--max-procs' || name === '--max-chars') i += inline === undefined ? 1 : 0;
			else if (name === '--delimiter') options.delimiter = inline ?? args[++i];
			else return {error: `xargs: unrecognized option '${a}'\n${USAGE}`};
			continue;
		}

		const flag = a[1];
		const inline = a.slice(2);
		switch (flag) {
			case 'n': {
				const n = value(inline);
				if (n === undefined) return {error: `xargs: option requires an argument -- 'n'\n${USAGE}`};
				if (!/^\d+$/.test(n) || Number(n) < 1) return {error: `xargs: value ${n} for -n option should be >= 1\n`};
				options.maxArgs = Number(n);
				break;
			}

			case 'L': {
				const n = value(inline);
				if (n === undefined || !/^\d+$/.test(n) || Number(n) < 1) return {error: `xargs: value ${n ?? ''} for -L option should be >= 1\n`};
				options.maxLines = Number(n);
				break;
			}

			case 'I': {
				const r = value(inline);
				if (r === undefined) return {error: `xargs: option requires an argument -- 'I'\n${USAGE}`};
				options.replace = r;
				break;
			}

			case 'i': {
				options.replace = inline || '{}';
				break;
			}

			case 'd': {
				const d = value(inline);
				if (d === undefined) return {error: `xargs: option requires an argument -- 'd'\n${USAGE}`};
				options.delimiter = d === '\\n' ? '\n' : d === '\\t' ? '\t' : d;
				break;
			}

			case 'P':
			case 's': {
				if (inline === '') i++;
				break;
			}

			case '0': {
				options.delimiter = '\0';
				break;
			}

			case 'r': {
				options.noRunIfEmpty = true;
				break;
			}

			case 't': {
				options.verbose = true;
				break;
			}

			case 'x': {
				break;
			}

			default: {
				return {error: `xargs: invalid option -- '${flag}'\n${USAGE}`};
			}
		}
	}

	const command = args.slice(i);
	return {options, command: command.length > 0 ? command : ['echo']};
};

/** the words of the input as xargs reads them: blanks and newlines separate, quotes and backslashes group */
const readWords = (input: string): {lines: string[][]} | {error: string} => {
	const lines: string[][] = [];
	let line: string[] = [];
	let word = '';
	let inWord = false;
	let quote: string | undefined;
	for (let i = 0; i < input.length; i++) {
		const c = input[i];
		if (quote) {
			if (c === quote) quote = undefined;
			else if (c === '\n') return {error: `xargs: unmatched ${quote === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option\n`};
			else word += c;
		} else if (c === "'" || c === '"') {
			quote = c;
			inWord = true;
		} else if (c === '\\' && i + 1 < input.length) {
			word += input[++i];
			inWord = true;
		} else if (c === ' ' || c === '\t' || c === '\n') {
			if (inWord) line.push(word);
			word = '';
			inWord = false;
			// a line ending in a blank continues on the next one (-L)
			if (c === '\n' && line.length > 0 && input[i - 1] !== ' ' && input[i - 1] !== '\t') {
				lines.push(line);
				line = [];
			}
		} else {
			word += c;
			inWord = true;
		}
	}

	if (quote) return {error: `xargs: unmatched ${quote === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option\n`};
	if (inWord) line.push(word);
	if (line.length > 0) lines.push(line);
	return {lines};
};

const shellQuoteless = (argv: string[]) => argv.join(' ');

export const xargs: Command = (ctx, [, ...args]) => {
	const parsed = parseOptions(args);
	if ('error' in parsed) return fail(1, parsed.error);
	const {options, command} = parsed;
	let runs: string[][];
	if (options.delimiter !== undefined) {
		const items = ctx.stdin.split(options.delimiter);
		if (items.at(-1) === '' || (options.delimiter !== '\0' && items.at(-1) === '\n')) items.pop();
		runs = items.map(item => [item]);
	} else {
		const read = readWords(ctx.stdin);
		if ('error' in read) return fail(1, read.error);
		runs = read.lines;
	}

	let batches: string[][];
	if (options.replace !== undefined) {
		// -I: one run per input line, the whole line (leading blanks dropped) replaces the string
		const lines = options.delimiter === undefined ? ctx.stdin.split('\n').map(l => l.replace(/^[ \t]+/, '')).filter(l => l !== '') : runs.map(r => r[0]);
		batches = lines.map(line => command.map(word => word.replaceAll(options.replace!, line)));
	} else {
		const words = runs.flat();
		const groups: string[][] = [];
		if (options.maxLines !== undefined) {
			for (let i = 0; i < runs.length; i += options.maxLines) groups.push(runs.slice(i, i + options.maxLines).flat());
		} else if (options.maxArgs === undefined) groups.push(words);
		else for (let i = 0; i < words.length; i += options.maxArgs) groups.push(words.slice(i, i + options.maxArgs));
		// GNU xargs runs the command once even when the input is empty, unless -r
		if (groups.length === 0 || (groups.length === 1 && groups[0].length === 0)) batches = options.noRunIfEmpty ? [] : [command];
		else batches = groups.map(group => [...command, ...group]);
	}

	const out: Chunk[] = [];
	let code = 0;
	for (const argv of batches) {
		if (options.verbose) out.push({fd: 2, text: `${shellQuoteless(argv)}\n`});
		const program = ctx.machine.command(argv[0]);
		if (!program) {
			out.push({fd: 2, text: `xargs: ${argv[0]}: No such file or directory\n`});
			return {code: 127, out};
		}

		const result = runProgram(program, {...ctx, stdin: ''}, argv);
		out.push(...result.out);
		if (result.code === 255) {
			out.push({fd: 2, text: `xargs: ${argv[0]}: exited with status 255; aborting\n`});
			return {code: 124, out};
		}

		if (result.code !== 0) code = 123;
		if (ctx.shell.exited) break;
	}

	return {code, out};
};
