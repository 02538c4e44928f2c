import type {Session} from '../shell/session.js';
import {hourlyRate, totalCost} from '../sim/billing/pricing.js';
import type {AwsCheck, Check, CostCheck, HistoryCheck, ServesCheck, ShellCheck} from './check-schema.js';
import type {LessonDeps} from './deps.js';
import {isTruthy, jmespathSearch} from './jmes.js';
import type {Lesson} from './schema.js';
import {describeForCheck} from './check-command.js';
import {ranMet, sourceValues} from './ran.js';
import {firstBootAnswer} from '../guest/guest.js';
import {imageDisk} from '../sim/instances/disk.js';
import {expandVars} from './words.js';

// Goals are judged on STATE after every command, never on the typed text: a read-only describe
// of the world and a JMESPath query over it, the record of API calls, or the cost meter.

export type GoalContext = {
	session: Session;
	/** the lesson's vars, computed once after the setup */
	vars: Record<string, string>;
	/** the lesson's Region: where an aws check goes without its own region */
	region: string;
	deps: LessonDeps;
};

export type GoalStatus = {id: string; met: boolean};

const awsMet = (check: AwsCheck, ctx: GoalContext): boolean => {
	const answer = describeForCheck(check.aws, check.region ?? ctx.region, ctx);
	if (!answer.ok) return false;
	if (check.query === undefined) return true;
	try {
		return isTruthy(jmespathSearch(answer.data, expandVars(check.query, ctx.vars)));
	} catch {
		return false;
	}
};

const historyMet = ({history: want}: HistoryCheck, ctx: GoalContext): boolean =>
	ctx.session.history
		.flatMap(entry => entry.calls)
		.some(
			call =>
				(want.operation === undefined || call.operation === want.operation) &&
				(want.ok === undefined || call.ok === want.ok) &&
				(want.dryRun === undefined || call.dryRun === want.dryRun) &&
				(want.errorCode === undefined || call.errorCode === want.errorCode) &&
				(want.region === undefined || call.region === want.region),
		);

/** a thousandth of a cent: rounding noise, not a charge */
const EPSILON = 1e-5;

const costMet = ({cost}: CostCheck, ctx: GoalContext): boolean =>
	(cost.hourlyAtMost === undefined || hourlyRate(ctx.session.world) <= cost.hourlyAtMost + EPSILON) &&
	(cost.totalAtMost === undefined || totalCost(ctx.session.world) <= cost.totalAtMost + EPSILON);

const shellMet = (check: ShellCheck, ctx: GoalContext): boolean => {
	try {
		// On a copy: whatever the line does is thrown away, and the player's variables cannot hide the lesson's.
		// At the player's own prompt, even while they are logged in to an instance with ssh.
		const copy: Session = {...ctx.session, remote: undefined, remoteShell: undefined, vars: {...ctx.session.vars, ...ctx.vars}, history: []};
		const result = ctx.deps.runLine(copy, check.shell);
		return result.exitCode === (check.exitCode ?? 0) && (check.expect === undefined || result.stdout.includes(check.expect));
	} catch {
		return false;
	}
};

/** One of the images would serve the page by itself (its web server answers, with `expect` in the page): launched, booted once, nothing added (no user data, nothing by hand). */
const servesMet = ({serves}: ServesCheck, ctx: GoalContext): boolean => {
	const region = (typeof serves.image === 'object' && !Array.isArray(serves.image) ? serves.image.region : undefined) ?? ctx.region;
	const state = ctx.session.world.regions[region];
	if (!state) return false;
	return sourceValues(serves.image, ctx).some(id => {
		const image = state.images.get(id);
		const disk = image ? imageDisk(state, image) : undefined;
		if (!image || !disk) return false;
		const answer = firstBootAnswer(disk, serves.path ?? '/', serves.port ?? 80, {architecture: image.Architecture, virtualization: image.VirtualizationType});
		return 'status' in answer && (serves.expect === undefined || answer.body.includes(expandVars(serves.expect, ctx.vars)));
	});
};

export const evaluateCheck = (check: Check, ctx: GoalContext): boolean => {
	if ('all' in check) return check.all.every(c => evaluateCheck(c, ctx));
	if ('any' in check) return check.any.some(c => evaluateCheck(c, ctx));
	if ('not' in check) return !evaluateCheck(check.not, ctx);
	if ('aws' in check) return awsMet(check, ctx);
	if ('history' in check) return historyMet(check, ctx);
	if ('cost' in check) return costMet(check, ctx);
	if ('ran' in check) return ranMet(check, ctx);
	if ('serves' in check) return servesMet(check, ctx);
	return shellMet(check, ctx);
};

/**
 * Every goal of the lesson, met or not, in the lesson's order. A goal reflects the CURRENT state,
 * except a `sticky` one that was met before (in `metBefore`): it stays met.
 */
export const evaluateGoals = (lesson: Pick<Lesson, 'goals'>, ctx: GoalContext, metBefore: ReadonlySet<string> = new Set()): GoalStatus[] =>
	lesson.goals.map(goal => ({id: goal.id, met: (goal.sticky && metBefore.has(goal.id)) || evaluateCheck(goal.check, ctx)}));

/** A chapter is complete when every goal is met at the same time. */
export const allMet = (statuses: GoalStatus[]): boolean => statuses.length > 0 && statuses.every(s => s.met);
