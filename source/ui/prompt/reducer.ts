// The prompt's line editor as a pure reducer: readline-like keys, history, Tab completion,
// continuation lines. No rendering, no I/O: the lab feeds it actions and reads its effects.

export type PromptState = {
	/** the line being edited */
	text: string;
	/** cursor position in `text`, 0..text.length */
	cursor: number;
	/** earlier commands, oldest first */
	history: string[];
	/** while browsing history: the index shown; undefined when editing a new line */
	historyIndex?: number;
	/** what was typed before browsing history started */
	draft: string;
	/** earlier lines of a command that is not complete yet (open quote, trailing backslash) */
	continuation: string[];
	/** what Ctrl+U/W/K cut (Ctrl+Y pastes it back) */
	killed: string;
};

export type PromptAction =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'deleteForward'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'wordLeft'}
	| {type: 'wordRight'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'killToStart'}
	| {type: 'killWordBack'}
	| {type: 'killToEnd'}
	| {type: 'yank'}
	| {type: 'historyUp'}
	| {type: 'historyDown'}
	| {type: 'tab'}
	| {type: 'enter'}
	| {type: 'interrupt'}
	| {type: 'clearScreen'}
	| {type: 'eof'};

export type PromptEffect =
	/** a line (with its continuation lines joined by \n) to run */
	| {type: 'submit'; text: string}
	/** Tab found several candidates and could not extend the word: show them */
	| {type: 'candidates'; candidates: string[]}
	/** Ctrl+C */
	| {type: 'interrupt'}
	/** Ctrl+L */
	| {type: 'clearScreen'}
	/** Ctrl+D on an empty line */
	| {type: 'eof'};

export type PromptDeps = {
	/** completion candidates for the word that ends at the cursor, given the line before the cursor */
	complete?: (lineBeforeCursor: string) => string[];
};

export type PromptStep = {state: PromptState; effects: PromptEffect[]};

export const emptyPrompt = (history: string[] = []): PromptState => ({text: '', cursor: 0, history, draft: '', continuation: [], killed: ''});

/** Key flags as Ink's useInput gives them (only the ones the prompt reads). */
export type InkKey = Partial<{
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	ctrl: boolean;
	meta: boolean;
	escape: boolean;
	pageUp: boolean;
	pageDown: boolean;
}>;

const ctrlActions: Record<string, PromptAction> = {
	a: {type: 'home'},
	e: {type: 'end'},
	b: {type: 'left'},
	f: {type: 'right'},
	u: {type: 'killToStart'},
	w: {type: 'killWordBack'},
	k: {type: 'killToEnd'},
	y: {type: 'yank'},
	p: {type: 'historyUp'},
	n: {type: 'historyDown'},
	h: {type: 'backspace'},
	d: {type: 'eof'}, // forward delete when the line is not empty (see reducer)
	c: {type: 'interrupt'},
	l: {type: 'clearScreen'},
	i: {type: 'tab'},
	m: {type: 'enter'},
	j: {type: 'enter'},
};

/**
 * The actions in one chunk of raw terminal input (a key, or a batch: a paste, key repeat, a
 * test writing at once). Every character is walked: `\r`/`\n` submit, DEL/BS erase, `\t`
 * completes, control characters act as their Ctrl key.
 */
export const actionsFromRaw = (raw: string): PromptAction[] => {
	const actions: PromptAction[] = [];
	let text = '';
	const flush = () => {
		if (text) actions.push({type: 'insert', text});
		text = '';
	};

	for (let i = 0; i < raw.length; i++) {
		const ch = raw[i];
		if (ch === '\r' && raw[i + 1] === '\n') continue; // CRLF: the \n submits
		const code = ch.charCodeAt(0);
		if (ch === '\x7f' || ch === '\b') {
			flush();
			actions.push({type: 'backspace'});
		} else if (ch === '\x1b') {
			// a lone escape inside a batch: ignore it
		} else if (code < 0x20) {
			flush();
			const action = ctrlActions[String.fromCharCode(code + 96)];
			if (action) actions.push(action);
		} else {
			text += ch;
		}
	}

	flush();
	return actions;
};

/** Translates one Ink useInput event into prompt actions. */
export const actionsFromInk = (input: string, key: InkKey): PromptAction[] => {
	if (key.upArrow) return [{type: 'historyUp'}];
	if (key.downArrow) return [{type: 'historyDown'}];
	if (key.leftArrow) return [{type: key.ctrl || key.meta ? 'wordLeft' : 'left'}];
	if (key.rightArrow) return [{type: key.ctrl || key.meta ? 'wordRight' : 'right'}];
	if (key.home) return [{type: 'home'}];
	if (key.end) return [{type: 'end'}];
	if (key.pageUp || key.pageDown) return [];
	// Ink reports the DEL byte (what Backspace sends) as `delete`: both erase backwards.
	if ((key.backspace || key.delete) && input === '') return [{type: 'backspace'}];
	if (key.return && input === '') return [{type: 'enter'}];
	if (key.tab && input === '') return [{type: 'tab'}];
	if (key.ctrl && input.length === 1) {
		const action = ctrlActions[input.toLowerCase()];
		return action ? [action] : [];
	}

	if (key.meta && input === 'b') return [{type: 'wordLeft'}];
	if (key.meta && input === 'f') return [{type: 'wordRight'}];
	if (key.escape || input === '') return [];
	return actionsFromRaw(input);
};

const isWordChar = (ch: string) => !/\s/.test(ch);

const wordStartBefore = (text: string, cursor: number): number => {
	let i = cursor;
	while (i > 0 && !isWordChar(text[i - 1])) i--;
	while (i > 0 && isWordChar(text[i - 1])) i--;
	return i;
};

const wordEndAfter = (text: string, cursor: number): number => {
	let i = cursor;
	while (i < text.length && !isWordChar(text[i])) i++;
	while (i < text.length && isWordChar(text[i])) i++;
	return i;
};

/** The longest prefix every string shares. */
export const commonPrefix = (values: string[]): string => {
	if (values.length === 0) return '';
	let prefix = values[0];
	for (const value of values.slice(1)) {
		let i = 0;
		while (i < prefix.length && i < value.length && prefix[i] === value[i]) i++;
		prefix = prefix.slice(0, i);
	}

	return prefix;
};

const edit = (state: PromptState, text: string, cursor: number): PromptState => ({...state, text, cursor, historyIndex: undefined});

const complete = (state: PromptState, deps: PromptDeps): PromptStep => {
	const before = state.text.slice(0, state.cursor);
	const after = state.text.slice(state.cursor);
	const word = /\S*$/.exec(before)?.[0] ?? '';
	const all = deps.complete ? deps.complete(before) : [];
	const candidates = [...new Set(all.filter(c => c.startsWith(word)))].sort();
	if (candidates.length === 0) return {state, effects: []};
	const stem = before.slice(0, before.length - word.length);
	if (candidates.length === 1) {
		const only = candidates[0];
		const suffix = /[/=:]$/.test(only) || after.startsWith(' ') ? '' : ' ';
		const next = stem + only + suffix;
		return {state: edit(state, next + after, next.length), effects: []};
	}

	const prefix = commonPrefix(candidates);
	if (prefix.length > word.length) {
		const next = stem + prefix;
		return {state: edit(state, next + after, next.length), effects: []};
	}

	return {state, effects: [{type: 'candidates', candidates}]};
};

const browse = (state: PromptState, direction: -1 | 1): PromptState => {
	const {history} = state;
	if (history.length === 0) return state;
	const current = state.historyIndex ?? history.length;
	const index = Math.min(history.length, Math.max(0, current + direction));
	if (index === current) return state;
	const draft = state.historyIndex === undefined ? state.text : state.draft;
	const text = index === history.length ? draft : history[index];
	return {...state, text, cursor: text.length, historyIndex: index === history.length ? undefined : index, draft};
};

/** One action. */
export const reducePrompt = (state: PromptState, action: PromptAction, deps: PromptDeps = {}): PromptStep => {
	const {text, cursor} = state;
	const same = (next: PromptState): PromptStep => ({state: next, effects: []});
	switch (action.type) {
		case 'insert': {
			return same(edit(state, text.slice(0, cursor) + action.text + text.slice(cursor), cursor + action.text.length));
		}

		case 'backspace': {
			return cursor === 0 ? same(state) : same(edit(state, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1));
		}

		case 'deleteForward': {
			return cursor >= text.length ? same(state) : same(edit(state, text.slice(0, cursor) + text.slice(cursor + 1), cursor));
		}

		case 'left': {
			return same({...state, cursor: Math.max(0, cursor - 1)});
		}

		case 'right': {
			return same({...state, cursor: Math.min(text.length, cursor + 1)});
		}

		case 'wordLeft': {
			return same({...state, cursor: wordStartBefore(text, cursor)});
		}

		case 'wordRight': {
			return same({...state, cursor: wordEndAfter(text, cursor)});
		}

		case 'home': {
			return same({...state, cursor: 0});
		}

		case 'end': {
			return same({...state, cursor: text.length});
		}

		case 'killToStart': {
			return cursor === 0 ? same(state) : same({...edit(state, text.slice(cursor), 0), killed: text.slice(0, cursor)});
		}

		case 'killWordBack': {
			const start = wordStartBefore(text, cursor);
			return start === cursor ? same(state) : same({...edit(state, text.slice(0, start) + text.slice(cursor), start), killed: text.slice(start, cursor)});
		}

		case 'killToEnd': {
			return cursor >= text.length ? same(state) : same({...edit(state, text.slice(0, cursor), cursor), killed: text.slice(cursor)});
		}

		case 'yank': {
			return state.killed ? reducePrompt(state, {type: 'insert', text: state.killed}, deps) : same(state);
		}

		case 'historyUp': {
			return same(browse(state, -1));
		}

		case 'historyDown': {
			return same(browse(state, 1));
		}

		case 'tab': {
			return complete(state, deps);
		}

		case 'enter': {
			const full = [...state.continuation, text].join('\n');
			return {state: {...state, text: '', cursor: 0, historyIndex: undefined, draft: '', continuation: []}, effects: [{type: 'submit', text: full}]};
		}

		case 'interrupt': {
			return {state: {...state, text: '', cursor: 0, historyIndex: undefined, draft: '', continuation: []}, effects: [{type: 'interrupt'}]};
		}

		case 'clearScreen': {
			return {state, effects: [{type: 'clearScreen'}]};
		}

		case 'eof': {
			if (text.length > 0 || state.continuation.length > 0) return reducePrompt(state, {type: 'deleteForward'}, deps);
			return {state, effects: [{type: 'eof'}]};
		}
	}
};

/**
 * After a submitted command ran: an incomplete one (open quote, trailing backslash) becomes the
 * continuation of the next line; a complete one goes into history (not twice in a row, not blank).
 */
export const afterSubmit = (state: PromptState, submitted: string, incomplete: boolean): PromptState => {
	if (incomplete) return {...state, continuation: submitted.split('\n')};
	const trimmed = submitted.trim();
	if (trimmed === '' || state.history.at(-1) === submitted) return state;
	return {...state, history: [...state.history, submitted]};
};

/** `$ ` for a new command, `> ` while continuing one. */
export const promptLabel = (state: PromptState, primary: string): string => (state.continuation.length > 0 ? '> ' : primary);
