import {afterEach} from 'vitest';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

// Runs the BUILT game (dist/cli.js) in a real pseudo-terminal and rebuilds the screen with a
// headless xterm, so tests see what a player sees. Every wait is polled and time-boxed.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export type TermOptions = {args?: string[]; columns?: number; rows?: number; env?: Record<string, string>; configDir?: string};

export type Term = {
	/** the visible screen, lines joined by \n, trailing spaces trimmed */
	screen(): string;
	/** everything written so far, scrollback included */
	all(): string;
	/** the bytes the game wrote, escape sequences and all */
	raw(): string;
	write(data: string): void;
	/** types a line, then Enter as its own key */
	line(text: string): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
	resize(columns: number, rows: number): void;
	exited(timeoutMs?: number): Promise<number>;
	configDir: string;
	/** the game's process id */
	pid: number;
	dispose(): void;
};

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export const spawnGame = (options: TermOptions = {}): Term => {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const configDir = options.configDir ?? mkdtempSync(path.join(tmpdir(), 'ami-e2e-'));
	const ownsConfig = options.configDir === undefined;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 5000});
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
	delete env.NO_COLOR;
	delete env.FORCE_COLOR;
	Object.assign(env, {CI: 'false', TERM: 'xterm-256color', AMI_SCHOOL_CONFIG_DIR: configDir, AMI_SCHOOL_SANDBOX: path.join(configDir, 'sandbox.json')}, options.env);
	const child = pty.spawn(process.execPath, [CLI, ...(options.args ?? [])], {name: env.TERM, cols: columns, rows, cwd: ROOT, env});
	let raw = '';
	let exitCode: number | undefined;
	child.onData(data => {
		raw += data;
		terminal.write(data);
	});
	child.onExit(({exitCode: code}) => {
		exitCode = code;
	});

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < terminal.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return lines.join('\n').replace(/\n+$/, '');
	};

	const all = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return lines.join('\n');
	};

	// xterm parses asynchronously: flush before reading.
	const flushed = async () => new Promise<void>(resolve => terminal.write('', resolve));

	const waitFor = async (text: string | RegExp, timeoutMs = 8000) => {
		const deadline = Date.now() + timeoutMs;
		const found = () => (typeof text === 'string' ? all().includes(text) || screen().includes(text) : text.test(all()) || text.test(screen()));
		for (;;) {
			await flushed();
			if (found()) return;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen()}`);
			if (exitCode !== undefined) throw new Error(`the game exited (${exitCode}) before ${String(text)} appeared; screen:\n${screen()}`);
			await sleep(25);
		}
	};

	return {
		screen,
		all,
		raw: () => raw,
		write: data => child.write(data),
		async line(text) {
			child.write(text);
			await sleep(60);
			child.write('\r');
			await sleep(60);
		},
		waitFor,
		resize(c, r) {
			child.resize(c, r);
			terminal.resize(c, r);
		},
		async exited(timeoutMs = 8000) {
			const deadline = Date.now() + timeoutMs;
			while (exitCode === undefined) {
				if (Date.now() > deadline) throw new Error(`the game did not exit; screen:\n${screen()}`);
				await sleep(25);
			}

			return exitCode;
		},
		configDir,
		pid: child.pid,
		dispose() {
			if (exitCode === undefined) {
				try {
					process.kill(child.pid, 'SIGCONT'); // a game stopped with Ctrl+Z must wake to die
				} catch {}

				child.kill();
			}

			terminal.dispose();
			if (ownsConfig) rmSync(configDir, {recursive: true, force: true});
		},
	};
};

/** A spawner for one test file: every game it starts is disposed of after each test. */
export const termsOfEachTest = (): ((...args: Parameters<typeof spawnGame>) => Term) => {
	let terms: Term[] = [];
	afterEach(() => {
		for (const term of terms) term.dispose();
		terms = [];
	});
	return (...args) => {
		const term = spawnGame(...args);
		terms.push(term);
		return term;
	};
};
