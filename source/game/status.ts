import {pendingItems, type PendingItem} from '../sim/core/pending.js';
import {costMeter, formatCost} from './commands.js';
import type {GameState} from './play.js';
import type {GameEngine, GoalStatus, Session} from './port.js';

// View models of a play for the fronts: the status bar, the pending items (spinners), the goals.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The virtual clock as `Tue 1 Sep 08:00:10` (UTC). */
export const clockText = (ms: number): string => {
	const d = new Date(ms);
	return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

export type StatusParts = {
	region: string;
	clock: string;
	score?: number;
	cost: string;
	hints?: number;
	/** state-changing AWS calls so far and the chapter's par */
	par?: {used: number; par: number};
	/** the chapter's number (none: the sandbox) */
	chapter?: number;
	/** goals met of the chapter's goals */
	goals?: {met: number; total: number};
	/** the front's own word at the end (the key that shows the world) */
	note?: string;
};

export const statusParts = (session: Session, score: number | undefined, hints: number | undefined, par?: {used: number; par: number}): StatusParts => ({
	region: session.region,
	clock: clockText(session.world.clock),
	score,
	cost: formatCost(costMeter(session.world)),
	hints,
	par,
});

/** A field of the status bar: its wordings, longest first; `drop`: the order optional fields go in (none: always kept). */
type Field = {words: string[]; drop?: number};

const fieldsOf = (parts: StatusParts): Field[] => {
	const time = parts.clock.split(' ').at(-1) ?? parts.clock;
	const total = parts.cost.split(' ')[0];
	const fields: Array<Field | undefined> = [
		parts.chapter === undefined ? {words: ['Sandbox']} : {words: [`Chapter ${parts.chapter}`, `Ch ${parts.chapter}`]},
		parts.goals && {words: [`goals ${parts.goals.met}/${parts.goals.total}`, `✓${parts.goals.met}/${parts.goals.total}`]},
		parts.par && {words: [`cmds ${parts.par.used}/par ${parts.par.par}`, `${parts.par.used}/${parts.par.par} cmds`]},
		{words: [parts.clock, time, time.slice(0, 5)]},
		{words: [parts.region], drop: 4},
		parts.score === undefined ? undefined : {words: [`score ${parts.score}`, `${parts.score} pts`], drop: 3},
		{words: [parts.cost, total], drop: 2},
		parts.hints === undefined ? undefined : {words: [`hints ${parts.hints}`, `${parts.hints} hints`], drop: 1},
		parts.note ? {words: [parts.note], drop: 5} : undefined,
	];
	return fields.filter((f): f is Field => f !== undefined);
};

/**
 * The status bar's text, fitted to `width` columns when given. The chapter, its goals, the
 * commands against par and the clock are always there: every field's words get shorter first,
 * then the others go (hints, the cost, the score, the Region, the front's note).
 */
export const statusText = (parts: StatusParts, width = Number.POSITIVE_INFINITY): string => {
	const fields = fieldsOf(parts);
	const line = (level: number, dropped: number) =>
		fields
			.filter(f => f.drop === undefined || f.drop > dropped)
			.map(f => f.words[Math.min(level, f.words.length - 1)])
			.join(' · ');
	const levels = Math.max(...fields.map(f => f.words.length));
	const candidates: string[] = [];
	for (let level = 0; level < levels; level++) candidates.push(line(level, 0));
	for (let dropped = 1; dropped <= 5; dropped++) candidates.push(line(levels - 1, dropped));
	return candidates.find(v => [...v].length <= width) ?? candidates.at(-1)!;
};

/** Everything a front shows around the prompt, for one play. */
export type PlayView = {status: StatusParts; /** the status bar as one line, fitted to `width` */ statusLine: string; pending: PendingItem[]; goals: GoalStatus[]};

export const playView = (engine: GameEngine, state: GameState, width?: number, note?: string): PlayView => {
	const session = engine.session(state.play);
	const goals = state.sandbox ? [] : engine.goals(state.play);
	const chapter = engine.chapters().find(c => c.id === state.play.chapterId);
	const status: StatusParts = {
		...statusParts(session, state.sandbox ? undefined : engine.runningScore(state.play), state.sandbox ? undefined : engine.hintsUsed(state.play), state.sandbox ? undefined : engine.par(state.play)),
		chapter: state.sandbox ? undefined : chapter?.order,
		goals: state.sandbox ? undefined : {met: goals.filter(g => g.met).length, total: goals.length},
		note,
	};
	return {
		status,
		statusLine: statusText(status, width),
		pending: pendingItems(session.world),
		goals,
	};
};

export type {PendingItem} from '../sim/core/pending.js';
