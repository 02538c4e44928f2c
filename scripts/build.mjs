// Bundles the game into dist/ with esbuild: zero runtime dependencies, so `npx ami-school`
// fetches one small tarball.
//   dist/cli.js  the entry: flags, `aws`, `play --script`, `check` (no Ink, no React: starts fast)
//   dist/ui.js   the Ink game, imported by cli.js only for an interactive terminal
// Rules from notes on Ink 6.8: ESM output (yoga uses top-level await), a `require` shim for CJS
// dependencies, react-devtools-core stubbed, NODE_ENV=production, is-in-ci made TTY-aware.
import {build} from 'esbuild';
import {chmod, mkdir, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const stubs = path.join(root, 'scripts', 'stubs');

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

await rm(dist, {recursive: true, force: true});
await mkdir(dist, {recursive: true});

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"', AMI_SCHOOL_VERSION: JSON.stringify(pkg.version)},
	alias: {
		'react-devtools-core': path.join(stubs, 'react-devtools-core.js'),
		'is-in-ci': path.join(stubs, 'is-in-ci.js'),
	},
	banner: {js: "import {createRequire as __amiCreateRequire} from 'node:module';const require=__amiCreateRequire(import.meta.url);"},
};

// cli.js loads the UI bundle at run time instead of bundling it.
const uiExternal = {
	name: 'ui-external',
	setup(b) {
		b.onResolve({filter: /^\.\/ui\/start\.js$/}, () => ({path: './ui.js', external: true}));
	},
};

await build({...common, entryPoints: [path.join(root, 'source', 'cli.ts')], outfile: path.join(dist, 'cli.js'), plugins: [uiExternal], banner: {js: '#!/usr/bin/env node\n' + common.banner.js}});
await build({...common, entryPoints: [path.join(root, 'source', 'ui', 'start.tsx')], outfile: path.join(dist, 'ui.js')});
await chmod(path.join(dist, 'cli.js'), 0o755);
