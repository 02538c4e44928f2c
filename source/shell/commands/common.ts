import {commandResult, fail, ok, type Command, type ExecContext} from '../machine.js';
import {runScript} from '../interpret.js';
import {sed} from './sed.js';
import {xargs} from './xargs.js';

// The coreutils every machine has (the player's computer and the instances), printing what
// GNU coreutils / bash print, errors included.

const escapes = (s: string): string =>
	s.replaceAll(/\\(0[0-7]{0,3}|x[\da-fA-F]{1,2}|.)/g, (_, e: string) => {
		if (e.startsWith('x')) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
		if (e.startsWith('0')) return String.fromCodePoint(Number.parseInt(e.slice(1) || '0', 8));
		return ({n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\u0007', b: '\b', e: '\u001B', f: '\f', v: '\v'} as Record<string, string>)[e] ?? `\\${e}`;
	});

const echo: Command = (_ctx, [, ...args]) => {
	let newline = true;
	let interpret = false;
	while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
		const flag = args.shift()!;
		if (flag.includes('n')) newline = false;
		if (flag.includes('e')) interpret = true;
		if (flag.includes('E')) interpret = false;
	}

	const text = args.join(' ');
	return ok((interpret ? escapes(text) : text) + (newline ? '\n' : ''));
};

const printf: Command = (_ctx, [, format, ...args]) => {
	if (format === undefined) return fail(2, 'bash: printf: usage: printf [-v var] format [arguments]\n');
	let out = '';
	let index = 0;
	do {
		out += escapes(format).replaceAll(/%([-\d.]*)([sdbf%])/g, (_, width: string, conv: string) => {
			if (conv === '%') return '%';
			const arg = args[index++] ?? '';
			let value = conv === 'd' ? String(Number.parseInt(arg, 10) || 0) : conv === 'b' ? escapes(arg) : conv === 'f' ? (Number(arg) || 0).toFixed(6) : arg;
			const w = Number.parseInt(width, 10);
			if (w) value = width.startsWith('-') ? value.padEnd(Math.abs(w)) : value.padStart(w);
			return value;
		});
	} while (index > 0 && index < args.length);
	return ok(out);
};

const readInputs = (ctx: ExecContext, prog: string, files: string[]): {text: string; errors: string; code: number} => {
	if (files.length === 0) return {text: ctx.stdin, errors: '', code: 0};
	let text = '';
	let errors = '';
	let code = 0;
	for (const file of files) {
		if (file === '-') {
			text += ctx.stdin;
			continue;
		}

		const content = ctx.machine.fs.read(file);
		if (typeof content === 'string') text += content;
		else {
			errors += `${prog}: ${file}: ${content.error}\n`;
			code = 1;
		}
	}

	return {text, errors, code};
};

const cat: Command = (ctx, [, ...files]) => {
	const {text, errors, code} = readInputs(
		ctx,
		'cat',
		files.filter(f => !/^-[A-Za-z]+$/.test(f)),
	);
	return commandResult(code, text, errors);
};

const lines = (text: string): string[] => {
	const all = text.split('\n');
	if (all.at(-1) === '') all.pop();
	return all;
};

const countOption = (args: string[]): {n: number; rest: string[]} => {
	let n = 10;
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '-n') n = Number.parseInt(args[++i] ?? '10', 10);
		else if (/^-n\d+$/.test(a)) n = Number.parseInt(a.slice(2), 10);
		else if (/^-\d+$/.test(a)) n = Number.parseInt(a.slice(1), 10);
		else rest.push(a);
	}

	return {n: Number.isNaN(n) ? 10 : n, rest};
};

const headTail =
	(which: 'head' | 'tail'): Command =>
	(ctx, [, ...args]) => {
		const {n, rest} = countOption(args);
		const {text, errors, code} = readInputs(ctx, which, rest);
		const all = lines(text);
		const picked = which === 'head' ? all.slice(0, n) : n === 0 ? [] : all.slice(-n);
		return commandResult(code, picked.map(l => `${l}\n`).join(''), errors);
	};

const toRegExp = (pattern: string, flags: {i: boolean; fixed: boolean; extended: boolean}): RegExp | undefined => {
	let source = pattern;
	if (flags.fixed) source = pattern.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
	else if (!flags.extended) source = pattern.replaceAll(/\\([|(){}+?])/g, '$1\u0000').replaceAll(/(?<!\\)([|(){}+?])(?!\u0000)/g, '\\$1').replaceAll('\u0000', '');
	try {
		return new RegExp(source, flags.i ? 'i' : '');
	} catch {
		return undefined;
	}
};

const grep: Command = (ctx, [, ...args]) => {
	const flags = {i: false, v: false, c: false, q: false, fixed: false, extended: false, o: false, n: false};
	const rest: string[] = [];
	let pattern: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '-e') pattern = args[++i];
		else if (/^-[ivcqFEon]+$/.test(a)) {
			for (const f of a.slice(1)) {
				if (f === 'F') flags.fixed = true;
				else if (f === 'E') flags.extended = true;
				else (flags as Record<string, boolean>)[f] = true;
			}
		} else if (pattern === undefined) pattern = a;
		else rest.push(a);
	}

	if (pattern === undefined) return fail(2, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
	const re = toRegExp(pattern, flags);
	if (!re) return fail(2, 'grep: Unmatched ( or \\(\n');
	const {text, errors, code} = readInputs(ctx, 'grep', rest);
	const matched = lines(text)
		.map((line, i) => ({line, n: i + 1}))
		.filter(({line}) => re.test(line) !== flags.v);
	let out = '';
	if (flags.c) out = `${matched.length}\n`;
	else if (!flags.q) {
		out = matched
			.map(({line, n}) => {
				const shown = flags.o && !flags.v ? (line.match(new RegExp(re.source, `g${re.flags}`)) ?? []).join('\n') : line;
				return `${flags.n ? `${n}:` : ''}${shown}\n`;
			})
			.join('');
	}

	const status = code === 1 ? 2 : matched.length > 0 ? 0 : 1;
	return commandResult(status, out, errors);
};

const wc: Command = (ctx, [, ...args]) => {
	const opts = args.filter(a => a.startsWith('-') && a !== '-').join('');
	const files = args.filter(a => !a.startsWith('-') || a === '-');
	const want = {l: opts.includes('l'), w: opts.includes('w'), c: opts.includes('c') || opts.includes('m')};
	if (!want.l && !want.w && !want.c) Object.assign(want, {l: true, w: true, c: true});
	const count = (text: string) => [want.l ? (text.match(/\n/g) ?? []).length : undefined, want.w ? text.split(/\s+/).filter(Boolean).length : undefined, want.c ? Buffer.byteLength(text) : undefined].filter((v): v is number => v !== undefined);
	if (files.length === 0) {
		const counts = count(ctx.stdin);
		return ok(`${counts.length === 1 ? String(counts[0]) : counts.map(c => String(c).padStart(7)).join(' ')}\n`);
	}

	let out = '';
	let errors = '';
	let code = 0;
	for (const file of files) {
		const content = ctx.machine.fs.read(file);
		if (typeof content !== 'string') {
			errors += `wc: ${file}: ${content.error === 'Is a directory' ? 'Is a directory' : 'No such file or directory'}\n`;
			code = 1;
			continue;
		}

		const counts = count(content);
		const width = Math.max(...counts.map(c => String(c).length));
		out += `${counts.map(c => String(c).padStart(width)).join(' ')} ${file}\n`;
	}

	return commandResult(code, out, errors);
};

const tee: Command = (ctx, [, ...args]) => {
	const append = args.some(a => /^-[a-z]*a/.test(a) || a === '--append');
	const files = args.filter(a => !a.startsWith('-'));
	let errors = '';
	for (const file of files) {
		const written = ctx.machine.fs.write(file, ctx.stdin, append);
		if (written) errors += `tee: ${file}: ${written.error}\n`;
	}

	return commandResult(errors ? 1 : 0, ctx.stdin, errors);
};

const modeString = (mode: number, dir: boolean): string => {
	const bits = ['r', 'w', 'x'];
	let s = dir ? 'd' : '-';
	for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
	return s;
};

const ls: Command = (ctx, [, ...args]) => {
	const long = args.some(a => /^-[a-zA-Z]*l/.test(a));
	const all = args.some(a => /^-[a-zA-Z]*a/.test(a));
	const paths = args.filter(a => !a.startsWith('-'));
	const targets = paths.length > 0 ? paths : ['.'];
	let out = '';
	let errors = '';
	let code = 0;
	const {fs} = ctx.machine;
	const describe = (name: string, path: string) => {
		if (!long) return name;
		const dir = fs.isDir(path);
		const content = dir ? '' : fs.read(path);
		const size = typeof content === 'string' ? Buffer.byteLength(content) : 0;
		const mode = fs.mode?.(path) ?? (dir ? 0o755 : 0o644);
		const owner = ctx.machine.kind === 'local' || fs.resolve(path).startsWith(ctx.machine.home) ? ctx.machine.user : 'root';
		return `${modeString(mode, dir)} 1 ${owner} ${owner} ${String(size).padStart(5)} Sep  1 08:00 ${name}`;
	};

	targets.forEach((target, index) => {
		const names = fs.list(target);
		if ('error' in names) {
			errors += `ls: cannot access '${target}': ${names.error}\n`;
			code = 2;
			return;
		}

		const isDir = fs.isDir(target);
		const shown = isDir ? names.filter(n => all || !n.startsWith('.')) : [target];
		const entries = shown.map(n => describe(n, isDir ? `${target}/${n}` : target));
		if (targets.length > 1 && isDir) out += `${index > 0 ? '\n' : ''}${target}:\n`;
		if (long) out += `${isDir ? `total ${shown.length * 4}\n` : ''}${entries.map(e => `${e}\n`).join('')}`;
		else if (entries.length > 0) out += `${entries.join('  ')}\n`;
	});
	return commandResult(code, out, errors);
};

const rm: Command = (ctx, [, ...args]) => {
	const force = args.some(a => /^-[a-zA-Z]*f/.test(a));
	const recursive = args.some(a => /^-[a-zA-Z]*[rR]/.test(a));
	const files = args.filter(a => !a.startsWith('-'));
	if (files.length === 0 && !force) return fail(1, "rm: missing operand\nTry 'rm --help' for more information.\n");
	let errors = '';
	for (const file of files) {
		if (ctx.machine.fs.isDir(file) && !recursive) {
			errors += `rm: cannot remove '${file}': Is a directory\n`;
			continue;
		}

		const removed = ctx.machine.fs.remove(file);
		if (removed && !(force && removed.error === 'No such file or directory')) errors += `rm: cannot remove '${file}': ${removed.error}\n`;
	}

	return fail(errors ? 1 : 0, errors);
};

const touch: Command = (ctx, [, ...args]) => {
	let errors = '';
	for (const file of args.filter(a => !a.startsWith('-'))) {
		const existing = ctx.machine.fs.read(file);
		if (typeof existing === 'string' || ctx.machine.fs.isDir(file)) continue;
		const written = ctx.machine.fs.write(file, '', false);
		if (written) errors += `touch: cannot touch '${file}': ${written.error}\n`;
	}

	return fail(errors ? 1 : 0, errors);
};

const mkdir: Command = (ctx, [, ...args]) => {
	const parents = args.some(a => /^-[a-zA-Z]*p/.test(a));
	let errors = '';
	for (const dir of args.filter(a => !a.startsWith('-'))) {
		if (parents) {
			const abs = ctx.machine.fs.resolve(dir);
			let path = '';
			for (const seg of abs.split('/').filter(Boolean)) {
				path += `/${seg}`;
				if (ctx.machine.fs.isDir(path)) continue;
				const made = ctx.machine.fs.mkdir(path);
				if (made) {
					errors += `mkdir: cannot create directory '${dir}': ${made.error}\n`;
					break;
				}
			}

			continue;
		}

		const made = ctx.machine.fs.mkdir(dir);
		if (made) errors += `mkdir: cannot create directory '${dir}': ${made.error}\n`;
	}

	return fail(errors ? 1 : 0, errors);
};

const base64: Command = (ctx, [, ...args]) => {
	const decode = args.some(a => a === '-d' || a === '--decode' || a === '-D');
	const noWrap = args.some(a => a === '-w0' || a === '--wrap=0') || args.includes('0');
	const files = args.filter(a => !a.startsWith('-') && a !== '0');
	const {text, errors, code} = readInputs(ctx, 'base64', files.slice(0, 1));
	if (code !== 0) return fail(1, errors);
	if (decode) {
		const clean = text.replaceAll(/\s/g, '');
		if (!/^[A-Za-z\d+/]*={0,2}$/.test(clean)) return fail(1, 'base64: invalid input\n', Buffer.from(clean.replaceAll(/[^A-Za-z\d+/=]/g, ''), 'base64').toString('utf8'));
		return ok(Buffer.from(clean, 'base64').toString('utf8'));
	}

	const encoded = Buffer.from(text, 'utf8').toString('base64');
	if (encoded === '') return ok();
	return ok(`${noWrap ? encoded : (encoded.match(/.{1,76}/g) ?? []).join('\n')}${noWrap ? '' : '\n'}`);
};

const shell: Command = (ctx, [prog, ...args]) => {
	const vars = Object.fromEntries(Object.entries(ctx.env));
	const sub = {vars, exported: new Set(Object.keys(vars)), lastExit: 0};
	if (args[0] === '-c') {
		if (args[1] === undefined) return fail(2, `${prog}: -c: option requires an argument\n`);
		return runScript(args[1], {machine: ctx.machine, shell: sub}, ctx.stdin);
	}

	if (args.length === 0) return runScript(ctx.stdin, {machine: ctx.machine, shell: sub});
	const content = ctx.machine.fs.read(args[0]);
	if (typeof content !== 'string') return fail(127, `${prog}: ${args[0]}: ${content.error}\n`);
	return runScript(content, {machine: ctx.machine, shell: sub});
};

const env: Command = ctx => ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));

/** The virtual date as `date` prints it in UTC: `Tue Sep  1 08:00:00 UTC 2026` */
export const dateString = (ms: number): string => {
	const d = new Date(ms);
	const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
	const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
	const time = d.toISOString().slice(11, 19);
	return `${day} ${month} ${String(d.getUTCDate()).padStart(2)} ${time} UTC ${d.getUTCFullYear()}`;
};

/** The escape sequence `clear` writes; runLine turns it into LineResult.clear. */
export const CLEAR_SCREEN = '\u001B[H\u001B[2J\u001B[3J';

/** GNU sleep: moves the virtual clock on by the interval (at most 30 days). */
const sleepCommand =
	(elapse: (ms: number) => void): Command =>
	(_ctx, [, n]) => {
		if (n === undefined) return fail(1, "sleep: missing operand\nTry 'sleep --help' for more information.\n");
		const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(n);
		if (!m) return fail(1, `sleep: invalid time interval '${n}'\nTry 'sleep --help' for more information.\n`);
		const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[m[2] as '' | 's' | 'm' | 'h' | 'd'];
		elapse(Math.min(Number(m[1]) * unit, 30 * 86_400_000));
		return ok();
	};

/** `elapse` moves the virtual clock (sleep); without it (user data at first boot) time stands still. */
export const commonCommands = (now: () => number, elapse: (ms: number) => void = () => {}): Record<string, Command> => ({
	echo,
	printf,
	cat,
	head: headTail('head'),
	tail: headTail('tail'),
	grep,
	wc,
	tee,
	sed,
	ls,
	rm,
	touch,
	mkdir,
	base64,
	bash: shell,
	sh: shell,
	env,
	true: () => ok(),
	false: () => ({code: 1, out: []}),
	':': () => ok(),
	pwd: ctx => ok(`${ctx.machine.cwd}\n`),
	whoami: ctx => ok(`${ctx.machine.user}\n`),
	date: () => ok(`${dateString(now())}\n`),
	clear: () => ok(CLEAR_SCREEN),
	sleep: sleepCommand(elapse),
	xargs,
});
