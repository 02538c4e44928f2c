import type {OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters} from '../core/filters.js';
import {REGIONS_IN_RESPONSE_ORDER, endpointFor, isDefaultRegion} from './regions.js';
import {optionalBoolean, stringList} from '../core/resource-params.js';
import type {World} from '../core/types.js';

// DescribeRegions (aws-reference 1.3, 3.14). The 17 default Regions need no opt-in; an opt-in
// Region is `opted-in` once the world holds it, `not-opted-in` otherwise. Without
// --all-regions (or naming it) a Region that is not enabled is left out.

type RegionRow = {RegionName: string; Endpoint: string; OptInStatus: string; Tags?: undefined};

const optInStatus = (world: World, name: string): string => {
	if (isDefaultRegion(name)) return 'opt-in-not-required';
	return world.regions[name] ? 'opted-in' : 'not-opted-in';
};

const describeRegions: OpHandler = (ctx, params) => {
	const names = stringList(params.RegionNames, 'RegionName');
	const all = optionalBoolean(params.AllRegions) ?? false;
	const known = REGIONS_IN_RESPONSE_ORDER;
	const matches = compileFilters<RegionRow>(params.Filters, {
		endpoint: row => row.Endpoint,
		'opt-in-status': row => row.OptInStatus,
		'region-name': row => row.RegionName,
	});
	let rows: RegionRow[] = known.map(name => ({OptInStatus: optInStatus(ctx.world, name), RegionName: name, Endpoint: endpointFor(name)}));
	if (names && names.length > 0) {
		const unknown = names.filter(name => !known.includes(name));
		if (unknown.length > 0) fail('InvalidParameterValue', `Invalid region: [${unknown.join(', ')}]`);
		rows = rows.filter(row => names.includes(row.RegionName));
	} else if (!all) {
		rows = rows.filter(row => row.OptInStatus !== 'not-opted-in');
	}

	return {Regions: rows.filter(row => matches(row))};
};

export const regionOperations: Record<string, OpHandler> = {
	DescribeRegions: describeRegions,
};
