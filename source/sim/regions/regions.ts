// The standard partition's Regions (aws-reference 1.3): 17 enabled by default, 17 opt-in.

export const DEFAULT_REGIONS = [
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'ca-central-1',
	'sa-east-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'eu-central-1',
	'eu-north-1',
	'ap-south-1',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-southeast-1',
	'ap-southeast-2',
] as const;

export const OPT_IN_REGIONS = [
	'af-south-1',
	'ap-east-1',
	'ap-east-2',
	'ap-south-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-6',
	'ap-southeast-7',
	'ca-west-1',
	'eu-central-2',
	'eu-south-1',
	'eu-south-2',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'mx-central-1',
] as const;

export const DEFAULT_REGION = 'us-east-1';

/**
 * The order DescribeRegions answers in (not alphabetical, not by launch date): the 17 default
 * Regions as real accounts see them, with the opt-in Regions where an --all-regions answer puts
 * them. The positions of af-south-1, eu-south-1, me-south-1, me-central-1, ap-east-1 and
 * ap-southeast-3 are observed; the 11 newer opt-in Regions, whose positions we have not seen,
 * follow at the end in alphabetical order.
 */
const OBSERVED_ORDER = [
	'af-south-1', 'ap-south-1', 'eu-north-1', 'eu-west-3', 'eu-south-1', 'eu-west-2', 'eu-west-1', 'ap-northeast-3',
	'ap-northeast-2', 'me-south-1', 'ap-northeast-1', 'me-central-1', 'ca-central-1', 'sa-east-1', 'ap-east-1',
	'ap-southeast-1', 'ap-southeast-2', 'eu-central-1', 'ap-southeast-3', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];
export const REGIONS_IN_RESPONSE_ORDER: readonly string[] = [
	...OBSERVED_ORDER,
	...[...DEFAULT_REGIONS, ...OPT_IN_REGIONS].filter(name => !OBSERVED_ORDER.includes(name)).sort(),
];

export const isDefaultRegion = (name: string): boolean => (DEFAULT_REGIONS as readonly string[]).includes(name);
export const isOptInRegion = (name: string): boolean => (OPT_IN_REGIONS as readonly string[]).includes(name);

/** Availability Zones we model in each Region (three is enough for every lesson). */
export const availabilityZones = (region: string): string[] => ['a', 'b', 'c'].map(letter => `${region}${letter}`);

export const endpointFor = (region: string): string => `ec2.${region}.amazonaws.com`;
