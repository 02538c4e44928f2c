import {keyPairByName} from '../../../source/sim/key-pairs/lookup.js';
import {describe, expect, it} from 'vitest';
import {INSTANCE, REGION, VOLUME, addInstance, addVolume, harness, publicImage} from '../resources-fixture.js';

const tags = (pairs: Record<string, string>) => Object.entries(pairs).map(([Key, Value]) => ({Key, Value}));

const world = () => {
	const h = harness();
	h.mutate(w => {
		addInstance(w);
		addVolume(w, {instanceId: INSTANCE});
	});
	const snapshotId = h.ok('CreateSnapshot', {VolumeId: VOLUME})!.SnapshotId as string;
	const groupId = h.ok('CreateSecurityGroup', {GroupName: 'web', Description: 'web'})!.GroupId as string;
	const keyPairId = h.ok('CreateKeyPair', {KeyName: 'k'})!.KeyPairId as string;
	return {h, snapshotId, groupId, keyPairId};
};

describe('CreateTags', () => {
	it('tags every resource type in one call and prints nothing', () => {
		const {h, snapshotId, groupId, keyPairId} = world();
		const {imageId} = publicImage(h.world);
		const ids = [INSTANCE, VOLUME, snapshotId, groupId, keyPairId, imageId];
		expect(h.ok('CreateTags', {Resources: ids, Tags: tags({Name: 'lab', team: ''})})).toBeUndefined();
		const region = h.world.regions[REGION];
		expect(region.instances.get(INSTANCE)!.Tags).toEqual(tags({Name: 'lab', team: ''}));
		expect(region.volumes.get(VOLUME)!.Tags).toEqual(tags({Name: 'lab', team: ''}));
		expect(region.snapshots.get(snapshotId)!.Tags).toEqual(tags({Name: 'lab', team: ''}));
		expect(region.securityGroups.get(groupId)!.Tags).toEqual(tags({Name: 'lab', team: ''}));
		expect(keyPairByName(region, 'k')!.Tags).toEqual(tags({Name: 'lab', team: ''}));
		expect(region.images.get(imageId)!.Tags).toEqual(tags({Name: 'lab', team: ''}));
	});

	it('overwrites an existing key; a missing Value means an empty one', () => {
		const {h} = world();
		h.ok('CreateTags', {Resources: [INSTANCE], Tags: tags({Name: 'one'})});
		h.ok('CreateTags', {Resources: [INSTANCE], Tags: [{Key: 'Name', Value: 'two'}, {Key: 'Env'}]});
		expect(h.world.regions[REGION].instances.get(INSTANCE)!.Tags).toEqual(tags({Name: 'two', Env: ''}));
	});

	it('answers InvalidID for malformed ids and the resource NotFound for unknown ones, all-or-nothing', () => {
		const {h} = world();
		expect(h.err('CreateTags', {Resources: [INSTANCE, 'ami-blah'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidID', message: "The ID 'ami-blah' is not valid"});
		expect(h.err('CreateTags', {Resources: ['blah-blah'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidID', message: "The ID 'blah-blah' is not valid"});
		expect(h.err('CreateTags', {Resources: [INSTANCE, 'i-0123456789abcdef0'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist"});
		expect(h.err('CreateTags', {Resources: ['ami-0123456789abcdef0'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidAMIID.NotFound', message: "The image id '[ami-0123456789abcdef0]' does not exist"});
		expect(h.err('CreateTags', {Resources: ['snap-0123456789abcdef0'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidSnapshot.NotFound', message: "The snapshot 'snap-0123456789abcdef0' does not exist."});
		expect(h.err('CreateTags', {Resources: ['vol-0123456789abcdef0'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidVolume.NotFound', message: "The volume 'vol-0123456789abcdef0' does not exist."});
		expect(h.err('CreateTags', {Resources: ['sg-0123456789abcdef0'], Tags: tags({a: 'b'})})).toEqual({code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"});
		expect(h.world.regions[REGION].instances.get(INSTANCE)!.Tags).toEqual([]);
	});

	it('refuses aws: keys with the real text', () => {
		const {h} = world();
		expect(h.err('CreateTags', {Resources: [INSTANCE], Tags: tags({'aws:autoscaling:groupName': 'x'})})).toEqual({
			code: 'InvalidParameterValue',
			message: "Value ( aws:autoscaling:groupName ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use",
		});
	});

	it('allows 50 tags on a resource, not 51; overwriting at the limit is fine', () => {
		const {h} = world();
		const fifty = Object.fromEntries(Array.from({length: 50}, (_, i) => [`k${i}`, 'v']));
		h.ok('CreateTags', {Resources: [INSTANCE], Tags: tags(fifty)});
		h.ok('CreateTags', {Resources: [INSTANCE], Tags: tags({k0: 'new'})});
		expect(h.err('CreateTags', {Resources: [VOLUME, INSTANCE], Tags: tags({extra: 'x'})}).code).toBe('TagLimitExceeded');
		expect(h.world.regions[REGION].volumes.get(VOLUME)!.Tags).toEqual([]);
	});

	it('a DryRun tags nothing', () => {
		const {h} = world();
		expect(h.err('CreateTags', {Resources: [INSTANCE], Tags: tags({a: 'b'}), DryRun: true}).code).toBe('DryRunOperation');
	});
});

describe('DeleteTags', () => {
	it('deletes by key, by key and value, or all', () => {
		const {h} = world();
		h.ok('CreateTags', {Resources: [INSTANCE], Tags: tags({a: '1', b: '2', c: '3'})});
		h.ok('DeleteTags', {Resources: [INSTANCE], Tags: [{Key: 'a'}, {Key: 'b', Value: 'not-2'}]});
		expect(h.world.regions[REGION].instances.get(INSTANCE)!.Tags).toEqual(tags({b: '2', c: '3'}));
		h.ok('DeleteTags', {Resources: [INSTANCE], Tags: [{Key: 'b', Value: '2'}]});
		expect(h.world.regions[REGION].instances.get(INSTANCE)!.Tags).toEqual(tags({c: '3'}));
		expect(h.ok('DeleteTags', {Resources: [INSTANCE]})).toBeUndefined();
		expect(h.world.regions[REGION].instances.get(INSTANCE)!.Tags).toEqual([]);
	});
});

describe('DescribeTags', () => {
	it('lists Key, ResourceId, ResourceType, Value and filters them', () => {
		const {h, snapshotId, keyPairId} = world();
		h.ok('CreateTags', {Resources: [INSTANCE, snapshotId, keyPairId], Tags: tags({Name: 'web1'})});
		const all = h.ok('DescribeTags')!.Tags;
		expect(all).toContainEqual({Key: 'Name', ResourceId: INSTANCE, ResourceType: 'instance', Value: 'web1'});
		expect(all).toContainEqual({Key: 'Name', ResourceId: snapshotId, ResourceType: 'snapshot', Value: 'web1'});
		expect(all).toContainEqual({Key: 'Name', ResourceId: keyPairId, ResourceType: 'key-pair', Value: 'web1'});
		expect(h.ok('DescribeTags', {Filters: [{Name: 'resource-type', Values: ['instance']}]})!.Tags).toEqual([{Key: 'Name', ResourceId: INSTANCE, ResourceType: 'instance', Value: 'web1'}]);
		expect(h.ok('DescribeTags', {Filters: [{Name: 'resource-id', Values: [snapshotId]}, {Name: 'key', Values: ['Name']}, {Name: 'value', Values: ['web*']}]})!.Tags).toHaveLength(1);
		expect(h.ok('DescribeTags', {Filters: [{Name: 'value', Values: ['nope']}]})).toEqual({Tags: []});
	});
});
