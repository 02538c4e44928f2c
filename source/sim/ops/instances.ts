import type {OpHandler} from '../engine.js';

export const instanceOperations: Record<string, OpHandler> = {};
