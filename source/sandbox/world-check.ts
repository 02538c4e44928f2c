// Is this value a world the model can run? Checked on everything loaded from disk (the sandbox
// file, a saved chapter in progress) before the model sees it. It returns where the first problem
// is ("regions.us-east-1.instances.i-0abc.State is 5, not one of …"), so a damaged file can be
// reported and set aside instead of crashing the model later. The checks follow source/sim/core/types.ts.

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'tags' | readonly string[];
type Spec = Record<string, Kind>;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const show = (value: unknown): string => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const problemOf = (value: unknown, kind: Kind): string | undefined => {
	if (Array.isArray(kind)) return typeof value === 'string' && kind.includes(value) ? undefined : `is ${show(value)}, not one of ${kind.join(', ')}`;
	switch (kind) {
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : `is ${show(value)}, not a number`;
		case 'string':
		case 'boolean':
			return typeof value === kind ? undefined : `is ${show(value)}, not a ${kind}`;
		case 'array':
			return Array.isArray(value) ? undefined : `is ${show(value)}, not a list`;
		case 'object':
			return isObject(value) ? undefined : `is ${show(value)}, not an object`;
		case 'tags': {
			if (!Array.isArray(value)) return `is ${show(value)}, not a list of tags`;
			const bad = value.findIndex(tag => !isObject(tag) || typeof tag.Key !== 'string' || typeof tag.Value !== 'string');
			return bad === -1 ? undefined : `[${bad}] is ${show(value[bad])}, not a tag`;
		}
	}

	return undefined;
};

/** Required fields must be there with their kind; optional ones (name ending in ?) only when present. */
const checkFields = (where: string, value: unknown, spec: Spec): string | undefined => {
	if (!isObject(value)) return `${where} is ${show(value)}, not an object`;
	for (const [field, kind] of Object.entries(spec)) {
		const optional = field.endsWith('?');
		const name = optional ? field.slice(0, -1) : field;
		const present = Object.hasOwn(value, name) && value[name] !== undefined && value[name] !== null;
		if (!present) {
			if (optional) continue;
			return `${where}.${name} is missing`;
		}

		const problem = problemOf(value[name], kind);
		if (problem) return `${where}.${name}${problem.startsWith('[') ? '' : ' '}${problem}`;
	}

	return undefined;
};

const billing: Spec = {billedMs: 'number', 'since?': 'number'};
const STATES = {
	image: ['pending', 'available', 'failed', 'deregistered', 'disabled'],
	instance: ['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped'],
	volume: ['creating', 'available', 'in-use', 'deleting', 'deleted', 'error'],
	snapshot: ['pending', 'completed', 'error'],
} as const;

type Collection = {id: string; spec: Spec; nested?: Record<string, Spec>; lists?: Record<string, Spec>};

const COLLECTIONS: Record<string, Collection> = {
	images: {
		id: 'ImageId',
		spec: {ImageId: 'string', Name: 'string', OwnerId: 'string', State: STATES.image, CreationDate: 'number', Architecture: 'string', RootDeviceName: 'string', RootDeviceType: ['ebs', 'instance-store'], BlockDeviceMappings: 'array', LaunchPermissions: 'array', ProductCodes: 'array', Tags: 'tags', 'readyAt?': 'number'},
		lists: {BlockDeviceMappings: {DeviceName: 'string', 'Ebs?': 'object'}, LaunchPermissions: {}, ProductCodes: {ProductCodeId: 'string'}},
	},
	instances: {
		id: 'InstanceId',
		spec: {InstanceId: 'string', ImageId: 'string', State: STATES.instance, InstanceType: 'string', LaunchTime: 'number', RootDeviceType: ['ebs', 'instance-store'], volumes: 'array', SecurityGroupIds: 'array', SubnetId: 'string', AvailabilityZone: 'string', Tags: 'tags', ProductCodes: 'array', billing: 'object', 'transitionAt?': 'number', 'terminatedAt?': 'number', 'KeyName?': 'string', 'UserData?': 'string'},
		nested: {billing},
		lists: {volumes: {DeviceName: 'string', VolumeId: 'string', DeleteOnTermination: 'boolean', AttachTime: 'number'}},
	},
	volumes: {
		id: 'VolumeId',
		spec: {VolumeId: 'string', Size: 'number', VolumeType: 'string', AvailabilityZone: 'string', State: STATES.volume, CreateTime: 'number', Encrypted: 'boolean', Tags: 'tags', billing: 'object', 'Attachment?': 'object'},
		nested: {billing, Attachment: {InstanceId: 'string', Device: 'string', AttachTime: 'number', DeleteOnTermination: 'boolean'}},
	},
	snapshots: {
		id: 'SnapshotId',
		spec: {SnapshotId: 'string', VolumeId: 'string', State: STATES.snapshot, StartTime: 'number', OwnerId: 'string', Description: 'string', VolumeSize: 'number', Encrypted: 'boolean', Tags: 'tags', billing: 'object', 'readyAt?': 'number'},
		nested: {billing},
	},
	keyPairs: {
		id: 'KeyPairId',
		spec: {KeyPairId: 'string', KeyName: 'string', KeyType: ['rsa', 'ed25519'], KeyFingerprint: 'string', PublicKey: 'string', CreateTime: 'number', Tags: 'tags'},
	},
	securityGroups: {
		id: 'GroupId',
		spec: {GroupId: 'string', GroupName: 'string', Description: 'string', VpcId: 'string', OwnerId: 'string', ingress: 'array', egress: 'array', Tags: 'tags'},
		lists: {ingress: {IpProtocol: 'string'}, egress: {IpProtocol: 'string'}},
	},
};

const disk: Spec = {os: 'string', packages: 'array', services: 'object', files: 'object'};

const checkDisk = (where: string, value: unknown): string | undefined => {
	const problem = checkFields(where, value, disk);
	if (problem) return problem;
	const d = value as {packages: unknown[]; services: Record<string, unknown>; files: Record<string, unknown>};
	const badPackage = d.packages.findIndex(name => typeof name !== 'string');
	if (badPackage !== -1) return `${where}.packages[${badPackage}] is not a string`;
	for (const [name, service] of Object.entries(d.services)) {
		const bad = checkFields(`${where}.services.${name}`, service, {enabled: 'boolean', active: 'boolean'});
		if (bad) return bad;
	}

	for (const [name, content] of Object.entries(d.files)) if (typeof content !== 'string') return `${where}.files.${name} is not text`;
	return undefined;
};

const checkItem = (where: string, item: unknown, key: string, collection: Collection): string | undefined => {
	const problem = checkFields(where, item, collection.spec);
	if (problem) return problem;
	const record = item as Record<string, unknown>;
	if (record[collection.id] !== key) return `${where}.${collection.id} is ${show(record[collection.id])}, not ${show(key)}`;
	for (const [field, spec] of Object.entries(collection.nested ?? {})) {
		if (record[field] === undefined) continue;
		const bad = checkFields(`${where}.${field}`, record[field], spec);
		if (bad) return bad;
	}

	for (const [field, spec] of Object.entries(collection.lists ?? {})) {
		const list = record[field] as unknown[];
		for (const [index, entry] of list.entries()) {
			const bad = checkFields(`${where}.${field}[${index}]`, entry, spec);
			if (bad) return bad;
		}
	}

	for (const field of ['disk', 'ephemeralDisk']) {
		if (record[field] === undefined) continue;
		const bad = checkDisk(`${where}.${field}`, record[field]);
		if (bad) return bad;
	}

	return undefined;
};

const checkRegion = (where: string, name: string, region: unknown): string | undefined => {
	const problem = checkFields(where, region, {name: 'string', defaultVpcId: 'string', subnets: 'object', imageBlockPublicAccess: ['unblocked', 'block-new-sharing'], deregistered: 'object', ...Object.fromEntries(Object.keys(COLLECTIONS).map(field => [field, 'object' as const]))});
	if (problem) return problem;
	const r = region as Record<string, Record<string, unknown>>;
	if ((r.name as unknown) !== name) return `${where}.name is ${show(r.name)}, not ${show(name)}`;
	for (const [zone, subnet] of Object.entries(r.subnets)) if (typeof subnet !== 'string') return `${where}.subnets.${zone} is not a subnet id`;
	for (const [id, at] of Object.entries(r.deregistered)) if (typeof at !== 'number') return `${where}.deregistered.${id} is not a time`;
	const lingering = r.recentlyDeregistered;
	if (lingering !== undefined) {
		if (!isObject(lingering)) return `${where}.recentlyDeregistered is not an object`;
		for (const [key, item] of Object.entries(lingering)) {
			const bad = checkItem(`${where}.recentlyDeregistered.${key}`, item, key, COLLECTIONS.images);
			if (bad) return bad;
		}
	}

	for (const [field, collection] of Object.entries(COLLECTIONS)) {
		for (const [key, item] of Object.entries(r[field])) {
			const bad = checkItem(`${where}.${field}.${key}`, item, key, collection);
			if (bad) return bad;
		}
	}

	return undefined;
};

const SCHEDULED_IN: Record<string, string> = {image: 'images', snapshot: 'snapshots', instance: 'instances', 'block-public-access': ''};

/** Where the first problem is, or undefined when the value is a world the model can run. */
export const worldProblem = (value: unknown): string | undefined => {
	const top = checkFields('world', value, {version: 'number', seed: 'number', 'idSalt?': 'number', idCounter: 'number', clock: 'number', 'commands?': 'number', account: 'string', regions: 'object', schedule: 'array', closedCharges: 'array'});
	if (top) return top;
	const world = value as {version: number; regions: Record<string, unknown>; schedule: unknown[]; closedCharges: unknown[]};
	if (world.version !== 1) return `world.version is ${show(world.version)}, not 1`;
	for (const [name, region] of Object.entries(world.regions)) {
		const bad = checkRegion(`world.regions.${name}`, name, region);
		if (bad) return bad;
	}

	for (const [index, item] of world.schedule.entries()) {
		const where = `world.schedule[${index}]`;
		const bad = checkFields(where, item, {at: 'number', region: 'string', kind: Object.keys(SCHEDULED_IN), id: 'string'});
		if (bad) return bad;
		const {region} = item as {region: string};
		if (!Object.hasOwn(world.regions, region)) return `${where}.region is ${show(region)}, a Region with no state in this world`;
	}

	for (const [index, charge] of world.closedCharges.entries()) {
		const bad = checkFields(`world.closedCharges[${index}]`, charge, {resourceId: 'string', region: 'string', kind: 'string', usd: 'number'});
		if (bad) return bad;
	}

	return undefined;
};

/**
 * Brings a world saved by an older version up to date (it returns the same object when nothing
 * changes): key pairs were once kept by KeyName, now by KeyPairId. Tolerates damage; the check
 * that follows reports it.
 */
export const upgradeWorld = (value: unknown): unknown => {
	if (!isObject(value) || !isObject(value.regions)) return value;
	let regions: Record<string, unknown> | undefined;
	for (const [name, region] of Object.entries(value.regions)) {
		if (!isObject(region) || !isObject(region.keyPairs)) continue;
		const entries = Object.entries(region.keyPairs);
		if (entries.every(([key, pair]) => !isObject(pair) || pair.KeyPairId === key)) continue;
		const keyPairs = Object.fromEntries(entries.map(([key, pair]) => [isObject(pair) && typeof pair.KeyPairId === 'string' ? pair.KeyPairId : key, pair]));
		regions ??= {...value.regions};
		regions[name] = {...region, keyPairs};
	}

	return regions ? {...value, regions} : value;
};
