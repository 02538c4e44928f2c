// The values the output layer handles: what a parsed AWS response (or a --query result) can hold.

export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};
export type JsonObject = {[key: string]: JsonValue};

export const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Python's `isinstance(v, (list, dict))` negated: the formatters' notion of a scalar. */
export const isScalar = (value: unknown): boolean => typeof value !== 'object' || value === null;

/** Sorts strings the way Python's sorted() does: by code point, not by UTF-16 unit or locale. */
export const pyCompare = (a: string, b: string): number => {
	const ca = Array.from(a);
	const cb = Array.from(b);
	const n = Math.min(ca.length, cb.length);
	for (let i = 0; i < n; i++) {
		const d = ca[i].codePointAt(0)! - cb[i].codePointAt(0)!;
		if (d !== 0) return d;
	}
	return ca.length - cb.length;
};

export const pySorted = (keys: Iterable<string>): string[] => [...keys].sort(pyCompare);
