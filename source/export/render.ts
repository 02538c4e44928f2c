import {isFor, literalWord, type Command, type List, type Redirect, type SimpleCommand, type Word, type WordPart} from '../shell/parse-line.js';
import {sh, shVar} from './quote.js';

// A typed line, parsed by the game's own shell parser (source/shell/parse-line.ts), written
// back as bash: every piece of literal text goes through `sh` (so nothing typed is ever read by
// bash as code), variables and $(…) stay what they were, and literal text may be replaced by
// pieces that hold script variables (the real IDs, the run's suffixed names). The script
// therefore runs the same argv the sandbox ran, with the sandbox's values swapped for real ones.
// There are no here-documents in the output: a typed one becomes `< <(printf '%s' BODY)`.

/** Literal text or a script variable, in the order they make one word. */
export type Piece = string | {variable: string};

export type RenderOptions = {
	/** literal text (never a variable's value) as pieces; default: the text itself */
	substitute?: (text: string) => Piece[];
	/** an `aws` command without --region gets `--region` this (a Region name or a variable) */
	region?: Piece;
	/** an `aws` command's words (rendered, one per typed word) as they should be written: may add or replace words */
	aws?: (command: SimpleCommand, words: string[]) => string[];
};

const RESERVED = new Set(['!', 'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}', '[[', ']]']);
/** text that means itself unquoted anywhere but as a command name or an assignment */
const PLAIN = /^[\w@%+:,./=-]+$/;

export const piecesText = (pieces: Piece[], inDouble: boolean): string =>
	pieces
		.map(p => {
			if (typeof p !== 'string') return inDouble ? `\${${p.variable}}` : shVar(p.variable);
			if (p === '') return '';
			if (inDouble) return p.replaceAll(/[\\$`"]/g, c => `\\${c}`);
			return PLAIN.test(p) ? p : sh(p);
		})
		.join('');

class Renderer {
	constructor(private readonly options: RenderOptions) {}

	private pieces(text: string): Piece[] {
		return this.options.substitute ? this.options.substitute(text) : [text];
	}

	part(part: WordPart, first: boolean): string {
		switch (part.t) {
			case 'lit': {
				const pieces = this.pieces(part.v);
				if (!first) return piecesText(pieces, false);
				// a command name: quoted unless a plain word (so it never reads as a keyword or an assignment)
				return pieces.map(p => (typeof p !== 'string' ? shVar(p.variable) : /^[\w./-]+$/.test(p) && !RESERVED.has(p) ? p : p === '' ? '' : sh(p))).join('');
			}

			case 'tilde': {
				return '~';
			}

			case 'var': {
				const body = part.fallback ? `${part.name}${part.fallback.op}${this.wordInDouble(part.fallback.word)}` : part.name;
				return part.q || part.fallback ? `"\${${body}}"` : `\${${body}}`;
			}

			case 'sub': {
				const inner = this.list(part.list);
				return part.q ? `"$(${inner})"` : `$(${inner})`;
			}
		}
	}

	/** a word inside double quotes (the word of ${X:-word}) */
	private wordInDouble(word: Word): string {
		return word
			.map(part => {
				if (part.t === 'lit') return piecesText(this.pieces(part.v), true);
				if (part.t === 'var') return `\${${part.name}}`;
				if (part.t === 'sub') return `$(${this.list(part.list)})`;
				return '~';
			})
			.join('');
	}

	word(word: Word, first = false): string {
		if (word.length === 0) return "''";
		// adjacent literal text is one piece of text, however it was quoted (all of it is quoted again)
		const merged: Word = [];
		for (const part of word) {
			const last = merged.at(-1);
			if (part.t === 'lit' && last?.t === 'lit') merged[merged.length - 1] = {t: 'lit', v: last.v + part.v, q: last.q || part.q};
			else merged.push(part);
		}

		const text = merged.map((part, k) => this.part(part, first && k === 0)).join('');
		return text === '' ? "''" : text;
	}

	redirect(r: Redirect): string {
		if (r.op === '<<') {
			const body = r.heredoc?.body ?? [];
			return `< <(printf '%s' ${this.word(body)})`;
		}

		const fd = r.fd === -1 ? '&' : (r.op.startsWith('<') ? r.fd === 0 : r.fd === 1) ? '' : String(r.fd);
		return `${fd}${r.op} ${this.word(r.target)}`;
	}

	simple(command: SimpleCommand): string {
		const out: string[] = [];
		for (const assign of command.assigns) out.push(`${assign.name}=${assign.value.length === 0 ? "''" : this.word(assign.value)}`);
		let words = command.words.map((w, k) => this.word(w, k === 0));
		const isAws = literalWord(command.words[0]) === 'aws';
		if (isAws && this.options.aws) words = this.options.aws(command, words);
		const region = this.options.region;
		if (isAws && region !== undefined && !command.words.some(w => /^--region(=|$)/.test(literalWord(w) ?? ''))) {
			words.splice(1, 0, '--region', piecesText([region], false));
		}

		out.push(...words, ...command.redirects.map(r => this.redirect(r)));
		return out.join(' ');
	}

	command(command: Command): string {
		if (!isFor(command)) return this.simple(command);
		const items = command.items ? ` in ${command.items.map(w => this.word(w)).join(' ')}` : '';
		const redirects = command.redirects.map(r => ` ${this.redirect(r)}`).join('');
		return `for ${command.name}${items}; do ${this.list(command.body)}; done${redirects}`;
	}

	list(list: List): string {
		return list
			.map(andOr => {
				const pipeline = (p: (typeof andOr)['first']) => `${p.bang ? '! ' : ''}${p.commands.map(c => this.command(c)).join(' | ')}`;
				return [pipeline(andOr.first), ...andOr.rest.map(r => `${r.op} ${pipeline(r.pipeline)}`)].join(' ');
			})
			.join('; ');
	}
}

/** A parsed line as one line of bash (see the top of this file). */
export const renderList = (list: List, options: RenderOptions = {}): string => new Renderer(options).list(list);

/** One word, for use on its own (e.g. the --image-id of a typed command). */
export const renderWord = (word: Word, options: RenderOptions = {}): string => new Renderer(options).word(word);
