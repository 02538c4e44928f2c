// What a shell runs on: the player's own computer, or a simulated EC2 instance reached by ssh
// (or running its user data at first boot). The interpreter only talks to this interface.

import type {ProgramRun} from './session.js';

/** One piece of output, in the order it was written: fd 1 = stdout, fd 2 = stderr; `by`: the programs that wrote it (a pipeline's, for its output). */
export type Chunk = {fd: 1 | 2; text: string; by?: ProgramRun[]};

/** `run`: the program run this result is from, when it is one (runs.ts). */
export type CmdResult = {code: number; out: Chunk[]; run?: ProgramRun};

export type FsError = 'No such file or directory' | 'Permission denied' | 'Is a directory' | 'Not a directory';

export type FileSystem = {
	/** absolute form of a path as the user typed it */
	resolve(path: string): string;
	read(path: string): string | {error: FsError};
	write(path: string, content: string, append: boolean): undefined | {error: FsError};
	remove(path: string): undefined | {error: FsError};
	isDir(path: string): boolean;
	/** names inside a directory (files and sub-directories), sorted */
	list(path: string): string[] | {error: FsError};
	mkdir(path: string): undefined | {error: FsError | 'File exists'};
	/** permission bits (local files track them for ssh's key check) */
	mode?(path: string): number;
	chmod?(path: string, mode: number): undefined | {error: FsError};
};

export type ShellVars = {
	vars: Record<string, string>;
	exported: Set<string>;
	lastExit: number;
	/** set by `exit`/`logout`: the shell stops running further commands; `hangup`: the machine went down under it (reboot) */
	exited?: {code: number; hangup?: true};
};

/** A machine's program table, gated by the registry: only registered names for this machine answer. */
export const programTable = (table: Record<string, Command>, names: string[]): Pick<Machine, 'command' | 'commandNames'> => {
	const allowed = new Set(names.filter(n => Object.hasOwn(table, n)));
	return {command: name => (allowed.has(name) ? table[name] : undefined), commandNames: () => [...allowed].sort()};
};

export type ExecContext = {
	machine: Machine;
	shell: ShellVars;
	/** environment of this one command (NAME=value prefixes and exported variables) */
	env: Record<string, string>;
	/** what the command reads on standard input (a pipe, `<`, a here-document; empty otherwise) */
	stdin: string;
};

export type Command = (ctx: ExecContext, argv: string[]) => CmdResult;

export type Machine = {
	kind: 'local' | 'guest';
	user: string;
	home: string;
	cwd: string;
	hostname: string;
	fs: FileSystem;
	/** the program behind a command name, undefined when there is none (bash: command not found) */
	command(name: string): Command | undefined;
	/** the names `command` answers (the registry's, source/shell/programs.ts, for this machine) */
	commandNames(): string[];
	/** the same machine for another user (sudo) */
	as?(user: string): Machine;
	/** history lines for `history` */
	history?: () => string[];
	/** told when a program starts (its argv); the function it returns is told its exit code */
	onRun?(argv: string[]): (code: number) => ProgramRun;
};

/**
 * Runs a program as one the learner ran (runs.ts records it, through the machine's onRun): what
 * the shell does for each command, and what xargs and sudo do for the commands they start. What
 * it writes is marked as written by it (`by`), on top of any inner program that wrote it.
 */
export const runProgram = (program: Command, ctx: ExecContext, argv: string[]): CmdResult => {
	const ended = ctx.machine.onRun?.(argv);
	const result = program(ctx, argv);
	const run = ended?.(result.code);
	if (!run) return result;
	return {code: result.code, out: result.out.map(c => ({...c, by: c.by ? [...c.by, run] : [run]})), run};
};

/** A command's outcome: stdout first, then stderr (empty ones left out). */
export const commandResult = (code: number, stdout: string, stderr: string): CmdResult => ({
	code,
	out: [...(stdout ? [{fd: 1 as const, text: stdout}] : []), ...(stderr ? [{fd: 2 as const, text: stderr}] : [])],
});
export const ok = (stdout = ''): CmdResult => commandResult(0, stdout, '');
export const fail = (code: number, stderr: string, stdout = ''): CmdResult => commandResult(code, stdout, stderr);
