import type {Tag, World} from '../sim/core/types.js';

// The world in view: the learner's own resources (instances, images, snapshots, volumes, key
// pairs, security groups) with their state, Region and Name tag, and what the last command
// changed. The UI's world pane and the `world` command draw this; nothing here is drawn.

export type WorldKind = 'instance' | 'image' | 'snapshot' | 'volume' | 'key-pair' | 'security-group';

export type WorldRow = {kind: WorldKind; id: string; region: string; state?: string; /** the Name tag (a key pair's or group's own name) */ name?: string};

/** What the last command did to a row: it is new, its state or name changed, or it is gone. */
export type WorldChange = 'new' | 'changed' | 'gone';

export type WorldView = {
	/** the Region the shell is in */
	region: string;
	/** resources in list order (the shell's Region first, then kind, id); rows gone since the last command are kept, marked `gone` */
	rows: Array<WorldRow & {change?: WorldChange}>;
};

/** The kinds in the order they are listed, with their headings. */
export const WORLD_KINDS: Array<{kind: WorldKind; title: string}> = [
	{kind: 'instance', title: 'Instances'},
	{kind: 'image', title: 'Images'},
	{kind: 'snapshot', title: 'Snapshots'},
	{kind: 'volume', title: 'Volumes'},
	{kind: 'key-pair', title: 'Key pairs'},
	{kind: 'security-group', title: 'Security groups'},
];

const nameOf = (tags: Tag[] | undefined): string | undefined => tags?.find(t => t.Key === 'Name')?.Value;

/** Every resource of the account's, in list order (the default security groups, there from the start, left out). */
export const worldRows = (world: World): WorldRow[] => {
	const rows: WorldRow[] = [];
	for (const [region, r] of Object.entries(world.regions).sort(([a], [b]) => a.localeCompare(b))) {
		const add = (kind: WorldKind, id: string, state: string | undefined, name: string | undefined) => rows.push({kind, id, region, state, name});
		for (const i of r.instances.values()) add('instance', i.InstanceId, i.State, nameOf(i.Tags));
		for (const i of r.images.values()) if (i.OwnerId === world.account) add('image', i.ImageId, i.State, nameOf(i.Tags) ?? i.Name);
		for (const s of r.snapshots.values()) if (s.OwnerId === world.account) add('snapshot', s.SnapshotId, s.State, nameOf(s.Tags));
		for (const v of r.volumes.values()) add('volume', v.VolumeId, v.State, nameOf(v.Tags));
		for (const k of r.keyPairs.values()) add('key-pair', k.KeyPairId, undefined, k.KeyName);
		for (const g of r.securityGroups.values()) if (g.GroupName !== 'default') add('security-group', g.GroupId, undefined, g.GroupName);
	}

	const order = (row: WorldRow) => WORLD_KINDS.findIndex(k => k.kind === row.kind);
	return rows.sort((a, b) => a.region.localeCompare(b.region) || order(a) - order(b) || a.id.localeCompare(b.id));
};

/** The world now, each row marked with what changed since `before` (the world before the last command). */
/** The shell's Region first, then the others by name; in each, by kind and id. */
const inOrder = <R extends WorldRow>(rows: R[], region: string): R[] => {
	const order = (row: WorldRow) => WORLD_KINDS.findIndex(k => k.kind === row.kind);
	const rank = (row: WorldRow) => (row.region === region ? '' : row.region);
	return rows.sort((a, b) => rank(a).localeCompare(rank(b)) || order(a) - order(b) || a.id.localeCompare(b.id));
};

export const worldView = (world: World, region: string, before?: World): WorldView => {
	const now = inOrder(worldRows(world), region);
	if (!before) return {region, rows: now};
	const then = new Map(worldRows(before).map(row => [row.id, row]));
	const rows: WorldView['rows'] = now.map(row => {
		const old = then.get(row.id);
		const change: WorldChange | undefined = !old ? 'new' : old.state !== row.state || old.name !== row.name ? 'changed' : undefined;
		return change ? {...row, change} : row;
	});
	const ids = new Set(now.map(row => row.id));
	for (const old of then.values()) if (!ids.has(old.id)) rows.push({...old, change: 'gone'});
	return {region, rows: inOrder(rows, region)};
};

const MARK: Record<WorldChange, string> = {new: '+', changed: '*', gone: '-'};

/** One row as text: change mark, id, state, name. */
export const worldRowText = (row: WorldView['rows'][number]): string => [row.change ? MARK[row.change] : ' ', row.id, row.change === 'gone' ? 'gone' : row.state, row.name].filter(Boolean).join(' ');

/** The view as the `world` command prints it: by Region, then kind. */
export const worldText = (view: WorldView): string => {
	if (view.rows.length === 0) return `Nothing of yours in this world yet (the shell is in ${view.region}).`;
	const lines: string[] = [];
	for (const region of [...new Set(view.rows.map(r => r.region))]) {
		lines.push(`${region}${region === view.region ? ' (the shell is here)' : ''}`);
		for (const {kind, title} of WORLD_KINDS) {
			const rows = view.rows.filter(r => r.region === region && r.kind === kind);
			if (rows.length === 0) continue;
			lines.push(`  ${title}`);
			for (const row of rows) lines.push(`  ${worldRowText(row)}`);
		}
	}

	if (view.rows.some(r => r.change)) lines.push('(+ new, * changed, - gone: by the last command)');
	return lines.join('\n');
};
