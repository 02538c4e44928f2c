// What a learner did in one run of a chapter, in order: the lines typed, the hints taken, the
// solution shown, undo, quiz answers, and where the game was resumed (which empties the undo
// stack). The game model is deterministic, so replaying these inputs against the lesson gives the
// goals, par, score and stars again (source/game/rerun.ts): a figure in a progress file or report
// that its own inputs do not give was not earned. No zod here: the UI's first frame imports it
// (through model.ts); run-log-schema.ts checks a log read from a file. `at`: when, in ms since 1970 (wall clock, for
// the time spent; never used by the replay, and not provable).

export const RUN_LOG_LIMIT = 5000;
/** a line typed at the prompt: longer ones are not typed, and a log of them is not replayed */
export const RUN_LINE_LIMIT = 16 * 1024;

export type RunEntry =
	| {t: 'start' | 'hint' | 'solution' | 'undo' | 'resume' | 'overflow'; at?: number}
	| {t: 'line'; line: string; at?: number}
	| {t: 'quiz'; q: number; choice: number; at?: number};
export type RunLog = RunEntry[];

/** A log as saved by the game (the shape only: run-log-schema.ts checks a file handed in). */
export const isRunLog = (value: unknown): value is RunLog =>
	Array.isArray(value) && value.length <= RUN_LOG_LIMIT + 1 && value.every(e => e !== null && typeof e === 'object' && typeof (e as {t?: unknown}).t === 'string');

/** Appends an entry, or the overflow mark once the log is full (or the line too long to keep). */
export const appendEntry = (log: RunLog, entry: RunEntry): RunLog => {
	if (log.length >= RUN_LOG_LIMIT || (entry.t === 'line' && entry.line.length > RUN_LINE_LIMIT)) return log.at(-1)?.t === 'overflow' ? log : [...log, {t: 'overflow', at: entry.at}];
	return [...log, entry];
};

/** A pause longer than this is not counted as time spent (the learner was away). */
export const IDLE_MS = 5 * 60 * 1000;

/** Time spent in a run: the gaps between its entries, each at most IDLE_MS, none before a resume. */
export const timeSpent = (log: RunLog): number => {
	let total = 0;
	let last: number | undefined;
	for (const entry of log) {
		if (entry.at === undefined) continue;
		// the time away before the game was resumed does not count
		if (last !== undefined && entry.at > last && entry.t !== 'resume') total += Math.min(entry.at - last, IDLE_MS);
		last = entry.at;
	}

	return total;
};

/** "1 h 05 min", "12 min 30 s", "45 s". */
export const formatDuration = (ms: number): string => {
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	const m = Math.floor(s / 60);
	if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
	return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
};
