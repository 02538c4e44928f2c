import type {Instance, World} from './types.js';

// What runs inside an instance is not the model's business: the operating system on its disk
// (services, packages, cloud-init) lives in source/guest. The engine is given this hook and calls
// it when an instance boots or shuts down; the model never imports guest code.

export type GuestHook = {
	/**
	 * An instance boots (pending -> running, a reboot, create-image's reboot). `firstBoot` is the
	 * launch's first boot, when cloud-init runs. Mutates the draft world (the instance's disk).
	 */
	boot(world: World, regionName: string, instance: Instance, firstBoot: boolean): void;
	/** An instance shuts down (stop, terminate): nothing on its disk runs any more. Mutates the draft. */
	halt(world: World, regionName: string, instance: Instance): void;
};

/** A world whose instances run nothing (tests of the model alone, the benchmark's model timing). */
export const NO_GUEST: GuestHook = {
	boot() {},
	halt() {},
};
