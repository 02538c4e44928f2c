import {existsSync, statSync, watch} from 'node:fs';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import type {LessonDeps} from '../lessons/deps.js';
import {defaultLessonsDir, FACTS_FILE, formatLessonError, LESSON_MAX_BYTES, loadFacts, loadLessonFile, parseYaml, type LessonError} from '../lessons/load.js';
import type {FieldPath} from '../lessons/locate.js';
import {readBounded} from '../sandbox/read-bounded.js';
import {answerLengthWarning, answerPositionWarnings, formatLengthWarning, formatPositionWarning} from '../lessons/quiz-balance.js';
import type {LoadedLesson} from '../lessons/schema.js';
import {verifyLesson} from '../game/verify.js';
import {visible} from '../lessons/control-chars.js';
import {openPack, parseFor} from './context.js';

// `ami-school check [dir or file]` (or `check --lessons dir`): validates lesson files, then replays
// each chapter's reference solution, alternatives and known-wrong attempts. Non-zero exit on any
// problem; warnings (quiz answers bunched in one position) are printed but do not fail. A folder is checked as a lesson pack (its pack.yaml, its chapters, with mode add the
// clashes with the built-in chapters).

export const CHECK_USAGE = 'usage: ami-school check [<lessons dir> | <lesson.yaml>] [--watch]\n';

/** The line of a field of a lesson file (it was read moments ago; unreadable now: no line). */
const locator = (file: string): ((path: FieldPath) => number | undefined) => {
	try {
		return parseYaml(readBounded(file, LESSON_MAX_BYTES).toString('utf8'), file).locate;
	} catch {
		return () => undefined;
	}
};

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

/** How `check --watch` learns of changes: a function that calls back on each change and returns a closer. */
export type Watcher = (dir: string, onChange: (file: string) => void) => {close(): void};

const nodeWatcher: Watcher = (dir, onChange) => {
	const watcher = watch(dir, (_event, name) => onChange(name === null ? dir : path.join(dir, name.toString())));
	return watcher;
};

/** A lesson folder's files that matter to check: lessons, facts.yaml and pack.yaml. */
const matters = (file: string) => /\.ya?ml$/.test(file);

export type WatchOptions = {
	watcher?: Watcher;
	/** how long to wait after a change for more (an editor's save is several events); 0 in tests */
	quietMs?: number;
	/** resolves when the watch should end (default: Ctrl+C) */
	until?: Promise<void>;
};

/**
 * `check --watch`: checks, then again each time a lesson file of the folder (or the one file) is
 * saved, debounced so that an editor's several writes give one run. Ends on Ctrl+C (or `until`).
 */
export const watchCheck = async (cl: CommandLine, io: CommandIo, deps?: LessonDeps, options: WatchOptions = {}): Promise<number> => {
	const given = cl.args[0] ?? cl.values.lessons;
	const target = given ? path.resolve(given) : defaultLessonsDir();
	let dir: string;
	try {
		dir = statSync(target).isDirectory() ? target : path.dirname(target);
	} catch {
		io.stderr.write(visible(`ami-school check: ${target}: no such file or folder\n`));
		return EXIT_USAGE;
	}

	const quietMs = options.quietMs ?? 200;
	let last = await checkCommand(cl, io, deps);
	io.stdout.write(`Watching ${path.relative(process.cwd(), dir) || '.'} for changes (Ctrl+C to stop).\n`);
	let timer: NodeJS.Timeout | undefined;
	let running = Promise.resolve();
	const rerun = (file: string) => {
		running = running.then(async () => {
			io.stdout.write(visible(`\n--- ${path.relative(process.cwd(), file) || file} changed: checking again ---\n`));
			last = await checkCommand(cl, io, deps);
		});
	};

	const watcher = (options.watcher ?? nodeWatcher)(dir, file => {
		if (!matters(file) && file !== dir) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => rerun(file), quietMs);
	});
	const until = options.until ?? new Promise<void>(resolve => process.once('SIGINT', () => resolve()));
	await until;
	watcher.close();
	if (timer) clearTimeout(timer);
	await running;
	return last;
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
		const locate = locator(lesson.file);
		for (const verdict of verifyLesson(lesson, deps)) {
			io.stdout.write(visible(`  ${verdict.ok ? '✓' : '✗'} ${verdict.name}: ${verdict.detail}\n`));
			// where to look: file:line of the solution line, its command and output, the goal left unmet
			for (const pointer of verdict.at ?? []) {
				const line = locate(pointer.path);
				io.stdout.write(visible(`      ${shown(lesson.file)}${line === undefined ? '' : `:${line}`}: ${pointer.text}\n`));
			}

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
	return typeof cl === 'number' ? cl : cl.values.watch ? watchCheck(cl, io, deps) : checkCommand(cl, io, deps);
};
