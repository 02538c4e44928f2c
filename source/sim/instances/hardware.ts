import typeNames from './instance-type-names.json' with {type: 'json'};

// Every instance type RunInstances accepts is the InstanceType enum of the official EC2 model
// (instance-type-names.json, written by `npm run catalogue`). What those types are as hardware,
// as far as it decides which AMIs they can run, is ONE table of facts by family below, from the
// EC2 User Guide (virtualization types, instance-store root volumes, enhanced networking) and
// DescribeInstanceTypes. A family not in the table is a current (Nitro) one: x86_64 (arm64 for
// Graviton, the `g` after the generation: c7g, t4g…), HVM only, EBS root only, ENA required.

const KNOWN_TYPES: ReadonlySet<string> = new Set(typeNames.InstanceType);

export const isKnownInstanceType = (type: string): boolean => KNOWN_TYPES.has(type);

/** Every instance type of the model. */
export const instanceTypes = (): string[] => [...typeNames.InstanceType];

type FamilyFacts = {
	/** the processor, when not x86_64 (or arm64 by the Graviton naming rule) */
	arch?: 'arm64' | 'x86_64_mac' | 'arm64_mac';
	/** sizes that also run 32-bit (i386) AMIs */
	i386?: string[];
	/** runs paravirtual (PV) AMIs */
	pv?: true;
	/** runs no HVM AMIs but Windows ones (the oldest Xen types) */
	noHvm?: true;
	/** can boot from an instance-store root volume */
	instanceStoreRoot?: true;
	/** boots AMIs without ENA (built before Nitro) */
	enaOptional?: true;
	/** not EBS-optimised unless asked */
	notEbsOptimized?: true;
	/** one thread per core (no Hyper-Threading on these Xen types) */
	oneThread?: true;
};

const XEN_OLD: FamilyFacts = {enaOptional: true, notEbsOptimized: true, oneThread: true};

const FAMILIES: Record<string, FamilyFacts> = {
	a1: {arch: 'arm64'},
	'p6e-gb200': {arch: 'arm64'},
	mac1: {arch: 'x86_64_mac'},
	c1: {...XEN_OLD, pv: true, noHvm: true, instanceStoreRoot: true, i386: ['medium']},
	m1: {...XEN_OLD, pv: true, noHvm: true, instanceStoreRoot: true, i386: ['small', 'medium']},
	m2: {...XEN_OLD, pv: true, noHvm: true, instanceStoreRoot: true},
	t1: {...XEN_OLD, pv: true, noHvm: true, i386: ['micro']},
	c3: {enaOptional: true, notEbsOptimized: true, pv: true, instanceStoreRoot: true, i386: ['large']},
	m3: {enaOptional: true, notEbsOptimized: true, pv: true, instanceStoreRoot: true},
	hs1: {enaOptional: true, notEbsOptimized: true, pv: true},
	cc2: {enaOptional: true, notEbsOptimized: true},
	cr1: {enaOptional: true, notEbsOptimized: true},
	hi1: {enaOptional: true, notEbsOptimized: true},
	cg1: {enaOptional: true, notEbsOptimized: true},
	g2: {enaOptional: true, notEbsOptimized: true},
	i2: {enaOptional: true, notEbsOptimized: true, instanceStoreRoot: true},
	r3: {enaOptional: true, notEbsOptimized: true, instanceStoreRoot: true},
	d2: {enaOptional: true, instanceStoreRoot: true},
	x1: {enaOptional: true, instanceStoreRoot: true},
	t2: {enaOptional: true, notEbsOptimized: true, oneThread: true, i386: ['nano', 'micro', 'small', 'medium']},
	c4: {enaOptional: true},
	m4: {enaOptional: true},
	r4: {enaOptional: true},
	x1e: {enaOptional: true},
	i3: {enaOptional: true},
	h1: {enaOptional: true},
	p2: {enaOptional: true},
	p3: {enaOptional: true},
	g3: {enaOptional: true},
	g3s: {enaOptional: true},
	f1: {enaOptional: true},
};

const familyOf = (type: string): string => type.split('.')[0];
const sizeOf = (type: string): string => type.split('.')[1] ?? '';
const factsOf = (type: string): FamilyFacts => {
	const family = familyOf(type);
	if (FAMILIES[family]) return FAMILIES[family];
	if (/^mac(\d|-)/.test(family)) return {arch: 'arm64_mac'}; // mac2, mac2-m2pro, mac-m4…: Apple silicon
	return /^[a-z]+\d+g/.test(family) ? {arch: 'arm64'} : {};
};

/** The processor architecture of an instance type. */
export const instanceTypeArchitecture = (type: string): string => factsOf(type).arch ?? 'x86_64';

/** As the architecture-mismatch error names them: `x86_64,i386` for the small old Xen types. */
export const supportedArchitectures = (type: string): string[] => {
	const facts = factsOf(type);
	return facts.i386?.includes(sizeOf(type)) ? ['x86_64', 'i386'] : [facts.arch ?? 'x86_64'];
};

export const ebsOptimizedByDefault = (type: string): boolean => !factsOf(type).notEbsOptimized;

/** CoreCount x ThreadsPerCore as DescribeInstances reports them, where we know them exactly. */
const CPU: Record<string, [number, number]> = {
	't2.nano': [1, 1],
	't2.micro': [1, 1],
	't2.small': [1, 1],
	't2.medium': [2, 1],
	't3.nano': [1, 2],
	't3.micro': [1, 2],
	't3.small': [1, 2],
	't3.medium': [1, 2],
	't3.large': [1, 2],
	't4g.nano': [2, 1],
	't4g.micro': [2, 1],
	't4g.small': [2, 1],
	't4g.medium': [2, 1],
	'm5.large': [1, 2],
	'm5.xlarge': [2, 2],
	'm6i.large': [1, 2],
	'm7g.large': [2, 1],
	'c5.large': [1, 2],
	'c6g.large': [2, 1],
	'r5.large': [1, 2],
	'm1.small': [1, 1],
	'm3.medium': [1, 1],
	'c3.large': [1, 2],
};

/** vCPUs of a size, approximately (large = 2, doubling per size step; metal as a 24xlarge). */
const vcpusOf = (size: string): number => {
	if (size === 'nano' || size === 'micro' || size === 'small') return 1;
	if (size === 'medium') return 1;
	if (size === 'large') return 2;
	if (size === 'xlarge') return 4;
	const n = /^(\d+)xlarge$/.exec(size);
	if (n) return 4 * Number(n[1]);
	return 96;
};

/** Default CPU options: exact for the types above, approximate for the rest (README, "What is emulated"). */
export const cpuOptions = (type: string): {CoreCount: number; ThreadsPerCore: number} => {
	const known = CPU[type];
	if (known) return {CoreCount: known[0], ThreadsPerCore: known[1]};
	const facts = factsOf(type);
	const vcpus = vcpusOf(sizeOf(type));
	const threads = facts.oneThread || (facts.arch ?? '').startsWith('arm64') ? 1 : 2;
	const burst = /^t\d/.test(familyOf(type)) && vcpus === 1;
	if (burst) return {CoreCount: threads === 2 ? 1 : 2, ThreadsPerCore: threads};
	return {CoreCount: Math.max(1, vcpus / (threads === 2 && vcpus > 1 ? 2 : 1)), ThreadsPerCore: vcpus > 1 ? threads : 1};
};

/** RunInstances' error when an instance type cannot run an AMI's architecture. */
export const architectureMismatch = (type: string, imageArchitecture: string): string | undefined => {
	const archs = supportedArchitectures(type);
	if (archs.includes(imageArchitecture)) return undefined;
	return `The architecture '${archs.join(',')}' of the specified instance type does not match the architecture '${imageArchitecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`;
};

/** RunInstances' error when an instance type cannot boot an instance-store-backed AMI (C1, C3, D2, I2, M1, M2, M3, R3, X1 can). */
export const instanceStoreRootUnsupported = (type: string, imageId: string): string | undefined =>
	factsOf(type).instanceStoreRoot ? undefined : `AMI '${imageId}' with an instance-store root device is not supported for the instance type '${type}'.`;

/** RunInstances' error when an instance type needs an HVM AMI and the AMI is paravirtual. */
export const hvmRequired = (type: string, virtualizationType: string): string | undefined =>
	virtualizationType !== 'paravirtual' || factsOf(type).pv ? undefined : `Virtualization type 'hvm' is required for instances of type '${type}'.`;

/** RunInstances' error when a paravirtual-only type (C1, M1, M2, T1) is given an HVM AMI that is not Windows. */
export const hvmUnsupported = (type: string, virtualizationType: string | undefined, platform: string | undefined): string | undefined =>
	(virtualizationType ?? 'hvm') === 'hvm' && platform !== 'windows' && factsOf(type).noHvm
		? "Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type."
		: undefined;

/** RunInstances' error when a Nitro instance type needs an ENA-enabled AMI and the AMI is not. */
export const enaRequired = (type: string, enaSupport: boolean | undefined): string | undefined =>
	enaSupport === true || factsOf(type).enaOptional ? undefined : `Enhanced networking with the Elastic Network Adapter (ENA) is required for the '${type}' instance type. Ensure that you are using an AMI that is enabled for ENA.`;
