import type {Billing, ChargeKind, Instance, Snapshot, Volume, World} from '../core/types.js';

// Simulated on-demand prices in USD (close to us-east-1 list prices; the same in every
// Region to keep lessons simple). They make the cost of forgotten resources visible.

export const HOURS_PER_MONTH = 730;

export const INSTANCE_HOURLY: Record<string, number> = {
	't2.nano': 0.0058,
	't2.micro': 0.0116,
	't2.small': 0.023,
	't2.medium': 0.0464,
	't3.nano': 0.0052,
	't3.micro': 0.0104,
	't3.small': 0.0208,
	't3.medium': 0.0416,
	't3.large': 0.0832,
	't4g.nano': 0.0042,
	't4g.micro': 0.0084,
	't4g.small': 0.0168,
	't4g.medium': 0.0336,
	'm5.large': 0.096,
	'm5.xlarge': 0.192,
	'm6i.large': 0.096,
	'm7g.large': 0.0816,
	'c5.large': 0.085,
	'c6g.large': 0.068,
	'r5.large': 0.126,
	'm1.small': 0.044,
	'm1.medium': 0.087,
	't1.micro': 0.02,
	'c1.medium': 0.13,
	'm3.medium': 0.067,
	'm3.large': 0.133,
	'c3.large': 0.105,
	'c4.large': 0.1,
	'm4.large': 0.1,
	't2.large': 0.0928,
	't3a.micro': 0.0094,
};

/** USD per hour of a size step, for the types without a list price above (a large is 0.10, each step up doubles it). */
const SIZE_STEPS: Record<string, number> = {nano: 1 / 16, micro: 1 / 8, small: 1 / 4, medium: 1 / 2, large: 1, xlarge: 2};

/**
 * The on-demand price we charge: the list price where the table has one, else an approximation
 * from the size alone ($0.10/h for a large, doubling per step, a `metal` as a 24xlarge; Graviton
 * types 20 % less). Documented in the README as an approximation.
 */
export const instanceHourly = (type: string): number => {
	const listed = INSTANCE_HOURLY[type];
	if (listed !== undefined) return listed;
	const [family = '', size = ''] = type.split('.');
	const multiple = /^(\d+)xlarge$/.exec(size);
	const steps = SIZE_STEPS[size] ?? (multiple ? 2 * Number(multiple[1]) : 48);
	const graviton = /^[a-z]+\d+g/.test(family) || family === 'a1';
	return Math.round(0.1 * steps * (graviton ? 0.8 : 1) * 10_000) / 10_000;
};

/** EBS gp3/gp2 storage per GB-month, and snapshot storage per GB-month. */
export const VOLUME_GB_MONTH: Record<string, number> = {gp3: 0.08, gp2: 0.1, io1: 0.125, io2: 0.125, standard: 0.05, st1: 0.045, sc1: 0.015};
export const SNAPSHOT_GB_MONTH = 0.05;

/**
 * A public IPv4 address costs $0.005 per hour (since 1 February 2024), in use or idle. Every
 * instance here gets one while it runs (released on stop, a new one on start), so it pays for the
 * address exactly the hours its instance is billed.
 */
export const PUBLIC_IPV4_HOURLY = 0.005;

/** Windows licence per vCPU-hour is folded into one hourly figure per instance. */
export const WINDOWS_LICENCE_HOURLY = 0.0092;

export type Charge = {resourceId: string; region: string; kind: ChargeKind; hourly: number; usd: number; live: boolean};

const hours = (ms: number) => ms / 3_600_000;
const billedHours = (billing: Billing, now: number) => hours(billing.billedMs + (billing.since === undefined ? 0 : now - billing.since));

/** Starts billing a resource (it becomes billable now). */
export const startBilling = (billing: Billing, now: number): void => {
	if (billing.since === undefined) billing.since = now;
};

/** Stops billing a resource (kept for the bill). */
export const stopBilling = (billing: Billing, now: number): void => {
	if (billing.since !== undefined) {
		billing.billedMs += now - billing.since;
		billing.since = undefined;
	}
};

const instanceRates = (instance: Instance): Array<[ChargeKind, number]> => {
	const rates: Array<[ChargeKind, number]> = [['instance', instanceHourly(instance.InstanceType)], ['ipv4', PUBLIC_IPV4_HOURLY]];
	if (instance.licencePricePerHour) rates.push(['licence', instance.licencePricePerHour]);
	if (instance.softwarePricePerHour) rates.push(['software', instance.softwarePricePerHour]);
	return rates;
};

const volumeHourly = (volume: Volume) => (volume.Size * (VOLUME_GB_MONTH[volume.VolumeType] ?? 0.08)) / HOURS_PER_MONTH;
const snapshotHourly = (snapshot: Snapshot) => (snapshot.VolumeSize * SNAPSHOT_GB_MONTH) / HOURS_PER_MONTH;

/** Every charge so far: live resources (with what they cost per hour now) and closed ones. */
export const charges = (world: World): Charge[] => {
	const now = world.clock;
	const list: Charge[] = [];
	for (const [region, state] of Object.entries(world.regions)) {
		for (const instance of state.instances.values()) {
			const h = billedHours(instance.billing, now);
			for (const [kind, rate] of instanceRates(instance)) {
				if (h === 0 && instance.billing.since === undefined) continue;
				list.push({resourceId: instance.InstanceId, region, kind, hourly: instance.billing.since === undefined ? 0 : rate, usd: rate * h, live: instance.billing.since !== undefined});
			}
		}

		for (const volume of state.volumes.values()) {
			const rate = volumeHourly(volume);
			list.push({resourceId: volume.VolumeId, region, kind: 'volume', hourly: volume.billing.since === undefined ? 0 : rate, usd: rate * billedHours(volume.billing, now), live: volume.billing.since !== undefined});
		}

		for (const snapshot of state.snapshots.values()) {
			if (snapshot.OwnerId !== world.account) continue; // public images' snapshots are on Amazon's bill
			const rate = snapshotHourly(snapshot);
			list.push({resourceId: snapshot.SnapshotId, region, kind: 'snapshot', hourly: snapshot.billing.since === undefined ? 0 : rate, usd: rate * billedHours(snapshot.billing, now), live: snapshot.billing.since !== undefined});
		}
	}

	for (const closed of world.closedCharges) list.push({...closed, hourly: 0, live: false});
	return list;
};

/** USD per hour the world is costing right now. */
export const hourlyRate = (world: World): number => charges(world).reduce((sum, c) => sum + c.hourly, 0);

/** USD accrued since the world began. */
export const totalCost = (world: World): number => charges(world).reduce((sum, c) => sum + c.usd, 0);

/**
 * Closes the bill of a resource that goes away (deleted snapshot or volume, terminated
 * instance): what it cost stays on the bill, it costs nothing more.
 */
export const closeBilling = (world: World, region: string, resource: Instance | Volume | Snapshot, now: number): void => {
	stopBilling(resource.billing, now);
	const h = hours(resource.billing.billedMs);
	let rates: Array<[ChargeKind, number]>;
	let resourceId: string;
	if ('InstanceId' in resource) {
		rates = instanceRates(resource);
		resourceId = resource.InstanceId;
	} else if ('Size' in resource) {
		rates = [['volume', volumeHourly(resource)]];
		resourceId = resource.VolumeId;
	} else {
		rates = resource.OwnerId === world.account ? [['snapshot', snapshotHourly(resource)]] : [];
		resourceId = resource.SnapshotId;
	}

	for (const [kind, rate] of rates) {
		if (rate * h > 0) world.closedCharges.push({resourceId, region, kind, usd: rate * h});
	}

	resource.billing.billedMs = 0;
};
