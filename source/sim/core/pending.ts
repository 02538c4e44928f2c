import type {World} from './types.js';

// What is on its way in the world: resources in a transitional state (pending image or
// snapshot, booting, stopping or terminating instance), read from the settle schedule.

export type PendingItem = {id: string; region: string; text: string};

/** Everything in a transitional state (pending image, booting instance...), soonest first. */
export const pendingItems = (world: World): PendingItem[] => {
	const items: Array<PendingItem & {at: number}> = [];
	const seen = new Set<string>();
	for (const entry of [...world.schedule].sort((a, b) => a.at - b.at)) {
		const region = world.regions[entry.region];
		if (!region || seen.has(entry.id)) continue;
		let state: string | undefined;
		if (entry.kind === 'image') state = region.images[entry.id]?.State;
		else if (entry.kind === 'snapshot') state = region.snapshots[entry.id]?.State;
		else state = region.instances[entry.id]?.State;
		if (state !== 'pending' && state !== 'stopping' && state !== 'shutting-down') continue;
		seen.add(entry.id);
		items.push({id: entry.id, region: entry.region, text: `${entry.id} ${state} (${entry.region})`, at: entry.at});
	}

	return items.map(({at: _at, ...item}) => item);
};
