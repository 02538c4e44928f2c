import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {requireParam} from './rules.js';

// Block public access for AMIs, per Region (on for new accounts: block-new-sharing).
// Outputs per the EC2 model: Get -> {ImageBlockPublicAccessState, ManagedBy};
// Enable -> {ImageBlockPublicAccessState: "block-new-sharing"}; Disable -> {... "unblocked"}.

export const getImageBlockPublicAccessState = (ctx: OpContext): Record<string, unknown> => ({
	ImageBlockPublicAccessState: ctx.region.imageBlockPublicAccess,
	ManagedBy: 'account',
});

export const enableImageBlockPublicAccess = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'ImageBlockPublicAccessState');
	if (params.ImageBlockPublicAccessState !== 'block-new-sharing') {
		fail('InvalidParameterValue', `Value (${String(params.ImageBlockPublicAccessState)}) for parameter imageBlockPublicAccessState is invalid.`);
	}

	ctx.region.imageBlockPublicAccess = 'block-new-sharing';
	return {ImageBlockPublicAccessState: 'block-new-sharing'};
};

export const disableImageBlockPublicAccess = (ctx: OpContext): Record<string, unknown> => {
	ctx.region.imageBlockPublicAccess = 'unblocked';
	return {ImageBlockPublicAccessState: 'unblocked'};
};
