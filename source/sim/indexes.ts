import {BY_TAG} from './core/filters.js';
import type {Index} from './core/table.js';
import type {RegionState, World} from './core/types.js';
import {IMAGE_INDEXES} from './images/filters.js';
import {INSTANCE_INDEXES} from './instances/describe.js';
import {BY_PRIVATE_IP, BY_PUBLIC_IP} from './instances/network.js';
import {KEY_PAIRS_BY_NAME} from './key-pairs/lookup.js';
import {SNAPSHOT_INDEXES, VOLUME_INDEXES} from './storage/operations.js';

// Every index the model keeps, by the collection it indexes (each family defines its own). An
// index is built the first time it is asked (a scan of its collection, once); `warmIndexes` builds
// them all at once, for a long-lived process that has just read a big world.

const tagged = BY_TAG as Index<never>;

export const INDEXES: {[K in 'images' | 'instances' | 'volumes' | 'snapshots' | 'keyPairs']: Array<Index<never>>} = {
	images: [...Object.values(IMAGE_INDEXES), tagged] as Array<Index<never>>,
	instances: [...Object.values(INSTANCE_INDEXES), BY_PRIVATE_IP, BY_PUBLIC_IP, tagged] as Array<Index<never>>,
	volumes: [...Object.values(VOLUME_INDEXES), tagged] as Array<Index<never>>,
	snapshots: [...Object.values(SNAPSHOT_INDEXES), tagged] as Array<Index<never>>,
	keyPairs: [KEY_PAIRS_BY_NAME] as Array<Index<never>>,
};

/** Builds every index of every Region's collections now, rather than at its first use. */
export const warmIndexes = (world: World): void => {
	for (const region of Object.values(world.regions)) {
		for (const [collection, indexes] of Object.entries(INDEXES) as Array<[keyof typeof INDEXES, Array<Index<never>>]>) {
			const table = (region as RegionState)[collection];
			for (const index of indexes) table.ids(index as never, '');
		}
	}
};
