import type {Progress} from './schema.js';

// The progress file's version and a fresh, empty progress: plain values the UI needs at once,
// kept apart from the zod schema so the first frame does not load the validator.

export const PROGRESS_VERSION = 1;

export const emptyProgress = (): Progress => ({version: PROGRESS_VERSION, chapters: {}, histories: {}});
