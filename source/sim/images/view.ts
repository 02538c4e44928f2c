import {compact} from '../core/compact.js';
import {isPublic} from './rules.js';
import {wireTimestamp} from '../core/clock.js';
import type {BlockDeviceMapping, Image} from '../core/types.js';
import {tagsView} from '../tags/resource-tags.js';

// The Image structure as DescribeImages returns it: only the members real EC2 sends for this
// image (no undefined values). The CLI layer orders keys by the model's member order.

type Out = Record<string, unknown>;

export const blockDeviceMappingView = (mapping: BlockDeviceMapping): Out =>
	compact({
		DeviceName: mapping.DeviceName,
		VirtualName: mapping.VirtualName,
		NoDevice: mapping.NoDevice,
		Ebs: mapping.Ebs
			? compact({
					DeleteOnTermination: mapping.Ebs.DeleteOnTermination,
					Iops: mapping.Ebs.Iops,
					SnapshotId: mapping.Ebs.SnapshotId,
					VolumeSize: mapping.Ebs.VolumeSize,
					VolumeType: mapping.Ebs.VolumeType,
					KmsKeyId: mapping.Ebs.KmsKeyId,
					Throughput: mapping.Ebs.Throughput,
					Encrypted: mapping.Ebs.Encrypted,
				})
			: undefined,
	});

/** One image as `account` sees it in DescribeImages. */
export const imageView = (image: Image, account: string): Out => {
	const own = image.OwnerId === account;
	return compact({
		PlatformDetails: image.PlatformDetails,
		UsageOperation: image.UsageOperation,
		BlockDeviceMappings: image.BlockDeviceMappings.map(m => blockDeviceMappingView(m)),
		Description: image.Description,
		EnaSupport: image.EnaSupport,
		Hypervisor: image.Hypervisor,
		ImageOwnerAlias: image.ImageOwnerAlias,
		Name: image.Name,
		RootDeviceName: image.RootDeviceName,
		RootDeviceType: image.RootDeviceType,
		SriovNetSupport: image.SriovNetSupport,
		StateReason: image.StateReason ? {Code: image.StateReason.Code, Message: image.StateReason.Message} : undefined,
		Tags: tagsView(image.Tags),
		VirtualizationType: image.VirtualizationType,
		BootMode: image.BootMode,
		DeprecationTime: image.DeprecationTime,
		ImdsSupport: image.ImdsSupport,
		SourceInstanceId: image.SourceInstanceId,
		DeregistrationProtection: own ? (image.DeregistrationProtection ?? 'disabled') : undefined,
		LastLaunchedTime: own && image.lastLaunchedTime !== undefined ? wireTimestamp(image.lastLaunchedTime) : undefined,
		SourceImageId: image.SourceImageId,
		SourceImageRegion: image.SourceImageRegion,
		ImageId: image.ImageId,
		ImageLocation: image.ImageLocation,
		State: image.State,
		OwnerId: image.OwnerId,
		CreationDate: wireTimestamp(image.CreationDate),
		Public: isPublic(image),
		ProductCodes: image.ProductCodes.length > 0 ? image.ProductCodes.map(p => ({ProductCodeId: p.ProductCodeId, ProductCodeType: p.ProductCodeType})) : undefined,
		Architecture: image.Architecture,
		ImageType: image.ImageType,
		KernelId: image.KernelId,
		RamdiskId: image.RamdiskId,
		Platform: image.Platform,
	});
};
