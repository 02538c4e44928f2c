import {produce} from 'immer';
import type {GuestHook} from '../core/guest-hook.js';
import type {Disk, Image, Instance, RegionState, World} from '../core/types.js';

// The disk an instance runs from, and the one way code outside the model changes it (a shell
// logged in over ssh writes files, installs packages, starts services).

/** The disk an instance runs from: its EBS root volume's, or its instance-store root. */
export const instanceDisk = (region: RegionState, instance: Instance): Disk | undefined => {
	if (instance.RootDeviceType === 'instance-store') return instance.ephemeralDisk;
	const root = instance.volumes.find(v => v.DeviceName === instance.RootDeviceName) ?? instance.volumes[0];
	return root ? region.volumes.get(root.VolumeId)?.disk : undefined;
};

/**
 * What an image itself holds: the disk a computer launched from it starts with (its root
 * snapshot's, or the instance-store template), before user data or anything done by hand.
 */
export const imageDisk = (region: RegionState, image: Image): Disk | undefined => {
	if (image.RootDeviceType === 'instance-store') return image.disk;
	const root = image.BlockDeviceMappings.find(m => m.DeviceName === image.RootDeviceName) ?? image.BlockDeviceMappings.find(m => m.Ebs?.SnapshotId);
	const snapshotId = root?.Ebs?.SnapshotId;
	return snapshotId ? region.snapshots.get(snapshotId)?.disk : undefined;
};

/** The disk an instance started with: its image's, else the snapshot its root volume was made from (the image may be gone). */
export const launchDisk = (region: RegionState, instance: Instance): Disk | undefined => {
	const image = region.images.get(instance.ImageId);
	const fromImage = image ? imageDisk(region, image) : undefined;
	if (fromImage || instance.RootDeviceType === 'instance-store') return fromImage;
	const root = instance.volumes.find(v => v.DeviceName === instance.RootDeviceName) ?? instance.volumes[0];
	const snapshotId = root ? region.volumes.get(root.VolumeId)?.SnapshotId : undefined;
	return snapshotId ? region.snapshots.get(snapshotId)?.disk : undefined;
};

/** A new world where `change` has been applied to the instance's disk (unchanged when it has none). */
export const changeInstanceDisk = (world: World, regionName: string, instanceId: string, change: (disk: Disk) => void): World =>
	produce(world, draft => {
		const region = draft.regions[regionName];
		const instance = region?.instances.get(instanceId);
		const disk = instance ? instanceDisk(region, instance) : undefined;
		if (disk) change(disk);
	});

/**
 * Boots an instance (mutates the draft): a disk only boots as what it was built for. An x86_64 HVM
 * system registered as i386, arm64 or paravirtual finds no boot loader or kernel it can run, so
 * EC2 shows the instance running and nothing on it answers (bootFailed).
 */
export const bootGuest = (guest: GuestHook, world: World, regionName: string, instance: Instance, firstBoot: boolean): void => {
	const region = world.regions[regionName];
	const made = region ? instanceDisk(region, instance)?.madeFor : undefined;
	const failed = made !== undefined && (made.architecture !== instance.Architecture || made.virtualization !== (instance.VirtualizationType ?? 'hvm'));
	if (failed) {
		instance.bootFailed = true;
		guest.halt(world, regionName, instance);
		return;
	}

	if (instance.bootFailed) delete instance.bootFailed;
	guest.boot(world, regionName, instance, firstBoot);
};
