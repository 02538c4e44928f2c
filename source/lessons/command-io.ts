// What the `ami-school` sub-commands get from the entry point (source/cli.ts): no process globals.
export type CommandIo = {
	stdout: {write(text: string): unknown};
	stderr: {write(text: string): unknown};
	/** a file's text; throws (or rejects) when it cannot be read */
	readFile(path: string): string | Promise<string>;
	readStdin(): string | Promise<string>;
	/** asks the person at the terminal one line (absent when there is no terminal to ask in) */
	ask?(question: string): Promise<string | undefined>;
};

/** Exit codes of our own commands. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
