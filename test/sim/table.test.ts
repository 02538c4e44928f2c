import {produce, setAutoFreeze} from 'immer';
import {describe, expect, it} from 'vitest';
import {Table, type Index} from '../../source/sim/core/table.js';

setAutoFreeze(false);

type Item = {id: string; name: string; tags: string[]};
const byName: Index<Item> = {name: 'name', keysOf: item => [item.name]};
const byTag: Index<Item> = {name: 'tag', keysOf: item => item.tags};

// a small deterministic random source, so a failure replays
const random = (seed: number) => () => {
	seed = (seed * 1_103_515_245 + 12_345) & 0x7f_ff_ff_ff;
	return seed / 0x7f_ff_ff_ff;
};

describe('Table', () => {
	it('keeps insertion order like a plain object: a replaced entry keeps its place, a deleted and re-added one goes last', () => {
		const table = Table.from<number>({b: 1, a: 2, c: 3});
		table.set('a', 20);
		table.delete('b');
		table.set('b', 10);
		expect(table.ids()).toEqual(['a', 'c', 'b']);
		expect(table.values()).toEqual([20, 3, 10]);
		expect(JSON.stringify(table)).toBe('{"a":20,"c":3,"b":10}');
		expect(table.size).toBe(3);
		expect(table.get('__proto__')!).toBeUndefined();
		expect(table.has('toString')).toBe(false);
	});

	it('matches a plain object through 5,000 random changes made in immer drafts, every version keeping its own content', () => {
		const next = random(7);
		let table = new Table<Item>();
		let model: Record<string, Item> = {};
		const versions: Array<{table: Table<Item>; json: string}> = [];
		for (let i = 0; i < 5000; i++) {
			const id = `id-${Math.floor(next() * 400)}`;
			const roll = next();
			table = produce(table, draft => {
				if (roll < 0.5) draft.set(id, {id, name: `n${i % 7}`, tags: [`t${i % 3}`]});
				else if (roll < 0.8) {
					const item = draft.get(id)!;
					if (item) {
						item.name = `m${i % 5}`;
						item.tags.push(`t${i % 4}`);
					}
				} else draft.delete(id);
			});
			model = {...model};
			if (roll < 0.5) model[id] = {id, name: `n${i % 7}`, tags: [`t${i % 3}`]};
			else if (roll < 0.8) {
				if (model[id]) model[id] = {...model[id], name: `m${i % 5}`, tags: [...model[id].tags, `t${i % 4}`]};
			} else delete model[id];
			if (i % 250 === 0) versions.push({table, json: JSON.stringify(model)});
			if (i % 97 === 0) {
				// indexes of this version agree with a scan
				for (const key of ['n1', 'm2', 'n6']) expect(table.ids(byName, key)).toEqual(Object.keys(model).filter(k => model[k].name === key));
				expect(table.ids(byTag, 't3')).toEqual(Object.keys(model).filter(k => model[k].tags.includes('t3')));
			}
		}

		expect(JSON.stringify(table)).toBe(JSON.stringify(model));
		expect(table.size).toBe(Object.keys(model).length);
		for (const version of versions) expect(JSON.stringify(version.table)).toBe(version.json);
		// an old version asked again (as after an undo) answers for itself
		const old = versions[3];
		const oldModel = JSON.parse(old.json) as Record<string, Item>;
		expect(old.table.ids(byName, 'n1')).toEqual(Object.keys(oldModel).filter(k => oldModel[k].name === 'n1'));
		expect(table.ids(byName, 'n1')).toEqual(Object.keys(model).filter(k => model[k].name === 'n1'));
	});

	it('copies only the path to a change: every other row is shared with the version before', () => {
		const record: Record<string, Item> = {};
		for (let i = 0; i < 20_000; i++) record[`id-${i}`] = {id: `id-${i}`, name: 'x', tags: []};
		const before = Table.from(record);
		const after = produce(before, draft => {
			draft.get('id-12345')!.name = 'y';
		});
		expect(after.get('id-12345')!.name).toBe('y');
		expect(before.get('id-12345')!.name).toBe('x');
		let shared = 0;
		let copied = 0;
		for (let a = 0; a < before.vals.length; a++) {
			for (let b = 0; b < 64; b++) {
				if (!before.vals[a]?.[b]) continue;
				if (before.vals[a]![b] === after.vals[a]![b]) shared++;
				else copied++;
			}
		}

		expect(copied).toBe(1);
		expect(shared).toBeGreaterThan(300);
		expect(after.slots).toBe(before.slots);
	});

	it('answers an index inside a draft with what the command changed so far', () => {
		const table = Table.from<Item>({a: {id: 'a', name: 'web', tags: []}, b: {id: 'b', name: 'db', tags: []}});
		expect(table.ids(byName, 'web')).toEqual(['a']);
		const after = produce(table, draft => {
			draft.get('b')!.name = 'web';
			expect(draft.ids(byName, 'web')).toEqual(['a', 'b']);
			draft.delete('a');
			expect(draft.ids(byName, 'web')).toEqual(['b']);
			draft.set('c', {id: 'c', name: 'web', tags: []});
			expect(draft.where(byName, 'web').map(item => item.id)).toEqual(['b', 'c']);
			draft.values();
			expect(draft.ids(byName, 'web')).toEqual(['b', 'c']);
		});
		expect(after.ids(byName, 'web')).toEqual(['b', 'c']);
		expect(table.ids(byName, 'web')).toEqual(['a']);
		expect(table.ids(byName, 'db')).toEqual(['b']);
	});

	it('brings an index up to date by what changed: one change in 20,000 entries reads one entry, not all', () => {
		let reads = 0;
		const counted: Index<Item> = {name: 'counted', keysOf: item => (reads++, [item.name])};
		const record: Record<string, Item> = {};
		for (let i = 0; i < 20_000; i++) record[`id-${i}`] = {id: `id-${i}`, name: `n${i % 10}`, tags: []};
		const before = Table.from(record);
		expect(before.ids(counted, 'n3')).toHaveLength(2000);
		expect(reads).toBe(20_000);
		reads = 0;
		const after = produce(before, draft => {
			draft.get('id-13')!.name = 'n4';
			draft.delete('id-23');
			draft.set('id-new', {id: 'id-new', name: 'n3', tags: []});
		});
		expect(reads).toBe(0);
		const found = after.ids(counted, 'n3');
		expect(found).toHaveLength(1999);
		expect(found.at(-1)).toBe('id-new');
		expect(reads).toBeLessThanOrEqual(3);
		// and back to the older version (an undo): the same few entries again
		reads = 0;
		expect(before.ids(counted, 'n3')).toHaveLength(2000);
		expect(reads).toBeLessThanOrEqual(3);
	});
});
