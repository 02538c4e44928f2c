// Lines fitted to the terminal's width before Ink draws them, so the terminal never wraps them
// itself (its wrap cuts words and starts the next line with the space it broke at):
//
// - a command (what the player typed, a hint's or the story's `aws …` line) breaks between shell
//   words, each line but the last ending with ` \`, the lines after the first indented two more:
//   pasted back at the prompt, the lines join into the command that was shown (AWS's docs print
//   long commands this way);
// - any other line breaks at a space, the space dropped, the lines after the first lined up
//   under the text of a list item or table row, or at the line's own indent; a program's line
//   with a word longer than a line (a JSON value, an ARN) is cut at the width, as a terminal does.

const length = (text: string): number => [...text].length;

/**
 * The shell words of a line as written (quotes and backslashes kept), split at unquoted blanks.
 * A quote left open (an apostrophe in a hint's prose) means the line is not shell: its words are split at blanks.
 */
export const shellWords = (line: string): string[] => {
	const words: string[] = [];
	let word = '';
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quote) {
			word += ch;
			if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
			else if (ch === quote) quote = undefined;
		} else if (ch === ' ' || ch === '\t') {
			if (word) words.push(word);
			word = '';
		} else {
			word += ch;
			if (ch === '\\' && i + 1 < line.length) word += line[++i];
			else if (ch === '"' || ch === "'") quote = ch;
		}
	}

	if (quote) return line.split(/[ \t]+/).filter(Boolean);
	if (word) words.push(word);
	return words;
};

/** A shell line that is too long broken between words with ` \` continuations (see the top). A word longer than a line stays whole. */
export const breakCommand = (line: string, width: number): string[] => {
	if (length(line) <= width) return [line];
	const indent = /^\s*/.exec(line)?.[0] ?? '';
	const words = shellWords(line.slice(indent.length));
	// the author's own continuation stays at the end of the last line
	const continued = words.at(-1) === '\\';
	if (continued) words.pop();
	if (words.length < 2) return [line];
	const more = `${indent}  `;
	const out: string[] = [];
	let current = indent + words[0];
	for (let i = 1; i < words.length; i++) {
		const word = words[i];
		const last = i === words.length - 1 && !continued;
		// room for the word, and for the ` \` that goes after it unless it ends the command
		const needed = length(current) + 1 + length(word) + (last ? 0 : 2);
		if (needed <= width || length(current) <= length(more)) {
			current += ` ${word}`;
		} else {
			out.push(`${current} \\`);
			// a word too long for the indented line starts at the command's own indent
			current = (length(more) + length(word) + (last ? 0 : 2) > width ? indent : more) + word;
		}
	}

	out.push(continued ? `${current} \\` : current);
	return out;
};

const TABLE_ROW = /^(\s*\S.*?\s{2,})(\S.*)$/;
const LIST_ITEM = /^(\s*(?:\d+[.)]|[-*•✓○])\s+)\S/;

/** Where the lines after the first start: under a list item's or table row's text, else at the line's indent. */
const hangOf = (line: string): number => {
	const item = LIST_ITEM.exec(line) ?? (/^\s/.test(line) ? TABLE_ROW.exec(line) : null);
	const hang = item ? length(item[1]) : length(/^\s*/.exec(line)?.[0] ?? '');
	return hang;
};

/** A line broken at spaces (the space dropped), its further lines indented `hang` (or as hangOf says). */
export const wrapLine = (line: string, width: number, hang = hangOf(line)): string[] => {
	const chars = [...line];
	if (chars.length <= width) return [line];
	const indent = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
	const out: string[] = [];
	let rest = chars;
	let prefix = '';
	for (;;) {
		const room = width - prefix.length;
		if (rest.length <= room) {
			out.push(prefix + rest.join(''));
			break;
		}

		// the last space that leaves some text on this line; none: cut the word
		const lead = prefix === '' ? (/^\s*/.exec(line)?.[0].length ?? 0) : 0;
		let cut = -1;
		for (let i = room; i > lead; i--) if (rest[i] === ' ') {
			cut = i;
			break;
		}

		const head = cut === -1 ? rest.slice(0, room) : rest.slice(0, cut);
		out.push(prefix + head.join('').replace(/\s+$/, ''));
		rest = cut === -1 ? rest.slice(room) : rest.slice(cut);
		while (rest[0] === ' ') rest = rest.slice(1);
		if (rest.length === 0) break;
		prefix = indent;
	}

	return out;
};

/** How a line that is a command starts: a `$ ` prompt, a program the lessons use, a variable set from a command. */
const COMMAND_START = /^\s*(?:\$\s+)?(?:(?:aws|sudo|ssh|scp|curl|chmod|ssh-keygen|echo|cat|export|for|while)\s|[A-Za-z_]\w*=\$\()/;

/** A line cut every `width` characters, as a terminal wraps it. */
const cutLine = (line: string, width: number): string[] => {
	const chars = [...line];
	const out: string[] = [];
	for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
	return out;
};

/** Prose under a heading (a goal's reason, a near miss): it ends as a sentence does, and is not a command's option. */
const SENTENCE = /^\s+[^-\s].*\s\S+[.!?:]$/;

/**
 * Whether a line of game text is a command to show copyable: indented (not a `term   text` row,
 * a list item or an indented sentence), or starting as COMMAND_START says.
 */
export const isCommandLine = (line: string): boolean => {
	if (COMMAND_START.test(line)) return true;
	if (!/^\s+\S/.test(line)) return false;
	if (LIST_ITEM.test(line) || SENTENCE.test(line)) return false;
	return !TABLE_ROW.test(line);
};

export type FitKind = 'command' | 'output' | 'text';

/**
 * A transcript entry's text as lines of at most `width`: `command` (the line the player typed)
 * breaks as a command; `output` (what a program printed) breaks each line at spaces under its
 * own indent; `text` (the game's words: hints, help, messages) breaks command lines as commands
 * and the rest at spaces.
 */
export const fitText = (text: string, width: number, kind: FitKind): string[] =>
	text.split('\n').flatMap(line => {
		if (kind === 'command' || (kind === 'text' && isCommandLine(line))) return breakCommand(line, width);
		if (kind !== 'output') return wrapLine(line, width);
		// a program's line with a word too long for a line (a JSON value, an ARN) breaks as the
		// terminal would, at the width; otherwise at spaces, under the line's indent
		const indent = length(/^\s*/.exec(line)?.[0] ?? '');
		if (line.trim().split(/\s+/).some(word => length(word) > width - indent)) return cutLine(line, width);
		return wrapLine(line, width, indent);
	});
