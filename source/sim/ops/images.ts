import type {OpHandler} from '../engine.js';

export const imageOperations: Record<string, OpHandler> = {};
