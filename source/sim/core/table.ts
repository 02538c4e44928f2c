import {immerable, isDraft, original, setUseStrictShallowCopy} from 'immer';

// A keyed collection whose cost grows with what a command reads and changes, not with how many
// resources exist. A plain object holding every resource of a Region (as the model once had) is
// copied whole by immer on every write: 25,000 keys take ~90 ms to copy. Here the entries live in
// small fixed-fan-out arrays, so immer copies only the path to what changed (a few arrays of 64),
// and every version of the world shares the rest (undo and saved sessions stay cheap).
//
// Layout (all plain data, so immer drafts it like any other part of the world):
// - rows: entries in insertion order, by sequence number s: vals[s >> 12][(s >> 6) & 63][s & 63],
//   their ids in `keys` at the same place (null once deleted);
// - slots: id -> s, in a two-level hash of 64 x 64 buckets (changed only by set and delete).
// Iteration follows insertion order, as a plain object's did, and the JSON form is that plain
// object (toJSON), so saved worlds are byte-for-byte what they were.
//
// Indexes (`ids(index, key)`) are derived, never stored in the world: each table carries a pointer
// (non-enumerable, copied by immer to every new version) to an index state shared by its versions,
// which is brought up to date by comparing the version it last described with the one asked about.
// Unchanged branches are the same arrays in both, so that costs what changed, however a change
// was made. Inside a command (a draft), the answer is the base version's, corrected for the
// entries this command has touched.

const FAN = 64;
const BITS = 6;
const MASK = FAN - 1;

type Level<V> = Array<V | undefined>;
type Rows<V> = Level<Level<Level<V>>>;
type Slots = Level<Level<Record<string, number>>>;

const hash = (id: string): number => {
	let h = 0x81_1c_9d_c5;
	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01_00_01_93);
	}

	return h >>> 0;
};

/** What an index files each entry under (several keys, or none). */
export type Index<T> = {name: string; keysOf: (item: T) => readonly string[]};

/** An index: for each key, the sequence number of its one entry, or a set of several; for each entry, its keys. */
type IndexData = {byKey: Map<string, number | Set<number>>; keysOf: Map<number, readonly string[]>};

const filedUnder = (data: IndexData, key: string): Iterable<number> => {
	const found = data.byKey.get(key);
	return found === undefined ? [] : typeof found === 'number' ? [found] : found;
};

type IndexState<T> = {at: Table<T> | undefined; indexes: Map<string, {index: Index<T>; data: IndexData}>};

const INDEX_STATE = Symbol('table index state');
// immer copies a class instance with its property descriptors only in this mode (plain objects,
// the rest of the world, are still copied the fast way): the index state pointer, a
// non-enumerable property, must reach every new version of a table.
setUseStrictShallowCopy('class_only');

/** Per draft of a table: the sequence numbers this command may have changed (true: possibly all of them). */
const touchedByDraft = new WeakMap<object, Set<number> | true>();

const at = <V>(rows: Rows<V>, s: number): V | undefined => rows[s >>> (2 * BITS)]?.[(s >>> BITS) & MASK]?.[s & MASK];

export class Table<T> {
	static [immerable] = true;

	/** a table holding the entries of a plain object, in its key order */
	static from<T>(record: Record<string, T>): Table<T> {
		const table = new Table<T>();
		// a plain object's keys are unique: each is new
		for (const key of Object.keys(record)) table.add(key, record[key]);
		return table;
	}

	size = 0;
	/** the sequence number the next new entry gets */
	next = 0;
	vals: Rows<T> = [];
	keys: Rows<string | null> = [];
	slots: Slots = [];

	/** (internal) */
	slotOf(id: string): number | undefined {
		const h = hash(id);
		const bucket = this.slots[h & MASK]?.[(h >>> BITS) & MASK];
		return bucket && Object.hasOwn(bucket, id) ? bucket[id] : undefined;
	}

	/** (internal) */
	touch(s: number | true): void {
		if (!isDraft(this)) return;
		const known = touchedByDraft.get(this);
		if (known === true) return;
		if (s === true) touchedByDraft.set(this, true);
		else if (known) known.add(s);
		else touchedByDraft.set(this, new Set([s]));
	}

	has(id: string): boolean {
		return this.slotOf(id) !== undefined;
	}

	/** the entry (inside a command, the draft of it: change it freely) */
	get(id: string): T | undefined {
		const s = this.slotOf(id);
		if (s === undefined) return undefined;
		this.touch(s);
		return at(this.vals, s);
	}

	/** adds or replaces an entry; a new id goes last, a replaced one keeps its place */
	set(id: string, value: T): void {
		const s = this.slotOf(id);
		if (s === undefined) {
			this.add(id, value);
			return;
		}

		this.touch(s);
		this.vals[s >>> (2 * BITS)]![(s >>> BITS) & MASK]![s & MASK] = value;
	}

	/** (internal) */
	add(id: string, value: T): void {
		const s = this.next++;
		const h = hash(id);
		const top = (this.slots[h & MASK] ??= []);
		// a bucket without a prototype starts as a dictionary: ids as keys make no hidden classes
		const bucket = (top[(h >>> BITS) & MASK] ??= Object.create(null) as Record<string, number>);
		bucket[id] = s;
		const a = s >>> (2 * BITS);
		const b = (s >>> BITS) & MASK;
		((this.keys[a] ??= [])[b] ??= [])[s & MASK] = id;
		((this.vals[a] ??= [])[b] ??= [])[s & MASK] = value;
		this.size++;
		this.touch(s);
	}

	delete(id: string): boolean {
		const s = this.slotOf(id);
		if (s === undefined) return false;
		this.touch(s);
		const h = hash(id);
		delete this.slots[h & MASK]![(h >>> BITS) & MASK]![id];
		this.keys[s >>> (2 * BITS)]![(s >>> BITS) & MASK]![s & MASK] = null;
		this.vals[s >>> (2 * BITS)]![(s >>> BITS) & MASK]![s & MASK] = undefined;
		this.size--;
		return true;
	}

	/** every entry in insertion order (inside a command, drafts: a scan there costs a draft per entry) */
	values(): T[] {
		this.touch(true);
		return this.collect((_key, value) => value);
	}

	/** every id in insertion order */
	ids(): string[];
	/** the ids an index files under `key`, in insertion order */
	ids(index: Index<T>, ...keys: string[]): string[];
	ids(index?: Index<T>, ...keys: string[]): string[] {
		if (!index) return this.collect(id => id);
		return this.lookup(index, ...keys);
	}

	entries(): Array<[string, T]> {
		this.touch(true);
		return this.collect((id, value) => [id, value]);
	}

	/** the entries an index files under any of `keys`, in insertion order (inside a command, their drafts) */
	where(index: Index<T>, ...keys: string[]): T[] {
		return this.lookup(index, ...keys).map(id => this.get(id)!);
	}

	/** (internal) */
	collect<R>(make: (id: string, value: T) => R): R[] {
		const out: R[] = [];
		const {keys, vals} = this;
		for (let a = 0; a < keys.length; a++) {
			const keyMid = keys[a];
			if (!keyMid) continue;
			for (let b = 0; b < keyMid.length; b++) {
				const keyRow = keyMid[b];
				if (!keyRow) continue;
				for (let c = 0; c < keyRow.length; c++) {
					const id = keyRow[c];
					if (typeof id === 'string') out.push(make(id, vals[a]![b]![c]!));
				}
			}
		}

		return out;
	}

	toJSON(): Record<string, T> {
		const record: Record<string, T> = {};
		for (const [id, value] of this.collect((id, value) => [id, value] as const)) record[id] = value;
		return record;
	}

	/** (internal) */
	lookup(index: Index<T>, ...keys: string[]): string[] {
		const wanted = (value: T) => index.keysOf(value).some(key => keys.includes(key));
		const filed = (data: IndexData) => new Set(keys.flatMap(key => [...filedUnder(data, key)]));
		if (!isDraft(this)) return seqsToIds(this, filed(indexData(this, index)));
		const touched = touchedByDraft.get(this);
		if (touched === true) return this.collect((id, value) => (wanted(value) ? id : undefined)).filter(id => id !== undefined);
		const found = filed(indexData(original(this as any) as Table<T>, index));
		for (const s of touched ?? []) {
			found.delete(s);
			const value = at(this.vals, s);
			if (value !== undefined && wanted(value)) found.add(s);
		}

		return seqsToIds(this, found);
	}
}

const seqsToIds = <T>(table: Table<T>, seqs: Iterable<number> | undefined): string[] =>
	[...(seqs ?? [])].sort((a, b) => a - b).map(s => at(table.keys, s)!);

const stateOf = <T>(table: Table<T>): IndexState<T> => {
	const holder = table as unknown as Record<symbol, IndexState<T> | undefined>;
	let state = holder[INDEX_STATE];
	if (!state) {
		state = {at: undefined, indexes: new Map()};
		Object.defineProperty(table, INDEX_STATE, {value: state, enumerable: false, writable: true, configurable: true});
	}

	return state;
};

const file = (data: IndexData, s: number, keys: readonly string[] | undefined) => {
	const old = data.keysOf.get(s);
	for (const key of old ?? []) {
		const found = data.byKey.get(key);
		if (found === s) data.byKey.delete(key);
		else if (typeof found === 'object') found.delete(s);
	}

	if (!keys || keys.length === 0) {
		data.keysOf.delete(s);
		return;
	}

	data.keysOf.set(s, keys);
	for (const key of keys) {
		const found = data.byKey.get(key);
		if (found === undefined) data.byKey.set(key, s);
		else if (typeof found === 'number') {
			if (found !== s) data.byKey.set(key, new Set([found, s]));
		} else found.add(s);
	}
};

/** Calls `changed(s)` for every sequence number whose entry differs between two versions (same arrays: skipped). */
const diff = <T>(from: Rows<T>, to: Rows<T>, changed: (s: number) => void) => {
	if (from === to) return;
	for (let a = 0; a < Math.max(from.length, to.length); a++) {
		const fromMid = from[a];
		const toMid = to[a];
		if (fromMid === toMid) continue;
		for (let b = 0; b < FAN; b++) {
			const fromRow = fromMid?.[b];
			const toRow = toMid?.[b];
			if (fromRow === toRow) continue;
			for (let c = 0; c < FAN; c++) if (fromRow?.[c] !== toRow?.[c]) changed((a << (2 * BITS)) | (b << BITS) | c);
		}
	}
};

/** The index `index` of this (finished, not draft) version, brought up to date. */
const indexData = <T>(table: Table<T>, index: Index<T>): IndexData => {
	const state = stateOf(table);
	if (state.at !== undefined && state.at !== table) {
		const changed: number[] = [];
		diff(state.at.vals, table.vals, s => changed.push(s));
		for (const {index: other, data} of state.indexes.values()) {
			for (const s of changed) {
				const value = at(table.vals, s);
				file(data, s, value === undefined ? undefined : other.keysOf(value));
			}
		}
	}

	state.at = table;
	let entry = state.indexes.get(index.name);
	if (!entry || entry.index !== index) {
		entry = {index, data: {byKey: new Map(), keysOf: new Map()}};
		state.indexes.set(index.name, entry);
		for (let s = 0; s < table.next; s++) {
			const value = at(table.vals, s);
			if (value !== undefined) file(entry.data, s, index.keysOf(value));
		}
	}

	return entry.data;
};
