import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';

// V8 code caching for a CommonJS bundle (dist/ui.cjs, the Ink game), for Node versions without
// `module.enableCompileCache` (20 and 21): the bundle runs as Node's require would run it, but
// compiled through vm.Script with the code V8 cached on an earlier start. About 20 ms less before
// the first frame.
//
// A script compiled by vm cannot use import() on Node 20 without an experimental flag, so the
// bundle's dynamic imports of its sibling files call `__bundleImport(specifier)` instead, a
// parameter of the wrapper (scripts/build.mjs rewrites them).
//
// The cache is a file in the config folder, `code-cache/<name>-<key>.v8`, where the key holds the
// game's version, a hash of the bundle (set at build time), Node's version and the architecture:
// a new build or a new Node never meets an old cache. V8 checks the data itself too and rejects
// what does not fit; a rejected, missing or unreadable cache only means compiling from source.
// Deleting the folder is always safe. Writes are atomic (temporary file, then rename), and only
// when there is no usable cache for this key; older caches of the same bundle are removed then.

export type CacheState = 'used' | 'rejected' | 'missing';

export type CachedBundle<T> = {
	exports: T;
	/** what became of the cache on this start */
	cache: CacheState;
	/** the cache file for this key */
	file: string;
	/**
	 * Writes the code compiled so far (call it once the first screens have run, so that their
	 * functions are in it); does nothing when the cache was used. Never throws.
	 */
	save: () => 'written' | 'unchanged' | 'failed';
};

const cacheName = (name: string, key: string) => `${name}-${key.replaceAll(/[^\w.-]/g, '_')}.v8`;

/** Runs `bundle` (CommonJS) with V8's code cache kept in `cacheDir` under `key`. */
export const requireWithCodeCache = <T>(bundle: string, cacheDir: string, key: string): CachedBundle<T> => {
	const name = path.basename(bundle).replace(/\.c?js$/, '');
	const file = path.join(cacheDir, cacheName(name, `${key}-${process.version}-${process.arch}`));
	const source = fs.readFileSync(bundle, 'utf8');
	let cachedData: Buffer | undefined;
	try {
		cachedData = fs.readFileSync(file);
	} catch {
		cachedData = undefined;
	}

	// Node's own CommonJS wrapper, so the bundle sees what require() would give it
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleImport) {${source}\n})`, {filename: bundle, cachedData});
	const cache: CacheState = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
	const module = {exports: {} as T};
	const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: {exports: T}, filename: string, dirname: string, bundleImport: (specifier: string) => Promise<unknown>) => void;
	const base = pathToFileURL(bundle);
	wrapper(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), async specifier => import(new URL(specifier, base).href));

	let saved = false;
	const save = (): 'written' | 'unchanged' | 'failed' => {
		if (cache === 'used' || saved) return 'unchanged';
		saved = true;
		try {
			fs.mkdirSync(cacheDir, {recursive: true});
			const temporary = `${file}.${process.pid}.tmp`;
			fs.writeFileSync(temporary, script.createCachedData());
			fs.renameSync(temporary, file);
			const prefix = `${name}-`;
			for (const entry of fs.readdirSync(cacheDir)) {
				if (entry.startsWith(prefix) && entry.endsWith('.v8') && entry !== path.basename(file)) fs.rmSync(path.join(cacheDir, entry), {force: true});
			}

			return 'written';
		} catch {
			return 'failed';
		}
	};

	return {exports: module.exports, cache, file, save};
};
