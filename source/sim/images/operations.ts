import type {OpHandler} from '../core/engine.js';
import {modifyImageAttribute, describeImageAttribute, resetImageAttribute} from './attributes.js';
import {disableImageBlockPublicAccess, enableImageBlockPublicAccess, getImageBlockPublicAccessState} from './block-public-access.js';
import {copyImage} from './copy.js';
import {createImage} from './create.js';
import {deregisterImage} from './deregister.js';
import {describeImages} from './describe.js';
import {registerImage} from './register.js';

/** The AMI operations, by model name. */
export const imageOperations: Record<string, OpHandler> = {
	CreateImage: createImage,
	DescribeImages: describeImages,
	RegisterImage: registerImage,
	CopyImage: copyImage,
	DeregisterImage: deregisterImage,
	ModifyImageAttribute: modifyImageAttribute,
	DescribeImageAttribute: describeImageAttribute,
	ResetImageAttribute: resetImageAttribute,
	GetImageBlockPublicAccessState: getImageBlockPublicAccessState,
	EnableImageBlockPublicAccess: enableImageBlockPublicAccess,
	DisableImageBlockPublicAccess: disableImageBlockPublicAccess,
};
