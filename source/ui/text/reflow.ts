// Lesson text (story pages, debriefs, quiz questions and explanations) is written hard-wrapped in
// YAML at whatever width its author liked. Shown line for line in a narrower terminal, each long
// line breaks into a full line and a stub. This lays it out again for the terminal's width:
//
// - a blank line separates paragraphs (and stays a blank line);
// - the lines of a paragraph are joined and wrapped at word boundaries;
// - an indented line is kept as written (commands, option tables); one longer than the width
//   breaks at words, a `term   description` row with its description lined up;
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
			// itself; any other line wraps at words, its further lines indented a little more
			const row = TABLE_ROW.exec(line);
			const head = row ? row[1] : (/^\s*/.exec(line)?.[0] ?? '');
			const body = line.slice(head.length);
			out.push(...wrapWords(body.split(' ').filter(Boolean), width, head, ' '.repeat(length(head) + (row ? 0 : 2))));
		}
	}

	flush();
	return out;
};

/** Lines cut into pages of at most `rows` lines, never starting a page with a blank line. */
export const paginate = (lines: string[], rows: number): string[][] => {
	const size = Math.max(1, rows);
	const pages: string[][] = [];
	let page: string[] = [];
	for (const line of lines) {
		if (page.length === 0 && line === '' && pages.length > 0) continue;
		page.push(line);
		if (page.length === size) {
			pages.push(page);
			page = [];
		}
	}

	if (page.length > 0 || pages.length === 0) pages.push(page);
	// a page that ends on a blank line: drop it (the next page starts a paragraph)
	return pages.map(p => (p.length > 1 && p.at(-1) === '' ? p.slice(0, -1) : p));
};
