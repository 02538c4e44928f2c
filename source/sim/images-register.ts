import type {OpContext} from './engine.js';
import {fail} from './errors.js';
import {nextId} from './ids.js';
import {extraMapping} from './images-create.js';
import {findSnapshot} from './storage-lookup.js';
import {checkAmiName, checkNameFree, checkTagSpecifications, requireParam, specTags} from './images-rules.js';
import {stripUndefined} from './images-snapshots.js';
import type {BlockDeviceMapping, Disk, Image} from './types.js';

// RegisterImage: an EBS-backed AMI from existing snapshots (RootDeviceName + a mapping with
// Ebs.SnapshotId), or an instance-store AMI from a bundle manifest in S3 (ImageLocation).
// Registered images are available at once. Model defaults: Architecture i386 for EBS-backed
// AMIs, VirtualizationType paravirtual.

const ARCHITECTURES = new Set(['i386', 'x86_64', 'arm64']);
const VIRTUALIZATION_TYPES = new Set(['hvm', 'paravirtual']);
const BOOT_MODES = new Set(['legacy-bios', 'uefi', 'uefi-preferred']);

/** What an instance-store bundle holds when nothing else says: a minimal Amazon Linux root. */
const BUNDLE_DISK: Disk = {
	os: 'Amazon Linux 2023',
	packages: ['bash', 'coreutils', 'curl', 'dnf', 'openssh-server', 'sudo', 'systemd'],
	services: {sshd: {enabled: true, active: true}},
	files: {'/etc/os-release': 'NAME="Amazon Linux 2023"\n'},
};

const checkEnum = (value: unknown, allowed: Set<string>, parameter: string): string | undefined => {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !allowed.has(value)) fail('InvalidParameterValue', `Value (${String(value)}) for parameter ${parameter} is invalid.`);
	return value as string;
};

/** `bucket/prefix/image.manifest.xml` */
const MANIFEST = /^[a-z\d][a-z\d.-]{1,61}[a-z\d]\/(?:[^/]+\/)*[^/]+\.manifest\.xml$/;

export const registerImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'Name');
	const {world, region, now} = ctx;
	const name = checkAmiName(params.Name);
	const specs = checkTagSpecifications(params.TagSpecifications, ['image']);
	const architecture = checkEnum(params.Architecture, ARCHITECTURES, 'architecture') as Image['Architecture'] | undefined;
	const virtualization = checkEnum(params.VirtualizationType, VIRTUALIZATION_TYPES, 'virtualizationType') as Image['VirtualizationType'] | undefined;
	const bootMode = checkEnum(params.BootMode, BOOT_MODES, 'bootMode');
	const imdsSupport = checkEnum(params.ImdsSupport, new Set(['v2.0']), 'imdsSupport');
	const sriov = checkEnum(params.SriovNetSupport, new Set(['simple']), 'sriovNetSupport');
	const mappingParams = (params.BlockDeviceMappings ?? []) as Array<Record<string, any>>;
	if (!Array.isArray(mappingParams)) fail('InvalidParameterValue', 'Invalid value for parameter BlockDeviceMappings');
	for (const mapping of mappingParams) {
		if (!mapping?.DeviceName) fail('MissingParameter', 'The request must contain the parameter BlockDeviceMapping.DeviceName');
	}

	const location = params.ImageLocation as string | undefined;
	const ebsBacked = mappingParams.some(m => m.Ebs?.SnapshotId !== undefined) || location === undefined;
	let rootDeviceName: string;
	let mappings: BlockDeviceMapping[];
	if (ebsBacked) {
		if (params.RootDeviceName === undefined) {
			if (mappingParams.length === 0) fail('MissingParameter', 'The request must contain the parameter ImageLocation');
			fail('MissingParameter', 'The request must contain the parameter RootDeviceName');
		}

		rootDeviceName = String(params.RootDeviceName);
		const root = mappingParams.find(m => m.DeviceName === rootDeviceName);
		if (!root?.Ebs?.SnapshotId) fail('InvalidBlockDeviceMapping', `The root device ${rootDeviceName} must be mapped to an EBS snapshot`);
		mappings = mappingParams.map(m => {
			if (m.NoDevice !== undefined) {
				if (m.DeviceName === rootDeviceName) fail('InvalidBlockDeviceMapping', `The root device ${rootDeviceName} must be mapped to an EBS snapshot`);
				return {DeviceName: m.DeviceName, NoDevice: ''};
			}

			const mapping = extraMapping(ctx, {...m, Ebs: m.Ebs ? {VolumeType: 'gp2', ...m.Ebs} : undefined}, m.DeviceName);
			if (mapping.Ebs?.SnapshotId) {
				const snapshot = findSnapshot(ctx, mapping.Ebs.SnapshotId);
				if (snapshot.State !== 'completed') fail('IncorrectState', `Snapshot is in invalid state - ${snapshot.State}`);
			}

			return mapping;
		});
	} else {
		if (typeof location !== 'string' || !MANIFEST.test(location)) fail('InvalidManifest', `The manifest ${String(location)} is not valid: expected bucket/prefix/image.manifest.xml`);
		rootDeviceName = typeof params.RootDeviceName === 'string' ? params.RootDeviceName : '/dev/sda1';
		mappings = mappingParams.map(m => (m.NoDevice === undefined ? extraMapping(ctx, m, m.DeviceName) : {DeviceName: m.DeviceName, NoDevice: ''}));
	}

	checkNameFree(region, world.account, name);

	const imageId = nextId(world, 'ami');
	const image: Image = {
		ImageId: imageId,
		Name: name,
		Description: typeof params.Description === 'string' ? params.Description : undefined,
		OwnerId: world.account,
		State: 'available',
		CreationDate: now,
		Architecture: architecture ?? (ebsBacked ? 'i386' : 'x86_64'),
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: rootDeviceName,
		RootDeviceType: ebsBacked ? 'ebs' : 'instance-store',
		VirtualizationType: virtualization ?? 'paravirtual',
		Hypervisor: 'xen',
		EnaSupport: params.EnaSupport === true,
		SriovNetSupport: sriov,
		BootMode: bootMode,
		ImdsSupport: imdsSupport,
		ImageLocation: ebsBacked ? `${world.account}/${name}` : location!,
		ImageType: 'machine',
		BlockDeviceMappings: mappings,
		LaunchPermissions: [],
		ProductCodes: [],
		Tags: specTags(specs, 'image'),
		ManifestLocation: ebsBacked ? undefined : location,
		disk: ebsBacked ? undefined : structuredClone(BUNDLE_DISK),
	};
	region.images[imageId] = stripUndefined(image);
	return {ImageId: imageId};
};
