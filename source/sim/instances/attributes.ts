import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {isWellFormedId} from '../core/ids.js';
import {isKnownInstanceType, supportedArchitectures} from './hardware.js';
import {isInstanceVisible, instancesNotFound} from './lookup.js';
import {checkShutdownBehavior, checkUserData} from './params.js';
import {closeBilling} from '../billing/pricing.js';
import type {Instance, RegionState, World} from '../core/types.js';
import {groupIdentifiers, instanceBlockDeviceMappings} from './view.js';
import {findGroupIds} from '../security-groups/lookup.js';

// ModifyInstanceAttribute / DescribeInstanceAttribute (reference 3.12): one attribute per call,
// and the attributes that change the machine itself only while the instance is stopped.

type Params = Record<string, any>;

/** The attribute names of the API (InstanceAttributeName) and the request member carrying each. */
const MEMBER_OF: Record<string, string> = {
	instanceType: 'InstanceType',
	kernel: 'Kernel',
	ramdisk: 'Ramdisk',
	userData: 'UserData',
	disableApiTermination: 'DisableApiTermination',
	instanceInitiatedShutdownBehavior: 'InstanceInitiatedShutdownBehavior',
	blockDeviceMapping: 'BlockDeviceMappings',
	sourceDestCheck: 'SourceDestCheck',
	groupSet: 'Groups',
	ebsOptimized: 'EbsOptimized',
	sriovNetSupport: 'SriovNetSupport',
	enaSupport: 'EnaSupport',
	disableApiStop: 'DisableApiStop',
};

const DESCRIBABLE = ['instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop'];

/** Attributes that change the machine: only while it is stopped. */
const NEEDS_STOPPED = new Set(['instanceType', 'kernel', 'ramdisk', 'userData', 'ebsOptimized', 'sriovNetSupport', 'enaSupport']);

const unknownAttribute = (name: string): never => fail('InvalidParameterValue', `Value (${name}) for parameter attribute is invalid. Unknown attribute.`);

/** The attribute operations take one instance id and answer a malformed one in their own words. */
const attributeInstance = (world: World, region: RegionState, id: unknown): Instance => {
	if (id === undefined || id === null || id === '') fail('MissingParameter', 'The request must contain the parameter InstanceId');
	const instanceId = String(id);
	if (!isWellFormedId(instanceId, 'i')) fail('InvalidParameterValue', `Value (${instanceId}) for parameter instanceId is invalid. Expected: 'i-...'.`);
	const instance = region.instances.get(instanceId);
	if (!instance || !isInstanceVisible(instance, world.clock)) instancesNotFound([instanceId]);
	return instance!;
};

const asBoolean = (value: unknown, name: string): boolean => {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return fail('InvalidParameterValue', `Value (${String(value)}) for parameter ${name} is invalid. Expected a boolean.`);
};

/** Which attribute a request changes, and to what (structure members carry `{Value}`). */
const requestedChange = (params: Params): {name: string; value: unknown} => {
	const changes: Array<{name: string; value: unknown}> = [];
	for (const [name, member] of Object.entries(MEMBER_OF)) {
		const given = params[member];
		if (given === undefined || given === null) continue;
		if (Array.isArray(given)) {
			if (given.length > 0) changes.push({name, value: given});
		} else {
			const value = typeof given === 'object' ? (given as Params).Value : given;
			// UserData.Value is a blob: it arrives decoded and goes over the wire base64-encoded (reference 3.12)
			changes.push({name, value: name === 'userData' && typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : value});
		}
	}

	if (params.Attribute !== undefined) {
		const name = String(params.Attribute);
		if (!Object.hasOwn(MEMBER_OF, name)) unknownAttribute(name);
		if (params.Value === undefined) fail('MissingParameter', 'The request must contain the parameter value');
		changes.push({name, value: name === 'groupSet' ? [params.Value] : params.Value});
	}

	if (changes.length === 0) fail('InvalidParameterCombination', 'No attributes specified.');
	if (changes.length > 1) fail('InvalidParameterCombination', `Fields for multiple attribute types specified: ${changes.map(c => c.name).join(', ')}`);
	return changes[0];
};

const setGroups = (region: RegionState, instance: Instance, ids: unknown[]): void => {
	instance.SecurityGroupIds = findGroupIds(region, ids);
};

const setDeleteOnTermination = (region: RegionState, instance: Instance, mappings: Params[]): void => {
	for (const mapping of mappings) {
		const device = String(mapping?.DeviceName ?? '');
		const attached = instance.volumes.find(v => v.DeviceName === device);
		if (!attached) fail('InvalidInstanceAttributeValue', `No device is currently mapped at ${device}`);
		if (mapping.Ebs?.DeleteOnTermination === undefined) continue;
		attached!.DeleteOnTermination = asBoolean(mapping.Ebs.DeleteOnTermination, 'deleteOnTermination');
		const attachment = region.volumes.get(attached!.VolumeId)?.Attachment;
		if (attachment) attachment.DeleteOnTermination = attached!.DeleteOnTermination;
	}
};

const setInstanceType = (ctx: OpContext, instance: Instance, value: unknown): void => {
	const type = String(value ?? '');
	if (!isKnownInstanceType(type)) fail('InvalidParameterValue', `Invalid value '${type}' for InstanceType.`);
	const archs = supportedArchitectures(type);
	if (!archs.includes(instance.Architecture)) {
		fail('InvalidParameterValue', `The architecture '${archs.join(',')}' of the specified instance type does not match the architecture '${instance.Architecture}' of the specified instance. Specify an instance type that matches the architecture of the instance, and try again.`);
	}

	// What the old type cost so far stays on the bill at the old price.
	closeBilling(ctx.world, ctx.regionName, instance, ctx.now);
	instance.InstanceType = type;
};

export const modifyInstanceAttribute = (ctx: OpContext, params: Params): undefined => {
	const instance = attributeInstance(ctx.world, ctx.region, params.InstanceId);
	const {name, value} = requestedChange(params);
	if (NEEDS_STOPPED.has(name) && instance.State !== 'stopped') {
		fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in the 'stopped' state.`);
	}

	switch (name) {
		case 'instanceType': {
			setInstanceType(ctx, instance, value);
			break;
		}

		case 'userData': {
			const data = String(value ?? '');
			if (data === '') {
				delete instance.UserData;
			} else {
				checkUserData(data);
				instance.UserData = data;
			}

			break;
		}

		case 'kernel': {
			instance.KernelId = String(value);
			break;
		}

		case 'ramdisk': {
			instance.RamdiskId = String(value);
			break;
		}

		case 'disableApiTermination': {
			instance.DisableApiTermination = asBoolean(value, 'disableApiTermination');
			break;
		}

		case 'disableApiStop': {
			instance.DisableApiStop = asBoolean(value, 'disableApiStop');
			break;
		}

		case 'sourceDestCheck': {
			instance.SourceDestCheck = asBoolean(value, 'sourceDestCheck');
			break;
		}

		case 'ebsOptimized': {
			instance.EbsOptimized = asBoolean(value, 'ebsOptimized');
			break;
		}

		case 'enaSupport': {
			instance.EnaSupport = asBoolean(value, 'enaSupport');
			break;
		}

		case 'sriovNetSupport': {
			if (value !== 'simple') fail('InvalidParameterValue', `Value (${String(value)}) for parameter sriovNetSupport is invalid. Expected: 'simple'.`);
			instance.SriovNetSupport = 'simple';
			break;
		}

		case 'instanceInitiatedShutdownBehavior': {
			instance.InstanceInitiatedShutdownBehavior = checkShutdownBehavior(value, instance.RootDeviceType);
			break;
		}

		case 'groupSet': {
			setGroups(ctx.region, instance, value as unknown[]);
			break;
		}

		case 'blockDeviceMapping': {
			setDeleteOnTermination(ctx.region, instance, value as Params[]);
			break;
		}

		default: {
			unknownAttribute(name);
		}
	}

	return undefined;
};

const valueOf = (value: string | boolean | undefined): {Value?: string | boolean} => (value === undefined ? {} : {Value: value});

export const describeInstanceAttribute = (ctx: OpContext, params: Params): Record<string, unknown> => {
	const instance = attributeInstance(ctx.world, ctx.region, params.InstanceId);
	if (params.Attribute === undefined) fail('MissingParameter', 'The request must contain the parameter Attribute');
	const attribute = String(params.Attribute);
	if (!DESCRIBABLE.includes(attribute)) unknownAttribute(attribute);
	const out: Record<string, unknown> = {InstanceId: instance.InstanceId};
	switch (attribute) {
		case 'instanceType': {
			out.InstanceType = valueOf(instance.InstanceType);
			break;
		}

		case 'kernel': {
			out.KernelId = valueOf(instance.KernelId);
			break;
		}

		case 'ramdisk': {
			out.RamdiskId = valueOf(instance.RamdiskId);
			break;
		}

		case 'userData': {
			out.UserData = valueOf(instance.UserData);
			break;
		}

		case 'disableApiTermination': {
			out.DisableApiTermination = valueOf(instance.DisableApiTermination);
			break;
		}

		case 'disableApiStop': {
			out.DisableApiStop = valueOf(instance.DisableApiStop ?? false);
			break;
		}

		case 'instanceInitiatedShutdownBehavior': {
			out.InstanceInitiatedShutdownBehavior = valueOf(instance.InstanceInitiatedShutdownBehavior ?? (instance.RootDeviceType === 'instance-store' ? 'terminate' : 'stop'));
			break;
		}

		case 'rootDeviceName': {
			out.RootDeviceName = valueOf(instance.RootDeviceName);
			break;
		}

		case 'blockDeviceMapping': {
			out.BlockDeviceMappings = instance.State === 'terminated' ? [] : instanceBlockDeviceMappings(instance);
			break;
		}

		case 'productCodes': {
			out.ProductCodes = instance.ProductCodes.map(p => ({ProductCodeId: p.ProductCodeId, ProductCodeType: p.ProductCodeType}));
			break;
		}

		case 'sourceDestCheck': {
			out.SourceDestCheck = valueOf(instance.SourceDestCheck ?? true);
			break;
		}

		case 'groupSet': {
			out.Groups = groupIdentifiers(ctx.region, instance);
			break;
		}

		case 'ebsOptimized': {
			out.EbsOptimized = valueOf(instance.EbsOptimized ?? false);
			break;
		}

		case 'sriovNetSupport': {
			out.SriovNetSupport = valueOf(instance.SriovNetSupport);
			break;
		}

		case 'enaSupport': {
			out.EnaSupport = valueOf(instance.EnaSupport ?? true);
			break;
		}

		case 'enclaveOptions': {
			out.EnclaveOptions = {Enabled: false};
			break;
		}

		default: {
			unknownAttribute(attribute);
		}
	}

	return out;
};
