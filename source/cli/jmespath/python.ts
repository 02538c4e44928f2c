// Python's view of JSON values, as jmespath.py sees them through json.loads: type names, truth,
// equality and ordering. JavaScript has one number type, so a whole number counts as an int and
// any other as a float (JSON's 2.0 reads as the int 2 here, the one place the two can differ).
import {isObject} from '../output/json-value.js';

/** A runtime failure: `message` is what the CLI prints (its str()). */
export class JmesPathRuntimeError extends Error {}

/** type(x).__name__ of a json.loads value. */
export const pyTypeName = (value: unknown): string => {
	if (value === null || value === undefined) return 'NoneType';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	if (typeof value === 'string') return 'str';
	if (Array.isArray(value)) return 'list';
	if (isObject(value)) return 'dict';
	return '_Expression';
};

/** bool(x): None, False, 0, '', [] and {} are false. */
export const pyTruthy = (value: unknown): boolean => {
	if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (isObject(value)) return Object.keys(value).length > 0;
	return true;
};

const isNumberLike = (value: unknown): value is number | boolean => typeof value === 'number' || typeof value === 'boolean';

/** x == y, deep, with Python's rules (True == 1, 1 == 1.0, dicts unordered). */
export const pyEquals = (x: unknown, y: unknown): boolean => {
	if (isNumberLike(x) && isNumberLike(y)) return Number(x) === Number(y);
	if (x === null || y === null || x === undefined || y === undefined) return (x ?? null) === (y ?? null);
	if (typeof x === 'string' || typeof y === 'string') return x === y;
	if (Array.isArray(x) || Array.isArray(y)) {
		return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => pyEquals(item, y[i]));
	}

	if (isObject(x) && isObject(y)) {
		const keys = Object.keys(x);
		return keys.length === Object.keys(y).length && keys.every(key => Object.hasOwn(y, key) && pyEquals(x[key], y[key]));
	}

	return x === y;
};

/** Strings compare by code point in Python (JavaScript's < compares UTF-16 units). */
export const compareCodePoints = (a: string, b: string): number => {
	const left = Array.from(a);
	const right = Array.from(b);
	for (let i = 0; i < Math.min(left.length, right.length); i++) {
		const diff = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
		if (diff !== 0) return diff;
	}

	return left.length - right.length;
};

/** a < b as Python orders two numbers or two strings; a TypeError (Python's words) otherwise. */
export const pyCompare = (a: unknown, b: unknown, symbol: string): number => {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
	throw new JmesPathRuntimeError(`'${symbol}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
};

/** Python's slice(start, stop, step) of a list. */
export const pySlice = <T>(list: T[], start: number | null, stop: number | null, step: number | null): T[] => {
	const by = step ?? 1;
	if (by === 0) throw new JmesPathRuntimeError('slice step cannot be zero');
	const length = list.length;
	const [lower, upper] = by > 0 ? [0, length] : [-1, length - 1];
	const bound = (value: number | null, fallback: number): number => {
		if (value === null) return fallback;
		if (value < 0) return Math.max(value + length, lower);
		return Math.min(value, upper);
	};
	const from = bound(start, by < 0 ? upper : lower);
	const to = bound(stop, by < 0 ? lower : upper);
	const out: T[] = [];
	for (let i = from; by > 0 ? i < to : i > to; i += by) out.push(list[i]);
	return out;
};
