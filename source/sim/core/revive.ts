import {Table} from './table.js';
import type {RegionState, World} from './types.js';

// A world read back from JSON (the sandbox file, saved progress) holds its resource collections as
// plain objects by id, the JSON form of a table: they become tables again here, in their order.

const COLLECTIONS = ['images', 'instances', 'volumes', 'snapshots', 'keyPairs', 'securityGroups'] as const satisfies ReadonlyArray<keyof RegionState>;

/** The world a checked JSON value (sandbox/world-check.ts) describes, with tables for its collections. */
export const reviveWorld = (value: unknown): World => {
	const world = value as World;
	const regions: Record<string, RegionState> = {};
	for (const [name, region] of Object.entries(world.regions)) {
		const revived = {...region};
		for (const collection of COLLECTIONS) {
			const held = region[collection] as unknown;
			(revived as Record<string, unknown>)[collection] = held instanceof Table ? held : Table.from(held as Record<string, never>);
		}

		regions[name] = revived;
	}

	return {...world, regions};
};
