import type {OpHandler} from '../engine.js';
import {modifyImageAttribute, describeImageAttribute, resetImageAttribute} from '../images-attributes.js';
import {disableImageBlockPublicAccess, enableImageBlockPublicAccess, getImageBlockPublicAccessState} from '../images-block-public-access.js';
import {copyImage} from '../images-copy.js';
import {createImage} from '../images-create.js';
import {deregisterImage} from '../images-deregister.js';
import {describeImages} from '../images-describe.js';
import {registerImage} from '../images-register.js';

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
