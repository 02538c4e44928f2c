import {describe, expect, it} from 'vitest';
import {actionsFromInk, actionsFromRaw, afterSubmit, commonPrefix, emptyPrompt, promptLabel, reducePrompt, type PromptAction, type PromptDeps, type PromptEffect, type PromptState} from '../../source/ui/prompt/reducer.js';

const run = (state: PromptState, actions: PromptAction[], deps: PromptDeps = {}) => {
	const effects: PromptEffect[] = [];
	for (const action of actions) {
		const step = reducePrompt(state, action, deps);
		state = step.state;
		effects.push(...step.effects);
	}

	return {state, effects};
};

const typed = (text: string, cursor = text.length): PromptState => ({...emptyPrompt(), text, cursor});

describe('editing', () => {
	it('inserts at the cursor and moves it', () => {
		const {state} = run(typed('aws ec2', 3), [{type: 'insert', text: 'X'}]);
		expect(state.text).toBe('awsX ec2');
		expect(state.cursor).toBe(4);
	});

	it('left/right stop at the ends; home/end jump', () => {
		let {state} = run(typed('ab'), [{type: 'right'}, {type: 'left'}, {type: 'left'}, {type: 'left'}]);
		expect(state.cursor).toBe(0);
		state = run(state, [{type: 'end'}]).state;
		expect(state.cursor).toBe(2);
		state = run(state, [{type: 'home'}]).state;
		expect(state.cursor).toBe(0);
	});

	it('backspace erases before the cursor, delete after it, both safe at the ends', () => {
		expect(run(typed('abc', 2), [{type: 'backspace'}]).state).toMatchObject({text: 'ac', cursor: 1});
		expect(run(typed('abc', 0), [{type: 'backspace'}]).state).toMatchObject({text: 'abc', cursor: 0});
		expect(run(typed('abc', 1), [{type: 'deleteForward'}]).state).toMatchObject({text: 'ac', cursor: 1});
		expect(run(typed('abc', 3), [{type: 'deleteForward'}]).state).toMatchObject({text: 'abc', cursor: 3});
	});

	it('Ctrl+U cuts to the start, Ctrl+K to the end, Ctrl+W the word before, Ctrl+Y pastes back', () => {
		expect(run(typed('aws ec2 describe', 8), [{type: 'killToStart'}]).state).toMatchObject({text: 'describe', cursor: 0, killed: 'aws ec2 '});
		expect(run(typed('aws ec2 describe', 7), [{type: 'killToEnd'}]).state).toMatchObject({text: 'aws ec2', cursor: 7});
		expect(run(typed('aws ec2  '), [{type: 'killWordBack'}]).state).toMatchObject({text: 'aws ', cursor: 4, killed: 'ec2  '});
		expect(run(typed('aws ec2'), [{type: 'killWordBack'}, {type: 'home'}, {type: 'yank'}]).state).toMatchObject({text: 'ec2aws ', cursor: 3});
	});

	it('word left/right skip spaces then a word', () => {
		expect(run(typed('aws ec2 run'), [{type: 'wordLeft'}]).state.cursor).toBe(8);
		expect(run(typed('aws ec2 run', 0), [{type: 'wordRight'}, {type: 'wordRight'}]).state.cursor).toBe(7);
	});
});

describe('history', () => {
	const withHistory = {...emptyPrompt(['one', 'two']), text: 'dra', cursor: 3};

	it('up walks back, down walks forward to the draft', () => {
		let {state} = run(withHistory, [{type: 'historyUp'}]);
		expect(state.text).toBe('two');
		state = run(state, [{type: 'historyUp'}, {type: 'historyUp'}]).state;
		expect(state.text).toBe('one');
		expect(state.cursor).toBe(3);
		state = run(state, [{type: 'historyDown'}, {type: 'historyDown'}]).state;
		expect(state.text).toBe('dra');
		expect(state.historyIndex).toBeUndefined();
		state = run(state, [{type: 'historyDown'}]).state;
		expect(state.text).toBe('dra');
	});

	it('does nothing without history', () => {
		expect(run(typed('x'), [{type: 'historyUp'}]).state.text).toBe('x');
	});

	it('afterSubmit records complete commands once, skips blanks and repeats', () => {
		let state = afterSubmit(emptyPrompt(), 'ls', false);
		state = afterSubmit(state, 'ls', false);
		state = afterSubmit(state, '   ', false);
		expect(state.history).toEqual(['ls']);
	});
});

describe('enter and continuation', () => {
	it('enter submits the line and clears it', () => {
		const {state, effects} = run(typed('aws ec2 describe-images'), [{type: 'enter'}]);
		expect(effects).toEqual([{type: 'submit', text: 'aws ec2 describe-images'}]);
		expect(state.text).toBe('');
	});

	it('an incomplete command continues on the next line with the `> ` prompt, then submits joined', () => {
		let state = afterSubmit(emptyPrompt(), "echo 'a", true);
		expect(promptLabel(state, '$ ')).toBe('> ');
		const step = run({...state, text: "b'", cursor: 2}, [{type: 'enter'}]);
		expect(step.effects).toEqual([{type: 'submit', text: "echo 'a\nb'"}]);
		state = afterSubmit(step.state, "echo 'a\nb'", false);
		expect(promptLabel(state, '$ ')).toBe('$ ');
		expect(state.history).toEqual(["echo 'a\nb'"]);
	});

	it('Ctrl+C drops the line and any continuation', () => {
		const {state, effects} = run({...typed('abc'), continuation: ['x \\']}, [{type: 'interrupt'}]);
		expect(effects).toEqual([{type: 'interrupt'}]);
		expect(state).toMatchObject({text: '', continuation: []});
	});

	it('Ctrl+D deletes forward on a non-empty line and is EOF on an empty one', () => {
		expect(run(typed('ab', 0), [{type: 'eof'}]).state.text).toBe('b');
		expect(run(typed(''), [{type: 'eof'}]).effects).toEqual([{type: 'eof'}]);
	});
});

describe('tab completion', () => {
	const words = ['describe-images', 'describe-instances', 'deregister-image', 'create-image'];
	const deps: PromptDeps = {complete: () => words};

	it('completes a unique candidate and adds a space', () => {
		const {state, effects} = run(typed('aws ec2 cr'), [{type: 'tab'}], deps);
		expect(state.text).toBe('aws ec2 create-image ');
		expect(effects).toEqual([]);
	});

	it('extends to the common prefix when ambiguous', () => {
		expect(run(typed('aws ec2 desc'), [{type: 'tab'}], deps).state.text).toBe('aws ec2 describe-i');
	});

	it('lists the candidates when it cannot extend', () => {
		const {state, effects} = run(typed('aws ec2 describe-i'), [{type: 'tab'}], deps);
		expect(state.text).toBe('aws ec2 describe-i');
		expect(effects).toEqual([{type: 'candidates', candidates: ['describe-images', 'describe-instances']}]);
	});

	it('completes in the middle of a line and passes only the text before the cursor', () => {
		let seen = '';
		const spy: PromptDeps = {complete(before) {
			seen = before;
			return words;
		}};
		const {state} = run(typed('aws ec2 cr --name x', 10), [{type: 'tab'}], spy);
		expect(seen).toBe('aws ec2 cr');
		expect(state.text).toBe('aws ec2 create-image --name x');
	});

	it('does not add a space after a value ending in = or /', () => {
		expect(run(typed('--filters Na'), [{type: 'tab'}], {complete: () => ['Name=']}).state.text).toBe('--filters Name=');
	});

	it('no candidates: nothing happens', () => {
		expect(run(typed('zz'), [{type: 'tab'}], deps)).toEqual({state: typed('zz'), effects: []});
	});

	it('commonPrefix', () => {
		expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab');
		expect(commonPrefix([])).toBe('');
	});
});

describe('raw input chunks', () => {
	it('walks every character of a batched chunk', () => {
		expect(actionsFromRaw('ls -la\r')).toEqual([{type: 'insert', text: 'ls -la'}, {type: 'enter'}]);
		expect(actionsFromRaw('ab\x7f\x7fc')).toEqual([{type: 'insert', text: 'ab'}, {type: 'backspace'}, {type: 'backspace'}, {type: 'insert', text: 'c'}]);
		expect(actionsFromRaw('x\x01y\x05\x15')).toEqual([{type: 'insert', text: 'x'}, {type: 'home'}, {type: 'insert', text: 'y'}, {type: 'end'}, {type: 'killToStart'}]);
	});

	it('a multi-line paste gives one submit per line; CRLF counts once', () => {
		const actions = actionsFromRaw('echo a\r\necho b\nech');
		const {state, effects} = run(emptyPrompt(), actions);
		expect(effects).toEqual([{type: 'submit', text: 'echo a'}, {type: 'submit', text: 'echo b'}]);
		expect(state.text).toBe('ech');
	});

	it('maps Ink key events: arrows, backspace reported as delete, ctrl letters, return, tab', () => {
		expect(actionsFromInk('', {upArrow: true})).toEqual([{type: 'historyUp'}]);
		expect(actionsFromInk('', {delete: true})).toEqual([{type: 'backspace'}]);
		expect(actionsFromInk('', {backspace: true})).toEqual([{type: 'backspace'}]);
		expect(actionsFromInk('w', {ctrl: true})).toEqual([{type: 'killWordBack'}]);
		expect(actionsFromInk('c', {ctrl: true})).toEqual([{type: 'interrupt'}]);
		expect(actionsFromInk('\r', {return: true})).toEqual([{type: 'enter'}]);
		expect(actionsFromInk('', {return: true})).toEqual([{type: 'enter'}]);
		expect(actionsFromInk('\t', {tab: true})).toEqual([{type: 'tab'}]);
		expect(actionsFromInk('', {escape: true})).toEqual([]);
		expect(actionsFromInk('A', {})).toEqual([{type: 'insert', text: 'A'}]);
		expect(actionsFromInk('', {leftArrow: true, ctrl: true})).toEqual([{type: 'wordLeft'}]);
	});
});
