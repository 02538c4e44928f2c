import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {catalogueEntries, memoryStore, openPackedCatalogue, packCatalogue} from '../../source/cli/catalogue-store.js';

// The built game reads the catalogue from a packed file, one entry at a time: it must answer every
// key exactly as the JSON does.

const json = createRequire(import.meta.url)('../../source/cli/catalogue.json') as Parameters<typeof memoryStore>[0];

describe('the packed catalogue', () => {
	const entries = catalogueEntries(json);
	const packed = openPackedCatalogue(packCatalogue(entries));
	const memory = memoryStore(json);

	it('answers every entry as the JSON does, lists in the model order', () => {
		expect(entries.size).toBeGreaterThan(2500);
		for (const key of entries.keys()) expect(packed.get(key), key).toEqual(memory.get(key));
		expect(packed.get('operations')).toEqual(Object.keys(json.operations));
		expect(packed.get('operation/describe-regions')).toEqual(json.operations['describe-regions']);
	});

	it('knows nothing it was not given, whatever the key looks like', () => {
		for (const key of ['operation/describe-regionz', 'shape/constructor', 'constructor', '__proto__', 'operation/', '', 'operations\t0\t1', 'shape/DescribeRegionsRequest\n']) {
			expect(packed.get(key), JSON.stringify(key)).toBeUndefined();
			expect(memory.get(key), JSON.stringify(key)).toBeUndefined();
		}
	});

	it('keeps non-ASCII text whole (offsets count bytes)', () => {
		const store = openPackedCatalogue(packCatalogue(new Map<string, unknown>([['a', 'naïve — ★'], ['b', {x: 'second'}]])));
		expect(store.get('a')).toBe('naïve — ★');
		expect(store.get('b')).toEqual({x: 'second'});
	});

	it('refuses a damaged file', () => {
		expect(() => openPackedCatalogue(Buffer.from('{"operations": {}}'))).toThrow(/damaged/);
	});
});
