import {instanceTypeArchitecture} from '../billing/pricing.js';

// What the instance types we price look like as hardware: CPU layout, the architectures they
// run (older Xen types also run 32-bit AMIs), and whether they are EBS-optimised by default.

/** CoreCount x ThreadsPerCore as DescribeInstances reports them (default CPU options). */
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
};

export const cpuOptions = (type: string): {CoreCount: number; ThreadsPerCore: number} => {
	const [CoreCount, ThreadsPerCore] = CPU[type] ?? [1, 2];
	return {CoreCount, ThreadsPerCore};
};

/** Xen-era families (t2, m1) run no Nitro features: not EBS-optimised by default, and they also run i386. */
const isXenFamily = (type: string): boolean => /^(t2|m1)\./.test(type);

export const ebsOptimizedByDefault = (type: string): boolean => !isXenFamily(type);

/** As the architecture-mismatch error names them: `x86_64,i386` for the old Xen types. */
export const supportedArchitectures = (type: string): string[] => {
	const arch = instanceTypeArchitecture(type);
	return arch === 'x86_64' && isXenFamily(type) ? ['x86_64', 'i386'] : [arch];
};

/** RunInstances' error when an instance type cannot run an AMI's architecture. */
export const architectureMismatch = (type: string, imageArchitecture: string): string | undefined => {
	const archs = supportedArchitectures(type);
	if (archs.includes(imageArchitecture)) return undefined;
	return `The architecture '${archs.join(',')}' of the specified instance type does not match the architecture '${imageArchitecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`;
};

/** The previous-generation families whose instances can boot from an instance-store root (EC2 User Guide). */
const INSTANCE_STORE_ROOT_FAMILIES = new Set(['c1', 'c3', 'd2', 'i2', 'm1', 'm2', 'm3', 'r3', 'x1']);

/** RunInstances' error when an instance type cannot boot an instance-store-backed AMI. */
export const instanceStoreRootUnsupported = (type: string, imageId: string): string | undefined =>
	INSTANCE_STORE_ROOT_FAMILIES.has(type.split('.')[0]) ? undefined : `AMI '${imageId}' with an instance-store root device is not supported for the instance type '${type}'.`;

/** The previous-generation families that still run paravirtual (PV) AMIs (EC2 User Guide, virtualization types). */
const PARAVIRTUAL_FAMILIES = new Set(['c1', 'c3', 'hs1', 'm1', 'm2', 'm3', 't1']);

/** RunInstances' error when an instance type needs an HVM AMI and the AMI is paravirtual. */
export const hvmRequired = (type: string, virtualizationType: string): string | undefined =>
	virtualizationType !== 'paravirtual' || PARAVIRTUAL_FAMILIES.has(type.split('.')[0]) ? undefined : `Virtualization type 'hvm' is required for instances of type '${type}'.`;

/** Families built before Nitro: they boot AMIs without ENA support (EC2 User Guide, enhanced networking). */
const PRE_NITRO_FAMILIES = new Set(['c1', 'c3', 'c4', 'cc2', 'cr1', 'd2', 'f1', 'g2', 'g3', 'h1', 'hs1', 'i2', 'i3', 'm1', 'm2', 'm3', 'm4', 'p2', 'p3', 'r3', 'r4', 't1', 't2', 'x1', 'x1e']);

/** RunInstances' error when a Nitro instance type needs an ENA-enabled AMI and the AMI is not. */
export const enaRequired = (type: string, enaSupport: boolean | undefined): string | undefined =>
	enaSupport === true || PRE_NITRO_FAMILIES.has(type.split('.')[0]) ? undefined : `Enhanced networking with the Elastic Network Adapter (ENA) is required for the '${type}' instance type. Ensure that you are using an AMI that is enabled for ENA.`;
