import type {OpContext} from '../core/engine.js';
import {compact} from '../core/compact.js';
import {schedule} from '../core/settle.js';
import type {Image} from '../core/types.js';

// What every new image of this account has in common (CreateImage, CopyImage, RegisterImage):
// owned by the caller, made now, a machine image, no launch permissions (never copied).

export const newImageBase = (ctx: OpContext, imageId: string, name: string, description: unknown) => ({
	ImageId: imageId,
	Name: name,
	Description: typeof description === 'string' ? description : undefined,
	OwnerId: ctx.world.account,
	CreationDate: ctx.now,
	ImageType: 'machine' as const,
	LaunchPermissions: [],
});

/** Stores a new image in ctx.region; a pending one becomes available at its readyAt. */
export const storeNewImage = (ctx: OpContext, image: Image): void => {
	ctx.region.images.set(image.ImageId, compact(image));
	if (image.State === 'pending' && image.readyAt !== undefined) schedule(ctx.world, {at: image.readyAt, region: ctx.regionName, kind: 'image', id: image.ImageId});
};
