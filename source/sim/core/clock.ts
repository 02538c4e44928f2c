// The virtual clock. Every command moves it on a little; waiters and `sleep` move it further.

/** The moment every fresh world starts at: the first morning of the school term. */
export const WORLD_START = Date.UTC(2026, 8, 1, 8, 0, 0);
/** How far one command moves the clock. */
export const COMMAND_TICK_MS = 10_000;
// How long things take, as AWS takes them: long enough that acting before they are done (launching
// from a pending image, logging in to a booting instance) is a mistake a learner can make; a
// waiter or `sleep` lets the time pass.
/** create-image: the image and its snapshots stay pending for five minutes (EC2: "several minutes"). */
export const IMAGE_PENDING_MS = 5 * 60_000;
/** copy-image within one Region: the new image is pending for six minutes. */
export const COPY_PENDING_MS = 6 * 60_000;
/** copy-image from another Region: eight minutes, still inside one run of `wait image-available` (10 minutes). */
export const CROSS_REGION_COPY_PENDING_MS = 8 * 60_000;
/** enabling or disabling block public access for AMIs takes effect after seven minutes (EC2: "up to 10 minutes") */
export const BLOCK_PUBLIC_ACCESS_CHANGE_MS = 7 * 60_000;
/** stopping and shutting-down last half a minute (three commands) */
export const TRANSITION_MS = 30_000;
/** an instance is pending for 40 seconds (four commands) before it runs and its system boots */
export const BOOT_MS = 40_000;
/** How often a waiter polls, and how many times (botocore waiters-2.json for EC2). */
export const WAITER_DELAY_MS = 15_000;
export const WAITER_MAX_ATTEMPTS = 40;

const pad = (n: number) => String(n).padStart(2, '0');

/** A model `timestamp` as AWS CLI v2 prints it: 2026-09-01T08:00:00+00:00 */
export const cliTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Image.CreationDate is a string in the model and keeps the wire form: 2026-09-01T08:00:00.000Z */
export const wireTimestamp = (ms: number): string => new Date(ms).toISOString();

/** "User initiated (2026-09-01 08:00:00 GMT)" */
export const gmtStamp = (ms: number): string => {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
};
