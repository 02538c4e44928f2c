// The player's command line, parsed the way bash reads it: lists (`;` `&&` `||` newline),
// pipelines (`|`), simple commands with assignments (`AMI=…`), words made of parts (plain,
// 'single', "double" quoted, $VAR, ${VAR}, $(…), `…`, ~) and redirections (`>`, `>>`, `2>`,
// `2>&1`, `&>`, `<`, `<<EOF` here-documents). Never throws; linear in the input.
//
// This is the game's one tokenizer: the `aws` parser (source/cli/parse.ts) takes the words of a
// command once this parser and the interpreter have read and expanded them.

export type WordPart =
	| {t: 'lit'; v: string; q: boolean} // q: quoted (no field splitting, no globbing)
	| {t: 'var'; name: string; q: boolean; fallback?: {op: string; word: Word}}
	| {t: 'sub'; list: List; q: boolean}
	| {t: 'tilde'};
export type Word = WordPart[];

export type Redirect = {
	fd: number; // 1 for `>`, 2 for `2>`, 0 for `<`, -1 for `&>` (both)
	op: '>' | '>>' | '<' | '>&' | '<<';
	target: Word;
	/** here-document body; expand: the delimiter was unquoted */
	heredoc?: {body: Word};
};

export type SimpleCommand = {assigns: Array<{name: string; value: Word}>; words: Word[]; redirects: Redirect[]};
/** `for NAME [in WORDS…]; do LIST; done` (items undefined: no `in`, i.e. the positional parameters) */
export type ForCommand = {kind: 'for'; name: string; items?: Word[]; body: List; redirects: Redirect[]};
export type Command = SimpleCommand | ForCommand;
export type Pipeline = {bang: boolean; commands: Command[]};
export type AndOr = {first: Pipeline; rest: Array<{op: '&&' | '||'; pipeline: Pipeline}>};
export type List = AndOr[];

export type ParseResult = {ok: true; list: List} | {ok: false; incomplete: true} | {ok: false; incomplete?: false; error: string};

class Incomplete extends Error {}
class SyntaxError_ extends Error {}

export const isFor = (command: Command): command is ForCommand => 'kind' in command;

/**
 * Bash's compound commands this shell does not run: each is refused, before anything runs, with
 * one line saying so (instead of bash running `while`, `do`, `done`… as unknown programs).
 */
const UNSUPPORTED: Record<string, string> = {
	while: '`while` loops are not supported in this shell (for NAME in …; do …; done and xargs -n1 are)',
	until: '`until` loops are not supported in this shell (for NAME in …; do …; done and xargs -n1 are)',
	if: '`if` is not supported in this shell (use && and ||, e.g. cmd && echo yes || echo no)',
	case: '`case` is not supported in this shell',
	select: '`select` is not supported in this shell',
	function: 'shell functions are not supported in this shell',
	'[[': '`[[ … ]]` tests are not supported in this shell',
	'{': 'command groups `{ …; }` are not supported in this shell',
	'(': 'subshells `( … )` are not supported in this shell',
};
const STRAY = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', 'esac', '}']);

const NAME = /^[A-Za-z_]\w*$/;
const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r';
const isMeta = (c: string) => c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')' || c === '\n';

type PendingHeredoc = {redirect: Redirect; delimiter: string; strip: boolean; expand: boolean};

class Parser {
	i = 0;
	pending: PendingHeredoc[] = [];
	constructor(readonly s: string) {}

	peek(n = 0) {
		return this.s[this.i + n] ?? '';
	}

	eof() {
		return this.i >= this.s.length;
	}

	unexpected(token: string): never {
		throw new SyntaxError_(`syntax error near unexpected token \`${token}'`);
	}

	skipBlanks() {
		for (;;) {
			const c = this.peek();
			if (isBlank(c)) this.i++;
			else if (c === '\\' && this.peek(1) === '\n') this.i += 2;
			else if (c === '#') {
				while (!this.eof() && this.peek() !== '\n') this.i++;
			} else return;
		}
	}

	/** consumes a newline and reads any here-document bodies that start after it */
	newline() {
		this.i++;
		const pending = this.pending;
		this.pending = [];
		for (const h of pending) this.readHeredoc(h);
	}

	skipNewlines() {
		for (;;) {
			this.skipBlanks();
			if (this.peek() === '\n') this.newline();
			else return;
		}
	}

	readHeredoc(h: PendingHeredoc) {
		const lines: string[] = [];
		for (;;) {
			if (this.eof()) throw new Incomplete();
			let end = this.s.indexOf('\n', this.i);
			if (end === -1) end = this.s.length;
			let line = this.s.slice(this.i, end);
			this.i = Math.min(end + 1, this.s.length);
			if (h.strip) line = line.replace(/^\t+/, '');
			if (line === h.delimiter) break;
			if (end === this.s.length && this.s.length > 0 && !this.s.endsWith('\n')) {
				lines.push(line);
				throw new Incomplete();
			}

			lines.push(line);
		}

		const text = lines.map(l => `${l}\n`).join('');
		h.redirect.heredoc = {body: h.expand ? new Parser(text).heredocWord() : [{t: 'lit', v: text, q: true}]};
	}

	heredocWord(): Word {
		const parts: Word = [];
		let lit = '';
		const flush = () => {
			if (lit) parts.push({t: 'lit', v: lit, q: true});
			lit = '';
		};

		while (!this.eof()) {
			const c = this.peek();
			if (c === '\\' && '$`\\\n'.includes(this.peek(1))) {
				if (this.peek(1) !== '\n') lit += this.peek(1);
				this.i += 2;
			} else if (c === '$' || c === '`') {
				const part = c === '$' ? this.dollar(true) : this.backtick(true);
				if (part.t === 'lit') lit += part.v;
				else {
					flush();
					parts.push(part);
				}
			} else {
				lit += c;
				this.i++;
			}
		}

		flush();
		return parts;
	}

	/** the list up to the end, or up to `)` (a substitution) or the keyword `done` (a for loop's body) */
	list(terminator?: ')' | 'done'): List {
		const result: List = [];
		const atEnd = () => (terminator === ')' ? this.peek() === ')' : terminator === 'done' && this.keywordAt() === 'done');
		for (;;) {
			this.skipNewlines();
			if (this.eof()) {
				if (terminator || this.pending.length > 0) throw new Incomplete();
				return result;
			}

			const c = this.peek();
			if (atEnd()) {
				if (terminator === 'done' && result.length === 0) this.unexpected('done');
				return result;
			}

			if (c === ';' || c === '&' || c === '|' || c === ')') this.unexpected(this.operatorAt());
			result.push(this.andOr());
			this.skipBlanks();
			const next = this.peek();
			if (next === ';' || (next === '&' && this.peek(1) !== '&')) {
				this.i++;
				if (this.peek() === ';') this.unexpected(';;');
			} else if (next === '\n' || this.eof() || (terminator === ')' && next === ')')) {
				// separator or end
			} else this.unexpected(this.operatorAt());
		}
	}

	/** the reserved word (or `{`, `[[`, `(`) at the cursor when it stands alone as a word there */
	keywordAt(): string | undefined {
		if (this.peek() === '(') return '(';
		const m = /^(?:[a-z]+|\{|\}|\[\[)/.exec(this.s.slice(this.i, this.i + 12));
		if (!m) return undefined;
		const after = this.peek(m[0].length);
		if (after !== '' && !isBlank(after) && !isMeta(after)) return undefined;
		return m[0];
	}

	/** `for NAME [in WORD…] ; do LIST ; done` (newlines may stand for the `;`) */
	forLoop(): ForCommand {
		this.i += 3;
		this.skipBlanks();
		if (this.eof()) throw new Incomplete();
		const start = this.i;
		if (isMeta(this.peek())) this.unexpected(this.operatorAt());
		this.word();
		const name = this.s.slice(start, this.i);
		if (!NAME.test(name)) {
			if (name.startsWith('((')) throw new SyntaxError_('arithmetic for loops `for ((…))` are not supported in this shell (for NAME in …; do …; done is)');
			throw new SyntaxError_(`\`${name}': not a valid identifier`);
		}

		this.skipNewlines();
		let items: Word[] | undefined;
		if (this.keywordAt() === 'in') {
			this.i += 2;
			items = [];
			for (;;) {
				this.skipBlanks();
				if (this.eof()) throw new Incomplete();
				const c = this.peek();
				if (c === ';' || c === '\n') break;
				if (isMeta(c)) this.unexpected(this.operatorAt());
				items.push(this.word());
			}
		}

		this.skipBlanks();
		if (this.peek() === ';') this.i++;
		this.skipNewlines();
		if (this.eof()) throw new Incomplete();
		if (this.keywordAt() !== 'do') this.unexpected(this.operatorAt() === 'newline' ? 'newline' : this.peekWord());
		this.i += 2;
		const body = this.list('done');
		this.i += 4;
		const redirects: Redirect[] = [];
		for (;;) {
			this.skipBlanks();
			const redirect = this.redirectOp();
			if (!redirect) break;
			redirects.push(redirect);
		}

		const c = this.peek();
		if (!this.eof() && !isMeta(c)) this.unexpected(this.peekWord());
		if (c === '(') this.unexpected('(');
		return {kind: 'for', name, items, body, redirects};
	}

	peekWord(): string {
		const m = /^[^\s;&|<>()]+/.exec(this.s.slice(this.i));
		return m ? m[0] : this.operatorAt();
	}

	operatorAt(): string {
		const two = this.s.slice(this.i, this.i + 2);
		if (['&&', '||', ';;', '>>', '<<'].includes(two)) return two;
		return this.peek() === '\n' ? 'newline' : this.peek();
	}

	andOr(): AndOr {
		const first = this.pipeline();
		const rest: AndOr['rest'] = [];
		for (;;) {
			this.skipBlanks();
			const two = this.s.slice(this.i, this.i + 2);
			if (two !== '&&' && two !== '||') return {first, rest};
			this.i += 2;
			this.skipNewlines();
			if (this.eof()) throw new Incomplete();
			rest.push({op: two, pipeline: this.pipeline()});
		}
	}

	pipeline(): Pipeline {
		this.skipBlanks();
		let bang = false;
		if (this.peek() === '!' && (isBlank(this.peek(1)) || this.peek(1) === '')) {
			bang = true;
			this.i++;
		}

		const commands = [this.compound()];
		for (;;) {
			this.skipBlanks();
			if (this.peek() !== '|' || this.peek(1) === '|') return {bang, commands};
			this.i++;
			this.skipNewlines();
			if (this.eof()) throw new Incomplete();
			commands.push(this.compound());
		}
	}

	/** a command, where a reserved word may start a compound one */
	compound(): Command {
		this.skipBlanks();
		const keyword = this.keywordAt();
		if (keyword === 'for') return this.forLoop();
		if (keyword && Object.hasOwn(UNSUPPORTED, keyword)) throw new SyntaxError_(UNSUPPORTED[keyword]);
		if (keyword && STRAY.has(keyword)) this.unexpected(keyword);
		const command = this.command();
		// `name() { …; }` defines a function
		if (command.words.length === 1 && command.assigns.length === 0 && this.peek() === '(' && this.s.slice(this.i).replace(/^\(\s*/, '').startsWith(')')) {
			throw new SyntaxError_(UNSUPPORTED.function);
		}

		return command;
	}

	command(): SimpleCommand {
		const cmd: SimpleCommand = {assigns: [], words: [], redirects: []};
		for (;;) {
			this.skipBlanks();
			if (this.eof()) break;
			const c = this.peek();
			const redirect = this.redirectOp();
			if (redirect) {
				cmd.redirects.push(redirect);
				continue;
			}

			if (c === '(' || c === ')') {
				if (c === ')' || cmd.words.length > 0 || cmd.assigns.length > 0) break;
				this.unexpected('(');
			}

			if (isMeta(c)) break;
			const start = this.i;
			const word = this.word();
			if (cmd.words.length === 0) {
				const assign = asAssignment(word, this.s.slice(start, this.i));
				if (assign) {
					cmd.assigns.push(assign);
					continue;
				}
			}

			cmd.words.push(word);
		}

		if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
			if (this.eof()) throw new Incomplete();
			this.unexpected(this.operatorAt());
		}

		return cmd;
	}

	redirectOp(): Redirect | undefined {
		const rest = this.s.slice(this.i, this.i + 12);
		const m = /^(\d?)(>>|>&|>\||<<-|<<|<|>)|^(&>>?)/.exec(rest);
		if (!m) return undefined;
		// a digit only counts as a file descriptor when directly followed by the operator
		this.i += m[0].length;
		if (m[3]) {
			return {fd: -1, op: m[3] === '&>>' ? '>>' : '>', target: this.redirectTarget()};
		}

		const op = m[2];
		const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
		if (op === '<<' || op === '<<-') {
			this.skipBlanks();
			if (this.eof() || isMeta(this.peek())) {
				if (this.eof()) this.unexpected('newline');
				this.unexpected(this.operatorAt());
			}

			const start = this.i;
			const word = this.word();
			const raw = this.s.slice(start, this.i);
			const delimiter = word.map(p => (p.t === 'lit' ? p.v : '')).join('');
			const redirect: Redirect = {fd, op: '<<', target: []};
			this.pending.push({redirect, delimiter, strip: op === '<<-', expand: !/['"\\]/.test(raw)});
			return redirect;
		}

		return {fd, op: op === '>|' ? '>' : (op as Redirect['op']), target: this.redirectTarget()};
	}

	redirectTarget(): Word {
		this.skipBlanks();
		if (this.eof()) this.unexpected('newline');
		if (isMeta(this.peek())) this.unexpected(this.operatorAt());
		return this.word();
	}

	word(): Word {
		const parts: Word = [];
		let lit = '';
		let litQuoted = false;
		const push = (part: WordPart) => {
			if (part.t === 'lit' && (lit === '' || litQuoted === part.q)) {
				lit += part.v;
				litQuoted = part.q;
				return;
			}

			if (lit) parts.push({t: 'lit', v: lit, q: litQuoted});
			lit = '';
			if (part.t === 'lit') {
				lit = part.v;
				litQuoted = part.q;
			} else parts.push(part);
		};

		if (this.peek() === '~' && (this.peek(1) === '/' || this.peek(1) === '' || isBlank(this.peek(1)) || isMeta(this.peek(1)))) {
			parts.push({t: 'tilde'});
			this.i++;
		}

		while (!this.eof()) {
			const c = this.peek();
			if (isBlank(c) || isMeta(c)) break;
			if (c === '\\') {
				if (this.peek(1) === '\n') this.i += 2;
				else if (this.i + 1 >= this.s.length) throw new Incomplete();
				else {
					push({t: 'lit', v: this.peek(1), q: true});
					this.i += 2;
				}
			} else if (c === "'") {
				const end = this.s.indexOf("'", this.i + 1);
				if (end === -1) throw new Incomplete();
				push({t: 'lit', v: this.s.slice(this.i + 1, end), q: true});
				this.i = end + 1;
			} else if (c === '"') {
				this.i++;
				this.doubleQuoted(push);
			} else if (c === '$') push(this.dollar(false));
			else if (c === '`') push(this.backtick(false));
			else {
				push({t: 'lit', v: c, q: false});
				this.i++;
			}
		}

		if (lit) parts.push({t: 'lit', v: lit, q: litQuoted});
		if (parts.length === 0) parts.push({t: 'lit', v: '', q: true});
		return parts;
	}

	doubleQuoted(push: (part: WordPart) => void) {
		let sawAny = false;
		for (;;) {
			if (this.eof()) throw new Incomplete();
			const c = this.peek();
			if (c === '"') {
				this.i++;
				if (!sawAny) push({t: 'lit', v: '', q: true});
				return;
			}

			sawAny = true;
			if (c === '\\' && '$`"\\\n'.includes(this.peek(1)) && this.peek(1) !== '') {
				if (this.peek(1) !== '\n') push({t: 'lit', v: this.peek(1), q: true});
				this.i += 2;
			} else if (c === '$') push(this.dollar(true));
			else if (c === '`') push(this.backtick(true));
			else {
				push({t: 'lit', v: c, q: true});
				this.i++;
			}
		}
	}

	dollar(quoted: boolean): WordPart {
		const next = this.peek(1);
		if (next === '(') {
			if (this.peek(2) === '(') throw new SyntaxError_('arithmetic expansion $(( )) is not supported here');
			this.i += 2;
			const list = this.list(')');
			if (this.peek() !== ')') throw new Incomplete();
			this.i++;
			return {t: 'sub', list, q: quoted};
		}

		if (next === '{') {
			const end = this.s.indexOf('}', this.i + 2);
			if (end === -1) throw new Incomplete();
			const inner = this.s.slice(this.i + 2, end);
			this.i = end + 1;
			const m = /^([A-Za-z_]\w*|[?$#!\d@*-])(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
			if (!m) throw new SyntaxError_(`\${${inner}}: bad substitution`);
			const part: WordPart = {t: 'var', name: m[1], q: quoted};
			if (m[2]) part.fallback = {op: m[2], word: new Parser(m[3]).heredocWord()};
			return part;
		}

		if (next === "'" && !quoted) {
			this.i += 2;
			let v = '';
			for (;;) {
				if (this.eof()) throw new Incomplete();
				const c = this.peek();
				if (c === "'") {
					this.i++;
					return {t: 'lit', v, q: true};
				}

				if (c === '\\') {
					const e = this.peek(1);
					v += ({n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\u0007', e: '\u001B', '0': '\0'} as Record<string, string>)[e] ?? `\\${e}`;
					this.i += 2;
				} else {
					v += c;
					this.i++;
				}
			}
		}

		const name = /^(?:[A-Za-z_]\w*|[?$#!\d@*-])/.exec(this.s.slice(this.i + 1, this.i + 200));
		if (name) {
			this.i += 1 + name[0].length;
			return {t: 'var', name: name[0], q: quoted};
		}

		this.i++;
		return {t: 'lit', v: '$', q: quoted};
	}

	backtick(quoted: boolean): WordPart {
		let inner = '';
		let j = this.i + 1;
		for (;;) {
			if (j >= this.s.length) throw new Incomplete();
			const c = this.s[j];
			if (c === '`') break;
			if (c === '\\' && '$`\\'.includes(this.s[j + 1] ?? '')) {
				inner += this.s[j + 1];
				j += 2;
			} else {
				inner += c;
				j++;
			}
		}

		this.i = j + 1;
		const parsed = parseLine(inner);
		if (!parsed.ok) {
			if (parsed.incomplete) throw new Incomplete();
			throw new SyntaxError_(parsed.error);
		}

		return {t: 'sub', list: parsed.list, q: quoted};
	}
}

/** Every simple command of a parsed line: in loops, pipelines and inside $(…) substitutions. */
export const simpleCommands = (list: List): SimpleCommand[] =>
	list
		.flatMap(andOr => [andOr.first, ...andOr.rest.map(r => r.pipeline)])
		.flatMap(pipeline => pipeline.commands)
		.flatMap(command => {
			const words = isFor(command) ? (command.items ?? []) : [...command.words, ...command.assigns.map(a => a.value)];
			const inner = words.flatMap(word => word.flatMap(part => (part.t === 'sub' ? simpleCommands(part.list) : [])));
			return isFor(command) ? [...inner, ...simpleCommands(command.body)] : [command, ...inner];
		});

/** A word's literal text, or undefined when it depends on a variable or a substitution. */
export const literalWord = (word: Word | undefined): string | undefined =>
	word && word.every(part => part.t === 'lit') ? word.map(part => (part.t === 'lit' ? part.v : '')).join('') : undefined;

const asAssignment = (word: Word, raw: string): SimpleCommand['assigns'][number] | undefined => {
	const eq = raw.indexOf('=');
	if (eq <= 0 || !NAME.test(raw.slice(0, eq))) return undefined;
	const first = word[0];
	if (first?.t !== 'lit' || first.q || !first.v.includes('=')) return undefined;
	const at = first.v.indexOf('=');
	const name = first.v.slice(0, at);
	if (!NAME.test(name)) return undefined;
	const value: Word = [];
	const restOfFirst = first.v.slice(at + 1);
	if (restOfFirst) value.push({t: 'lit', v: restOfFirst, q: false});
	value.push(...word.slice(1));
	return {name, value};
};

/** Parses one line (or several, joined by newlines) of shell input. */
export const parseLine = (line: string): ParseResult => {
	try {
		const parser = new Parser(line);
		const list = parser.list();
		if (parser.pending.length > 0) return {ok: false, incomplete: true};
		return {ok: true, list};
	} catch (error) {
		if (error instanceof Incomplete) return {ok: false, incomplete: true};
		if (error instanceof SyntaxError_) return {ok: false, error: error.message};
		if (error instanceof RangeError) return {ok: false, error: 'expression too deeply nested'};
		return {ok: false, error: error instanceof Error ? error.message : String(error)};
	}
};
