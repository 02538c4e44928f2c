import type {World} from '../sim/core/types.js';
import type {Piece} from './render.js';

// What in a typed line's literal text stands for something the script must find or make again:
// sandbox IDs, IP addresses and DNS names (a variable that holds the real one), the names the
// session gave to what it made (the same name plus this run's suffix), and the chapter's Region
// (the Region the script runs in).

/** Sandbox IDs, IPv4 addresses and public DNS names, as they appear in typed text. */
export const TOKEN = /(?:ami|i|snap|vol|sg|vpc|subnet)-[\da-f]{8,17}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\bec2-[\d-]+\.[\w.-]*amazonaws\.com\b/g;

export type Substitutions = {
	/** the variable holding a token's real value, if the script can know it */
	token: (token: string) => string | undefined;
	/** names made in the session: each gets `suffix` (a variable) appended */
	names: ReadonlySet<string>;
	suffix: string;
	/** the session's first Region and the variable that holds the real one */
	region?: {name: string; variable: string};
	/** other exact texts and what replaces them (e.g. 0.0.0.0/0 in an SSH rule) */
	extra?: Array<[string, Piece[]]>;
};

const NAME_CHAR = /[\w-]/;
const bounded = (text: string, at: number, length: number, after: RegExp = NAME_CHAR) => (at === 0 || !NAME_CHAR.test(text[at - 1])) && (at + length >= text.length || !after.test(text[at + length]));

type Hit = {at: number; length: number; pieces: Piece[]};

const firstHit = (text: string, from: number, subs: Substitutions): Hit | undefined => {
	let best: Hit | undefined;
	const offer = (hit: Hit) => {
		if (!best || hit.at < best.at || (hit.at === best.at && hit.length > best.length)) best = hit;
	};

	TOKEN.lastIndex = from;
	for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
		const variable = subs.token(m[0]);
		if (variable) {
			offer({at: m.index, length: m[0].length, pieces: [{variable}]});
			break;
		}
	}

	for (const name of subs.names) {
		for (let at = text.indexOf(name, from); at !== -1; at = text.indexOf(name, at + 1)) {
			if (bounded(text, at, name.length)) {
				offer({at, length: name.length, pieces: [name, {variable: subs.suffix}]});
				break;
			}
		}
	}

	if (subs.region) {
		const {name, variable} = subs.region;
		for (let at = text.indexOf(name, from); at !== -1; at = text.indexOf(name, at + 1)) {
			// us-east-1, or an Availability Zone of it (us-east-1a)
			const zone = /^[a-z](?![\w-])/.test(text.slice(at + name.length)) ? 1 : 0;
			if (bounded(text, at, name.length + zone)) {
				offer({at, length: name.length, pieces: [{variable}]});
				break;
			}
		}
	}

	for (const [literal, pieces] of subs.extra ?? []) {
		for (let at = text.indexOf(literal, from); at !== -1; at = text.indexOf(literal, at + 1)) {
			if (bounded(text, at, literal.length, /[\w./-]/)) {
				offer({at, length: literal.length, pieces});
				break;
			}
		}
	}

	return best;
};

/** `text` as pieces: literal text and the variables that replace what the script finds or renames. */
export const substitute = (text: string, subs: Substitutions): Piece[] => {
	const out: Piece[] = [];
	let at = 0;
	for (let hit = firstHit(text, at, subs); hit; hit = firstHit(text, at, subs)) {
		if (hit.at > at) out.push(text.slice(at, hit.at));
		out.push(...hit.pieces);
		at = hit.at + hit.length;
	}

	if (at < text.length || out.length === 0) out.push(text.slice(at));
	return out;
};

/** Names the session gave to what it made: key pairs, security groups, its own images, Name tags. */
export const madeNames = (start: World, world: World): Set<string> => {
	const names = new Set<string>();
	const add = (name: string | undefined) => {
		// eslint-disable-next-line no-control-regex
		if (name && name.length >= 3 && !/[\u0000-\u001F\u007F]/.test(name)) names.add(name);
	};

	const nameTag = (tags: Array<{Key: string; Value: string}> | undefined) => tags?.find(t => t.Key === 'Name')?.Value;
	for (const [region, state] of Object.entries(world.regions)) {
		const before = start.regions[region];
		for (const pair of state.keyPairs.values()) if (!before?.keyPairs.get(pair.KeyPairId)) add(pair.KeyName);
		for (const group of state.securityGroups.values()) {
			if (group.GroupName === 'default' || before?.securityGroups.get(group.GroupId)) continue;
			add(group.GroupName);
			add(nameTag(group.Tags));
		}

		for (const image of state.images.values()) {
			if (before?.images.get(image.ImageId) || image.OwnerId !== world.account) continue;
			add(image.Name);
			add(nameTag(image.Tags));
		}

		for (const instance of state.instances.values()) if (!before?.instances.get(instance.InstanceId)) add(nameTag(instance.Tags));
		for (const snapshot of state.snapshots.values()) if (!before?.snapshots.get(snapshot.SnapshotId)) add(nameTag(snapshot.Tags));
		for (const volume of state.volumes.values()) if (!before?.volumes.get(volume.VolumeId)) add(nameTag(volume.Tags));
	}

	return names;
};
