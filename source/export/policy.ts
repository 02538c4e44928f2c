import {isFor, literalWord, simpleCommands, type List, type Redirect, type Word} from '../shell/parse-line.js';

// What session.sh may run on the learner's computer: the AWS CLI and the small tools the lessons
// use around it, on files in the export folder only. A line that would run anything else (a
// program the sandbox does not know, a shell, sed or awk that can run commands, a file outside
// the folder, a command name held in a variable) is left out of the script with the reason:
// a lesson pack's setup commands, or a pasted line, can never plant a command in a learner's
// script, nor read their credentials into an AWS call.

/** Programs that only read and write what their arguments name (checked below). */
const SAFE = new Set(['aws', 'echo', 'printf', 'cat', 'chmod', 'base64', 'head', 'tail', 'grep', 'wc', 'cut', 'tr', 'sort', 'jq', 'curl', 'sleep', 'true', 'false', ':', 'export', 'unset', 'test', '[', 'date', 'whoami', 'hostname', 'pwd', 'ls', 'touch', 'mkdir', 'rm', 'xargs', 'tee']);

/** Arguments that are not file names (patterns, filters, character sets, modes). */
const NOT_FILES = new Set(['echo', 'printf', 'tr', 'test', '[', 'date', 'sleep', 'export', 'unset', 'aws', 'curl', 'xargs', 'true', 'false', ':', 'whoami', 'hostname', 'pwd']);

/** A file in the export folder: no path outside it, no hidden file. */
const PLAIN_FILE = /^(?!\.)[\w@%+=:,.-]+$/;

const text = (word: Word): string | undefined => literalWord(word);

const fileProblem = (word: Word): string | undefined => {
	if (word.some(part => part.t === 'tilde')) return 'a file in your home folder';
	const value = text(word);
	if (value === undefined) return undefined; // a variable's value: what the session itself made (checked when it was)
	return PLAIN_FILE.test(value) ? undefined : `the file ${value}, outside the script's folder`;
};

const redirectProblem = (redirect: Redirect): string | undefined => {
	if (redirect.op === '>&' || redirect.op === '<<') return undefined;
	return fileProblem(redirect.target);
};

/** Why `list` may not run on the learner's computer, or undefined when it may. */
export const unsafeReason = (list: List): string | undefined => {
	for (const andOr of list) {
		for (const pipeline of [andOr.first, ...andOr.rest.map(r => r.pipeline)]) {
			for (const command of pipeline.commands) {
				if (isFor(command)) {
					const inner = unsafeReason(command.body);
					if (inner) return inner;
					for (const r of command.redirects) {
						const problem = redirectProblem(r);
						if (problem) return `it writes or reads ${problem}`;
					}
				}
			}
		}
	}

	for (const command of simpleCommands(list)) {
		for (const r of command.redirects) {
			const problem = redirectProblem(r);
			if (problem) return `it writes or reads ${problem}`;
		}

		if (command.words.length === 0) continue;
		const name = text(command.words[0]);
		if (name === undefined) return 'the program it runs is named by a variable';
		if (!SAFE.has(name)) return `it runs ${name} on your computer, which this script never does`;
		const args = command.words.slice(1);
		if (name === 'xargs') {
			const program = args.map(text).find(a => a !== undefined && !a.startsWith('-') && !/^\d+$/.test(a));
			if (program && !SAFE.has(program)) return `it runs ${program} on your computer, which this script never does`;
		}

		if (name === 'aws') {
			for (const arg of args) {
				const value = text(arg);
				const file = value && /^(?:file|fileb):\/\/(.*)$/.exec(value);
				if (file && !PLAIN_FILE.test(file[1])) return `it reads the file ${file[1]}, outside the script's folder`;
			}
		}

		if (name === 'curl' && args.some(a => /^-[a-zA-Z]*[oOKT]|^--(?:output|config|upload-file|remote-name|create-dirs)/.test(text(a) ?? ''))) return 'it makes curl read or write files';
		if (NOT_FILES.has(name)) continue;
		// the files a program reads or writes: every non-option argument (grep's and jq's first is a pattern; chmod's first a mode)
		let operands = args.filter((a, k) => !(text(a) ?? '').startsWith('-') && !(name === 'cut' && /^-[dfc]$/.test(text(args[k - 1]) ?? '')));
		if (name === 'grep' || name === 'jq' || name === 'chmod') operands = operands.slice(1);
		for (const operand of operands) {
			const problem = fileProblem(operand);
			if (problem) return `it reads or writes ${problem}`;
		}
	}

	return undefined;
};
