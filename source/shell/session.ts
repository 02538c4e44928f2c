import type {ApiCall} from '../cli/run-aws.js';
import type {World} from '../sim/core/types.js';

// The player's session at the prompt: the EC2 world plus what a shell holds (files, variables,
// the Region their `aws` commands go to), and the record of what they ran (goals may look at it).

/** One API call a command made; the CLI (run-aws.ts) records them. */
export type {ApiCall} from '../cli/run-aws.js';

/**
 * One program the line ran (`aws`, `curl`, `ssh`, `echo`…), in the order they ran, also inside
 * `$(…)` and inside an instance over ssh: what goals that judge what the learner did look at.
 */
export type ProgramRun = {
	program: string;
	/** the arguments after expansion, as the program got them */
	args: string[];
	exitCode: number;
	/** the instance it ran in (commands run over ssh); absent on the player's own computer */
	on?: {region: string; instanceId: string};
	/**
	 * curl and ssh: the instance that answered. For a web page also: `open`, the school (the
	 * player's computer) could reach that port; `asImage`, the page is what the instance's image
	 * serves by itself (absent on older saves)
	 */
	reached?: {region: string; instanceId: string; open?: boolean; asImage?: boolean};
	/** the words of what it wrote into a `$(…)` (a variable, another command's arguments), each once */
	captured?: string[];
	/** aws: the API calls it made */
	calls?: ApiCall[];
	/** the words of what it printed to the terminal (in a pipeline: what the pipeline printed), each once */
	shown?: string[];
};

export type HistoryEntry = {
	line: string;
	exitCode: number;
	calls: ApiCall[];
	/** the programs the line ran (absent on older saves) */
	runs?: ProgramRun[];
	/** set by the lesson engine: the `after:` states of the chapter's goals that held once this line had run */
	marks?: string[];
	/** the line changed something (a resource, an instance's disk, the player's files): what `undo` takes back */
	changed?: true;
};

/**
 * The call changed the world, as the model judged it (`changed`). Saves from before the model said
 * so fall back to the old reading: it succeeded, was no dry run, and is not a Describe/Get/List.
 */
export const callChangedWorld = (call: ApiCall): boolean => call.changed ?? (call.ok && !call.dryRun && !/^(Describe|Get|List)/.test(call.operation));

export type Session = {
	world: World;
	/** the default Region of the player's `aws` commands (AWS_DEFAULT_REGION) */
	region: string;
	/** files in the player's working directory (e.g. key.pem, userdata.sh) */
	files: Record<string, string>;
	/** shell variables (AMI=ami-…) */
	vars: Record<string, string>;
	history: HistoryEntry[];
	/** set while the player is logged in to an instance with ssh */
	remote?: {region: string; instanceId: string; user: string; host: string};
} & SessionShellState;

/** What running one line at the prompt gives back. */
export type LineResult = {
	session: Session;
	stdout: string;
	stderr: string;
	exitCode: number;
	/** the line asked to clear the screen */
	clear?: boolean;
	/** the line is not complete yet (open quote, trailing backslash): ask for more */
	incomplete?: boolean;
	/** stdout and stderr interleaved in the order they were written (what a terminal shows) */
	chunks?: Array<{fd: 1 | 2; text: string}>;
	/** `exit` at the player's own prompt: they asked to leave the shell */
	exit?: boolean;
};

// ---- appended by the shell (all optional, so older saved sessions still load)

/** Extra shell state a Session may carry between lines. */
export type SessionShellState = {
	/** exported variable names (`export NAME`) */
	exported?: string[];
	/** permission bits of local files (new files are 0644; ssh refuses keys readable by others) */
	fileModes?: Record<string, number>;
	/** hosts ssh has already accepted a host key for */
	knownHosts?: string[];
	/** the exit code of the last line (`$?`) */
	lastExitCode?: number;
	/** working directory of the local shell, default /home/student */
	cwd?: string;
	/** columns of the terminal, for `--output table` */
	terminalWidth?: number;
	/** the Region of the player's AWS configuration, which `unset AWS_DEFAULT_REGION` falls back to (default: `region` before any export) */
	configRegion?: string;
	/** inside an ssh session: the remote shell's directory and variables */
	remoteShell?: {cwd: string; vars: Record<string, string>};
};
