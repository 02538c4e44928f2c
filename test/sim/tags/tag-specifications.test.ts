import {generateKeyPairSync} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {advanceClock} from '../../../source/sim/core/engine.js';
import type {World} from '../../../source/sim/core/types.js';
import {REGION, harness} from '../resources-fixture.js';
import {shellGuest} from '../../../source/shell/guest/boot.js';

// `--tag-specifications` on every operation that takes it. Accepted resource types per
// operation come from aws-reference 3.1 (create-image: image|snapshot), 3.3 (run-instances:
// instance|volume|network-interface|spot-instances-request), 3.6 (copy-image: image|snapshot),
// 3.10 (key pairs), 3.11 (security groups) and the model docs (register-image: image;
// authorize-security-group-ingress: security-group-rule; create-snapshot: snapshot).
// Real EC2 texts: aws-cli#2865 / boto3#1806 for a refused type, rultor#1991 for a missing one.

const ALL_TYPES = ['image', 'snapshot', 'instance', 'volume', 'network-interface', 'spot-instances-request', 'key-pair', 'security-group', 'security-group-rule'];
const MISSING_TYPE = {code: 'InvalidParameterValue', message: 'Tag specification resource type must have a value'};
const refused = (type: string) => ({code: 'InvalidParameterValue', message: `'${type}' is not a valid taggable resource type for this operation.`});

const sshString = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 0xff)), b]);
const edJwk = generateKeyPairSync('ed25519').publicKey.export({format: 'jwk'});
const ED_PUB = `ssh-ed25519 ${Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(edJwk.x!, 'base64url'))]).toString('base64')} learner@laptop`;

type Base = {world: World; imageId: string; instanceId: string; volumeId: string; snapshotId: string; amiId: string; groupId: string};

/** A running instance, a completed snapshot of its root volume, an available AMI of it and a security group. */
const base = ((): Base => {
	const h = harness();
	const imageId = h.ok('DescribeImages', {Owners: ['amazon'], Filters: [{Name: 'name', Values: ['al2023-ami-*-x86_64']}]})!.Images[0].ImageId as string;
	const instance = h.ok('RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})!.Instances[0];
	h.world = advanceClock(h.world, 60_000, shellGuest);
	const running = h.ok('DescribeInstances', {InstanceIds: [instance.InstanceId]})!.Reservations[0].Instances[0];
	const volumeId = running.BlockDeviceMappings[0].Ebs.VolumeId as string;
	const snapshotId = h.ok('CreateSnapshot', {VolumeId: volumeId})!.SnapshotId as string;
	const amiId = h.ok('CreateImage', {InstanceId: instance.InstanceId, Name: 'base-image'})!.ImageId as string;
	const groupId = h.ok('CreateSecurityGroup', {GroupName: 'web-sg', Description: 'Web servers'})!.GroupId as string;
	h.world = advanceClock(h.world, 10 * 60_000, shellGuest);
	return {world: h.world, imageId, instanceId: instance.InstanceId as string, volumeId, snapshotId, amiId, groupId};
})();

/** A request each operation accepts, with the given TagSpecifications. */
const requests: Record<string, {accepts: string[]; params: (b: Base) => Record<string, unknown>}> = {
	CreateImage: {accepts: ['image', 'snapshot'], params: b => ({InstanceId: b.instanceId, Name: 'tagged-image'})},
	CopyImage: {accepts: ['image', 'snapshot'], params: b => ({Name: 'tagged-copy', SourceImageId: b.amiId, SourceRegion: REGION})},
	RegisterImage: {accepts: ['image'], params: b => ({Name: 'tagged-register', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: b.snapshotId}}]})},
	RunInstances: {accepts: ['instance', 'volume', 'network-interface', 'spot-instances-request'], params: b => ({ImageId: b.imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1})},
	CreateSnapshot: {accepts: ['snapshot'], params: b => ({VolumeId: b.volumeId})},
	CreateKeyPair: {accepts: ['key-pair'], params: () => ({KeyName: 'tagged-key'})},
	ImportKeyPair: {accepts: ['key-pair'], params: () => ({KeyName: 'tagged-import', PublicKeyMaterial: ED_PUB})},
	CreateSecurityGroup: {accepts: ['security-group'], params: () => ({GroupName: 'tagged-sg', Description: 'Tagged'})},
	AuthorizeSecurityGroupIngress: {accepts: ['security-group-rule'], params: b => ({GroupId: b.groupId, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]})},
};

const spec = (type: string | undefined, tags = [{Key: 'team', Value: 'web'}]) => (type === undefined ? {Tags: tags} : {ResourceType: type, Tags: tags});

describe.each(Object.entries(requests))('%s --tag-specifications', (operation, {accepts, params}) => {
	const call = (type: string | undefined) => ({...params(base), TagSpecifications: [spec(type)]});

	it.each(accepts)('accepts ResourceType=%s', type => {
		harness(base.world).ok(operation, call(type));
	});

	it('refuses every other resource type', () => {
		for (const type of ALL_TYPES.filter(t => !accepts.includes(t))) {
			expect(harness(base.world).err(operation, call(type))).toEqual(refused(type));
		}
	});

	it('refuses a missing or empty ResourceType', () => {
		expect(harness(base.world).err(operation, call(undefined))).toEqual(MISSING_TYPE);
		expect(harness(base.world).err(operation, call(''))).toEqual(MISSING_TYPE);
	});
});

describe('tag checks shared with CreateTags', () => {
	it('refuses aws: keys on every operation', () => {
		for (const [operation, {accepts, params}] of Object.entries(requests)) {
			const error = harness(base.world).err(operation, {...params(base), TagSpecifications: [spec(accepts[0], [{Key: 'aws:cloudformation:stack-name', Value: 'x'}])]});
			expect(error).toEqual({code: 'InvalidParameterValue', message: "Value ( aws:cloudformation:stack-name ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use"});
		}
	});

	it('allows 50 tags per resource, not 51', () => {
		const tags = (n: number) => Array.from({length: n}, (_, i) => ({Key: `k${i}`, Value: 'v'}));
		const h = harness(base.world);
		expect(h.err('CreateImage', {...requests.CreateImage.params(base), TagSpecifications: [spec('image', tags(51))]})).toEqual({code: 'TagLimitExceeded', message: 'The maximum number of Tags for a resource has been reached.'});
		const out = h.ok('RunInstances', {...requests.RunInstances.params(base), TagSpecifications: [spec('instance', tags(50))]})!;
		expect(out.Instances[0].Tags).toHaveLength(50);
	});

	it('gives a tag without Value the empty value, and specs of one type add up', () => {
		const h = harness(base.world);
		const out = h.ok('CreateImage', {...requests.CreateImage.params(base), TagSpecifications: [spec('image', [{Key: 'a'} as never]), spec('image', [{Key: 'b', Value: '2'}]), spec('snapshot', [{Key: 'c', Value: '3'}])]})!;
		const image = h.ok('DescribeImages', {ImageIds: [out.ImageId]})!.Images[0];
		expect(image.Tags).toEqual([{Key: 'a', Value: ''}, {Key: 'b', Value: '2'}]);
		const snapshotId = image.BlockDeviceMappings[0].Ebs.SnapshotId as string;
		expect(h.ok('DescribeSnapshots', {SnapshotIds: [snapshotId]})!.Snapshots[0].Tags).toEqual([{Key: 'c', Value: '3'}]);
	});

	it('tags each launched instance and volume with its own copy', () => {
		const h = harness(base.world);
		const out = h.ok('RunInstances', {...requests.RunInstances.params(base), MinCount: 2, MaxCount: 2, TagSpecifications: [spec('instance', [{Key: 'Name', Value: 'web'}]), spec('volume', [{Key: 'cost', Value: 'cc1'}])]})!;
		expect(out.Instances.map((i: {Tags: unknown}) => i.Tags)).toEqual([[{Key: 'Name', Value: 'web'}], [{Key: 'Name', Value: 'web'}]]);
		h.ok('CreateTags', {Resources: [out.Instances[0].InstanceId], Tags: [{Key: 'Name', Value: 'changed'}]});
		const second = h.ok('DescribeInstances', {InstanceIds: [out.Instances[1].InstanceId]})!.Reservations[0].Instances[0];
		expect(second.Tags).toEqual([{Key: 'Name', Value: 'web'}]);
		const volumes = h.ok('DescribeVolumes', {Filters: [{Name: 'tag:cost', Values: ['cc1']}]});
		expect(volumes?.Volumes).toHaveLength(2);
	});
});
