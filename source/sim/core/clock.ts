// The virtual clock. Every command moves it on a little; waiters and `sleep` move it further.

/** The moment every fresh world starts at: the first morning of the school term. */
export const WORLD_START = Date.UTC(2026, 8, 1, 8, 0, 0);
/** How far one command moves the clock. */
export const COMMAND_TICK_MS = 10_000;
/** How long a new or copied image stays pending (three further commands at one tick each). */
export const IMAGE_PENDING_MS = 35_000;
/** stopping / shutting-down last one further command */
export const TRANSITION_MS = 15_000;
/** an instance boots by the next command */
export const BOOT_MS = 5_000;
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
