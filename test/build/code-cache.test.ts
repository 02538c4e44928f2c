import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {transformSync} from 'esbuild';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';

// source/code-cache.ts: a CommonJS bundle run with V8's code cache, each start a new process (a
// cache is only worth something to the next process).

const root = path.resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-code-cache-'));
	// the module under test as plain JavaScript, so each start is a bare `node` (no TypeScript loader)
	const source = fs.readFileSync(path.join(root, 'source', 'code-cache.ts'), 'utf8');
	fs.writeFileSync(path.join(dir, 'code-cache.mjs'), transformSync(source, {loader: 'ts', format: 'esm'}).code);
	fs.writeFileSync(path.join(dir, 'sibling.mjs'), 'export const answer = 42;\n');
	// a bundle as scripts/build.mjs makes dist/ui.cjs: CommonJS, siblings through __bundleImport
	fs.writeFileSync(
		path.join(dir, 'bundle.cjs'),
		`const path = require('node:path');\nconst big = Array.from({length: 200}, (_, i) => 'f' + i).map(name => name.length);\nexports.where = () => path.basename(__filename) + ' ' + path.basename(__dirname) + ' ' + big.length;\nexports.sibling = async () => (await __bundleImport('./sibling.mjs')).answer;\n`,
	);
});

afterEach(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

type Start = {cache: string; saved: string; where: string; sibling: number; file: string};

/** One process: load the bundle with `key`, save the cache, report. */
const start = (key: string, cacheDir = path.join(dir, 'code-cache')): Start => {
	const child = path.join(dir, 'child.mjs');
	fs.writeFileSync(
		child,
		`import {requireWithCodeCache} from './code-cache.mjs';
const loaded = requireWithCodeCache(${JSON.stringify(path.join(dir, 'bundle.cjs'))}, ${JSON.stringify(cacheDir)}, ${JSON.stringify(key)});
const sibling = await loaded.exports.sibling();
console.log(JSON.stringify({cache: loaded.cache, saved: loaded.save(), where: loaded.exports.where(), sibling, file: loaded.file}));
`,
	);
	const run = spawnSync(process.execPath, [child], {cwd: dir, encoding: 'utf8'});
	expect(run.stderr).toBe('');
	return JSON.parse(run.stdout) as Start;
};

const cacheFiles = () => (fs.existsSync(path.join(dir, 'code-cache')) ? fs.readdirSync(path.join(dir, 'code-cache')).sort() : []);

describe('requireWithCodeCache', () => {
	it('compiles from source the first time, keeps the code, and uses it on the next start', () => {
		const first = start('1.0.0-aaaa');
		expect(first).toMatchObject({cache: 'missing', saved: 'written', where: `bundle.cjs ${path.basename(dir)} 200`, sibling: 42});
		expect(path.basename(first.file)).toMatch(/^bundle-1\.0\.0-aaaa-v\d+\.\d+\.\d+-\w+\.v8$/);
		expect(cacheFiles()).toEqual([path.basename(first.file)]);
		const second = start('1.0.0-aaaa');
		expect(second).toMatchObject({cache: 'used', saved: 'unchanged', where: first.where, sibling: 42});
	});

	it('is safe to delete: a missing folder means compiling again, then a new cache', () => {
		start('1.0.0-aaaa');
		fs.rmSync(path.join(dir, 'code-cache'), {recursive: true});
		expect(start('1.0.0-aaaa')).toMatchObject({cache: 'missing', saved: 'written', sibling: 42});
		expect(start('1.0.0-aaaa').cache).toBe('used');
	});

	it('throws damaged data away and writes it anew', () => {
		const {file} = start('1.0.0-aaaa');
		fs.writeFileSync(file, Buffer.from('not a V8 code cache at all, just some bytes'));
		expect(start('1.0.0-aaaa')).toMatchObject({cache: 'rejected', saved: 'written', sibling: 42});
		expect(start('1.0.0-aaaa').cache).toBe('used');
	});

	it('keeps one cache per key: another version or build never sees the old one, which is removed', () => {
		const old = start('1.0.0-aaaa');
		const next = start('1.0.1-bbbb');
		expect(next).toMatchObject({cache: 'missing', saved: 'written'});
		expect(cacheFiles()).toEqual([path.basename(next.file)]);
		expect(old.file).not.toBe(next.file);
	});

	it('runs the game all the same when the config folder cannot be written', () => {
		const blocked = path.join(dir, 'a-file');
		fs.writeFileSync(blocked, '');
		expect(start('1.0.0-aaaa', path.join(blocked, 'code-cache'))).toMatchObject({cache: 'missing', saved: 'failed', sibling: 42});
	});
});
