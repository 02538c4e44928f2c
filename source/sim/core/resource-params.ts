import {fail} from './errors.js';
import {isWellFormedId} from './ids.js';
import type {Tag} from './types.js';

// Reading API-shaped request parameters for the storage, key-pair, security-group, tag and
// Region operations. Each helper checks the type it expects and answers as EC2 does when a
// value is missing or of the wrong kind, so a handler never sees surprises.

/** `The request must contain the parameter X` */
export const missing = (name: string): never => fail('MissingParameter', `The request must contain the parameter ${name}`);

export const optionalString = (value: unknown, name: string): string | undefined => {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') return fail('InvalidParameterValue', `Invalid value for parameter ${name}`);
	return value;
};

export const requiredString = (value: unknown, name: string): string => {
	const text = optionalString(value, name);
	if (text === undefined || text === '') return missing(name);
	return text;
};

export const optionalBoolean = (value: unknown): boolean | undefined => {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return Boolean(value);
};

export const optionalInteger = (value: unknown, name: string): number | undefined => {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isInteger(n)) return fail('InvalidParameterValue', `Invalid value '${String(value)}' for ${name}`);
	return n;
};

/** A list parameter: undefined when absent, every member a string. */
export const stringList = (value: unknown, name: string): string[] | undefined => {
	if (value === undefined || value === null) return undefined;
	const list = Array.isArray(value) ? value : [value];
	return list.map(item => optionalString(item, name) ?? '');
};

/** Tags as the API receives them (`--tags Key=k,Value=v`): Value may be absent. */
export type TagInput = {Key: string; Value?: string};

export const tagList = (value: unknown): TagInput[] => {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return fail('InvalidParameterValue', 'Invalid value for parameter Tags');
	return value.map(item => {
		const entry = (item ?? {}) as Record<string, unknown>;
		const key = optionalString(entry.Key, 'Tag.Key');
		if (key === undefined) return fail('InvalidParameterValue', 'Tag key must be specified');
		const value = optionalString(entry.Value, 'Tag.Value');
		return value === undefined ? {Key: key} : {Key: key, Value: value};
	});
};

/** Checks one tag key (DeleteTags checks only the `aws:` prefix with it). */
export const checkTagKey = (key: string): void => {
	if (key.toLowerCase().startsWith('aws:')) {
		fail('InvalidParameterValue', `Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`);
	}

	if (key.length === 0 || key.length > 128) {
		fail('InvalidParameterValue', `Value ( ${key} ) for parameter key is invalid. Length should be between 1 and 128 characters`);
	}
};

/** Checks one tag as CreateTags and every `--tag-specifications` do: its key, then its value. */
export const checkTag = (tag: TagInput): void => {
	checkTagKey(tag.Key);
	const value = tag.Value ?? '';
	if (value.length > 256) fail('InvalidParameterValue', `Value ( ${value} ) for parameter value is invalid. Length should be between 0 and 256 characters`);
};

/** The most tags one resource may carry. */
export const MAX_TAGS = 50;

/** Adds or overwrites tags on one resource; more than 50 in all -> TagLimitExceeded. */
export const applyTags = (target: Tag[], tags: TagInput[]): void => {
	const keys = new Set(target.map(t => t.Key));
	for (const tag of tags) keys.add(tag.Key);
	if (keys.size > MAX_TAGS) fail('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
	for (const tag of tags) {
		const existing = target.find(t => t.Key === tag.Key);
		if (existing) existing.Value = tag.Value ?? '';
		else target.push({Key: tag.Key, Value: tag.Value ?? ''});
	}
};

/** Names and descriptions (key names, group names): at most 255 printable ASCII characters. */
export const checkAsciiText = (value: string, parameter: string): void => {
	if (value.length > 255) fail('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. Length exceeds maximum of 255.`);
	if (!/^[\x20-\x7E]*$/.test(value)) fail('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. Character sets beyond ASCII are not supported.`);
};

/** `Invalid id: "x" (expecting "snap-...")` for ids of the wrong shape. */
export const checkId = (id: string, prefix: string, code: string): void => {
	if (!isWellFormedId(id, prefix)) fail(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);
};
