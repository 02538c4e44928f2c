import type {Session} from './session.js';

// What `undo` takes back: the last line that changed something (a resource, an instance's disk, the
// player's files). Lines that only read (describe-…, cat, ls, clear, comments, a failed command)
// are skipped. The game's prompt and `play --script` both keep their undo stack with these two.

export type UndoEntry = {session: Session; line: string};

/**
 * How many changes `undo` can take back: each entry keeps a whole session (the world before the
 * change), so the oldest goes when a newer one would pass this depth.
 */
export const UNDO_DEPTH = 100;

/** The stack after `line` ran: the session before it is kept when the line changed something. */
export const recordLine = (stack: UndoEntry[], before: Session, after: Session, line: string): UndoEntry[] => {
	const entry = after.history.length > before.history.length ? after.history.at(-1) : undefined;
	if (!entry?.changed) return stack;
	return [...stack, {session: before, line}].slice(-UNDO_DEPTH);
};

/** How many of the oldest entries the step from `before` to `after` dropped at the depth (recordLine). */
export const droppedBy = (before: UndoEntry[], after: UndoEntry[]): number => (after === before ? 0 : Math.max(0, before.length + 1 - after.length));

/** The session to go back to and what it undoes, or undefined when nothing changed yet. */
export const undoLast = (stack: UndoEntry[]): {entry: UndoEntry; stack: UndoEntry[]} | undefined => {
	const entry = stack.at(-1);
	return entry ? {entry, stack: stack.slice(0, -1)} : undefined;
};

/** What `undo` says; `forgotten`: how many older changes went at the depth (nothing left: they are why). */
export const undoMessage = (undone: UndoEntry | undefined, forgotten = 0): string => {
	if (undone) return `Undone: ${undone.line.split('\n')[0]}${undone.line.includes('\n') ? ' …' : ''}`;
	if (forgotten > 0) return `Nothing more to undo: the game keeps your last ${UNDO_DEPTH} changes, and the ${forgotten === 1 ? 'one' : `${forgotten}`} before them ${forgotten === 1 ? 'is' : 'are'} gone (\`reset\` starts afresh).`;
	return 'Nothing to undo: no command has changed anything yet.';
};
