import {search} from './output/query.js';
import type {WaiterDefinition} from './waiters/definitions.js';

// What an API call established about the resources it returned without printing it, for goals
// that ask whether the learner confirmed a state (`confirms:` in lessons/README.md): a describe
// whose filters each name one value vouches for those values on every resource it returned; a
// waiter that succeeded vouches for the states it saw while it polled. Each comes with the IDs
// (and names) of those resources, so a goal can tell what the state was confirmed about.

const MAX_WORDS = 60;

type Output = Record<string, unknown> | undefined;

/**
 * The IDs and names of the resources an answer lists: `Images[].ImageId`, `Snapshots[].SnapshotId`,
 * `Reservations[].Instances[].InstanceId`, … and their `Name`, not what those resources refer to
 * (an instance's ImageId, its network interfaces). Reservations are the one container EC2 nests.
 */
export const resourceIds = (output: unknown): string[] => {
	const found = new Set<string>();
	const visit = (value: unknown): void => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
		for (const [key, child] of Object.entries(value)) {
			if (!Array.isArray(child) || !key.endsWith('s')) continue;
			const idKey = `${key.slice(0, -1)}Id`;
			for (const item of child) {
				if (found.size >= MAX_WORDS) return;
				if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
				const record = item as Record<string, unknown>;
				if (key === 'Reservations') visit(record);
				else for (const k of [idKey, 'Name']) if (typeof record[k] === 'string' && record[k] !== '') found.add(record[k]);
			}
		}
	};

	visit(output);
	return [...found];
};

/** The values of a request's filters that name exactly one value, without wildcards. */
const filterValues = (params: Record<string, unknown>): string[] => {
	const filters = Array.isArray(params.Filters) ? (params.Filters as Array<{Values?: unknown}>) : [];
	return filters.flatMap(f => (Array.isArray(f?.Values) && f.Values.length === 1 && typeof f.Values[0] === 'string' && !/[*?]/.test(f.Values[0]) ? [f.Values[0]] : []));
};

const strings = (value: unknown): string[] => {
	if (typeof value === 'string') return value === '' ? [] : [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	return [];
};

/** A describe call that returned resources through filters: its one-value filters, and what it returned. */
export const describeConfirmed = (operation: string, params: Record<string, unknown>, output: Output): string[] | undefined => {
	if (!/^Describe/.test(operation)) return undefined;
	const values = filterValues(params);
	const ids = resourceIds(output);
	return values.length > 0 && ids.length > 0 ? [...new Set([...values, ...ids])] : undefined;
};

/** A waiter that succeeded: the values its acceptors looked at in every poll (`pending`, then `available`), its filters, and what it waited on. */
export const waiterConfirmed = (waiter: WaiterDefinition, params: Record<string, unknown>, polls: Output[]): string[] | undefined => {
	const paths = [...new Set(waiter.acceptors.flatMap(a => (a.argument !== undefined && a.matcher !== 'error' && a.matcher !== 'status' ? [a.argument] : [])))];
	const seen = polls.flatMap(output =>
		paths.flatMap(path => {
			try {
				return strings(search(output ?? {}, path));
			} catch {
				return [];
			}
		}),
	);
	const ids = resourceIds(polls.at(-1));
	if (ids.length === 0) return undefined;
	return [...new Set([...seen, ...filterValues(params), ...ids])].slice(0, 2 * MAX_WORDS);
};
