import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {nextId} from '../core/ids.js';
import {checkDeviceName, newDeviceMapping, readMappingParams} from './mappings.js';
import {newImageBase, storeNewImage} from './new.js';
import {findSnapshot} from '../storage/lookup.js';
import {checkAmiName, checkNameFree, requireParam} from './rules.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import type {BlockDeviceMapping, Disk, Image} from '../core/types.js';

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

/** A kernel (aki-) or RAM disk (ari-) id, short or long; [?] the text of the error for a bad one is not verified. */
const checkBootId = (value: unknown, prefix: 'aki' | 'ari', parameter: string): string | undefined => {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !new RegExp(`^${prefix}-(?:[\\da-f]{8}|[\\da-f]{17})$`).test(value)) fail('InvalidParameterValue', `Value (${String(value)}) for parameter ${parameter} is invalid.`);
	return value as string;
};

/** `bucket/prefix/image.manifest.xml` */
const MANIFEST = /^[a-z\d][a-z\d.-]{1,61}[a-z\d]\/(?:[^/]+\/)*[^/]+\.manifest\.xml$/;

export const registerImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'Name');
	const {world, region} = ctx;
	const name = checkAmiName(params.Name);
	const specifiedTags = readTagSpecifications(params.TagSpecifications, 'RegisterImage');
	const architecture = checkEnum(params.Architecture, ARCHITECTURES, 'architecture') as Image['Architecture'] | undefined;
	const virtualization = checkEnum(params.VirtualizationType, VIRTUALIZATION_TYPES, 'virtualizationType') as Image['VirtualizationType'] | undefined;
	const bootMode = checkEnum(params.BootMode, BOOT_MODES, 'bootMode');
	const imdsSupport = checkEnum(params.ImdsSupport, new Set(['v2.0']), 'imdsSupport');
	const sriov = checkEnum(params.SriovNetSupport, new Set(['simple']), 'sriovNetSupport');
	const kernelId = checkBootId(params.KernelId, 'aki', 'kernelId');
	const ramdiskId = checkBootId(params.RamdiskId, 'ari', 'ramdiskId');
	const mappingParams = readMappingParams(params.BlockDeviceMappings);

	const location = params.ImageLocation as string | undefined;
	const ebsBacked = mappingParams.some(m => m.Ebs?.SnapshotId !== undefined) || location === undefined;
	let rootDeviceName: string;
	let mappings: BlockDeviceMapping[];
	if (ebsBacked) {
		if (params.RootDeviceName === undefined) {
			if (mappingParams.length === 0) fail('MissingParameter', 'The request must contain the parameter ImageLocation');
			fail('MissingParameter', 'The request must contain the parameter RootDeviceName');
		}

		rootDeviceName = checkDeviceName(String(params.RootDeviceName));
		const root = mappingParams.find(m => m.DeviceName === rootDeviceName);
		if (!root?.Ebs?.SnapshotId) fail('InvalidBlockDeviceMapping', `The root device ${rootDeviceName} must be mapped to an EBS snapshot`);
		mappings = mappingParams.map(m => {
			if (m.NoDevice !== undefined && m.DeviceName === rootDeviceName) fail('InvalidBlockDeviceMapping', `The root device ${rootDeviceName} must be mapped to an EBS snapshot`);
			const mapping = newDeviceMapping(ctx, {...m, Ebs: m.Ebs ? {VolumeType: 'gp2', ...m.Ebs} : undefined});
			if (mapping.Ebs?.SnapshotId) {
				const snapshot = findSnapshot(ctx, mapping.Ebs.SnapshotId);
				if (snapshot.State !== 'completed') fail('IncorrectState', `Snapshot is in invalid state - ${snapshot.State}`);
			}

			return mapping;
		});
	} else {
		if (typeof location !== 'string' || !MANIFEST.test(location)) fail('InvalidManifest', `The manifest ${String(location)} is not valid: expected bucket/prefix/image.manifest.xml`);
		rootDeviceName = typeof params.RootDeviceName === 'string' ? checkDeviceName(params.RootDeviceName) : '/dev/sda1';
		mappings = mappingParams.map(m => newDeviceMapping(ctx, m));
	}

	checkNameFree(region, world.account, name);

	const imageId = nextId(world, 'ami');
	const image: Image = {
		...newImageBase(ctx, imageId, name, params.Description),
		State: 'available',
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
		BlockDeviceMappings: mappings,
		ProductCodes: [],
		Tags: specifiedTags('image'),
		ManifestLocation: ebsBacked ? undefined : location,
		KernelId: kernelId,
		RamdiskId: ramdiskId,
		disk: ebsBacked ? undefined : structuredClone(BUNDLE_DISK),
	};
	storeNewImage(ctx, image);
	return {ImageId: imageId};
};
