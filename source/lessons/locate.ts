import {isMap, isNode, isScalar, type Document, type LineCounter} from 'yaml';

// Maps a field path (goals.1.check.query) to the line of a YAML document it sits on, and formats
// it as lesson authors read it: goals[1].check.query.

export type FieldPath = ReadonlyArray<PropertyKey>;

export const formatPath = (path: FieldPath): string =>
	path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');

const nodeAt = (doc: Document, path: FieldPath): unknown => (path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true));

/**
 * The 1-based line of the deepest field along `path` that exists: a mapping field's KEY line
 * (`hints:`, even when its list starts below), a list item's own line; a missing field points at
 * its parent.
 */
export const lineOf = (doc: Document, counter: LineCounter, path: FieldPath): number | undefined => {
	for (let depth = path.length; depth >= 0; depth--) {
		const parent = depth === 0 ? undefined : nodeAt(doc, path.slice(0, depth - 1));
		if (isMap(parent)) {
			const pair = parent.items.find(item => (isScalar(item.key) ? item.key.value : item.key) === path[depth - 1]);
			if (pair && isNode(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
			continue;
		}

		const node = nodeAt(doc, path.slice(0, depth));
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
	}

	return undefined;
};

/** A zod issue's path; for an unknown key, the path of that key (so the line is the typo's). */
export const issuePath = (issue: {code?: string; path: PropertyKey[]; keys?: string[]}): PropertyKey[] =>
	issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issue.path, issue.keys[0]] : issue.path;
