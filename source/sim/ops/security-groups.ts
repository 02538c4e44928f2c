import type {OpHandler} from '../engine.js';

export const securityGroupOperations: Record<string, OpHandler> = {};
