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

export type StatusParts = {region: string; clock: string; score?: number; cost: string; hints?: number; /** state-changing AWS calls so far and the chapter's par */ par?: {used: number; par: number}};

export const statusParts = (session: Session, score: number | undefined, hints: number | undefined, par?: {used: number; par: number}): StatusParts => ({
	region: session.region,
	clock: clockText(session.world.clock),
	score,
	cost: formatCost(costMeter(session.world)),
	hints,
	par,
});

/**
 * The status bar's text, fitted to `width` columns when given: the clock loses its date, then
 * goes, before anything about the score is cut.
 */
export const statusText = (parts: StatusParts, width = Number.POSITIVE_INFINITY): string => {
	const join = (clock: string | undefined) =>
		[
			parts.region,
			clock,
			parts.score === undefined ? undefined : `score ${parts.score}`,
			parts.cost,
			parts.par === undefined ? undefined : `cmds ${parts.par.used}/par ${parts.par.par}`,
			parts.hints === undefined ? undefined : `hints ${parts.hints}`,
		]
			.filter(Boolean)
			.join(' · ');
	const variants = [join(parts.clock), join(parts.clock.split(' ').at(-1)), join(undefined)];
	return variants.find(v => v.length <= width) ?? variants.at(-1)!;
};

/** Everything a front shows around the prompt, for one play. */
export type PlayView = {status: StatusParts; /** the status bar as one line, fitted to `width` */ statusLine: string; pending: PendingItem[]; goals: GoalStatus[]};

export const playView = (engine: GameEngine, state: GameState, width?: number): PlayView => {
	const session = engine.session(state.play);
	const status = statusParts(session, state.sandbox ? undefined : engine.runningScore(state.play), state.sandbox ? undefined : engine.hintsUsed(state.play), state.sandbox ? undefined : engine.par(state.play));
	return {
		status,
		statusLine: statusText(status, width),
		pending: pendingItems(session.world),
		goals: state.sandbox ? [] : engine.goals(state.play),
	};
};

export type {PendingItem} from '../sim/core/pending.js';
