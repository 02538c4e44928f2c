import {fail} from '../core/errors.js';
import {findVisibleImage} from '../images/lookup.js';
import type {Image, RegionState, World} from '../core/types.js';

// The AMI a launch names (reference 3.3 and 2.2): visibility and the Malformed / NotFound texts
// come from images-lookup.ts; a launch also needs an ImageId at all and an available image.

export const findLaunchImage = (world: World, region: RegionState, imageId: unknown): Image => {
	if (imageId === undefined || imageId === null || imageId === '') fail('MissingParameter', 'The request must contain the parameter ImageId');
	const image = findVisibleImage(world, region, imageId);
	if (image.State === 'pending') fail('InvalidAMIID.Unavailable', `AMI '${image.ImageId}' is pending, and cannot be run`);
	if (image.State !== 'available') fail('InvalidAMIID.Unavailable', `AMI '${image.ImageId}' is ${image.State}, and cannot be run`);
	return image;
};
