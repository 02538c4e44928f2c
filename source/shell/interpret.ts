import type {AndOr, Command as ShellCommand, ForCommand, List, Pipeline, Redirect, SimpleCommand, Word} from './parse-line.js';
import {isFor, literalWord, parseLine, simpleCommands} from './parse-line.js';
import {notFoundText} from './programs.js';
import {fail, ok, runProgram, type Chunk, type CmdResult, type ExecContext, type Machine, type ShellVars} from './machine.js';
import {globMatch} from './glob.js';
import {noteCaptured} from './runs.js';
import type {ProgramRun} from './session.js';

// Runs a parsed command line the way bash does: expansions, assignments, redirections, pipes,
// `&&` `||` `;`, `$?`. Programs come from the Machine; the few builtins that change the shell
// itself (export, unset, cd, exit, source) live here.

type Runner = {
	machine: Machine;
	shell: ShellVars;
	/** for loops the running command is inside (break/continue count them) */
	loops?: number;
	/** set by break/continue: the lists stop until the loop it names takes it */
	jump?: {kind: 'break' | 'continue'; levels: number};
};

const MAX_DEPTH = 20;
let depth = 0;

const IFS = /[ \t\n]+/;

type Segment = {text: string; split: boolean; glob: boolean};

const lookup = (name: string, r: Runner): string | undefined => {
	const {shell, machine} = r;
	switch (name) {
		case '?':
			return String(shell.lastExit);
		case '$':
			return '4242';
		case '#':
			return '0';
		case '0':
			return 'bash';
		case '!':
		case '-':
		case '@':
		case '*':
			return '';
		default:
			break;
	}

	if (/^\d$/.test(name)) return undefined;
	if (Object.hasOwn(shell.vars, name)) return shell.vars[name];
	if (name === 'HOME') return machine.home;
	if (name === 'USER' || name === 'LOGNAME') return machine.user;
	if (name === 'PWD') return machine.cwd;
	if (name === 'HOSTNAME') return machine.hostname;
	if (name === 'SHELL') return '/bin/bash';
	return undefined;
};

/** expands the parts of a word to segments; stderr of command substitutions goes to `sink` */
const segments = (word: Word, r: Runner, sink: Chunk[], subExit: {code?: number}): Segment[] => {
	const out: Segment[] = [];
	for (const part of word) {
		switch (part.t) {
			case 'lit':
				out.push({text: part.v, split: false, glob: !part.q});
				break;
			case 'tilde':
				out.push({text: r.machine.home, split: false, glob: false});
				break;
			case 'var': {
				let value = lookup(part.name, r);
				if (part.fallback) {
					const {op, word: alt} = part.fallback;
					const unset = value === undefined || (op.startsWith(':') && value === '');
					const altText = () => expandToString(alt, r, sink, subExit);
					if (op.endsWith('-') && unset) value = altText();
					else if (op.endsWith('=') && unset) {
						value = altText();
						r.shell.vars[part.name] = value;
					} else if (op.endsWith('+')) value = unset ? '' : altText();
					else if (op.endsWith('?') && unset) {
						sink.push({fd: 2, text: `bash: ${part.name}: ${altText() || 'parameter null or not set'}\n`});
						throw new ExpansionError();
					}
				}

				out.push({text: value ?? '', split: !part.q, glob: false});
				break;
			}

			case 'sub': {
				const result = runSubstitution(part.list, r);
				for (const c of result.out) if (c.fd === 2) sink.push(c);
				noteCaptured(result.out.filter(c => c.fd === 1));
				subExit.code = result.code;
				const text = result.out
					.filter(c => c.fd === 1)
					.map(c => c.text)
					.join('')
					.replace(/\n+$/, '');
				out.push({text, split: !part.q, glob: false});
				break;
			}
		}
	}

	return out;
};

class ExpansionError extends Error {}

const expandToString = (word: Word, r: Runner, sink: Chunk[], subExit: {code?: number}): string =>
	segments(word, r, sink, subExit)
		.map(s => s.text)
		.join('');

/** a word to its fields: splitting of unquoted expansions, then pathname globbing */
const expandFields = (word: Word, r: Runner, sink: Chunk[], subExit: {code?: number}): string[] => {
	const segs = segments(word, r, sink, subExit);
	const fields: Array<{text: string; glob: boolean}> = [];
	let current: {text: string; glob: boolean} | undefined;
	for (const seg of segs) {
		if (!seg.split) {
			current ??= {text: '', glob: false};
			current.text += seg.text;
			if (seg.glob && /[*?[]/.test(seg.text)) current.glob = true;
			continue;
		}

		const pieces = seg.text.split(IFS);
		pieces.forEach((piece, index) => {
			if (index > 0) {
				if (current) fields.push(current);
				current = undefined;
			}

			if (piece) {
				current ??= {text: '', glob: false};
				current.text += piece;
			}
		});
	}

	if (current) fields.push(current);
	const quotedEmpty = segs.length > 0 && segs.every(s => !s.split) && fields.length === 0;
	if (quotedEmpty) return [''];
	return fields.flatMap(f => (f.glob ? glob(f.text, r.machine) : [f.text]));
};

const glob = (pattern: string, machine: Machine): string[] => {
	const slash = pattern.lastIndexOf('/');
	const dir = slash === -1 ? '' : pattern.slice(0, slash + 1);
	const base = pattern.slice(slash + 1);
	const names = machine.fs.list(dir || '.');
	if ('error' in names) return [pattern];
	const matches = names.filter(n => (base.startsWith('.') || !n.startsWith('.')) && globMatch(base, n)).map(n => dir + n);
	return matches.length > 0 ? matches : [pattern];
};

const runSubstitution = (list: List, r: Runner): CmdResult => {
	const sub: ShellVars = {vars: {...r.shell.vars}, exported: new Set(r.shell.exported), lastExit: r.shell.lastExit};
	return runList(list, {machine: r.machine, shell: sub}, '');
};

// ---------------------------------------------------------------- redirections

type Target = {to: 'out'} | {to: 'err'} | {to: 'file'; path: string} | {to: 'null'};

const SPECIAL = new Map<string, Target>([['/dev/null', {to: 'null'}], ['/dev/stdout', {to: 'out'}], ['/dev/stderr', {to: 'err'}]]);

type Routing = {fd1: Target; fd2: Target; stdin?: string; files: Map<string, string>};

const setupRedirects = (redirects: Redirect[], r: Runner, sink: Chunk[], subExit: {code?: number}): Routing | {error: string} => {
	const routing: Routing = {fd1: {to: 'out'}, fd2: {to: 'err'}, files: new Map()};
	for (const redirect of redirects) {
		if (redirect.op === '<<') {
			routing.stdin = redirect.heredoc ? expandToString(redirect.heredoc.body, r, sink, subExit) : '';
			continue;
		}

		const fields = expandFields(redirect.target, r, sink, subExit);
		const raw = expandToString(redirect.target, r, sink, subExit);
		if (fields.length !== 1) return {error: `bash: ${raw}: ambiguous redirect\n`};
		const target = fields[0];
		if (redirect.op === '<') {
			if (SPECIAL.has(target)) {
				routing.stdin = '';
				continue;
			}

			const content = r.machine.fs.read(target);
			if (typeof content !== 'string') return {error: `bash: ${target}: ${content.error}\n`};
			routing.stdin = content;
			continue;
		}

		if (redirect.op === '>&') {
			const dest = target === '1' ? routing.fd1 : target === '2' ? routing.fd2 : undefined;
			if (dest === undefined) {
				if (target === '-') continue;
				// `>&file` means both to that file
				const opened = openFile(target, false, r, routing);
				if ('error' in opened) return opened;
				routing.fd1 = opened.target;
				routing.fd2 = opened.target;
				continue;
			}

			if (redirect.fd === 2) routing.fd2 = dest;
			else routing.fd1 = dest;
			continue;
		}

		const opened = openFile(target, redirect.op === '>>', r, routing);
		if ('error' in opened) return opened;
		if (redirect.fd === -1) {
			routing.fd1 = opened.target;
			routing.fd2 = opened.target;
		} else if (redirect.fd === 2) routing.fd2 = opened.target;
		else if (redirect.fd === 1) routing.fd1 = opened.target;
	}

	return routing;
};

const openFile = (path: string, append: boolean, r: Runner, routing: Routing): {target: Target} | {error: string} => {
	const special = SPECIAL.get(path);
	if (special) return {target: special};
	if (path === '') return {error: 'bash: : No such file or directory\n'};
	const abs = r.machine.fs.resolve(path);
	if (!routing.files.has(abs)) {
		const existing = r.machine.fs.read(path);
		const base = append && typeof existing === 'string' ? existing : '';
		if (r.machine.fs.isDir(path)) return {error: `bash: ${path}: Is a directory\n`};
		const written = r.machine.fs.write(path, base, false);
		if (written) return {error: `bash: ${path}: ${written.error}\n`};
		routing.files.set(abs, base);
	}

	return {target: {to: 'file', path: abs}};
};

const route = (result: CmdResult, routing: Routing, r: Runner): Chunk[] => {
	const out: Chunk[] = [];
	for (const chunk of result.out) {
		const target = chunk.fd === 1 ? routing.fd1 : routing.fd2;
		if (target.to === 'out') out.push({...chunk, fd: 1});
		else if (target.to === 'err') out.push({...chunk, fd: 2});
		else if (target.to === 'file') routing.files.set(target.path, (routing.files.get(target.path) ?? '') + chunk.text);
	}

	for (const [path, content] of routing.files) r.machine.fs.write(path, content, false);
	return out;
};

// ---------------------------------------------------------------- commands

const isName = (s: string) => /^[A-Za-z_]\w*$/.test(s);

const builtins: Record<string, (args: string[], r: Runner, ctx: ExecContext) => CmdResult> = {
	export(args, r) {
		if (args.length === 0 || args[0] === '-p') {
			const lines = [...r.shell.exported].sort().map(n => `declare -x ${n}="${(r.shell.vars[n] ?? '').replaceAll(/(["\\$`])/g, '\\$1')}"\n`);
			return ok(lines.join(''));
		}

		let code = 0;
		const errors: string[] = [];
		for (const arg of args) {
			const eq = arg.indexOf('=');
			const name = eq === -1 ? arg : arg.slice(0, eq);
			if (!isName(name)) {
				errors.push(`bash: export: \`${arg}': not a valid identifier\n`);
				code = 1;
				continue;
			}

			if (eq !== -1) r.shell.vars[name] = arg.slice(eq + 1);
			r.shell.exported.add(name);
		}

		return fail(code, errors.join(''));
	},
	unset(args, r) {
		for (const name of args.filter(a => !a.startsWith('-'))) {
			delete r.shell.vars[name];
			r.shell.exported.delete(name);
		}

		return ok();
	},
	exit(args, r) {
		const code = args[0] === undefined ? r.shell.lastExit : Number.parseInt(args[0], 10);
		if (args[0] !== undefined && Number.isNaN(code)) {
			r.shell.exited = {code: 2};
			return fail(2, `bash: exit: ${args[0]}: numeric argument required\n`);
		}

		r.shell.exited = {code: code & 255};
		return {code: code & 255, out: []};
	},
	cd(args, r) {
		const dest = args[0] === undefined || args[0] === '~' ? r.machine.home : args[0];
		if (args.length > 1) return fail(1, 'bash: cd: too many arguments\n');
		const abs = r.machine.fs.resolve(dest);
		if (!r.machine.fs.isDir(dest)) {
			const exists = r.machine.fs.read(dest);
			return fail(1, `bash: cd: ${args[0]}: ${typeof exists === 'string' ? 'Not a directory' : 'No such file or directory'}\n`);
		}

		r.machine.cwd = abs;
		return ok();
	},
	source(args, r, ctx) {
		if (args.length === 0) return fail(2, 'bash: source: filename argument required\nsource: usage: source filename [arguments]\n');
		const content = r.machine.fs.read(args[0]);
		if (typeof content !== 'string') return fail(1, `bash: ${args[0]}: ${content.error}\n`);
		return runScript(content, r, ctx.stdin);
	},
};
builtins['.'] = builtins.source;
for (const which of ['break', 'continue'] as const) {
	builtins[which] = (args, r) => {
		const n = args[0] === undefined ? 1 : Number(args[0]);
		if (!Number.isInteger(n) || n < 1) return fail(1, `bash: ${which}: ${args[0]}: loop count out of range\n`);
		if (!r.loops) return ok(); // bash: "only meaningful in a `for', `while', or `until' loop" (and does nothing)
		r.jump = {kind: which, levels: Math.min(n, r.loops)};
		return ok();
	};
}

builtins.logout = (args, r, ctx) => builtins.exit(args, r, ctx);

const runSimple = (command: SimpleCommand, r: Runner, stdin: string): CmdResult => {
	const sink: Chunk[] = [];
	const subExit: {code?: number} = {};
	let argv: string[];
	const assigns: Array<[string, string]> = [];
	try {
		argv = command.words.flatMap(w => expandFields(w, r, sink, subExit));
		for (const a of command.assigns) assigns.push([a.name, expandToString(a.value, r, sink, subExit)]);
	} catch (error) {
		if (error instanceof ExpansionError) return {code: 1, out: sink};
		throw error;
	}

	const routing = setupRedirects(command.redirects, r, sink, subExit);
	if ('error' in routing) return {code: 1, out: [...sink, {fd: 2, text: routing.error}]};

	if (argv.length === 0) {
		for (const [name, value] of assigns) r.shell.vars[name] = value;
		const result = {code: subExit.code ?? 0, out: []};
		return {code: result.code, out: [...sink, ...route(result, routing, r)]};
	}

	const env = Object.create(null) as Record<string, string>;
	for (const name of r.shell.exported) if (Object.hasOwn(r.shell.vars, name)) env[name] = r.shell.vars[name];
	for (const [name, value] of assigns) env[name] = value;
	const ctx: ExecContext = {machine: r.machine, shell: r.shell, env, stdin: routing.stdin ?? stdin};
	const [name, ...args] = argv;
	let result: CmdResult;
	const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
	const program = builtin ? undefined : r.machine.command(name);
	if (builtin) result = builtin(args, r, ctx);
	else if (program) result = runProgram(program, ctx, argv);
	else if (name.includes('/')) {
		const exists = r.machine.fs.read(name);
		result = fail(typeof exists === 'string' || r.machine.fs.isDir(name) ? 126 : 127, `bash: ${name}: ${typeof exists === 'string' || r.machine.fs.isDir(name) ? 'Permission denied' : 'No such file or directory'}\n`);
	} else result = fail(127, notFoundText(name, r.machine.kind));

	return {code: result.code, out: [...sink, ...route(result, routing, r)], run: result.run};
};

/** `for NAME in WORDS; do BODY; done`: the variable takes each field in turn; $? is the body's last. */
const runFor = (command: ForCommand, r: Runner, stdin: string): CmdResult => {
	const sink: Chunk[] = [];
	const subExit: {code?: number} = {};
	let items: string[];
	try {
		items = (command.items ?? []).flatMap(w => expandFields(w, r, sink, subExit));
	} catch (error) {
		if (error instanceof ExpansionError) return {code: 1, out: sink};
		throw error;
	}

	const routing = setupRedirects(command.redirects, r, sink, subExit);
	if ('error' in routing) return {code: 1, out: [...sink, {fd: 2, text: routing.error}]};
	const out: Chunk[] = [];
	let code = 0;
	r.loops = (r.loops ?? 0) + 1;
	try {
		for (const item of items) {
			if (r.shell.exited) break;
			r.shell.vars[command.name] = item;
			const result = runList(command.body, r, routing.stdin ?? stdin);
			out.push(...result.out);
			code = result.code;
			const jump = r.jump;
			if (jump) {
				r.jump = jump.levels > 1 ? {...jump, levels: jump.levels - 1} : undefined;
				if (jump.kind === 'break' || jump.levels > 1) break;
			}
		}
	} finally {
		r.loops--;
	}

	return {code, out: [...sink, ...route({code, out}, routing, r)]};
};

const runCommand = (command: ShellCommand, r: Runner, stdin: string): CmdResult => (isFor(command) ? runFor(command, r, stdin) : runSimple(command, r, stdin));

const runPipeline = (pipeline: Pipeline, r: Runner, stdin: string): CmdResult => {
	const out: Chunk[] = [];
	let input = stdin;
	let code = 0;
	const runs: ProgramRun[] = [];
	pipeline.commands.forEach((command, index) => {
		const last = index === pipeline.commands.length - 1;
		const result = runCommand(command, r, input);
		if (result.run) runs.push(result.run);
		code = result.code;
		// what a pipeline prints, its every program showed (`aws … | grep snap-`)
		if (last) out.push(...result.out.map(c => (runs.length > 1 ? {...c, by: [...new Set([...(c.by ?? []), ...runs])]} : c)));
		else {
			out.push(...result.out.filter(c => c.fd === 2));
			input = result.out
				.filter(c => c.fd === 1)
				.map(c => c.text)
				.join('');
		}
	});
	if (pipeline.bang) code = code === 0 ? 1 : 0;
	return {code, out};
};

const runAndOr = (andOr: AndOr, r: Runner, stdin: string): CmdResult => {
	const first = runPipeline(andOr.first, r, stdin);
	const out = [...first.out];
	let code = first.code;
	r.shell.lastExit = code;
	for (const {op, pipeline} of andOr.rest) {
		if (r.shell.exited || r.jump) break;
		if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
		const next = runPipeline(pipeline, r, stdin);
		out.push(...next.out);
		code = next.code;
		r.shell.lastExit = code;
	}

	return {code, out};
};

/** The names builtins answer to (the registry lists them, a test proves they agree). */
export const builtinCommands = (): string[] => Object.keys(builtins).sort();

/**
 * A typed line that names a program this machine does not have is refused before anything runs,
 * with one line (rather than running half of it, or a loop printing "command not found" each turn).
 * Scripts (user data, `bash -c`, `source`) run as bash runs them instead.
 */
export const refuseUnknown = (list: List, machine: Machine): CmdResult | undefined => {
	for (const command of simpleCommands(list)) {
		const name = literalWord(command.words[0]);
		if (name === undefined || name.includes('/') || Object.hasOwn(builtins, name) || machine.command(name)) continue;
		return fail(127, notFoundText(name, machine.kind));
	}

	return undefined;
};

/** Runs a parsed list; returns everything written to the terminal, in order, and the last exit code. */
export const runList = (list: List, r: Runner, stdin: string): CmdResult => {
	if (depth > MAX_DEPTH) return fail(1, 'bash: maximum nesting level exceeded\n');
	depth++;
	try {
		const out: Chunk[] = [];
		let code = r.shell.lastExit;
		for (const andOr of list) {
			if (r.shell.exited || r.jump) break;
			const result = runAndOr(andOr, r, stdin);
			out.push(...result.out);
			code = result.code;
		}

		return {code: r.shell.exited ? r.shell.exited.code : code, out};
	} finally {
		depth--;
	}
};

/** Parses and runs a script (user data, `source`, `bash -c`); a syntax error ends it like bash does. */
export const runScript = (text: string, r: Runner, stdin = ''): CmdResult => {
	const parsed = parseLine(text.endsWith('\n') ? text : `${text}\n`);
	if (!parsed.ok) {
		if (parsed.incomplete) return fail(2, 'bash: syntax error: unexpected end of file\n');
		return fail(2, `bash: ${parsed.error}\n`);
	}

	return runList(parsed.list, r, stdin);
};
