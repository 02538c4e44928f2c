import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// The built Ink bundle (dist/ui.cjs; `npm test` builds it first).

const root = path.resolve(import.meta.dirname, '..', '..');
const ui = path.join(root, 'dist', 'ui.cjs');

describe.skipIf(!existsSync(ui))('the built game bundle', () => {
	it('starts its layout engine from the embedded bytes, never through fetch', () => {
		// any use of fetch (which loads undici, 15-20 ms before the first frame) throws here
		const script = `
			Object.defineProperty(globalThis, 'fetch', {configurable: true, get() { throw new Error('fetch was used'); }});
			const {startGame} = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(ui)});
			const undici = process.moduleLoadList.filter(name => name.includes('undici'));
			console.log(JSON.stringify({startGame: typeof startGame, undici}));
		`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(JSON.parse(run.stdout)).toEqual({startGame: 'function', undici: []});
	});
});
