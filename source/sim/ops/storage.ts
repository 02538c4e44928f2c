import type {OpHandler} from '../engine.js';

export const storageOperations: Record<string, OpHandler> = {};
