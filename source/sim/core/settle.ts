import {current, isDraft, isModified, original} from 'immer';
import {startBilling} from '../billing/pricing.js';
import {bootGuest} from '../instances/disk.js';
import type {GuestHook} from './guest-hook.js';
import type {Scheduled, World} from './types.js';

// Moves the (draft) world's clock to `until`, applying every scheduled state change in time
// order. Only the schedule is read, so a world of thousands of resources settles in O(changes).

/** Puts a state change on the schedule (an op calls this when it leaves something transitional). */
export const schedule = (world: World, item: Scheduled): void => {
	world.schedule.push(item);
};

const apply = (world: World, item: Scheduled, guest: GuestHook): void => {
	const region = world.regions[item.region];
	if (!region) return;
	switch (item.kind) {
		case 'image': {
			const image = region.images.get(item.id);
			if (image?.State === 'pending') {
				image.State = 'available';
				image.readyAt = undefined;
			}

			break;
		}

		case 'snapshot': {
			const snapshot = region.snapshots.get(item.id);
			if (snapshot?.State === 'pending') {
				snapshot.State = 'completed';
				snapshot.readyAt = undefined;
			}

			break;
		}

		case 'block-public-access': {
			if (item.id === 'unblocked' || item.id === 'block-new-sharing') region.imageBlockPublicAccess = item.id;
			break;
		}

		case 'instance': {
			const instance = region.instances.get(item.id);
			if (!instance || instance.transitionAt !== item.at) break;
			instance.transitionAt = undefined;
			if (instance.State === 'pending') {
				instance.State = 'running';
				instance.StateReason = undefined;
				startBilling(instance.billing, item.at);
				const firstBoot = !instance.booted;
				instance.booted = true;
				bootGuest(guest, world, item.region, instance, firstBoot);
			} else if (instance.State === 'stopping') {
				instance.State = 'stopped';
			} else if (instance.State === 'shutting-down') {
				instance.State = 'terminated';
			}

			break;
		}
	}
};

/** The schedule as plain items: read through a draft, every item read would become a proxy. */
const plainSchedule = (world: World): Scheduled[] => {
	const list = world.schedule;
	if (!isDraft(list)) return list;
	return isModified(list) ? current(list) : original(list)!;
};

export const settle = (world: World, until: number, guest: GuestHook): void => {
	for (;;) {
		const list = plainSchedule(world);
		let index = -1;
		for (let i = 0; i < list.length; i++) {
			const at = list[i].at;
			if (at <= until && (index === -1 || at < list[index].at)) index = i;
		}

		if (index === -1) break;
		const item = list[index];
		world.schedule = list.filter((_, i) => i !== index);
		world.clock = Math.max(world.clock, item.at);
		apply(world, item, guest);
	}

	world.clock = Math.max(world.clock, until);
};

