import {fail} from './errors.js';
import type {Index, Table} from './table.js';
import type {Tag} from './types.js';

// EC2 `--filters Name=…,Values=…`: values may use * and ? wildcards; several values in one
// filter are OR-ed, several filters are AND-ed. `tag:<key>` and `tag-key` work on any resource.

export type Filter = {Name?: string; Values?: string[]};

/** How to read each filter name from one item: a value, or several (match if any matches). */
export type FilterAccessors<T> = Record<string, (item: T) => unknown>;

const escapeRegExp = (s: string) => s.replaceAll(/[.+^${}()|[\]\\]/g, '\\$&');

const wildcardCache = new Map<string, RegExp>();
export const wildcard = (pattern: string): RegExp => {
	let re = wildcardCache.get(pattern);
	if (!re) {
		re = new RegExp(`^${escapeRegExp(pattern).replaceAll('*', '[\\s\\S]*').replaceAll('?', '[\\s\\S]')}$`);
		if (wildcardCache.size > 500) wildcardCache.clear();
		wildcardCache.set(pattern, re);
	}

	return re;
};

const asStrings = (value: unknown): string[] => {
	if (typeof value === 'string') return [value];
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap(v => asStrings(v));
	return [String(value)];
};

const tagAccessor = (name: string): ((item: {Tags?: Tag[]}) => unknown) | undefined => {
	if (name.startsWith('tag:')) {
		const key = name.slice(4);
		return item => (item.Tags ?? []).filter(t => t.Key === key).map(t => t.Value);
	}

	if (name === 'tag-key') return item => (item.Tags ?? []).map(t => t.Key);
	if (name === 'tag-value') return item => (item.Tags ?? []).map(t => t.Value);
	return undefined;
};

/** Checks filters once (AWS rejects a nameless filter) and returns a predicate. */
export const compileFilters = <T extends {Tags?: Tag[]}>(filters: Filter[] | undefined, accessors: FilterAccessors<T>): ((item: T) => boolean) => {
	if (!filters || filters.length === 0) return () => true;
	const compiled = filters.map(filter => {
		if (!filter.Name) fail('InvalidParameterValue', 'The filter \'null\' is invalid');
		const name = filter.Name!;
		const read = (Object.hasOwn(accessors, name) ? accessors[name] : undefined) ?? tagAccessor(name);
		if (!read) fail('InvalidParameterValue', `The filter '${name}' is invalid`);
		const patterns = (filter.Values ?? []).map(v => wildcard(String(v)));
		return (item: T) => {
			const values = asStrings(read!(item));
			return patterns.some(p => values.some(v => p.test(v)));
		};
	});
	return item => compiled.every(test => test(item));
};

/** Every tag of a resource, filed under `Key\u0000Value` (the `tag:<key>` filters look it up). */
export const BY_TAG: Index<{Tags?: Tag[]}> = {name: 'tag', keysOf: item => (item.Tags ?? []).map(t => `${t.Key}\u0000${t.Value}`)};

/**
 * Indexes on filters' own readings of an item (the same accessors, so an index and its filter
 * agree): every accessor given, or the `names` among them. Only for accessors that read the item
 * alone (an index follows changes to its own items, nothing else).
 */
export const indexesOf = <T>(accessors: FilterAccessors<T>, names: string[] = Object.keys(accessors)): Record<string, Index<T>> =>
	Object.fromEntries(names.map(name => [name, {name: `filter:${name}`, keysOf: (item: T) => asStrings(accessors[name](item))}]));

/**
 * The items of `table` that can pass `filters`, found through an index when a filter asks for
 * exact values (no * or ?) of an indexed field or of a tag; undefined when none does (scan them
 * all). Only a first cut: the filters themselves still decide.
 */
export const narrowByFilters = <T extends {Tags?: Tag[]}>(table: Table<T>, filters: Filter[] | undefined, indexes: Record<string, Index<T>>): T[] | undefined => {
	for (const filter of filters ?? []) {
		const values = (filter.Values ?? []).map(String);
		if (!filter.Name || values.length === 0 || values.some(v => v.includes('*') || v.includes('?'))) continue;
		if (filter.Name.startsWith('tag:')) return table.where(BY_TAG as Index<T>, ...values.map(v => `${filter.Name!.slice(4)}\u0000${v}`));
		const index = Object.hasOwn(indexes, filter.Name) ? indexes[filter.Name] : undefined;
		if (index) return table.where(index, ...values);
	}

	return undefined;
};
