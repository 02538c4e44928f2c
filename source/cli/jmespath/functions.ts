// jmespath.py's built-in functions (jmespath/functions.py): the same signatures, the same argument
// checks and the same error texts, over JSON values.
import {pyFloat, pyNumber, pyStr} from '../output/python-text.js';
import {isObject} from '../output/json-value.js';
import {compareCodePoints, JmesPathRuntimeError, pyCompare, pyEquals, pyTypeName} from './python.js';
import type {Node} from './parser.js';

/** An `&expression` argument, and how to run it on one element. */
export class Expref {
	constructor(readonly expression: Node, readonly visit: (node: Node, value: unknown) => unknown) {}

	run(value: unknown): unknown {
		return this.visit(this.expression, value);
	}
}

const TYPES_MAP: Record<string, string> = {
	bool: 'boolean', list: 'array', dict: 'object', NoneType: 'null', str: 'string', float: 'number', int: 'number', _Expression: 'expref',
};
const REVERSE_TYPES_MAP: Record<string, string[]> = {
	boolean: ['bool'], array: ['list'], object: ['dict'], null: ['NoneType'], string: ['str'], number: ['float', 'int'], expref: ['_Expression'],
};

const typeName = (value: unknown): string => (value instanceof Expref ? '_Expression' : pyTypeName(value));
const jmesType = (value: unknown): string => TYPES_MAP[typeName(value)] ?? 'unknown';
const strOf = (value: unknown): string => (value instanceof Expref ? '<jmespath.visitor._Expression object>' : pyStr(value));
const listOf = (types: string[]): string => `[${types.map(t => `'${t}'`).join(', ')}]`;

/** jmespath.py's JMESPathTypeError. */
const typeError = (name: string, value: unknown, actual: string, expected: string[]): JmesPathRuntimeError =>
	new JmesPathRuntimeError(`In function ${name}(), invalid type for value: ${strOf(value)}, expected one of: ${listOf(expected)}, received: "${actual}"`);

type Signature = Array<{types: string[]; variadic?: true}>;
type Fn = {signature: Signature; run: (...args: any[]) => unknown}; // eslint-disable-line @typescript-eslint/no-explicit-any

const checkSubtypes = (name: string, current: unknown[], subtypes: string[][], types: string[]): void => {
	if (subtypes.length === 1) {
		for (const element of current) if (!subtypes[0].includes(typeName(element))) throw typeError(name, element, typeName(element), types);
		return;
	}

	if (current.length === 0) return;
	const first = typeName(current[0]);
	const allowed = subtypes.find(s => s.includes(first));
	if (!allowed) throw typeError(name, current[0], first, types);
	for (const element of current) if (!allowed.includes(typeName(element))) throw typeError(name, element, typeName(element), types);
};

const checkType = (name: string, current: unknown, types: string[]): void => {
	const allowed: string[] = [];
	const subtypes: string[][] = [];
	for (const t of types) {
		const [type, subtype] = t.split('-', 2) as [string, string | undefined];
		if (subtype) subtypes.push(REVERSE_TYPES_MAP[subtype]);
		allowed.push(...REVERSE_TYPES_MAP[type]);
	}

	if (!allowed.includes(typeName(current))) throw typeError(name, current, jmesType(current), types);
	if (subtypes.length > 0) checkSubtypes(name, current as unknown[], subtypes, types);
};

/** Python's compact json.dumps (separators ',' ':', ensure_ascii), for to_string(). */
const compactJson = (value: unknown): string => {
	if (value === null || value === undefined) return 'null';
	if (value === true) return 'true';
	if (value === false) return 'false';
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : !Number.isFinite(value) ? (value > 0 ? 'Infinity' : '-Infinity') : Number.isInteger(value) ? pyNumber(value) : pyFloat(value);
	if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
	if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
	if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${compactJson(k)}:${compactJson(v)}`).join(',')}}`;
	return JSON.stringify(String(value));
};

/** Python's int(text), then float(text): a number, or undefined when neither reads it. */
const pyNumberFromString = (text: string): number | undefined => {
	const trimmed = text.trim();
	if (/^[+-]?\d+(?:_\d+)*$/.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
	if (/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
	if (/^[+-]?(?:inf|infinity)$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
	if (/^[+-]?nan$/i.test(trimmed)) return Number.NaN;
	return undefined;
};

const order = (a: unknown, b: unknown): number => (typeof a === 'string' && typeof b === 'string' ? compareCodePoints(a, b) : pyCompare(a, b, '<'));

/** The first greatest (or least, sign -1) element, by a key, as Python's max() and min() choose. */
const extreme = <T>(items: T[], key: (item: T) => unknown, sign: 1 | -1): T | null => {
	if (items.length === 0) return null;
	let best = items[0];
	let bestKey = key(best);
	for (const item of items.slice(1)) {
		const k = key(item);
		if (sign * order(k, bestKey) > 0) {
			best = item;
			bestKey = k;
		}
	}

	return best;
};

const keyFunc = (expref: Expref, allowed: string[], name: string) => (item: unknown): unknown => {
	const result = expref.run(item);
	if (!allowed.includes(jmesType(result))) throw typeError(name, result, jmesType(result), allowed);
	return result;
};

const inOperand = (subject: unknown, search: unknown): boolean => {
	if (typeof subject === 'string') {
		if (typeof search !== 'string') throw new JmesPathRuntimeError(`'in <string>' requires string as left operand, not ${pyTypeName(search)}`);
		return subject.includes(search);
	}

	return (subject as unknown[]).some(item => pyEquals(item, search));
};

const own = (entries: Array<[string, unknown]>): Record<string, unknown> => Object.fromEntries(entries);

export const FUNCTIONS: Record<string, Fn> = {
	abs: {signature: [{types: ['number']}], run: (n: number) => Math.abs(n)},
	avg: {signature: [{types: ['array-number']}], run: (list: number[]) => (list.length > 0 ? list.reduce((a, b) => a + b, 0) / list.length : null)},
	ceil: {signature: [{types: ['number']}], run: (n: number) => Math.ceil(n)},
	contains: {signature: [{types: ['array', 'string']}, {types: []}], run: inOperand},
	ends_with: {signature: [{types: ['string']}, {types: ['string']}], run: (s: string, suffix: string) => s.endsWith(suffix)},
	floor: {signature: [{types: ['number']}], run: (n: number) => Math.floor(n)},
	join: {signature: [{types: ['string']}, {types: ['array-string']}], run: (separator: string, list: string[]) => list.join(separator)},
	keys: {signature: [{types: ['object']}], run: (o: Record<string, unknown>) => Object.keys(o)},
	length: {signature: [{types: ['string', 'array', 'object']}], run: (v: unknown) => (typeof v === 'string' ? Array.from(v).length : Array.isArray(v) ? v.length : Object.keys(v as object).length)},
	map: {signature: [{types: ['expref']}, {types: ['array']}], run: (e: Expref, list: unknown[]) => list.map(item => e.run(item))},
	max: {signature: [{types: ['array-number', 'array-string']}], run: (list: unknown[]) => extreme(list, x => x, 1)},
	max_by: {signature: [{types: ['array']}, {types: ['expref']}], run: (list: unknown[], e: Expref) => extreme(list, keyFunc(e, ['number', 'string'], 'max_by'), 1)},
	merge: {signature: [{types: ['object'], variadic: true}], run: (...objects: Array<Record<string, unknown>>) => {
		const merged = new Map<string, unknown>();
		for (const o of objects) for (const [k, v] of Object.entries(o)) merged.set(k, v);
		return own([...merged]);
	}},
	min: {signature: [{types: ['array-number', 'array-string']}], run: (list: unknown[]) => extreme(list, x => x, -1)},
	min_by: {signature: [{types: ['array']}, {types: ['expref']}], run: (list: unknown[], e: Expref) => extreme(list, keyFunc(e, ['number', 'string'], 'min_by'), -1)},
	not_null: {signature: [{types: [], variadic: true}], run: (...args: unknown[]) => args.find(a => a !== null && a !== undefined) ?? null},
	reverse: {signature: [{types: ['array', 'string']}], run: (v: string | unknown[]) => (typeof v === 'string' ? Array.from(v).reverse().join('') : [...v].reverse())},
	sort: {signature: [{types: ['array-string', 'array-number']}], run: (list: unknown[]) => [...list].sort(order)},
	sort_by: {signature: [{types: ['array']}, {types: ['expref']}], run: (list: unknown[], e: Expref) => {
		if (list.length === 0) return list;
		const required = jmesType(e.run(list[0]));
		if (!['number', 'string'].includes(required)) throw typeError('sort_by', list[0], required, ['string', 'number']);
		const key = keyFunc(e, [required], 'sort_by');
		return list.map(item => ({item, k: key(item)})).sort((a, b) => order(a.k, b.k)).map(x => x.item);
	}},
	starts_with: {signature: [{types: ['string']}, {types: ['string']}], run: (s: string, prefix: string) => s.startsWith(prefix)},
	sum: {signature: [{types: ['array-number']}], run: (list: number[]) => list.reduce((a, b) => a + b, 0)},
	to_array: {signature: [{types: []}], run: (v: unknown) => (Array.isArray(v) ? v : [v])},
	to_number: {signature: [{types: []}], run: (v: unknown) => {
		if (typeof v === 'number') return v;
		if (typeof v === 'string') return pyNumberFromString(v) ?? null;
		return null;
	}},
	to_string: {signature: [{types: []}], run: (v: unknown) => (typeof v === 'string' ? v : compactJson(v))},
	type: {signature: [{types: []}], run: (v: unknown) => (v instanceof Expref ? null : jmesType(v))},
	values: {signature: [{types: ['object']}], run: (o: Record<string, unknown>) => Object.values(o)},
};

/** Functions.call_function: arity and types checked as jmespath.py checks them, then the call. */
export const callFunction = (name: string, args: unknown[]): unknown => {
	const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
	if (!fn) throw new JmesPathRuntimeError(`Unknown function: ${name}()`);
	const {signature} = fn;
	const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
	if (signature.at(-1)?.variadic) {
		if (args.length < signature.length) throw new JmesPathRuntimeError(`Expected at least ${signature.length} ${plural(signature.length)} for function ${name}(), received ${args.length}`);
	} else if (args.length !== signature.length) {
		throw new JmesPathRuntimeError(`Expected ${signature.length} ${plural(signature.length)} for function ${name}(), received ${args.length}`);
	}

	signature.forEach((spec, i) => {
		if (spec.types.length > 0) checkType(name, args[i], spec.types);
	});
	return fn.run(...args);
};

