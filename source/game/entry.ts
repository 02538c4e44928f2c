import fs from 'node:fs';
import path from 'node:path';
import {createEngine, type EngineOptions} from './engine.js';
import type {ExportFiles} from './export.js';
import {withLayer, type Game} from './layer.js';

// The game layer over the real lessons, shell and EC2 model: what the fronts get. The build makes
// this its own bundle (dist/ui-engine.js), which the Ink UI loads after its first frame is on
// screen. It is also where the game meets the disk: `save-script` writes through nodeExportFiles.

export {defaultLessonsDir} from '../lessons/load.js';

/** `save-script`'s files on this machine, shown relative to the working folder. */
export const nodeExportFiles = (cwd = process.cwd()): ExportFiles => ({
	write(dir, name, text, executable) {
		const target = path.resolve(cwd, dir);
		fs.mkdirSync(target, {recursive: true});
		fs.writeFileSync(path.join(target, name), text, {mode: executable ? 0o755 : 0o644});
		// the mode is only applied to a new file
		if (executable) fs.chmodSync(path.join(target, name), 0o755);
	},
	shown(dir) {
		const absolute = path.resolve(cwd, dir);
		const relative = path.relative(cwd, absolute);
		return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative || '.';
	},
});

export const createGame = (options: EngineOptions & {files?: ExportFiles}): Game => withLayer(createEngine(options), options.files ?? nodeExportFiles());
