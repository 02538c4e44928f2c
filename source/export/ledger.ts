import {instanceHourly, HOURS_PER_MONTH, SNAPSHOT_GB_MONTH, VOLUME_GB_MONTH} from '../sim/billing/pricing.js';
import type {World} from '../sim/core/types.js';

// The ledger: session.sh writes one line per thing it makes, before or as it makes it, to
// created-resources.txt beside the scripts; cleanup.sh works from it. A line is
// KIND<tab>REGION<tab>VALUE. Everything session.sh makes also carries the tag
// ami-school-run=<run id> (and ami-school-step=<line>), so cleanup.sh also finds what a run made
// when it stopped between making a thing and writing it down.

export const LEDGER = 'created-resources.txt';
export const RUN_TAG = 'ami-school-run';
export const STEP_TAG = 'ami-school-step';

/** `run` (VALUE the run id), `region` (a Region the script works in), the resources, and `key-file` (a private key file it wrote). */
export type LedgerKind = 'run' | 'region' | 'instance' | 'image' | 'snapshot' | 'volume' | 'security-group' | 'key-pair' | 'key-file';

/** Public IPv4 addresses cost $0.005 per hour each since 1 February 2024 (in use or idle). */
export const PUBLIC_IPV4_HOURLY = 0.005;

export type CostEstimate = {instances: number; publicIpv4: number; addresses: number; storage: number; hourly: number};

/** What everything `world` holds beyond `start` would cost per hour if it were all left running. */
export const estimate = (start: World, world: World): CostEstimate => {
	let instances = 0;
	let addresses = 0;
	let storage = 0;
	for (const [region, state] of Object.entries(world.regions)) {
		const before = start.regions[region];
		for (const instance of state.instances.values()) {
			if (before?.instances.get(instance.InstanceId)) continue;
			instances += instanceHourly(instance.InstanceType);
			if (instance.PublicIpAddress) addresses++;
		}

		for (const volume of state.volumes.values()) if (!before?.volumes.get(volume.VolumeId)) storage += (volume.Size * (VOLUME_GB_MONTH[volume.VolumeType] ?? 0.08)) / HOURS_PER_MONTH;
		for (const snapshot of state.snapshots.values()) if (!before?.snapshots.get(snapshot.SnapshotId) && snapshot.OwnerId === world.account) storage += (snapshot.VolumeSize * SNAPSHOT_GB_MONTH) / HOURS_PER_MONTH;
	}

	const publicIpv4 = addresses * PUBLIC_IPV4_HOURLY;
	return {instances, publicIpv4, addresses, storage, hourly: instances + publicIpv4 + storage};
};

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** The cost banner's lines. */
export const costLines = (cost: CostEstimate): string[] => [
	`If everything this script makes were left running, it would cost about ${usd(cost.hourly)} per hour (${usd(cost.hourly * 24)} per day):`,
	`  instances ${usd(cost.instances)}/h, public IPv4 addresses ${usd(cost.publicIpv4)}/h (${cost.addresses} x $0.005, charged since February 2024),`,
	`  EBS volumes and snapshots ${usd(cost.storage)}/h. (us-east-1 on-demand list prices; other Regions differ.)`,
];

/** Price per hour of each instance type, as a bash `case` body for cleanup.sh's report of what is left. */
export const priceCase = (types: string[]): string[] => [...new Set(types)].sort().map(type => `    ${type.replaceAll(/[^\w.-]/g, '')}) echo ${instanceHourly(type)} ;;`);

export const VOLUME_GB_DAY = (VOLUME_GB_MONTH.gp3 * 24) / HOURS_PER_MONTH;
export const SNAPSHOT_GB_DAY = (SNAPSHOT_GB_MONTH * 24) / HOURS_PER_MONTH;
