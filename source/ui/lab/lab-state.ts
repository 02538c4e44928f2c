import type {Game, GameEvent, GameState} from '../../game/types.js';
import {afterSubmit, emptyPrompt, promptLabel, reducePrompt, type PromptAction, type PromptState} from '../prompt/reducer.js';

// The lab screen as a pure state machine: prompt keys in; scrollback, new play and signals for
// the app (menu, exit, story, quiz, chapter complete) out. The component only renders it. What a
// line means (game command, shell line, goals met) is the game layer's (source/game/play.ts).

export type ScrollKind = 'command' | 'stdout' | 'stderr' | 'info' | 'success' | 'hint' | 'warn';
export type ScrollEntry = {id: number; kind: ScrollKind; text: string};

export type LabState = GameState & {
	prompt: PromptState;
	scroll: ScrollEntry[];
	nextId: number;
	/** Ctrl+C pressed once: the next Ctrl+C quits */
	ctrlCArmed: boolean;
	/** the play before the last line (the world pane marks what that line changed) */
	before?: GameState['play'];
};

export type LabSignal = {type: 'menu'} | {type: 'exit'} | {type: 'story'} | {type: 'quiz'} | {type: 'complete'; solutionShown?: boolean} | {type: 'clear'} | {type: 'save'};

export type LabStep = {state: LabState; signals: LabSignal[]};

/** What the lab knows of the terminal: its columns (the shell's `--output table` fits them) and rows (the other screens page their text to them). */
export type LabView = {columns?: number; rows?: number};

export const newLab = (engine: Game, play: GameState['play'], history: string[] = []): LabState => ({
	...engine.newGame(play),
	prompt: emptyPrompt(history),
	scroll: [],
	nextId: 0,
	ctrlCArmed: false,
});

/** The prompt string: `$ `, or the remote shell's, or `> ` for a continuation, or the question asked. */
export const labPromptLabel = (engine: Game, state: LabState): string => {
	if (state.confirm) return '[y/N] ';
	return promptLabel(state.prompt, engine.shellPrompt(state));
};

const print = (state: LabState, kind: ScrollKind, text: string): LabState => {
	const trimmed = text.replace(/\n+$/, '');
	if (trimmed === '' && kind !== 'command') return state;
	return {...state, scroll: [...state.scroll, {id: state.nextId, kind, text: trimmed}], nextId: state.nextId + 1};
};

/** The game's events as scrollback and signals for the app. */
const apply = (state: LabState, events: GameEvent[]): LabStep => {
	const signals: LabSignal[] = [];
	for (const event of events) {
		if (event.type === 'printed') state = print(state, event.kind, event.text);
		else if (event.type === 'goal-met') state = print(state, 'success', `✓ Goal met: ${event.text}`);
		else signals.push(event);
	}

	return {state, signals};
};

const submit = (engine: Game, state: LabState, text: string, label: string, view: LabView): LabStep => {
	const lastLine = text.split('\n').at(-1) ?? '';
	const echoed = print(state, 'command', label + lastLine);
	if (!state.confirm && text.trim() === '') return {state: echoed, signals: []};
	const outcome = engine.submit(echoed, text, {width: view.columns});
	const next: LabState = {...echoed, ...outcome.state, before: state.play};
	// a question answered is not a line of the prompt's history; anything else is (incomplete lines too)
	if (state.confirm) return apply(next, outcome.events);
	return apply({...next, prompt: afterSubmit(next.prompt, text, Boolean(outcome.shell?.incomplete))}, outcome.events);
};

/** Tab completion: the game's own commands for the first word, the engine's candidates otherwise. */
export const labCompleter = (engine: Game, state: LabState) => (before: string): string[] => {
	const candidates = engine.completions(state, before);
	return /^\s*\S*$/.test(before) ? [...engine.commandWords(), ...candidates] : candidates;
};

/** Feeds prompt actions (one key, or a whole pasted chunk) to the lab, in order. */
export const labActions = (engine: Game, state: LabState, actions: PromptAction[], view: LabView = {}): LabStep => {
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
					if (engine.isRemote(state)) {
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
