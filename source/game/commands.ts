import {charges, hourlyRate, totalCost} from '../sim/billing/pricing.js';
import type {World} from '../sim/core/types.js';
import type {LineageNode} from '../sim/images/lineage.js';
import {commandWords, programNames} from '../shell/programs.js';

// The game's own commands at the prompt (help, hint, undo...), as opposed to the player's shell.
// Pure: recognising a command and the text it prints; the lab carries out what it means.

export type GameCommandName = 'help' | 'goals' | 'hint' | 'solution' | 'undo' | 'reset' | 'story' | 'quiz' | 'lineage' | 'bill' | 'world' | 'save-script' | 'menu' | 'exit';

export type GameCommandInfo = {name: GameCommandName; aliases: string[]; summary: string; sandbox: boolean};

/** Every game command, in the order `help` lists them; `sandbox` says whether it makes sense without a chapter. */
export const GAME_COMMANDS: GameCommandInfo[] = [
	{name: 'help', aliases: [], summary: 'this list (`help shell`: what the shell knows)', sandbox: true},
	{name: 'goals', aliases: [], summary: 'what this chapter asks of you, and what is done', sandbox: false},
	{name: 'hint', aliases: [], summary: 'the next hint for the first open goal (costs points)', sandbox: false},
	{name: 'solution', aliases: [], summary: 'show the reference solution (the chapter then scores 0 stars)', sandbox: false},
	{name: 'undo', aliases: [], summary: 'take back your last command that changed something', sandbox: true},
	{name: 'reset', aliases: [], summary: 'start the chapter again from the beginning', sandbox: true},
	{name: 'story', aliases: [], summary: 'read the chapter story again', sandbox: false},
	{name: 'quiz', aliases: [], summary: 'answer the chapter questions', sandbox: false},
	{name: 'lineage', aliases: [], summary: 'family tree of your images (instance, AMI, snapshots, copies)', sandbox: true},
	{name: 'world', aliases: [], summary: 'your instances, images, snapshots, volumes, keys, groups', sandbox: true},
	{name: 'bill', aliases: [], summary: 'the cost meter in detail', sandbox: true},
	{name: 'save-script', aliases: [], summary: 'write session.sh and cleanup.sh for the real AWS CLI [DIR]', sandbox: true},
	{name: 'menu', aliases: [], summary: 'back to the chapter menu (your progress is kept)', sandbox: true},
	{name: 'exit', aliases: ['quit'], summary: 'leave the game (or press Ctrl+C twice)', sandbox: true},
];

/**
 * The game command a line asks for, with its arguments, or undefined when the line belongs to
 * the shell. While the player is logged in to an instance, `exit` and `logout` belong to the
 * remote shell. Only `save-script` takes an argument (a folder). `export` is always the shell's
 * builtin (`export AWS_REGION=eu-west-1` sets the Region of later aws commands, as in bash).
 */
export const parseGameLine = (line: string, options: {remote?: boolean} = {}): {name: GameCommandName; args: string[]} | undefined => {
	const [word = '', ...args] = line.trim().split(/\s+/);
	if (!/^[a-z]+(?:-[a-z]+)*$/.test(word)) return undefined;
	if (args.length > 0 && !(word === 'save-script' && args.length === 1 && !args[0].startsWith('-')) && !(word === 'help' && args.length === 1 && args[0] === 'shell')) return undefined;
	if (options.remote && (word === 'exit' || word === 'quit' || word === 'logout' || word === 'save-script')) return undefined;
	const found = GAME_COMMANDS.find(c => c.name === word || c.aliases.includes(word));
	return found ? {name: found.name, args} : undefined;
};

/** The game command a line asks for (see parseGameLine). */
export const parseGameCommand = (line: string, options: {remote?: boolean} = {}): GameCommandName | undefined => parseGameLine(line, options)?.name;

/** The names Tab completion offers for the first word. */
export const gameCommandWords = (): string[] => GAME_COMMANDS.flatMap(c => [c.name, ...c.aliases]);

/** What `help` prints: short enough for a 24-row terminal (what the shell knows is `help shell`). */
export const formatHelp = (options: {sandbox: boolean}): string => {
	const commands = GAME_COMMANDS.filter(c => !options.sandbox || c.sandbox);
	const width = Math.max(...commands.map(c => c.name.length));
	return ['Type AWS CLI commands as in a real shell. The game\'s own commands:', ...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
};

/** What `help shell` prints: the programs and the shell's syntax. */
export const formatShellHelp = (): string => {
	const local = programNames('local')
		.filter(n => /^[a-z]/.test(n))
		.sort();
	return [
		'Type AWS CLI commands as you would in a real shell, e.g.  aws ec2 describe-images --owners self',
		`Programs: ${local.join(' ')}`,
		`Inside an instance (ssh) also: ${commandWords('guest')
			.filter(n => !commandWords('local').includes(n))
			.sort()
			.join(' ')}`,
		'Variables (X=$(...)), pipes, > files, && ||, for NAME in …; do …; done, … | xargs -n1 CMD. Tab completes.',
	].join('\n');
};

const usd = (value: number, digits = 4) => `$${value.toFixed(digits)}`;

/** The status bar's cost meter: money spent so far and what is accruing per hour. */
export const costMeter = (world: World): {total: number; hourly: number} => ({total: totalCost(world), hourly: hourlyRate(world)});

export const formatCost = (meter: {total: number; hourly: number}): string => `${usd(meter.total)} +${usd(meter.hourly)}/h`;

/** Instances still `pending`: not billed until they run, but the player should see them on the bill. */
const pendingInstances = (world: World): Array<{resourceId: string; region: string}> =>
	Object.entries(world.regions).flatMap(([region, state]) =>
		state.instances.values()
			.filter(i => i.State === 'pending' && i.billing.since === undefined)
			.map(i => ({resourceId: i.InstanceId, region})),
	);

/** The EC2 part of `bill`: every charge, those still running first, then instances not billed yet. */
const ec2Bill = (world: World): string => {
	const list = charges(world);
	const waiting = pendingInstances(world).filter(p => !list.some(c => c.resourceId === p.resourceId));
	const meter = costMeter(world);
	const head = `Spent so far ${usd(meter.total)}; accruing now ${usd(meter.hourly)}/h (${usd(meter.hourly * 730, 2)} a month if left running).`;
	const rows = [...list].sort((a, b) => Number(b.live) - Number(a.live) || b.hourly - a.hourly || a.resourceId.localeCompare(b.resourceId));
	const idWidth = Math.max(0, ...rows.map(r => r.resourceId.length), ...waiting.map(w => w.resourceId.length));
	const lines = rows.map(r => `  ${r.live ? '●' : '○'} ${r.kind.padEnd(8)} ${r.resourceId.padEnd(idWidth)} ${r.region.padEnd(14)} ${usd(r.usd).padStart(9)}  ${r.live ? `${usd(r.hourly)}/h` : 'not accruing'}`);
	const pending = waiting.map(w => `  ◌ ${'instance'.padEnd(8)} ${w.resourceId.padEnd(idWidth)} ${w.region.padEnd(14)} not billed until running`);
	if (list.length === 0) return [head, ...pending, 'Nothing has cost anything yet. AMIs are free; instances, volumes and snapshots are not.'].join('\n');
	return [head, ...lines, ...pending, `  ● still costing money   ○ no longer accruing${pending.length > 0 ? '   ◌ not billed yet' : ''}`].join('\n');
};

/**
 * The S3 bundles behind the account's instance-store AMIs: stored in S3, billed by S3 (outside this
 * EC2 meter), until the bundle is deleted there; deregister-image leaves them.
 */
const bundleNotes = (world: World): string[] =>
	Object.entries(world.regions).flatMap(([region, state]) =>
		state.images.values()
			.filter(image => image.OwnerId === world.account && image.RootDeviceType === 'instance-store' && image.ManifestLocation)
			.flatMap(image => [`  ◇ S3 bundle ${image.ImageId} ${region}  s3://${image.ManifestLocation}`, '      stored and billed by S3 every month, outside this meter, until you delete it there (deregister-image leaves it)']),
	);

/** What `bill` prints: the EC2 charges, then the S3 bundles of instance-store AMIs. */
export const formatBill = (world: World): string => {
	const bundles = bundleNotes(world);
	return bundles.length === 0 ? ec2Bill(world) : [ec2Bill(world), ...bundles].join('\n');
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

/**
 * A hint as the transcript shows it. The exact command (the last tier), or any hint of several
 * lines, starts on a line of its own, so that it can be copied and pasted line for line.
 */
export const hintText = (hint: {text: string; cost: number; tier: number; of: number; unreachable?: boolean; reason?: string}): string => {
	if (hint.unreachable) return hint.text;
	const head = `Hint ${hint.tier}/${hint.of}${hint.cost > 0 ? ` (-${hint.cost} points)` : ''}`;
	// a command goes on a line of its own, so that it can be copied (and broken with ` \` to fit)
	const body = hint.tier === hint.of || hint.text.includes('\n') || /^aws\s/.test(hint.text) ? `${head}:\n${hint.text.replace(/\n+$/, '')}` : `${head}: ${hint.text}`;
	// what the player did comes first: the near miss that holds, then the hint
	return hint.reason === undefined ? body : `${hint.reason}\n${body}`;
};
