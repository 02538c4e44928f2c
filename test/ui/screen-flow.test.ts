import {describe, expect, it} from 'vitest';
import {appKey, initialApp, progressLoaded, startAt, type AppState} from '../../source/ui/app-state.js';
import {emptyProgress} from '../../source/progress/version.js';
import {fakeEngine} from './helpers/fake-engine.js';

// The screen flow around the lab: clean screens, reading back, the world toggle (the pure reducer).

const engine = fakeEngine();
const view = {columns: 80, rows: 24};

const lab = (): AppState => {
	let state = progressLoaded(initialApp(engine), emptyProgress());
	state = startAt(engine, state, {mode: 'sandbox'}).state;
	expect(state.screen.name).toBe('lab');
	return state;
};

const type = (state: AppState, text: string) => {
	let effects: ReturnType<typeof appKey>['effects'] = [];
	for (const ch of text) {
		const step = appKey(engine, state, ch, ch === '\r' ? {return: true} : {}, view);
		state = step.state;
		effects = [...effects, ...step.effects];
	}

	return {state, effects};
};

describe('clean screens', () => {
	it('`clear` leaves nothing behind, not even its own line', () => {
		let {state} = type(lab(), 'echo one\r');
		expect(state.transcript.some(e => e.text === 'one')).toBe(true);
		const step = type(state, 'clear\r');
		state = step.state;
		expect(step.effects).toContainEqual({type: 'clear'});
		expect(state.transcript).toEqual([]);
	});

	it('the menu from the lab starts on a clean screen, without the lab\'s transcript', () => {
		const before = type(lab(), 'echo one\r').state;
		const step = type(before, 'menu\r');
		expect(step.state.screen.name).toBe('menu');
		expect(step.effects[0]).toEqual({type: 'clear'});
		expect(step.state.transcript).toEqual([]);
		expect(step.state.transcriptEpoch).toBeGreaterThan(before.transcriptEpoch);
	});
});

describe('reading back', () => {
	it('PgUp opens the transcript a page up, keys move it, q closes it on a redrawn screen; long output gets a hint once', () => {
		let {state} = type(lab(), `echo ${'x '.repeat(5)}\r`);
		for (let i = 0; i < 3; i++) state = type(state, 'echo a\r').state;
		expect(state.overflowHinted).toBeFalsy();
		// one answer longer than the screen: the fake engine's echo prints what it is given, one line here
		const long = Array.from({length: 40}, (_, i) => `line${i}`).join('\n');
		state = {...state, lab: state.lab && {...state.lab, scroll: [{id: 0, kind: 'stdout', text: long}]}};
		state = type(state, 'echo b\r').state;
		expect(state.transcript.filter(e => e.text.startsWith('That was longer than the screen'))).toHaveLength(1);
		state = {...state, lab: state.lab && {...state.lab, scroll: [{id: 0, kind: 'stdout', text: long}]}};
		state = type(state, 'echo c\r').state;
		expect(state.transcript.filter(e => e.text.startsWith('That was longer than the screen'))).toHaveLength(1);
		const total = state.transcript.flatMap(e => e.text.split('\n')).length;
		state = appKey(engine, state, '', {pageUp: true}, view).state;
		expect(state.reader).toEqual({top: total - 2 * 21 + 1});
		state = appKey(engine, state, 'g', {}, view).state;
		expect(state.reader).toEqual({top: 0});
		state = appKey(engine, state, '', {pageDown: true}, view).state;
		expect(state.reader).toEqual({top: 20});
		// typed keys go to the reader, not the prompt
		expect(state.lab?.prompt.text).toBe('');
		const epoch = state.transcriptEpoch;
		const closed = appKey(engine, state, 'q', {}, view);
		expect(closed.state.reader).toBeUndefined();
		expect(closed.effects).toEqual([{type: 'clear'}]);
		expect(closed.state.transcriptEpoch).toBe(epoch + 1);
	});

	it('Ctrl+O shows and hides the world pane', () => {
		let state = lab();
		state = appKey(engine, state, 'o', {ctrl: true}, view).state;
		expect(state.showWorld).toBe(true);
		expect(state.lab?.prompt.text).toBe('');
		state = appKey(engine, state, 'o', {ctrl: true}, view).state;
		expect(state.showWorld).toBe(false);
	});
});
