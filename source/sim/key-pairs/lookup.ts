import {isDraft, original} from 'immer';
import type {KeyPair, RegionState} from '../core/types.js';

// Key pairs are kept by their generated KeyPairId, never by the name the user chose: a name such as
// `constructor` or `__proto__` is only data, never a property of a JavaScript object.

/**
 * The key pair called `name`. Inside an operation it scans the record as the operation found it
 * (a draft per pair would make every lookup cost as much as copying them all): only
 * create-key-pair and import-key-pair add pairs, and they look the name up before adding.
 */
export const keyPairByName = (region: RegionState, name: string): KeyPair | undefined => {
	const pairs = region.keyPairs;
	const before = isDraft(pairs) ? (original(pairs) as Record<string, KeyPair>) : pairs;
	for (const [id, pair] of Object.entries(before)) if (pair.KeyName === name) return Object.hasOwn(pairs, id) ? pairs[id] : undefined;
	return undefined;
};

export const keyPairById = (region: RegionState, keyPairId: string): KeyPair | undefined => (Object.hasOwn(region.keyPairs, keyPairId) ? region.keyPairs[keyPairId] : undefined);
