// The AWS CLI prints keys in the order botocore's parser builds them: the output shape's member
// order. Re-order an operation's output object by its catalogue shape, recursively.
import type {Catalogue, Shape} from '../catalogue-types.js';
import {isObject, type JsonValue} from './json-value.js';

const stripUndefined = (value: unknown): JsonValue => {
	if (Array.isArray(value)) return value.map(stripUndefined);
	if (isObject(value)) {
		const out: Record<string, JsonValue> = {};
		for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = stripUndefined(v);
		return out;
	}
	return value as JsonValue;
};

/**
 * `value` re-ordered by `shapeName`'s members (model order); keys the shape does not know follow
 * in their given order; undefined values are dropped; unknown shapes leave the value as it is.
 */
export type ShapeSource = Pick<Catalogue, 'shapes'> | ((name: string) => Shape | undefined);

const lookup = (source: ShapeSource, name: string): Shape | undefined =>
	typeof source === 'function' ? source(name) : Object.hasOwn(source.shapes, name) ? source.shapes[name] : undefined;

export const orderByShape = (value: unknown, shapeName: string | undefined, catalogue: ShapeSource): JsonValue => {
	const shape = shapeName === undefined ? undefined : lookup(catalogue, shapeName);
	if (shape === undefined) return stripUndefined(value);
	if (shape.type === 'structure' && isObject(value)) {
		const out: Record<string, JsonValue> = {};
		for (const member of shape.members) {
			if (Object.hasOwn(value, member.name) && value[member.name] !== undefined) {
				out[member.name] = orderByShape(value[member.name], member.shape, catalogue);
			}
		}
		for (const [key, v] of Object.entries(value)) {
			if (!Object.hasOwn(out, key) && v !== undefined) out[key] = stripUndefined(v);
		}
		return out;
	}
	if (shape.type === 'list' && Array.isArray(value)) return value.map((item) => orderByShape(item, shape.member, catalogue));
	if (shape.type === 'map' && isObject(value)) {
		const out: Record<string, JsonValue> = {};
		for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = orderByShape(v, shape.value, catalogue);
		return out;
	}
	return stripUndefined(value);
};
