import type {OpHandler} from '../engine.js';

export const regionOperations: Record<string, OpHandler> = {};
