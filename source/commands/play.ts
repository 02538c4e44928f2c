import path from 'node:path';
import {chapterScore, isComplete, scoredLines} from '../lessons/chapter.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseOptions, type CommandIo} from '../lessons/command-io.js';
import {findChapter} from '../lessons/find-chapter.js';
import {defaultLessonsDir, formatLessonError, loadLessonDir} from '../lessons/load.js';
import {replay, scriptLines, type Replay} from '../game/replay.js';
import {engineOf} from '../game/engine.js';
import {nodeExportFiles} from '../game/entry.js';
import {exportPlay, type ExportFiles} from '../game/export.js';
import type {LessonDeps} from '../lessons/deps.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {parOf, starsText} from '../lessons/scoring.js';

// `ami-school play <chapter> --script <file|-> [--report json] [--lessons dir] [--export dir]`:
// runs a script's lines through a chapter as if typed, prints the transcript, the goals and the
// score; with --export, writes the session as scripts for the real AWS CLI (as `export` at the
// game's prompt does). Exit 0 only when every goal is met.

export const PLAY_USAGE = 'usage: ami-school play <chapter> --script <file|-> [--report json] [--lessons <dir>] [--export <dir>]\n';

export type PlayReport = {
	chapter: string;
	title: string;
	completed: boolean;
	goals: Array<{id: string; text: string; met: boolean}>;
	score: ReturnType<typeof chapterScore>;
	par: number;
	awsLines: number;
	failedLines: number;
	steps: Array<{line: string; stdout: string; stderr: string; exitCode: number; goalsMet: string[]}>;
	unfinished?: string;
	lessonErrors: string[];
};

export const playReport = (lesson: LoadedLesson, run: Replay): PlayReport => {
	const {state} = run;
	return {
		chapter: lesson.id,
		title: lesson.title,
		completed: isComplete(state) && !state.solutionShown,
		goals: lesson.goals.map(g => ({id: g.id, text: g.text, met: state.goals.find(s => s.id === g.id)?.met ?? false})),
		score: chapterScore(state),
		par: parOf(lesson),
		...scoredLines(state),
		steps: run.steps.map(s => ({line: s.line, stdout: s.stdout, stderr: s.stderr, exitCode: s.exitCode, goalsMet: s.newlyMet})),
		...(run.unfinished === undefined ? {} : {unfinished: run.unfinished}),
		lessonErrors: state.setupErrors,
	};
};

export const formatPlayReport = (lesson: LoadedLesson, report: PlayReport): string => {
	const goalText = new Map(lesson.goals.map(g => [g.id, g.text]));
	const out: string[] = [];
	for (const step of report.steps) {
		out.push(`$ ${step.line}\n${step.stdout}${step.stderr}`);
		for (const id of step.goalsMet) out.push(`  ✓ goal met: ${goalText.get(id) ?? id}\n`);
	}

	if (report.unfinished !== undefined) out.push(`$ ${report.unfinished}\n(the script ends inside an unfinished line)\n`);
	out.push(`\n${lesson.title}: ${report.completed ? 'chapter complete' : 'not complete'}\n`);
	for (const goal of report.goals) out.push(`  [${goal.met ? 'x' : ' '}] ${goal.text}\n`);
	const s = report.score;
	out.push(
		`Score: ${s.total} points ${starsText(s.stars)} (goals ${s.goals}, par +${s.par} with ${report.awsLines} aws lines for par ${report.par}, hints -${s.hints}, mistakes -${s.mistakes} for ${report.failedLines} failed lines)\n`,
	);
	return out.join('');
};

export const runPlayCommand = async (argv: string[], io: CommandIo, deps?: LessonDeps, files: ExportFiles = nodeExportFiles()): Promise<number> => {
	const parsed = parseOptions(argv, ['script', 'report', 'lessons', 'export']);
	if (parsed.error || parsed.positional.length !== 1 || parsed.options.script === undefined || (parsed.options.report !== undefined && parsed.options.report !== 'json')) {
		io.stderr.write(`${parsed.error ? `ami-school play: ${parsed.error}\n` : ''}${PLAY_USAGE}`);
		return EXIT_USAGE;
	}

	const dir = parsed.options.lessons ? path.resolve(parsed.options.lessons) : defaultLessonsDir();
	const loaded = loadLessonDir(dir);
	const lesson = findChapter(loaded.lessons, parsed.positional[0]);
	if (!lesson) {
		for (const error of loaded.errors) io.stderr.write(`${formatLessonError(error)}\n`);
		const known = loaded.lessons.map(l => `${l.order} ${l.id}`).join(', ');
		io.stderr.write(`ami-school play: no chapter "${parsed.positional[0]}"${known ? ` (chapters: ${known})` : ''}\n`);
		return EXIT_USAGE;
	}

	let text: string;
	try {
		text = parsed.options.script === '-' ? await io.readStdin() : await io.readFile(parsed.options.script);
	} catch (error) {
		io.stderr.write(`ami-school play: cannot read ${parsed.options.script}: ${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_USAGE;
	}

	const run = replay(lesson, scriptLines(text), deps);
	const report = playReport(lesson, run);
	for (const error of report.lessonErrors) io.stderr.write(`${lesson.file}: lesson error: ${error}\n`);
	io.stdout.write(parsed.options.report === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPlayReport(lesson, report));
	if (parsed.options.export !== undefined) {
		const written = exportPlay(engineOf([lesson], [], deps), run.game.play, parsed.options.export, files);
		// the JSON report stays alone on stdout
		(written.ok && parsed.options.report !== 'json' ? io.stdout : io.stderr).write(`${parsed.options.report === 'json' ? '' : '\n'}${written.text}\n`);
		if (!written.ok) return EXIT_FAILED;
	}

	return report.completed ? EXIT_OK : EXIT_FAILED;
};
