import {parseLine, type SimpleCommand} from '../../source/shell/parse-line.js';

/**
 * The words of one simple command as the player's shell reads them (quotes, escapes, line
 * continuations), for tests that feed a typed line to the aws parser. Variables and
 * substitutions are not expanded here: a test line must not use them.
 */
export const commandWords = (line: string): string[] => {
	const parsed = parseLine(line);
	if (!parsed.ok) throw new Error(`not a complete line: ${line}`);
	const command = parsed.list[0]?.first.commands[0] as SimpleCommand | undefined;
	if (!command) return [];
	return command.words.map(word =>
		word
			.map(part => {
				if (part.t !== 'lit') throw new Error(`a test line with an expansion: ${line}`);
				return part.v;
			})
			.join(''),
	);
};
