import type {OpContext} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters, narrowByFilters, type Filter} from '../core/filters.js';
import {isImageVisibleTo} from './lookup.js';
import {IMAGE_FILTERS, IMAGE_INDEXES} from './filters.js';
import {amiMalformed, amiNotFound, isPublic} from './rules.js';
import {isWellFormedId} from '../core/ids.js';
import type {Table} from '../core/table.js';
import type {Image} from '../core/types.js';
import {imageView} from './view.js';

// DescribeImages (aws-reference 3.2). Without ImageIds/Owners/ExecutableUsers: every image the
// account can launch (own + public + shared with it). Output in creation order.

// A deregistered image, asked for by id (DescribeImages: "Recently deregistered images appear in
// the returned results for a short interval and then return empty results"): first it is still
// shown, State deregistered; then the answer is empty; an hour on, the id is not found.
/** How long a describe by id still shows a deregistered image (State deregistered). */
export const DEREGISTERED_LISTED_MS = 2 * 60_000;
/** How long a deregistered id still answers `[]` instead of NotFound ("recently deregistered"). */
export const DEREGISTERED_VISIBLE_MS = 3_600_000;

const asList = (value: unknown): string[] => (value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(v => String(v)));

const invalidUser = (value: string): never => fail('InvalidUserID.Malformed', `Invalid user id: "${value}"`);

const ownerTest = (owners: string[], account: string): ((image: Image) => boolean) | undefined => {
	if (owners.length === 0) return undefined;
	const tests = owners.map(owner => {
		if (owner === 'self') return (image: Image) => image.OwnerId === account;
		if (owner === 'amazon' || owner === 'aws-marketplace') return (image: Image) => image.ImageOwnerAlias === owner;
		if (owner === 'aws-backup-vault') return () => false;
		if (/^\d{12}$/.test(owner)) return (image: Image) => image.OwnerId === owner;
		return invalidUser(owner);
	});
	return image => tests.some(test => test(image));
};

/** `--owners self` or account IDs (the usual own-images describe): the owner index, not a scan. */
const byOwnerIndex = (images: Table<Image>, owners: string[], account: string): Image[] | undefined => {
	if (owners.length === 0 || !owners.every(owner => owner === 'self' || /^\d{12}$/.test(owner))) return undefined;
	return images.where(IMAGE_INDEXES['owner-id'], ...owners.map(owner => (owner === 'self' ? account : owner)));
};

const executableTest = (users: string[], account: string): ((image: Image) => boolean) | undefined => {
	if (users.length === 0) return undefined;
	const tests = users.map(user => {
		if (user === 'all') return (image: Image) => isPublic(image);
		const id = user === 'self' ? account : user;
		if (!/^\d{12}$/.test(id)) return invalidUser(user);
		return (image: Image) => image.LaunchPermissions.some(p => p.UserId === id);
	});
	return image => tests.some(test => test(image));
};

const isDeprecated = (image: Image, now: number): boolean => image.DeprecationTime !== undefined && Date.parse(image.DeprecationTime) <= now;

export const describeImages = (ctx: OpContext, params: Record<string, any>): Record<string, unknown> => {
	const {world, region, now} = ctx;
	const account = world.account;
	const ids = asList(params.ImageIds);
	for (const id of ids) {
		if (!isWellFormedId(id, 'ami')) amiMalformed(id);
	}

	const byOwner = ownerTest(asList(params.Owners), account);
	const byUser = executableTest(asList(params.ExecutableUsers), account);
	const byFilters = compileFilters<Image>(params.Filters as Filter[] | undefined, IMAGE_FILTERS);

	let candidates: Image[];
	if (ids.length > 0) {
		const missing = ids.filter(id => {
			const image = region.images.get(id);
			if (image && isImageVisibleTo(image, account)) return false;
			const gone = region.deregistered[id];
			return !(gone !== undefined && now - gone <= DEREGISTERED_VISIBLE_MS);
		});
		if (missing.length > 0) amiNotFound([...new Set(missing)]);
		const wanted = new Set(ids);
		// one id (the usual case) needs no scan; several keep the creation order
		candidates = wanted.size === 1 ? (region.images.has(ids[0]) ? [region.images.get(ids[0])!] : []) : region.images.values().filter(image => wanted.has(image.ImageId));
		for (const id of wanted) {
			const gone = region.recentlyDeregistered?.[id];
			const at = region.deregistered[id];
			if (gone && !region.images.get(id) && at !== undefined && now - at <= DEREGISTERED_LISTED_MS) candidates.push(gone);
		}
	} else {
		candidates = (narrowByFilters(region.images, params.Filters as Filter[] | undefined, IMAGE_INDEXES) ?? byOwnerIndex(region.images, asList(params.Owners), account) ?? region.images.values()).filter(image =>
			isImageVisibleTo(image, account),
		);
	}

	const images = candidates.filter(image => {
		if (!isImageVisibleTo(image, account)) return false;
		if (image.State === 'disabled' && params.IncludeDisabled !== true) return false;
		if (ids.length === 0 && image.OwnerId !== account && params.IncludeDeprecated !== true && isDeprecated(image, now)) return false;
		return (!byOwner || byOwner(image)) && (!byUser || byUser(image)) && byFilters(image);
	});
	return {Images: images.map(image => imageView(image, account))};
};
