import {produce} from 'immer';
import {streamId} from './ids.js';
import {Table} from './table.js';
import {PUBLIC_IMAGES} from '../images/public-images.js';
import {DEFAULT_REGION, availabilityZones, isDefaultRegion} from '../regions/regions.js';
import {WORLD_START} from './clock.js';
import type {RegionState, World} from './types.js';

export const ACCOUNT_ID = '123456789012';
export const DEFAULT_SEED = 20_260_901;

const DAY = 86_400_000;

/**
 * A default Region as a new account finds it. Its ids come from the Region's own id stream, so
 * the same Region always gets the same ids, whenever it is first used.
 */
const seedRegion = (world: World, name: string): RegionState => {
	let n = 0;
	const nextId = (prefix: string) => streamId(world.seed, `region:${name}`, ++n, prefix);
	const region: RegionState = {
		name,
		defaultVpcId: nextId('vpc'),
		subnets: {},
		images: new Table(),
		instances: new Table(),
		volumes: new Table(),
		snapshots: new Table(),
		keyPairs: new Table(),
		securityGroups: new Table(),
		imageBlockPublicAccess: 'block-new-sharing',
		deregistered: {},
	};
	for (const az of availabilityZones(name)) region.subnets[az] = nextId('subnet');

	const defaultGroupId = nextId('sg');
	region.securityGroups.set(defaultGroupId, {
		GroupId: defaultGroupId,
		GroupName: 'default',
		Description: 'default VPC security group',
		VpcId: region.defaultVpcId,
		OwnerId: world.account,
		ingress: [{SecurityGroupRuleId: nextId('sgr'), IpProtocol: '-1', ReferencedGroupId: defaultGroupId}],
		egress: [{SecurityGroupRuleId: nextId('sgr'), IpProtocol: '-1', CidrIpv4: '0.0.0.0/0'}],
		Tags: [],
	});

	for (const spec of PUBLIC_IMAGES) {
		const created = WORLD_START - spec.ageDays * DAY;
		const snapshotId = nextId('snap');
		region.snapshots.set(snapshotId, {
			SnapshotId: snapshotId,
			VolumeId: 'vol-ffffffff',
			State: 'completed',
			StartTime: created,
			OwnerId: spec.OwnerId,
			Description: '',
			VolumeSize: spec.rootSize,
			Encrypted: false,
			Tags: [],
			disk: {...spec.disk, madeFor: {architecture: spec.Architecture, virtualization: 'hvm'}},
			billing: {billedMs: 0},
			// a public AMI's snapshot is public too (so anyone may copy the AMI), unless its owner kept it private
			createVolumePermissions: spec.privateSnapshot ? [] : [{Group: 'all'}],
		});
		const imageId = nextId('ami');
		region.images.set(imageId, {
			ImageId: imageId,
			Name: spec.Name,
			Description: spec.Description,
			OwnerId: spec.OwnerId,
			ImageOwnerAlias: spec.ImageOwnerAlias,
			State: 'available',
			CreationDate: created,
			Architecture: spec.Architecture,
			Platform: spec.Platform,
			PlatformDetails: spec.PlatformDetails,
			UsageOperation: spec.UsageOperation,
			RootDeviceName: spec.RootDeviceName,
			RootDeviceType: 'ebs',
			VirtualizationType: 'hvm',
			Hypervisor: 'xen',
			EnaSupport: true,
			SriovNetSupport: 'simple',
			BootMode: spec.BootMode,
			ImdsSupport: spec.ImdsSupport,
			ImageLocation: spec.ImageOwnerAlias ? `${spec.ImageOwnerAlias}/${spec.Name}` : `${spec.OwnerId}/${spec.Name}`,
			ImageType: 'machine',
			BlockDeviceMappings: [
				{
					DeviceName: spec.RootDeviceName,
					Ebs: spec.volumeType
						? {DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: spec.rootSize, VolumeType: spec.volumeType, Encrypted: false}
						: {DeleteOnTermination: true, Iops: 3000, SnapshotId: snapshotId, VolumeSize: spec.rootSize, VolumeType: 'gp3', Throughput: 125, Encrypted: false},
				},
			],
			LaunchPermissions: [{Group: 'all'}],
			ProductCodes: spec.productCode ? [{ProductCodeId: spec.productCode, ProductCodeType: 'marketplace'}] : [],
			Tags: [],
			DeprecationTime: new Date(created + 730 * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
			softwarePricePerHour: spec.softwarePricePerHour,
			licencePricePerHour: spec.licencePricePerHour,
			suspicious: spec.suspicious,
		});
	}

	return region;
};

/**
 * A brand-new account (`idSalt`: see World.idSalt). Its 17 default Regions each have a default VPC, the default security
 * group and the public AMIs; a Region is filled in when it is first used (ensureRegions), which
 * keeps a world small: us-east-1, the default, is there from the start.
 */
export const freshWorld = (seed: number = DEFAULT_SEED, idSalt?: number): World =>
	produce(
		{
			version: 1,
			seed,
			...(idSalt === undefined ? {} : {idSalt}),
			idCounter: 0,
			clock: WORLD_START,
			commands: 0,
			account: ACCOUNT_ID,
			regions: {},
			schedule: [],
			closedCharges: [],
		} as World,
		draft => {
			draft.regions[DEFAULT_REGION] = seedRegion(draft, DEFAULT_REGION);
		},
	);

/** The world with these default Regions filled in (the same world when they already are). */
export const ensureRegions = (world: World, names: Array<string | undefined>): World => {
	const missing = names.filter((name): name is string => typeof name === 'string' && isDefaultRegion(name) && !world.regions[name]);
	if (missing.length === 0) return world;
	return produce(world, draft => {
		for (const name of missing) if (!draft.regions[name]) draft.regions[name] = seedRegion(draft, name);
	});
};
