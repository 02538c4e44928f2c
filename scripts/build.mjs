// Bundles the game into dist/ with esbuild: zero runtime dependencies, so `npx ami-school`
// fetches one small tarball.
//   dist/cli.js        the entry: flags only; imports the one bundle its command needs
//   dist/aws.cjs       `ami-school aws …` (no Ink, no React: starts fast; run with V8's code cache)
//   dist/lessons.js    `play --script` and `check`
//   dist/ui.cjs        the Ink game (Ink, React, screens), for an interactive terminal, run by
//                      cli.js with V8's code cache; after its first frame it loads
//                      dist/ui-engine.js (the game layer over the lessons, shell and model:
//                      source/game/entry.ts) and dist/ui-progress.js (saved progress)
//   dist/chunks/       code the bundles without Ink share
//   dist/catalogue.data  the EC2 operation catalogue, as data (source/cli/catalogue-store.ts)
//   dist/lessons-cache.json  the shipped lessons, loaded and validated once here
//   dist/THIRD-PARTY-NOTICES  the licences of the packages bundled into dist/ (esbuild's
//                      minifier drops their comments, so their notices are collected here)
// Rules from notes on Ink 6.8: a `require` shim for CJS dependencies in the ESM bundles,
// react-devtools-core stubbed, NODE_ENV=production, is-in-ci made TTY-aware. The Ink bundle is
// CommonJS: scripts/ui-plugins.mjs removes the top-level awaits that would otherwise forbid it.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmod, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {inkNoDevtools, stringWidthFast, yogaSync} from './ui-plugins.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const stubs = path.join(root, 'scripts', 'stubs');

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

await rm(dist, {recursive: true, force: true});
await mkdir(dist, {recursive: true});

// JSON data as JSON.parse('…'): V8 parses a JSON string far faster than the same data written as
// a JavaScript object literal.
const jsonAsString = {
	name: 'json-as-string',
	setup(b) {
		// our own data only: packages may require() their JSON as CommonJS and change it
		b.onLoad({filter: /\.json$/}, async args => {
			if (!args.path.startsWith(path.join(root, 'source') + path.sep)) return undefined;
			const data = JSON.parse(await readFile(args.path, 'utf8'));
			return {contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js'};
		});
	},
};

// The 580 KB operation catalogue is not code: it ships as the data file dist/catalogue.data, whose
// entries are parsed one by one when a command asks for them (source/cli/catalogue-store.ts).
// Compiled into the bundle as a string, it cost `ami-school aws` about 30 ms of each start.
const CATALOGUE_FILE = 'catalogue.data';
const storeModule = path.join(root, 'source', 'cli', 'catalogue-store.ts');
{
	const {outputFiles} = await build({entryPoints: [storeModule], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning'});
	const {catalogueEntries, packCatalogue} = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
	const catalogue = JSON.parse(await readFile(path.join(root, 'source', 'cli', 'catalogue.json'), 'utf8'));
	const docs = JSON.parse(await readFile(path.join(root, 'source', 'cli', 'docs.json'), 'utf8'));
	await writeFile(path.join(dist, CATALOGUE_FILE), packCatalogue(catalogueEntries(catalogue, docs)));
}

const packedCatalogue = {
	name: 'packed-catalogue',
	setup(b) {
		b.onResolve({filter: /^\.\/catalogue-source\.js$/}, args => ({path: path.join(args.resolveDir, 'catalogue-source.packed.js'), namespace: 'packed-catalogue'}));
		b.onLoad({filter: /.*/, namespace: 'packed-catalogue'}, () => ({
			// the module lands in dist/ or in dist/chunks/; the data file is in dist/
			contents: `import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {openPackedCatalogue} from ${JSON.stringify(storeModule)};
const files = [${JSON.stringify(`./${CATALOGUE_FILE}`)}, ${JSON.stringify(`../${CATALOGUE_FILE}`)}].map(name => fileURLToPath(new URL(name, import.meta.url)));
export const catalogueStore = openPackedCatalogue(readFileSync(files.find(file => existsSync(file)) ?? files[0]));`,
			loader: 'js',
			resolveDir: root,
		}));
	},
};

// `yaml` (110 KB) serves only `--output yaml`: bundled so that it is evaluated on first use, not
// at start-up (esbuild evaluates a CommonJS package where it is first required).
const lazyYaml = {
	name: 'lazy-yaml',
	setup(b) {
		b.onResolve({filter: /^yaml$/}, args => (args.importer.endsWith(path.join('cli', 'output', 'yaml.ts')) ? {path: 'lazy-yaml', namespace: 'lazy-yaml', pluginData: args.resolveDir} : undefined));
		b.onLoad({filter: /.*/, namespace: 'lazy-yaml'}, args => ({
			contents: 'export const stringify = (...args) => require("yaml").stringify(...args);\nexport const parse = (...args) => require("yaml").parse(...args);',
			loader: 'js',
			resolveDir: args.pluginData,
		}));
	},
};

// Node's built-in modules through require(), not import: importing one into an ES module makes
// Node build its ES facade, which reads every export (fs.ReadStream, for one, loads all of
// node:stream): ~10 ms for cli.js alone. node:crypto (key fingerprints, hashes, certificates)
// is only required on first use.
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(b) {
		b.onResolve({filter: /^node:/}, args => (args.importer.startsWith(path.join(root, 'source') + path.sep) ? {path: args.path, namespace: 'builtin'} : undefined));
		b.onLoad({filter: /.*/, namespace: 'builtin'}, args =>
			args.path === 'node:crypto'
				? {contents: ['createHash', 'createHmac'].map(name => `export const ${name} = (...args) => require("node:crypto").${name}(...args);`).join('\n'), loader: 'js'}
				: {contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'},
		);
	},
};

// Every file that went into a bundle (esbuild's metafile), to find the packages whose code ships.
const bundledFiles = new Set();
const bundled = result => {
	for (const file of Object.keys(result.metafile.inputs)) bundledFiles.add(path.resolve(root, file));
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: process.env.AMI_SCHOOL_BUILD_READABLE !== '1', // readable output for profiling
	legalComments: 'none', // the licences go to dist/THIRD-PARTY-NOTICES instead (below)
	metafile: true,
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"', AMI_SCHOOL_VERSION: JSON.stringify(pkg.version)},
	alias: {
		'react-devtools-core': path.join(stubs, 'react-devtools-core.js'),
		'is-in-ci': path.join(stubs, 'is-in-ci.js'),
	},
	plugins: [jsonAsString, packedCatalogue, builtinsByRequire],
	banner: {js: "import {createRequire as __amiCreateRequire} from 'node:module';const require=__amiCreateRequire(import.meta.url);"},
};

// cli.js loads the UI and lessons bundles at run time instead of bundling them.
const lazyBundles = {
	name: 'lazy-bundles',
	setup(b) {
		b.onResolve({filter: /^\.\/ui\/start\.js$/}, () => ({path: './ui.cjs', external: true}));
		b.onResolve({filter: /^\.\/commands\/lessons\.js$/}, () => ({path: './lessons.js', external: true}));
		b.onResolve({filter: /^\.\/commands\/aws\.js$/}, () => ({path: './aws.cjs', external: true}));
	},
};

// ui.cjs holds Ink, React and the screens only; the game layer with the lessons, shell and model (ui-engine.js) and
// saved progress with conf (ui-progress.js) are separate bundles it imports when it needs them,
// so the first frame does not wait for them.
const uiBundles = {
	name: 'ui-bundles',
	setup(b) {
		b.onResolve({filter: /^\.\.\/game\/entry\.js$/}, () => ({path: './ui-engine.js', external: true}));
		b.onResolve({filter: /^\.\.\/progress\/entry\.js$/}, () => ({path: './ui-progress.js', external: true}));
	},
};
// ui.cjs and aws.cjs are classic CommonJS scripts (for ui.cjs, scripts/ui-plugins.mjs removes the
// top-level awaits that would forbid it), so that cli.js can run them with V8's code cache
// (source/code-cache.ts). Their dynamic imports of the bundles beside them become calls of
// `__bundleImport`, which that loader provides. Returns a hash of the bundle, the cache's key.
const scriptBundle = async (name, entry, plugins, siblings = []) => {
	const file = path.join(dist, `${name}.cjs`);
	bundled(await build({
		...common,
		format: 'cjs',
		entryPoints: [entry],
		outfile: file,
		define: {...common.define, 'import.meta.url': '__bundleUrl'},
		banner: {js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href;'},
		plugins,
	}));
	let source = await readFile(file, 'utf8');
	for (const sibling of siblings) {
		const call = `import(${JSON.stringify(sibling)})`;
		if (!source.includes(call)) throw new Error(`build: dist/${name}.cjs no longer imports ${sibling}`);
		source = source.replaceAll(call, `__bundleImport(${JSON.stringify(sibling)})`);
	}

	if (/\bimport\(/.test(source.replaceAll(/"[^"\n]*"/g, '""'))) throw new Error(`build: dist/${name}.cjs has a dynamic import the code-cache loader cannot serve`);
	await writeFile(file, source);
	return createHash('sha256').update(source).digest('hex').slice(0, 16);
};

const hashes = {
	ui: await scriptBundle('ui', path.join(root, 'source', 'ui', 'start.tsx'), [uiBundles, jsonAsString, packedCatalogue, builtinsByRequire, yogaSync, inkNoDevtools, stringWidthFast], ['./ui-engine.js', './ui-progress.js']),
	// one-shot `ami-school aws …`: on its own (the model and the CLI layer again, ~350 KB), as it
	// is the command a script runs many times
	aws: await scriptBundle('aws', path.join(root, 'source', 'commands', 'aws.ts'), [jsonAsString, packedCatalogue, lazyYaml, builtinsByRequire]),
};

// cli.js knows each script bundle's hash: the code cache of one build never serves another.
bundled(await build({
	...common,
	entryPoints: [path.join(root, 'source', 'cli.ts')],
	outfile: path.join(dist, 'cli.js'),
	define: {...common.define, AMI_SCHOOL_BUNDLE_HASHES: JSON.stringify(hashes)},
	plugins: [lazyBundles, builtinsByRequire],
	banner: {js: '#!/usr/bin/env node\n' + common.banner.js},
}));
// The other bundles share their code (the model, the catalogue, the lessons) through chunks, so
// the package carries it once.
bundled(await build({
	...common,
	entryPoints: {
		'ui-engine': path.join(root, 'source', 'game', 'entry.ts'),
		'ui-progress': path.join(root, 'source', 'progress', 'entry.ts'),
		lessons: path.join(root, 'source', 'commands', 'lessons.ts'),
	},
	outdir: dist,
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	plugins: [jsonAsString, packedCatalogue, lazyYaml, builtinsByRequire],
}));
await chmod(path.join(dist, 'cli.js'), 0o755);

// The shipped lessons, loaded and validated once here: the game's menu then needs no YAML parsing
// (source/lessons/cache.ts; the cache is ignored as soon as a lesson file changes).
const {buildLessonCache} = await import(pathToFileURL(path.join(dist, 'lessons.js')).href);
await writeFile(path.join(dist, 'lessons-cache.json'), JSON.stringify(buildLessonCache(path.join(root, 'lessons'))));

// The licences of the packages bundled into dist/: the package's own root (the last node_modules/
// [@scope/]name of each bundled file's path), its package.json and its LICENSE/NOTICE files.
const packageRoots = new Set();
for (const file of bundledFiles) {
	const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
	if (match) packageRoots.add(match[1]);
}

const notices = [];
for (const dir of [...packageRoots].sort()) {
	const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
	const licenceFiles = (await readdir(dir)).filter(name => /^(licen[cs]e|copying|notice)(\.|$)/i.test(name)).sort();
	const texts = await Promise.all(licenceFiles.map(name => readFile(path.join(dir, name), 'utf8')));
	const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
	const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
	notices.push({name: manifest.name, version: manifest.version, license: manifest.license ?? 'see its files', repository, author, texts});
}

notices.sort((a, b) => a.name.localeCompare(b.name));
// A few packages ship no licence file: their package.json names the licence and the author; for
// MIT the notice is the standard text with that author.
const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
const missingLicence = n =>
	n.license === 'MIT'
		? `(the package ships no licence file; its package.json says MIT, author ${n.author ?? 'not named'}: the MIT licence reads)\n\nCopyright (c) ${n.author ?? 'the authors'}\n\n${MIT}\n`
		: `(the package ships no licence file; its package.json says: ${n.license})\n`;
const rule = '-'.repeat(78);
await writeFile(
	path.join(dist, 'THIRD-PARTY-NOTICES'),
	[
		`AMI School ${pkg.version} bundles code from the ${notices.length} packages below into dist/.`,
		'Their licences and notices follow, as each package ships them.',
		'(Generated by scripts/build.mjs from the packages esbuild put into the bundles.)',
		'',
		...notices.flatMap(n => [
			rule,
			`${n.name} ${n.version}   licence: ${n.license}${n.repository ? `\n${n.repository.replace(/^git\+/, '')}` : ''}`,
			rule,
			'',
			...(n.texts.length > 0 ? n.texts.map(text => text.trim() + '\n') : [missingLicence(n)]),
		]),
		rule,
		'Ported, not bundled: source/cli/jmespath/ is a TypeScript port of jmespath.py 1.0.1',
		'(https://github.com/jmespath/jmespath.py), the JMESPath engine of the AWS CLI.   licence: MIT',
		rule,
		'',
		`Copyright (c) James Saryerwinnie\n\n${MIT}\n`,
	].join('\n'),
);
