// What the `ami-school` sub-commands get from the entry point (source/cli.ts): no process globals.
export type CommandIo = {
	stdout: {write(text: string): unknown};
	stderr: {write(text: string): unknown};
	/** a file's text; throws (or rejects) when it cannot be read */
	readFile(path: string): string | Promise<string>;
	readStdin(): string | Promise<string>;
};

/** Exit codes of our own commands. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** `--name value` / `--name=value` options (only the `valued` names) and positional words. */
export const parseOptions = (argv: string[], valued: string[]): {positional: string[]; options: Record<string, string>; error?: string} => {
	const positional: string[] = [];
	const options: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg.startsWith('--') && arg.length > 2) {
			const eq = arg.indexOf('=');
			const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
			if (!valued.includes(name)) return {positional, options, error: `unknown option --${name}`};
			const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
			if (value === undefined) return {positional, options, error: `--${name} needs a value`};
			options[name] = value;
		} else {
			positional.push(arg);
		}
	}

	return {positional, options};
};
