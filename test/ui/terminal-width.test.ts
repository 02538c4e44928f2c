import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createEngine} from '../../source/game/engine.js';
import {labActions, newLab} from '../../source/ui/lab/lab-state.js';
import {actionsFromRaw} from '../../source/ui/prompt/reducer.js';
import {fakeEngine} from './helpers/fake-engine.js';

// `--output table` fits the terminal: the lab hands the real column count to the engine, which
// keeps it on the session the shell reads (Session.terminalWidth).

describe('terminal width reaches the shell', () => {
	it('the lab passes its columns to engine.run', () => {
		const seen: Array<number | undefined> = [];
		const base = fakeEngine();
		const engine = fakeEngine({run: (play, line, view) => (seen.push(view?.width), base.run(play, line, view))});
		labActions(engine, newLab(engine, engine.sandbox()), actionsFromRaw('echo hi\r'), {columns: 63});
		expect(seen).toEqual([63]);
	});

	it('the engine puts the width on the session, and a table is laid out to it', () => {
		const engine = createEngine({lessonsDir: path.resolve('lessons')});
		const line = 'aws ec2 describe-images --owners amazon --filters "Name=name,Values=al2023-ami-2023*" --query "Images[0].{Id:ImageId,Name:Name,Desc:Description}" --output table';
		const narrow = engine.run(engine.sandbox(), line, {width: 60});
		const wide = engine.run(engine.sandbox(), line, {width: 200});
		expect(engine.session(narrow.play).terminalWidth).toBe(60);
		expect(engine.session(wide.play).terminalWidth).toBe(200);
		expect(narrow.result.exitCode).toBe(0);
		expect(narrow.result.stdout).not.toBe(wide.result.stdout);
		// too wide for 60 columns: the CLI turns the row into a key/value table; 200 columns hold the row
		expect(narrow.result.stdout).toMatch(/^\|  Id  \|  ami-/m);
		expect(wide.result.stdout).not.toMatch(/^\|  Id  \|/m);
	});
});
