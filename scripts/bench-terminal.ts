// The game in a real pseudo-terminal (the BUILT dist/cli.js, CI=false, a temporary config folder),
// its screen rebuilt by a headless xterm as a player's terminal would:
//  (a) time to the first frame (the menu's title) as a ratio to `node -e 0` in the same harness
//  (b) keystroke-to-echo in the free sandbox after 1,000 commands of scrollback
//  (c) memory of the game process: idle at the menu's first frame and at the sandbox's prompt,
//      idle after the 1,000 commands (RSS, and V8's heap used through the game's
//      AMI_SCHOOL_DEBUG_MEMORY report: source/debug-memory.ts), and the peak (VmHWM); the same session again with V8's default collector settings
//      (AMI_SCHOOL_V8_DEFAULTS=1: source/v8-settings.ts), to show what those settings do
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

type Session = {
	pid: number;
	/** resolves once `test` holds for the screen (checked after every chunk the game writes) */
	until(test: (screen: string) => boolean, timeoutMs?: number): Promise<void>;
	screen(): string;
	write(data: string): void;
	exited: Promise<void>;
	dispose(): void;
};

const COLUMNS = 100;
const ROWS = 30;

export const open = (args: string[], configDir: string, extraEnv: Record<string, string> = {}, node = process.execPath): Session => {
	const terminal = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true, scrollback: 1000});
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
	delete env.NO_COLOR;
	delete env.FORCE_COLOR;
	Object.assign(env, {CI: 'false', TERM: 'xterm-256color', AMI_SCHOOL_CONFIG_DIR: configDir, AMI_SCHOOL_SANDBOX: path.join(configDir, 'sandbox.json')}, extraEnv);
	const child = pty.spawn(node, args, {name: 'xterm-256color', cols: COLUMNS, rows: ROWS, cwd: configDir, env});
	let waiters: Array<() => void> = [];
	let done = false;
	child.onData(data => {
		terminal.write(data, () => {
			const current = waiters;
			waiters = [];
			for (const wake of current) wake();
		});
	});
	const exited = new Promise<void>(resolve => {
		child.onExit(() => {
			done = true;
			resolve();
			for (const wake of waiters) wake();
		});
	});
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < terminal.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return lines.join('\n');
	};

	const until = async (test: (screen: string) => boolean, timeoutMs = 15_000) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (test(screen())) return;
			if (done) throw new Error(`the game exited; screen:\n${screen()}`);
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`timed out; screen:\n${screen()}`);
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, Math.min(left, 200));
				waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	};

	return {
		pid: child.pid,
		until,
		screen,
		write: data => child.write(data),
		exited,
		dispose() {
			if (!done) child.kill();
			terminal.dispose();
		},
	};
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A figure of /proc/<pid>/status in MB (VmRSS: resident now, VmHWM: the peak of it). */
const procStatus = (pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined => {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
		return kb === undefined ? undefined : Number(kb) / 1024;
	} catch {
		return undefined;
	}
};

const mb = (n: number | undefined) => (n === undefined ? 'unknown' : `${n.toFixed(0)} MB`);

type HeapReport = {heapUsed: number};

/**
 * V8's heap as the game sees it: a game started with AMI_SCHOOL_DEBUG_MEMORY=<file> writes its
 * heap's figures there every 200 ms (source/debug-memory.ts); the bench reads the latest, as fresh
 * as the RSS it reads beside it once it has waited that long.
 */
const heapOf = (file: string): HeapReport | undefined => {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as HeapReport;
	} catch {
		return undefined;
	}
};

const heapText = (heap: HeapReport | undefined) => (heap === undefined ? 'V8 heap unknown' : `V8 heap used ${mb(heap.heapUsed / 1048576)}`);

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** (a) spawn to the menu's title on the screen, against spawn to exit of `node -e 0`. */
const firstFrame = async (cli: string, configDir: string) => {
	const runs = 7;
	const bare: number[] = [];
	const game: number[] = [];
	// A first start, as a player's first launch: the menu, then the code cache written (once, after
	// the menu) to the config folder. The timed starts are the player's later ones.
	const cacheDir = path.join(configDir, 'code-cache');
	const cold = performance.now();
	const first = open([cli], configDir);
	await first.until(screen => screen.includes('AMI School'));
	const coldFrame = performance.now() - cold;
	await first.until(screen => screen.includes('Free sandbox'), 20_000);
	for (let i = 0; i < 100 && !(fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some(name => name.startsWith('ui-'))); i++) await new Promise(resolve => setTimeout(resolve, 100));
	first.dispose();
	await first.exited;
	for (let i = 0; i < runs; i++) {
		let t0 = performance.now();
		const node = open(['-e', '0'], configDir);
		await node.exited;
		bare.push(performance.now() - t0);
		node.dispose();

		t0 = performance.now();
		const session = open([cli], configDir);
		await session.until(screen => screen.includes('AMI School'));
		game.push(performance.now() - t0);
		session.dispose();
		await session.exited;
	}

	// one more start, untimed: the memory of the menu once it is drawn and its chapters loaded
	const report = path.join(configDir, 'memory-menu.jsonl');
	const menu = open([cli], configDir, {AMI_SCHOOL_DEBUG_MEMORY: report});
	await menu.until(screen => screen.includes('Free sandbox'), 20_000);
	await sleep(500);
	const menuRss = procStatus(menu.pid, 'VmRSS');
	const menuHeap = heapOf(report);
	menu.dispose();
	await menu.exited;

	const ratios = game.map((t, i) => t / bare[i]);
	console.log(`  first frame (menu title) ${ms(median(game))} vs node -e 0 ${ms(median(bare))}: ratio ${(median(game) / median(bare)).toFixed(2)}, median of pairwise ratios ${median(ratios).toFixed(2)} (${runs} interleaved runs with the code cache of an earlier start; target 2 or less: ${median(ratios) <= 2 ? 'met' : 'NOT met'})`);
	console.log(`  first frame of the very first start (no code cache yet; one run, for information): ${ms(coldFrame)}`);
	console.log(`  memory at the menu, idle (first frame drawn, chapters loaded): RSS ${mb(menuRss)}, ${heapText(menuHeap)}`);
};

export const PROMPT = 'student@ami-school:~$';

/** The last line of the screen with text on it. */
export const lastLine = (screen: string): string => screen.split('\n').map(row => row.trimEnd()).filter(row => row !== '').at(-1) ?? '';

type SandboxFigures = {typing: number; echo: number[]; promptRss?: number; promptHeap?: HeapReport; idleRss?: number; peak?: number; heap?: HeapReport};

/**
 * (b) and (c): 1,000 commands into the free sandbox, then single keystrokes until each is echoed;
 * the game's memory at its prompt, once quiet after them, and its peak. A folder of its own (with
 * the code cache of the earlier starts), so each session starts a fresh sandbox.
 */
const sandboxSession = async (cli: string, cacheFrom: string, env: Record<string, string> = {}): Promise<SandboxFigures> => {
	const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-term-'));
	fs.cpSync(path.join(cacheFrom, 'code-cache'), path.join(configDir, 'code-cache'), {recursive: true});
	const report = path.join(configDir, 'memory.jsonl');
	const session = open([cli, 'sandbox'], configDir, {...env, AMI_SCHOOL_DEBUG_MEMORY: report});
	try {
		await session.until(screen => lastLine(screen) === PROMPT, 20_000);
		await sleep(1000);
		const promptRss = procStatus(session.pid, 'VmRSS');
		const promptHeap = heapOf(report);
		const commands = 1000;
		const t0 = performance.now();
		for (let i = 0; i < commands; i++) {
			const line = i % 2 === 0 ? 'aws ec2 describe-regions --query Regions[0].RegionName --output text' : `echo line-${i}`;
			session.write(line);
			await session.until(screen => lastLine(screen).endsWith(line));
			session.write('\r');
			await session.until(screen => lastLine(screen) === PROMPT);
		}

		const typing = (performance.now() - t0) / commands;
		const echo: number[] = [];
		const letters = 'abcdefghijklmnopqrstuvwxyz';
		let typed = 'echo ';
		session.write(typed);
		await session.until(screen => lastLine(screen).endsWith(typed.trimEnd()));
		for (let i = 0; i < 60; i++) {
			const key = letters[i % letters.length];
			typed += key;
			const start = performance.now();
			session.write(key);
			await session.until(screen => lastLine(screen).endsWith(typed));
			echo.push(performance.now() - start);
		}

		await sleep(1000);
		const idleRss = procStatus(session.pid, 'VmRSS');
		const peak = procStatus(session.pid, 'VmHWM');
		const heap = heapOf(report);
		return {typing, echo, promptRss, promptHeap, idleRss, peak, heap};
	} finally {
		session.dispose();
		await session.exited;
		fs.rmSync(configDir, {recursive: true, force: true});
	}
};

const COMMANDS = '1,000';

const printSandbox = (figures: SandboxFigures, label: string) => {
	const {typing, echo, promptRss, promptHeap, idleRss, peak, heap} = figures;
	console.log(`  sandbox${label}: ${COMMANDS} commands typed (${ms(typing)} per command, typing + answer); keystroke-to-echo after them: median ${ms(median(echo))}, p90 ${ms(percentile(echo, 90))}, max ${ms(Math.max(...echo))} (target under 16 ms: ${percentile(echo, 90) < 16 ? 'met' : 'NOT met'})`);
	console.log(`    memory: idle at the prompt RSS ${mb(promptRss)}, ${heapText(promptHeap)}; idle after the ${COMMANDS} commands RSS ${mb(idleRss)}, ${heapText(heap)}`);
	console.log(`    peak memory (VmHWM) over the session: ${peak === undefined ? 'unknown (no /proc)' : `${mb(peak)} (target under 120 MB: ${peak < 120 ? 'met' : 'NOT met'})`}`);
};

export const benchTerminal = async (root: string): Promise<void> => {
	const cli = path.join(root, 'dist', 'cli.js');
	if (!fs.existsSync(path.join(root, 'dist', 'ui.cjs'))) {
		console.log('Terminal: dist/ui.cjs is missing (run npm run build)');
		return;
	}

	const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-bench-term-'));
	try {
		console.log(`Terminal: the built game in a ${COLUMNS}x${ROWS} pseudo-terminal (CI=false, a fresh config folder)`);
		await firstFrame(cli, configDir);
		printSandbox(await sandboxSession(cli, configDir), '');
		// the same with V8's own collector settings: what source/v8-settings.ts saves
		printSandbox(await sandboxSession(cli, configDir, {AMI_SCHOOL_V8_DEFAULTS: '1'}), " with V8's default collector settings (AMI_SCHOOL_V8_DEFAULTS=1, for comparison)");
	} finally {
		fs.rmSync(configDir, {recursive: true, force: true});
	}
};
