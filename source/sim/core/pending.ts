import type {World} from './types.js';

// What is on its way in the world: resources in a transitional state (pending image or
// snapshot, booting, stopping or terminating instance, a block public access change not yet in
// force), read from the settle schedule.

export type PendingItem = {id: string; region: string; text: string};

/** Everything in a transitional state (pending image, booting instance...), soonest first. */
export const pendingItems = (world: World): PendingItem[] => {
	const items: Array<PendingItem & {at: number}> = [];
	const seen = new Set<string>();
	for (const entry of [...world.schedule].sort((a, b) => a.at - b.at)) {
		const region = world.regions[entry.region];
		if (!region || seen.has(entry.id)) continue;
		if (entry.kind === 'block-public-access') {
			// a change of the Region's block public access for AMIs, not yet in force
			items.push({id: `block-public-access:${entry.region}`, region: entry.region, text: `block public access for AMIs becoming ${entry.id} (${entry.region})`, at: entry.at});
			continue;
		}

		let state: string | undefined;
		if (entry.kind === 'image') state = region.images.get(entry.id)?.State;
		else if (entry.kind === 'snapshot') state = region.snapshots.get(entry.id)?.State;
		else state = region.instances.get(entry.id)?.State;
		if (state !== 'pending' && state !== 'stopping' && state !== 'shutting-down') continue;
		seen.add(entry.id);
		items.push({id: entry.id, region: entry.region, text: `${entry.id} ${state} (${entry.region})`, at: entry.at});
	}

	return items.map(({at: _at, ...item}) => item);
};
