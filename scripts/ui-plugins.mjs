// esbuild plugins for dist/ui.cjs, the Ink bundle: no fetch and no top-level await, so that the
// bundle can be a classic script that V8 code-caches (source/ui-loader.ts).
//
// yogaSync: Ink's layout engine (yoga-layout 3) without fetch and without top-level await.
//
// yoga-layout ships its WebAssembly as a base64 data URL and loads it with `await loadYoga()`,
// whose Emscripten loader decodes the URL through `fetch` when there is one. On Node 20 the first
// use of `fetch` loads undici (15-20 ms before the first frame), and the top-level await keeps the
// bundle an ES module (which Node 20 cannot code-cache). Here the bundle instead:
//   - keeps the bytes as a plain base64 string, decoded with Buffer (native, no fetch),
//   - compiles and instantiates them synchronously through Emscripten's `instantiateWasm` hook, so
//     the runtime is ready when loadYoga() returns, and yoga's entry needs no top-level await.
// The build fails (rather than silently shipping the slow path) if yoga-layout's files change shape.
import {readFile} from 'node:fs/promises';
import path from 'node:path';

const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

export const yogaSync = {
	name: 'yoga-sync',
	setup(b) {
		// the Emscripten loader: its data URL becomes an export of bare base64
		b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const found = DATA_URL.exec(source);
			if (!found || !source.includes('h.instantiateWasm(')) throw new Error(`yoga-sync: ${args.path} no longer has the embedded data URL and instantiateWasm hook this plugin expects`);
			const contents = `${source.replace(DATA_URL, '"data:application/octet-stream;base64,"')}\nexport const wasmBase64 = ${JSON.stringify(found[1])};\n`;
			return {contents, loader: 'js'};
		});
		// yoga's entry: instantiate from bytes, synchronously
		b.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes('await loadYoga()')) throw new Error(`yoga-sync: ${args.path} no longer calls loadYoga() as this plugin expects`);
			const contents = `import loadYoga, {wasmBase64} from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const bytes = Buffer.from(wasmBase64, 'base64');
const runtime = {
	instantiateWasm(imports, ready) {
		ready(new WebAssembly.Instance(new WebAssembly.Module(bytes), imports));
		return {};
	},
};
loadYoga(runtime);
if (!runtime.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(runtime);
export default Yoga;
export * from './generated/YGEnums.js';
`;
			return {contents, loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

// inkNoDevtools: Ink's reconciler awaits, at the top level and only when DEV=true, React devtools
// (stubbed in this build anyway) and its own package.json (read for devtools). The shipped game has
// no devtools: both become plain values, and the bundle has no top-level await.
export const inkNoDevtools = {
	name: 'ink-no-devtools',
	setup(b) {
		b.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async args => {
			let source = await readFile(args.path, 'utf8');
			const patches = [
				["await import('./devtools.js');", 'void 0;'],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			];
			for (const [from, to] of patches) {
				if (!source.includes(from)) throw new Error(`ink-no-devtools: ${args.path} no longer has \`${from}\``);
				source = source.replace(from, to);
			}

			return {contents: source, loader: 'js'};
		});
	},
};

// stringWidthFast: Ink measures every text with string-width, which asks of each grapheme of a
// non-ASCII string whether it is an RGI emoji. That regular expression (\p{RGI_Emoji}, thousands
// of sequences) costs about 25 ms to build and 80 ms over its first uses: the first frame paid for
// it because of one "…". Every RGI emoji holds a non-ASCII code point with the Emoji property, so
// a grapheme without one is answered "no" by two cheap tests, and the costly expression is built
// only for a grapheme that might be an emoji. The answers are the same (test/build/string-width.test.ts
// compares the patched copies with the originals). Patched the same way: wrap-ansi's older copy,
// which runs the emoji-regex package on each grapheme.
export const MAY_BE_EMOJI = 'const emojiProperty = /\\p{Emoji}/u;\nconst mayBeEmoji = segment => /[^\\x00-\\x7F]/.test(segment) && emojiProperty.test(segment);';
const stringWidthPatches = [
	// string-width 8
	[
		['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', `${MAY_BE_EMOJI}\nlet rgiEmojiPattern;\nconst rgiEmojiRegex = {test: segment => mayBeEmoji(segment) && (rgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)};`],
	],
	// string-width 7 (wrap-ansi)
	[
		["import emojiRegex from 'emoji-regex';", `import emojiRegex from 'emoji-regex';\n${MAY_BE_EMOJI}`],
		['if (emojiRegex().test(character)) {', 'if (mayBeEmoji(character) && emojiRegex().test(character)) {'],
	],
];

/** string-width's source with the patch above (the first patch set that fits), or an error. */
export const patchStringWidth = source => {
	for (const patches of stringWidthPatches) {
		if (!patches.every(([from]) => source.includes(from))) continue;
		return patches.reduce((text, [from, to]) => text.replace(from, () => to), source);
	}

	throw new Error('string-width-fast: a string-width this plugin does not know (update scripts/ui-plugins.mjs)');
};

export const stringWidthFast = {
	name: 'string-width-fast',
	setup(b) {
		b.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async args => ({contents: patchStringWidth(await readFile(args.path, 'utf8')), loader: 'js', resolveDir: path.dirname(args.path)}));
	},
};
