import type {ChapterState} from '../lessons/chapter.js';
import type {LessonDeps} from '../lessons/deps.js';
import type {Lesson} from '../lessons/schema.js';
import {chapterStateOf, engineOf, playOf} from './engine.js';
import {newGame, submitLine, type GameState} from './play.js';
import type {RunLog} from '../progress/run-log.js';

// Runs a list of lines through a chapter as a player would type them (used by `play --script`
// and `check`), through the same game layer as the prompt: game commands are dispatched there
// (a script may use those that only show something: bill, goals, lineage). A line left
// incomplete (open quote, trailing backslash) joins the next one.

export type Step = {
	line: string;
	/** where it starts in the lines given (0-based), for file:line messages */
	index: number;
	stdout: string;
	stderr: string;
	/** stdout and stderr interleaved, as the terminal showed them */
	output: string;
	exitCode: number;
	newlyMet: string[];
	completedNow: boolean;
};

export type Replay = {
	state: ChapterState;
	steps: Step[];
	unfinished?: string;
	/** where the unfinished line starts */
	unfinishedIndex?: number;
	/** the play at the end (for `--export`) */
	game: GameState;
	/** what the game recorded of the run (to replay it: rerun.ts) */
	log: RunLog;
};

/** Script text -> lines. */
export const scriptLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** Blank lines and whole-line # comments are not run (unless they continue an incomplete line). */
const isSkippable = (line: string): boolean => line.trim() === '' || line.trim().startsWith('#');

const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export const replay = (lesson: Lesson, lines: string[], deps?: LessonDeps, start?: ChapterState): Replay => {
	const engine = engineOf([lesson], [], deps);
	let game = newGame(start ? playOf(start) : engine.start(lesson.id));
	const steps: Step[] = [];
	let pending: string | undefined;
	let index = 0;
	for (const [at, raw] of lines.entries()) {
		if (pending === undefined && isSkippable(raw)) continue;
		if (pending === undefined) index = at;
		const line = pending === undefined ? raw : `${pending}\n${raw}`;
		const outcome = submitLine(engine, game, line, {front: 'script', marks: 'boxes'});
		if (outcome.shell?.incomplete) {
			pending = line;
			continue;
		}

		pending = undefined;
		game = outcome.state;
		if (outcome.shell) {
			const {stdout, stderr, exitCode} = outcome.shell;
			const output = outcome.events.map(e => (e.type === 'printed' && (e.kind === 'stdout' || e.kind === 'stderr') ? e.text : '')).join('');
			steps.push({line, index, stdout, stderr, output, exitCode, newlyMet: outcome.newlyMet, completedNow: outcome.completedNow});
		} else {
			// a game command: what it printed, on stdout (stderr when refused in a script)
			const text = (kind: 'stdout' | 'stderr') =>
				outcome.events.map(e => (e.type === 'printed' && (kind === 'stderr') === (e.kind === 'stderr') ? withNewline(e.text) : '')).join('');
			steps.push({line, index, stdout: text('stdout'), stderr: text('stderr'), output: text('stdout') + text('stderr'), exitCode: 0, newlyMet: [], completedNow: false});
		}
	}

	return {state: chapterStateOf(game.play)!, steps, unfinished: pending, ...(pending === undefined ? {} : {unfinishedIndex: index}), game, log: engine.runLog?.(game.play) ?? []};
};
