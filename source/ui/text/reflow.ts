import {breakCommand} from './fit.js';

// Lesson text (story pages, debriefs, quiz questions and explanations) is written hard-wrapped in
// YAML at whatever width its author liked. Shown line for line in a narrower terminal, each long
// line breaks into a full line and a stub. This lays it out again for the terminal's width:
//
// - a blank line separates paragraphs (and stays a blank line);
// - the lines of a paragraph are joined and wrapped at word boundaries;
// - an indented line is kept as written (commands, option tables); one longer than the width
//   breaks: a `term   description` row with its description lined up, a command between shell
//   words with ` \` continuations (fit.ts), so that pasted back it runs;
// - an indented line that starts with `1.`, `-`, `*` or `•` is a list item: wrapped, with the
//   lines after its first one lined up under its text; the lines after it that are indented to
//   its text are part of it.

/** The widest text lines are drawn: wide terminals still get lines short enough to read. */
export const MAX_TEXT_WIDTH = 100;

/** The width text is laid out to in a terminal of `columns` (its last column left free). */
export const textWidth = (columns: number): number => Math.max(20, Math.min(MAX_TEXT_WIDTH, columns - 1));

const length = (text: string): number => [...text].length;

/** Breaks words into lines of at most `width`; a word longer than that is cut. `first`/`rest`: what each line starts with. */
const wrapWords = (words: string[], width: number, first = '', rest = first): string[] => {
	const lines: string[] = [];
	let line = first;
	let empty = true;
	const room = (prefix: string) => Math.max(1, width - length(prefix));
	for (let word of words) {
		while (length(word) > room(rest) && empty) {
			// a word longer than a line (a URL, an ID list): cut it
			const space = room(line === first && lines.length === 0 ? first : rest);
			const chars = [...word];
			lines.push(line + chars.slice(0, space).join(''));
			word = chars.slice(space).join('');
			line = rest;
		}

		if (word === '') continue;
		if (!empty && length(line) + 1 + length(word) > width) {
			lines.push(line);
			line = rest;
			empty = true;
		}

		line += (empty ? '' : ' ') + word;
		empty = false;
		while (length(line) > width) {
			const chars = [...line];
			lines.push(chars.slice(0, width).join(''));
			line = rest + chars.slice(width).join('');
		}
	}

	if (!empty || lines.length === 0) lines.push(line);
	return lines;
};

const TABLE_ROW = /^(\s+\S.*?\s{2,})(\S.*)$/;
const LIST_ITEM = /^(\s+)((?:\d+[.)]|[-*•])\s+)(.*)$/;

/** The text laid out in lines of at most `width` characters. */
export const reflow = (text: string, width: number): string[] => {
	const out: string[] = [];
	let prose: string[] = [];
	/** the list item being read: its first line's start, the column its text starts at, its words */
	let item: {head: string; column: number; words: string[]} | undefined;
	const flush = () => {
		if (prose.length > 0) out.push(...wrapWords(prose.join(' ').split(/\s+/).filter(Boolean), width));
		prose = [];
		if (item) out.push(...wrapWords(item.words, width, item.head, ' '.repeat(item.column)));
		item = undefined;
	};

	for (const raw of text.replace(/\s+$/, '').split('\n')) {
		const line = raw.replace(/\s+$/, '');
		if (line === '') {
			flush();
			if (out.length > 0 && out.at(-1) !== '') out.push('');
			continue;
		}

		if (!/^\s/.test(line)) {
			if (item) flush();
			prose.push(line);
			continue;
		}

		const indent = /^\s*/.exec(line)?.[0] ?? '';
		const listed = LIST_ITEM.exec(line);
		if (item && !listed && length(indent) === item.column) {
			// the item's text goes on, lined up under its first line
			item.words.push(...line.trim().split(/\s+/));
			continue;
		}

		flush();
		if (listed) {
			const [, at, marker, body] = listed;
			item = {head: at + marker, column: length(at + marker), words: body.split(/\s+/).filter(Boolean)};
		} else if (length(line) <= width) {
			out.push(line);
		} else {
			// too long for the terminal: a `term   description` row wraps its description under
			// itself; any other indented line is a command, broken with ` \` continuations so that
			// it still runs when pasted (fit.ts)
			const row = TABLE_ROW.exec(line);
			if (row) out.push(...wrapWords(line.slice(row[1].length).split(' ').filter(Boolean), width, row[1], ' '.repeat(length(row[1]))));
			else out.push(...breakCommand(line, width));
		}
	}

	flush();
	return out;
};

/**
 * Lines cut into pages of at most `rows` lines, never starting a page with a blank line, never
 * ending on a near-empty page: a page ends at a paragraph break in its last third when there is
 * one, and a last page of less than a third (or three lines) makes every page shorter (the lines
 * spread evenly).
 */
export const paginate = (lines: string[], rows: number): string[][] => {
	const size = Math.max(1, rows);
	const cut = (limit: number): string[][] => {
		const pages: string[][] = [];
		let page: string[] = [];
		const close = () => {
			// a page that ends on a blank line: drop it (the next page starts a paragraph)
			while (page.length > 1 && page.at(-1) === '') page.pop();
			pages.push(page);
			page = [];
		};

		for (const line of lines) {
			if (page.length === 0 && line === '' && pages.length > 0) continue;
			page.push(line);
			if (page.length < limit) continue;
			const gap = page.lastIndexOf('');
			if (gap >= Math.ceil((limit * 2) / 3)) {
				const rest = page.slice(gap + 1);
				page = page.slice(0, gap);
				close();
				page = rest;
			} else {
				close();
			}
		}

		if (page.length > 0 || pages.length === 0) close();
		return pages;
	};

	const pages = cut(size);
	const last = pages.at(-1)?.length ?? 0;
	if (pages.length < 2 || last >= Math.max(3, Math.floor(size / 3))) return pages;
	// a near-empty last page: the same number of pages, their lines spread evenly
	const flat = pages.flat();
	const even: string[][] = [];
	let at = 0;
	for (let i = 0; i < pages.length; i++) {
		const quota = Math.ceil((flat.length - at) / (pages.length - i));
		let page = flat.slice(at, at + quota);
		at += quota;
		while (page.length > 1 && page.at(-1) === '') page = page.slice(0, -1);
		while (page[0] === '' && page.length > 1) page = page.slice(1);
		even.push(page);
	}

	return even;
};
