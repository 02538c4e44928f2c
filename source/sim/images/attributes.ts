import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {findOwnImage, findVisibleImage} from './lookup.js';
import {checkLaunchPermission, imageUnavailable, type LaunchPermission, notAuthorizedForImage, requireParam, samePermission} from './rules.js';
import {wireTimestamp} from '../core/clock.js';
import type {Image} from '../core/types.js';

// ModifyImageAttribute / DescribeImageAttribute / ResetImageAttribute (aws-reference 3.9).

export const BLOCK_PUBLIC_SHARING =
	'You can\'t publicly share this image because block public access for AMIs is enabled for this account. To publicly share the image, you must call the DisableImageBlockPublicAccess API.';

const asArray = <T>(value: unknown): T[] => (value === undefined || value === null ? [] : ((Array.isArray(value) ? value : [value]) as T[]));

type Change = {add: LaunchPermission[]; remove: LaunchPermission[]};

/** Both request forms (LaunchPermission={Add,Remove} and --attribute launchPermission --operation-type ...) as one change. */
const launchPermissionChange = (params: Record<string, any>): Change | undefined => {
	if (params.LaunchPermission !== undefined) {
		const lp = params.LaunchPermission as {Add?: unknown; Remove?: unknown};
		return {
			add: asArray<Record<string, unknown>>(lp.Add).map(item => checkLaunchPermission(item)),
			remove: asArray<Record<string, unknown>>(lp.Remove).map(item => checkLaunchPermission(item)),
		};
	}

	const listed = params.UserIds !== undefined || params.UserGroups !== undefined || params.OrganizationArns !== undefined || params.OrganizationalUnitArns !== undefined;
	if (params.Attribute !== 'launchPermission' && !(params.Attribute === undefined && listed)) return undefined;
	const items = [
		...asArray<string>(params.UserGroups).map(Group => ({Group})),
		...asArray<string>(params.UserIds).map(UserId => ({UserId})),
		...asArray<string>(params.OrganizationArns).map(OrganizationArn => ({OrganizationArn})),
		...asArray<string>(params.OrganizationalUnitArns).map(OrganizationalUnitArn => ({OrganizationalUnitArn})),
	].map(item => checkLaunchPermission(item));
	if (params.OperationType === undefined) fail('MissingParameter', 'The request must contain the parameter OperationType');
	if (params.OperationType !== 'add' && params.OperationType !== 'remove') fail('InvalidParameterValue', `Value (${String(params.OperationType)}) for parameter operationType is invalid.`);
	return params.OperationType === 'add' ? {add: items, remove: []} : {add: [], remove: items};
};

const valueOf = (structure: unknown, attributeForm: unknown, params: Record<string, any>, name: string): string | undefined => {
	if (typeof structure === 'string') return structure;
	if (structure !== undefined && structure !== null) {
		const value = (structure as {Value?: unknown}).Value;
		return value === undefined ? '' : String(value);
	}

	return params.Attribute === name ? String(attributeForm ?? '') : undefined;
};

export const modifyImageAttribute = (ctx: OpContext, params: Record<string, any>): undefined => {
	requireParam(params, 'ImageId');
	const {world, region} = ctx;
	const change = launchPermissionChange(params);
	const description = valueOf(params.Description, params.Value, params, 'description');
	const imds = valueOf(params.ImdsSupport, params.Value, params, 'imdsSupport');
	const given = [change, description, imds].filter(v => v !== undefined).length;
	if (given === 0) {
		if (params.Attribute !== undefined && !['launchPermission', 'description', 'imdsSupport'].includes(String(params.Attribute))) {
			fail('InvalidParameterValue', `Value (${String(params.Attribute)}) for parameter attribute is invalid. Unknown attribute.`);
		}

		fail('MissingParameter', 'The request must contain the parameter LaunchPermission');
	}

	if (given > 1) fail('InvalidParameterCombination', 'Only one attribute can be modified at a time');

	const image = findOwnImage(world, region, params.ImageId);
	if (image.State !== 'available') imageUnavailable(image);

	if (change) {
		if (change.add.some(p => p.Group === 'all') && region.imageBlockPublicAccess === 'block-new-sharing') fail('OperationNotPermitted', BLOCK_PUBLIC_SHARING);
		for (const permission of change.add) {
			if (!image.LaunchPermissions.some(p => samePermission(p, permission))) image.LaunchPermissions.push(permission);
		}

		image.LaunchPermissions = image.LaunchPermissions.filter(p => !change.remove.some(r => samePermission(p, r)));
	} else if (description !== undefined) {
		image.Description = description;
	} else if (imds !== undefined) {
		if (imds !== 'v2.0') fail('InvalidParameterValue', `Value (${imds}) for parameter imdsSupport is invalid.`);
		image.ImdsSupport = imds;
	}

	return undefined;
};

const ATTRIBUTES = ['description', 'kernel', 'ramdisk', 'launchPermission', 'productCodes', 'blockDeviceMapping', 'sriovNetSupport', 'bootMode', 'tpmSupport', 'uefiData', 'lastLaunchedTime', 'imdsSupport', 'deregistrationProtection'];

const attributeValue = (value: string | undefined) => (value === undefined ? {} : {Value: value});

const permissionView = (p: LaunchPermission) => (p.Group ? {Group: p.Group} : p.UserId ? {UserId: p.UserId} : p.OrganizationArn ? {OrganizationArn: p.OrganizationArn} : {OrganizationalUnitArn: p.OrganizationalUnitArn});

const attributeOutput = (image: Image, attribute: string): Record<string, unknown> => {
	switch (attribute) {
		case 'description': {
			return {Description: attributeValue(image.Description)};
		}

		case 'kernel': {
			return {KernelId: attributeValue(image.KernelId)};
		}

		case 'ramdisk': {
			return {RamdiskId: attributeValue(image.RamdiskId)};
		}

		case 'launchPermission': {
			return {LaunchPermissions: image.LaunchPermissions.map(p => permissionView(p))};
		}

		case 'productCodes': {
			return {ProductCodes: image.ProductCodes.map(p => ({ProductCodeId: p.ProductCodeId, ProductCodeType: p.ProductCodeType}))};
		}

		case 'sriovNetSupport': {
			return {SriovNetSupport: attributeValue(image.SriovNetSupport)};
		}

		case 'bootMode': {
			return {BootMode: attributeValue(image.BootMode)};
		}

		case 'tpmSupport': {
			return {TpmSupport: {}};
		}

		case 'uefiData': {
			return {UefiData: {}};
		}

		case 'lastLaunchedTime': {
			return {LastLaunchedTime: attributeValue(image.lastLaunchedTime === undefined ? undefined : wireTimestamp(image.lastLaunchedTime))};
		}

		case 'imdsSupport': {
			return {ImdsSupport: attributeValue(image.ImdsSupport)};
		}

		default: {
			return {DeregistrationProtection: attributeValue(image.DeregistrationProtection ?? 'disabled')};
		}
	}
};

export const describeImageAttribute = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	requireParam(params, 'Attribute');
	requireParam(params, 'ImageId');
	const attribute = String(params.Attribute);
	if (!ATTRIBUTES.includes(attribute)) fail('InvalidRequest', 'The request received was invalid');
	const image = findVisibleImage(ctx.world, ctx.region, params.ImageId);
	if (attribute === 'blockDeviceMapping') fail('AuthFailure', 'Unauthorized attempt to access restricted resource');
	const ownerOnly = attribute === 'launchPermission' || attribute === 'lastLaunchedTime' || attribute === 'deregistrationProtection';
	if (ownerOnly && image.OwnerId !== ctx.world.account) notAuthorizedForImage(image.ImageId);
	return {ImageId: image.ImageId, ...attributeOutput(image, attribute)};
};

export const resetImageAttribute = (ctx: OpContext, params: Record<string, any>): undefined => {
	requireParam(params, 'Attribute');
	requireParam(params, 'ImageId');
	if (params.Attribute !== 'launchPermission') fail('InvalidRequest', 'The request received was invalid');
	const image = findOwnImage(ctx.world, ctx.region, params.ImageId);
	image.LaunchPermissions = [];
	return undefined;
};
