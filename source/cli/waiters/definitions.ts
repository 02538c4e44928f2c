// What a waiter is, as botocore's botocore/data/ec2/2016-11-15/waiters-2.json writes it (delay
// in seconds). The definitions themselves live once, in the CLI catalogue (catalogue.json,
// built from botocore), and reach the waiter runner with each `aws ec2 wait <name>` request:
// waiters.ts polls `operation` every `delay` seconds, at most `maxAttempts` times, and stops at
// the first acceptor that matches.

export type WaiterState = 'success' | 'failure' | 'retry';
export type WaiterMatcher = 'path' | 'pathAll' | 'pathAny' | 'error' | 'status';

export type WaiterAcceptor = {state: WaiterState; matcher: WaiterMatcher; argument?: string; expected: string | number | boolean};

export type WaiterDefinition = {
	/** model name, e.g. ImageAvailable (the CLI prints `Waiter ImageAvailable failed: ...`) */
	name: string;
	/** the describe operation it polls, model name */
	operation: string;
	delay: number;
	maxAttempts: number;
	acceptors: WaiterAcceptor[];
};
