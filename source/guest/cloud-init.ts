import type {GuestHook} from '../sim/core/guest-hook.js';
import type {Disk, Instance, World} from '../sim/core/types.js';
import {instanceDisk} from '../sim/instances/disk.js';
import {privateDnsName} from '../sim/instances/network.js';
import {keyPairByName} from '../sim/key-pairs/lookup.js';
import {bootDisk, haltDisk, loginUser, osFamily} from './guest.js';

// What happens inside an instance when it boots: the enabled services come up and, on the first
// boot, cloud-init installs the launch key and runs the user data. The engine is given this hook
// (built with `guestHook`); it calls it and never imports this code.

/** Runs a user data script as root on the disk (mutates it); returns what the script printed. */
export type UserDataRunner = (script: string, on: {disk: Disk; hostname: string; now: () => number}) => string;

const decodeBase64 = (text: string): string | undefined => {
	try {
		return Buffer.from(text, 'base64').toString('utf8');
	} catch {
		return undefined;
	}
};

/**
 * Runs at every boot of an instance (pending -> running, reboots; mutates the draft world): only
 * enabled services come up. On the first boot, cloud-init also puts the launch key's public key
 * into the login user's authorized_keys and runs the user data script as root.
 */
export const bootInstance = (runUserData: UserDataRunner, world: World, regionName: string, instance: Instance, firstBoot: boolean): void => {
	const region = world.regions[regionName];
	const disk = region ? instanceDisk(region, instance) : undefined;
	if (!disk) return;
	bootDisk(disk);
	if (!firstBoot) return;
	const user = loginUser(disk);
	const key = instance.KeyName ? keyPairByName(region, instance.KeyName) : undefined;
	if (user && key?.PublicKey) {
		const path = `/home/${user}/.ssh/authorized_keys`;
		const line = `${key.PublicKey.trim()} ${key.KeyName}\n`;
		if (!(disk.files[path] ?? '').includes(key.PublicKey.trim())) disk.files[path] = (disk.files[path] ?? '') + line;
	}

	const script = instance.UserData ? decodeBase64(instance.UserData) : undefined;
	if (!script || osFamily(disk) === 'windows') return;
	// cloud-init runs user data only when it is a script (#!) or a cloud-config; we run scripts
	if (!script.startsWith('#!')) return;
	const hostname = privateDnsName(regionName, instance.PrivateIpAddress).split('.')[0];
	disk.files['/var/log/cloud-init-output.log'] = runUserData(script, {disk, hostname, now: () => world.clock});
};

/** The hook the engine is given: boots and shutdowns of the guest operating system. */
export const guestHook = (runUserData: UserDataRunner): GuestHook => ({
	boot: (world, regionName, instance, firstBoot) => bootInstance(runUserData, world, regionName, instance, firstBoot),
	halt(world, regionName, instance) {
		const region = world.regions[regionName];
		const disk = region ? instanceDisk(region, instance) : undefined;
		if (disk) haltDisk(disk);
	},
});
