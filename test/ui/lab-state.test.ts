import {describe, expect, it} from 'vitest';
import {labActions, labPromptLabel, newLab, type LabState} from '../../source/ui/lab/lab-state.js';
import {actionsFromRaw} from '../../source/ui/prompt/reducer.js';
import {fakeEngine} from './helpers/fake-engine.js';

const engine = fakeEngine();
const start = (chapter: string | null = 'first') => newLab(engine, chapter ? engine.start(chapter) : engine.sandbox());
const type = (state: LabState, raw: string) => labActions(engine, state, actionsFromRaw(raw));
const texts = (state: LabState) => state.scroll.map(e => e.text);

describe('running lines', () => {
	it('echoes the command with its prompt and prints stdout and stderr', () => {
		const {state, signals} = type(start(), 'echo hi\rnope\r');
		expect(state.scroll.map(e => [e.kind, e.text])).toEqual([
			['command', '$ echo hi'],
			['stdout', 'hi'],
			['command', '$ nope'],
			['stderr', 'bash: nope: command not found'],
		]);
		expect(signals.filter(s => s.type === 'save')).toHaveLength(2);
		expect(state.prompt.history).toEqual(['echo hi', 'nope']);
	});

	it('announces a goal the moment it is met, and completes when all are', () => {
		let step = type(start(), 'touch a\r');
		expect(texts(step.state)).toContain('✓ Goal met: Touch a');
		expect(step.signals.map(s => s.type)).not.toContain('complete');
		step = type(step.state, 'touch b\r');
		expect(step.signals.map(s => s.type)).toContain('complete');
	});

	it('an incomplete line continues with `> ` and runs joined', () => {
		let {state} = type(start(), "echo 'a\r");
		expect(labPromptLabel(engine, state)).toBe('> ');
		state = type(state, "b'\r").state;
		expect(texts(state)).toEqual(["$ echo 'a", "> b'", "'a\nb'"]);
		expect(labPromptLabel(engine, state)).toBe('$ ');
	});

	it('a remote session changes the prompt and `exit` goes to the remote shell', () => {
		let {state} = type(start(), 'ssh host\r');
		expect(labPromptLabel(engine, state)).toBe('[ec2-user@ip-172-31-0-5 ~]$ ');
		const step = type(state, 'exit\r');
		state = step.state;
		expect(step.signals.map(s => s.type)).not.toContain('exit');
		expect(labPromptLabel(engine, state)).toBe('$ ');
	});
});

describe('game commands', () => {
	it('help lists the game commands', () => {
		const {state} = type(start(), 'help\r');
		expect(texts(state)[1]).toMatch(/hint +the next hint/);
		expect(texts(state)[1]).toMatch(/lineage/);
	});

	it('goals shows met and open goals', () => {
		const {state} = type(start(), 'touch a\rgoals\r');
		expect(texts(state).at(-1)).toBe('✓ Touch a\n○ Touch b');
	});

	it('hint gives the next tier and its cost', () => {
		const {state} = type(start(), 'hint\rhint\r');
		expect(texts(state).filter(t => t.startsWith('Hint'))).toEqual(['Hint 1/3 (-10 points): hint tier 1', 'Hint 2/3 (-10 points): hint tier 2']);
		expect(engine.hintsUsed(state.play)).toBe(2);
	});

	it('solution asks first; anything but y cancels', () => {
		let {state} = type(start(), 'solution\r');
		expect(labPromptLabel(engine, state)).toBe('[y/N] ');
		state = type(state, '\r').state;
		expect(texts(state).at(-1)).toBe('Cancelled.');
		const shown = type(state, 'solution\ry\r');
		expect(texts(shown.state).at(-1)).toBe('Reference solution:\n  touch a\n  touch b');
		// the chapter then ends at once, with no stars: on to the quiz and the score
		expect(shown.signals).toContainEqual({type: 'complete', solutionShown: true});
	});

	it('undo puts back the session before the last command', () => {
		let {state} = type(start(), 'touch a\rtouch b\r');
		state = type(state, 'undo\r').state;
		expect(engine.goals(state.play).map(g => g.met)).toEqual([true, false]);
		// the goal it met is unticked, and the transcript says so
		expect(texts(state).at(-1)).toBe('Undone: touch b\nGoal no longer met: Touch b');
		state = type(state, 'undo\rundo\r').state;
		expect(texts(state).at(-1)).toBe('Nothing to undo: no command has changed anything yet.');
	});

	it('undo skips lines that changed nothing (read-only, clear, failed) and takes back the last change', () => {
		let {state} = type(start(), 'touch a\recho looking\rclear\rnope\r');
		state = type(state, 'undo\r').state;
		expect(texts(state).at(-1)).toBe('Undone: touch a\nGoal no longer met: Touch a');
		expect(engine.goals(state.play).map(g => g.met)).toEqual([false, false]);
	});

	it('reset asks, then restarts the chapter', () => {
		let {state} = type(start(), 'touch a\rreset\ryes\r');
		expect(engine.goals(state.play).some(g => g.met)).toBe(false);
		expect(texts(state).at(-1)).toBe('Chapter restarted.');
	});

	it('story, quiz, menu and exit signal the app', () => {
		for (const [command, signal] of [['story', 'story'], ['quiz', 'quiz'], ['menu', 'menu'], ['exit', 'exit'], ['quit', 'exit']]) {
			expect(type(start(), `${command}\r`).signals.map(s => s.type)).toContain(signal);
		}
	});

	it('the sandbox has no goals, hints, story or quiz', () => {
		const {state} = type(start(null), 'goals\rhint\rstory\rquiz\r');
		expect(texts(state).filter((_, i) => i % 2 === 1)).toEqual(['The sandbox has no goals: try anything.', 'No hints in the sandbox.', 'The sandbox has no story: you write it.', 'No quiz in the sandbox.']);
	});

	it('lineage and bill print the world', () => {
		const {state} = type(start(), 'lineage\rbill\r');
		expect(texts(state)[1]).toMatch(/^No images of yours yet/);
		expect(texts(state)[3]).toMatch(/^Spent so far \$0\.0000/);
	});
});

describe('keys', () => {
	it('Ctrl+C once warns, twice exits; another key disarms', () => {
		let step = labActions(engine, start(), [{type: 'insert', text: 'abc'}, {type: 'interrupt'}]);
		expect(texts(step.state)).toEqual(['$ ^C', 'Press Ctrl+C again to quit (your progress is saved).']);
		expect(step.state.prompt.text).toBe('');
		const again = labActions(engine, step.state, [{type: 'interrupt'}]);
		expect(again.signals).toEqual([{type: 'exit'}]);
		step = labActions(engine, step.state, [{type: 'insert', text: 'x'}, {type: 'interrupt'}]);
		expect(step.signals).toEqual([]);
	});

	it('Tab offers game commands and engine words for the first word', () => {
		const {state} = labActions(engine, start(), [{type: 'insert', text: 'li'}, {type: 'tab'}]);
		expect(state.prompt.text).toBe('lineage ');
		const list = labActions(engine, start(), [{type: 'insert', text: 'aws ec2 describe-i'}, {type: 'tab'}]);
		expect(texts(list.state)).toEqual(['describe-images  describe-instances']);
	});

	it('a pasted block runs its lines in order', () => {
		const {state} = type(start(), 'touch a\necho one\necho two\n');
		expect(texts(state).filter(t => !t.startsWith('$') && !t.startsWith('✓'))).toEqual(['one', 'two']);
	});

	it('clear signals a clear screen', () => {
		expect(type(start(), 'clear\r').signals.map(s => s.type)).toContain('clear');
	});
});
