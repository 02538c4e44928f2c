import {reviveWorld} from '../../source/sim/core/revive.js';
import {describe, expect, it} from 'vitest';
import {formatBill, formatHelp, formatLineage, parseGameCommand} from '../../source/game/commands.js';
import {worldWithAllRegions} from '../helpers/world.js';
import {lineage} from '../../source/sim/images/lineage.js';
import type {Image, Instance, Snapshot, World} from '../../source/sim/core/types.js';

/** A deep copy of a world to change by hand (its JSON form, read back as the sandbox file is). */
const cloneWorld = (world: World): World => reviveWorld(JSON.parse(JSON.stringify(world)));

const HOUR = 3_600_000;

const instance = (id: string, imageId: string, state: Instance['State'] = 'running', since?: number): Instance =>
	({InstanceId: id, ImageId: imageId, State: state, InstanceType: 't3.micro', Tags: [], billing: {billedMs: 0, since}}) as unknown as Instance;
const image = (world: World, id: string, extra: Partial<Image>): Image =>
	({ImageId: id, Name: 'web-v1', State: 'available', OwnerId: world.account, BlockDeviceMappings: [], Tags: [], ...extra}) as unknown as Image;
const snapshot = (world: World, id: string): Snapshot => ({SnapshotId: id, State: 'completed', VolumeSize: 8, OwnerId: world.account, Tags: [], billing: {billedMs: 0}}) as unknown as Snapshot;

/** i-src (from a public AMI) -> ami-1 (snap-1) -> copy ami-2 in eu-west-1 -> i-copy; ami-1 -> i-child -> ami-3 */
const family = (): World => {
	const world = cloneWorld(worldWithAllRegions());
	const east = world.regions['us-east-1'];
	const west = world.regions['eu-west-1'];
	east.instances.set('i-src', instance('i-src', 'ami-public', 'stopped'));
	east.images.set('ami-1', image(world, 'ami-1', {SourceInstanceId: 'i-src', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: 'snap-1'} as never}]}));
	east.snapshots.set('snap-1', snapshot(world, 'snap-1'));
	west.images.set('ami-2', image(world, 'ami-2', {State: 'pending', SourceImageId: 'ami-1', SourceImageRegion: 'us-east-1'}));
	west.instances.set('i-copy', instance('i-copy', 'ami-2'));
	east.instances.set('i-child', instance('i-child', 'ami-1'));
	east.images.set('ami-3', image(world, 'ami-3', {Name: 'web-v2', SourceInstanceId: 'i-child'}));
	return world;
};

describe('bill: the S3 bundle of an instance-store AMI', () => {
	it('is listed, as costing S3 storage outside this meter until deleted there', () => {
		const world = cloneWorld(worldWithAllRegions());
		expect(formatBill(world)).not.toContain('S3 bundle');
		world.regions['us-east-1'].images.set('ami-legacy', image(world, 'ami-legacy', {RootDeviceType: 'instance-store', ManifestLocation: 'hillside-bundles/lab-2012/image.manifest.xml'}));
		const bill = formatBill(world);
		expect(bill).toContain('◇ S3 bundle ami-legacy us-east-1  s3://hillside-bundles/lab-2012/image.manifest.xml');
		expect(bill).toContain('until you delete it there (deregister-image leaves it)');
	});
});

describe('lineage', () => {
	it('is empty on a fresh world (public images are not the player’s)', () => {
		expect(lineage(worldWithAllRegions())).toEqual([]);
		expect(formatLineage([])).toMatch(/^No images of yours yet/);
	});

	it('draws instance -> AMI -> snapshots, copies in other Regions, launches, and AMIs of those', () => {
		expect(formatLineage(lineage(family()))).toBe(
			[
				'i-src instance stopped t3.micro us-east-1',
				'└── ami-1 AMI "web-v1" available us-east-1',
				'    ├── snap-1 snapshot completed 8 GiB',
				'    ├── ami-2 AMI "web-v1" pending eu-west-1',
				'    │   └── i-copy instance running t3.micro eu-west-1',
				'    └── i-child instance running t3.micro us-east-1',
				'        └── ami-3 AMI "web-v2" available us-east-1',
			].join('\n'),
		);
	});

	it('an image whose source instance is gone is a root of its own, and nothing is listed twice', () => {
		const world = family();
		world.regions['us-east-1'].instances.delete('i-src');
		const roots = lineage(world);
		expect(roots.map(r => r.id)).toEqual(['ami-1']);
		const ids: string[] = [];
		const walk = (n: (typeof roots)[number]) => {
			ids.push(n.id);
			n.children.forEach(walk);
		};

		roots.forEach(walk);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('game commands', () => {
	it('recognises game words, leaves shell lines alone, and lets a remote shell have exit', () => {
		expect(parseGameCommand('  hint ')).toBe('hint');
		expect(parseGameCommand('quit')).toBe('exit');
		expect(parseGameCommand('hint me')).toBeUndefined();
		expect(parseGameCommand('aws ec2 describe-images')).toBeUndefined();
		expect(parseGameCommand('exit', {remote: true})).toBeUndefined();
		expect(parseGameCommand('bill', {remote: true})).toBe('bill');
	});

	it('help in the sandbox hides chapter-only commands', () => {
		expect(formatHelp({sandbox: false})).toMatch(/\n {2}solution +show/);
		expect(formatHelp({sandbox: true})).not.toMatch(/solution/);
	});

	it('bill lists live charges first with their hourly rate, using the pricing module', () => {
		const world = family();
		const east = world.regions['us-east-1'];
		east.instances.get('i-child')!.billing = {billedMs: 0, since: world.clock - HOUR};
		east.snapshots.get('snap-1')!.billing = {billedMs: 2 * HOUR};
		const bill = formatBill(world);
		const lines = bill.split('\n');
		// a running instance also pays for its public IPv4 address ($0.005/h since February 2024)
		expect(lines[0]).toBe('Spent so far $0.0165; accruing now $0.0154/h ($11.24 a month if left running).');
		expect(lines[1]).toMatch(/^ {2}● instance +i-child +us-east-1 +\$0\.0104 {2}\$0\.0104\/h$/);
		expect(lines[2]).toMatch(/^ {2}● ipv4 +i-child +us-east-1 +\$0\.0050 {2}\$0\.0050\/h$/);
		expect(lines[3]).toMatch(/^ {2}○ snapshot +snap-1 +us-east-1 +\$0\.0011 {2}not accruing$/);
	});
});

describe('bill shows what is not billed yet', () => {
	it('a pending instance is listed as not billed until running, alone or beside other charges', () => {
		const world = cloneWorld(worldWithAllRegions());
		world.regions['us-east-1'].instances.set('i-new', instance('i-new', 'ami-public', 'pending'));
		const alone = formatBill(world).split('\n');
		expect(alone[1]).toMatch(/^ {2}◌ instance +i-new +us-east-1 +not billed until running$/);
		expect(alone.at(-1)).toMatch(/^Nothing has cost anything yet/);
		const busy = family();
		busy.regions['us-east-1'].instances.set('i-new', instance('i-new', 'ami-public', 'pending'));
		busy.regions['us-east-1'].snapshots.get('snap-1')!.billing = {billedMs: 2 * HOUR};
		const lines = formatBill(busy).split('\n');
		expect(lines).toContainEqual(expect.stringMatching(/◌ instance +i-new .*not billed until running$/));
		// as wide as the other rows: it fits 80 columns
		for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(80);
		expect(lines.at(-1)).toBe('  ● still costing money   ○ no longer accruing   ◌ not billed yet');
	});
});
