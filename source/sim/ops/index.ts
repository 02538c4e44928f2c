import type {OpHandler} from '../engine.js';
import {imageOperations} from './images.js';
import {instanceOperations} from './instances.js';
import {storageOperations} from './storage.js';
import {keyPairOperations} from './key-pairs.js';
import {securityGroupOperations} from './security-groups.js';
import {tagOperations} from './tags.js';
import {regionOperations} from './regions.js';
import {identityOperations} from '../identity/operations.js';
import {networkOperations} from '../network/operations.js';
import {ssmOperations} from '../ssm/operations.js';

/** Every simulated operation, by its model name (CreateImage). */
export const operations: Record<string, OpHandler> = {
	...imageOperations,
	...instanceOperations,
	...storageOperations,
	...keyPairOperations,
	...securityGroupOperations,
	...tagOperations,
	...regionOperations,
	...networkOperations,
	...identityOperations,
	...ssmOperations,
};
