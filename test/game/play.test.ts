import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runPlayCommand} from '../../source/commands/play.js';
import {createEngine} from '../../source/game/engine.js';
import type {ExportFiles} from '../../source/game/export.js';
import {withLayer} from '../../source/game/layer.js';
import type {CommandIo} from '../../source/lessons/command-io.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {submitLines} from '../helpers/game.js';

// The game layer as every front drives it: lines in, state and events out; `save-script` through a
// files port (a map here: no disk).

const lessonsDir = defaultLessonsDir();
const master = loadLessonDir(lessonsDir).lessons.find(l => l.order === 1)!;

type Written = Record<string, {text: string; executable: boolean}>;
const memoryFiles = (): ExportFiles & {written: Written} => {
	const written: Written = {};
	return {
		written,
		write(dir, name, text, executable) {
			written[`${dir}/${name}`] = {text, executable};
		},
	};
};

const run = submitLines;

describe('the game layer', () => {
	const files = memoryFiles();
	const game = withLayer(createEngine({lessonsDir}), files);

	it('reports the goals a line met once, from the chapter, and completion', () => {
		const {events} = run(game, game.newGame(game.start(master.id)), master.solution);
		const met = events.filter(e => e.type === 'goal-met').map(e => (e.type === 'goal-met' ? e.id : ''));
		expect(met.sort()).toEqual(master.goals.map(g => g.id).sort());
		expect(events.some(e => e.type === 'complete')).toBe(true);
	});

	it('save-script writes session.sh and cleanup.sh, executable, in ./ami-school-export/<chapter> by default', () => {
		const played = run(game, game.newGame(game.start(master.id)), master.solution);
		const {said} = run(game, played.state, ['save-script']);
		const dir = `ami-school-export/${master.id}`;
		expect(Object.keys(files.written).sort()).toEqual([`${dir}/cleanup.sh`, `${dir}/session.sh`]);
		expect(files.written[`${dir}/session.sh`].executable).toBe(true);
		expect(files.written[`${dir}/cleanup.sh`].executable).toBe(true);
		expect(files.written[`${dir}/session.sh`].text).toMatch(/^#!\/usr\/bin\/env bash/);
		// the learner's own command is in the script, with the sandbox's IDs made variables
		expect(files.written[`${dir}/session.sh`].text).toContain('IDS=$(aws --region "${REGION}" ec2 run-instances --image-id ${AMI}');
		expect(said).toContain(`Wrote ${dir}/session.sh and ${dir}/cleanup.sh`);
		expect(said).toContain('Real AWS costs money');
	});

	it('save-script DIR writes there; `export` is always the shell\'s builtin', () => {
		const state = game.newGame(game.sandbox());
		const {said, state: after} = run(game, state, ['export X=1', 'echo $X', 'export my-dir', 'save-script my-dir']);
		expect(said).toContain('1');
		expect(files.written['my-dir/session.sh']).toBeDefined();
		expect(game.session(after.play).vars.X).toBe('1');
		expect(files.written['ami-school-export/sandbox/session.sh']).toBeUndefined();
	});

	it('export AWS_REGION=… (or AWS_DEFAULT_REGION) sets the Region of later aws commands, as the real CLI reads it', () => {
		const state = game.newGame(game.sandbox());
		const {said, state: after} = run(game, state, ['export AWS_DEFAULT_REGION=eu-west-1', 'export AWS_REGION=ap-southeast-2', 'aws ec2 describe-availability-zones --query "AvailabilityZones[0].RegionName" --output text']);
		expect(said).toContain('ap-southeast-2');
		expect(game.session(after.play).region).toBe('ap-southeast-2');
		const {said: back} = run(game, after, ['unset AWS_REGION', 'aws ec2 describe-availability-zones --query "AvailabilityZones[0].RegionName" --output text']);
		expect(back).toContain('eu-west-1');
	});

	it('save-script says why when the files cannot be written, and changes nothing', () => {
		const failing = withLayer(createEngine({lessonsDir}), {
			write() {
				throw new Error('EACCES: permission denied');
			},
		});
		const {said, events} = run(failing, failing.newGame(failing.sandbox()), ['save-script /root/x']);
		expect(said).toBe('save-script: cannot write to /root/x: EACCES: permission denied');
		expect(events[0]).toMatchObject({type: 'printed', kind: 'stderr'});
	});

	it('a front without files says save-script is not available', () => {
		const bare = withLayer(createEngine({lessonsDir}));
		expect(run(bare, bare.newGame(bare.sandbox()), ['save-script']).said).toContain('not available');
	});
});

describe('play --script --export', () => {
	const io = (files: Record<string, string>) => {
		const out: string[] = [];
		const err: string[] = [];
		const value: CommandIo = {stdout: {write: (t: string) => out.push(t)}, stderr: {write: (t: string) => err.push(t)}, readFile: p => files[p], readStdin: () => ''};
		return {io: value, out: () => out.join(''), err: () => err.join('')};
	};

	it('writes the scripted session as session.sh and cleanup.sh, and says so after the score', async () => {
		const t = io({'s.sh': master.solution.join('\n')});
		const files = memoryFiles();
		const code = await runPlayCommand(['1', '--script', 's.sh', '--export', 'out'], t.io, undefined, files);
		expect(code).toBe(0);
		expect(Object.keys(files.written).sort()).toEqual(['out/cleanup.sh', 'out/session.sh']);
		expect(files.written['out/session.sh'].text).toContain('ec2 run-instances --image-id ${AMI}');
		expect(t.out()).toMatch(/Score: .*\n(Next star .*\n)?\nWrote out\/session\.sh and out\/cleanup\.sh \(both executable\)\.\nReal AWS costs money/);
	});

	it('counts an undo of a terminate in the summary, as the game does', async () => {
		const [find, launch, terminate] = master.solution;
		const t = io({'s.sh': [find, launch, 'aws ec2 create-key-pair --key-name spare --query KeyName', terminate, 'undo', ...master.solution.slice(2)].join('\n')});
		await runPlayCommand(['1', '--script', 's.sh'], t.io, undefined, memoryFiles());
		expect(t.out()).toContain('Real AWS has no undo: ');
		expect(t.out()).toMatch(/\nUndone 1 time what real AWS cannot take back \(i-[0-9a-f]{17}, /);
		const j = io({'s.sh': [find, launch, terminate, 'undo', ...master.solution.slice(2)].join('\n')});
		await runPlayCommand(['1', '--script', 's.sh', '--report', 'json'], j.io, undefined, memoryFiles());
		expect(JSON.parse(j.out()).irreversibleUndos).toEqual([{line: terminate, ids: expect.arrayContaining([expect.stringMatching(/^i-/)])}]);
	});

	it('keeps a JSON report alone on stdout', async () => {
		const t = io({'s.sh': master.solution.join('\n')});
		const files = memoryFiles();
		await runPlayCommand(['1', '--script', 's.sh', '--report', 'json', '--export', 'out'], t.io, undefined, files);
		expect(JSON.parse(t.out()).chapter).toBe(master.id);
		expect(t.err()).toContain('Wrote out/session.sh');
	});
});

describe('game commands in a script', () => {
	it('only those that show something run; the others are refused on stderr', async () => {
		const engine = withLayer(createEngine({lessonsDir: path.resolve('lessons')}));
		const state = engine.newGame(engine.start(master.id));
		const hint = engine.submit(state, 'hint', {front: 'script'});
		expect(hint.events).toEqual([{type: 'printed', kind: 'stderr', text: "`hint` is a game command: it works at the game's prompt, not in a script (bill, goals, lineage, undo and world do)."}]);
		expect(engine.hintsUsed(hint.state.play)).toBe(0);
		const goals = engine.submit(state, 'goals', {front: 'script', marks: 'boxes'});
		expect(goals.events[0]).toMatchObject({type: 'printed', text: expect.stringMatching(/^\[ \] /)});
	});
});
