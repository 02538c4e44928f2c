import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {ProgressPort} from '../../source/ui/app.js';
import type {Game} from '../../source/game/types.js';
import {emptyProgress} from '../../source/progress/version.js';
import {Boot} from '../../source/ui/start.js';
import {fakeEngine} from './helpers/fake-engine.js';

const progress = async (): Promise<ProgressPort> => ({progress: emptyProgress(), save: () => undefined});
const tick = () => new Promise(resolve => setTimeout(resolve, 30));

describe('Boot: the first frame', () => {
	it('shows the title at once, then the menu when the chapters have loaded', async () => {
		let finish: (engine: Game) => void = () => {};
		const loading = new Promise<Game>(resolve => {
			finish = resolve;
		});
		const app = render(<Boot load={() => loading} openProgress={progress} start={{mode: 'menu'}} />);
		expect(app.lastFrame()).toContain('AMI School');
		expect(app.lastFrame()).toContain('Loading the chapters');
		finish(fakeEngine());
		// then the menu (after the progress has loaded too): wait for it, time-boxed, on a busy machine
		for (let i = 0; i < 100 && !app.lastFrame()?.includes('Free sandbox'); i++) await tick();
		expect(app.lastFrame()).not.toContain('Loading the chapters');
		expect(app.lastFrame()).toContain('Free sandbox');
		app.unmount();
	});

	it('says plainly when the chapters cannot load, and ends', async () => {
		const app = render(<Boot load={async () => Promise.reject(new Error('dist/ui-engine.js is missing'))} openProgress={progress} start={{mode: 'menu'}} />);
		await tick();
		// the game then ends (Ink unmounts, and under CI=true the last frame is blank): look at every frame drawn
		expect(app.frames.some(frame => frame.includes('The game could not load its chapters: dist/ui-engine.js is missing'))).toBe(true);
		app.unmount();
	});
});
