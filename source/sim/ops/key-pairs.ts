import type {OpHandler} from '../engine.js';

export const keyPairOperations: Record<string, OpHandler> = {};
