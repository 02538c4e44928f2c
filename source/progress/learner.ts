import {mkdirSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {readBounded} from '../sandbox/read-bounded.js';
import {configDir} from '../sandbox/paths.js';

// The learner's name, set once (`ami-school --learner NAME`, or asked the first time a report or
// certificate needs it) and remembered in learner.json in the config folder, so every report,
// progress export and certificate carries it. No zod: the entry point loads this on its own.

export const LEARNER_MAX = 80;
const FILE = 'learner.json';

/** Why a name cannot be used (undefined: it can). */
export const learnerProblem = (name: string): string | undefined => {
	if (name.trim() === '') return 'the name is empty';
	if (name.length > LEARNER_MAX) return `the name is longer than ${LEARNER_MAX} characters`;
	if (/[\u0000-\u001F\u007F-\u009F]/.test(name)) return 'the name holds a control character';
	return undefined;
};

/** The saved name, if there is a sound one. */
export const savedLearner = (dir: string = configDir()): string | undefined => {
	try {
		const data = JSON.parse(readBounded(path.join(dir, FILE), 4096).toString('utf8')) as {name?: unknown};
		return typeof data.name === 'string' && learnerProblem(data.name) === undefined ? data.name : undefined;
	} catch {
		return undefined;
	}
};

/** Remembers the name; a message when it cannot be saved. */
export const saveLearner = (name: string, dir: string = configDir()): string | undefined => {
	const problem = learnerProblem(name);
	if (problem) return problem;
	const file = path.join(dir, FILE);
	try {
		mkdirSync(dir, {recursive: true});
		const temp = `${file}.${process.pid}.tmp`;
		writeFileSync(temp, `${JSON.stringify({name: name.trim()})}\n`);
		renameSync(temp, file);
		return undefined;
	} catch (error) {
		return `cannot save it in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
	}
};
