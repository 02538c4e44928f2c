import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {describe, expect, it} from 'vitest';
// @ts-expect-error a build script without types
import {patchStringWidth, stringWidthFast} from '../../scripts/ui-plugins.mjs';

// The bundle's string-width copies are patched (scripts/ui-plugins.mjs) so that the costly emoji
// expression is built only for a grapheme that might be an emoji. They must measure exactly as the
// originals do.

const root = path.resolve(import.meta.dirname, '..', '..');
const olderCopy = path.join(root, 'node_modules', 'wrap-ansi', 'node_modules', 'string-width', 'index.js');

type Width = (text: string) => number;

const load = async (): Promise<{original: Width[]; patched: Width[]}> => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-string-width-'));
	const bundle = async (plugins: any[], name: string) => {
		const outfile = path.join(dir, `${name}.mjs`);
		await build({
			stdin: {contents: `export {default as newer} from 'string-width'; export {default as older} from ${JSON.stringify(olderCopy)};`, resolveDir: root, loader: 'js'},
			bundle: true,
			format: 'esm',
			platform: 'node',
			outfile,
			plugins,
			logLevel: 'silent',
		});
		const module = (await import(pathToFileURL(outfile).href)) as {newer: Width; older: Width};
		return [module.newer, module.older];
	};

	try {
		return {original: await bundle([], 'original'), patched: await bundle([stringWidthFast], 'patched')};
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
};

const samples = (): string[] => {
	const texts: string[] = [];
	const add = (from: number, to: number, step = 1) => {
		for (let cp = from; cp <= to; cp += step) if (cp < 0xd8_00 || cp > 0xdf_ff) texts.push(String.fromCodePoint(cp));
	};

	add(0, 0x3_3ff); // controls, Latin, marks, symbols, arrows, box drawing, braille, CJK punctuation
	add(0x3_400, 0xf_fff, 13); // CJK, Hangul, private use (sampled)
	add(0x1_f000, 0x1_faff); // emoji blocks
	add(0x1_0000, 0xe_01ef, 97); // the rest of the astral planes (sampled)
	texts.push(
		'AMI School',
		'Loading the chapters…',
		'⠋ Loading',
		'1️⃣', '#️⃣', '*⃣', '1⃣',
		'🇩🇪', '🇺🇳🇺', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
		'👍🏽', '👩‍👩‍👧‍👦', '🧑🏾‍💻', '👁️‍🗨️', '❤️', '❤', '☺', '☺️', '©️', '©',
		'한국어', '각', 'e\u0301', 'ก่', '日本語のテキスト', 'ｱｲｳ', 'ﾊﾟ',
		'\u001B[31mred\u001B[39m ★ 3/3', 'a\u200Db', '\u00AD', 'tab\there',
	);
	return texts;
};

describe('the patched string-width in the game bundle', () => {
	it('measures every sample exactly as string-width does', async () => {
		const {original, patched} = await load();
		const texts = samples();
		expect(texts.length).toBeGreaterThan(25_000);
		for (const [i, width] of original.entries()) {
			const mismatches = texts.filter(text => patched[i](text) !== width(text)).slice(0, 5);
			expect(mismatches.map(text => [...text].map(c => c.codePointAt(0)!.toString(16)))).toEqual([]);
		}
	}, 120_000);

	it('refuses a string-width it does not know, rather than shipping it unpatched', () => {
		expect(() => patchStringWidth('export default function stringWidth() {}')).toThrow(/does not know/);
	});
});
