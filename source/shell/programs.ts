import {isFor, literalWord, parseLine, simpleCommands, type List} from './parse-line.js';
import type {ProgramRun} from './session.js';

// THE list of programs the player's shells know: on their own computer (`local`), inside an
// instance over ssh or in user data (`guest`), or on both. The machines run exactly these (a
// program missing here is "command not found" even if a machine implements it, and a test proves
// every one listed is implemented); Tab completion, the game's `help` and the lessons' rule for
// read-only `shell:` checks are derived from it. Programs learners often reach for that this
// shell does not have are listed too (`where: 'none'`), with what to use instead.

export type Where = 'local' | 'guest' | 'both';
export type GuestOs = 'amazon-linux' | 'ubuntu';

export type ProgramInfo = {
	name: string;
	where: Where | 'none';
	/**
	 * Runs without changing anything (the world, a disk, the player's files or the shell's
	 * variables): true, false, or a judgement on the arguments (e.g. `aws ec2 describe-…`).
	 */
	readOnly: boolean | ((args: string[]) => boolean);
	/** one line for `help` */
	summary: string;
	/** a shell builtin (interpret.ts runs it), not a program of a machine */
	builtin?: true;
	/** inside an instance only on this OS (dnf on Amazon Linux, apt on Ubuntu) */
	os?: GuestOs;
	/** for `where: 'none'`: what to use instead (said with "command not found") */
	instead?: string;
	/**
	 * Exit codes that mean the command itself was written wrong (a usage error, a malformed URL):
	 * a typo, so a mistake. Any other failure of a read-only use is the program reporting what it
	 * found (curl timing out, `systemctl status` of a stopped service): information, not a mistake.
	 */
	misuse?: readonly number[];
};

// ------------------------------------------------------------------ read-only judgements

/** global options of the AWS CLI that take no value */
const AWS_FLAGS = new Set(['--debug', '--no-cli-pager', '--no-paginate', '--no-verify-ssl', '--no-sign-request', '--version', '--cli-auto-prompt', '--no-cli-auto-prompt']);

/** `aws ec2 describe-…`/`get-…`/`list-…`, `aws ec2 wait …`, help and --version read; everything else may write */
const awsReadOnly = (args: string[]): boolean => {
	const rest = [...args];
	while (rest[0]?.startsWith('--')) {
		const option = rest.shift()!;
		if (option === '--version') return true;
		if (!AWS_FLAGS.has(option) && !option.includes('=')) rest.shift();
	}

	const [service, operation] = rest;
	if (service === 'help' || operation === 'help' || (service === 'ec2' && operation === undefined)) return true;
	return service === 'ec2' && operation !== undefined && /^(describe-|get-|list-|wait$)/.test(operation);
};

/** the command line after ssh's options and destination (empty: an interactive login) */
export const sshRemoteWords = (args: string[]): string[] => {
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (['-i', '-l', '-p', '-o', '-F', '-E', '-J', '-L', '-R', '-D', '-b', '-c', '-m', '-W', '-S', '-O', '-Q', '-w', '-e', '-I', '-B', '-P'].includes(a)) i++;
		else if (!a.startsWith('-')) return args.slice(i + 1);
	}

	return [];
};

/** the command `sudo` runs (after its options) */
const sudoCommand = (args: string[]): string[] => {
	let i = 0;
	while (i < args.length && args[i].startsWith('-')) {
		if (args[i] === '--') return args.slice(i + 1);
		if (['-u', '-g', '-p', '-C', '-h', '-U', '-D', '-r', '-t'].includes(args[i])) i++;
		i++;
	}

	return args.slice(i);
};

/** the command `xargs` runs (echo when none) */
export const xargsCommand = (args: string[]): string[] => {
	let i = 0;
	while (i < args.length && args[i].startsWith('-') && args[i] !== '-') {
		const a = args[i];
		if (a === '--') return args.slice(i + 1);
		if (/^-[nILdPsaE]$/.test(a)) i++;
		i++;
	}

	const rest = args.slice(i);
	return rest.length > 0 ? rest : ['echo'];
};

const verbIn =
	(...verbs: string[]) =>
	(args: string[]): boolean => {
		const verb = args.find(a => !a.startsWith('-'));
		return verb !== undefined && verbs.includes(verb);
	};

// ------------------------------------------------------------------ the registry

export const PROGRAMS: readonly ProgramInfo[] = [
	// the player's own computer
	{name: 'aws', where: 'both', readOnly: awsReadOnly, summary: 'the AWS CLI (aws ec2 …)'},
	{name: 'ssh', where: 'local', readOnly: args => sshRemoteWords(args).length === 0 || readOnlyLine(sshRemoteWords(args).join(' '), 'guest'), summary: 'log in to an instance: ssh -i key.pem ec2-user@IP'},
	{name: 'ssh-keygen', where: 'local', readOnly: true, summary: 'ssh-keygen -y -f key.pem prints the public key'},
	{name: 'chmod', where: 'local', readOnly: false, summary: 'file permissions (chmod 400 key.pem)'},
	{name: 'history', where: 'local', readOnly: true, summary: 'the lines you typed'},
	// both
	{name: 'curl', where: 'both', readOnly: true, misuse: [1, 2, 3, 6], summary: 'fetch a web page: curl http://IP/'},
	{name: 'echo', where: 'both', readOnly: true, summary: 'print its arguments'},
	{name: 'printf', where: 'both', readOnly: true, summary: 'formatted printing'},
	{name: 'cat', where: 'both', readOnly: true, summary: 'print files'},
	{name: 'head', where: 'both', readOnly: true, summary: 'first lines'},
	{name: 'tail', where: 'both', readOnly: true, summary: 'last lines'},
	{name: 'grep', where: 'both', readOnly: true, misuse: [2], summary: 'lines that match'},
	{name: 'wc', where: 'both', readOnly: true, summary: 'count lines, words, bytes'},
	{name: 'sed', where: 'both', readOnly: args => !args.some(a => a.startsWith('-i') || a.startsWith('--in-place')), summary: 'edit text (sed -i edits a file)'},
	{name: 'base64', where: 'both', readOnly: true, summary: 'encode or decode base64'},
	{name: 'ls', where: 'both', readOnly: true, summary: 'list files'},
	{name: 'tee', where: 'both', readOnly: false, summary: 'copy input to files'},
	{name: 'rm', where: 'both', readOnly: false, summary: 'remove files'},
	{name: 'touch', where: 'both', readOnly: false, summary: 'create empty files'},
	{name: 'mkdir', where: 'both', readOnly: false, summary: 'make directories'},
	{name: 'xargs', where: 'both', readOnly: args => readOnlyArgv(xargsCommand(args), 'both'), summary: 'run a command on each input word: … | xargs -n1 CMD'},
	{name: 'bash', where: 'both', readOnly: false, summary: 'run a script or bash -c "…"'},
	{name: 'sh', where: 'both', readOnly: false, summary: 'run a script or sh -c "…"'},
	{name: 'env', where: 'both', readOnly: true, summary: 'exported variables'},
	{name: 'true', where: 'both', readOnly: true, summary: 'exit 0'},
	{name: 'false', where: 'both', readOnly: true, summary: 'exit 1'},
	{name: ':', where: 'both', readOnly: true, summary: 'do nothing'},
	{name: 'pwd', where: 'both', readOnly: true, summary: 'the current directory'},
	{name: 'whoami', where: 'both', readOnly: true, summary: 'the user name'},
	{name: 'hostname', where: 'both', readOnly: true, summary: 'the machine name'},
	{name: 'date', where: 'both', readOnly: true, summary: 'the (virtual) date'},
	{name: 'clear', where: 'both', readOnly: true, summary: 'clear the screen'},
	{name: 'sleep', where: 'both', readOnly: true, summary: 'let time pass (sleep 60, sleep 5m)'},
	// shell builtins
	{name: 'export', where: 'both', builtin: true, readOnly: false, summary: 'export NAME=value (AWS_DEFAULT_REGION…)'},
	{name: 'unset', where: 'both', builtin: true, readOnly: false, summary: 'forget a variable'},
	{name: 'cd', where: 'both', builtin: true, readOnly: true, summary: 'change directory'},
	{name: 'source', where: 'both', builtin: true, readOnly: false, summary: 'run a file in this shell'},
	{name: '.', where: 'both', builtin: true, readOnly: false, summary: 'run a file in this shell'},
	{name: 'break', where: 'both', builtin: true, readOnly: true, summary: 'leave a for loop'},
	{name: 'continue', where: 'both', builtin: true, readOnly: true, summary: 'next turn of a for loop'},
	{name: 'exit', where: 'both', builtin: true, readOnly: false, summary: 'leave the shell (or the ssh session)'},
	{name: 'logout', where: 'both', builtin: true, readOnly: false, summary: 'leave the ssh session'},
	// inside an instance
	{name: 'sudo', where: 'guest', readOnly: args => readOnlyArgv(sudoCommand(args), 'guest'), summary: 'run a command as root'},
	{name: 'systemctl', where: 'guest', readOnly: args => args.every(a => a.startsWith('-')) || verbIn('status', 'is-active', 'is-enabled', 'is-failed', 'list-units', 'show', 'cat')(args), summary: 'services: systemctl enable --now httpd'},
	{name: 'dnf', where: 'guest', os: 'amazon-linux', readOnly: verbIn('list', 'info', 'search', 'repolist', 'check-update', 'provides'), summary: 'install packages (Amazon Linux)'},
	{name: 'yum', where: 'guest', os: 'amazon-linux', readOnly: verbIn('list', 'info', 'search', 'repolist', 'check-update', 'provides'), summary: 'install packages (Amazon Linux)'},
	{name: 'rpm', where: 'guest', os: 'amazon-linux', readOnly: args => args.some(a => /^-q/.test(a)), summary: 'query installed packages (rpm -q httpd)'},
	{name: 'apt', where: 'guest', os: 'ubuntu', readOnly: verbIn('list', 'show', 'search', 'policy'), summary: 'install packages (Ubuntu)'},
	{name: 'apt-get', where: 'guest', os: 'ubuntu', readOnly: false, summary: 'install packages (Ubuntu)'},
	{name: 'uptime', where: 'guest', readOnly: true, summary: 'time since boot'},
	{name: 'id', where: 'guest', readOnly: true, summary: 'user and groups'},
	{name: 'uname', where: 'guest', readOnly: true, summary: 'the kernel'},
	{name: 'reboot', where: 'guest', readOnly: false, summary: 'restart the instance (sudo reboot)'},
	{name: 'shutdown', where: 'guest', readOnly: false, summary: 'sudo shutdown -r now restarts the instance'},
	{name: 'poweroff', where: 'guest', readOnly: false, summary: 'not simulated: use aws ec2 stop-instances'},
	{name: 'halt', where: 'guest', readOnly: false, summary: 'not simulated: use aws ec2 stop-instances'},
	// not here, with what to use instead
	{name: 'jq', where: 'none', readOnly: true, summary: '', instead: "aws --query (JMESPath) does what jq would, e.g. --query 'Images[].ImageId' --output text"},
	{name: 'awk', where: 'none', readOnly: true, summary: '', instead: 'pick fields with aws --query … --output text'},
	{name: 'cut', where: 'none', readOnly: true, summary: '', instead: 'pick fields with aws --query … --output text'},
	{name: 'tr', where: 'none', readOnly: true, summary: '', instead: "--output text and xargs -n1 split words for you"},
	{name: 'sort', where: 'none', readOnly: true, summary: '', instead: "sort in the query: --query 'sort_by(Images, &CreationDate)'"},
	{name: 'test', where: 'none', readOnly: true, summary: '', instead: 'tests and if are not supported; use && and ||'},
	{name: '[', where: 'none', readOnly: true, summary: '', instead: 'tests and if are not supported; use && and ||'},
	{name: 'vi', where: 'none', readOnly: false, summary: '', instead: "write files with echo '…' > file or cat > file <<'EOF'"},
	{name: 'vim', where: 'none', readOnly: false, summary: '', instead: "write files with echo '…' > file or cat > file <<'EOF'"},
	{name: 'nano', where: 'none', readOnly: false, summary: '', instead: "write files with echo '…' > file or cat > file <<'EOF'"},
	{name: 'less', where: 'none', readOnly: true, summary: '', instead: 'the output scrolls in the game already'},
	{name: 'more', where: 'none', readOnly: true, summary: '', instead: 'the output scrolls in the game already'},
	{name: 'ping', where: 'none', readOnly: true, summary: '', instead: 'try the port you need: curl http://IP/ or ssh'},
	{name: 'watch', where: 'none', readOnly: true, summary: '', instead: 'aws ec2 wait … waits for a state'},
];

const BY_NAME = new Map(PROGRAMS.map(p => [p.name, p]));

export const programInfo = (name: string): ProgramInfo | undefined => BY_NAME.get(name);

/** runs on that kind of machine (and, inside an instance, on that OS) */
export const availableOn = (program: ProgramInfo, kind: 'local' | 'guest', os?: string): boolean => {
	if (program.where === 'none') return false;
	if (program.where !== 'both' && program.where !== kind) return false;
	return kind === 'local' || program.os === undefined || program.os === os;
};

/** The programs (not builtins) a machine runs: the player's computer, or an instance with that OS. */
export const programNames = (kind: 'local' | 'guest', os?: string): string[] =>
	PROGRAMS.filter(p => !p.builtin && availableOn(p, kind, os)).map(p => p.name);

/** The shell builtins. */
export const builtinNames = (): string[] => PROGRAMS.filter(p => p.builtin).map(p => p.name);

/** Every word that can start a command there (programs and builtins, any OS inside an instance): Tab completion's list. */
export const commandWords = (kind: 'local' | 'guest'): string[] =>
	PROGRAMS.filter(p => p.where !== 'none' && (p.where === 'both' || p.where === kind)).map(p => p.name);

/** What to say when `name` is not a command here: bash's line, with where it is or what to use instead. */
export const notFoundText = (name: string, kind: 'local' | 'guest'): string => {
	const info = programInfo(name);
	let why = '';
	if (info?.instead) why = ` (this shell has no ${name}: ${info.instead})`;
	else if (info?.where === 'guest' && kind === 'local') why = ` (${name} is inside an instance: ssh in first)`;
	else if (info?.where === 'local' && kind === 'guest') why = ` (${name} is on your own computer: exit the ssh session first)`;
	else if (info?.os) why = ` (${name} is on ${info.os === 'ubuntu' ? 'Ubuntu' : 'Amazon Linux'})`;
	return `bash: ${name}: command not found${why}\n`;
};

/** argv reads only, as a program of that side (an unknown program does not) */
export const readOnlyArgv = (argv: string[], where: Where): boolean => {
	const [name, ...args] = argv;
	if (name === undefined) return true;
	const info = programInfo(name);
	if (!info || info.where === 'none' || (where !== 'both' && info.where !== 'both' && info.where !== where)) return false;
	return typeof info.readOnly === 'function' ? info.readOnly(args) : info.readOnly;
};

const writesFiles = (list: List): boolean =>
	list.some(andOr =>
		[andOr.first, ...andOr.rest.map(r => r.pipeline)].some(pipeline =>
			pipeline.commands.some(command => command.redirects.some(r => (r.op === '>' || r.op === '>>') && literalWord(r.target) !== '/dev/null') || (isFor(command) && writesFiles(command.body))),
		),
	);

/**
 * A line that only reads (every command in it, loops and $(…) included, is a read-only use of a
 * registered program, and nothing is redirected into a file): what a lesson's `shell:` check may run.
 * Command names and arguments that come from variables are judged as written, so `$CMD` is not read-only.
 */
export const readOnlyLine = (line: string, where: Where = 'local'): boolean => {
	const parsed = parseLine(line);
	if (!parsed.ok || writesFiles(parsed.list)) return false;
	return simpleCommands(parsed.list).every(command => {
		if (command.words.length === 0) return true; // a bare assignment reads nothing
		const argv = command.words.map(literalWord);
		if (argv[0] === undefined) return false;
		// an argument from a variable or $(…) is fine unless it decides what runs (aws/sudo/xargs/ssh read their words)
		return readOnlyArgv(argv.map(a => a ?? '$'), where);
	});
};

/** An EC2 error that says something is not there (InvalidAMIID.NotFound…): an answer, not a typo. */
const reportsAbsence = (code: string | undefined): boolean => code !== undefined && /NotFound$/.test(code);

/**
 * A program that exited non-zero only to report what it found: a well-formed, read-only use
 * (curl that times out, `systemctl status` of a stopped service, `grep` that matches nothing, a
 * describe that finds no such image, a waiter that gives up). A usage error, an unknown program,
 * a malformed ID or any refused change is not. `aws` is judged on the API calls it made: none
 * changed the world, and every one that failed failed because something was not there.
 */
export const failureIsInformation = (run: ProgramRun): boolean => {
	if (run.exitCode === 0) return true;
	const info = programInfo(run.program);
	if (!info || info.where === 'none' || !readOnlyArgv([run.program, ...run.args], 'both')) return false;
	if (info.misuse?.includes(run.exitCode)) return false;
	if (run.program !== 'aws') return true;
	const calls = run.calls ?? [];
	if (calls.length === 0 || calls.some(call => call.changed === true)) return false;
	const failed = calls.filter(call => !call.ok);
	// no call failed but aws did: a waiter that gave up (its describes all answered) or an output problem after the call
	return failed.length > 0 ? failed.every(call => reportsAbsence(call.errorCode)) : run.args.includes('wait');
};
