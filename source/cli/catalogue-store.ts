// The operation catalogue as keyed entries, so that a command reads only what it needs.
//
// Keys: `operations` (every CLI operation name, in the model's order), `operation/<cli name>`,
// `model-names` (model name -> CLI name), `shape/<name>`, `waiters` (their CLI names),
// `waiter/<cli name>`, `paginator/<model name>`, `commands` (top-level aws commands), and
// `docs/<service>/<cli name>` (a simulated operation's help text, from docs.json).
//
// From source the entries come from the JSON import. The built game ships them packed in one
// file (dist/catalogue.data, written by scripts/build.mjs with packCatalogue): an index of lines
// `key<TAB>offset<TAB>length`, a blank line, then each entry's JSON. Opening it reads the file but
// parses nothing; an entry is parsed the first time it is asked for (one command asks for a few
// dozen of ~2,800), which keeps the catalogue out of `ami-school aws`'s start-up time.

export type CatalogueStore = {get: (key: string) => unknown};

type CatalogueJson = {
	operations: Record<string, {name: string}>;
	shapes: Record<string, unknown>;
	waiters: Record<string, unknown>;
	paginators: Record<string, unknown>;
	commands: string[];
};

/** Every entry of the catalogue, by key. */
export const catalogueEntries = (catalogue: CatalogueJson, docs: Record<string, Record<string, unknown>> = {}): Map<string, unknown> => {
	const entries = new Map<string, unknown>();
	entries.set('operations', Object.keys(catalogue.operations));
	entries.set('model-names', Object.fromEntries(Object.entries(catalogue.operations).map(([cli, op]) => [op.name, cli])));
	for (const [cli, op] of Object.entries(catalogue.operations)) entries.set(`operation/${cli}`, op);
	for (const [name, shape] of Object.entries(catalogue.shapes)) entries.set(`shape/${name}`, shape);
	entries.set('waiters', Object.keys(catalogue.waiters));
	for (const [cli, waiter] of Object.entries(catalogue.waiters)) entries.set(`waiter/${cli}`, waiter);
	for (const [model, paginator] of Object.entries(catalogue.paginators)) entries.set(`paginator/${model}`, paginator);
	entries.set('commands', catalogue.commands);
	for (const [service, operations] of Object.entries(docs)) for (const [cli, doc] of Object.entries(operations)) entries.set(`docs/${service}/${cli}`, doc);
	return entries;
};

export const memoryStore = (catalogue: CatalogueJson, docs?: Record<string, Record<string, unknown>>): CatalogueStore => {
	const entries = catalogueEntries(catalogue, docs);
	return {get: key => entries.get(key)};
};

/** The packed file's bytes for these entries. */
export const packCatalogue = (entries: Map<string, unknown>): Buffer => {
	const index: string[] = [];
	const bodies: Buffer[] = [];
	let offset = 0;
	for (const [key, value] of entries) {
		if (/[\t\n]/.test(key)) throw new Error(`catalogue key with a tab or newline: ${JSON.stringify(key)}`);
		const body = Buffer.from(JSON.stringify(value), 'utf8');
		index.push(`${key}\t${offset}\t${body.length}\n`);
		bodies.push(body);
		offset += body.length;
	}

	return Buffer.concat([Buffer.from(`\n${index.join('')}\n`, 'utf8'), ...bodies]);
};

/** A store over a packed file's bytes: nothing is parsed until asked for. */
export const openPackedCatalogue = (bytes: Buffer): CatalogueStore => {
	const end = bytes.indexOf('\n\n');
	if (bytes[0] !== 0x0a || end < 0) throw new Error('the catalogue file is damaged');
	const index = bytes.toString('utf8', 0, end + 1);
	const bodyStart = end + 2;
	const parsed = new Map<string, unknown>();
	return {
		get(key) {
			if (parsed.has(key)) return parsed.get(key);
			const at = index.indexOf(`\n${key}\t`);
			if (at < 0 || key.includes('\n') || key.includes('\t')) return undefined;
			const [offset, length] = index.slice(at + key.length + 2, index.indexOf('\n', at + 1)).split('\t').map(Number);
			const value = JSON.parse(bytes.toString('utf8', bodyStart + offset, bodyStart + offset + length)) as unknown;
			parsed.set(key, value);
			return value;
		},
	};
};
