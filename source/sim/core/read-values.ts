import {isDraft} from 'immer';

// immer's own marker on a draft (stable since immer 7): its state says whether it changed.
const DRAFT_STATE = Symbol.for('immer-state');

/**
 * The items of a collection, to read only (never mutate what this returns): on a draft that this
 * request has not changed, the plain objects themselves, without immer making a proxy per item
 * (a scan of thousands of drafts costs milliseconds).
 */
export const readValues = <T>(collection: Record<string, T>): T[] => {
	const state = isDraft(collection) ? (collection as unknown as Record<symbol, {modified_: boolean; base_: Record<string, T>} | undefined>)[DRAFT_STATE] : undefined;
	return Object.values(state && !state.modified_ ? state.base_ : collection);
};
