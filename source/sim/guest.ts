import type {Disk, Instance, World} from './types.js';

// The simulated guest operating system: what is installed and running on an instance's disk.

export const emptyDisk = (os: string): Disk => ({os, packages: [], services: {}, files: {}});

/** Runs once when an instance first reaches `running`: executes its user data script. */
export const runFirstBoot = (_world: World, _region: string, _instance: Instance): void => {
	// User data execution arrives with the in-instance shell (curriculum issue).
};
