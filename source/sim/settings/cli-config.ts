import {produce} from 'immer';
import type {World} from '../core/types.js';

// The sandbox's own AWS CLI configuration: what `aws configure set` writes and `aws configure
// get`/`list` read, profile by profile, as the real CLI keeps it in ~/.aws/config. It lives in the
// world (so in the sandbox file and the game's session, and `undo` takes it back) and never touches
// the learner's real ~/.aws files. A world that never ran `configure set` has one profile,
// `default`, whose region is the sandbox's default Region.

export type CliConfig = {profiles: Record<string, Record<string, string>>};

export const DEFAULT_PROFILE = 'default';

/** The configuration, with `defaultRegion` as the default profile's region until one is set. */
export const cliConfig = (world: World, defaultRegion: string): CliConfig =>
	world.cliConfig ?? {profiles: {[DEFAULT_PROFILE]: {region: defaultRegion}}};

/** A profile's settings, or undefined when no such profile is configured. */
export const profileSettings = (world: World, defaultRegion: string, profile: string): Record<string, string> | undefined => {
	const profiles = cliConfig(world, defaultRegion).profiles;
	return Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
};

/** Own entries only: a name such as `__proto__` or `toString` is a plain name here, as in ~/.aws/config. */
const withEntry = <T>(record: Record<string, T>, key: string, value: T): Record<string, T> =>
	Object.fromEntries(Object.hasOwn(record, key)
		? Object.entries(record).map(([k, v]) => [k, k === key ? value : v])
		: [...Object.entries(record), [key, value]]);

/**
 * `aws configure set <name> <value> [--profile p]`: the world with the setting written. Built with
 * Object.fromEntries, so every name (`__proto__` too) becomes an own key, never a prototype.
 */
export const setCliConfigValue = (world: World, defaultRegion: string, profile: string, name: string, value: string): World => {
	const {profiles} = cliConfig(world, defaultRegion);
	const settings = Object.hasOwn(profiles, profile) ? profiles[profile] : {};
	const next = {profiles: withEntry(profiles, profile, withEntry(settings, name, value))};
	return produce(world, draft => {
		draft.cliConfig = next;
	});
};
