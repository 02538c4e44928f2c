import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// The layering of source/ (README, "How it is built"), read from the import graph: every
// relative import (type-only ones too) of every file, by the top folder it lives in.

const SOURCE = path.resolve('source');

/** layer -> the layers it must not import */
const FORBIDDEN: Record<string, string[]> = {
	// the model is pure: it imports no other layer
	sim: ['cli', 'commands', 'entry', 'export', 'game', 'guest', 'lessons', 'plain', 'progress', 'sandbox', 'shell', 'ui'],
	// the client talks to the model only
	cli: ['shell', 'lessons', 'game', 'ui', 'plain', 'commands', 'entry', 'export'],
	// the Ink UI drives the game layer (and saved progress), never what is under it
	ui: ['sim', 'shell', 'cli', 'lessons', 'guest', 'sandbox', 'export'],
	// the plain mode is a front like the UI
	plain: ['sim', 'shell', 'cli', 'lessons', 'guest', 'sandbox', 'ui', 'export'],
	// the game layer sits under the fronts
	game: ['ui', 'plain', 'commands', 'entry'],
	// the exporter writes scripts from a replayed session: it reads the shell's parser and the
	// model's types, and is called by the game layer (through a port), never the other way round
	export: ['ui', 'plain', 'commands', 'entry', 'game', 'lessons', 'progress', 'sandbox', 'cli', 'guest'],
};

type Source = {file: string; text: string};

const layerOf = (file: string): string => {
	const top = path.relative(SOURCE, file).split(path.sep)[0];
	return /\.tsx?$/.test(top) ? 'entry' : top;
};

/** Every import that crosses a forbidden line, as `file -> specifier (layer)`. */
export const forbiddenImports = (sources: Source[]): string[] => {
	const bad: string[] = [];
	for (const {file, text} of sources) {
		const from = layerOf(file);
		for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
			const to = layerOf(path.resolve(path.dirname(file), match[1]));
			if (to !== from && FORBIDDEN[from]?.includes(to)) bad.push(`${path.relative(SOURCE, file)} -> ${match[1]} (${to})`);
		}
	}

	return bad;
};

const walk = (dir: string): string[] => fs.readdirSync(dir, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('layers', () => {
	it('no import in source/ crosses a forbidden line', () => {
		const sources = walk(SOURCE)
			.filter(f => /\.tsx?$/.test(f))
			.map(file => ({file, text: fs.readFileSync(file, 'utf8')}));
		expect(sources.length).toBeGreaterThan(100);
		expect(forbiddenImports(sources)).toEqual([]);
	});

	it('the Ink UI takes code from the game layer only through names.ts and the lazily loaded entry (its first frame does not wait for the engine)', () => {
		const code: string[] = [];
		for (const file of walk(path.join(SOURCE, 'ui')).filter(f => /\.tsx?$/.test(f))) {
			const text = fs.readFileSync(file, 'utf8');
			for (const match of text.matchAll(/^import (?!type )[^;]*?from '(\.{1,2}\/[^']+)'/gm)) {
				if (layerOf(path.resolve(path.dirname(file), match[1])) === 'game') code.push(`${path.relative(SOURCE, file)} -> ${match[1]}`);
			}
		}

		expect(code.every(line => line.endsWith('/game/names.js'))).toBe(true);
		expect(fs.readFileSync(path.join(SOURCE, 'ui', 'start.tsx'), 'utf8')).toContain("await import('../game/entry.js')");
	});

	it('the check sees static, type-only and dynamic imports across the lines', () => {
		const at = (rel: string) => path.join(SOURCE, rel);
		const bad = forbiddenImports([
			{file: at('sim/core/engine.ts'), text: "import {runLine} from '../../shell/run-line.js';"},
			{file: at('ui/lab/lab-state.ts'), text: "import type {Session} from '../../shell/session.js';\nimport {x} from '../../game/types.js';"},
			{file: at('ui/start.tsx'), text: "const m = await import('../lessons/load.js');"},
			{file: at('cli/run-aws.ts'), text: "import {a} from '../sim/core/engine.js';\nimport {b} from '../game/play.js';"},
			{file: at('export/render.ts'), text: "import {a} from '../shell/parse-line.js';\nimport {b} from '../game/engine.js';"},
		]);
		expect(bad).toEqual([
			'sim/core/engine.ts -> ../../shell/run-line.js (shell)',
			'ui/lab/lab-state.ts -> ../../shell/session.js (shell)',
			'ui/start.tsx -> ../lessons/load.js (lessons)',
			'cli/run-aws.ts -> ../game/play.js (game)',
			'export/render.ts -> ../game/engine.js (game)',
		]);
	});
});
