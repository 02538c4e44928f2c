import type {Index} from '../core/table.js';
import type {KeyPair, RegionState} from '../core/types.js';

// Key pairs are kept by their generated KeyPairId, never by the name the user chose: a name such as
// `constructor` or `__proto__` is only data, never a property of a JavaScript object.

const KEY_PAIRS_BY_NAME: Index<KeyPair> = {name: 'key-name', keysOf: pair => [pair.KeyName]};

/** The key pair called `name` (names are unique in a Region: create and import look first). */
export const keyPairByName = (region: RegionState, name: string): KeyPair | undefined => {
	const [id] = region.keyPairs.ids(KEY_PAIRS_BY_NAME, name);
	return id === undefined ? undefined : region.keyPairs.get(id);
};

export const keyPairById = (region: RegionState, keyPairId: string): KeyPair | undefined => region.keyPairs.get(keyPairId);
