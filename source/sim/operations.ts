import type {OpHandler} from './core/engine.js';
import {imageOperations} from './images/operations.js';
import {instanceOperations} from './instances/operations.js';
import {storageOperations} from './storage/operations.js';
import {keyPairOperations} from './key-pairs/operations.js';
import {securityGroupOperations} from './security-groups/operations.js';
import {tagOperations} from './tags/operations.js';
import {regionOperations} from './regions/operations.js';
import {identityOperations} from './identity/operations.js';
import {networkOperations} from './network/operations.js';
import {ssmOperations} from './ssm/operations.js';

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
