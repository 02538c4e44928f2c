import type {OpHandler} from '../engine.js';
import {describeInstanceAttribute, modifyInstanceAttribute} from '../instances-attributes.js';
import {describeInstances} from '../instances-describe.js';
import {runInstances} from '../instances-launch.js';
import {rebootInstances, startInstances, stopInstances, terminateInstances} from '../instances-lifecycle.js';

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
