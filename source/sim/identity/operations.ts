import type {OpHandler} from '../core/engine.js';
import type {World} from '../core/types.js';

// Who the sandbox's credentials belong to: an IAM user of the sandbox account, as
// `aws sts get-caller-identity` reports it (GetCallerIdentity: UserId, Account, Arn).

export const SANDBOX_USER = 'student';
/** An IAM user's unique ID: AIDA and 17 more capitals or digits (made up, fixed). */
export const SANDBOX_USER_ID = 'AIDASTUDENTAMISCHOOL2';
/** The access key ID of the sandbox's credentials (AWS's own documentation example key). */
export const SANDBOX_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const SANDBOX_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export const callerArn = (world: World): string => `arn:aws:iam::${world.account}:user/${SANDBOX_USER}`;

const getCallerIdentity: OpHandler = ctx => ({UserId: SANDBOX_USER_ID, Account: ctx.world.account, Arn: callerArn(ctx.world)});

export const identityOperations: Record<string, OpHandler> = {
	GetCallerIdentity: getCallerIdentity,
};
