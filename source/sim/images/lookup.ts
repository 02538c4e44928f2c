import {amiNotFound, checkAmiId, isPublic, notAuthorizedForImage} from './rules.js';
import type {Image, RegionState, World} from '../core/types.js';

// Finding images the way EC2 does: an image is visible to an account when the account owns
// it, it is public, or it is shared with the account by an explicit launch permission.
// Anything else, like a deregistered id, is "not found" for that account.

export const isImageVisibleTo = (image: Image, account: string): boolean =>
	image.OwnerId === account || isPublic(image) || image.LaunchPermissions.some(p => p.UserId === account);

/**
 * The image `imageId` in `region` as seen by the world's account, or the exact EC2 error:
 * InvalidAMIID.Malformed for a badly formed id, InvalidAMIID.NotFound for an unknown,
 * deregistered or invisible one. The state is not checked (pending images are returned).
 */
export const findVisibleImage = (world: World, region: RegionState, imageId: unknown): Image => {
	const id = checkAmiId(imageId);
	const image = region.images.get(id);
	if (!image || !isImageVisibleTo(image, world.account)) return amiNotFound([id]);
	return image;
};

/** Like findVisibleImage, and the account must own it (AuthFailure otherwise). */
export const findOwnImage = (world: World, region: RegionState, imageId: unknown): Image => {
	const image = findVisibleImage(world, region, imageId);
	if (image.OwnerId !== world.account) notAuthorizedForImage(image.ImageId);
	return image;
};
