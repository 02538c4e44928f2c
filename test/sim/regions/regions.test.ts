import {describe, expect, it} from 'vitest';
import {harness} from '../resources-fixture.js';

describe('DescribeRegions', () => {
	it('lists the 17 enabled Regions with OptInStatus, RegionName, Endpoint', () => {
		const regions = harness().ok('DescribeRegions')!.Regions;
		expect(regions).toHaveLength(17);
		expect(regions).toContainEqual({OptInStatus: 'opt-in-not-required', RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com'});
		expect(regions.every((r: {OptInStatus: string}) => r.OptInStatus === 'opt-in-not-required')).toBe(true);
	});

	it('answers in the order the real call does, not alphabetically', () => {
		const names = harness().ok('DescribeRegions')!.Regions.map((r: {RegionName: string}) => r.RegionName);
		expect(names).toEqual(['ap-south-1', 'eu-north-1', 'eu-west-3', 'eu-west-2', 'eu-west-1', 'ap-northeast-3', 'ap-northeast-2', 'ap-northeast-1', 'ca-central-1', 'sa-east-1', 'ap-southeast-1', 'ap-southeast-2', 'eu-central-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
		const all = harness().ok('DescribeRegions', {AllRegions: true})!.Regions.map((r: {RegionName: string}) => r.RegionName);
		expect(all.slice(0, 5)).toEqual(['af-south-1', 'ap-south-1', 'eu-north-1', 'eu-west-3', 'eu-south-1']);
		expect(new Set(all).size).toBe(34);
	});

	it('adds the 17 opt-in Regions with --all-regions', () => {
		const regions = harness().ok('DescribeRegions', {AllRegions: true})!.Regions;
		expect(regions).toHaveLength(34);
		expect(regions).toContainEqual({OptInStatus: 'not-opted-in', RegionName: 'af-south-1', Endpoint: 'ec2.af-south-1.amazonaws.com'});
	});

	it('filters by endpoint with wildcards, opt-in-status and region-name', () => {
		const h = harness();
		const names = (params: Record<string, unknown>) => h.ok('DescribeRegions', params)!.Regions.map((r: {RegionName: string}) => r.RegionName);
		expect(names({Filters: [{Name: 'endpoint', Values: ['*us*']}]})).toEqual(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
		expect(names({AllRegions: true, Filters: [{Name: 'opt-in-status', Values: ['not-opted-in']}]})).toHaveLength(17);
		expect(names({Filters: [{Name: 'region-name', Values: ['eu-*']}]})).toEqual(['eu-north-1', 'eu-west-3', 'eu-west-2', 'eu-west-1', 'eu-central-1']);
		expect(names({RegionNames: ['eu-west-1', 'af-south-1']})).toEqual(['af-south-1', 'eu-west-1']);
	});

	it('refuses unknown Region names', () => {
		expect(harness().err('DescribeRegions', {RegionNames: ['us--east-1']})).toEqual({code: 'InvalidParameterValue', message: 'Invalid region: [us--east-1]'});
	});
});
