import {IMAGE_INDEXES} from './filters.js';
import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {isImageVisibleTo} from './lookup.js';
import {amiNotFound, checkAmiId, clonePlain, notAuthorizedForImage, requireParam} from './rules.js';
import {DEREGISTERED_LISTED_MS} from './describe.js';
import {closeBilling} from '../billing/pricing.js';

// DeregisterImage (aws-reference 3.7): the AMI goes, its snapshots stay (and keep costing)
// unless DeleteAssociatedSnapshots (an option, with the Return and DeleteSnapshotResults
// answer, of the EC2 API since 28 May 2025); instances launched from it are untouched.

type SnapshotResult = {SnapshotId: string; ReturnCode: 'success' | 'skipped' | 'missing-permissions' | 'internal-error' | 'client-error'};

export const deregisterImage = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'ImageId');
	const {world, region, now} = ctx;
	const id = checkAmiId(params.ImageId);
	if (region.deregistered[id] !== undefined && !region.images.get(id)) fail('InvalidAMIID.Unavailable', `The image id '[${id}]' is no longer available`);
	const image = region.images.get(id);
	if (!image || !isImageVisibleTo(image, world.account)) return amiNotFound([id]);
	if (image.OwnerId !== world.account) return notAuthorizedForImage(id);
	if (image.DeregistrationProtection?.startsWith('enabled')) {
		fail('InvalidParameterValue', `Image ${id} has deregistration protection enabled. Disable deregistration protection before deregistering the image.`);
	}

	region.images.delete(id);
	region.deregistered[id] = now;
	// A describe by id still shows it, deregistered, for a short while (describe.ts).
	const lingering = region.recentlyDeregistered ?? {};
	for (const [other, at] of Object.entries(region.deregistered)) if (lingering[other] && now - at > DEREGISTERED_LISTED_MS) delete lingering[other];
	lingering[id] = {...clonePlain(image), State: 'deregistered', readyAt: undefined};
	region.recentlyDeregistered = lingering;

	if (params.DeleteAssociatedSnapshots !== true) return {Return: true};

	const results: SnapshotResult[] = [];
	for (const mapping of image.BlockDeviceMappings) {
		const snapshotId = mapping.Ebs?.SnapshotId;
		if (!snapshotId || results.some(r => r.SnapshotId === snapshotId)) continue;
		const snapshot = region.snapshots.get(snapshotId);
		if (!snapshot) {
			results.push({SnapshotId: snapshotId, ReturnCode: 'client-error'});
			continue;
		}

		if (snapshot.OwnerId !== world.account) {
			results.push({SnapshotId: snapshotId, ReturnCode: 'missing-permissions'});
			continue;
		}

		const sharedWithAnother = region.images.ids(IMAGE_INDEXES['block-device-mapping.snapshot-id'], snapshotId).length > 0;
		if (sharedWithAnother) {
			results.push({SnapshotId: snapshotId, ReturnCode: 'skipped'});
			continue;
		}

		closeBilling(world, ctx.regionName, snapshot, now);
		region.snapshots.delete(snapshotId);
		results.push({SnapshotId: snapshotId, ReturnCode: 'success'});
	}

	return {Return: true, DeleteSnapshotResults: results};
};
