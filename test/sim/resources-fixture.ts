import {produce} from 'immer';
import {err, REGION, run} from './harness.js';
import {worldWithAllRegions} from '../helpers/world.js';
import {startBilling} from '../../source/sim/billing/pricing.js';
import type {AwsErrorShape, Image, Instance, World} from '../../source/sim/core/types.js';

// A small harness for the resource operations: calls that must succeed or fail, and world
// fixtures inserted directly (volumes, instances, images) so these tests do not depend on
// the instance and image operations.

export {REGION, ACCOUNT} from './harness.js';

export type Harness = {
	world: World;
	ok: (operation: string, params?: Record<string, unknown>, region?: string) => Record<string, any> | undefined;
	err: (operation: string, params?: Record<string, unknown>, region?: string) => AwsErrorShape;
	mutate: (recipe: (world: World) => void) => void;
};

export const harness = (world: World = worldWithAllRegions()): Harness => {
	const h: Harness = {
		world,
		ok(operation, params = {}, region = REGION) {
			const done = run(h.world, operation, params, region);
			if (!done.result.ok) throw new Error(`${operation} failed: ${done.result.error.code}: ${done.result.error.message}`);
			h.world = done.world;
			return done.result.output as Record<string, any> | undefined;
		},
		err: (operation, params = {}, region = REGION) => err(h.world, operation, params, region),
		mutate(recipe) {
			h.world = produce(h.world, draft => {
				recipe(draft);
			});
		},
	};
	return h;
};

export const VOLUME = 'vol-0aaaaaaaaaaaaaaa1';
export const INSTANCE = 'i-0aaaaaaaaaaaaaaa1';

/** Adds an 8 GiB gp3 volume, attached to `instanceId` as /dev/xvda when given. */
export const addVolume = (world: World, options: {id?: string; instanceId?: string; size?: number; region?: string} = {}): void => {
	const id = options.id ?? VOLUME;
	const region = world.regions[options.region ?? REGION];
	region.volumes.set(id, {
		VolumeId: id,
		Size: options.size ?? 8,
		VolumeType: 'gp3',
		Iops: 3000,
		Throughput: 125,
		SnapshotId: '',
		AvailabilityZone: `${region.name}a`,
		State: options.instanceId ? 'in-use' : 'available',
		CreateTime: world.clock,
		Encrypted: false,
		Attachment: options.instanceId ? {InstanceId: options.instanceId, Device: '/dev/xvda', AttachTime: world.clock, DeleteOnTermination: true} : undefined,
		Tags: [],
		disk: {os: 'Amazon Linux 2023', packages: ['bash'], services: {}, files: {}},
		billing: {billedMs: 0},
	});
	if (!options.instanceId) delete region.volumes.get(id)!.Attachment;
	startBilling(region.volumes.get(id)!.billing, world.clock);
};

/** Adds a running instance in the default security group (or the given ones). */
export const addInstance = (world: World, options: {id?: string; groups?: string[]; state?: Instance['State']} = {}): void => {
	const region = world.regions[REGION];
	const defaultGroup = region.securityGroups.values().find(g => g.GroupName === 'default')!;
	const image = region.images.values()[0];
	const id = options.id ?? INSTANCE;
	region.instances.set(id, {
		InstanceId: id,
		ImageId: image.ImageId,
		ReservationId: 'r-0aaaaaaaaaaaaaaa1',
		State: options.state ?? 'running',
		InstanceType: 't3.micro',
		LaunchTime: world.clock,
		AmiLaunchIndex: 0,
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		RootDeviceType: 'ebs',
		volumes: [],
		SecurityGroupIds: options.groups ?? [defaultGroup.GroupId],
		SubnetId: Object.values(region.subnets)[0],
		VpcId: region.defaultVpcId,
		AvailabilityZone: `${REGION}a`,
		PrivateIpAddress: '172.31.0.10',
		DisableApiTermination: false,
		StateTransitionReason: '',
		Tags: [],
		ProductCodes: [],
		billing: {billedMs: 0},
	});
};

export const IMAGE = 'ami-0aaaaaaaaaaaaaaa1';

/** Adds an AMI owned by the account whose root mapping uses `snapshotId`. */
export const addImageUsing = (world: World, snapshotId: string, options: {id?: string; state?: Image['State']} = {}): void => {
	const region = world.regions[REGION];
	const template = region.images.values()[0];
	const id = options.id ?? IMAGE;
	region.images.set(id, {
		...JSON.parse(JSON.stringify(template)),
		ImageId: id,
		Name: `my-image-${id}`,
		OwnerId: world.account,
		ImageOwnerAlias: undefined,
		State: options.state ?? 'available',
		LaunchPermissions: [],
		Tags: [],
		BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: 8, VolumeType: 'gp3', Encrypted: false}}],
	});
	delete region.images.get(id)!.ImageOwnerAlias;
};

/** A public image (Amazon's) in the Region and its root snapshot. */
export const publicImage = (world: World): {imageId: string; snapshotId: string} => {
	const image = world.regions[REGION].images.values().find(i => i.ImageOwnerAlias === 'amazon')!;
	return {imageId: image.ImageId, snapshotId: image.BlockDeviceMappings[0].Ebs!.SnapshotId!};
};
