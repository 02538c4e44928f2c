import type {Table} from './table.js';
import type {RegionState, World} from './types.js';

// What real AWS cannot give back: the resources that existed in one world and are gone from a
// later one (deleted) or have entered a state with no way back (terminated, deregistered). Pure;
// `undo` in the game uses it to say that AWS has no undo for these.

/** The resource collections of a Region, with what each resource's state is called. */
const COLLECTIONS = ['instances', 'images', 'volumes', 'snapshots', 'keyPairs', 'securityGroups'] as const satisfies ReadonlyArray<keyof RegionState>;

/** States a resource never leaves once it is in them (it is on its way out). */
const GONE = new Set(['shutting-down', 'terminated', 'deregistered', 'deleting', 'deleted']);

/** A resource's state: a string, or an instance's {Code, Name}. */
const stateOf = (resource: unknown): string | undefined => {
	const state = (resource as {State?: unknown}).State;
	if (typeof state === 'string') return state;
	const name = (state as {Name?: unknown} | undefined)?.Name;
	return typeof name === 'string' ? name : undefined;
};

/** The IDs (by Region) of resources alive in `before` that are gone, or going, in `after`. */
export const destroyedBetween = (before: World, after: World): Array<{region: string; id: string}> => {
	const out: Array<{region: string; id: string}> = [];
	for (const [region, then] of Object.entries(before.regions)) {
		const now = after.regions[region];
		for (const collection of COLLECTIONS) {
			const table = then[collection] as Table<unknown>;
			const nowTable = now?.[collection] as Table<unknown> | undefined;
			if (table === nowTable) continue;
			for (const [key, resource] of table.entries()) {
				if (GONE.has(stateOf(resource) ?? '')) continue;
				const later = nowTable?.get(key);
				if (later === undefined || GONE.has(stateOf(later) ?? '')) out.push({region, id: collection === 'keyPairs' ? keyName(resource, key) : key});
			}
		}
	}

	return out;
};

/** A key pair is kept by its KeyPairId: the learner knows it by its name. */
const keyName = (resource: unknown, key: string): string => {
	const name = (resource as {KeyName?: unknown}).KeyName;
	return typeof name === 'string' ? name : key;
};
