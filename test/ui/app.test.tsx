import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {App, type ProgressPort} from '../../source/ui/app.js';
import {markCompleted, markStarted, setCurrent} from '../../source/progress/model.js';
import {emptyProgress, type Progress} from '../../source/progress/schema.js';
import {fakeEngine} from './helpers/fake-engine.js';

const tick = async (ms = 20) => new Promise(resolve => setTimeout(resolve, ms));

const memoryStore = (progress: Progress = emptyProgress(), warning?: string) => {
	const saved: Progress[] = [];
	const port: ProgressPort = {progress, warning, save: p => void saved.push(p)};
	return {port, saved};
};

const UP = '\u001B[A';
const DOWN = '\u001B[B';

const setup = async (progress?: Progress, warning?: string) => {
	const engine = fakeEngine();
	const store = memoryStore(progress, warning);
	const app = render(<App engine={engine} openProgress={async () => store.port} />);
	// progress opens after the first frame: wait for it (time-boxed; a loaded machine can take a while)
	for (let waited = 0; waited < 3000 && (app.lastFrame() ?? '').includes('Loading your progress'); waited += 20) await tick();
	await tick();
	// the saved progress loads after the first frame: wait for it (time-boxed), however long a
	// big saved world takes on a busy machine
	for (let waited = 0; (app.lastFrame() ?? '').includes('Loading your progress') && waited < 3000; waited += 20) await tick();
	// after each key, until the frames settle (a busy machine can take a while to draw a new screen)
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			let count = -1;
			for (let waited = 0; waited < 2000 && count !== app.frames.length; waited += 40) {
				count = app.frames.length;
				await tick(40);
			}
		}
	};

	return {app, press, store, engine, frame: () => app.lastFrame() ?? ''};
};

describe('menu', () => {
	it('shows the title, every chapter with its state, the sandbox and quit', async () => {
		let progress = markCompleted(emptyProgress(), 'first', {score: 420, stars: 2, hintsUsed: 0});
		progress = markStarted(progress, 'second');
		const {frame, app} = await setup(progress);
		expect(frame()).toContain('AMI School');
		expect(frame()).toMatch(/1\. The first chapter +★★☆ {2}best 420/);
		expect(frame()).toMatch(/2\. The second chapter +in progress/);
		expect(frame()).toContain('Free sandbox');
		expect(frame()).toContain('Quit');
		expect(frame()).not.toContain('Continue where you left off');
		app.unmount();
	});

	it('offers to continue a saved chapter, and says once that the progress file was damaged', async () => {
		const engine = fakeEngine();
		const progress = setCurrent(emptyProgress(), {chapterId: 'second', session: engine.session(engine.start('second'))});
		const {frame, app} = await setup(progress, 'Saved progress at /x/progress.json was damaged.');
		expect(frame()).toMatch(/Continue where you left off +Chapter 2: The second chapter/);
		expect(frame()).toContain('Saved progress at /x/progress.json was damaged.');
		app.unmount();
	});

	it('q quits; arrows wrap around', async () => {
		const {frame, press, app} = await setup();
		await press(UP);
		expect(frame()).toMatch(/❯ Quit/);
		await press(DOWN);
		expect(frame()).toMatch(/❯ 1\. The first chapter/);
		app.unmount();
	});
});

describe('a chapter from story to completion', () => {
	it('showing the solution ends the chapter at once, says so, and scores no stars', async () => {
		const {frame, press, app} = await setup();
		await press('\r', 's', 'solution\r', 'y\r');
		expect(app.frames.some(f => f.includes('The solution was shown: the chapter ends here, with no stars.'))).toBe(true);
		expect(app.frames.some(f => f.includes('Every goal met'))).toBe(false);
		expect(frame()).toContain('Quiz 1/1');
		app.unmount();
	});

	it('story pages, lab with goals and status, goals tick, quiz, score, next chapter', async () => {
		const {frame, press, store, app} = await setup();
		await press('\r');
		expect(frame()).toContain('Chapter 1: The first chapter');
		expect(frame()).toContain('Page one of the story.');
		expect(frame()).toContain('Page 1/2');
		await press('\r');
		expect(frame()).toContain('Page two of the story.');
		await press('\r');
		expect(frame()).toMatch(/Goals\n○ Touch a\n○ Touch b/);
		// 100 columns: the status bar's words are short, none of its fields gone
		expect(frame()).toMatch(/Ch 1 · ✓0\/2 · 0\/3 cmds · 08:00:00 · us-east-1 · 0 pts · \$0\.0000 · 0 hints · \^O world/);
		expect(frame()).toMatch(/^\$ ?$/m);
		await press('touch a', '\r');
		expect(frame()).toContain('$ touch a');
		expect(frame()).toContain('✓ Goal met: Touch a');
		// 24 rows: the goals met are one line, the open ones in full
		expect(frame()).toMatch(/Goals: 1 of 2 met\n○ Touch b/);
		expect(store.saved.at(-1)?.current?.chapterId).toBe('first');
		expect(store.saved.at(-1)?.histories.first).toEqual(['touch a']);
		await press('touch b\r');
		expect(frame()).toContain('Quiz 1/1');
		expect(frame()).toContain('Is an AMI a template?');
		await press(DOWN, '\r');
		expect(frame()).toContain('✗ Not quite. It is.');
		expect(frame()).toContain('The answer: Yes. It holds what an instance needs.');
		await press('\r');
		expect(frame()).toContain('Chapter 1 complete: The first chapter');
		expect(frame()).toMatch(/Goals +200/);
		expect(frame()).toMatch(/Quiz +0/);
		expect(frame()).toMatch(/Total +200 +★★★ +best 200/);
		expect(frame()).toContain('You did the first chapter.');
		expect(store.saved.at(-1)?.chapters.first).toMatchObject({status: 'done', bestScore: 200, stars: 3, hintsUsed: 0, startedAt: expect.any(String), finishedAt: expect.any(String)});
		expect(store.saved.at(-1)?.current).toBeUndefined();
		expect(frame()).toContain('Next chapter: The second chapter');
		await press('\r');
		expect(frame()).toContain('Second story.');
		app.unmount();
	});

	it('menu from the lab, then Continue resumes the same session', async () => {
		const {frame, press, app} = await setup();
		await press('\r', 's', 'touch a\r', 'menu\r');
		expect(frame()).toContain('Continue where you left off');
		await press('\r');
		expect(frame()).toMatch(/Goals: 1 of 2 met\n○ Touch b/);
		app.unmount();
	});

	it('story and quiz commands open their screens and come back to the lab', async () => {
		const {frame, press, app} = await setup();
		await press('\r', 's', 'story\r');
		expect(frame()).toContain('Page 1/2');
		await press('s');
		expect(frame()).toContain('Goals');
		await press('quiz\r');
		expect(frame()).toContain('Quiz 1/1');
		await press('\r');
		expect(frame()).toContain('✓ Right. It holds what an instance needs.');
		await press('\r');
		expect(frame()).toContain('Goals');
		app.unmount();
	});
});

describe('sandbox and quitting', () => {
	it('the sandbox has no goals and no score', async () => {
		const {frame, press, app} = await setup();
		await press(UP, UP, '\r');
		expect(frame()).toContain('Free sandbox: a fresh AWS world with no goals.');
		expect(frame(), app.frames.slice(-3).join('\n====\n')).not.toContain('Goals');
		expect(frame()).toMatch(/Sandbox · Tue 1 Sep 08:00:00 · us-east-1 · \$0\.0000 \+\$0\.0000\/h/);
		app.unmount();
	});

	it('Ctrl+C twice in the lab exits after saving', async () => {
		const {frame, press, store} = await setup();
		await press('\r', 's', 'abc', '\u0003');
		expect(frame()).toContain('Press Ctrl+C again to quit');
		const count = store.saved.length;
		await press('\u0003');
		expect(store.saved.length).toBe(count + 1);
	});

	it('Ctrl+C twice on the menu exits too', async () => {
		const {frame, press} = await setup();
		await press('\u0003');
		expect(frame()).toContain('Press Ctrl+C again to quit.');
		await press(DOWN);
		expect(frame()).not.toContain('Press Ctrl+C again to quit.');
	});
});

describe('starting from the command line', () => {
	const start = async (startAt: {mode: 'menu' | 'chapter' | 'sandbox'; chapter?: string}) => {
		const app = render(<App engine={fakeEngine()} openProgress={async () => memoryStore().port} start={startAt} />);
		await tick(40);
		return app;
	};

	it('play <order> opens that chapter’s story; sandbox opens the sandbox', async () => {
		let app = await start({mode: 'chapter', chapter: '2'});
		expect(app.lastFrame()).toContain('Second story.');
		app.unmount();
		app = await start({mode: 'sandbox'});
		expect(app.lastFrame()).toContain('Free sandbox: a fresh AWS world with no goals.');
		app.unmount();
	});

	it('an unknown chapter falls back to the menu with a notice', async () => {
		const app = await start({mode: 'chapter', chapter: 'nope'});
		expect(app.lastFrame()).toContain('There is no chapter "nope": pick one below.');
		expect(app.lastFrame()).toContain('Free sandbox');
		app.unmount();
	});
});

describe('small terminal', () => {
	it('keeps the live lab area shorter than 20 rows', async () => {
		const {press, app} = await setup();
		await press('\r', 's');
		const live = app.lastFrame()!.split('\n');
		expect(live.length).toBeLessThan(19);
		app.unmount();
	});
});
