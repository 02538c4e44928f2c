import type {OpHandler} from '../engine.js';

export const tagOperations: Record<string, OpHandler> = {};
