import type {Session} from './session.js';

// What `undo` takes back: the last line that changed something (a resource, an instance's disk, the
// player's files). Lines that only read (describe-…, cat, ls, clear, comments, a failed command)
// are skipped. The game's prompt and `play --script` both keep their undo stack with these two.

export type UndoEntry = {session: Session; line: string};

const LIMIT = 100;

/** The stack after `line` ran: the session before it is kept when the line changed something. */
export const recordLine = (stack: UndoEntry[], before: Session, after: Session, line: string): UndoEntry[] => {
	const entry = after.history.length > before.history.length ? after.history.at(-1) : undefined;
	if (!entry?.changed) return stack;
	return [...stack, {session: before, line}].slice(-LIMIT);
};

/** The session to go back to and what it undoes, or undefined when nothing changed yet. */
export const undoLast = (stack: UndoEntry[]): {entry: UndoEntry; stack: UndoEntry[]} | undefined => {
	const entry = stack.at(-1);
	return entry ? {entry, stack: stack.slice(0, -1)} : undefined;
};

/** What `undo` says. */
export const undoMessage = (undone: UndoEntry | undefined): string =>
	undone ? `Undone: ${undone.line.split('\n')[0]}${undone.line.includes('\n') ? ' …' : ''}` : 'Nothing to undo: no command has changed anything yet.';
