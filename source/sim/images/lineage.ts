import type {Image, Instance, World} from '../core/types.js';

// The family tree of the player's images, for the game's `lineage` command:
// instance -> AMI made from it -> the AMI's snapshots, its copies in other Regions, and the
// instances launched from each -> AMIs made from those instances, and so on.

// Data only: the game's `lineage` command words it (source/game/commands.ts formatLineage).

export type LineageNode = {
	kind: 'instance' | 'image' | 'snapshot';
	id: string;
	region: string;
	/** the resource's state (running, available, completed...); undefined: a snapshot that is gone */
	state?: string;
	/** an instance's type */
	instanceType?: string;
	/** an image's name */
	name?: string;
	/** a snapshot's size, GiB */
	sizeGiB?: number;
	children: LineageNode[];
};

type Located<T> = {region: string; item: T};

const key = (region: string, id: string) => `${region}/${id}`;

/** Builds the trees: one root per instance that images were made from, or per image with no known parent. */
export const lineage = (world: World): LineageNode[] => {
	const images: Array<Located<Image>> = [];
	const instances: Array<Located<Instance>> = [];
	for (const [region, state] of Object.entries(world.regions)) {
		for (const image of state.images.values()) if (image.OwnerId === world.account) images.push({region, item: image});
		for (const instance of state.instances.values()) instances.push({region, item: instance});
	}

	const ownImage = new Map(images.map(i => [key(i.region, i.item.ImageId), i]));
	const instanceByKey = new Map(instances.map(i => [key(i.region, i.item.InstanceId), i]));
	const seen = new Set<string>();

	const imagesFromInstance = (region: string, instanceId: string) => images.filter(i => i.region === region && i.item.SourceInstanceId === instanceId);
	const copiesOf = (region: string, imageId: string) => images.filter(i => i.item.SourceImageId === imageId && i.item.SourceImageRegion === region);
	const launchedFrom = (region: string, imageId: string) => instances.filter(i => i.region === region && i.item.ImageId === imageId);

	const instanceNode = ({region, item}: Located<Instance>): LineageNode | undefined => {
		const k = key(region, item.InstanceId);
		if (seen.has(k)) return undefined;
		seen.add(k);
		return {kind: 'instance', id: item.InstanceId, region, state: item.State, instanceType: item.InstanceType, children: compact(imagesFromInstance(region, item.InstanceId).map(imageNode))};
	};

	const imageNode = ({region, item}: Located<Image>): LineageNode | undefined => {
		const k = key(region, item.ImageId);
		if (seen.has(k)) return undefined;
		seen.add(k);
		const snapshots: LineageNode[] = [];
		for (const mapping of item.BlockDeviceMappings) {
			const snapshotId = mapping.Ebs?.SnapshotId;
			if (!snapshotId) continue;
			const snapshot = world.regions[region]?.snapshots.get(snapshotId);
			snapshots.push({kind: 'snapshot', id: snapshotId, region, state: snapshot?.State, sizeGiB: snapshot?.VolumeSize, children: []});
		}

		const children = [...snapshots, ...compact(copiesOf(region, item.ImageId).map(imageNode)), ...compact(launchedFrom(region, item.ImageId).map(instanceNode))];
		return {kind: 'image', id: item.ImageId, region, state: item.State, name: item.Name, children};
	};

	const parentKnown = ({item}: Located<Image>, region: string): boolean => {
		if (item.SourceImageId && item.SourceImageRegion && ownImage.has(key(item.SourceImageRegion, item.SourceImageId))) return true;
		return item.SourceInstanceId !== undefined && instanceByKey.has(key(region, item.SourceInstanceId));
	};

	const roots: LineageNode[] = [];
	// Instances that images were made from, unless they were launched from one of the player's images (then they nest).
	for (const located of instances) {
		if (imagesFromInstance(located.region, located.item.InstanceId).length === 0) continue;
		if (ownImage.has(key(located.region, located.item.ImageId))) continue;
		const node = instanceNode(located);
		if (node) roots.push(node);
	}

	for (const located of images) {
		if (parentKnown(located, located.region)) continue;
		const node = imageNode(located);
		if (node) roots.push(node);
	}

	// Anything left (a cycle cannot happen, but never lose an image): add as its own root.
	for (const located of images) {
		const node = imageNode(located);
		if (node) roots.push(node);
	}

	return roots;
};

function compact<T>(values: Array<T | undefined>): T[] {
	return values.filter((v): v is T => v !== undefined);
}
