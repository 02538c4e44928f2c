// The part of Python's argparse the AWS CLI relies on: options anywhere, `--opt=value`, unique
// prefixes (allow_abbrev), nargs None / '+' / '?' / flags, `--` and negative numbers, required
// options, and parse_known_args (unknown words are handed back, in order).
import {closeMatches} from '../suggest.js';
import {ParseFailure, usageError} from './errors.js';

export type OptionSpec = {
	name: string;
	/** flag: no value; one: exactly one; plus: one or more; optional: zero or one; star: any */
	nargs: 'flag' | 'one' | 'plus' | 'optional' | 'star';
	required?: boolean;
	choices?: readonly string[];
	/** argparse type=int */
	int?: boolean;
};

export type Occurrence = {option: OptionSpec; values: string[]};

export type ParsedArgs = {occurrences: Occurrence[]; positionals: string[]; extras: string[]};

const negativeNumber = /^-\d+$|^-\d*\.\d+$/;

export type ParserSpec = {
	options: readonly OptionSpec[];
	/** positional arguments taken in order (command, operation ...), each with its choices */
	positionals?: ReadonlyArray<{name: string; choices?: readonly string[]; optional?: boolean}>;
};

const invalidChoice = (argument: string, value: string, choices: readonly string[]): ParseFailure => {
	const message = [`Found invalid choice '${value}'\n`];
	const possible = closeMatches(value, choices, 3, 0.8);
	if (possible.length > 0) {
		message.push('Maybe you meant:\n', ...possible.map(p => `  * ${p}`));
	}

	return new ParseFailure(usageError(`argument ${argument}: ${message.join('\n')}`));
};

export const checkChoice = (argument: string, value: string, choices: readonly string[]): void => {
	if (!choices.includes(value)) {
		throw invalidChoice(argument, value, choices);
	}
};

/** Parses `args`; throws ParseFailure with argparse's message for what it rejects. */
/** Each option list's names, made once per list (an operation's list is made once, see parse.ts). */
const namesOf = new WeakMap<readonly OptionSpec[], Map<string, OptionSpec>>();

export const parseKnownArgs = (args: readonly string[], spec: ParserSpec): ParsedArgs => {
	let byName = namesOf.get(spec.options);
	if (!byName) {
		byName = new Map(spec.options.map(o => [o.name, o]));
		// a short list made on the spot (a positional's choices, no options) is not worth keeping
		if (spec.options.length > 8) namesOf.set(spec.options, byName);
	}
	const occurrences: Occurrence[] = [];
	const positionals: string[] = [];
	const extras: string[] = [];
	const positionalSpecs = spec.positionals ?? [];

	const lookup = (token: string): {option: OptionSpec; explicit?: string} | 'unknown' | 'positional' => {
		if (!token.startsWith('-') || token === '-') {
			return 'positional';
		}

		const exact = byName.get(token);
		if (exact) {
			return {option: exact};
		}

		const eq = token.indexOf('=');
		if (eq !== -1) {
			const named = byName.get(token.slice(0, eq));
			if (named) {
				return {option: named, explicit: token.slice(eq + 1)};
			}
		}

		if (token.startsWith('--')) {
			const head = eq === -1 ? token : token.slice(0, eq);
			const matches = spec.options.filter(o => o.name.startsWith(head));
			if (matches.length > 1) {
				throw new ParseFailure(usageError(`ambiguous option: ${head} could match ${matches.map(m => m.name).join(', ')}`));
			}

			if (matches.length === 1) {
				return eq === -1 ? {option: matches[0]} : {option: matches[0], explicit: token.slice(eq + 1)};
			}
		}

		if (negativeNumber.test(token) || token.includes(' ')) {
			return 'positional';
		}

		return 'unknown';
	};

	const kinds: Array<'A' | 'O'> = [];
	let afterDashes = false;
	const tokens: string[] = [];
	for (const token of args) {
		if (!afterDashes && token === '--') {
			afterDashes = true;
			continue;
		}

		tokens.push(token);
		kinds.push(afterDashes || !token.startsWith('-') || token === '-' || negativeNumber.test(token) || (token.includes(' ') && lookup(token) === 'positional') ? 'A' : 'O');
	}

	let i = 0;
	while (i < tokens.length) {
		const token = tokens[i];
		if (kinds[i] === 'A') {
			positionals.length < positionalSpecs.length ? positionals.push(token) : extras.push(token);
			i++;
			continue;
		}

		const found = lookup(token);
		if (found === 'unknown' || found === 'positional') {
			extras.push(token);
			i++;
			continue;
		}

		const {option, explicit} = found;
		i++;
		const takeValues = (min: number, max: number): string[] => {
			const values: string[] = [];
			while (values.length < max && i < tokens.length && kinds[i] === 'A') {
				values.push(tokens[i]);
				i++;
			}

			if (values.length < min) {
				throw new ParseFailure(usageError(`argument ${option.name}: expected ${min === 1 && max === 1 ? 'one argument' : 'at least one argument'}`));
			}

			return values;
		};

		let values: string[];
		if (option.nargs === 'flag') {
			if (explicit !== undefined) {
				throw new ParseFailure(usageError(`argument ${option.name}: ignored explicit argument '${explicit}'`));
			}

			values = [];
		} else if (explicit !== undefined) {
			values = [explicit];
		} else if (option.nargs === 'one') {
			values = takeValues(1, 1);
		} else if (option.nargs === 'plus') {
			values = takeValues(1, Infinity);
		} else if (option.nargs === 'star') {
			values = takeValues(0, Infinity);
		} else {
			values = takeValues(0, 1);
		}

		for (const value of values) {
			if (option.int && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) {
				throw new ParseFailure(usageError(`argument ${option.name}: invalid int value: '${value}'`));
			}

			if (option.choices) {
				checkChoice(option.name, value, option.choices);
			}
		}

		occurrences.push({option, values});
	}

	positionalSpecs.forEach((p, index) => {
		const value = positionals[index];
		if (value !== undefined && p.choices) {
			checkChoice(p.name, value, p.choices);
		}
	});

	const seen = new Set(occurrences.map(o => o.option.name));
	const missing = [
		...spec.options.filter(o => o.required && !seen.has(o.name)).map(o => o.name),
		...positionalSpecs.filter((p, index) => !p.optional && positionals[index] === undefined).map(p => p.name),
	];
	if (missing.length > 0) {
		throw new ParseFailure(usageError(`the following arguments are required: ${missing.join(', ')}`));
	}

	return {occurrences, positionals, extras};
};

/** The last value given for an option (argparse keeps the last), or undefined. */
export const lastOccurrence = (parsed: ParsedArgs, names: readonly string[]): Occurrence | undefined => {
	for (let k = parsed.occurrences.length - 1; k >= 0; k--) {
		if (names.includes(parsed.occurrences[k].option.name)) {
			return parsed.occurrences[k];
		}
	}

	return undefined;
};
