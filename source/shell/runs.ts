import type {LineState} from './line-state.js';
import type {Chunk} from './machine.js';
import type {ProgramRun} from './session.js';

// The record of what a line ran (ProgramRun): which program, with which arguments, its exit
// code, where it ran and, for curl and ssh, which instance answered. Goals read it to judge
// what the learner did themselves (lessons/README.md, `ran:`).

type Where = {region: string; instanceId: string};

/** A Machine's onRun for a line: records each program run on `state` (on an instance when `on` is given). */
export const traceRuns =
	(state: LineState, on?: Where) =>
	(argv: string[]): ((code: number) => ProgramRun) => {
		const run: ProgramRun = {program: argv[0] ?? '', args: argv.slice(1), exitCode: 0, ...(on ? {on: {...on}} : {})};
		state.runs.push(run);
		state.runStack.push(run);
		return code => {
			run.exitCode = code;
			const at = state.runStack.lastIndexOf(run);
			if (at !== -1) state.runStack.splice(at, 1);
			return run;
		};
	};

/** The program running now (the innermost), if any. */
export const currentRun = (state: LineState): ProgramRun | undefined => state.runStack.at(-1);

/** Notes on the program running now that `instance` answered it (curl, ssh), and for a page, what the page shows (network.ts pageNote). */
export const noteReached = (state: LineState, where: Where, page?: {open: boolean; asImage: boolean}): void => {
	const run = currentRun(state);
	if (run) run.reached = {region: where.region, instanceId: where.instanceId, ...page};
};

const MAX_WORDS = 4000;
const MAX_WORD = 200;

/** The words of what a line printed, each once, in order: what `shows:` matches against. */
export const shownWords = (text: string): string[] => {
	const seen = new Set<string>();
	for (const word of words(text)) {
		if (seen.size >= MAX_WORDS) break;
		if (word.length <= MAX_WORD) seen.add(word);
	}

	return [...seen];
};

/** Text -> words: runs of letters, digits and . _ - / @, without a leading or trailing dot. */
export const words = (text: string): string[] =>
	(text.match(/[\w./@-]+/g) ?? []).map(w => w.replace(/^\.+|\.+$/g, '')).filter(w => w !== '');

/** Notes on each run what it wrote into a `$(…)`: words the learner has in hand, though not on the screen. */
export const noteCaptured = (out: Chunk[]): void => {
	const text = new Map<ProgramRun, string>();
	for (const chunk of out) for (const run of chunk.by ?? []) text.set(run, (text.get(run) ?? '') + chunk.text);
	for (const [run, captured] of text) run.captured = shownWords([...(run.captured ?? []), captured].join(' '));
};

/** The runs of a line, each with the words of what it wrote that reached the terminal (`out`). */
export const withShown = (runs: ProgramRun[], out: Chunk[]): ProgramRun[] => {
	const text = new Map<ProgramRun, string>();
	for (const chunk of out) for (const run of chunk.by ?? []) text.set(run, (text.get(run) ?? '') + chunk.text);
	return runs.map(run => {
		const shown = text.has(run) ? shownWords(text.get(run)!) : [];
		return shown.length > 0 ? {...run, shown} : run;
	});
};
