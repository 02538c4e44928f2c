import {formatBill, formatHelp, formatLineage, formatShellHelp, hintText, parseGameLine, type GameCommandName} from './commands.js';
import {exportPlay, type ExportFiles} from './export.js';
import type {GameEngine, GoalStatus, Play, SaidAfterLine} from './port.js';
import {WAY_BACK} from '../lessons/chapter.js';
import {droppedBy, recordLine, undoLast, undoMessage, type UndoEntry} from '../shell/undo.js';
import {lineage} from '../sim/images/lineage.js';
import {destroyedBetween} from '../sim/core/destroyed.js';
import {literalWord, parseLine} from '../shell/parse-line.js';
import {worldText, worldView} from './world-view.js';

// One play of a chapter or of the sandbox, as every front end drives it (the Ink UI, the plain
// line mode, `play --script` and `check`): a line goes in, the new state and what happened come
// out as events. The game's own commands are dispatched here and nowhere else; the goals newly
// met come from the engine (computed once, by the chapter), never computed again.

export type PrintKind = 'stdout' | 'stderr' | 'info' | 'success' | 'hint' | 'warn';

export type GameEvent =
	| {type: 'printed'; kind: PrintKind; text: string}
	| {type: 'goal-met'; id: string; text: string}
	| {type: 'complete'; solutionShown?: boolean}
	/** the play changed in a way worth keeping (the app saves progress) */
	| {type: 'save'}
	| {type: 'clear'}
	| {type: 'menu'}
	| {type: 'exit'}
	| {type: 'story'}
	| {type: 'quiz'};

export type Confirm = 'solution' | 'reset';

export type GameState = {
	play: Play;
	sandbox: boolean;
	/** sessions before each command that changed something, newest last (undo; at most UNDO_DEPTH) */
	undo: UndoEntry[];
	/** how many older changes were dropped at the undo depth (`undo` then says why it has no more) */
	undoForgotten?: number;
	/** a yes/no question is waiting for the next line */
	confirm?: Confirm;
};

/**
 * Who types the lines. `prompt`: a player at the game's prompt (the Ink UI, the plain mode);
 * `script`: `play --script` and `check`, where only the game commands that show something work.
 */
export type Front = 'prompt' | 'script';

/** How the goals are marked: `✓`/`○` on screen, `[x]`/`[ ]` in a script's transcript, words in the plain mode. */
export type Marks = 'symbols' | 'boxes' | 'words';

export type LineOptions = {
	front?: Front;
	marks?: Marks;
	/** the terminal's columns (the shell's `--output table` fits them) */
	width?: number;
	/** where `save-script` writes; without it `save-script` says it is not available here */
	files?: ExportFiles;
};

export type LineOutcome = {
	state: GameState;
	events: GameEvent[];
	/** the game command the line was, if it was one */
	command?: GameCommandName;
	/** the shell's answer, when the line went to the shell */
	shell?: {stdout: string; stderr: string; exitCode: number; incomplete?: boolean; clear?: boolean};
	/** goal ids this line met (as the chapter judged them) */
	newlyMet: string[];
	/** this line completed the chapter */
	completedNow: boolean;
	/** the near misses and lost goals this line brought about (each also printed) */
	said: SaidAfterLine[];
};

export const newGame = (play: Play): GameState => ({play, sandbox: play.chapterId === undefined, undo: []});

const gameOf = (state: GameState): GameState => ({play: state.play, sandbox: state.sandbox, undo: state.undo, undoForgotten: state.undoForgotten, confirm: state.confirm});

const printed = (kind: PrintKind, text: string): GameEvent => ({type: 'printed', kind, text});

const MARKS: Record<Marks, [string, string]> = {symbols: ['✓ ', '○ '], boxes: ['[x] ', '[ ] '], words: ['done: ', 'to do: ']};

/**
 * The goals as `goals` prints them: under an open goal, why it is not met yet (a near miss) or
 * why it can no longer be met.
 */
export const goalsText = (goals: Array<Pick<GoalStatus, 'text' | 'met' | 'reason' | 'lost'>>, marks: Marks = 'symbols'): string =>
	goals
		.map(g => {
			const mark = MARKS[marks][g.met ? 0 : 1];
			const under = g.met ? undefined : g.lost === undefined ? g.reason : `can no longer be met: ${g.lost}`;
			return `${mark}${g.text}${under === undefined ? '' : `\n${' '.repeat(mark.length + 2)}${under}`}`;
		})
		.join('\n');

/**
 * What the game says right after a line: each near miss it brought about, and the goals it made
 * unreachable (those lost for the same reason in one message, with the ways back).
 */
export const saidTexts = (said: SaidAfterLine[]): Array<{kind: 'hint' | 'warn'; text: string}> => {
	const lost = new Map<string, string[]>();
	for (const s of said) if (s.kind === 'unreachable') lost.set(s.text, [...(lost.get(s.text) ?? []), s.goal]);
	return [
		...[...lost].map(([why, goals]) => ({kind: 'warn' as const, text: `${goals.length === 1 ? 'This goal' : 'These goals'} can no longer be met: ${goals.join('; ')}. ${why} ${WAY_BACK}`})),
		...said.filter(s => s.kind === 'near-miss').map(s => ({kind: 'hint' as const, text: `Not yet: ${s.goal}\n  ${s.text}`})),
	];
};

const outcome = (state: GameState, events: GameEvent[], command?: GameCommandName): LineOutcome => ({state, events, command, newlyMet: [], completedNow: false, said: []});

// The commands a script may use: the ones that only show something (no screen, no question), and undo.
const SCRIPT_COMMANDS = new Set<GameCommandName>(['bill', 'lineage', 'goals', 'undo', 'world']);

const gameCommand = (engine: GameEngine, state: GameState, name: GameCommandName, args: string[], options: LineOptions): LineOutcome => {
	const say = (kind: PrintKind, text: string, next = state, extra: GameEvent[] = []) => outcome(next, [printed(kind, text), ...extra], name);
	if (options.front === 'script' && !SCRIPT_COMMANDS.has(name)) return say('stderr', `\`${name}\` is a game command: it works at the game's prompt, not in a script (bill, goals, lineage, undo and world do).`);
	switch (name) {
		case 'help': {
			return say('info', args[0] === 'shell' ? formatShellHelp() : formatHelp({sandbox: state.sandbox}));
		}

		case 'goals': {
			return state.sandbox ? say('info', 'The sandbox has no goals: try anything.') : say('info', goalsText(engine.goals(state.play), options.marks ?? 'symbols'));
		}

		case 'hint': {
			if (state.sandbox) return say('info', 'No hints in the sandbox.');
			const hint = engine.hint(state.play);
			if (!hint) return say('info', 'No more hints. Type `solution` to see the reference solution.');
			return say(hint.unreachable ? 'warn' : 'hint', hintText(hint), {...state, play: hint.play}, [{type: 'save'}]);
		}

		case 'solution': {
			if (state.sandbox) return say('info', 'The sandbox has no solution: there is nothing to solve.');
			return say('warn', 'Show the reference solution? The chapter will then score no stars. [y/N]', {...state, confirm: 'solution'});
		}

		case 'reset': {
			const what = state.sandbox ? 'Throw away this sandbox world and start a fresh one?' : 'Restart this chapter from the beginning?';
			return say('warn', `${what} [y/N]`, {...state, confirm: 'reset'});
		}

		case 'undo': {
			const undone = undoLast(state.undo);
			if (!undone) return say('info', undoMessage(undefined, state.undoForgotten));
			const now = engine.session(state.play);
			const irreversible = destroyedBetween(undone.entry.session.world, now.world).map(d => d.id);
			const before = engine.goals(state.play);
			const play = engine.withSession(state.play, undone.entry.session, {line: undone.entry.line, irreversible});
			const unticked = engine.goals(play).filter(g => !g.met && before.find(b => b.id === g.id)?.met);
			const lines = [undoMessage(undone.entry)];
			if (irreversible.length > 0) {
				lines.push(`Real AWS has no undo: ${irreversible.join(', ')} would be gone for good there. The sandbox brings ${irreversible.length === 1 ? 'it' : 'them'} back, and your summary will say so.`);
			}

			for (const goal of unticked) lines.push(`Goal no longer met: ${goal.text}`);
			return say(irreversible.length > 0 ? 'warn' : 'info', lines.join('\n'), {...state, play, undo: undone.stack}, [{type: 'save'}]);
		}

		case 'story': {
			return state.sandbox ? say('info', 'The sandbox has no story: you write it.') : outcome(state, [{type: 'story'}], name);
		}

		case 'quiz': {
			return state.sandbox ? say('info', 'No quiz in the sandbox.') : outcome(state, [{type: 'quiz'}], name);
		}

		case 'lineage': {
			return say('info', formatLineage(lineage(engine.session(state.play).world)));
		}

		case 'world': {
			const session = engine.session(state.play);
			return say('info', worldText(worldView(session.world, session.region)));
		}

		case 'bill': {
			return say('info', formatBill(engine.session(state.play).world));
		}

		case 'save-script': {
			if (!options.files) return say('info', '`save-script` writes files: it is not available here.');
			const written = exportPlay(engine, state.play, args[0], options.files);
			return outcome(state, written.ok ? [printed('info', written.text)] : [printed('stderr', written.text)], name);
		}

		case 'menu': {
			return outcome(state, [{type: 'menu'}], name);
		}

		case 'exit': {
			return outcome(state, [{type: 'exit'}], name);
		}
	}
};

const answerConfirm = (engine: GameEngine, state: GameState, answer: string): LineOutcome => {
	const yes = /^y(es)?$/i.test(answer.trim());
	const asked = state.confirm;
	const base = {...state, confirm: undefined};
	if (!yes) return outcome(base, [printed('info', 'Cancelled.')]);
	if (asked === 'solution') {
		const {play, lines} = engine.solution(state.play);
		// showing the solution ends the chapter with no stars: straight on to its quiz and score
		return outcome({...base, play}, [printed('hint', `Reference solution:\n${lines.map(l => `  ${l}`).join('\n')}`), {type: 'save'}, {type: 'complete', solutionShown: true}]);
	}

	const play = state.play.chapterId === undefined ? engine.sandbox() : engine.start(state.play.chapterId);
	return outcome({...base, play, undo: [], undoForgotten: undefined}, [printed('info', state.sandbox ? 'A fresh sandbox world.' : 'Chapter restarted.'), {type: 'save'}]);
};

/**
 * What a line wrote, in the order a terminal shows it (ssh's host-key warning before the login
 * banner): each run of one stream as one event.
 */
const printedInOrder = (chunks: Array<{fd: 1 | 2; text: string}>): GameEvent[] => {
	const runs: Array<{fd: 1 | 2; text: string}> = [];
	for (const chunk of chunks) {
		const last = runs.at(-1);
		if (last?.fd === chunk.fd) last.text += chunk.text;
		else runs.push({...chunk});
	}

	return runs.map(run => printed(run.fd === 1 ? 'stdout' : 'stderr', run.text));
};

const runShell = (engine: GameEngine, state: GameState, text: string, options: LineOptions): LineOutcome => {
	const before = engine.session(state.play);
	const ran = engine.run(state.play, text, {width: options.width});
	const {result} = ran;
	const shell = {stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, incomplete: result.incomplete, clear: result.clear};
	if (result.incomplete) return {state: {...state, play: ran.play}, events: [], shell, newlyMet: [], completedNow: false, said: []};
	const events: GameEvent[] = [];
	if (result.clear) events.push({type: 'clear'});
	events.push(...printedInOrder(result.chunks ?? [{fd: 1, text: result.stdout}, {fd: 2, text: result.stderr}]));
	const undo = recordLine(state.undo, before, engine.session(ran.play), text);
	const dropped = droppedBy(state.undo, undo);
	const next = {...state, play: ran.play, undo, ...(dropped > 0 ? {undoForgotten: (state.undoForgotten ?? 0) + dropped} : {})};
	if (!next.sandbox && ran.newlyMet.length > 0) {
		const goals = engine.goals(ran.play);
		for (const goal of goals) if (ran.newlyMet.includes(goal.id)) events.push({type: 'goal-met', id: goal.id, text: goal.text});
	}

	const said = next.sandbox ? [] : (ran.said ?? []);
	for (const s of saidTexts(said)) events.push(printed(s.kind, s.text));

	events.push({type: 'save'});
	if (!next.sandbox && engine.isComplete(ran.play)) events.push({type: 'complete'});
	return {state: next, events, shell, newlyMet: ran.newlyMet, completedNow: ran.completedNow, said};
};

type ListPart = {op: ';' | '&&' | '||'; game?: {name: GameCommandName; args: string[]; text: string}; text?: string};

/**
 * A line that joins commands with `;`, `&&` or `||`, split into its parts with the game commands
 * among them (`goals; hint`); undefined when no part is a game command (the shell runs the line).
 */
const listParts = (text: string, remote: boolean): ListPart[] | undefined => {
	if (!/[;&|]/.test(text)) return undefined;
	const parsed = parseLine(text);
	if (!parsed.ok) return undefined;
	const parts: ListPart[] = [];
	for (const andOr of parsed.list) {
		const pipelines = [{op: ';' as const, pipeline: andOr.first}, ...andOr.rest.map(r => ({op: r.op, pipeline: r.pipeline}))];
		for (const {op, pipeline} of pipelines) {
			const [command] = pipeline.commands;
			const simple = pipeline.commands.length === 1 && !pipeline.bang && !('kind' in command) && command.assigns.length === 0 && command.redirects.length === 0 ? command : undefined;
			const words = simple?.words.map(literalWord);
			const line = words && words.every(w => w !== undefined) ? words.join(' ') : undefined;
			const game = line === undefined ? undefined : parseGameLine(line, {remote});
			parts.push(game ? {op, game: {...game, text: line!}} : {op, text: line});
		}
	}

	return parts.some(p => p.game) ? parts : undefined;
};

/**
 * Game commands joined with `;`/`&&`/`||` run one after another, as a shell would run them (each
 * succeeds). A line that mixes them with shell commands is not run: one line says so, and since
 * nothing ran it is no mistake.
 */
const runGameList = (engine: GameEngine, state: GameState, parts: ListPart[], options: LineOptions): LineOutcome => {
	const shellPart = parts.find(p => !p.game);
	if (shellPart) {
		const game = parts.find(p => p.game)!.game!;
		return outcome(state, [printed('info', `\`${game.text}\` is a game command, not a shell one: type it on a line of its own (nothing on this line was run).`)], game.name);
	}

	let current = state;
	const events: GameEvent[] = [];
	let command: GameCommandName | undefined;
	for (const [i, part] of parts.entries()) {
		// every game command succeeds: `||` skips what follows it, as in a shell
		if (part.op === '||') continue;
		const ran = gameCommand(engine, current, part.game!.name, part.game!.args, options);
		current = ran.state;
		command = ran.command;
		events.push(...ran.events);
		const stops = current.confirm !== undefined || ran.events.some(e => e.type === 'story' || e.type === 'quiz' || e.type === 'menu' || e.type === 'exit');
		if (stops && i < parts.length - 1) {
			events.push(printed('info', `(the rest of the line, from \`${parts[i + 1].game!.text}\`, was not run)`));
			break;
		}
	}

	return outcome(current, events, command);
};

/** One line (or a continued one) the player submitted: a yes/no answer, a game command or a shell line. */
export const submitLine = (engine: GameEngine, state: GameState, text: string, options: LineOptions = {}): LineOutcome => {
	const game = gameOf(state);
	if (game.confirm) return answerConfirm(engine, game, text);
	if (!text.includes('\n')) {
		const remote = engine.session(game.play).remote !== undefined;
		const command = parseGameLine(text, {remote});
		if (command) return gameCommand(engine, game, command.name, command.args, options);
		const parts = listParts(text, remote);
		if (parts) return runGameList(engine, game, parts, options);
	}

	if (text.trim() === '') return outcome(game, []);
	return runShell(engine, game, text, options);
};

/** The prompt the shell shows for this play: `$ `, or the remote one while logged in to an instance. */
export const shellPrompt = (engine: GameEngine, state: GameState): string => engine.promptFor(engine.session(state.play));

/** Whether the player is logged in to an instance (Ctrl+D then logs out). */
export const isRemote = (engine: GameEngine, state: GameState): boolean => engine.session(state.play).remote !== undefined;

/** Tab completion candidates from the shell for the word ending `before`. */
export const shellCompletions = (engine: GameEngine, state: GameState, before: string): string[] => engine.complete(engine.session(state.play), before);
