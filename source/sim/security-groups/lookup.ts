import {fail} from '../core/errors.js';
import {groupNameNotFound, groupNotFound} from '../core/not-found.js';
import {checkId} from '../core/resource-params.js';
import type {RegionState, SecurityGroup} from '../core/types.js';

// Security groups named in a request by id (run-instances --security-group-ids,
// modify-instance-attribute --groups) or by name in the default VPC, with EC2's exact errors.

/** The ids, each checked (empty, malformed, unknown), without duplicates, in request order. */
export const findGroupIds = (region: RegionState, ids: unknown[]): string[] => {
	const found = ids.map(raw => {
		const id = String(raw ?? '');
		if (id === '') fail('InvalidParameterValue', 'Value () for parameter groupId is invalid. The value cannot be empty');
		checkId(id, 'sg', 'InvalidGroupId.Malformed');
		if (!region.securityGroups.get(id)) groupNotFound(id);
		return id;
	});
	return [...new Set(found)];
};

export const groupByName = (region: RegionState, name: string, vpcId = region.defaultVpcId): SecurityGroup | undefined =>
	region.securityGroups.values().find(g => g.GroupName === name && g.VpcId === vpcId);

/** The default VPC's group with this name, or InvalidGroup.NotFound naming the VPC. */
export const findGroupByName = (region: RegionState, name: string): SecurityGroup => groupByName(region, name) ?? groupNameNotFound(name, region.defaultVpcId);
