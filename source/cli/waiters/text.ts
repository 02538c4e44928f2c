import type {WaiterAcceptor as Acceptor} from './definitions.js';

// What botocore's waiter says when it gives up: the client's waiter runner (waiters.ts) words its
// answer with these; the CLI (source/cli/output/errors.ts) frames it as `Waiter X failed: …`.

/** What an explanation reads of an acceptor (definitions.ts): all but its state. */
export type WaiterAcceptor = Omit<Acceptor, 'state'>;

/** botocore AcceptorConfig.explanation. */
export const acceptorExplanation = (acceptor: WaiterAcceptor): string => {
	switch (acceptor.matcher) {
		case 'path': return `For expression "${acceptor.argument}" we matched expected path: "${String(acceptor.expected)}"`;
		case 'pathAll': return `For expression "${acceptor.argument}" all members matched expected path: "${String(acceptor.expected)}"`;
		case 'pathAny': return `For expression "${acceptor.argument}" we matched expected path: "${String(acceptor.expected)}" at least once`;
		case 'status': return `Matched expected HTTP status code: ${String(acceptor.expected)}`;
		case 'error': return `Matched expected service error code: ${String(acceptor.expected)}`;
	}
};

/**
 * Why a waiter gave up (botocore Waiter.wait):
 * - terminal: a failure acceptor matched; give that acceptor's explanation
 * - error: the API returned an error no acceptor matched
 * - max-attempts: ran out of attempts; `previouslyAccepted` only when some retry acceptor had
 *   matched. Note botocore prints the explanation of the LAST acceptor in the list there (it reuses
 *   the loop variable), not the one that matched; pass what botocore would print.
 */
export type WaiterFailure =
	| {kind: 'terminal'; explanation: string}
	| {kind: 'error'; code: string; message: string}
	| {kind: 'max-attempts'; previouslyAccepted?: string};

export const waiterReason = (failure: WaiterFailure): string => {
	switch (failure.kind) {
		case 'terminal': return `Waiter encountered a terminal failure state: ${failure.explanation}`;
		case 'error': return `An error occurred (${failure.code}): ${failure.message}`;
		case 'max-attempts':
			return failure.previouslyAccepted === undefined
				? 'Max attempts exceeded'
				: `Max attempts exceeded. Previously accepted state: ${failure.previouslyAccepted}`;
	}
};

