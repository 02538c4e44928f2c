// The AWS CLI's shorthand syntax (awscli/shorthand.py), ported rule for rule:
//   --tags Key=Env,Value=dev    --filters Name=state,Values=a,b
//   --block-device-mappings 'DeviceName=/dev/xvda,Ebs={VolumeSize=30}'    Add=[{Group=all}]
// `parseShorthand` is purely syntactic (strings, lists, objects); `applyShapeTypes` is the
// BackCompatVisitor that then follows the model (a scalar where a list is expected becomes a
// one-element list; integers, doubles and booleans are converted).

export type ShorthandValue = string | ShorthandValue[] | {[key: string]: ShorthandValue};

export class ShorthandParseError extends Error {}

/** `@=` values name a file (key@=file://x): resolved through this, undefined when missing. */
export type ParamFileResolver = (value: string) => string | undefined;

// Character classes from shorthand.py (_START_WORD, _FIRST_FOLLOW_CHARS, _SECOND_FOLLOW_CHARS).
const startWord = String.raw`!#-&(-+\--<>-Z\\-z|-\uffff`;
const firstFollow = String.raw`\s!#-&(-+\--\\^-|~-\uffff`;
const secondFollow = String.raw`\s!#-&(-+\--<>-\uffff`;
const escapedComma = String.raw`(?:\\,)`;
const firstValue = new RegExp(`(?:${escapedComma}|[${startWord}])(?:${escapedComma}|[${firstFollow}])*`, 'y');
const secondValue = new RegExp(`(?:${escapedComma}|[${startWord}])(?:${escapedComma}|[${secondFollow}])*`, 'y');
const singleQuoted = /'(?:\\'|[^'])*'/y;
const doubleQuoted = /"(?:\\"|[^"])*"/y;
const keyChars = /[A-Za-z0-9\-_.#/:]*/y;
const whitespace = new Set([' ', '\t', '\n', '\r', '\v', '\f']);

const errorLocation = (value: string, index: number): string => {
	let consumed = value;
	let remaining = '';
	let spaces = index;
	const before = value.slice(0, index);
	const lastNewline = before.lastIndexOf('\n');
	if (lastNewline !== -1) {
		spaces = index - lastNewline - 1;
	}

	const nextNewline = value.indexOf('\n', index);
	if (nextNewline !== -1) {
		consumed = value.slice(0, nextNewline);
		remaining = value.slice(nextNewline);
	}

	return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
};

class SyntaxError_ extends ShorthandParseError {
	constructor(value: string, expected: string, actual: string, index: number) {
		super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
	}
}

class DuplicateKeyError extends ShorthandParseError {
	constructor(key: string, value: string, index: number) {
		super(`Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\nThis is often because there is a preceding "," instead of a space.`);
	}
}

class Parser {
	private index = 0;
	private resolveParamFiles = false;

	constructor(private readonly input: string, private readonly resolver?: ParamFileResolver) {}

	parse(): Record<string, ShorthandValue> {
		const params: Record<string, ShorthandValue> = {};
		let [key, value] = this.keyval();
		params[key] = value;
		let lastIndex = this.index;
		while (this.index < this.input.length) {
			this.expect(',', true);
			[key, value] = this.keyval();
			if (Object.hasOwn(params, key)) {
				throw new DuplicateKeyError(key, this.input, lastIndex + 1);
			}

			params[key] = value;
			lastIndex = this.index;
		}

		return params;
	}

	private keyval(): [string, ShorthandValue] {
		const key = this.key();
		this.atSign();
		this.expect('=', true);
		return [key, this.values()];
	}

	private atSign(): void {
		// Like Python's try: expect('@') - the whitespace before it stays consumed either way.
		this.resolveParamFiles = false;
		this.consumeWhitespace();
		if (this.current() === '@') {
			this.index++;
			this.consumeWhitespace();
			this.resolveParamFiles = true;
		}
	}

	private key(): string {
		keyChars.lastIndex = this.index;
		const match = keyChars.exec(this.input);
		const key = match ? match[0] : '';
		this.index += key.length;
		return key;
	}

	private values(): ShorthandValue {
		if (this.atEof()) {
			return '';
		}

		if (this.current() === '[') {
			return this.explicitList();
		}

		if (this.current() === '{') {
			return this.hashLiteral();
		}

		return this.csvValue();
	}

	private csvValue(): ShorthandValue {
		const first = this.firstValue();
		this.consumeWhitespace();
		if (this.atEof() || this.input[this.index] !== ',') {
			return first;
		}

		this.expect(',', true);
		const list: string[] = [first];
		for (;;) {
			try {
				const current = this.secondValue();
				this.consumeWhitespace();
				if (this.atEof()) {
					list.push(current);
					break;
				}

				this.expect(',', true);
				list.push(current);
			} catch (error) {
				if (!(error instanceof SyntaxError_) || this.atEof()) {
					throw error;
				}

				this.backtrackTo(',');
				break;
			}
		}

		return list.length === 1 ? first : list;
	}

	private value(): string {
		firstValue.lastIndex = this.index;
		const match = firstValue.exec(this.input);
		if (!match) {
			return '';
		}

		this.index += match[0].length;
		return this.maybeResolve(match[0].replaceAll('\\,', ',').trimEnd());
	}

	private explicitList(): ShorthandValue[] {
		this.expect('[', true);
		const values: ShorthandValue[] = [];
		while (this.current() !== ']') {
			values.push(this.explicitValues());
			this.consumeWhitespace();
			if (this.current() !== ']') {
				this.expect(',');
				this.consumeWhitespace();
			}
		}

		this.expect(']');
		return values;
	}

	private explicitValues(): ShorthandValue {
		if (this.current() === '[') {
			return this.explicitList();
		}

		if (this.current() === '{') {
			return this.hashLiteral();
		}

		return this.firstValue();
	}

	private hashLiteral(): Record<string, ShorthandValue> {
		this.expect('{', true);
		const keyvals: Record<string, ShorthandValue> = {};
		while (this.current() !== '}') {
			const key = this.key();
			this.atSign();
			this.expect('=', true);
			const value = this.explicitValues();
			this.consumeWhitespace();
			if (this.current() !== '}') {
				this.expect(',');
				this.consumeWhitespace();
			}

			keyvals[key] = value;
		}

		this.expect('}');
		return keyvals;
	}

	private firstValue(): string {
		const c = this.current();
		if (c === '\'') {
			return this.quoted(singleQuoted, '\'');
		}

		if (c === '"') {
			return this.quoted(doubleQuoted, '"');
		}

		return this.value();
	}

	private secondValue(): string {
		const c = this.current();
		if (c === '\'') {
			return this.quoted(singleQuoted, '\'');
		}

		if (c === '"') {
			return this.quoted(doubleQuoted, '"');
		}

		const consumed = this.mustConsume(secondValue, 'second');
		return this.maybeResolve(consumed.replaceAll('\\,', ',').trimEnd());
	}

	private quoted(regex: RegExp, quote: string): string {
		const name = quote === '\'' ? 'singled quoted' : 'double quoted';
		let value = this.mustConsume(regex, name).slice(1, -1);
		value = value.replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
		return this.maybeResolve(value);
	}

	private maybeResolve(value: string): string {
		if (this.resolveParamFiles && this.resolver) {
			return this.resolver(value) ?? value;
		}

		return value;
	}

	private expect(char: string, consumeWhitespace = false): void {
		if (consumeWhitespace) {
			this.consumeWhitespace();
		}

		if (this.index >= this.input.length) {
			throw new SyntaxError_(this.input, char, 'EOF', this.index);
		}

		const actual = this.input[this.index];
		if (actual !== char) {
			throw new SyntaxError_(this.input, char, actual, this.index);
		}

		this.index++;
		if (consumeWhitespace) {
			this.consumeWhitespace();
		}
	}

	private mustConsume(regex: RegExp, name: string): string {
		regex.lastIndex = this.index;
		const match = regex.exec(this.input);
		if (match) {
			this.index += match[0].length;
			return match[0];
		}

		throw new SyntaxError_(this.input, `<${name}>`, '<none>', this.index);
	}

	private current(): string | undefined {
		return this.index < this.input.length ? this.input[this.index] : undefined;
	}

	private atEof(): boolean {
		return this.index >= this.input.length;
	}

	private backtrackTo(char: string): void {
		while (this.index >= 0 && this.input[this.index] !== char) {
			this.index--;
		}
	}

	private consumeWhitespace(): void {
		while (this.index < this.input.length && whitespace.has(this.input[this.index])) {
			this.index++;
		}
	}
}

/** Parses one shorthand value (`Key=a,Value=b`); throws ShorthandParseError with the CLI's text. */
export const parseShorthand = (input: string, resolver?: ParamFileResolver): Record<string, ShorthandValue> => {
	try {
		return new Parser(input, resolver).parse();
	} catch (error) {
		// Python would stop at its recursion limit; JavaScript at its stack: a usage error either way
		if (error instanceof RangeError) throw new ShorthandParseError('maximum recursion depth exceeded: the value is nested too deeply');
		throw error;
	}
};
