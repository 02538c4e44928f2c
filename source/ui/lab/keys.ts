import type {InkKey} from '../prompt/reducer.js';

// The lab's own keys (the prompt's line-editing keys are in prompt/reducer.ts), as one table:
// what the app's input owner matches, what `help`-like texts and the status line call them.

export type LabKeyAction = 'readBack' | 'toggleWorld';
export type ReaderKeyAction = 'pageUp' | 'pageDown' | 'lineUp' | 'lineDown' | 'top' | 'bottom' | 'close';

export type KeyBinding<A> = {action: A; /** how the screen names the key */ label: string; matches: (input: string, key: InkKey) => boolean};

/** At the lab's prompt. */
export const LAB_KEYS: Array<KeyBinding<LabKeyAction>> = [
	{action: 'readBack', label: 'PgUp', matches: (_input, key) => Boolean(key.pageUp)},
	{action: 'toggleWorld', label: '^O', matches: (input, key) => Boolean(key.ctrl) && input === 'o'},
];

/** While the transcript is read back (PgUp). */
export const READER_KEYS: Array<KeyBinding<ReaderKeyAction>> = [
	{action: 'pageUp', label: 'PgUp', matches: (input, key) => Boolean(key.pageUp) || input === 'b'},
	{action: 'pageDown', label: 'PgDn', matches: (input, key) => Boolean(key.pageDown) || input === ' '},
	{action: 'lineUp', label: '↑', matches: (input, key) => Boolean(key.upArrow) || input === 'k'},
	{action: 'lineDown', label: '↓', matches: (input, key) => Boolean(key.downArrow) || input === 'j'},
	{action: 'top', label: 'Home', matches: (input, key) => Boolean(key.home) || input === 'g'},
	{action: 'bottom', label: 'End', matches: (input, key) => Boolean(key.end) || input === 'G'},
	{action: 'close', label: 'q', matches: (input, key) => Boolean(key.escape) || Boolean(key.return) || input === 'q' || input === '\r'},
];

export const keyFor = <A>(table: Array<KeyBinding<A>>, input: string, key: InkKey): A | undefined => table.find(b => b.matches(input, key))?.action;

export const labelOf = <A>(table: Array<KeyBinding<A>>, action: A): string => table.find(b => b.action === action)?.label ?? '';
