import {exportSession} from '../export/index.js';
import type {GameEngine, Play} from './port.js';

// `save-script [DIR]` at the game's prompt and `play --script FILE --export DIR`: the play's session
// written as DIR/session.sh and DIR/cleanup.sh (source/export/ makes them). The files are
// written through a port, so the game layer does no I/O of its own (tests pass a map).

export type ExportFiles = {
	/** writes one file in `dir` (made if missing); `executable`: mode 755. Throws on failure. */
	write(dir: string, name: string, text: string, executable: boolean): void;
	/** how to show `dir` to the player (e.g. relative to the working folder) */
	shown?(dir: string): string;
};

/** Where `save-script` writes when no folder is given: ./ami-school-export/<chapter id>, or …/sandbox. */
export const defaultExportDir = (play: Play): string => `ami-school-export/${play.chapterId ?? 'sandbox'}`;

export const EXPORT_WARNING = 'Real AWS costs money: read session.sh before you run it (it needs bash, the AWS CLI v2 and credentials; ./session.sh --yes when not at a terminal), and run ./cleanup.sh when you are done.';

/** Writes the scripts; `text` says where (or why not) and carries the exporter's notes. */
export const exportPlay = (engine: GameEngine, play: Play, dir: string | undefined, files: ExportFiles): {ok: boolean; text: string; dir: string} => {
	const target = dir ?? defaultExportDir(play);
	const scripts = exportSession(engine.exportInput(play));
	const where = files.shown?.(target) ?? target;
	try {
		files.write(target, 'session.sh', scripts.session, true);
		files.write(target, 'cleanup.sh', scripts.cleanup, true);
	} catch (error) {
		return {ok: false, dir: target, text: `save-script: cannot write to ${where}: ${error instanceof Error ? error.message : String(error)}`};
	}

	const lines = [`Wrote ${where}/session.sh and ${where}/cleanup.sh (both executable).`, EXPORT_WARNING];
	if (scripts.notes.length > 0) lines.push('Notes:', ...scripts.notes.map(n => `  - ${n}`));
	return {ok: true, dir: target, text: lines.join('\n')};
};
