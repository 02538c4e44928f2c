import {describe, expect, it} from 'vitest';

import {produce} from 'immer';
import {ACCOUNT, AL2023, INSTANCE, REGION, after, commands, err, fresh, ok, publicImageId, withAvailableImage, withImage} from './fixture.js';
import {DEREGISTERED_LISTED_MS, DEREGISTERED_VISIBLE_MS} from '../../../source/sim/images/describe.js';
import type {World} from '../../../source/sim/core/types.js';

const describeImages = (world: World, params: Record<string, any> = {}, region = REGION) => ok(world, 'DescribeImages', params, region).output.Images as Array<Record<string, any>>;
const ids = (images: Array<Record<string, any>>) => images.map(i => i.ImageId as string);

/** Shares an image with an account, or makes it public, straight in the world. */
const grant = (world: World, imageId: string, permission: {Group?: 'all'; UserId?: string}): World =>
	produce(world, draft => {
		draft.regions[REGION].images.get(imageId)!.LaunchPermissions.push(permission);
	});

/** Adds someone else's private image (a copy of AL2023 with another owner). */
const foreignImage = (world: World, owner: string, imageId: string, permissions: Array<{Group?: 'all'; UserId?: string}> = []): World =>
	produce(world, draft => {
		const base = draft.regions[REGION].images.get(publicImageId(world, AL2023))!;
		draft.regions[REGION].images.set(imageId, {...structuredClone(JSON.parse(JSON.stringify(base))), ImageId: imageId, OwnerId: owner, ImageOwnerAlias: undefined, Name: `foreign-${imageId}`, LaunchPermissions: permissions});
		delete draft.regions[REGION].images.get(imageId)!.ImageOwnerAlias;
	});

describe('DescribeImages output', () => {
	it('own image: exactly the members AWS returns', () => {
		const {world, imageId} = withAvailableImage({params: {Description: 'An AMI for my server', TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'Env', Value: 'dev'}]}]}});
		const [image] = describeImages(world, {ImageIds: [imageId]});
		expect(Object.keys(image).sort()).toEqual(
			[
				'PlatformDetails', 'UsageOperation', 'BlockDeviceMappings', 'Description', 'EnaSupport', 'Hypervisor', 'Name', 'RootDeviceName', 'RootDeviceType', 'SriovNetSupport', 'Tags',
				'VirtualizationType', 'BootMode', 'ImdsSupport', 'SourceInstanceId', 'DeregistrationProtection', 'ImageId', 'ImageLocation', 'State', 'OwnerId', 'CreationDate', 'Public', 'Architecture', 'ImageType',
			].sort(),
		);
		expect(image).toMatchObject({
			Description: 'An AMI for my server',
			Name: 'web-v1',
			State: 'available',
			OwnerId: ACCOUNT,
			Public: false,
			ImageType: 'machine',
			ImageLocation: `${ACCOUNT}/web-v1`,
			SourceInstanceId: INSTANCE,
			DeregistrationProtection: 'disabled',
			Tags: [{Key: 'Env', Value: 'dev'}],
			CreationDate: '2026-09-01T08:00:00.000Z',
		});
		expect(Object.keys(image.BlockDeviceMappings[0]).sort()).toEqual(['DeviceName', 'Ebs']);
		expect(Object.keys(image.BlockDeviceMappings[0].Ebs).sort()).toEqual(['DeleteOnTermination', 'Encrypted', 'Iops', 'SnapshotId', 'Throughput', 'VolumeSize', 'VolumeType'].sort());
		expect(Object.values(image).includes(undefined)).toBe(false);
	});

	it('no Tags, no Description and no ProductCodes keys when there are none', () => {
		const {world, imageId} = withAvailableImage();
		const [image] = describeImages(world, {ImageIds: [imageId]});
		expect(image).not.toHaveProperty('Tags');
		expect(image).not.toHaveProperty('Description');
		expect(image).not.toHaveProperty('ProductCodes');
		expect(image).not.toHaveProperty('Platform');
		expect(image).not.toHaveProperty('ImageOwnerAlias');
	});

	it('Amazon public images: alias, Public true, no DeregistrationProtection; Windows has Platform', () => {
		const world = fresh();
		const [al] = describeImages(world, {ImageIds: [publicImageId(world, AL2023)]});
		expect(al).toMatchObject({ImageOwnerAlias: 'amazon', Public: true, OwnerId: '137112412989', State: 'available'});
		expect(al).not.toHaveProperty('DeregistrationProtection');
		const windowsId = publicImageId(world, 'Windows_Server-2025-English-Full-Base-2026.08.13');
		const [windows] = describeImages(world, {ImageIds: [windowsId]});
		expect(windows).toMatchObject({Platform: 'windows', PlatformDetails: 'Windows', UsageOperation: 'RunInstances:0002'});
		const [lms] = describeImages(world, {Owners: ['aws-marketplace'], Filters: [{Name: 'name', Values: ['classcloud-*']}]});
		expect(lms.ProductCodes).toEqual([{ProductCodeId: '3k9x1v7qz2m8n4b6c0d5e1f7g', ProductCodeType: 'marketplace'}]);
	});

	it('a pending image shows State pending', () => {
		const {world, imageId} = withImage();
		expect(describeImages(world, {ImageIds: [imageId]})[0].State).toBe('pending');
	});
});

describe('DescribeImages scoping', () => {
	it('no arguments: own + public + shared images, in creation order', () => {
		let {world, imageId} = withAvailableImage();
		world = foreignImage(world, '210987654321', 'ami-0bbbbbbbbbbbbbbb1');
		world = foreignImage(world, '210987654321', 'ami-0bbbbbbbbbbbbbbb2', [{UserId: ACCOUNT}]);
		const all = ids(describeImages(world));
		expect(all).toContain(imageId);
		expect(all).toContain('ami-0bbbbbbbbbbbbbbb2');
		expect(all).not.toContain('ami-0bbbbbbbbbbbbbbb1');
		expect(all).toContain(publicImageId(world, AL2023));
		expect(all.indexOf(publicImageId(world, AL2023))).toBeLessThan(all.indexOf(imageId));
	});

	it('Owners: self, amazon, aws-marketplace, account ids, mixed', () => {
		const {world, imageId} = withAvailableImage();
		expect(ids(describeImages(world, {Owners: ['self']}))).toEqual([imageId]);
		const amazon = describeImages(world, {Owners: ['amazon']});
		expect(amazon.length).toBeGreaterThan(0);
		expect(amazon.every(i => i.ImageOwnerAlias === 'amazon')).toBe(true);
		expect(describeImages(world, {Owners: ['aws-marketplace']}).every(i => i.ImageOwnerAlias === 'aws-marketplace')).toBe(true);
		expect(describeImages(world, {Owners: ['099720109477']}).map(i => i.Name)).toEqual(['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260818']);
		expect(ids(describeImages(world, {Owners: [ACCOUNT]}))).toEqual([imageId]);
		const mixed = describeImages(world, {Owners: ['self', '099720109477']});
		expect(mixed.map(i => i.OwnerId).sort()).toEqual(['099720109477', ACCOUNT]);
		expect(err(world, 'DescribeImages', {Owners: ['nobody']})).toEqual({code: 'InvalidUserID.Malformed', message: 'Invalid user id: "nobody"'});
	});

	it('Owners with an account id does not reveal that account\'s private images', () => {
		const world = foreignImage(fresh(), '210987654321', 'ami-0bbbbbbbbbbbbbbb1');
		expect(describeImages(world, {Owners: ['210987654321']})).toEqual([]);
	});

	it('ExecutableUsers: all = public; self = explicitly shared with us (not our own private images)', () => {
		let {world, imageId} = withAvailableImage();
		world = foreignImage(world, '210987654321', 'ami-0bbbbbbbbbbbbbbb2', [{UserId: ACCOUNT}]);
		expect(ids(describeImages(world, {ExecutableUsers: ['self']}))).toEqual(['ami-0bbbbbbbbbbbbbbb2']);
		const publicOnes = describeImages(world, {ExecutableUsers: ['all']});
		expect(publicOnes.every(i => i.Public === true)).toBe(true);
		expect(ids(publicOnes)).not.toContain(imageId);
		const shared = grant(world, imageId, {UserId: '111122223333'});
		expect(ids(describeImages(shared, {ExecutableUsers: ['111122223333']}))).toEqual([imageId]);
		expect(ids(describeImages(shared, {ExecutableUsers: ['111122223333'], Owners: ['amazon']}))).toEqual([]);
	});

	it('Regions are separate namespaces', () => {
		const {world, imageId} = withAvailableImage();
		expect(describeImages(world, {Owners: ['self']}, 'eu-west-1')).toEqual([]);
		expect(err(world, 'DescribeImages', {ImageIds: [imageId]}, 'eu-west-1')).toEqual({code: 'InvalidAMIID.NotFound', message: `The image id '[${imageId}]' does not exist`});
		expect(publicImageId(world, AL2023, 'eu-west-1')).not.toBe(publicImageId(world, AL2023));
	});
});

describe('DescribeImages ImageIds', () => {
	it('NotFound: singular and plural messages (aws-verified)', () => {
		const world = fresh();
		expect(err(world, 'DescribeImages', {ImageIds: ['ami-abcd1234']})).toEqual({code: 'InvalidAMIID.NotFound', message: 'The image id \'[ami-abcd1234]\' does not exist'});
		expect(err(world, 'DescribeImages', {ImageIds: ['ami-abcd1234', 'ami-1234abcd']})).toEqual({code: 'InvalidAMIID.NotFound', message: 'The image ids \'[ami-abcd1234, ami-1234abcd]\' do not exist'});
	});

	it('a known id with an unknown one is still NotFound (naming the unknown)', () => {
		const world = fresh();
		expect(err(world, 'DescribeImages', {ImageIds: [publicImageId(world, AL2023), 'ami-abcd1234']}).message).toBe('The image id \'[ami-abcd1234]\' does not exist');
	});

	it('Malformed names only the first bad id', () => {
		const world = fresh();
		expect(err(world, 'DescribeImages', {ImageIds: ['ami-abcd1234', 'not_an_ami_id', 'bad2']})).toEqual({code: 'InvalidAMIID.Malformed', message: 'Invalid id: "not_an_ami_id" (expecting "ami-...")'});
		expect(err(world, 'DescribeImages', {ImageIds: ['snap-0123456789abcdef0']}).code).toBe('InvalidAMIID.Malformed');
	});

	it('someone else\'s private image is NotFound', () => {
		const world = foreignImage(fresh(), '210987654321', 'ami-0bbbbbbbbbbbbbbb1');
		expect(err(world, 'DescribeImages', {ImageIds: ['ami-0bbbbbbbbbbbbbbb1']}).code).toBe('InvalidAMIID.NotFound');
	});

	it('a deregistered id is still shown, deregistered, for a short while; then [], then NotFound an hour later', () => {
		const {world, imageId} = withAvailableImage();
		const gone = ok(world, 'DeregisterImage', {ImageId: imageId}).world;
		// DescribeImages: "Recently deregistered images appear in the returned results for a short interval"
		expect(describeImages(gone, {ImageIds: [imageId]})).toMatchObject([{ImageId: imageId, State: 'deregistered', Name: 'web-v1'}]);
		expect(describeImages(after(gone, DEREGISTERED_LISTED_MS), {ImageIds: [imageId]})).toMatchObject([{State: 'deregistered'}]);
		// a listing never shows it, and nothing else can use it
		expect(describeImages(gone, {Owners: ['self']})).toEqual([]);
		expect(err(gone, 'RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}).code).toBe('InvalidAMIID.NotFound');
		expect(describeImages(after(gone, DEREGISTERED_LISTED_MS + 1), {ImageIds: [imageId]})).toEqual([]);
		expect(err(after(gone, DEREGISTERED_VISIBLE_MS + 1), 'DescribeImages', {ImageIds: [imageId]}).code).toBe('InvalidAMIID.NotFound');
	});
});

describe('DescribeImages filters', () => {
	it('name with wildcards, state, architecture, owner-alias, platform, is-public', () => {
		const world = fresh();
		const names = (filters: Array<{Name: string; Values: string[]}>) => describeImages(world, {Filters: filters}).map(i => i.Name as string);
		// one release, two kernel variants: a name pattern finds both
		expect(names([{Name: 'name', Values: ['al2023-ami-2023.9*-x86_64']}])).toEqual([AL2023, 'al2023-ami-2023.9.20260825.0-kernel-6.12-x86_64']);
		expect(names([{Name: 'name', Values: ['al2023-ami-2023.?.*-arm64']}])).toEqual(['al2023-ami-2023.9.20260825.0-kernel-6.1-arm64', 'al2023-ami-2023.9.20260825.0-kernel-6.12-arm64']);
		expect(names([{Name: 'architecture', Values: ['arm64']}, {Name: 'name', Values: ['al2023-ami-2023*-kernel-6.1-*']}])).toEqual(['al2023-ami-2023.9.20260825.0-kernel-6.1-arm64']);
		expect(names([{Name: 'platform', Values: ['windows']}])).toEqual(['Windows_Server-2025-English-Full-Base-2026.08.13']);
		expect(names([{Name: 'owner-alias', Values: ['amazon']}, {Name: 'architecture', Values: ['x86_64']}, {Name: 'name', Values: ['al2023-ami-2023*']}])).toHaveLength(3);
		expect(names([{Name: 'is-public', Values: ['false']}])).toEqual([]);
		expect(names([{Name: 'state', Values: ['pending']}])).toEqual([]);
		expect(names([{Name: 'root-device-type', Values: ['ebs']}, {Name: 'virtualization-type', Values: ['hvm']}, {Name: 'hypervisor', Values: ['xen']}, {Name: 'image-type', Values: ['machine']}]).length).toBeGreaterThan(5);
		expect(names([{Name: 'block-device-mapping.volume-size', Values: ['30']}])).toEqual(['Windows_Server-2025-English-Full-Base-2026.08.13']);
		expect(names([{Name: 'product-code', Values: ['3k9x1v7qz2m8n4b6c0d5e1f7g']}])).toEqual(['classcloud-lms-4.2.1-al2023-x86_64']);
	});

	it('tags, source-instance-id, state, creation-date, several values OR-ed, several filters AND-ed', () => {
		const {world, imageId} = withImage({params: {TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'Env', Value: 'dev'}]}]}});
		expect(ids(describeImages(world, {Filters: [{Name: 'tag:Env', Values: ['dev', 'prod']}]}))).toEqual([imageId]);
		expect(ids(describeImages(world, {Filters: [{Name: 'tag-key', Values: ['Env']}]}))).toEqual([imageId]);
		expect(ids(describeImages(world, {Filters: [{Name: 'tag:Env', Values: ['dev']}, {Name: 'state', Values: ['available']}]}))).toEqual([]);
		expect(ids(describeImages(world, {Filters: [{Name: 'state', Values: ['pending']}]}))).toEqual([imageId]);
		expect(ids(describeImages(world, {Filters: [{Name: 'source-instance-id', Values: [INSTANCE]}]}))).toEqual([imageId]);
		expect(ids(describeImages(world, {Owners: ['self'], Filters: [{Name: 'creation-date', Values: ['2026-09-01T*']}]}))).toEqual([imageId]);
	});

	it('a filter without a name or with an unknown name is InvalidParameterValue', () => {
		const world = fresh();
		expect(err(world, 'DescribeImages', {Filters: [{Values: ['x']}]}).code).toBe('InvalidParameterValue');
		expect(err(world, 'DescribeImages', {Filters: [{Name: 'colour', Values: ['x']}]})).toEqual({code: 'InvalidParameterValue', message: 'The filter \'colour\' is invalid'});
	});

	it('DryRun', () => {
		expect(err(fresh(), 'DescribeImages', {DryRun: true}).code).toBe('DryRunOperation');
	});

	it('IncludeDeprecated: other owners\' deprecated images are hidden unless asked for or named', () => {
		const world = fresh();
		const oldId = publicImageId(world, 'al2023-ami-2023.8.20260728.0-kernel-6.1-x86_64');
		const deprecated = produce(world, draft => {
			draft.regions[REGION].images.get(oldId)!.DeprecationTime = '2026-08-31T00:00:00.000Z';
		});
		expect(ids(describeImages(deprecated, {Owners: ['amazon']}))).not.toContain(oldId);
		expect(ids(describeImages(deprecated, {Owners: ['amazon'], IncludeDeprecated: true}))).toContain(oldId);
		expect(ids(describeImages(deprecated, {ImageIds: [oldId]}))).toEqual([oldId]);
	});
});
