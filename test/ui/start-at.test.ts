import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {initialApp, startAt} from '../../source/ui/app-state.js';
import {createGame} from '../../source/game/entry.js';
import {fakeDeps} from '../lessons/fake-deps.js';

// `ami-school play <chapter>` names a chapter the same way with or without --script (one rule,
// source/lessons/find-chapter.ts): by id, order, or the lesson's file name.

const engine = createGame({lessonsDir: path.resolve('test/lessons/fixtures/good'), deps: fakeDeps});

describe('startAt', () => {
	it.each(['two-computers', '1', '01', '01-two', '01-two.yaml'])('play %s opens the chapter of the file 01-two.yaml', key => {
		const {state} = startAt(engine, initialApp(engine), {mode: 'chapter', chapter: key});
		expect(state.lab?.play.chapterId).toBe('two-computers');
		expect(state.screen.name).toBe('story');
	});

	it('an unknown name leaves the menu, with a notice', () => {
		const {state} = startAt(engine, initialApp(engine), {mode: 'chapter', chapter: '01-two-computers'});
		expect(state.lab).toBeUndefined();
		expect(state.notices[0]).toBe('There is no chapter "01-two-computers": pick one below.');
	});
});
