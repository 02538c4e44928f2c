import {charges, hourlyRate, totalCost} from '../sim/billing/pricing.js';
import type {World} from '../sim/core/types.js';
import type {LineageNode} from '../sim/images/lineage.js';
import {commandWords, programNames} from '../shell/programs.js';

// The game's own commands at the prompt (help, hint, undo...), as opposed to the player's shell.
// Pure: recognising a command and the text it prints; the lab carries out what it means.

export type GameCommandName = 'help' | 'goals' | 'hint' | 'solution' | 'undo' | 'reset' | 'story' | 'quiz' | 'lineage' | 'bill' | 'menu' | 'exit';

export type GameCommandInfo = {name: GameCommandName; aliases: string[]; summary: string; sandbox: boolean};

/** Every game command, in the order `help` lists them; `sandbox` says whether it makes sense without a chapter. */
export const GAME_COMMANDS: GameCommandInfo[] = [
	{name: 'help', aliases: [], summary: 'this list', sandbox: true},
	{name: 'goals', aliases: [], summary: 'what this chapter asks of you, and what is done', sandbox: false},
	{name: 'hint', aliases: [], summary: 'the next hint for the first open goal (costs points)', sandbox: false},
	{name: 'solution', aliases: [], summary: 'show the reference solution (the chapter then scores 0 stars)', sandbox: false},
	{name: 'undo', aliases: [], summary: 'take back your last command that changed something', sandbox: true},
	{name: 'reset', aliases: [], summary: 'start the chapter again from the beginning', sandbox: true},
	{name: 'story', aliases: [], summary: 'read the chapter story again', sandbox: false},
	{name: 'quiz', aliases: [], summary: 'answer the chapter questions', sandbox: false},
	{name: 'lineage', aliases: [], summary: 'family tree of your images: instance, AMI, snapshots, copies, launches', sandbox: true},
	{name: 'bill', aliases: [], summary: 'the cost meter in detail', sandbox: true},
	{name: 'menu', aliases: [], summary: 'back to the chapter menu (your progress is kept)', sandbox: true},
	{name: 'exit', aliases: ['quit'], summary: 'leave the game (or press Ctrl+C twice)', sandbox: true},
];

/**
 * The game command a line asks for, or undefined when the line belongs to the shell. While the
 * player is logged in to an instance, `exit` and `logout` belong to the remote shell.
 */
export const parseGameCommand = (line: string, options: {remote?: boolean} = {}): GameCommandName | undefined => {
	const word = line.trim();
	if (!/^[a-z]+$/.test(word)) return undefined;
	if (options.remote && (word === 'exit' || word === 'quit' || word === 'logout')) return undefined;
	const found = GAME_COMMANDS.find(c => c.name === word || c.aliases.includes(word));
	return found?.name;
};

/** The names Tab completion offers for the first word. */
export const gameCommandWords = (): string[] => GAME_COMMANDS.flatMap(c => [c.name, ...c.aliases]);

/** What `help` prints. */
export const formatHelp = (options: {sandbox: boolean}): string => {
	const commands = GAME_COMMANDS.filter(c => !options.sandbox || c.sandbox);
	const width = Math.max(...commands.map(c => c.name.length));
	const local = programNames('local')
		.filter(n => /^[a-z]/.test(n))
		.sort();
	const lines = [
		'Type AWS CLI commands as you would in a real shell, e.g.  aws ec2 describe-images --owners self',
		`Programs: ${local.join(' ')}`,
		`Inside an instance (ssh) also: ${commandWords('guest')
			.filter(n => !commandWords('local').includes(n))
			.sort()
			.join(' ')}`,
		'Variables (X=$(...)), pipes, > files, && ||, for NAME in …; do …; done, … | xargs -n1 CMD. Tab completes.',
		'',
		'Game commands:',
		...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
	];
	return lines.join('\n');
};

const usd = (value: number, digits = 4) => `$${value.toFixed(digits)}`;

/** The status bar's cost meter: money spent so far and what is accruing per hour. */
export const costMeter = (world: World): {total: number; hourly: number} => ({total: totalCost(world), hourly: hourlyRate(world)});

export const formatCost = (meter: {total: number; hourly: number}): string => `${usd(meter.total)} +${usd(meter.hourly)}/h`;

/** What `bill` prints: every charge, those still running first. */
export const formatBill = (world: World): string => {
	const list = charges(world);
	const meter = costMeter(world);
	const head = `Spent so far ${usd(meter.total)}; accruing now ${usd(meter.hourly)}/h (${usd(meter.hourly * 730, 2)} a month if left running).`;
	if (list.length === 0) return `${head}\nNothing has cost anything yet. AMIs are free; instances, volumes and snapshots are not.`;
	const rows = [...list].sort((a, b) => Number(b.live) - Number(a.live) || b.hourly - a.hourly || a.resourceId.localeCompare(b.resourceId));
	const idWidth = Math.max(...rows.map(r => r.resourceId.length));
	const lines = rows.map(r => `  ${r.live ? '●' : '○'} ${r.kind.padEnd(8)} ${r.resourceId.padEnd(idWidth)} ${r.region.padEnd(14)} ${usd(r.usd).padStart(9)}  ${r.live ? `${usd(r.hourly)}/h` : 'not accruing'}`);
	return [head, ...lines, '  ● still costing money   ○ no longer accruing'].join('\n');
};

/** One line of the family tree: what the node is and its state. */
const lineageLabel = (node: LineageNode): string => {
	if (node.kind === 'instance') return `${node.id} instance ${node.state} ${node.instanceType} ${node.region}`;
	if (node.kind === 'image') return `${node.id} AMI "${node.name}" ${node.state} ${node.region}`;
	return node.state === undefined ? `${node.id} snapshot (gone)` : `${node.id} snapshot ${node.state} ${node.sizeGiB} GiB`;
};

/** Draws the trees with box-drawing branches, one node a line. */
export const formatLineage = (roots: LineageNode[]): string => {
	if (roots.length === 0) return 'No images of yours yet. Make one from an instance (aws ec2 create-image) and its family tree grows here.';
	const lines: string[] = [];
	const walk = (node: LineageNode, prefix: string, last: boolean, root: boolean) => {
		lines.push(root ? lineageLabel(node) : `${prefix}${last ? '└── ' : '├── '}${lineageLabel(node)}`);
		const childPrefix = root ? '' : prefix + (last ? '    ' : '│   ');
		node.children.forEach((child, index) => walk(child, childPrefix, index === node.children.length - 1, false));
	};

	for (const root of roots) walk(root, '', true, true);
	return lines.join('\n');
};
