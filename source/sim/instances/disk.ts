import {produce} from 'immer';
import type {Disk, Instance, RegionState, World} from '../core/types.js';

// The disk an instance runs from, and the one way code outside the model changes it (a shell
// logged in over ssh writes files, installs packages, starts services).

/** The disk an instance runs from: its EBS root volume's, or its instance-store root. */
export const instanceDisk = (region: RegionState, instance: Instance): Disk | undefined => {
	if (instance.RootDeviceType === 'instance-store') return instance.ephemeralDisk;
	const root = instance.volumes.find(v => v.DeviceName === instance.RootDeviceName) ?? instance.volumes[0];
	return root ? region.volumes[root.VolumeId]?.disk : undefined;
};

/** A new world where `change` has been applied to the instance's disk (unchanged when it has none). */
export const changeInstanceDisk = (world: World, regionName: string, instanceId: string, change: (disk: Disk) => void): World =>
	produce(world, draft => {
		const region = draft.regions[regionName];
		const instance = region?.instances[instanceId];
		const disk = instance ? instanceDisk(region, instance) : undefined;
		if (disk) change(disk);
	});
