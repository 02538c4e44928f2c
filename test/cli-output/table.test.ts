// Expected tables come from the real formatter (awscli/formatter.py TableFormatter + awscli/table.py,
// colour off, terminal width 80) run on the same data.
import {describe, expect, it} from 'vitest';
import {formatTable} from '../../source/cli/output/table.js';
import {regions, reservations, twoImages} from './fixtures.js';

const table = (rows: string[]): string => rows.map((row) => row + '\n').join('');

describe('formatTable (awscli/table.py)', () => {
	it('an empty list gives just the title box (reference 1.6)', () => {
		expect(formatTable({Images: []}, 'DescribeImages')).toBe('----------------\n|DescribeImages|\n+--------------+\n');
	});

	it('prints nothing for an empty response', () => {
		expect(formatTable({}, 'CreateTags')).toBe('');
		expect(formatTable(null, 'DescribeImages')).toBe('');
	});

	it('a multiselect-hash query gives sorted columns AMI | ID | State | Type', () => {
		expect(formatTable([{AMI: 'ami-1', ID: 'i-1', State: 'running', Type: 't3.micro'}, {AMI: 'ami-2', ID: 'i-2', State: 'stopped', Type: 't2.micro'}], 'DescribeImages')).toBe(table([
			'-----------------------------------------',
			'|            DescribeImages             |',
			'+-------+------+-----------+------------+',
			'|  AMI  | ID   |   State   |   Type     |',
			'+-------+------+-----------+------------+',
			'|  ami-1|  i-1 |  running  |  t3.micro  |',
			'|  ami-2|  i-2 |  stopped  |  t2.micro  |',
			'+-------+------+-----------+------------+',
		]));
	});

	it('a list of lists prints rows without headers', () => {
		expect(formatTable([['ami-1', 'golden', 'available'], ['ami-2', 'x', 'pending']], 'DescribeImages')).toBe(table([
			'----------------------------------',
			'|         DescribeImages         |',
			'+-------+----------+-------------+',
			'|  ami-1|  golden  |  available  |',
			'|  ami-2|  x       |  pending    |',
			'+-------+----------+-------------+',
		]));
	});

	it('describe-regions: a titled section with sorted headers', () => {
		expect(formatTable(regions, 'DescribeImages')).toBe(table([
			'------------------------------------------------------------------------',
			'|                            DescribeImages                            |',
			'+----------------------------------------------------------------------+',
			'||                               Regions                              ||',
			'|+------------------------------+-----------------------+-------------+|',
			'||           Endpoint           |      OptInStatus      | RegionName  ||',
			'|+------------------------------+-----------------------+-------------+|',
			'||  ec2.us-east-1.amazonaws.com |  opt-in-not-required  |  us-east-1  ||',
			'||  ec2.eu-west-1.amazonaws.com |  opt-in-not-required  |  eu-west-1  ||',
			'|+------------------------------+-----------------------+-------------+|',
		]));
	});

	it('nested boxes for reservations > instances > state/tags', () => {
		expect(formatTable(reservations, 'DescribeImages')).toBe(table([
			'--------------------------------',
			'|        DescribeImages        |',
			'+------------------------------+',
			'||        Reservations        ||',
			'|+----------+-----------------+|',
			'||  OwnerId |  ReservationId  ||',
			'|+----------+-----------------+|',
			'||  123     |  r-1            ||',
			'|+----------+-----------------+|',
			'|||         Instances        |||',
			'||+--------------------------+||',
			'|||        InstanceId        |||',
			'||+--------------------------+||',
			'|||  i-1                     |||',
			'||+--------------------------+||',
			'||||     SecurityGroups     ||||',
			'|||+----------+-------------+|||',
			'||||  GroupId |  GroupName  ||||',
			'|||+----------+-------------+|||',
			'||||  sg-1    |  default    ||||',
			'|||+----------+-------------+|||',
			'||||          State         ||||',
			'|||+---------+--------------+|||',
			'||||  Code   |    Name      ||||',
			'|||+---------+--------------+|||',
			'||||  16     |  running     ||||',
			'|||+---------+--------------+|||',
			'||||          Tags          ||||',
			'|||+----------+-------------+|||',
			'||||    Key   |    Value    ||||',
			'|||+----------+-------------+|||',
			'||||  Name    |  web        ||||',
			'|||+----------+-------------+|||',
			'|||         Instances        |||',
			'||+--------------------------+||',
			'|||        InstanceId        |||',
			'||+--------------------------+||',
			'|||  i-2                     |||',
			'||+--------------------------+||',
			'||||          State         ||||',
			'|||+---------+--------------+|||',
			'||||  Code   |    Name      ||||',
			'|||+---------+--------------+|||',
			'||||  80     |  stopped     ||||',
			'|||+---------+--------------+|||',
		]));
	});

	it('too wide for the terminal: single-row sections turn vertical', () => {
		expect(formatTable(twoImages, 'DescribeImages', 80)).toBe(table([
			'------------------------------------------------------------------------------------------',
			'|                                     DescribeImages                                     |',
			'+----------------------------------------------------------------------------------------+',
			'||                                        Images                                        ||',
			'|+------------------------------+-------------------------------------------------------+|',
			'||  Architecture                |  x86_64                                               ||',
			'||  CreationDate                |  2026-09-01T08:00:00.000Z                             ||',
			'||  Description                 |  None                                                 ||',
			'||  ImageId                     |  ami-0abcdef1234567890                                ||',
			'||  Name                        |  golden-v1                                            ||',
			'||  OwnerId                     |  123456789012                                         ||',
			'||  Public                      |  False                                                ||',
			'||  State                       |  available                                            ||',
			'|+------------------------------+-------------------------------------------------------+|',
			'|||                                 BlockDeviceMappings                                |||',
			'||+-------------------------------------------+----------------------------------------+||',
			'|||  DeviceName                               |  /dev/xvda                             |||',
			'||+-------------------------------------------+----------------------------------------+||',
			'||||                                        Ebs                                       ||||',
			'|||+-------------------------------------+--------------------------------------------+|||',
			'||||  DeleteOnTermination                |  True                                      ||||',
			'||||  Encrypted                          |  False                                     ||||',
			'||||  SnapshotId                         |  snap-066877671789bd71b                    ||||',
			'||||  VolumeSize                         |  8                                         ||||',
			'||||  VolumeType                         |  gp3                                       ||||',
			'|||+-------------------------------------+--------------------------------------------+|||',
			'|||                                        Tags                                        |||',
			'||+------------------------------------+-----------------------------------------------+||',
			'|||                 Key                |                     Value                     |||',
			'||+------------------------------------+-----------------------------------------------+||',
			'|||  Name                              |  golden                                       |||',
			'|||  team                              |  web                                          |||',
			'||+------------------------------------+-----------------------------------------------+||',
			'||                                        Images                                        ||',
			'|+--------------+-----------------------------------------------------------------------+|',
			'||  Architecture|  arm64                                                                ||',
			'||  CreationDate|                                                                       ||',
			'||  Description |                                                                       ||',
			'||  ImageId     |  ami-0123456789abcdef0                                                ||',
			'||  Name        |  second one with a much longer name to force scaling of the columns   ||',
			'||  OwnerId     |  123456789012                                                         ||',
			'||  Public      |  True                                                                 ||',
			'||  State       |  pending                                                              ||',
			'|+--------------+-----------------------------------------------------------------------+|',
		]));
	});

	it('a dict with one scalar prints as a key/value row', () => {
		expect(formatTable({StateReason: {Code: 'x', Message: 'y'}, Only: 'one'}, 'DescribeImages')).toBe(table([
			'-----------------------',
			'|   DescribeImages    |',
			'+----------+----------+',
			'|  Only    |  one     |',
			'+----------+----------+',
			'||    StateReason    ||',
			'|+-------+-----------+|',
			'|| Code  |  Message  ||',
			'|+-------+-----------+|',
			'||  x    |  y        ||',
			'|+-------+-----------+|',
		]));
	});

	it('measures wide characters as two columns', () => {
		expect(formatTable({Name: '日本語のイメージ', Size: 1.5}, 'DescribeImages')).toBe(table([
			'------------------------------',
			'|       DescribeImages       |',
			'+-------------------+--------+',
			'|       Name        | Size   |',
			'+-------------------+--------+',
			'|  日本語のイメージ |  1.5   |',
			'+-------------------+--------+',
		]));
	});

	it('fails like table.py on ragged rows', () => {
		expect(() => formatTable([[1, 2], [3]], 'DescribeImages')).toThrow('Row should have 2 elements, instead it has 1');
	});
});
