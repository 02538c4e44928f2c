import {indexesOf, type FilterAccessors} from '../core/filters.js';
import {isPublic} from './rules.js';
import {wireTimestamp} from '../core/clock.js';
import type {Image} from '../core/types.js';

// DescribeImages `--filters` names (aws-reference 3.2, EC2 API reference) that our images can
// answer. tag:<key>, tag-key and tag-value come from filters.ts. Booleans compare as
// "true"/"false", dates as the wire form 2026-09-01T08:00:00.000Z (wildcards allowed).

const ebs = (image: Image) => image.BlockDeviceMappings.flatMap(m => (m.Ebs ? [m.Ebs] : []));

export const IMAGE_FILTERS: FilterAccessors<Image> = {
	architecture: image => image.Architecture,
	'block-device-mapping.delete-on-termination': image => ebs(image).map(e => e.DeleteOnTermination),
	'block-device-mapping.device-name': image => image.BlockDeviceMappings.map(m => m.DeviceName),
	'block-device-mapping.snapshot-id': image => ebs(image).map(e => e.SnapshotId),
	'block-device-mapping.volume-size': image => ebs(image).map(e => e.VolumeSize),
	'block-device-mapping.volume-type': image => ebs(image).map(e => e.VolumeType),
	'block-device-mapping.encrypted': image => ebs(image).map(e => e.Encrypted),
	'boot-mode': image => image.BootMode,
	'creation-date': image => wireTimestamp(image.CreationDate),
	'deprecation-time': image => image.DeprecationTime,
	description: image => image.Description,
	'ena-support': image => image.EnaSupport,
	'free-tier-eligible': () => [],
	hypervisor: image => image.Hypervisor,
	'image-allowed': () => [],
	'image-id': image => image.ImageId,
	'image-type': image => image.ImageType,
	'imds-support': image => image.ImdsSupport,
	'is-public': image => isPublic(image),
	'kernel-id': image => (image.KernelId ? [image.KernelId] : []),
	'manifest-location': image => image.ManifestLocation ?? image.ImageLocation,
	name: image => image.Name,
	'owner-alias': image => image.ImageOwnerAlias,
	'owner-id': image => image.OwnerId,
	platform: image => image.Platform,
	'platform-details': image => image.PlatformDetails,
	'product-code': image => image.ProductCodes.map(p => p.ProductCodeId),
	'product-code.type': image => image.ProductCodes.map(p => p.ProductCodeType),
	'ramdisk-id': image => (image.RamdiskId ? [image.RamdiskId] : []),
	'root-device-name': image => image.RootDeviceName,
	'root-device-type': image => image.RootDeviceType,
	'source-image-id': image => image.SourceImageId,
	'source-image-region': image => image.SourceImageRegion,
	'source-instance-id': image => image.SourceInstanceId,
	'sriov-net-support': image => image.SriovNetSupport,
	state: image => image.State,
	'state-reason-code': image => image.StateReason?.Code,
	'state-reason-message': image => image.StateReason?.Message,
	'usage-operation': image => image.UsageOperation,
	'virtualization-type': image => image.VirtualizationType,
};

/** The filters the model keeps an index for: what is looked up by name, owner, state or snapshot. */
export const IMAGE_INDEXES = indexesOf(IMAGE_FILTERS, ['name', 'owner-id', 'owner-alias', 'image-id', 'state', 'block-device-mapping.snapshot-id']);
