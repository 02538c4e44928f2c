// A port of jmespath.py's lexer and Pratt parser (jmespath/lexer.py, parser.py, ast.py,
// exceptions.py), the JMESPath engine inside the AWS CLI: a bad --query fails with Python's error
// texts, and a good one becomes the AST that interpreter.ts evaluates as jmespath.py does.
import {pyRepr} from '../output/python-text.js';

/** A jmespath.py exception: `message` is its str(). */
export class JmesPathSyntaxError extends Error {}

type Token = {type: string; value: unknown; start: number};

/** jmespath.py's AST node: {type, children, value}. */
export type Node = {type: string; children: Node[]; value?: unknown};

const node = (type: string, children: Node[] = [], value?: unknown): Node => (value === undefined ? {type, children} : {type, children, value});
const identity = (): Node => node('identity');

const START_IDENTIFIER = /^[A-Za-z_]$/;
const VALID_IDENTIFIER = /^[A-Za-z0-9_]$/;
const VALID_NUMBER = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_TOKENS: Record<string, string> = {
	'.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current',
	'(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace',
};

const lexerError = (position: number, message: string, expression: string): JmesPathSyntaxError =>
	new JmesPathSyntaxError(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`);

/** json.loads, including the NaN/Infinity Python accepts. */
const pyJsonLoads = (text: string): unknown => {
	const trimmed = text.trim();
	if (trimmed === 'NaN') return Number.NaN;
	if (trimmed === 'Infinity') return Infinity;
	if (trimmed === '-Infinity') return -Infinity;
	return JSON.parse(text);
};

/** The first part of Python's json error text for a bad quoted identifier. */
const pyJsonStringError = (lexeme: string): string => {
	const body = lexeme.slice(1, -1);
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		if (ch.charCodeAt(0) < 0x20) return 'Invalid control character at';
		if (ch === '\\') {
			const next = body[i + 1];
			if (next === 'u') {
				if (!/^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) return 'Invalid \\uXXXX escape';
				i += 5;
			} else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 1;
			else return 'Invalid \\escape';
		}
	}
	return 'Expecting value';
};

export const tokenize = (expression: string): Token[] => {
	if (!expression) throw new JmesPathSyntaxError('Invalid JMESPath expression: cannot be empty.');
	const chars = Array.from(expression);
	const length = chars.length;
	let position = 0;
	let current: string | undefined = chars[0];
	const next = (): string | undefined => {
		if (position === length - 1) current = undefined;
		else current = chars[++position];
		return current;
	};
	const consumeUntil = (delimiter: string): string => {
		const start = position;
		let buff = '';
		next();
		while (current !== delimiter) {
			if (current === '\\') {
				buff += '\\';
				next();
			}
			if (current === undefined) throw lexerError(start, `Unclosed ${delimiter} delimiter`, expression);
			buff += current;
			next();
		}
		next();
		return buff;
	};
	const consumeNumber = (): string => {
		let buff = current!;
		while (next() !== undefined && VALID_NUMBER.test(current!)) buff += current;
		return buff;
	};
	const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
		const start = position;
		const first = current!;
		if (next() === expected) {
			next();
			return {type: matchType, value: first + expected, start};
		}
		return {type: elseType, value: first, start};
	};
	const tokens: Token[] = [];
	while (current !== undefined) {
		const ch: string = current;
		if (ch in SIMPLE_TOKENS) {
			tokens.push({type: SIMPLE_TOKENS[ch], value: ch, start: position});
			next();
		} else if (START_IDENTIFIER.test(ch)) {
			const start = position;
			let buff = ch;
			while (next() !== undefined && VALID_IDENTIFIER.test(current!)) buff += current;
			tokens.push({type: 'unquoted_identifier', value: buff, start});
		} else if (WHITESPACE.has(ch)) {
			next();
		} else if (ch === '[') {
			const start = position;
			const following = next();
			if (following === ']') {
				next();
				tokens.push({type: 'flatten', value: '[]', start});
			} else if (following === '?') {
				next();
				tokens.push({type: 'filter', value: '[?', start});
			} else tokens.push({type: 'lbracket', value: '[', start});
		} else if (ch === '\'') {
			const start = position;
			tokens.push({type: 'literal', value: consumeUntil('\'').replaceAll('\\\'', '\''), start});
		} else if (ch === '|') {
			tokens.push(matchOrElse('|', 'or', 'pipe'));
		} else if (ch === '&') {
			tokens.push(matchOrElse('&', 'and', 'expref'));
		} else if (ch === '`') {
			const start = position;
			const lexeme = consumeUntil('`').replaceAll('\\`', '`');
			let value: unknown;
			try {
				value = pyJsonLoads(lexeme);
			} catch {
				try {
					value = JSON.parse(`"${lexeme.trimStart()}"`);
				} catch {
					throw lexerError(start, `Bad token ${lexeme}`, expression);
				}
			}
			tokens.push({type: 'literal', value, start});
		} else if (VALID_NUMBER.test(ch)) {
			const start = position;
			tokens.push({type: 'number', value: Number.parseInt(consumeNumber(), 10), start});
		} else if (ch === '-') {
			const start = position;
			const buff = consumeNumber();
			if (buff.length > 1) tokens.push({type: 'number', value: Number.parseInt(buff, 10), start});
			else throw lexerError(start, `Unknown token '${buff}'`, expression);
		} else if (ch === '"') {
			const start = position;
			const lexeme = `"${consumeUntil('"')}"`;
			try {
				tokens.push({type: 'quoted_identifier', value: JSON.parse(lexeme), start});
			} catch {
				throw lexerError(start, pyJsonStringError(lexeme), expression);
			}
		} else if (ch === '<') {
			tokens.push(matchOrElse('=', 'lte', 'lt'));
		} else if (ch === '>') {
			tokens.push(matchOrElse('=', 'gte', 'gt'));
		} else if (ch === '!') {
			tokens.push(matchOrElse('=', 'ne', 'not'));
		} else if (ch === '=') {
			if (next() === '=') {
				tokens.push({type: 'eq', value: '==', start: position - 1});
				next();
			} else {
				throw lexerError(current === undefined ? position : position - 1, 'Unknown token \'=\'', expression);
			}
		} else {
			throw lexerError(position, `Unknown token ${ch}`, expression);
		}
	}
	tokens.push({type: 'eof', value: '', start: length});
	return tokens;
};

const BINDING_POWER: Record<string, number> = {
	eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0, comma: 0,
	rbrace: 0, number: 0, current: 0, expref: 0, colon: 0, pipe: 1, or: 2, and: 3, eq: 5, gt: 5, lt: 5,
	gte: 5, lte: 5, ne: 5, flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55, lparen: 60,
};
const PROJECTION_STOP = 10;

/** Python's %s of a token value inside a ParseError (ints, strings bare; literals as repr). */
const tokenText = (value: unknown): string => (typeof value === 'string' ? value : pyRepr(value));

class ParseFailure extends Error {
	constructor(readonly position: number, readonly tokenValue: unknown, readonly tokenType: string, readonly reason: string, readonly incomplete = false) {
		super(reason);
	}
}

/** jmespath.py's list repr for "Expecting: [...]" messages. */
const listRepr = (items: string[]): string => `[${items.map((s) => `'${s}'`).join(', ')}]`;

class Parser {
	private index = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): Node {
		const parsed = this.expression(0);
		if (this.currentToken() !== 'eof') {
			const t = this.lookaheadToken(0);
			throw new ParseFailure(t.start, t.value, t.type, `Unexpected token: ${tokenText(t.value)}`);
		}
		return parsed;
	}

	private expression(bindingPower = 0): Node {
		const leftToken = this.lookaheadToken(0);
		this.advance();
		let left = this.nud(leftToken);
		let current = this.currentToken();
		while (bindingPower < BINDING_POWER[current]) {
			const t = this.lookaheadToken(0);
			if (!LED_TOKENS.has(current)) this.raiseFor(t, 'invalid token');
			this.advance();
			left = this.led(current, left);
			current = this.currentToken();
		}
		return left;
	}

	private nud(token: Token): Node {
		switch (token.type) {
			case 'literal': return node('literal', [], token.value);
			case 'unquoted_identifier': return node('field', [], token.value);
			case 'quoted_identifier':
				if (this.currentToken() === 'lparen') {
					const t = this.lookaheadToken(0);
					throw new ParseFailure(0, t.value, t.type, 'Quoted identifier not allowed for function names.');
				}
				return node('field', [], token.value);
			case 'star': {
				const right = this.currentToken() === 'rbracket' ? identity() : this.projectionRhs(BINDING_POWER.star);
				return node('value_projection', [identity(), right]);
			}
			case 'filter': return this.ledFilter(identity());
			case 'lbrace': return this.multiSelectHash();
			case 'lparen': {
				const inner = this.expression();
				this.match('rparen');
				return inner;
			}
			case 'flatten':
				return node('projection', [node('flatten', [identity()]), this.projectionRhs(BINDING_POWER.flatten)]);
			case 'not':
				return node('not_expression', [this.expression(BINDING_POWER.not)]);
			case 'lbracket':
				if (['number', 'colon'].includes(this.currentToken())) return this.projectIfSlice(identity(), this.indexExpression());
				if (this.currentToken() === 'star' && this.lookahead(1) === 'rbracket') {
					this.advance();
					this.advance();
					return node('projection', [identity(), this.projectionRhs(BINDING_POWER.star)]);
				}
				return this.multiSelectList();
			case 'current': return node('current');
			case 'expref':
				return node('expref', [this.expression(BINDING_POWER.expref)]);
			default:
				if (token.type === 'eof') throw new ParseFailure(token.start, token.value, token.type, '', true);
				return this.raiseFor(token, 'invalid token');
		}
	}

	private led(type: string, left: Node): Node {
		switch (type) {
			case 'dot': {
				if (this.currentToken() !== 'star') {
					const right = this.dotRhs(BINDING_POWER.dot);
					if (left.type === 'subexpression') {
						left.children.push(right);
						return left;
					}
					return node('subexpression', [left, right]);
				}
				this.advance();
				return node('value_projection', [left, this.projectionRhs(BINDING_POWER.dot)]);
			}
			case 'pipe': return node('pipe', [left, this.expression(BINDING_POWER.pipe)]);
			case 'or': return node('or_expression', [left, this.expression(BINDING_POWER.or)]);
			case 'and': return node('and_expression', [left, this.expression(BINDING_POWER.and)]);
			case 'lparen': {
				if (left.type !== 'field') {
					const prev = this.lookaheadToken(-2);
					throw new ParseFailure(prev.start, prev.value, prev.type, `Invalid function name '${tokenText(prev.value)}'`);
				}
				const args: Node[] = [];
				while (this.currentToken() !== 'rparen') {
					const argument = this.expression();
					if (this.currentToken() === 'comma') this.match('comma');
					args.push(argument);
				}
				this.match('rparen');
				return node('function_expression', args, left.value);
			}
			case 'filter': return this.ledFilter(left);
			case 'eq': case 'ne': case 'gt': case 'gte': case 'lt': case 'lte':
				return node('comparator', [left, this.expression(BINDING_POWER[type])], type);
			case 'flatten':
				return node('projection', [node('flatten', [left]), this.projectionRhs(BINDING_POWER.flatten)]);
			case 'lbracket': {
				const token = this.lookaheadToken(0);
				if (['number', 'colon'].includes(token.type)) {
					const right = this.indexExpression();
					if (left.type === 'index_expression') {
						left.children.push(right);
						return left;
					}
					return this.projectIfSlice(left, right);
				}
				this.match('star');
				this.match('rbracket');
				return node('projection', [left, this.projectionRhs(BINDING_POWER.star)]);
			}
			default:
				return this.raiseFor(this.lookaheadToken(0), 'invalid token');
		}
	}

	private ledFilter(left: Node): Node {
		const condition = this.expression(0);
		this.match('rbracket');
		const right = this.currentToken() === 'flatten' ? identity() : this.projectionRhs(BINDING_POWER.filter);
		return node('filter_projection', [left, right, condition]);
	}

	private indexExpression(): Node {
		if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.sliceExpression();
		const index = node('index', [], this.lookaheadToken(0).value);
		this.advance();
		this.match('rbracket');
		return index;
	}

	private sliceExpression(): Node {
		const parts: Array<number | null> = [null, null, null];
		let index = 0;
		let current = this.currentToken();
		while (current !== 'rbracket' && index < 3) {
			if (current === 'colon') {
				index += 1;
				if (index === 3) this.raiseFor(this.lookaheadToken(0), 'syntax error');
				this.advance();
			} else if (current === 'number') {
				parts[index] = this.lookaheadToken(0).value as number;
				this.advance();
			} else {
				this.raiseFor(this.lookaheadToken(0), 'syntax error');
			}
			current = this.currentToken();
		}
		this.match('rbracket');
		return node('slice', [], parts);
	}

	private projectIfSlice(left: Node, right: Node): Node {
		const indexExpression = node('index_expression', [left, right]);
		if (right.type === 'slice') return node('projection', [indexExpression, this.projectionRhs(BINDING_POWER.star)]);
		return indexExpression;
	}

	private multiSelectList(): Node {
		const expressions: Node[] = [];
		for (;;) {
			expressions.push(this.expression());
			if (this.currentToken() === 'rbracket') break;
			this.match('comma');
		}
		this.match('rbracket');
		return node('multi_select_list', expressions);
	}

	private multiSelectHash(): Node {
		const pairs: Node[] = [];
		for (;;) {
			const keyToken = this.lookaheadToken(0);
			this.matchMultiple(['quoted_identifier', 'unquoted_identifier']);
			this.match('colon');
			pairs.push(node('key_val_pair', [this.expression(0)], keyToken.value));
			if (this.currentToken() === 'comma') this.match('comma');
			else if (this.currentToken() === 'rbrace') {
				this.match('rbrace');
				break;
			}
		}
		return node('multi_select_dict', pairs);
	}

	private projectionRhs(bindingPower: number): Node {
		const current = this.currentToken();
		if (BINDING_POWER[current] < PROJECTION_STOP) return identity();
		if (current === 'lbracket' || current === 'filter') return this.expression(bindingPower);
		if (current === 'dot') {
			this.match('dot');
			return this.dotRhs(bindingPower);
		}
		return this.raiseFor(this.lookaheadToken(0), 'syntax error');
	}

	private dotRhs(bindingPower: number): Node {
		const lookahead = this.currentToken();
		if (['quoted_identifier', 'unquoted_identifier', 'star'].includes(lookahead)) return this.expression(bindingPower);
		if (lookahead === 'lbracket') {
			this.match('lbracket');
			return this.multiSelectList();
		}
		if (lookahead === 'lbrace') {
			this.match('lbrace');
			return this.multiSelectHash();
		}
		const t = this.lookaheadToken(0);
		const allowed = ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'];
		return this.raiseFor(t, `Expecting: ${listRepr(allowed)}, got: ${t.type}`);
	}

	private match(tokenType: string): void {
		if (this.currentToken() === tokenType) this.advance();
		else this.raiseMaybeEof(tokenType, this.lookaheadToken(0));
	}

	private matchMultiple(tokenTypes: string[]): void {
		if (!tokenTypes.includes(this.currentToken())) this.raiseMaybeEof(listRepr(tokenTypes), this.lookaheadToken(0));
		this.advance();
	}

	private raiseFor(token: Token, reason: string): never {
		throw new ParseFailure(token.start, token.value, token.type, reason);
	}

	private raiseMaybeEof(expected: string, token: Token): never {
		if (token.type === 'eof') throw new ParseFailure(token.start, token.value, token.type, '', true);
		throw new ParseFailure(token.start, token.value, token.type, `Expecting: ${expected}, got: ${token.type}`);
	}

	private advance(): void {
		this.index += 1;
	}

	private currentToken(): string {
		return this.tokens[this.index].type;
	}

	private lookahead(n: number): string {
		return this.tokens[this.index + n]?.type ?? 'eof';
	}

	private lookaheadToken(n: number): Token {
		// Python's negative indexes wrap around; only -2 after '(' is used, which is always in range
		return this.tokens[this.index + n] ?? this.tokens[this.tokens.length + this.index + n];
	}
}

const LED_TOKENS = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket']);

/** jmespath.compile(): the AST, or a JmesPathSyntaxError carrying the str() of Python's exception. */
export const parse = (expression: string): Node => {
	const tokens = tokenize(expression);
	try {
		return new Parser(tokens).parse();
	} catch (error) {
		if (!(error instanceof ParseFailure)) throw error;
		if (error.incomplete) {
			const length = Array.from(expression).length;
			throw new JmesPathSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(length + 1)}^`);
		}
		throw new JmesPathSyntaxError(
			`${error.reason}: Parse error at column ${error.position}, token "${tokenText(error.tokenValue)}" (${error.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(error.position + 1)}^`,
		);
	}
};
