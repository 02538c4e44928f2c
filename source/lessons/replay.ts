import type {LessonDeps} from './deps.js';
import {goalViews, runPlayerLine, startChapter, withSession, type ChapterState} from './chapter.js';
import type {Lesson} from './schema.js';
import {formatBill, formatLineage, parseGameCommand} from './game-commands.js';
import {lineage} from '../sim/images/lineage.js';
import {recordLine, undoLast, undoMessage, type UndoEntry} from '../shell/undo.js';

// Runs a list of lines through a chapter as a player would type them (used by `play --script`
// and `check`). A line left incomplete (open quote, trailing backslash) joins the next one.

export type Step = {line: string; stdout: string; stderr: string; exitCode: number; newlyMet: string[]; completedNow: boolean};

export type Replay = {state: ChapterState; steps: Step[]; unfinished?: string};

/** Script text -> lines. */
export const scriptLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** Blank lines and whole-line # comments are not run (unless they continue an incomplete line). */
const isSkippable = (line: string): boolean => line.trim() === '' || line.trim().startsWith('#');

/**
 * The game commands a script may use: the ones that only show something, and `undo`. They change nothing and
 * are not shell lines (no history, no mistake). The others need the game's screen.
 */
const scriptGameCommand = (state: ChapterState, line: string): {stdout: string; stderr: string} | undefined => {
	const command = parseGameCommand(line, {remote: state.session.remote !== undefined});
	switch (command) {
		case undefined: {
			return undefined;
		}

		case 'bill': {
			return {stdout: `${formatBill(state.session.world)}\n`, stderr: ''};
		}

		case 'lineage': {
			return {stdout: `${formatLineage(lineage(state.session.world))}\n`, stderr: ''};
		}

		case 'goals': {
			return {stdout: goalViews(state).map(goal => `${goal.met ? '[x]' : '[ ]'} ${goal.text}\n`).join(''), stderr: ''};
		}

		default: {
			return {stdout: '', stderr: `\`${command}\` is a game command: it works at the game's prompt, not in a script (bill, goals, lineage and undo do).\n`};
		}
	}
};

export const replay = (lesson: Lesson, lines: string[], deps?: LessonDeps, start?: ChapterState): Replay => {
	let state = start ?? startChapter(lesson, deps);
	const steps: Step[] = [];
	let pending: string | undefined;
	let undo: UndoEntry[] = [];
	for (const raw of lines) {
		if (pending === undefined && isSkippable(raw)) continue;
		const line = pending === undefined ? raw : `${pending}\n${raw}`;
		if (pending === undefined && parseGameCommand(line, {remote: state.session.remote !== undefined}) === 'undo') {
			const undone = undoLast(undo);
			if (undone) {
				state = withSession(state, undone.entry.session);
				undo = undone.stack;
			}

			steps.push({line, stdout: `${undoMessage(undone?.entry)}\n`, stderr: '', exitCode: 0, newlyMet: [], completedNow: false});
			continue;
		}

		const game = pending === undefined ? scriptGameCommand(state, line) : undefined;
		if (game) {
			steps.push({line, ...game, exitCode: 0, newlyMet: [], completedNow: false});
			continue;
		}

		const outcome = runPlayerLine(state, line);
		if (outcome.result.incomplete) {
			pending = line;
			continue;
		}

		pending = undefined;
		undo = recordLine(undo, state.session, outcome.state.session, line);
		state = outcome.state;
		steps.push({line, stdout: outcome.result.stdout, stderr: outcome.result.stderr, exitCode: outcome.result.exitCode, newlyMet: outcome.newlyMet, completedNow: outcome.completedNow});
	}

	return {state, steps, unfinished: pending};
};
