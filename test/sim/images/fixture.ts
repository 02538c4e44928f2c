import {produce} from 'immer';
import {advanceClock, beginCommand} from '../../../source/sim/core/engine.js';
import {ok, REGION} from '../harness.js';
import {worldWithAllRegions} from '../../helpers/world.js';
import type {Disk, Instance, InstanceStateName, World} from '../../../source/sim/core/types.js';
import {shellGuest} from '../../../source/shell/guest/boot.js';

// A tiny world builder for the image tests: a fresh world plus an instance with an EBS root
// volume inserted directly (independent of the instance operations).

export {REGION, ACCOUNT} from '../harness.js';

export const AL2023 = 'al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64';

export const publicImageId = (world: World, name: string, region = REGION): string => {
	const image = world.regions[region].images.values().find(i => i.Name === name);
	if (!image) throw new Error(`no public image ${name}`);
	return image.ImageId;
};

export const webDisk = (): Disk => ({
	os: 'Amazon Linux 2023',
	packages: ['bash', 'httpd'],
	services: {httpd: {enabled: true, active: true}},
	files: {'/var/www/html/index.html': '<h1>Hello</h1>\n'},
});

type InstanceOptions = {
	id?: string;
	state?: InstanceStateName;
	region?: string;
	imageName?: string;
	/** extra data volume at /dev/sdf */
	dataVolume?: boolean;
	rootType?: 'ebs' | 'instance-store';
	productCode?: boolean;
};

export const INSTANCE = 'i-0aaaaaaaaaaaaaaa1';
/** the root and data volume ids of an instance made by withInstance */
export const rootVolumeOf = (instanceId: string): string => `vol-0${'a'.repeat(14)}1${instanceId.slice(-1)}`;
export const dataVolumeOf = (instanceId: string): string => `vol-0${'a'.repeat(14)}2${instanceId.slice(-1)}`;

/** Adds an instance (default: running, from AL2023, root volume of 8 GB with a web server on its disk). */
export const withInstance = (world: World, options: InstanceOptions = {}): World =>
	produce(world, draft => {
		const regionName = options.region ?? REGION;
		const region = draft.regions[regionName];
		const image = region.images.values().find(i => i.Name === (options.imageName ?? AL2023))!;
		const id = options.id ?? INSTANCE;
		const rootVolume = rootVolumeOf(id);
		const dataVolume = dataVolumeOf(id);
		const instance: Instance = {
			InstanceId: id,
			ImageId: image.ImageId,
			ReservationId: 'r-0aaaaaaaaaaaaaaa1',
			State: options.state ?? 'running',
			InstanceType: 't3.micro',
			LaunchTime: draft.clock,
			AmiLaunchIndex: 0,
			Architecture: image.Architecture,
			Platform: image.Platform,
			PlatformDetails: image.PlatformDetails,
			UsageOperation: image.UsageOperation,
			RootDeviceName: image.RootDeviceName,
			RootDeviceType: options.rootType ?? 'ebs',
			volumes: [],
			SecurityGroupIds: [],
			SubnetId: region.subnets[`${regionName}a`],
			VpcId: region.defaultVpcId,
			AvailabilityZone: `${regionName}a`,
			PrivateIpAddress: '172.31.0.10',
			DisableApiTermination: false,
			StateTransitionReason: '',
			Tags: [],
			ProductCodes: options.productCode ? [{ProductCodeId: 'abc123', ProductCodeType: 'marketplace'}] : [],
			billing: {billedMs: 0},
			softwarePricePerHour: options.productCode ? 0.12 : undefined,
		};
		if (instance.Platform === undefined) delete instance.Platform;
		if (instance.softwarePricePerHour === undefined) delete instance.softwarePricePerHour;
		if (instance.RootDeviceType === 'ebs') {
			instance.volumes.push({DeviceName: image.RootDeviceName, VolumeId: rootVolume, DeleteOnTermination: true, AttachTime: draft.clock});
			region.volumes.set(rootVolume, {
				VolumeId: rootVolume,
				Size: 8,
				VolumeType: 'gp3',
				Iops: 3000,
				Throughput: 125,
				SnapshotId: image.BlockDeviceMappings[0].Ebs!.SnapshotId!,
				AvailabilityZone: `${regionName}a`,
				State: 'in-use',
				CreateTime: draft.clock,
				Encrypted: false,
				Attachment: {InstanceId: id, Device: image.RootDeviceName, AttachTime: draft.clock, DeleteOnTermination: true},
				Tags: [],
				disk: webDisk(),
				billing: {billedMs: 0, since: draft.clock},
			});
		}

		if (options.dataVolume) {
			instance.volumes.push({DeviceName: '/dev/sdf', VolumeId: dataVolume, DeleteOnTermination: false, AttachTime: draft.clock});
			region.volumes.set(dataVolume, {
				VolumeId: dataVolume,
				Size: 20,
				VolumeType: 'gp3',
				Iops: 3000,
				Throughput: 125,
				SnapshotId: '',
				AvailabilityZone: `${regionName}a`,
				State: 'in-use',
				CreateTime: draft.clock,
				Encrypted: false,
				Attachment: {InstanceId: id, Device: '/dev/sdf', AttachTime: draft.clock, DeleteOnTermination: false},
				Tags: [],
				disk: {os: '', packages: [], services: {}, files: {'/data/grades.csv': 'a,b\n'}},
				billing: {billedMs: 0, since: draft.clock},
			});
		}

		region.instances.set(id, instance);
	});

export {run, ok, err, type Run} from '../harness.js';

export const commands = (world: World, n: number): World => {
	let w = world;
	for (let i = 0; i < n; i++) w = beginCommand(w, shellGuest);
	return w;
};

/** The world `ms` later, every state change due by then made. */
export const after = (world: World, ms: number): World => advanceClock(world, ms, shellGuest);

/** The world once nothing is in a transitional state any more (what a waiter waits for). */
export const settled = (world: World): World => after(world, Math.max(0, ...world.schedule.map(item => item.at - world.clock)));

export const fresh = (): World => worldWithAllRegions();

/** A world with an instance and an image made from it (still pending). */
export const withImage = (options: InstanceOptions & {name?: string; params?: Record<string, any>} = {}): {world: World; imageId: string} => {
	const world = withInstance(fresh(), options);
	const r = ok(world, 'CreateImage', {InstanceId: options.id ?? INSTANCE, Name: options.name ?? 'web-v1', ...options.params}, options.region ?? REGION);
	return {world: r.world, imageId: r.output.ImageId as string};
};

/** Same, and the image is available (four further commands). */
export const withAvailableImage = (options: Parameters<typeof withImage>[0] = {}): {world: World; imageId: string} => {
	const made = withImage(options);
	return {world: settled(made.world), imageId: made.imageId};
};
