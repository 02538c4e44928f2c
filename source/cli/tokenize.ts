/**
 * Shell-like (POSIX/bash) splitting of a command line into words.
 *
 * Two levels:
 *
 * - `scan(input)` is the full scanner, for the player's shell. It returns words AND operators:
 *   - a `word` token has `value` (the text after quote removal) and `parts`, the pieces it was
 *     built from, each marked with how it was quoted: `literal` text (`quote: 'none' | 'single' |
 *     'double'`), `variable` references (`$HOME`, `${HOME}`, `$?`, `$1`; never inside single
 *     quotes) and `command` substitutions (`$(...)` or backticks; `source` is the raw inner
 *     text). Nothing is expanded: `value` keeps `$HOME` / `$(...)` verbatim, so a caller that
 *     expands rebuilds the word from `parts` (and must not field-split `double`-quoted parts).
 *   - an `operator` token is one of `|` `||` `&&` `;` `&` `>` `>>` `<` `>&` (with an optional
 *     file descriptor, `2>` gives `{op: '>', fd: 2}`), or `newline` for an unquoted line break.
 *   - `start`/`end` are offsets into the input (for error carets and Tab completion).
 * - `tokenize(input)` is what `aws` needs: just the words' values (operators are kept as words
 *   of their own text, so `aws ... | head` stays visible to the caller as `'|'`).
 *
 * Both never throw and run in linear time. Input that bash would continue on the next line
 * (inside quotes, `$(`, after a trailing backslash, or after a trailing `|`, `||`, `&&`)
 * answers `{ok: false, incomplete: true, reason}` so the prompt can ask for more.
 * Rules: single quotes are literal; in double quotes a backslash escapes only `$ \` " \` and
 * newline; outside quotes a backslash escapes any character and backslash-newline is a line
 * continuation; `#` starts a comment at the start of a word.
 */

export type QuoteKind = 'none' | 'single' | 'double';

export type WordPart =
	| {kind: 'literal'; text: string; quote: QuoteKind}
	| {kind: 'variable'; name: string; raw: string; quote: 'none' | 'double'}
	| {kind: 'command'; source: string; raw: string; quote: 'none' | 'double'};

export type WordToken = {kind: 'word'; value: string; parts: WordPart[]; start: number; end: number};

export type OperatorName = '|' | '||' | '&&' | ';' | '&' | '>' | '>>' | '<' | '>&' | 'newline';

export type OperatorToken = {kind: 'operator'; op: OperatorName; fd?: number; start: number; end: number};

export type ScanToken = WordToken | OperatorToken;

export type IncompleteReason = 'single-quote' | 'double-quote' | 'backslash' | 'command-substitution' | 'operator';

export type ScanResult = {ok: true; tokens: ScanToken[]} | {ok: false; incomplete: true; reason: IncompleteReason};

export type TokenizeResult = {ok: true; tokens: string[]} | {ok: false; incomplete: true; reason: IncompleteReason};

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';
const isNameStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isNameChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const specialParameters = new Set(['?', '$', '!', '#', '@', '*', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const operatorStart = new Set(['|', '&', ';', '>', '<']);

/**
 * Finds the end of a `$(...)` starting right after `$(` (index `from`): the index of the
 * closing parenthesis, or -1 when the input ends first. Quotes and nested `$(` are honoured.
 */
const findCommandEnd = (input: string, from: number): number => {
	let depth = 1;
	let i = from;
	while (i < input.length) {
		const c = input[i];
		if (c === '\\') {
			i += 2;
		} else if (c === '\'') {
			const close = input.indexOf('\'', i + 1);
			if (close === -1) {
				return -1;
			}

			i = close + 1;
		} else if (c === '"') {
			i++;
			while (i < input.length && input[i] !== '"') {
				i += input[i] === '\\' ? 2 : 1;
			}

			if (i >= input.length) {
				return -1;
			}

			i++;
		} else if (c === '(') {
			depth++;
			i++;
		} else if (c === ')') {
			depth--;
			if (depth === 0) {
				return i;
			}

			i++;
		} else {
			i++;
		}
	}

	return -1;
};

/** Finds the closing backtick for a backtick substitution starting at `from`; -1 if none. */
const findBacktickEnd = (input: string, from: number): number => {
	let i = from;
	while (i < input.length) {
		if (input[i] === '\\') {
			i += 2;
		} else if (input[i] === '`') {
			return i;
		} else {
			i++;
		}
	}

	return -1;
};

export const scan = (input: string): ScanResult => {
	const tokens: ScanToken[] = [];
	let parts: WordPart[] = [];
	let literal: string[] = [];
	let literalQuote: QuoteKind = 'none';
	let wordStart = -1;
	let i = 0;

	const flushLiteral = (): void => {
		if (literal.length > 0) {
			parts.push({kind: 'literal', text: literal.join(''), quote: literalQuote});
			literal = [];
		}
	};

	const addLiteral = (text: string, quote: QuoteKind): void => {
		if (literalQuote !== quote) {
			flushLiteral();
			literalQuote = quote;
		}

		literal.push(text);
	};

	const beginWord = (at: number): void => {
		if (wordStart === -1) {
			wordStart = at;
		}
	};

	const endWord = (at: number): void => {
		if (wordStart === -1) {
			return;
		}

		flushLiteral();
		const value = parts.map(p => (p.kind === 'literal' ? p.text : p.raw)).join('');
		tokens.push({kind: 'word', value, parts, start: wordStart, end: at});
		parts = [];
		wordStart = -1;
	};

	/** Reads `$...` at input[i] === '$'; returns false when it is a plain `$`. */
	const readDollar = (quote: 'none' | 'double'): 'ok' | 'plain' | 'incomplete' => {
		const next = input[i + 1];
		if (next === '(') {
			const close = findCommandEnd(input, i + 2);
			if (close === -1) {
				return 'incomplete';
			}

			flushLiteral();
			parts.push({kind: 'command', source: input.slice(i + 2, close), raw: input.slice(i, close + 1), quote});
			i = close + 1;
			return 'ok';
		}

		if (next === '{') {
			const close = input.indexOf('}', i + 2);
			if (close === -1) {
				return 'incomplete';
			}

			flushLiteral();
			parts.push({kind: 'variable', name: input.slice(i + 2, close), raw: input.slice(i, close + 1), quote});
			i = close + 1;
			return 'ok';
		}

		if (next !== undefined && isNameStart(next)) {
			let j = i + 2;
			while (j < input.length && isNameChar(input[j])) {
				j++;
			}

			flushLiteral();
			parts.push({kind: 'variable', name: input.slice(i + 1, j), raw: input.slice(i, j), quote});
			i = j;
			return 'ok';
		}

		if (next !== undefined && specialParameters.has(next)) {
			flushLiteral();
			parts.push({kind: 'variable', name: next, raw: input.slice(i, i + 2), quote});
			i += 2;
			return 'ok';
		}

		return 'plain';
	};

	while (i < input.length) {
		const c = input[i];

		if (isBlank(c)) {
			endWord(i);
			i++;
			continue;
		}

		if (c === '\n') {
			endWord(i);
			tokens.push({kind: 'operator', op: 'newline', start: i, end: i + 1});
			i++;
			continue;
		}

		if (c === '#' && wordStart === -1) {
			const newline = input.indexOf('\n', i);
			i = newline === -1 ? input.length : newline;
			continue;
		}

		if (operatorStart.has(c)) {
			// `2>` / `2>>` / `2>&1`: a word made only of unquoted digits right before > or < is a fd.
			let fd: number | undefined;
			if ((c === '>' || c === '<') && wordStart !== -1 && parts.length === 0 && literalQuote === 'none' && literal.length > 0 && /^\d+$/.test(literal.join(''))) {
				fd = Number(literal.join(''));
				literal = [];
				wordStart = -1;
			} else {
				endWord(i);
			}

			const two = input.slice(i, i + 2);
			let op: OperatorName;
			if (two === '||' || two === '&&' || two === '>>' || two === '>&') {
				op = two;
			} else {
				op = c as OperatorName;
			}

			const start = fd === undefined ? i : i - String(fd).length;
			i += op.length;
			tokens.push({kind: 'operator', op, ...(fd === undefined ? {} : {fd}), start, end: i});
			continue;
		}

		beginWord(i);

		if (c === '\\') {
			if (i + 1 >= input.length) {
				return {ok: false, incomplete: true, reason: 'backslash'};
			}

			if (input[i + 1] === '\n') {
				// Line continuation: neither character is part of the word.
				i += 2;
				if (literal.length === 0 && parts.length === 0) {
					wordStart = -1;
				}

				continue;
			}

			addLiteral(input[i + 1], 'single');
			i += 2;
			continue;
		}

		if (c === '\'') {
			const close = input.indexOf('\'', i + 1);
			if (close === -1) {
				return {ok: false, incomplete: true, reason: 'single-quote'};
			}

			addLiteral(input.slice(i + 1, close), 'single');
			// An empty '' still makes a word: keep an (empty) literal part.
			if (close === i + 1) {
				flushLiteral();
				parts.push({kind: 'literal', text: '', quote: 'single'});
			}

			i = close + 1;
			continue;
		}

		if (c === '"') {
			let j = i + 1;
			let closed = false;
			const before = parts.length + literal.length;
			while (j < input.length) {
				const d = input[j];
				if (d === '"') {
					closed = true;
					break;
				}

				if (d === '\\' && j + 1 < input.length) {
					const e = input[j + 1];
					if (e === '\n') {
						j += 2;
					} else if (e === '$' || e === '`' || e === '"' || e === '\\') {
						addLiteral(e, 'double');
						j += 2;
					} else {
						addLiteral('\\', 'double');
						j++;
					}

					continue;
				}

				if (d === '$') {
					i = j;
					const result = readDollar('double');
					if (result === 'incomplete') {
						return {ok: false, incomplete: true, reason: 'command-substitution'};
					}

					if (result === 'ok') {
						j = i;
						continue;
					}
				}

				if (d === '`') {
					const close = findBacktickEnd(input, j + 1);
					if (close === -1) {
						return {ok: false, incomplete: true, reason: 'command-substitution'};
					}

					flushLiteral();
					parts.push({kind: 'command', source: input.slice(j + 1, close), raw: input.slice(j, close + 1), quote: 'double'});
					j = close + 1;
					continue;
				}

				addLiteral(d, 'double');
				j++;
			}

			if (!closed) {
				return {ok: false, incomplete: true, reason: 'double-quote'};
			}

			if (parts.length + literal.length === before) {
				flushLiteral();
				parts.push({kind: 'literal', text: '', quote: 'double'});
			}

			i = j + 1;
			continue;
		}

		if (c === '$') {
			const result = readDollar('none');
			if (result === 'incomplete') {
				return {ok: false, incomplete: true, reason: 'command-substitution'};
			}

			if (result === 'ok') {
				continue;
			}
		}

		if (c === '`') {
			const close = findBacktickEnd(input, i + 1);
			if (close === -1) {
				return {ok: false, incomplete: true, reason: 'command-substitution'};
			}

			flushLiteral();
			parts.push({kind: 'command', source: input.slice(i + 1, close), raw: input.slice(i, close + 1), quote: 'none'});
			i = close + 1;
			continue;
		}

		addLiteral(c, 'none');
		i++;
	}

	endWord(input.length);

	const last = tokens.at(-1);
	if (last?.kind === 'operator' && (last.op === '|' || last.op === '||' || last.op === '&&')) {
		return {ok: false, incomplete: true, reason: 'operator'};
	}

	return {ok: true, tokens};
};

/** The words of a simple command line (operators kept as words of their own text). */
export const tokenize = (input: string): TokenizeResult => {
	const result = scan(input);
	if (!result.ok) {
		return result;
	}

	const tokens: string[] = [];
	for (const token of result.tokens) {
		if (token.kind === 'word') {
			tokens.push(token.value);
		} else if (token.op !== 'newline') {
			tokens.push(`${token.fd ?? ''}${token.op}`);
		}
	}

	return {ok: true, tokens};
};
