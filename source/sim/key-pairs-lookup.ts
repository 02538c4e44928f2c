import type {KeyPair, RegionState} from './types.js';

// Key pairs are kept by their generated KeyPairId, never by the name the user chose: a name such as
// `constructor` or `__proto__` is only data, never a property of a JavaScript object.

export const keyPairByName = (region: RegionState, name: string): KeyPair | undefined => Object.values(region.keyPairs).find(k => k.KeyName === name);

export const keyPairById = (region: RegionState, keyPairId: string): KeyPair | undefined => (Object.hasOwn(region.keyPairs, keyPairId) ? region.keyPairs[keyPairId] : undefined);
