import {fail} from './errors.js';
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
