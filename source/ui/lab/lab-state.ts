import {formatBill, formatHelp, formatLineage, gameCommandWords, parseGameCommand, type GameCommandName} from '../../lessons/game-commands.js';
import {recordLine, undoLast, undoMessage, type UndoEntry} from '../../shell/undo.js';
import {lineage} from '../../sim/images/lineage.js';
import type {GameEngine, Play} from '../engine-port.js';
import {afterSubmit, emptyPrompt, promptLabel, reducePrompt, type PromptAction, type PromptState} from '../prompt/reducer.js';

// The lab screen as a pure state machine: prompt keys in; scrollback, new play and signals for
// the app (menu, exit, story, quiz, chapter complete) out. The component only renders it.

export type ScrollKind = 'command' | 'stdout' | 'stderr' | 'info' | 'success' | 'hint' | 'warn';
export type ScrollEntry = {id: number; kind: ScrollKind; text: string};

export type Confirm = 'solution' | 'reset';

export type LabState = {
	play: Play;
	sandbox: boolean;
	/** sessions before each command that changed something, newest last (undo) */
	undo: UndoEntry[];
	prompt: PromptState;
	scroll: ScrollEntry[];
	nextId: number;
	confirm?: Confirm;
	/** Ctrl+C pressed once: the next Ctrl+C quits */
	ctrlCArmed: boolean;
	/** goal ids met after the last command (to announce newly met ones) */
	met: string[];
};

export type LabSignal = {type: 'menu'} | {type: 'exit'} | {type: 'story'} | {type: 'quiz'} | {type: 'complete'; solutionShown?: boolean} | {type: 'clear'} | {type: 'save'};

export type LabStep = {state: LabState; signals: LabSignal[]};

/** What the lab knows of the terminal: its columns (the shell's `--output table` fits them). */
export type LabView = {columns?: number};

export const newLab = (engine: GameEngine, play: Play, history: string[] = []): LabState => ({
	play,
	sandbox: play.chapterId === undefined,
	undo: [],
	prompt: emptyPrompt(history),
	scroll: [],
	nextId: 0,
	ctrlCArmed: false,
	met: metIds(engine, play),
});

const metIds = (engine: GameEngine, play: Play) => (play.chapterId === undefined ? [] : engine.goals(play).filter(g => g.met).map(g => g.id));

/** The prompt string: `$ `, or the remote shell's, or `> ` for a continuation, or the question asked. */
export const labPromptLabel = (engine: GameEngine, state: LabState): string => {
	if (state.confirm) return '[y/N] ';
	return promptLabel(state.prompt, engine.promptFor(engine.session(state.play)));
};

const print = (state: LabState, kind: ScrollKind, text: string): LabState => {
	const trimmed = text.replace(/\n+$/, '');
	if (trimmed === '' && kind !== 'command') return state;
	return {...state, scroll: [...state.scroll, {id: state.nextId, kind, text: trimmed}], nextId: state.nextId + 1};
};

const goalsText = (engine: GameEngine, play: Play): string =>
	engine
		.goals(play)
		.map(g => `${g.met ? '✓' : '○'} ${g.text}`)
		.join('\n');

const gameCommand = (engine: GameEngine, state: LabState, name: GameCommandName): LabStep => {
	const sandboxOnly = (text: string): LabStep => ({state: print(state, 'info', text), signals: []});
	switch (name) {
		case 'help': {
			return {state: print(state, 'info', formatHelp({sandbox: state.sandbox})), signals: []};
		}

		case 'goals': {
			return state.sandbox ? sandboxOnly('The sandbox has no goals: try anything.') : {state: print(state, 'info', goalsText(engine, state.play)), signals: []};
		}

		case 'hint': {
			if (state.sandbox) return sandboxOnly('No hints in the sandbox.');
			const hint = engine.hint(state.play);
			if (!hint) return {state: print(state, 'info', 'No more hints. Type `solution` to see the reference solution.'), signals: []};
			const cost = hint.cost > 0 ? ` (-${hint.cost} points)` : '';
			return {state: print({...state, play: hint.play}, 'hint', `Hint${cost}: ${hint.text}`), signals: [{type: 'save'}]};
		}

		case 'solution': {
			if (state.sandbox) return sandboxOnly('The sandbox has no solution: there is nothing to solve.');
			return {state: print({...state, confirm: 'solution'}, 'warn', 'Show the reference solution? The chapter will then score no stars. [y/N]'), signals: []};
		}

		case 'reset': {
			const what = state.sandbox ? 'Throw away this sandbox world and start a fresh one?' : 'Restart this chapter from the beginning?';
			return {state: print({...state, confirm: 'reset'}, 'warn', `${what} [y/N]`), signals: []};
		}

		case 'undo': {
			const undone = undoLast(state.undo);
			if (!undone) return {state: print(state, 'info', undoMessage(undefined)), signals: []};
			const play = engine.withSession(state.play, undone.entry.session);
			const next = {...state, play, undo: undone.stack, met: metIds(engine, play)};
			return {state: print(next, 'info', undoMessage(undone.entry)), signals: [{type: 'save'}]};
		}

		case 'story': {
			return state.sandbox ? sandboxOnly('The sandbox has no story: you write it.') : {state, signals: [{type: 'story'}]};
		}

		case 'quiz': {
			return state.sandbox ? sandboxOnly('No quiz in the sandbox.') : {state, signals: [{type: 'quiz'}]};
		}

		case 'lineage': {
			return {state: print(state, 'info', formatLineage(lineage(engine.session(state.play).world))), signals: []};
		}

		case 'bill': {
			return {state: print(state, 'info', formatBill(engine.session(state.play).world)), signals: []};
		}

		case 'menu': {
			return {state, signals: [{type: 'menu'}]};
		}

		case 'exit': {
			return {state, signals: [{type: 'exit'}]};
		}
	}
};

const answerConfirm = (engine: GameEngine, state: LabState, answer: string): LabStep => {
	const yes = /^y(es)?$/i.test(answer.trim());
	const asked = state.confirm;
	const base = {...state, confirm: undefined};
	if (!yes) return {state: print(base, 'info', 'Cancelled.'), signals: []};
	if (asked === 'solution') {
		const {play, lines} = engine.solution(state.play);
		// showing the solution ends the chapter with no stars: straight on to its quiz and score
		return {state: print({...base, play}, 'hint', `Reference solution:\n${lines.map(l => `  ${l}`).join('\n')}`), signals: [{type: 'save'}, {type: 'complete', solutionShown: true}]};
	}

	const play = state.play.chapterId === undefined ? engine.sandbox() : engine.start(state.play.chapterId);
	const restarted = {...base, play, undo: [], met: metIds(engine, play)};
	return {state: print(restarted, 'info', state.sandbox ? 'A fresh sandbox world.' : 'Chapter restarted.'), signals: [{type: 'save'}]};
};

const runShell = (engine: GameEngine, state: LabState, text: string, view: LabView): LabStep => {
	const before = engine.session(state.play);
	const {play, result} = engine.run(state.play, text, {width: view.columns});
	const signals: LabSignal[] = [];
	let next: LabState = {...state, play, prompt: afterSubmit(state.prompt, text, Boolean(result.incomplete))};
	if (result.incomplete) return {state: next, signals};
	if (result.clear) signals.push({type: 'clear'});
	next = print(next, 'stdout', result.stdout);
	next = print(next, 'stderr', result.stderr);
	next = {...next, undo: recordLine(next.undo, before, engine.session(play), text)};
	if (!next.sandbox) {
		const goals = engine.goals(play);
		const nowMet = goals.filter(g => g.met).map(g => g.id);
		for (const goal of goals) if (goal.met && !state.met.includes(goal.id)) next = print(next, 'success', `✓ Goal met: ${goal.text}`);
		next = {...next, met: nowMet};
	}

	signals.push({type: 'save'});
	if (!next.sandbox && engine.isComplete(play)) signals.push({type: 'complete'});
	return {state: next, signals};
};

const submit = (engine: GameEngine, state: LabState, text: string, label: string, view: LabView): LabStep => {
	const lastLine = text.split('\n').at(-1) ?? '';
	const echoed = print(state, 'command', label + lastLine);
	if (state.confirm) return answerConfirm(engine, echoed, text);
	if (!text.includes('\n')) {
		const name = parseGameCommand(text, {remote: engine.session(state.play).remote !== undefined});
		if (name) {
			const step = gameCommand(engine, echoed, name);
			return {...step, state: {...step.state, prompt: afterSubmit(step.state.prompt, text, false)}};
		}
	}

	if (text.trim() === '') return {state: echoed, signals: []};
	return runShell(engine, echoed, text, view);
};

/** Tab completion: the game's own commands for the first word, the engine's candidates otherwise. */
export const labCompleter = (engine: GameEngine, state: LabState) => (before: string): string[] => {
	const candidates = engine.complete(engine.session(state.play), before);
	return /^\s*\S*$/.test(before) ? [...gameCommandWords(), ...candidates] : candidates;
};

/** Feeds prompt actions (one key, or a whole pasted chunk) to the lab, in order. */
export const labActions = (engine: GameEngine, state: LabState, actions: PromptAction[], view: LabView = {}): LabStep => {
	const signals: LabSignal[] = [];
	for (const action of actions) {
		if (action.type !== 'interrupt' && state.ctrlCArmed) state = {...state, ctrlCArmed: false};
		const label = labPromptLabel(engine, state);
		const step = reducePrompt(state.prompt, action, {complete: labCompleter(engine, state)});
		state = {...state, prompt: step.state};
		for (const effect of step.effects) {
			switch (effect.type) {
				case 'submit': {
					const result = submit(engine, state, effect.text, label, view);
					state = result.state;
					signals.push(...result.signals);
					break;
				}

				case 'candidates': {
					state = print(state, 'info', effect.candidates.join('  '));
					break;
				}

				case 'interrupt': {
					if (state.ctrlCArmed) {
						signals.push({type: 'exit'});
					} else {
						state = print({...state, confirm: undefined, ctrlCArmed: true}, 'command', `${label}^C`);
						state = print(state, 'info', 'Press Ctrl+C again to quit (your progress is saved).');
					}

					break;
				}

				case 'clearScreen': {
					signals.push({type: 'clear'});
					break;
				}

				case 'eof': {
					if (engine.session(state.play).remote) {
						const result = submit(engine, state, 'exit', label, view);
						state = result.state;
						signals.push(...result.signals);
					} else {
						state = print(state, 'info', 'Type `exit` to leave the game, `menu` for the chapter menu.');
					}

					break;
				}
			}
		}

		if (signals.some(s => s.type === 'exit' || s.type === 'menu' || s.type === 'complete' || s.type === 'story' || s.type === 'quiz')) break;
	}

	return {state, signals};
};
