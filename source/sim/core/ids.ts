import type {World} from './types.js';

// Deterministic resource ids: `<prefix>-0` + 16 lowercase hex digits (17 hex in all, the
// long-id format). The digits are a hash of the world's seed (with its id salt: each chapter has
// its own) and a counter, so the same commands on the same world always give the same ids.

const mix32 = (x: number): number => {
	x = Math.imul(x ^ (x >>> 16), 0x7f_eb_35_2d);
	x = Math.imul(x ^ (x >>> 15), 0x84_6c_a6_8b);
	return (x ^ (x >>> 16)) >>> 0;
};

export const hexFor = (seed: number, n: number, digits: number): string => {
	let out = '';
	let i = 0;
	while (out.length < digits) {
		out += mix32(seed ^ mix32(n * 0x9e_37_79_b9 + i * 0x85_eb_ca_6b)).toString(16).padStart(8, '0');
		i++;
	}

	return out.slice(0, digits);
};

/** The seed of the ids a world hands out: its seed mixed with its id salt, when it has one. */
export const idSeed = (world: World): number => (world.seed ^ (world.idSalt ?? 0)) >>> 0;

/** Hands out the next id; mutates the (draft) world's counter. */
export const nextId = (world: World, prefix: string): string => {
	world.idCounter++;
	return `${prefix}-0${hexFor(idSeed(world), world.idCounter, 16)}`;
};

/** A 32-bit FNV-1a hash of a text (stream names, chapter ids). */
export const hashString = (text: string): number => {
	let h = 0x81_1c_9d_c5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01_00_01_93);
	return h >>> 0;
};

/**
 * The n-th id of a named stream (e.g. a Region's own seed resources): it depends on the seed, the
 * stream and n only, not on the world's counter, so seeding a Region later changes no other id.
 */
export const streamId = (seed: number, stream: string, n: number, prefix: string): string => `${prefix}-0${hexFor((seed ^ hashString(stream)) >>> 0, n, 16)}`;

/** A deterministic number in [0, 1) for the world's next draw (advances the same counter). */
export const nextRandom = (world: World): number => {
	world.idCounter++;
	return Number.parseInt(hexFor(idSeed(world) ^ 0x5b_d1_e9_95, world.idCounter, 8), 16) / 0x1_00_00_00_00;
};

export const ID_PATTERN = /^(ami|i|snap|vol|sg|key|r|eni|subnet|vpc|sgr)-([\da-f]{8}|[\da-f]{17})$/;

/** True when `id` is a well-formed id with the given prefix (legacy 8-hex ids are well formed). */
export const isWellFormedId = (id: string, prefix: string): boolean => {
	const m = ID_PATTERN.exec(id);
	return m !== null && m[1] === prefix;
};
