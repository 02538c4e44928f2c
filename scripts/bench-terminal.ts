// The game in a real pseudo-terminal (the BUILT dist/cli.js, CI=false, a temporary config folder),
// its screen rebuilt by a headless xterm as a player's terminal would:
//  (a) time to the first frame (the menu's title) as a ratio to `node -e 0` in the same harness
//  (b) keystroke-to-echo in the free sandbox after 1,000 commands of scrollback
//  (c) peak memory (VmHWM) of the game process after that session
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

const open = (args: string[], configDir: string): Session => {
	const terminal = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true, scrollback: 1000});
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
	delete env.NO_COLOR;
	delete env.FORCE_COLOR;
	Object.assign(env, {CI: 'false', TERM: 'xterm-256color', AMI_SCHOOL_CONFIG_DIR: configDir, AMI_SCHOOL_SANDBOX: path.join(configDir, 'sandbox.json')});
	const child = pty.spawn(process.execPath, args, {name: 'xterm-256color', cols: COLUMNS, rows: ROWS, cwd: configDir, env});
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

const peakRss = (pid: number): number | undefined => {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
		return kb === undefined ? undefined : Number(kb) / 1024;
	} catch {
		return undefined;
	}
};

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

	const ratios = game.map((t, i) => t / bare[i]);
	console.log(`  first frame (menu title) ${ms(median(game))} vs node -e 0 ${ms(median(bare))}: ratio ${(median(game) / median(bare)).toFixed(2)}, median of pairwise ratios ${median(ratios).toFixed(2)} (${runs} interleaved runs with the code cache of an earlier start; target 2 or less: ${median(ratios) <= 2 ? 'met' : 'NOT met'})`);
	console.log(`  first frame of the very first start (no code cache yet; one run, for information): ${ms(coldFrame)}`);
};

const PROMPT = 'student@ami-school:~$';

/** The last line of the screen with text on it. */
const lastLine = (screen: string): string => screen.split('\n').map(row => row.trimEnd()).filter(row => row !== '').at(-1) ?? '';

/** (b) and (c): 1,000 commands into the free sandbox, then single keystrokes until each is echoed. */
const sandboxSession = async (cli: string, configDir: string) => {
	const session = open([cli, 'sandbox'], configDir);
	try {
		await session.until(screen => lastLine(screen) === PROMPT, 20_000);
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

		const peak = peakRss(session.pid);
		console.log(`  sandbox: ${commands} commands typed (${ms(typing)} per command, typing + answer); keystroke-to-echo after them: median ${ms(median(echo))}, p90 ${ms(percentile(echo, 90))}, max ${ms(Math.max(...echo))} (target under 16 ms: ${percentile(echo, 90) < 16 ? 'met' : 'NOT met'})`);
		console.log(`  peak memory (VmHWM) of the game process after that session: ${peak === undefined ? 'unknown (no /proc)' : `${peak.toFixed(0)} MB (target under 120 MB: ${peak < 120 ? 'met' : 'NOT met'})`}`);
	} finally {
		session.dispose();
	}
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
		await sandboxSession(cli, configDir);
	} finally {
		fs.rmSync(configDir, {recursive: true, force: true});
	}
};
