import v8 from 'node:v8';

// V8's garbage collector tuned for a long game session, set at run time (no second process, no
// NODE_OPTIONS): the game's memory is small (about 15 MB of live objects after 1,000 commands) but
// each command makes a new immutable state and a new save of progress, so with V8's defaults the
// young generation grows to 32 MB and the old one to about four times what is live before a full
// collection: a peak of 140 MB or more for 1,000 commands. `npm run bench` (scripts/bench-terminal.ts)
// measures the peak with and without these settings.
//
// - the young generation stays at its first size (its semi-spaces are not grown), so short-lived
//   garbage is collected where it is made;
// - the old generation may grow by a quarter of what is live before the next full collection
//   (instead of up to four times), which stays incremental and concurrent for heaps this small.
//
// Both flags are read by V8 each time it decides, so setting them after start-up takes effect; the
// semi-space sizes themselves (--max-semi-space-size) are fixed at start-up and would do nothing.
// V8 prints an error for a flag it does not know (on the game's screen): the flags are set only on
// the V8 versions checked to have them (Node 20, 22 and 24: V8 11 to 13), and not when the player
// set either flag themselves (NODE_OPTIONS or node's own arguments).

export const LONG_SESSION_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=25'];

/** The V8 versions whose flags were checked (their major numbers). */
const CHECKED_V8 = {from: 11, to: 13};

const nameOf = (flag: string) => flag.replace(/=.*$/, '');

/** The flags to set, or none: the V8 version is one checked, and none of them was set by hand. */
export const flagsToSet = (v8Version: string, execArgv: readonly string[], nodeOptions: string | undefined): string[] => {
	const major = Number(/^(\d+)\./.exec(v8Version)?.[1]);
	if (!(major >= CHECKED_V8.from && major <= CHECKED_V8.to)) return [];
	const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map(arg => nameOf(arg).replaceAll('_', '-'));
	return LONG_SESSION_FLAGS.filter(flag => !given.includes(nameOf(flag)));
};

/** Tunes the collector for the interactive game (the Ink UI, the plain line mode); AMI_SCHOOL_V8_DEFAULTS=1 keeps V8's own settings. */
export const tuneForLongSession = (): void => {
	if (process.env.AMI_SCHOOL_V8_DEFAULTS === '1') return;
	for (const flag of flagsToSet(process.versions.v8, process.execArgv, process.env.NODE_OPTIONS)) v8.setFlagsFromString(flag);
};
