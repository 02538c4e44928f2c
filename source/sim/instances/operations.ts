import type {OpHandler} from '../core/engine.js';
import {describeInstanceAttribute, modifyInstanceAttribute} from './attributes.js';
import {describeInstances} from './describe.js';
import {runInstances} from './launch.js';
import {rebootInstances, startInstances, stopInstances, terminateInstances} from './lifecycle.js';

export const instanceOperations: Record<string, OpHandler> = {
	RunInstances: runInstances,
	DescribeInstances: describeInstances,
	StopInstances: stopInstances,
	StartInstances: startInstances,
	RebootInstances: rebootInstances,
	TerminateInstances: terminateInstances,
	ModifyInstanceAttribute: modifyInstanceAttribute,
	DescribeInstanceAttribute: describeInstanceAttribute,
};
