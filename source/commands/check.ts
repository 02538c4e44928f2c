import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import type {LessonDeps} from '../lessons/deps.js';
import {defaultLessonsDir, FACTS_FILE, formatLessonError, loadFacts, loadLessonFile, type LessonError} from '../lessons/load.js';
import {answerLengthWarning, answerPositionWarnings, formatLengthWarning, formatPositionWarning} from '../lessons/quiz-balance.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {verifyLesson} from '../game/verify.js';
import {visible} from '../lessons/control-chars.js';
import {openPack, parseFor} from './context.js';

// `ami-school check [dir or file]` (or `check --lessons dir`): validates lesson files, then replays
// each chapter's reference solution, alternatives and known-wrong attempts. Non-zero exit on any
// problem; warnings (quiz answers bunched in one position) are printed but do not fail. A folder is checked as a lesson pack (its pack.yaml, its chapters, with mode add the
// clashes with the built-in chapters).

export const CHECK_USAGE = 'usage: ami-school check [<lessons dir> | <lesson.yaml>]\n';

type Checked = {lessons: LoadedLesson[]; errors: LessonError[]; heading?: string};

const checkTarget = (target: string): Checked => {
	if (statSync(target).isDirectory()) {
		const loaded = openPack(target);
		const {pack} = loaded;
		const heading = pack.declared && !pack.builtin ? `Pack ${pack.id} (${pack.name}): ${pack.mode === 'add' ? 'adds to the built-in chapters' : 'replaces the built-in chapters'}\n` : undefined;
		return {lessons: loaded.own, errors: loaded.errors, heading};
	}

	// One file: fact ids against the facts.yaml beside it, else the built-in facts.
	if (existsSync(path.join(path.dirname(target), FACTS_FILE))) return loadLessonFile(target);
	return loadLessonFile(target, {facts: loadFacts(path.join(defaultLessonsDir(), FACTS_FILE)).facts});
};

export const checkCommand = async (cl: CommandLine, io: CommandIo, deps?: LessonDeps): Promise<number> => {
	const given = cl.args[0] ?? cl.values.lessons;
	if (cl.args.length > 1 || (cl.args[0] !== undefined && cl.values.lessons !== undefined && path.resolve(cl.args[0]) !== path.resolve(cl.values.lessons))) {
		io.stderr.write(CHECK_USAGE);
		return EXIT_USAGE;
	}

	const target = given ? path.resolve(given) : defaultLessonsDir();
	let loaded: Checked;
	try {
		loaded = checkTarget(target);
	} catch {
		io.stderr.write(visible(`ami-school check: ${target}: no such file or folder\n`));
		return EXIT_USAGE;
	}

	const shown = (file: string) => path.relative(process.cwd(), file) || file;
	let problems = 0;
	if (loaded.heading) io.stdout.write(loaded.heading);
	for (const error of loaded.errors) {
		io.stdout.write(`✗ ${formatLessonError({...error, file: shown(error.file)})}\n`);
		problems++;
	}

	for (const lesson of loaded.lessons) {
		io.stdout.write(visible(`${shown(lesson.file)}: ${lesson.id} (${lesson.title})\n`));
		for (const verdict of verifyLesson(lesson, deps)) {
			io.stdout.write(visible(`  ${verdict.ok ? '✓' : '✗'} ${verdict.name}: ${verdict.detail}\n`));
			if (!verdict.ok) problems++;
		}
	}

	const length = answerLengthWarning(loaded.lessons);
	const warnings = [...answerPositionWarnings(loaded.lessons).map(w => formatPositionWarning(w, shown)), ...(length ? [formatLengthWarning(length, shown)] : [])];
	for (const warning of warnings) io.stdout.write(`${warning}\n`);
	const warned = warnings.length === 0 ? '' : ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})`;
	const chapters = `${loaded.lessons.length} chapter${loaded.lessons.length === 1 ? '' : 's'}`;
	if (loaded.lessons.length === 0 && problems === 0) {
		io.stdout.write('no lessons found\n');
		return EXIT_FAILED;
	}

	io.stdout.write(problems === 0 ? `${chapters} checked: all good${warned}\n` : `${chapters} checked: ${problems} problem${problems === 1 ? '' : 's'}${warned}\n`);
	return problems === 0 ? EXIT_OK : EXIT_FAILED;
};

/** `check`'s own arguments (what follows `check` on the command line). */
export const runCheckCommand = async (argv: string[], io: CommandIo, deps?: LessonDeps): Promise<number> => {
	const cl = parseFor('check', argv, io, CHECK_USAGE);
	return typeof cl === 'number' ? cl : checkCommand(cl, io, deps);
};
