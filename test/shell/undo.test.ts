import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {goalViews} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {replay} from '../../source/game/replay.js';
import {runLine} from '../../source/shell/run-line.js';
import type {Session} from '../../source/shell/session.js';
import {recordLine, UNDO_DEPTH, undoLast, type UndoEntry} from '../../source/shell/undo.js';
import {createEngine} from '../../source/game/engine.js';
import {withLayer} from '../../source/game/layer.js';
import {sshReady} from './fixtures.js';

// `undo` takes back the last line that changed something, skipping those that only read.

const typeLines = (session: Session, lines: string[]) => {
	let stack: UndoEntry[] = [];
	let s = session;
	for (const line of lines) {
		const next = runLine(s, line).session;
		stack = recordLine(stack, s, next, line);
		s = next;
	}

	return {session: s, stack};
};

describe('undo', () => {
	it('skips describe-*, cat, ls, clear, comments and failed commands', () => {
		const {stack} = typeLines(sshReady(), [
			'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
			'aws ec2 describe-instances',
			'ID=$(aws ec2 describe-instances --query "Reservations[0].Instances[0].InstanceId" --output text)',
			'cat lab-key.pem',
			'ls',
			'clear',
			'# a comment',
			'aws ec2 terminate-instances --instance-ids i-0000000000000000f',
			'aws ec2 wait instance-terminated --instance-ids i-0123456789abcdef0',
			'sleep 60',
			'aws ec2 run-instances --image-id ami-0123456789abcdef0 --dry-run',
		]);
		expect(stack.map(e => e.line)).toEqual(['aws ec2 terminate-instances --instance-ids i-0123456789abcdef0']);
		expect(undoLast(stack)!.entry.session.world.regions['us-east-1'].instances.get('i-0123456789abcdef0')!.State).toBe('running');
	});

	it('counts changes to an instance\'s disk over ssh and to the player\'s files', () => {
		const {stack} = typeLines(sshReady(), ['ssh -i lab-key.pem ec2-user@3.80.1.2', 'sudo dnf install -y httpd', 'systemctl status httpd', 'exit', 'echo hi > note.txt', 'cat note.txt']);
		expect(stack.map(e => e.line)).toEqual(['sudo dnf install -y httpd', 'echo hi > note.txt']);
	});

	it('works in play --script too, through the same stack: a describe after a launch, then undo, takes back the launch', () => {
		const {lessons} = loadLessonDir(path.join(process.cwd(), 'lessons'));
		const lesson = lessons.find(l => l.id === 'master-image')!;
		const [find, launch] = lesson.solution;
		const {state, steps} = replay(lesson, [find, launch, 'aws ec2 describe-instances --query "Reservations[].Instances[].State.Name"', 'undo']);
		// the launch goal is sticky, but undo made it false again: unticked, and said
		expect(steps.at(-1)!.stdout).toBe(`Undone: ${launch}\nGoal no longer met: ${lesson.goals[1].text}\n`);
		expect(goalViews(state).map(g => g.met)).toEqual([true, false, false]);
		expect(state.session.world.regions['us-east-1']?.instances.ids() ?? []).toEqual([]);
		expect(replay(lesson, ['undo']).steps[0].stdout).toBe('Nothing to undo: no command has changed anything yet.\n');
	});
});

describe('the undo depth', () => {
	it('keeps the last UNDO_DEPTH changes: the oldest goes, the newest stays', () => {
		const lines = Array.from({length: UNDO_DEPTH + 2}, (_, i) => `echo ${i} > file-${i}.txt`);
		const {stack} = typeLines(sshReady(), lines);
		expect(stack).toHaveLength(UNDO_DEPTH);
		expect(stack[0].line).toBe(lines[2]);
		expect(stack.at(-1)!.line).toBe(lines.at(-1));
	});

	it('says, once the kept changes are all undone, that older ones are gone (not that nothing changed); reset starts the count afresh', () => {
		const game = withLayer(createEngine({lessonsDir: defaultLessonsDir()}));
		let state = game.newGame(game.sandbox());
		const say = (line: string) => {
			const outcome = game.submit(state, line);
			state = outcome.state;
			return outcome.events.flatMap(e => (e.type === 'printed' ? [e.text] : [])).join('\n');
		};

		for (let i = 0; i < UNDO_DEPTH + 1; i++) say(`echo ${i} > file-${i}.txt`);
		for (let i = UNDO_DEPTH; i >= 1; i--) expect(say('undo')).toBe(`Undone: echo ${i} > file-${i}.txt`);
		// the first change is still there: its session went at the depth
		expect(say('cat file-0.txt')).toBe('0\n');
		expect(say('undo')).toBe(`Nothing more to undo: the game keeps your last ${UNDO_DEPTH} changes, and the one before them is gone (\`reset\` starts afresh).`);
		say('reset');
		say('y');
		expect(say('undo')).toBe('Nothing to undo: no command has changed anything yet.');
	});
});
