import path from 'node:path';
import {parseCommandLine, type CommandLine} from '../args.js';
import {EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import {defaultLessonsDir, formatLessonError} from '../lessons/load.js';
import {loadPack, packSummary, type LoadedPack} from '../lessons/pack.js';
import {VERSION} from '../version.js';
import {learnerProblem, saveLearner, savedLearner} from '../progress/learner.js';

// What the lesson commands share: the pack named by --lessons, and the game's identity in reports.

export const GAME = {name: 'ami-school', version: VERSION} as const;

/**
 * The pack of --lessons (else the built-in chapters). The built-in chapters come from the build's
 * cache (dist/lessons-cache.json beside the lessons folder) while it matches their files.
 */
export const openPack = (lessons: string | undefined): LoadedPack => {
	const builtinDir = defaultLessonsDir();
	return loadPack(lessons === undefined ? undefined : path.resolve(lessons), {builtinDir, cacheFile: path.join(path.dirname(builtinDir), 'dist', 'lessons-cache.json')});
};

/** The game, the pack and the learner, as every report and export starts. */
export const reportHeader = (pack: LoadedPack, learner: string | undefined) => ({
	game: GAME,
	pack: packSummary(pack.pack),
	...(learner === undefined ? {} : {learner}),
});

/** Prints the pack's load errors; true when there were any. */
export const printPackErrors = (pack: LoadedPack, io: CommandIo): boolean => {
	for (const error of pack.errors) io.stderr.write(`${formatLessonError(error)}\n`);
	return pack.errors.length > 0;
};

/** A command's own argv (as tests and older callers pass it) -> the parsed command line. */
export const parseFor = (command: string, argv: string[], io: CommandIo, usage: string): CommandLine | number => {
	const parsed = parseCommandLine([command, ...argv]);
	if ('error' in parsed) {
		io.stderr.write(`ami-school ${command}: ${parsed.error}\n${usage}`);
		return EXIT_USAGE;
	}

	return parsed;
};

/**
 * The learner's name for a report or certificate: --learner, else the saved one, else asked (the
 * first time, when there is a terminal) and remembered. Undefined: none, and the learner is told how.
 */
export const learnerFor = async (cl: CommandLine, io: CommandIo): Promise<string | undefined> => {
	const given = cl.values.learner?.trim() ?? savedLearner();
	if (given !== undefined) return given;
	const answer = (await io.ask?.('Your name, for reports and certificates (remembered from now on): '))?.trim();
	if (answer && !learnerProblem(answer)) {
		const problem = saveLearner(answer);
		if (problem) io.stderr.write(`Your name could not be remembered: ${problem}.\n`);
		return answer;
	}

	io.stderr.write('No learner name in this file: set yours once with  ami-school --learner "Your Name"\n');
	return undefined;
};
