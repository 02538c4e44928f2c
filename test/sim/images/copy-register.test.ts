import {describe, expect, it} from 'vitest';
import {produce} from 'immer';
import {CROSS_REGION_COPY_PENDING_MS} from '../../../source/sim/core/clock.js';
import {ACCOUNT, AL2023, REGION, after, commands, err, fresh, ok, publicImageId, withAvailableImage, withImage} from './fixture.js';


const DEST = 'eu-west-1';

describe('CopyImage', () => {
	it('makes a distinct pending AMI in the destination, owned by us, that becomes available', () => {
		const {world, imageId} = withAvailableImage({params: {TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'Env', Value: 'dev'}]}]}});
		const r = ok(world, 'CopyImage', {Name: 'web-v1-dr', SourceImageId: imageId, SourceRegion: REGION}, DEST);
		expect(Object.keys(r.output)).toEqual(['ImageId']);
		const copyId = r.output.ImageId as string;
		expect(copyId).not.toBe(imageId);
		const copy = r.world.regions[DEST].images.get(copyId)!;
		expect(copy).toMatchObject({State: 'pending', OwnerId: ACCOUNT, SourceImageId: imageId, SourceImageRegion: REGION, Name: 'web-v1-dr', ImageLocation: `${ACCOUNT}/web-v1-dr`, LaunchPermissions: [], Tags: []});
		expect(r.world.regions[REGION].images.get(copyId)!).toBeUndefined();
		// a copy from another Region is pending for minutes, longer than one in the same Region
		expect(after(r.world, CROSS_REGION_COPY_PENDING_MS - 1).regions[DEST].images.get(copyId)!.State).toBe('pending');
		expect(after(r.world, CROSS_REGION_COPY_PENDING_MS).regions[DEST].images.get(copyId)!.State).toBe('available');
		const view = ok(after(r.world, CROSS_REGION_COPY_PENDING_MS), 'DescribeImages', {ImageIds: [copyId]}, DEST).output.Images[0];
		expect(view).toMatchObject({SourceImageId: imageId, SourceImageRegion: REGION, Public: false});
	});

	it('new snapshots in the destination: copied description, vol-ffffffff, disk copied, billed', () => {
		const {world, imageId} = withAvailableImage();
		const sourceSnapshot = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		const r = ok(world, 'CopyImage', {Name: 'web-v1', SourceImageId: imageId, SourceRegion: REGION}, DEST);
		const copy = r.world.regions[DEST].images.get(r.output.ImageId as string)!;
		const snapshot = r.world.regions[DEST].snapshots.get(copy.BlockDeviceMappings[0].Ebs!.SnapshotId!)!;
		expect(snapshot.Description).toBe(`Copied for DestinationAmi ${copy.ImageId} from SourceAmi ${imageId} for SourceSnapshot ${sourceSnapshot}. Task created on 1,788,249,900,000.`);
		expect(r.world.clock).toBe(1_788_249_900_000);
		expect(snapshot).toMatchObject({VolumeId: 'vol-ffffffff', State: 'pending', OwnerId: ACCOUNT, VolumeSize: 8, Encrypted: false});
		expect(snapshot.disk?.packages).toContain('httpd');
		expect(snapshot.billing.since).toBe(r.world.clock);
		expect(r.world.regions[REGION].snapshots.get(sourceSnapshot)!).toBeDefined();
	});

	it('copies within the same Region too, and copies an Amazon AMI into our ownership', () => {
		const world = fresh();
		const source = publicImageId(world, AL2023);
		const r = ok(world, 'CopyImage', {Name: 'my-al2023', SourceImageId: source, SourceRegion: REGION});
		const copy = r.world.regions[REGION].images.get(r.output.ImageId as string)!;
		expect(copy.ImageId).not.toBe(source);
		expect(copy.OwnerId).toBe(ACCOUNT);
		expect(copy.ImageOwnerAlias).toBeUndefined();
	});

	it('an AMI shared with us: launch permission lets us launch it, copying needs its snapshot shared too', () => {
		const NEIGHBOUR = '210987654321';
		const base = fresh();
		const imageId = publicImageId(base, AL2023);
		// the neighbour's image, shared with our account by a launch permission only
		const shared = produce(base, draft => {
			const image = draft.regions[REGION].images.get(imageId)!;
			image.OwnerId = NEIGHBOUR;
			image.ImageOwnerAlias = undefined;
			image.LaunchPermissions = [{UserId: ACCOUNT}];
			const snapshot = draft.regions[REGION].snapshots.get(image.BlockDeviceMappings[0].Ebs!.SnapshotId!)!;
			snapshot.OwnerId = NEIGHBOUR;
			snapshot.createVolumePermissions = [];
		});
		expect(ok(shared, 'RunInstances', {ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}).output.Instances).toHaveLength(1);
		const copy = {Name: 'neighbour-copy', SourceImageId: imageId, SourceRegion: REGION};
		expect(err(shared, 'CopyImage', copy, DEST)).toEqual({code: 'InvalidRequest', message: 'You do not have permission to access the storage of this ami'});
		// the owner adds our account to the snapshot's createVolumePermission: now we may copy
		const readable = produce(shared, draft => {
			const image = draft.regions[REGION].images.get(imageId)!;
			draft.regions[REGION].snapshots.get(image.BlockDeviceMappings[0].Ebs!.SnapshotId!)!.createVolumePermissions = [{UserId: ACCOUNT}];
		});
		expect(ok(readable, 'CopyImage', copy, DEST).output.ImageId).toMatch(/^ami-/);
		// Amazon's public AMIs have public snapshots; the look-alike community image's owner kept its snapshot private
		expect(ok(base, 'CopyImage', {...copy, SourceImageId: imageId}, DEST).output.ImageId).toMatch(/^ami-/);
		const lookAlike = publicImageId(base, 'al2023-ami-2023-FAST-free-premium-tools-x86_64');
		expect(err(base, 'CopyImage', {...copy, SourceImageId: lookAlike}, DEST).message).toBe('You do not have permission to access the storage of this ami');
	});

	it('tags only with CopyImageTags; TagSpecifications add tags', () => {
		const {world, imageId} = withAvailableImage({params: {TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'Env', Value: 'dev'}]}]}});
		const plain = ok(world, 'CopyImage', {Name: 'a-copy', SourceImageId: imageId, SourceRegion: REGION}, DEST);
		expect(plain.world.regions[DEST].images.get(plain.output.ImageId as string)!.Tags).toEqual([]);
		const tagged = ok(world, 'CopyImage', {Name: 'a-copy', SourceImageId: imageId, SourceRegion: REGION, CopyImageTags: true, TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'Copy', Value: 'yes'}]}]}, DEST);
		expect(tagged.world.regions[DEST].images.get(tagged.output.ImageId as string)!.Tags).toEqual([{Key: 'Env', Value: 'dev'}, {Key: 'Copy', Value: 'yes'}]);
	});

	it('launch permissions are not copied', () => {
		const {world, imageId} = withAvailableImage();
		const shared = ok(world, 'ModifyImageAttribute', {ImageId: imageId, LaunchPermission: {Add: [{UserId: '111122223333'}]}}).world;
		const r = ok(shared, 'CopyImage', {Name: 'a-copy', SourceImageId: imageId, SourceRegion: REGION}, DEST);
		expect(r.world.regions[DEST].images.get(r.output.ImageId as string)!.LaunchPermissions).toEqual([]);
	});

	it('Encrypted: snapshots encrypted with the default key or the one given', () => {
		const {world, imageId} = withAvailableImage();
		const r = ok(world, 'CopyImage', {Name: 'enc', SourceImageId: imageId, SourceRegion: REGION, Encrypted: true}, DEST);
		const copy = r.world.regions[DEST].images.get(r.output.ImageId as string)!;
		expect(copy.BlockDeviceMappings[0].Ebs!.Encrypted).toBe(true);
		const snapshot = r.world.regions[DEST].snapshots.get(copy.BlockDeviceMappings[0].Ebs!.SnapshotId!)!;
		expect(snapshot.Encrypted).toBe(true);
		expect(snapshot.KmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/);
		const own = ok(world, 'CopyImage', {Name: 'enc', SourceImageId: imageId, SourceRegion: REGION, Encrypted: true, KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'}, DEST);
		const ownCopy = own.world.regions[DEST].images.get(own.output.ImageId as string)!;
		expect(own.world.regions[DEST].snapshots.get(ownCopy.BlockDeviceMappings[0].Ebs!.SnapshotId!)!.KmsKeyId).toBe('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
	});

	it('errors: KmsKeyId without Encrypted', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'CopyImage', {Name: 'enc', SourceImageId: imageId, SourceRegion: REGION, KmsKeyId: 'alias/aws/ebs'}, DEST)).toEqual({
			code: 'InvalidParameterDependency',
			message: 'The parameter [KmsKeyId] requires the parameter Encrypted to be set.',
		});
	});

	it('errors: unknown source id, or the wrong source Region', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'CopyImage', {Name: 'x-copy', SourceImageId: 'ami-0123456789abcdef0', SourceRegion: REGION}, DEST)).toEqual({code: 'InvalidAMIID.NotFound', message: 'The image id \'[ami-0123456789abcdef0]\' does not exist'});
		expect(err(world, 'CopyImage', {Name: 'x-copy', SourceImageId: imageId, SourceRegion: 'us-west-2'}, DEST).message).toBe(`The image id '[${imageId}]' does not exist`);
		expect(err(world, 'CopyImage', {Name: 'x-copy', SourceImageId: 'ami-bad', SourceRegion: REGION}, DEST).code).toBe('InvalidAMIID.Malformed');
	});

	it('errors: a Marketplace AMI', () => {
		const world = fresh();
		const lms = publicImageId(world, 'classcloud-lms-4.2.1-al2023-x86_64');
		expect(err(world, 'CopyImage', {Name: 'lms-copy', SourceImageId: lms, SourceRegion: REGION}, DEST)).toEqual({code: 'InvalidRequest', message: 'Images from AWS Marketplace cannot be copied to another AWS account.'});
	});

	it('errors: the source is still pending', () => {
		const {world, imageId} = withImage();
		expect(err(world, 'CopyImage', {Name: 'x-copy', SourceImageId: imageId, SourceRegion: REGION}, DEST).code).toBe('InvalidAMIID.Unavailable');
	});

	it('errors: bad name, name in use in the destination', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'CopyImage', {Name: 'x', SourceImageId: imageId, SourceRegion: REGION}, DEST).code).toBe('InvalidAMIName.Malformed');
		expect(err(world, 'CopyImage', {Name: 'web-v1', SourceImageId: imageId, SourceRegion: REGION}).message).toBe(`AMI name web-v1 is already in use by AMI ${imageId}`);
		ok(world, 'CopyImage', {Name: 'web-v1', SourceImageId: imageId, SourceRegion: REGION}, DEST);
	});

	it('DryRun', () => {
		const {world, imageId} = withAvailableImage();
		expect(err(world, 'CopyImage', {Name: 'x-copy', SourceImageId: imageId, SourceRegion: REGION, DryRun: true}, DEST).code).toBe('DryRunOperation');
	});
});

describe('RegisterImage', () => {
	const completedSnapshot = () => {
		const {world, imageId} = withAvailableImage();
		const snapshotId = world.regions[REGION].images.get(imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		return {world, snapshotId};
	};

	it('from an EBS snapshot: available at once, model defaults, volume size from the snapshot', () => {
		const {world, snapshotId} = completedSnapshot();
		const r = ok(world, 'RegisterImage', {Name: 'from-snap', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}]});
		expect(Object.keys(r.output)).toEqual(['ImageId']);
		const image = r.world.regions[REGION].images.get(r.output.ImageId as string)!;
		expect(image).toMatchObject({State: 'available', RootDeviceType: 'ebs', RootDeviceName: '/dev/xvda', Architecture: 'i386', VirtualizationType: 'paravirtual', OwnerId: ACCOUNT, ImageLocation: `${ACCOUNT}/from-snap`});
		expect(image.BlockDeviceMappings[0].Ebs).toMatchObject({SnapshotId: snapshotId, VolumeSize: 8, DeleteOnTermination: true, Encrypted: false});
	});

	it('takes Architecture, VirtualizationType, EnaSupport, BootMode, Description, tags; the size may grow', () => {
		const {world, snapshotId} = completedSnapshot();
		const r = ok(world, 'RegisterImage', {
			Name: 'from-snap',
			Description: 'registered',
			Architecture: 'x86_64',
			VirtualizationType: 'hvm',
			EnaSupport: true,
			BootMode: 'uefi',
			RootDeviceName: '/dev/xvda',
			BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId, VolumeSize: 30, VolumeType: 'gp3'}}],
			TagSpecifications: [{ResourceType: 'image', Tags: [{Key: 'k', Value: 'v'}]}],
		});
		const image = r.world.regions[REGION].images.get(r.output.ImageId as string)!;
		expect(image).toMatchObject({Architecture: 'x86_64', VirtualizationType: 'hvm', EnaSupport: true, BootMode: 'uefi', Description: 'registered', Tags: [{Key: 'k', Value: 'v'}]});
		expect(image.BlockDeviceMappings[0].Ebs).toMatchObject({VolumeSize: 30, VolumeType: 'gp3'});
	});

	it('errors: shrinking below the snapshot, unknown/malformed/pending snapshot, missing root mapping', () => {
		const {world, snapshotId} = completedSnapshot();
		const base = {Name: 'from-snap', RootDeviceName: '/dev/xvda'};
		expect(err(world, 'RegisterImage', {...base, BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId, VolumeSize: 4}}]})).toEqual({
			code: 'InvalidBlockDeviceMapping',
			message: `Volume of size 4GB is smaller than snapshot '${snapshotId}', expect size >= 8GB`,
		});
		expect(err(world, 'RegisterImage', {...base, BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: 'snap-0123456789abcdef0'}}]})).toEqual({
			code: 'InvalidSnapshot.NotFound',
			message: 'The snapshot \'snap-0123456789abcdef0\' does not exist.',
		});
		expect(err(world, 'RegisterImage', {...base, BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: 'snap-xyz'}}]}).code).toBe('InvalidSnapshotID.Malformed');
		expect(err(world, 'RegisterImage', {...base, BlockDeviceMappings: [{DeviceName: '/dev/sdb', Ebs: {SnapshotId: snapshotId}}]}).code).toBe('InvalidBlockDeviceMapping');
		const pending = withImage();
		const pendingSnapshot = pending.world.regions[REGION].images.get(pending.imageId)!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		expect(err(pending.world, 'RegisterImage', {Name: 'from-snap', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: pendingSnapshot}}]})).toEqual({
			code: 'IncorrectState',
			message: 'Snapshot is in invalid state - pending',
		});
	});

	it('errors: another owner\'s snapshot (a public image\'s) is not found', () => {
		const world = fresh();
		const amazonSnapshot = world.regions[REGION].images.get(publicImageId(world, AL2023))!.BlockDeviceMappings[0].Ebs!.SnapshotId!;
		expect(err(world, 'RegisterImage', {Name: 'steal', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: amazonSnapshot}}]}).code).toBe('InvalidSnapshot.NotFound');
	});

	it('errors: bad or duplicate name, nothing to register from', () => {
		const {world, snapshotId} = completedSnapshot();
		const mapping = {RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId}}]};
		expect(err(world, 'RegisterImage', {Name: 'a', ...mapping}).code).toBe('InvalidAMIName.Malformed');
		expect(err(world, 'RegisterImage', {Name: 'web-v1', ...mapping}).code).toBe('InvalidAMIName.Duplicate');
		expect(err(world, 'RegisterImage', {Name: 'nothing'}).code).toBe('MissingParameter');
	});

	it('instance-store from an S3 manifest: available, root instance-store, disk template kept', () => {
		const r = ok(fresh(), 'RegisterImage', {Name: 'bundle-v1', ImageLocation: 'my-bucket/bundles/image.manifest.xml', Architecture: 'x86_64'});
		const image = r.world.regions[REGION].images.get(r.output.ImageId as string)!;
		expect(image).toMatchObject({State: 'available', RootDeviceType: 'instance-store', ImageLocation: 'my-bucket/bundles/image.manifest.xml', Architecture: 'x86_64'});
		expect(image.disk?.os).toBeTruthy();
		const view = ok(r.world, 'DescribeImages', {Owners: ['self']}).output.Images[0];
		expect(view.RootDeviceType).toBe('instance-store');
		expect(ok(r.world, 'DescribeImages', {Filters: [{Name: 'manifest-location', Values: ['my-bucket/*']}]}).output.Images).toHaveLength(1);
	});

	it('a paravirtual image carries the kernel it boots: in describe-images, the kernel attribute, its filter and its instances', () => {
		const r = ok(fresh(), 'RegisterImage', {Name: 'legacy-pv', ImageLocation: 'my-bucket/bundles/image.manifest.xml', Architecture: 'x86_64', VirtualizationType: 'paravirtual', KernelId: 'aki-919dcaf8'});
		const imageId = r.output.ImageId as string;
		expect(ok(r.world, 'DescribeImages', {ImageIds: [imageId]}).output.Images[0]).toMatchObject({KernelId: 'aki-919dcaf8', VirtualizationType: 'paravirtual'});
		expect(ok(r.world, 'DescribeImageAttribute', {ImageId: imageId, Attribute: 'kernel'}).output.KernelId).toEqual({Value: 'aki-919dcaf8'});
		expect(ok(r.world, 'DescribeImages', {Filters: [{Name: 'kernel-id', Values: ['aki-919dcaf8']}]}).output.Images).toHaveLength(1);
		const launched = ok(r.world, 'RunInstances', {ImageId: imageId, InstanceType: 'm1.small', MinCount: 1, MaxCount: 1});
		expect(launched.output.Instances[0].KernelId).toBe('aki-919dcaf8');
		expect(err(fresh(), 'RegisterImage', {Name: 'legacy-pv', ImageLocation: 'my-bucket/bundles/image.manifest.xml', KernelId: 'ami-919dcaf8'}).code).toBe('InvalidParameterValue');
	});

	it('DryRun', () => {
		expect(err(fresh(), 'RegisterImage', {Name: 'bundle-v1', ImageLocation: 'my-bucket/image.manifest.xml', DryRun: true}).code).toBe('DryRunOperation');
	});

	it('is all-or-nothing: a failed register leaves the id counter alone', () => {
		const world = produce(fresh(), () => undefined);
		err(world, 'RegisterImage', {Name: 'x'});
		expect(world.idCounter).toBe(fresh().idCounter);
	});
});
