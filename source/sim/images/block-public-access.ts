import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {schedule} from '../core/settle.js';
import {BLOCK_PUBLIC_ACCESS_CHANGE_MS} from '../core/clock.js';
import type {RegionState} from '../core/types.js';
import {requireParam} from './rules.js';

// Block public access for AMIs, per Region (on for new accounts: block-new-sharing).
// Outputs per the EC2 model: Get -> {ImageBlockPublicAccessState, ManagedBy};
// Enable -> {ImageBlockPublicAccessState: "block-new-sharing"}; Disable -> {... "unblocked"}.
// A change takes effect BLOCK_PUBLIC_ACCESS_CHANGE_MS later (EC2 API reference: "can take up to
// 10 minutes"); until then Get reports the previous state and it is the one that applies, so a
// public share right after disabling is still refused. The change is on the schedule
// (kind 'block-public-access', id the new state) and settle.ts applies it.

type BlockState = RegionState['imageBlockPublicAccess'];

const requestState = (ctx: OpContext, state: BlockState): void => {
	// A new request replaces one still under way; asking for the state in force changes nothing.
	ctx.world.schedule = ctx.world.schedule.filter(item => !(item.kind === 'block-public-access' && item.region === ctx.regionName));
	if (ctx.region.imageBlockPublicAccess !== state) {
		schedule(ctx.world, {at: ctx.now + BLOCK_PUBLIC_ACCESS_CHANGE_MS, region: ctx.regionName, kind: 'block-public-access', id: state});
	}
};

export const getImageBlockPublicAccessState = (ctx: OpContext): Record<string, unknown> => ({
	ImageBlockPublicAccessState: ctx.region.imageBlockPublicAccess,
	ManagedBy: 'account',
});

export const enableImageBlockPublicAccess = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'ImageBlockPublicAccessState');
	if (params.ImageBlockPublicAccessState !== 'block-new-sharing') {
		fail('InvalidParameterValue', `Value (${String(params.ImageBlockPublicAccessState)}) for parameter imageBlockPublicAccessState is invalid.`);
	}

	requestState(ctx, 'block-new-sharing');
	return {ImageBlockPublicAccessState: 'block-new-sharing'};
};

export const disableImageBlockPublicAccess = (ctx: OpContext): Record<string, unknown> => {
	requestState(ctx, 'unblocked');
	return {ImageBlockPublicAccessState: 'unblocked'};
};
