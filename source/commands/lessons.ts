// The lesson commands (`play --script`, `check`, `new-lesson`, `progress`, `certificate`, `report`,
// `--reset-progress`): their own bundle (dist/lessons.js), so that `ami-school aws …` starts
// without building the lesson schemas.
import type {CommandLine} from '../args.js';
import type {CommandIo} from '../lessons/command-io.js';
import {runResetProgress} from '../progress/reset.js';
import {certificateCommand} from './certificate.js';
import {checkCommand, watchCheck} from './check.js';
import {openPack, printPackErrors} from './context.js';
import {newLessonCommand} from './new-lesson.js';
import {playCommand} from './play.js';
import {progressCommand} from './progress.js';
import {reportCommand} from './report.js';

export {runCheckCommand} from './check.js';
export {runPlayCommand} from './play.js';
export {buildLessonCache} from '../lessons/cache.js';
export {runPlainCommand} from './plain.js';

/** `--reset-progress [--yes]`: the saved progress of the pack of --lessons. */
const resetCommand = async (cl: CommandLine, io: CommandIo, stdin: NodeJS.ReadStream): Promise<number> => {
	const pack = openPack(cl.values.lessons);
	if (printPackErrors(pack, io) && pack.lessons.length === 0) return 1;
	return runResetProgress({stdin, stdout: io.stdout}, {pack: pack.pack.id, yes: cl.values.yes === true, interactive: stdin.isTTY === true});
};

/** Runs a command of this bundle; undefined when the command line is not one of them. */
export const runLessonCommand = async (cl: CommandLine, io: CommandIo, stdin: NodeJS.ReadStream): Promise<number | undefined> => {
	if (cl.values['reset-progress']) return resetCommand(cl, io, stdin);
	switch (cl.command) {
		case 'check':
			return cl.values.watch ? watchCheck(cl, io) : checkCommand(cl, io);
		case 'new-lesson':
			return newLessonCommand(cl, io);
		case 'progress':
			return progressCommand(cl, io);
		case 'certificate':
			return certificateCommand(cl, io);
		case 'report':
			return reportCommand(cl, io);
		case 'play':
			return cl.values.script === undefined ? undefined : playCommand(cl, io);
		default:
			return undefined;
	}
};
