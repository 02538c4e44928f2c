// The EC2 waiters the game supports, copied from botocore's
// botocore/data/ec2/2016-11-15/waiters-2.json (delay in seconds). `aws ec2 wait <name>` runs
// the operation every `delay` seconds, at most `maxAttempts` times, and stops at the first
// acceptor that matches (see waiters.ts for the matchers).

export type WaiterState = 'success' | 'failure' | 'retry';
export type WaiterMatcher = 'path' | 'pathAll' | 'pathAny' | 'error' | 'status';

export type WaiterAcceptor = {state: WaiterState; matcher: WaiterMatcher; argument?: string; expected: string | number | boolean};

export type WaiterDefinition = {operation: string; delay: number; maxAttempts: number; acceptors: WaiterAcceptor[]};

const states = (argument: string, success: string, failures: string[], retryError?: string): WaiterAcceptor[] => [
	{state: 'success', matcher: 'pathAll', argument, expected: success},
	...failures.map((expected): WaiterAcceptor => ({state: 'failure', matcher: 'pathAny', argument, expected})),
	...(retryError ? [{state: 'retry', matcher: 'error', expected: retryError} as WaiterAcceptor] : []),
];

const INSTANCE_STATE = 'Reservations[].Instances[].State.Name';

/** By model name (ImageAvailable); the CLI name is the kebab-case form (image-available). */
export const WAITERS: Record<string, WaiterDefinition> = {
	ImageAvailable: {operation: 'DescribeImages', delay: 15, maxAttempts: 40, acceptors: states('Images[].State', 'available', ['failed'])},
	ImageExists: {
		operation: 'DescribeImages',
		delay: 15,
		maxAttempts: 40,
		acceptors: [
			{state: 'success', matcher: 'path', argument: 'length(Images[]) > `0`', expected: true},
			{state: 'retry', matcher: 'error', expected: 'InvalidAMIID.NotFound'},
		],
	},
	InstanceExists: {
		operation: 'DescribeInstances',
		delay: 5,
		maxAttempts: 40,
		acceptors: [
			{state: 'success', matcher: 'path', argument: 'length(Reservations[]) > `0`', expected: true},
			{state: 'retry', matcher: 'error', expected: 'InvalidInstanceID.NotFound'},
		],
	},
	InstanceRunning: {operation: 'DescribeInstances', delay: 15, maxAttempts: 40, acceptors: states(INSTANCE_STATE, 'running', ['shutting-down', 'terminated', 'stopping'], 'InvalidInstanceID.NotFound')},
	InstanceStopped: {operation: 'DescribeInstances', delay: 15, maxAttempts: 40, acceptors: states(INSTANCE_STATE, 'stopped', ['pending', 'terminated'])},
	InstanceTerminated: {operation: 'DescribeInstances', delay: 15, maxAttempts: 40, acceptors: states(INSTANCE_STATE, 'terminated', ['pending', 'stopping'])},
	SnapshotCompleted: {operation: 'DescribeSnapshots', delay: 15, maxAttempts: 40, acceptors: states('Snapshots[].State', 'completed', ['error'])},
	KeyPairExists: {
		operation: 'DescribeKeyPairs',
		delay: 5,
		maxAttempts: 6,
		acceptors: [
			{state: 'success', matcher: 'path', argument: 'length(KeyPairs[].KeyName) > `0`', expected: true},
			{state: 'retry', matcher: 'error', expected: 'InvalidKeyPair.NotFound'},
		],
	},
	SecurityGroupExists: {
		operation: 'DescribeSecurityGroups',
		delay: 5,
		maxAttempts: 6,
		acceptors: [
			{state: 'success', matcher: 'path', argument: 'length(SecurityGroups[].GroupId) > `0`', expected: true},
			{state: 'retry', matcher: 'error', expected: 'InvalidGroup.NotFound'},
		],
	},
	VolumeAvailable: {operation: 'DescribeVolumes', delay: 15, maxAttempts: 40, acceptors: states('Volumes[].State', 'available', ['deleted'])},
	VolumeDeleted: {
		operation: 'DescribeVolumes',
		delay: 15,
		maxAttempts: 40,
		acceptors: [
			{state: 'success', matcher: 'pathAll', argument: 'Volumes[].State', expected: 'deleted'},
			{state: 'success', matcher: 'error', expected: 'InvalidVolume.NotFound'},
		],
	},
	VolumeInUse: {operation: 'DescribeVolumes', delay: 15, maxAttempts: 40, acceptors: states('Volumes[].State', 'in-use', ['deleted'])},
};

/** image-available -> ImageAvailable (botocore's xform_name, reversed). */
export const waiterModelName = (cliName: string): string =>
	cliName
		.split('-')
		.map(part => part.charAt(0).toUpperCase() + part.slice(1))
		.join('');

/** ImageAvailable -> image-available */
export const waiterCliName = (modelName: string): string => modelName.replaceAll(/(?<!^)([A-Z])/g, '-$1').toLowerCase();

/** The CLI names of every waiter, sorted (for `aws ec2 wait help` and the parser). */
export const waiterCliNames = (): string[] => Object.keys(WAITERS).map(waiterCliName).sort();
