// Bundles the game into dist/ with esbuild: zero runtime dependencies, so `npx ami-school`
// fetches one small tarball.
//   dist/cli.js        the entry: flags only; imports the one bundle its command needs
//   dist/aws.js        `ami-school aws …` (no Ink, no React: starts fast)
//   dist/lessons.js    `play --script` and `check`
//   dist/ui.cjs        the Ink game (Ink, React, screens), for an interactive terminal, run by
//                      cli.js with V8's code cache; after its first frame it loads
//                      dist/ui-engine.js (lessons, shell, model) and dist/ui-progress.js (saved progress)
//   dist/chunks/       code the bundles without Ink share
//   dist/lessons-cache.json  the shipped lessons, loaded and validated once here
// Rules from notes on Ink 6.8: a `require` shim for CJS dependencies in the ESM bundles,
// react-devtools-core stubbed, NODE_ENV=production, is-in-ci made TTY-aware. The Ink bundle is
// CommonJS: scripts/ui-plugins.mjs removes the top-level awaits that would otherwise forbid it.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmod, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {inkNoDevtools, stringWidthFast, yogaSync} from './ui-plugins.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const stubs = path.join(root, 'scripts', 'stubs');

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

await rm(dist, {recursive: true, force: true});
await mkdir(dist, {recursive: true});

// JSON data (the 580 KB catalogue) as JSON.parse('…'): V8 parses a JSON string far faster than
// the same data written as a JavaScript object literal.
const jsonAsString = {
	name: 'json-as-string',
	setup(b) {
		// our own data only: packages may require() their JSON as CommonJS and change it
		b.onLoad({filter: /\.json$/}, async args => {
			if (!args.path.startsWith(path.join(root, 'source') + path.sep)) return undefined;
			const data = JSON.parse(await readFile(args.path, 'utf8'));
			if (args.path.endsWith(path.join('cli', 'catalogue.json'))) {
				// 2,000 shapes, of which one command reads a few dozen: each stays a string until
				// source/cli/catalogue.ts parses it on first use.
				const shapes = Object.fromEntries(Object.entries(data.shapes).map(([name, shape]) => [name, JSON.stringify(shape)]));
				const rest = {...data, shapes: undefined};
				return {contents: `const data = JSON.parse(${JSON.stringify(JSON.stringify(rest))}); data.shapes = JSON.parse(${JSON.stringify(JSON.stringify(shapes))}); export default data;`, loader: 'js'};
			}

			return {contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js'};
		});
	},
};

// `yaml` (110 KB) serves only `--output yaml`: bundled so that it is evaluated on first use, not
// at start-up (esbuild evaluates a CommonJS package where it is first required).
const lazyYaml = {
	name: 'lazy-yaml',
	setup(b) {
		b.onResolve({filter: /^yaml$/}, args => (args.importer.endsWith(path.join('cli', 'output', 'yaml.ts')) ? {path: 'lazy-yaml', namespace: 'lazy-yaml', pluginData: args.resolveDir} : undefined));
		b.onLoad({filter: /.*/, namespace: 'lazy-yaml'}, args => ({
			contents: 'export const stringify = (...args) => require("yaml").stringify(...args);',
			loader: 'js',
			resolveDir: args.pluginData,
		}));
	},
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: process.env.AMI_SCHOOL_BUILD_READABLE !== '1', // readable output for profiling
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"', AMI_SCHOOL_VERSION: JSON.stringify(pkg.version)},
	alias: {
		'react-devtools-core': path.join(stubs, 'react-devtools-core.js'),
		'is-in-ci': path.join(stubs, 'is-in-ci.js'),
	},
	plugins: [jsonAsString],
	banner: {js: "import {createRequire as __amiCreateRequire} from 'node:module';const require=__amiCreateRequire(import.meta.url);"},
};

// cli.js loads the UI and lessons bundles at run time instead of bundling them.
const lazyBundles = {
	name: 'lazy-bundles',
	setup(b) {
		b.onResolve({filter: /^\.\/ui\/start\.js$/}, () => ({path: './ui.cjs', external: true}));
		b.onResolve({filter: /^\.\/commands\/lessons\.js$/}, () => ({path: './lessons.js', external: true}));
		b.onResolve({filter: /^\.\/commands\/aws\.js$/}, () => ({path: './aws.js', external: true}));
	},
};

// ui.js holds Ink, React and the screens only; the lessons, shell and model (ui-engine.js) and
// saved progress with conf (ui-progress.js) are separate bundles it imports when it needs them,
// so the first frame does not wait for them.
const uiBundles = {
	name: 'ui-bundles',
	setup(b) {
		b.onResolve({filter: /^\.\/engine-entry\.js$/}, () => ({path: './ui-engine.js', external: true}));
		b.onResolve({filter: /^\.\.\/progress\/entry\.js$/}, () => ({path: './ui-progress.js', external: true}));
	},
};
// ui.cjs is a classic CommonJS script (no top-level await: see scripts/ui-plugins.mjs), so that
// cli.js can run it with V8's code cache (source/code-cache.ts). Its dynamic imports of the bundles
// beside it become calls of `__bundleImport`, which that loader provides.
const uiFile = path.join(dist, 'ui.cjs');
await build({
	...common,
	format: 'cjs',
	entryPoints: [path.join(root, 'source', 'ui', 'start.tsx')],
	outfile: uiFile,
	define: {...common.define, 'import.meta.url': '__bundleUrl'},
	banner: {js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href;'},
	plugins: [uiBundles, jsonAsString, yogaSync, inkNoDevtools, stringWidthFast],
});
let uiSource = await readFile(uiFile, 'utf8');
for (const sibling of ['./ui-engine.js', './ui-progress.js']) {
	const call = `import(${JSON.stringify(sibling)})`;
	if (!uiSource.includes(call)) throw new Error(`build: dist/ui.cjs no longer imports ${sibling}`);
	uiSource = uiSource.replaceAll(call, `__bundleImport(${JSON.stringify(sibling)})`);
}

if (/\bimport\(/.test(uiSource.replaceAll(/"[^"\n]*"/g, '""'))) throw new Error('build: dist/ui.cjs has a dynamic import the code-cache loader cannot serve');
await writeFile(uiFile, uiSource);
const uiHash = createHash('sha256').update(uiSource).digest('hex').slice(0, 16);

// cli.js knows the UI bundle's hash: the code cache of one build never serves another.
await build({
	...common,
	entryPoints: [path.join(root, 'source', 'cli.ts')],
	outfile: path.join(dist, 'cli.js'),
	define: {...common.define, AMI_SCHOOL_UI_HASH: JSON.stringify(uiHash)},
	plugins: [lazyBundles],
	banner: {js: '#!/usr/bin/env node\n' + common.banner.js},
});
// The bundles without Ink share their code (the model, the catalogue, the lessons) through chunks,
// so the package carries it once.
await build({
	...common,
	entryPoints: {
		'ui-engine': path.join(root, 'source', 'ui', 'engine-entry.ts'),
		'ui-progress': path.join(root, 'source', 'progress', 'entry.ts'),
		lessons: path.join(root, 'source', 'commands', 'lessons.ts'),
		aws: path.join(root, 'source', 'commands', 'aws.ts'),
	},
	outdir: dist,
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	plugins: [jsonAsString, lazyYaml],
});
await chmod(path.join(dist, 'cli.js'), 0o755);

// The shipped lessons, loaded and validated once here: the game's menu then needs no YAML parsing
// (source/lessons/cache.ts; the cache is ignored as soon as a lesson file changes).
const {buildLessonCache} = await import(pathToFileURL(path.join(dist, 'lessons.js')).href);
await writeFile(path.join(dist, 'lessons-cache.json'), JSON.stringify(buildLessonCache(path.join(root, 'lessons'))));
