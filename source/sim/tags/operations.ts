import type {OpHandler} from '../core/engine.js';
import {compileFilters} from '../core/filters.js';
import {applyTags, checkTag, checkTagKey, missing, stringList, tagList} from '../core/resource-params.js';
import {findTaggables, taggableResources} from './taggable.js';

// CreateTags / DeleteTags / DescribeTags (aws-reference 1.1, 3.13). Both changes are
// all-or-nothing: every id and tag is checked before anything changes (and the engine
// discards a failed request's draft anyway). Neither prints anything.

const createTags: OpHandler = (ctx, params) => {
	const ids = stringList(params.Resources, 'ResourceId') ?? [];
	if (ids.length === 0) return missing('ResourceId');
	const tags = tagList(params.Tags);
	if (tags.length === 0) return missing('Tag');
	for (const tag of tags) checkTag(tag);
	for (const resource of findTaggables(ctx, ids)) applyTags(resource.Tags, tags);
	return undefined;
};

const deleteTags: OpHandler = (ctx, params) => {
	const ids = stringList(params.Resources, 'ResourceId') ?? [];
	if (ids.length === 0) return missing('ResourceId');
	const tags = tagList(params.Tags);
	for (const tag of tags) {
		if (tag.Key.toLowerCase().startsWith('aws:')) checkTagKey(tag.Key);
	}

	for (const resource of findTaggables(ctx, ids)) {
		// No --tags: every tag goes. Key only: that key, whatever its value. Key and Value: only on a match.
		const remaining = resource.Tags.filter(t => tags.length > 0 && !tags.some(d => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value)));
		resource.Tags.splice(0, resource.Tags.length, ...remaining);
	}

	return undefined;
};

type TagRow = {Key: string; ResourceId: string; ResourceType: string; Value: string; Tags?: undefined};

const describeTags: OpHandler = (ctx, params) => {
	const matches = compileFilters<TagRow>(params.Filters, {
		key: row => row.Key,
		value: row => row.Value,
		'resource-id': row => row.ResourceId,
		'resource-type': row => row.ResourceType,
	});
	const rows: TagRow[] = [];
	for (const resource of taggableResources(ctx.world, ctx.region)) {
		for (const tag of resource.Tags) rows.push({Key: tag.Key, ResourceId: resource.ResourceId, ResourceType: resource.ResourceType, Value: tag.Value});
	}

	const order = (a: TagRow, b: TagRow) => (a.ResourceId < b.ResourceId ? -1 : a.ResourceId > b.ResourceId ? 1 : a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0);
	return {Tags: rows.filter(row => matches(row)).sort(order)};
};

export const tagOperations: Record<string, OpHandler> = {
	CreateTags: createTags,
	DeleteTags: deleteTags,
	DescribeTags: describeTags,
};
