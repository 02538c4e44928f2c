import type {Tag} from '../core/types.js';

// How describe outputs show tags: absent when a resource has none (EC2 sends no tagSet),
// otherwise copies in the order they were added.

export const tagsView = (tags: Tag[] | undefined): Tag[] | undefined =>
	tags && tags.length > 0 ? tags.map(t => ({Key: t.Key, Value: t.Value})) : undefined;

