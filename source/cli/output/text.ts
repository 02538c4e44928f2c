// The CLI's text formatter, ported from awscli/text.py (identical in v1 and v2).
// Scalars of a dict print on one tab-separated row, sorted by key; every nested list or dict
// follows on its own rows, led by its key UPPERCASED. Values print with Python's str().
import {isObject, isScalar, pySorted, type JsonObject} from './json-value.js';
import {pyStr} from './python-text.js';

/** Python's AttributeError when text.py meets a list element that is not a dict (`x.items()`). */
export class TextFormatError extends Error {}

const pyTypeName = (value: unknown): string => {
	if (value === null) return 'NoneType';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	if (typeof value === 'string') return 'str';
	return Array.isArray(value) ? 'list' : 'dict';
};

const allScalarKeys = (listOfDicts: unknown[]): string[] => {
	const seen = new Set<string>();
	for (const item of listOfDicts) {
		if (!isObject(item)) throw new TextFormatError(`'${pyTypeName(item)}' object has no attribute 'items'`);
		for (const [key, value] of Object.entries(item)) if (isScalar(value)) seen.add(key);
	}
	return pySorted(seen);
};

const partitionDict = (item: JsonObject, scalarKeys: string[] | undefined): {scalars: string[]; nonScalars: Array<[string, unknown]>} => {
	const scalars: string[] = [];
	const nonScalars: Array<[string, unknown]> = [];
	if (scalarKeys === undefined) {
		for (const key of pySorted(Object.keys(item))) {
			const value = item[key];
			if (isScalar(value)) scalars.push(pyStr(value));
			else nonScalars.push([key, value]);
		}
	} else {
		for (const key of scalarKeys) scalars.push(pyStr(key in item ? item[key] : ''));
		const known = new Set(scalarKeys);
		for (const key of pySorted(Object.keys(item).filter((k) => !known.has(k)))) nonScalars.push([key, item[key]]);
	}
	return {scalars, nonScalars};
};

const formatScalarList = (elements: unknown[], identifier: string | undefined, out: string[]): void => {
	if (identifier !== undefined) {
		for (const item of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
	} else {
		out.push(elements.map(pyStr).join('\t') + '\n');
	}
};

const formatDict = (scalarKeys: string[] | undefined, item: JsonObject, identifier: string | undefined, out: string[]): void => {
	const {scalars, nonScalars} = partitionDict(item, scalarKeys);
	if (scalars.length > 0) {
		if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
		out.push(scalars.join('\t') + '\n');
	}
	for (const [newIdentifier, nonScalar] of nonScalars) formatItem(nonScalar, out, newIdentifier);
};

const formatList = (item: unknown[], identifier: string | undefined, out: string[]): void => {
	if (item.length === 0) return;
	if (item.some(isObject)) {
		const allKeys = allScalarKeys(item);
		for (const element of item) formatItem(element, out, identifier, allKeys);
	} else if (item.some(Array.isArray)) {
		const scalars = item.filter(isScalar);
		const nonScalars = item.filter((el) => !isScalar(el));
		if (scalars.length > 0) formatScalarList(scalars, identifier, out);
		for (const nonScalar of nonScalars) formatItem(nonScalar, out, identifier);
	} else {
		formatScalarList(item, identifier, out);
	}
};

const formatItem = (item: unknown, out: string[], identifier?: string, scalarKeys?: string[]): void => {
	if (isObject(item)) formatDict(scalarKeys, item, identifier, out);
	else if (Array.isArray(item)) formatList(item, identifier, out);
	else out.push(pyStr(item) + '\n');
};

/** What `--output text` prints for a (possibly --query'd) response. Throws TextFormatError like text.py would. */
export const formatText = (data: unknown): string => {
	const out: string[] = [];
	formatItem(data === undefined ? null : data, out);
	return out.join('');
};
