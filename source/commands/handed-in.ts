import {createHash} from 'node:crypto';
import {z} from 'zod';
import {visible} from '../lessons/control-chars.js';
import {fsReason} from '../sandbox/fs-words.js';
import {chapterScore} from '../lessons/chapter.js';
import {score as scoreOf} from '../lessons/scoring.js';
import {lessonHashes, type LessonHash, type LoadedPack} from '../lessons/pack.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {rerun, type Rerun} from '../game/rerun.js';
import {replay} from '../game/replay.js';
import {LEARNER_MAX} from '../progress/learner.js';
import {EXPORT_FORMAT, exportSchema, REPORT_FORMAT, type ProgressExport} from '../progress/exchange.js';
import type {ChapterProgress} from '../progress/schema.js';
import {RUN_LINE_LIMIT, RUN_LOG_LIMIT, type RunLog} from '../progress/run-log.js';
import {formatBytes, readBounded, TooLarge} from '../sandbox/read-bounded.js';
import type {PlayReport} from './play.js';

// Files a learner hands in (progress exports, `play --script --report json` reports): read with
// a size cap, validated, and checked against the lessons: every figure must be within what the
// lesson allows, and the commands the file recorded, replayed, must give its figures again.
// Whatever is shown from a file goes through `visible` (no terminal escapes).

/** A progress export of every chapter with long runs stays far below this; a 10 MB name does not. */
export const HANDED_IN_MAX_BYTES = 8 * 1024 * 1024;

/** A file's text, read with the cap; a message for the user when it cannot be. */
export const readHandedIn = (file: string): {text?: string; error?: string} => {
	try {
		return {text: readBounded(file, HANDED_IN_MAX_BYTES).toString('utf8')};
	} catch (error) {
		if (error instanceof TooLarge) return {error: `${visible(file)} is larger than ${formatBytes(HANDED_IN_MAX_BYTES)}: not a file AMI School writes`};
		return {error: `cannot read ${visible(file)}: ${fsReason(error)}`};
	}
};

const reportSchema = z.looseObject({
	format: z.literal(REPORT_FORMAT).optional(),
	game: z.object({name: z.string().max(100), version: z.string().max(100)}).optional(),
	pack: z.object({id: z.string().min(1).max(200), name: z.string().max(500), mode: z.enum(['add', 'replace'])}).optional(),
	learner: z.string().max(LEARNER_MAX, `a name of at most ${LEARNER_MAX} characters`).optional(),
	chapter: z.string().regex(/^[a-z0-9-]+$/, 'a chapter id').max(200),
	title: z.string().max(1000),
	completed: z.boolean(),
	goals: z.array(z.object({id: z.string().max(200), text: z.string().max(2000), met: z.boolean()})).max(200),
	score: z.looseObject({total: z.number().int(), stars: z.number().int().min(0).max(3), quiz: z.number().int().optional(), hints: z.number().int().optional()}),
	steps: z.array(z.looseObject({line: z.string().max(RUN_LINE_LIMIT)})).max(RUN_LOG_LIMIT),
	unfinished: z.string().max(RUN_LINE_LIMIT).optional(),
	lessonFiles: z.array(z.object({chapter: z.string(), file: z.string(), sha256: z.string()})).max(1000).optional(),
});

export type HandedIn = {kind: 'progress'; data: ProgressExport} | {kind: 'report'; data: PlayReport};

const zodProblems = (file: string, what: string, issues: z.core.$ZodIssue[]) =>
	`${visible(file)} is not a valid ${what}:\n${issues
		.slice(0, 5)
		.map(i => `  ${visible(i.path.map(String).join('.')) || '(the file)'}: ${visible(i.message)}`)
		.join('\n')}${issues.length > 5 ? `\n  … and ${issues.length - 5} more` : ''}`;

/** A file's text as a progress export or a report; a message when it is neither. */
export const parseHandedIn = (file: string, text: string): HandedIn | {error: string} => {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return {error: `${visible(file)} is not a progress export or report: it is not JSON`};
	}

	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {error: `${visible(file)} is not a progress export or report`};
	const format = (raw as {format?: unknown}).format;
	if (format === EXPORT_FORMAT) {
		const parsed = exportSchema.safeParse(raw);
		return parsed.success ? {kind: 'progress', data: parsed.data} : {error: zodProblems(file, 'progress export', parsed.error.issues)};
	}

	if (format === REPORT_FORMAT || (format === undefined && 'steps' in raw && 'chapter' in raw)) {
		const parsed = reportSchema.safeParse(raw);
		return parsed.success ? {kind: 'report', data: parsed.data as unknown as PlayReport} : {error: zodProblems(file, 'report', parsed.error.issues)};
	}

	return {error: `${visible(file)} is not an AMI School progress export or report (no "format": "${EXPORT_FORMAT}" or "${REPORT_FORMAT}")`};
};

/** The lesson pack a file was played with, as one short hash of its lesson files' hashes. */
export const packHash = (files: readonly LessonHash[] | undefined): string =>
	files === undefined || files.length === 0
		? '-'
		: createHash('sha256')
				.update(
					[...files]
						.sort((a, b) => a.chapter.localeCompare(b.chapter))
						.map(f => `${f.chapter} ${f.sha256}`)
						.join('\n'),
				)
				.digest('hex')
				.slice(0, 12);

/** The most a chapter can give: every goal, the whole par bonus, every quiz answer right, no hint. */
export const limitsOf = (lesson: LoadedLesson): {score: number; hints: number} => ({
	score: scoreOf({completed: true, solutionShown: false, goalPoints: lesson.goals.reduce((n, g) => n + g.points, 0), par: Number.MAX_SAFE_INTEGER, changes: 0, failedLines: 0, hintTiers: lesson.goals.map(() => 0), quizCorrect: lesson.quiz.length, quizTotal: lesson.quiz.length}).total,
	hints: lesson.goals.reduce((n, g) => n + g.hints.length, 0),
});

/** What a chapter of a file claims, and what its own commands give. */
export type ChapterCheck = {
	chapter: string;
	lesson?: LoadedLesson;
	claimed: {completed: boolean; score: number; stars: number; hints: number; quiz?: number; goalsMet?: number};
	/** the replay of its commands (the run that scored best) */
	rerun?: Rerun;
	verdict: 'verified' | 'does not match its own commands' | 'above what the lesson allows' | 'no commands recorded' | 'not a chapter of this pack' | 'not played';
	/** what differs, in words */
	details: string[];
	/** the file's lesson file for this chapter is not the instructor's */
	lessonChanged: boolean;
	startedAt?: string;
	finishedAt?: string;
	timeSpentMs?: number;
};

const hashOf = (files: readonly LessonHash[] | undefined, chapter: string) => files?.find(f => f.chapter === chapter)?.sha256;

const differences = (claimed: ChapterCheck['claimed'], got: {completed: boolean; score: number; stars: number; hints: number}): string[] => {
	const out: string[] = [];
	if (claimed.completed !== got.completed) out.push(`says ${claimed.completed ? 'complete' : 'not complete'}, its commands ${got.completed ? 'complete it' : 'do not complete it'}`);
	if (claimed.score !== got.score) out.push(`says score ${claimed.score}, its commands give ${got.score}`);
	if (claimed.stars !== got.stars) out.push(`says ${claimed.stars} stars, its commands give ${got.stars}`);
	if (claimed.hints !== got.hints) out.push(`says ${claimed.hints} hints, its commands took ${got.hints}`);
	return out;
};

const overLimits = (lesson: LoadedLesson, record: {status: string; bestScore: number; stars: number; hintsUsed: number}): string[] => {
	const limits = limitsOf(lesson);
	const out: string[] = [];
	if (record.bestScore > limits.score) out.push(`a score of ${record.bestScore}, above the ${limits.score} this chapter can give`);
	if (record.bestScore < 0) out.push(`a score of ${record.bestScore}, below 0`);
	if (record.hintsUsed > limits.hints) out.push(`${record.hintsUsed} hints, more than the ${limits.hints} this chapter has`);
	if (record.status !== 'done' && (record.stars > 0 || record.bestScore > 0)) out.push(`${record.stars} stars and a score of ${record.bestScore} on a chapter that is not done`);
	return out;
};

const rerunOf = (lesson: LoadedLesson, log: RunLog) => rerun(lesson, log);

/** One chapter of a progress export, checked against the lesson and its own commands. */
export const checkProgressChapter = (pack: LoadedPack, files: readonly LessonHash[], id: string, record: ChapterProgress): ChapterCheck => {
	const lesson = pack.lessons.find(l => l.id === id);
	const claimed = {completed: record.status === 'done', score: record.bestScore, stars: record.stars, hints: record.hintsUsed};
	const base = {chapter: id, lesson, claimed, startedAt: record.startedAt, finishedAt: record.finishedAt, timeSpentMs: record.timeSpentMs, details: [] as string[]};
	if (!lesson) return {...base, verdict: 'not a chapter of this pack', lessonChanged: false};
	const lessonChanged = hashOf(files, id) !== undefined && hashOf(files, id) !== lessonSha(pack, id);
	const over = overLimits(lesson, record);
	if (over.length > 0) return {...base, verdict: 'above what the lesson allows', details: over, lessonChanged};
	if (record.status !== 'done') return {...base, verdict: 'not played', lessonChanged};
	if (!record.run) return {...base, verdict: 'no commands recorded', details: ['its result cannot be checked: the file holds no commands for it'], lessonChanged};
	const run = rerunOf(lesson, record.run.log);
	const starsRun = record.starsRun ? rerunOf(lesson, record.starsRun.log) : undefined;
	// a chapter ended by showing the solution is done too (with no stars)
	const got = {completed: run.completed, score: run.score.total, stars: Math.max(run.score.stars, starsRun?.score.stars ?? 0), hints: run.hintsUsed};
	const details = [...(run.problem ? [run.problem] : []), ...differences(claimed, got)];
	const withRun = {...base, claimed: {...claimed, quiz: run.score.quiz, goalsMet: run.goals.filter(g => g.met).length}, rerun: run, lessonChanged};
	return details.length > 0 ? {...withRun, verdict: 'does not match its own commands', details} : {...withRun, verdict: 'verified'};
};

/** The sha256 of the instructor's own lesson file for a chapter (each pack's files hashed once). */
const shas = new WeakMap<LoadedPack, Map<string, string>>();
export const lessonSha = (pack: LoadedPack, chapter: string): string | undefined => {
	let map = shas.get(pack);
	if (!map) {
		map = new Map(lessonHashes(pack.lessons).map(h => [h.chapter, h.sha256]));
		shas.set(pack, map);
	}

	return map.get(chapter);
};

/** A `play --script --report json` report, checked by replaying its lines. */
export const checkReport = (pack: LoadedPack, report: PlayReport): ChapterCheck => {
	const lesson = pack.lessons.find(l => l.id === report.chapter);
	const claimed = {completed: report.completed, score: report.score.total, stars: report.score.stars, hints: 0, goalsMet: report.goals.filter(g => g.met).length};
	const base = {chapter: report.chapter, lesson, claimed, details: [] as string[]};
	if (!lesson) return {...base, verdict: 'not a chapter of this pack', lessonChanged: false};
	const lessonChanged = hashOf(report.lessonFiles, lesson.id) !== undefined && hashOf(report.lessonFiles, lesson.id) !== lessonSha(pack, lesson.id);
	const lines = [...report.steps.flatMap(s => s.line.split('\n')), ...(report.unfinished === undefined ? [] : report.unfinished.split('\n'))];
	const run = replay(lesson, lines);
	const s = chapterScore(run.state);
	const again = rerunOf(lesson, run.log);
	const got = {completed: again.completed && !again.solutionShown, score: s.total, stars: s.stars, hints: again.hintsUsed};
	const details = differences({...claimed, hints: got.hints}, got);
	const goalsGot = run.state.goals.filter(g => g.met).map(g => g.id);
	const goalsSaid = report.goals.filter(g => g.met).map(g => g.id);
	if (goalsGot.join() !== goalsSaid.join()) details.push(`says goals ${goalsSaid.join(', ') || 'none'} met, its commands meet ${goalsGot.join(', ') || 'none'}`);
	const withRun = {...base, claimed: {...claimed, hints: got.hints, quiz: s.quiz}, rerun: again, lessonChanged};
	return details.length > 0 ? {...withRun, verdict: 'does not match its own commands', details} : {...withRun, verdict: 'verified'};
};

/** Every chapter a handed-in file speaks of, checked. */
export const checkHandedIn = (pack: LoadedPack, handed: HandedIn): ChapterCheck[] => {
	if (handed.kind === 'report') return [checkReport(pack, handed.data)];
	return Object.entries(handed.data.chapters)
		.filter(([, record]) => record.status !== 'new' || record.stars > 0 || record.bestScore > 0)
		.map(([id, record]) => checkProgressChapter(pack, handed.data.lessonFiles, id, record));
};
