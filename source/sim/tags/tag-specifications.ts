import {fail} from '../core/errors.js';
import {applyTags, checkTag, optionalString, tagList} from '../core/resource-params.js';
import type {Tag} from '../core/types.js';

// `--tag-specifications` (TagSpecifications: [{ResourceType, Tags}]) for every operation that
// takes it: one reading, one set of checks, one table of what each operation may tag.

/**
 * The resource types each operation accepts (aws-reference 3.1, 3.3, 3.6, 3.10, 3.11 and the
 * model docs: RegisterImage tags only the image, AuthorizeSecurityGroupIngress only the rules).
 */
export const TAGGABLE_TYPES = {
	CreateImage: ['image', 'snapshot'],
	CopyImage: ['image', 'snapshot'],
	RegisterImage: ['image'],
	RunInstances: ['instance', 'volume', 'network-interface', 'spot-instances-request'],
	CreateSnapshot: ['snapshot'],
	CreateKeyPair: ['key-pair'],
	ImportKeyPair: ['key-pair'],
	CreateSecurityGroup: ['security-group'],
	AuthorizeSecurityGroupIngress: ['security-group-rule'],
} as const satisfies Record<string, readonly string[]>;

export type TaggingOperation = keyof typeof TAGGABLE_TYPES;

/** The tags given for one resource type: a fresh list on each call (empty when none were given). */
export type SpecifiedTags = (resourceType: string) => Tag[];

const resourceTypeOf = (entry: Record<string, unknown>, allowed: readonly string[]): string => {
	const type = optionalString(entry.ResourceType, 'TagSpecification.ResourceType');
	if (type === undefined || type === '') return fail('InvalidParameterValue', 'Tag specification resource type must have a value');
	if (!allowed.includes(type)) fail('InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`);
	return type;
};

/**
 * Reads and checks `TagSpecifications` for `operation`. Each tag is checked as CreateTags checks
 * it (`aws:` prefix, key and value lengths, at most 50 per resource); specifications of the same
 * type add up. A missing ResourceType and one the operation does not accept are refused with
 * InvalidParameterValue, as EC2 does.
 */
export const readTagSpecifications = (specs: unknown, operation: TaggingOperation): SpecifiedTags => {
	const allowed: readonly string[] = TAGGABLE_TYPES[operation];
	const byType = new Map<string, Tag[]>();
	if (specs !== undefined && specs !== null) {
		if (!Array.isArray(specs)) fail('InvalidParameterValue', 'Invalid value for parameter TagSpecifications');
		for (const spec of specs as unknown[]) {
			const entry = (spec ?? {}) as Record<string, unknown>;
			const type = resourceTypeOf(entry, allowed);
			const given = tagList(entry.Tags);
			for (const tag of given) checkTag(tag);
			const tags = byType.get(type) ?? [];
			applyTags(tags, given);
			byType.set(type, tags);
		}
	}

	return resourceType => (byType.get(resourceType) ?? []).map(tag => ({Key: tag.Key, Value: tag.Value}));
};
