import type {CommandLine} from '../args.js';
import {chapterNextStar, chapterPar, chapterScore, hintsUsed, isComplete, scoredLines, summaryNotes} from '../lessons/chapter.js';
import {markCompleted, markStarted} from '../progress/model.js';
import {openStoreOf} from './progress.js';
import {REPORT_FORMAT} from '../progress/exchange.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import {findChapter} from '../lessons/find-chapter.js';
import {formatLessonError} from '../lessons/load.js';
import {lessonHashes, type LessonHash, type LoadedPack} from '../lessons/pack.js';
import {replay, scriptLines, type Replay} from '../game/replay.js';
import {engineOf} from '../game/engine.js';
import {saidTexts} from '../game/play.js';
import type {SaidAfterLine} from '../game/port.js';
import {nodeExportFiles} from '../game/entry.js';
import {exportPlay, type ExportFiles} from '../game/export.js';
import type {LessonDeps} from '../lessons/deps.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {starsText} from '../lessons/scoring.js';
import {learnerFor, openPack, parseFor, reportHeader} from './context.js';
import {visible} from '../lessons/control-chars.js';
import {fsReason} from '../sandbox/fs-words.js';

// `ami-school play <chapter> --script <file|-> [--report json] [--lessons dir] [--learner name]
// [--export dir]`: runs a script's lines through a chapter as if typed, prints the transcript, the
// goals and the score; with --export, writes the session as scripts for the real AWS CLI (as
// `save-script` at the game's prompt does). Exit 0 only when every goal is met. The JSON report starts
// with the game's version, the lesson pack and the learner, and ends with the sha256 of every
// lesson file of the pack, so an instructor can tell which lessons each report was played against.

export const PLAY_USAGE = 'usage: ami-school play <chapter> --script <file|-> [--report json] [--save] [--lessons <dir>] [--learner <name>] [--export <dir>]\n';

export type PlayReport = {
	format?: typeof REPORT_FORMAT;
	game?: ReturnType<typeof reportHeader>['game'];
	pack?: ReturnType<typeof reportHeader>['pack'];
	learner?: string;
	chapter: string;
	title: string;
	completed: boolean;
	goals: Array<{id: string; text: string; met: boolean}>;
	score: ReturnType<typeof chapterScore>;
	par: number;
	/** state-changing AWS calls (what par counts) */
	changes: number;
	failedLines: number;
	/** what the next star needs (absent at 3 stars) */
	nextStar?: string;
	/** `undo`s of something real AWS cannot take back (a terminate, deregister, delete), with what they destroyed */
	irreversibleUndos?: Array<{line: string; ids: string[]}>;
	/** the lines the summary shows under the score */
	notes: string[];
	/**
	 * each line run: `output` is stdout and stderr in the order the terminal showed them; scriptLine:
	 * the line of the script (1-based) it starts on; `said`: the near misses (and goals lost) the
	 * game said after the line, when there are any
	 */
	steps: Array<{line: string; scriptLine: number; stdout: string; stderr: string; output: string; exitCode: number; goalsMet: string[]; said?: SaidAfterLine[]}>;
	unfinished?: string;
	lessonErrors: string[];
	lessonFiles?: LessonHash[];
};

export const playReport = (lesson: LoadedLesson, run: Replay): PlayReport => {
	const {state} = run;
	return {
		chapter: lesson.id,
		title: lesson.title,
		completed: isComplete(state) && !state.solutionShown,
		goals: lesson.goals.map(g => ({id: g.id, text: g.text, met: state.goals.find(s => s.id === g.id)?.met ?? false})),
		score: chapterScore(state),
		par: chapterPar(lesson, state.deps),
		...scoredLines(state),
		...(chapterNextStar(state) === undefined ? {} : {nextStar: chapterNextStar(state)}),
		...(state.irreversibleUndos?.length ? {irreversibleUndos: state.irreversibleUndos} : {}),
		notes: summaryNotes(state),
		steps: run.steps.map(s => ({line: s.line, scriptLine: s.index + 1, stdout: s.stdout, stderr: s.stderr, output: s.output, exitCode: s.exitCode, goalsMet: s.newlyMet, ...(s.said.length > 0 ? {said: s.said} : {})})),
		...(run.unfinished === undefined ? {} : {unfinished: run.unfinished}),
		lessonErrors: state.setupErrors,
	};
};

export const formatPlayReport = (lesson: LoadedLesson, report: PlayReport): string => {
	const goalText = new Map(lesson.goals.map(g => [g.id, g.text]));
	const out: string[] = [];
	for (const step of report.steps) {
		out.push(`$ ${step.line}\n${step.output}`);
		for (const id of step.goalsMet) out.push(`  ✓ goal met: ${goalText.get(id) ?? id}\n`);
		for (const said of saidTexts(step.said ?? [])) out.push(`${said.text.replace(/^/gm, '  ')}\n`);
	}

	if (report.unfinished !== undefined) out.push(`$ ${report.unfinished}\n(the script ends inside an unfinished line)\n`);
	out.push(`\n${lesson.title}: ${report.completed ? 'chapter complete' : 'not complete'}\n`);
	for (const goal of report.goals) out.push(`  [${goal.met ? 'x' : ' '}] ${goal.text}\n`);
	const s = report.score;
	out.push(
		`Score: ${s.total} points ${starsText(s.stars)} (goals ${s.goals}, par +${s.par} with ${report.changes} state-changing AWS calls for par ${report.par}, hints -${s.hints}, mistakes -${s.mistakes} for ${report.failedLines} failed lines)\n`,
	);
	for (const note of report.notes ?? []) out.push(`${note}\n`);
	return out.join('');
};

/** The report as graders collect it: who, which game and pack, the run, the lesson files' hashes. */
export const gradedReport = (pack: LoadedPack, lesson: LoadedLesson, run: Replay, learner?: string): PlayReport => ({
	format: REPORT_FORMAT,
	...reportHeader(pack, learner),
	...playReport(lesson, run),
	lessonFiles: lessonHashes(pack.lessons),
});

export const playCommand = async (cl: CommandLine, io: CommandIo, deps?: LessonDeps, files: ExportFiles = nodeExportFiles()): Promise<number> => {
	const {script, report: format} = cl.values;
	if (cl.args.length !== 1 || script === undefined || (format !== undefined && format !== 'json')) {
		io.stderr.write(PLAY_USAGE);
		return EXIT_USAGE;
	}

	const pack = openPack(cl.values.lessons);
	const lesson = findChapter(pack.lessons, cl.args[0]);
	if (!lesson) {
		for (const error of pack.errors) io.stderr.write(`${formatLessonError(error)}\n`);
		const known = pack.lessons.map(l => `${l.order} ${l.id}`).join(', ');
		io.stderr.write(`ami-school play: no chapter "${cl.args[0]}"${known ? ` (chapters: ${known})` : ''}\n`);
		return EXIT_USAGE;
	}

	let text: string;
	try {
		text = script === '-' ? await io.readStdin() : await io.readFile(script);
	} catch (error) {
		io.stderr.write(`ami-school play: cannot read the script ${script}: ${(error as NodeJS.ErrnoException).code ? fsReason(error) : error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_USAGE;
	}

	const run = replay(lesson, scriptLines(text), deps);
	const learner = format === 'json' || cl.values.save ? await learnerFor(cl, io) : cl.values.learner;
	const report = gradedReport(pack, lesson, run, learner);
	for (const error of report.lessonErrors) io.stderr.write(`${lesson.file}: lesson error: ${error}\n`);
	io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPlayReport(lesson, report));
	// each line that failed, as file:line (as compilers say it, so editors jump there)
	const name = script === '-' ? '<stdin>' : script;
	for (const step of report.steps.filter(s => s.exitCode !== 0 && s.goalsMet.length === 0)) {
		const why = (step.stderr || step.stdout).trim().split('\n')[0] ?? '';
		io.stderr.write(visible(`${name}:${step.scriptLine}: exit ${step.exitCode}: ${why}\n`));
	}

	if (run.unfinishedIndex !== undefined) io.stderr.write(`${name}:${run.unfinishedIndex + 1}: the script ends inside this unfinished line (an open quote or a trailing backslash)\n`);
	if (cl.values.export !== undefined) {
		const written = exportPlay(engineOf([lesson], [], deps), run.game.play, cl.values.export, files);
		// the JSON report stays alone on stdout
		(written.ok && format !== 'json' ? io.stdout : io.stderr).write(`${format === 'json' ? '' : '\n'}${written.text}\n`);
		if (!written.ok) return EXIT_FAILED;
	}

	if (cl.values.save) saveRun(pack, lesson, run, report, format === 'json' ? io.stderr : io.stdout, io);
	return report.completed ? EXIT_OK : EXIT_FAILED;
};

/** `--save`: the run goes into the saved progress as a chapter played in the game does. */
const saveRun = (pack: LoadedPack, lesson: LoadedLesson, run: Replay, report: PlayReport, out: CommandIo['stdout'], io: CommandIo) => {
	const store = openStoreOf(pack, io);
	let progress = markStarted(store.progress, lesson.id);
	if (report.completed) progress = markCompleted(progress, lesson.id, {score: report.score.total, stars: report.score.stars, hintsUsed: hintsUsed(run.state), log: run.log});
	const problem = store.save(progress);
	if (problem) {
		io.stderr.write(`${problem}\n`);
		return;
	}

	const p = progress.chapters[lesson.id];
	out.write(`Saved to your progress: ${lesson.title}: ${p.status === 'done' ? `done ${starsText(p.stars)}, best score ${p.bestScore}` : 'in progress (not every goal is met)'}.\n`);
};

/** `play`'s own arguments (what follows `play` on the command line). */
export const runPlayCommand = async (argv: string[], io: CommandIo, deps?: LessonDeps, files?: ExportFiles): Promise<number> => {
	const cl = parseFor('play', argv, io, PLAY_USAGE);
	return typeof cl === 'number' ? cl : playCommand(cl, io, deps, files);
};
