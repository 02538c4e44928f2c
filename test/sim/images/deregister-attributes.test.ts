import {describe, expect, it} from 'vitest';
import {charges} from '../../../source/sim/billing/pricing.js';
import {findOwnImage, findVisibleImage, isImageVisibleTo} from '../../../source/sim/images/lookup.js';
import {AL2023, INSTANCE, REGION, after, commands, err, fresh, ok, publicImageId, withAvailableImage, withImage} from './fixture.js';
import {BLOCK_PUBLIC_ACCESS_CHANGE_MS} from '../../../source/sim/core/clock.js';
import {pendingItems} from '../../../source/sim/core/pending.js';
import {worldProblem} from '../../../source/sandbox/world-check.js';
import type {World} from '../../../source/sim/core/types.js';


const BLOCKED = 'You can\'t publicly share this image because block public access for AMIs is enabled for this account. To publicly share the image, you must call the DisableImageBlockPublicAccess API.';

/** Block public access disabled, and the change in force (it takes minutes). */
const unblocked = (world: World): World => after(ok(world, 'DisableImageBlockPublicAccess').world, BLOCK_PUBLIC_ACCESS_CHANGE_MS);

describe('DeregisterImage', () => {
	it('answers {Return: true}; the image goes, its snapshots stay and keep costing; instances untouched', () => {
		const {world, imageId} = withAvailableImage();
		const snapshotId = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		const r = ok(world, 'DeregisterImage', {ImageId: imageId});
		expect(r.output).toEqual({Return: true});
		expect(r.world.regions[REGION].images.get(imageId)!).toBeUndefined();
		expect(r.world.regions[REGION].deregistered[imageId]).toBe(r.world.clock);
		expect(r.world.regions[REGION].snapshots.get(snapshotId)!).toBeDefined();
		expect(r.world.regions[REGION].instances.get(INSTANCE)!).toEqual(world.regions[REGION].instances.get(INSTANCE)!);
		const later = commands(r.world, 50);
		expect(charges(later).find(c => c.resourceId === snapshotId)?.live).toBe(true);
	});

	it('DeleteAssociatedSnapshots deletes them, closes their bill and reports each', () => {
		const {world, imageId} = withAvailableImage({dataVolume: true});
		const snapshots = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings.map(m => m.Ebs!.SnapshotId!);
		const r = ok(commands(world, 10), 'DeregisterImage', {ImageId: imageId, DeleteAssociatedSnapshots: true});
		expect(r.output).toEqual({Return: true, DeleteSnapshotResults: snapshots.map(SnapshotId => ({SnapshotId, ReturnCode: 'success'}))});
		for (const id of snapshots) expect(r.world.regions[REGION].snapshots.get(id)!).toBeUndefined();
		const closed = r.world.closedCharges.filter(c => snapshots.includes(c.resourceId));
		expect(closed).toHaveLength(2);
		expect(charges(r.world).filter(c => snapshots.includes(c.resourceId)).every(c => !c.live)).toBe(true);
	});

	it('DeleteAssociatedSnapshots skips a snapshot another AMI still uses', () => {
		const {world, imageId} = withAvailableImage();
		const snapshotId = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		const second = ok(world, 'RegisterImage', {Name: 'same-snap', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}]}).world;
		const r = ok(second, 'DeregisterImage', {ImageId: imageId, DeleteAssociatedSnapshots: true});
		expect(r.output.DeleteSnapshotResults).toEqual([{SnapshotId: snapshotId, ReturnCode: 'skipped'}]);
		expect(r.world.regions[REGION].snapshots.get(snapshotId)!).toBeDefined();
	});

	it('a pending image can be deregistered', () => {
		const {world, imageId} = withImage();
		ok(world, 'DeregisterImage', {ImageId: imageId});
	});

	it('errors: unknown, malformed, deregistered twice, not owned', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'DeregisterImage', {ImageId: 'ami-0123456789abcdef0'})).toEqual({code: 'InvalidAMIID.NotFound', message: 'The image id \'[ami-0123456789abcdef0]\' does not exist'});
		expect(err(world, 'DeregisterImage', {ImageId: 'ami-xyz'})).toEqual({code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ami-xyz" (expecting "ami-...")'});
		const gone = ok(world, 'DeregisterImage', {ImageId: imageId}).world;
		expect(err(gone, 'DeregisterImage', {ImageId: imageId})).toEqual({code: 'InvalidAMIID.Unavailable', message: `The image id '[${imageId}]' is no longer available`});
		const amazon = publicImageId(world, AL2023);
		expect(err(world, 'DeregisterImage', {ImageId: amazon})).toEqual({code: 'AuthFailure', message: `Not authorized for image:${amazon}`});
		expect(err(world, 'DeregisterImage', {ImageId: imageId}, 'eu-west-1').code).toBe('InvalidAMIID.NotFound');
	});

	it('DryRun', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'DeregisterImage', {ImageId: imageId, DryRun: true}).code).toBe('DryRunOperation');
	});
});

describe('ModifyImageAttribute launch permissions', () => {
	it('shares with an account (idempotent) and unshares; no output', () => {
		const {world, imageId} = withAvailableImage();
		const add = {ImageId: imageId, LaunchPermission: {Add: [{UserId: '111122223333'}]}};
		const once = ok(world, 'ModifyImageAttribute', add);
		expect(once.output).toEqual({});
		const twice = ok(once.world, 'ModifyImageAttribute', add).world;
		expect(twice.regions[REGION].images.get(imageId)!.LaunchPermissions).toEqual([{UserId: '111122223333'}]);
		expect(ok(twice, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'launchPermission'}).output).toEqual({ImageId: imageId, LaunchPermissions: [{UserId: '111122223333'}]});
		const removed = ok(twice, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Remove: [{UserId: '111122223333'}]}}).world;
		expect(removed.regions[REGION].images.get(imageId)!.LaunchPermissions).toEqual([]);
		ok(removed, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Remove: [{UserId: '111122223333'}]}});
	});

	it('making an image public is blocked by default (block public access for AMIs)', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{Group: 'all'}]}})).toEqual({code: 'OperationNotPermitted', message: BLOCKED});
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId, Attribute: 'launchPermission', OperationType: 'add', UserGroups: ['all']}).code).toBe('OperationNotPermitted');
	});

	it('public after unblocking: Public true, visible to executable-users all; Remove makes it private again', () => {
		const {world, imageId} = withAvailableImage();
		const open = ok(unblocked(world), 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{Group: 'all'}]}}).world;
		expect(ok(open, 'DescribeImages', {ImageIds: [imageId]}).output.Images[0].Public).toBe(true);
		expect(ok(open, 'DescribeImages', {ExecutableUsers: ['all'], Owners: ['self']}).output.Images).toHaveLength(1);
		const closed = ok(open, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Remove: [{Group: 'all'}]}}).world;
		expect(ok(closed, 'DescribeImages', {ImageIds: [imageId]}).output.Images[0].Public).toBe(false);
	});

	it('the older --attribute/--operation-type form', () => {
		const {world, imageId} = withAvailableImage();
		const shared = ok(world, 'ModifyImageAttribute', {ImageId: imageId, Attribute: 'launchPermission', OperationType: 'add', UserIds: ['111122223333', '444455556666']}).world;
		expect(shared.regions[REGION].images.get(imageId)!.LaunchPermissions).toEqual([{UserId: '111122223333'}, {UserId: '444455556666'}]);
		const less = ok(shared, 'ModifyImageAttribute', {ImageId: imageId, Attribute: 'launchPermission', OperationType: 'remove', UserIds: ['111122223333']}).world;
		expect(less.regions[REGION].images.get(imageId)!.LaunchPermissions).toEqual([{UserId: '444455556666'}]);
	});

	it('organization ARNs', () => {
		const {world, imageId} = withAvailableImage();
		const arn = 'arn:aws:organizations::123456789012:organization/o-abcdefghij';
		const r = ok(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{OrganizationArn: arn}]}});
		expect(ok(r.world, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'launchPermission'}).output.LaunchPermissions).toEqual([{OrganizationArn: arn}]);
	});

	it('invalid items: exact texts, and nothing applied (all-or-nothing)', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{UserId: '111122223333'}, {Group: 'everyone'}]}})).toEqual({
			code: 'InvalidAMIAttributeItemValue',
			message: 'Invalid attribute item value "everyone" for UserGroup item type.',
		});
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{UserId: '1234'}]}})).toEqual({
			code: 'InvalidAMIAttributeItemValue',
			message: 'Invalid attribute item value "1234" for userId item type.',
		});
	});

	it('errors: unknown, not owned, pending, nothing to modify', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'ModifyImageAttribute', {ImageId: 'ami-0123456789abcdef0', LaunchPermission: {Add: [{UserId: '111122223333'}]}}).code).toBe('InvalidAMIID.NotFound');
		const amazon = publicImageId(world, AL2023);
		expect(err(world, 'ModifyImageAttribute', {ImageId: amazon, LaunchPermission: {Add: [{UserId: '111122223333'}]}})).toEqual({code: 'AuthFailure', message: `Not authorized for image:${amazon}`});
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId})).toEqual({code: 'MissingParameter', message: 'The request must contain the parameter LaunchPermission'});
		const pending = withImage({id: 'i-0aaaaaaaaaaaaaaa2', name: 'web-v2'});
		expect(err(pending.world, 'ModifyImageAttribute', {ImageId: pending.imageId, LaunchPermission: {Add: [{UserId: '111122223333'}]}})).toEqual({
			code: 'InvalidAMIID.Unavailable',
			message: `The AMI ID '${pending.imageId}' is currently pending and may not be used for this operation`,
		});
	});

	it('DryRun', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{UserId: '111122223333'}]}, DryRun: true}).code).toBe('DryRunOperation');
	});
});

describe('ModifyImageAttribute description and IMDS support', () => {
	it('Description={Value} and the --attribute description --value form', () => {
		const {world, imageId} = withAvailableImage();
		const a = ok(world, 'ModifyImageAttribute', {ImageId: imageId, Description: {Value: 'Web server v1'}}).world;
		expect(ok(a, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'description'}).output).toEqual({ImageId: imageId, Description: {Value: 'Web server v1'}});
		const b = ok(a, 'ModifyImageAttribute', {ImageId: imageId, Attribute: 'description', Value: 'v1.1'}).world;
		expect(b.regions[REGION].images.get(imageId)!.Description).toBe('v1.1');
	});

	it('ImdsSupport v2.0', () => {
		const {world, imageId} = withAvailableImage({imageName: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260818'});
		const r = ok(world, 'ModifyImageAttribute', {ImageId: imageId, ImdsSupport: {Value: 'v2.0'}});
		expect(ok(r.world, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'imdsSupport'}).output).toEqual({ImageId: imageId, ImdsSupport: {Value: 'v2.0'}});
	});
});

describe('DescribeImageAttribute / ResetImageAttribute', () => {
	it('answers each attribute with its own member', () => {
		const {world, imageId} = withAvailableImage();
		const attr = (Attribute: string) => ok(world, 'DescribeImageAttribute', {ImageId: imageId, Attribute}).output;
		expect(attr('launchPermission')).toEqual({ImageId: imageId, LaunchPermissions: []});
		expect(attr('description')).toEqual({ImageId: imageId, Description: {}});
		expect(attr('productCodes')).toEqual({ImageId: imageId, ProductCodes: []});
		expect(attr('bootMode')).toEqual({ImageId: imageId, BootMode: {Value: 'uefi-preferred'}});
		expect(attr('sriovNetSupport')).toEqual({ImageId: imageId, SriovNetSupport: {Value: 'simple'}});
		expect(attr('kernel')).toEqual({ImageId: imageId, KernelId: {}});
		expect(attr('deregistrationProtection')).toEqual({ImageId: imageId, DeregistrationProtection: {Value: 'disabled'}});
		expect(attr('lastLaunchedTime')).toEqual({ImageId: imageId, LastLaunchedTime: {}});
	});

	it('blockDeviceMapping is refused with AuthFailure (a real AWS quirk); unknown attributes are InvalidRequest', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'blockDeviceMapping'})).toEqual({code: 'AuthFailure', message: 'Unauthorized attempt to access restricted resource'});
		expect(err(world, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'colour'})).toEqual({code: 'InvalidRequest', message: 'The request received was invalid'});
		expect(err(world, 'DescribeImageAttribute', {ImageId: 'ami-0123456789abcdef0', Attribute: 'description'}).code).toBe('InvalidAMIID.NotFound');
	});

	it('launch permissions of someone else\'s image are not ours to read', () => {
		const world = fresh();
		const amazon = publicImageId(world, AL2023);
		expect(err(world, 'DescribeImageAttribute', {ImageId: amazon, Attribute: 'launchPermission'})).toEqual({code: 'AuthFailure', message: `Not authorized for image:${amazon}`});
		expect(ok(world, 'DescribeImageAttribute', {ImageId: amazon, Attribute: 'description'}).output.Description).toEqual({Value: 'Amazon Linux 2023 AMI 2023.9.20260825.0 x86_64 HVM kernel-6.1'});
	});

	it('ResetImageAttribute launchPermission makes the image private again; no output', () => {
		const {world, imageId} = withAvailableImage();
		const shared = ok(unblocked(world), 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{Group: 'all'}, {UserId: '111122223333'}]}}).world;
		const r = ok(shared, 'ResetImageAttribute', {ImageId: imageId, Attribute: 'launchPermission'});
		expect(r.output).toEqual({});
		expect(r.world.regions[REGION].images.get(imageId)!.LaunchPermissions).toEqual([]);
		expect(err(shared, 'ResetImageAttribute', {ImageId: imageId, Attribute: 'description'}).code).toBe('InvalidRequest');
	});
});

describe('image block public access', () => {
	const state = (world: World, region = REGION) => ok(world, 'GetImageBlockPublicAccessState', {}, region).output.ImageBlockPublicAccessState as string;

	it('starts as block-new-sharing in every Region; disable/enable per Region', () => {
		const world = fresh();
		expect(ok(world, 'GetImageBlockPublicAccessState').output).toEqual({ImageBlockPublicAccessState: 'block-new-sharing', ManagedBy: 'account'});
		const off = ok(world, 'DisableImageBlockPublicAccess');
		expect(off.output).toEqual({ImageBlockPublicAccessState: 'unblocked'});
		expect(state(after(off.world, BLOCK_PUBLIC_ACCESS_CHANGE_MS))).toBe('unblocked');
		expect(state(after(off.world, BLOCK_PUBLIC_ACCESS_CHANGE_MS), 'eu-west-1')).toBe('block-new-sharing');
		const on = ok(unblocked(world), 'EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'block-new-sharing'});
		expect(on.output).toEqual({ImageBlockPublicAccessState: 'block-new-sharing'});
		expect(state(after(on.world, BLOCK_PUBLIC_ACCESS_CHANGE_MS))).toBe('block-new-sharing');
		expect(err(off.world, 'EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'unblocked'}).code).toBe('InvalidParameterValue');
		expect(err(world, 'DisableImageBlockPublicAccess', {DryRun: true}).code).toBe('DryRunOperation');
	});

	it('a change takes minutes (up to 10 in EC2): until then the old state is reported and applies', () => {
		const {world, imageId} = withAvailableImage();
		const off = ok(world, 'DisableImageBlockPublicAccess').world;
		// the next moment: still blocked, and sharing publicly is still refused
		expect(state(off)).toBe('block-new-sharing');
		expect(err(off, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{Group: 'all'}]}})).toEqual({code: 'OperationNotPermitted', message: BLOCKED});
		expect(state(after(off, BLOCK_PUBLIC_ACCESS_CHANGE_MS - 1))).toBe('block-new-sharing');
		expect(BLOCK_PUBLIC_ACCESS_CHANGE_MS).toBeGreaterThan(60_000);
		expect(BLOCK_PUBLIC_ACCESS_CHANGE_MS).toBeLessThanOrEqual(10 * 60_000);
		// in force: unblocked, and the share works
		const later = after(off, BLOCK_PUBLIC_ACCESS_CHANGE_MS);
		expect(state(later)).toBe('unblocked');
		const shared = ok(later, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{Group: 'all'}]}});
		expect(shared.output).toEqual({});
		// enabling again: images already public stay public, new public sharing is blocked once in force
		const on = ok(shared.world, 'EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'block-new-sharing'}).world;
		expect(state(on)).toBe('unblocked');
		expect(state(after(on, BLOCK_PUBLIC_ACCESS_CHANGE_MS))).toBe('block-new-sharing');
		expect(ok(after(on, BLOCK_PUBLIC_ACCESS_CHANGE_MS), 'DescribeImages', {ImageIds: [imageId]}).output.Images[0].Public).toBe(true);
	});

	it('a request for the state in force cancels one under way; the game sees the change coming', () => {
		const world = fresh();
		const off = ok(world, 'DisableImageBlockPublicAccess').world;
		expect(pendingItems(off).map(item => item.text)).toEqual(['block public access for AMIs becoming unblocked (us-east-1)']);
		const back = ok(off, 'EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'block-new-sharing'}).world;
		expect(pendingItems(back)).toEqual([]);
		expect(state(after(back, BLOCK_PUBLIC_ACCESS_CHANGE_MS))).toBe('block-new-sharing');
		// and a saved world with the change under way is a world the model can run
		expect(worldProblem(JSON.parse(JSON.stringify(off)))).toBeUndefined();
	});
});

describe('images-lookup helpers (for RunInstances)', () => {
	it('findVisibleImage: exact Malformed/NotFound errors; pending images are returned', () => {
		const {world, imageId} = withImage();
		const region = world.regions[REGION];
		expect(findVisibleImage(world, region, imageId).State).toBe('pending');
		expect(() => findVisibleImage(world, region, 'snap-0123456789abcdef0')).toThrow('Invalid id: "snap-0123456789abcdef0" (expecting "ami-...")');
		expect(() => findVisibleImage(world, region, 'ami-0123456789abcdef0')).toThrow('The image id \'[ami-0123456789abcdef0]\' does not exist');
		expect(() => findOwnImage(world, region, publicImageId(world, AL2023))).toThrow('Not authorized for image:');
		expect(isImageVisibleTo(region.images.get(publicImageId(world, AL2023))!, '999999999999')).toBe(true);
		expect(isImageVisibleTo(region.images.get(imageId)!, '999999999999')).toBe(false);
	});
});
