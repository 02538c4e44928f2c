// Fuzzing outside the test suite (issue 10): random and hostile `aws` command lines, shell lines
// and lesson files, in process, for a time budget. A crash is anything thrown, an exit code the
// CLI never gives (70, or none), a usage error (252) that moved the clock, a stack overflow or a
// JavaScript error text shown to the user, or a case slower than its limit.
//   node --import tsx scripts/fuzz.ts [seconds=60] [seed=1]
import fc from 'fast-check';
import {shellGuest} from '../source/shell/guest/boot.js';
import {runAws} from '../source/cli/run-aws.js';
import {parseLesson} from '../source/lessons/load.js';
import {runLine} from '../source/shell/run-line.js';
import {newSession} from '../source/lessons/chapter.js';
import {freshWorld} from '../source/sim/core/fresh-world.js';
import {worldProblem} from '../source/sandbox/world-check.js';
import {readFileSync} from 'node:fs';

const seconds = Number(process.argv[2] ?? 60);
const seed = Number(process.argv[3] ?? 1);
const SLOW_MS = 5000;
const JS_WORDS = /call stack|Invalid string length|is not a function|Cannot read properties|undefined is not|\bat .*\.(ts|js):\d+/;
const EXITS = new Set([0, 1, 2, 130, 252, 253, 254, 255]);

const OPERATIONS = ['describe-images', 'run-instances', 'create-image', 'copy-image', 'create-key-pair', 'describe-key-pairs', 'create-tags', 'describe-instances', 'deregister-image', 'delete-snapshot', 'modify-image-attribute', 'create-security-group', 'wait', 'describe-regions', 'register-image', 'terminate-instances'];
const OPTIONS = ['--image-id', '--image-ids', '--key-name', '--query', '--output', '--filters', '--tags', '--tag-specifications', '--block-device-mappings', '--region', '--name', '--instance-type', '--user-data', '--launch-permission', '--cli-input-json', '--group-name', '--description', '--owners', '--max-items', '--dry-run', '--instance-ids', '--resources'];
const NASTY = ['constructor', '__proto__', 'toString', '', '-', '--', 'file:///dev/null', 'file://nope', '[', '{', '!'.repeat(2000), '['.repeat(5000), 'Name=x,Values=', 'Key=a,Value=b', '[@,@][]'.repeat(25), 'Images[?Name==`x`]', '{"a":1}', 'ami-0123456789abcdef0', 'i-0123456789abcdef0', 'us-east-1', 'mars-1', 'json', 'table', 'text', '\u001b]0;x\u0007', '\u0000', 'é', '0', '-1', '1e309', 'NaN', 'true'];

const word = fc.oneof(fc.constantFrom(...OPERATIONS), fc.constantFrom(...OPTIONS), fc.constantFrom(...NASTY), fc.string({maxLength: 30}), fc.string({unit: 'binary', maxLength: 10}));
const awsArgs = fc.tuple(fc.constantFrom('ec2', 'ec2', 'ec2', 's3', 'help'), fc.array(word, {maxLength: 12})).map(([service, rest]) => [service, ...rest]);
const shellLine = fc.oneof(
	fc.array(fc.oneof(word, fc.constantFrom('|', '>', '<', '&&', ';', '$(', ')', '`', '"', "'", '\\', '$X', '${X', 'echo', 'cat', 'sed', 'ssh', 'aws', 'export', 'X=1', 'ls', 'chmod', '*', '~')), {maxLength: 12}).map(words => words.join(' ')),
	fc.string({maxLength: 200}),
);
const lessonBase = readFileSync('lessons/01-master-image.yaml', 'utf8');
const lessonText = fc.oneof(
	fc.tuple(fc.nat(lessonBase.length), fc.nat(200), fc.string({maxLength: 50})).map(([at, cut, insert]) => lessonBase.slice(0, at) + insert + lessonBase.slice(at + cut)),
	fc.string({maxLength: 2000}),
	fc.constantFrom('a: &a [*a]', `${'- '.repeat(3000)}x`, `${'['.repeat(5000)}`, 'title: "\\e[2J"', lessonBase.replace('setup:', 'setup:\n  nonsense: 1')),
);

type Figures = {cases: number; crashes: string[]; slowest: number};
const figures: Record<string, Figures> = {aws: {cases: 0, crashes: [], slowest: 0}, shell: {cases: 0, crashes: [], slowest: 0}, lessons: {cases: 0, crashes: [], slowest: 0}};
const record = (kind: string, ms: number, crash?: string) => {
	const f = figures[kind];
	f.cases++;
	f.slowest = Math.max(f.slowest, ms);
	if (crash && f.crashes.length < 20) f.crashes.push(crash);
};

const world = freshWorld();
const env = {readFile: (path: string) => (path === '/dev/null' ? '' : undefined), defaultRegion: 'us-east-1', guest: shellGuest};
const timed = <T>(work: () => T): [T | Error, number] => {
	const started = performance.now();
	try {
		return [work(), performance.now() - started];
	} catch (error) {
		return [error as Error, performance.now() - started];
	}
};

const started = Date.now();
let peak = 0;
let batch = 0;
const BATCH = 50;
const queues = {aws: [] as string[][], shell: [] as string[], lessons: [] as string[]};
const refill = () => {
	batch++;
	queues.aws = fc.sample(awsArgs, {seed: seed * 1000 + batch, numRuns: BATCH});
	queues.shell = fc.sample(shellLine, {seed: seed * 1000 + batch, numRuns: BATCH});
	queues.lessons = fc.sample(lessonText, {seed: seed * 1000 + batch, numRuns: BATCH});
};

while (Date.now() - started < seconds * 1000) {
	if (queues.aws.length === 0) refill();
	const args = queues.aws.pop()!;
	const [outcome, awsMs] = timed(() => runAws(world, args, env));
	let crash: string | undefined;
	if (outcome instanceof Error) crash = `threw ${outcome.message}`;
	else if (!EXITS.has(outcome.exitCode)) crash = `exit ${outcome.exitCode}`;
	else if (outcome.exitCode === 252 && outcome.world !== world) crash = 'a usage error moved the clock';
	else if (JS_WORDS.test(outcome.stderr)) crash = `JavaScript words: ${outcome.stderr.slice(0, 120)}`;
	else if (outcome.exitCode !== 252 && worldProblem(JSON.parse(JSON.stringify(outcome.world)))) crash = 'left a world the sandbox file would refuse';
	if (!crash && awsMs > SLOW_MS) crash = `slow: ${Math.round(awsMs)} ms`;
	record('aws', awsMs, crash && `${crash} <- ${JSON.stringify(args).slice(0, 200)}`);

	const line = queues.shell.pop()!;
	const [result, shellMs] = timed(() => runLine(newSession(), line));
	const shellCrash = result instanceof Error ? `threw ${result.message}` : JS_WORDS.test(result.stderr) ? `JavaScript words: ${result.stderr.slice(0, 120)}` : shellMs > SLOW_MS ? `slow: ${Math.round(shellMs)} ms` : undefined;
	record('shell', shellMs, shellCrash && `${shellCrash} <- ${JSON.stringify(line).slice(0, 200)}`);

	const text = queues.lessons.pop()!;
	const [parsed, lessonMs] = timed(() => parseLesson(text, 'fuzz.yaml'));
	const lessonCrash = parsed instanceof Error ? `threw ${parsed.message}` : lessonMs > SLOW_MS ? `slow: ${Math.round(lessonMs)} ms` : parsed.errors.some(e => JS_WORDS.test(e.message)) ? `JavaScript words: ${parsed.errors.map(e => e.message).join('; ').slice(0, 120)}` : undefined;
	record('lessons', lessonMs, lessonCrash && `${lessonCrash} <- ${JSON.stringify(text).slice(0, 200)}`);
	peak = Math.max(peak, process.memoryUsage().rss);
}

const total = Object.values(figures).reduce((sum, f) => sum + f.cases, 0);
console.log(`fuzz: ${total} cases in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed}), peak memory ${Math.round(peak / 1024 / 1024)} MB`);
for (const [kind, f] of Object.entries(figures)) {
	console.log(`  ${kind}: ${f.cases} cases, ${f.crashes.length} crashes, slowest ${Math.round(f.slowest)} ms`);
	for (const crash of f.crashes) console.log(`    ${crash}`);
}

process.exitCode = Object.values(figures).some(f => f.crashes.length > 0) ? 1 : 0;
