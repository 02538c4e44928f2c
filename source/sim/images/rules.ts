import {isDraft, isModified, original} from 'immer';
import {IMAGE_INDEXES} from './filters.js';
import {fail} from '../core/errors.js';
import {isWellFormedId} from '../core/ids.js';
import type {Image, RegionState} from '../core/types.js';
import {missing} from '../core/resource-params.js';

// Rules shared by the image operations: AMI names, ids, launch
// permissions. Messages are the ones EC2 prints (aws-reference 1.2, 3.1, 3.2, 3.9).

/** CreateImage/RegisterImage/CopyImage `Name` (model doc: 3-128 of these characters). */
const NAME_PATTERN = /^[A-Za-z\d()[\] ./'@_-]{3,128}$/;

export const AMI_NAME_MALFORMED = 'AMI names must be between 3 and 128 characters long, and may contain letters, numbers, \'(\', \')\', \'.\', \'-\', \'/\' and \'_\'';

export const requireParam = (params: Record<string, unknown>, name: string): void => {
	const value = params[name];
	if (value === undefined || value === null || value === '') missing(name);
};

export const checkAmiName = (name: unknown): string => {
	if (typeof name !== 'string' || !NAME_PATTERN.test(name)) fail('InvalidAMIName.Malformed', AMI_NAME_MALFORMED);
	return name as string;
};

/** Names are unique among this account's (not deregistered) images in the Region. */
export const checkNameFree = (region: RegionState, account: string, name: string): void => {
	for (const image of region.images.where(IMAGE_INDEXES.name, name)) {
		if (image.OwnerId === account) fail('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${image.ImageId}`);
	}
};

export const amiMalformed = (id: string): never => fail('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);

export {amiNotFound} from '../core/not-found.js';

export const checkAmiId = (id: unknown): string => {
	if (typeof id !== 'string' || !isWellFormedId(id, 'ami')) amiMalformed(String(id));
	return id as string;
};

/** Owner-only operations on someone else's image (real EC2 text, no space after the colon). */
export const notAuthorizedForImage = (id: string): never => fail('AuthFailure', `Not authorized for image:${id}`);

/** `The AMI ID 'ami-…' is currently pending and may not be used for this operation` */
export const imageUnavailable = (image: Image): never =>
	fail('InvalidAMIID.Unavailable', `The AMI ID '${image.ImageId}' is currently ${image.State} and may not be used for this operation`);

/** Public is derived from the launch permissions: `Group=all` present. */
export const isPublic = (image: Image): boolean => image.LaunchPermissions.some(p => p.Group === 'all');

export type LaunchPermission = Image['LaunchPermissions'][number];

const ORGANIZATION_ARN = /^arn:aws[\w-]*:organizations::\d{12}:organization\/o-[a-z\d]{10,32}$/;
const OU_ARN = /^arn:aws[\w-]*:organizations::\d{12}:ou\/o-[a-z\d]{10,32}\/ou-[a-z\d]{4,32}-[a-z\d]{8,32}$/;

const itemError = (value: unknown, type: string): never => fail('InvalidAMIAttributeItemValue', `Invalid attribute item value "${String(value)}" for ${type} item type.`);

/** Validates one launch permission item (Group=all, UserId=12 digits, organization ARNs). */
export const checkLaunchPermission = (item: Record<string, unknown>): LaunchPermission => {
	if (item.Group !== undefined) {
		if (item.Group !== 'all') itemError(item.Group, 'UserGroup');
		return {Group: 'all'};
	}

	if (item.UserId !== undefined) {
		if (typeof item.UserId !== 'string' || !/^\d{12}$/.test(item.UserId)) itemError(item.UserId, 'userId');
		return {UserId: item.UserId as string};
	}

	if (item.OrganizationArn !== undefined) {
		if (typeof item.OrganizationArn !== 'string' || !ORGANIZATION_ARN.test(item.OrganizationArn)) itemError(item.OrganizationArn, 'OrganizationArn');
		return {OrganizationArn: item.OrganizationArn as string};
	}

	if (item.OrganizationalUnitArn !== undefined) {
		if (typeof item.OrganizationalUnitArn !== 'string' || !OU_ARN.test(item.OrganizationalUnitArn)) itemError(item.OrganizationalUnitArn, 'OrganizationalUnitArn');
		return {OrganizationalUnitArn: item.OrganizationalUnitArn as string};
	}

	return fail('InvalidParameterValue', 'Launch permission item must specify a group, a user id or an organization');
};

export const samePermission = (a: LaunchPermission, b: LaunchPermission): boolean =>
	a.Group === b.Group && a.UserId === b.UserId && a.OrganizationArn === b.OrganizationArn && a.OrganizationalUnitArn === b.OrganizationalUnitArn;

/**
 * A deep copy of plain data read from an immer draft. A draft this command has not changed is
 * copied from the plain object behind it: serialising the draft itself would make a proxy of every
 * nested object (a disk's files), which costs ten times the copy.
 */
export const clonePlain = <T>(value: T): T => {
	if (value === undefined) return value;
	const plain = isDraft(value) && !isModified(value) ? original(value as never) : value;
	return JSON.parse(JSON.stringify(plain)) as T;
};
