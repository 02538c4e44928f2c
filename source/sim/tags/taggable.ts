import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {ID_PATTERN} from '../core/ids.js';
import {isImageVisibleTo} from '../images/lookup.js';
import {amiNotFound, groupNotFound, instancesNotFound, keyPairNotFound, snapshotNotFound, volumeNotFound} from '../core/not-found.js';
import type {RegionState, Tag, World} from '../core/types.js';

// Every resource that carries tags, found by its id as CreateTags / DeleteTags / DescribeTags
// see it: AMIs (own, public or shared with us; deregistered ones are gone), instances,
// snapshots (own), volumes, security groups and key pairs (by KeyPairId).

export type ResourceType = 'image' | 'instance' | 'snapshot' | 'volume' | 'security-group' | 'key-pair';

export type Taggable = {ResourceId: string; ResourceType: ResourceType; Tags: Tag[]};

const PREFIX_TYPES: Record<string, ResourceType> = {
	ami: 'image',
	i: 'instance',
	snap: 'snapshot',
	vol: 'volume',
	sg: 'security-group',
	key: 'key-pair',
};

const notFound: Record<ResourceType, (id: string) => never> = {
	image: id => amiNotFound([id]),
	instance: id => instancesNotFound([id]),
	snapshot: snapshotNotFound,
	volume: volumeNotFound,
	'security-group': groupNotFound,
	'key-pair': keyPairNotFound,
};

/** Every taggable resource of the Region the account can see, in a stable order. */
export const taggableResources = (world: World, region: RegionState): Taggable[] => {
	const list: Taggable[] = [];
	for (const image of region.images.values()) {
		if (image.State !== 'deregistered' && isImageVisibleTo(image, world.account)) list.push({ResourceId: image.ImageId, ResourceType: 'image', Tags: image.Tags});
	}

	for (const instance of region.instances.values()) list.push({ResourceId: instance.InstanceId, ResourceType: 'instance', Tags: instance.Tags});
	for (const snapshot of region.snapshots.values()) {
		if (snapshot.OwnerId === world.account) list.push({ResourceId: snapshot.SnapshotId, ResourceType: 'snapshot', Tags: snapshot.Tags});
	}

	for (const volume of region.volumes.values()) {
		if (volume.State !== 'deleted') list.push({ResourceId: volume.VolumeId, ResourceType: 'volume', Tags: volume.Tags});
	}

	for (const group of region.securityGroups.values()) list.push({ResourceId: group.GroupId, ResourceType: 'security-group', Tags: group.Tags});
	for (const key of region.keyPairs.values()) list.push({ResourceId: key.KeyPairId, ResourceType: 'key-pair', Tags: key.Tags});
	return list;
};

/**
 * The resources `ids` name, for changing their tags (draft objects: mutate `Tags`).
 * A malformed id gives InvalidID first, then an unknown well-formed id its own NotFound.
 */
export const findTaggables = (ctx: OpContext, ids: string[]): Taggable[] => {
	for (const id of ids) {
		const m = ID_PATTERN.exec(id);
		if (!m || !PREFIX_TYPES[m[1]]) fail('InvalidID', `The ID '${id}' is not valid`);
	}

	return ids.map(id => {
		const type = PREFIX_TYPES[ID_PATTERN.exec(id)![1]];
		return findOne(ctx, id, type) ?? notFound[type](id);
	});
};

const findOne = (ctx: OpContext, id: string, type: ResourceType): Taggable | undefined => {
	const {region, world} = ctx;
	switch (type) {
		case 'image': {
			const image = region.images.get(id);
			return image && image.State !== 'deregistered' && isImageVisibleTo(image, world.account) ? {ResourceId: id, ResourceType: type, Tags: image.Tags} : undefined;
		}

		case 'instance': {
			const instance = region.instances.get(id);
			return instance ? {ResourceId: id, ResourceType: type, Tags: instance.Tags} : undefined;
		}

		case 'snapshot': {
			const snapshot = region.snapshots.get(id);
			return snapshot && snapshot.OwnerId === world.account ? {ResourceId: id, ResourceType: type, Tags: snapshot.Tags} : undefined;
		}

		case 'volume': {
			const volume = region.volumes.get(id);
			return volume && volume.State !== 'deleted' ? {ResourceId: id, ResourceType: type, Tags: volume.Tags} : undefined;
		}

		case 'security-group': {
			const group = region.securityGroups.get(id);
			return group ? {ResourceId: id, ResourceType: type, Tags: group.Tags} : undefined;
		}

		case 'key-pair': {
			const key = region.keyPairs.get(id);
			return key ? {ResourceId: id, ResourceType: type, Tags: key.Tags} : undefined;
		}
	}
};
