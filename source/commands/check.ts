import {statSync} from 'node:fs';
import path from 'node:path';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseOptions, type CommandIo} from '../lessons/command-io.js';
import type {LessonDeps} from '../lessons/deps.js';
import {defaultLessonsDir, formatLessonError, loadLessonDir, loadLessonFile, type LoadResult} from '../lessons/load.js';
import {verifyLesson} from '../lessons/verify.js';
import {visible} from '../lessons/control-chars.js';

// `ami-school check [dir or file]`: validates lesson files, then replays each chapter's reference
// solution, alternatives and known-wrong attempts. Non-zero exit on any problem.

export const CHECK_USAGE = 'usage: ami-school check [<lessons dir> | <lesson.yaml>]\n';

export const runCheckCommand = async (argv: string[], io: CommandIo, deps?: LessonDeps): Promise<number> => {
	const parsed = parseOptions(argv, []);
	if (parsed.error || parsed.positional.length > 1) {
		io.stderr.write(`${parsed.error ? `ami-school check: ${parsed.error}\n` : ''}${CHECK_USAGE}`);
		return EXIT_USAGE;
	}

	const target = parsed.positional[0] ? path.resolve(parsed.positional[0]) : defaultLessonsDir();
	let loaded: LoadResult;
	try {
		loaded = statSync(target).isDirectory() ? loadLessonDir(target) : loadLessonFile(target);
	} catch {
		io.stderr.write(visible(`ami-school check: ${target}: no such file or folder\n`));
		return EXIT_USAGE;
	}

	const shown = (file: string) => path.relative(process.cwd(), file) || file;
	let problems = 0;
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

	const chapters = `${loaded.lessons.length} chapter${loaded.lessons.length === 1 ? '' : 's'}`;
	if (loaded.lessons.length === 0 && problems === 0) {
		io.stdout.write('no lessons found\n');
		return EXIT_FAILED;
	}

	io.stdout.write(problems === 0 ? `${chapters} checked: all good\n` : `${chapters} checked: ${problems} problem${problems === 1 ? '' : 's'}\n`);
	return problems === 0 ? EXIT_OK : EXIT_FAILED;
};
