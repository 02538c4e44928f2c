import {describe, expect, it} from 'vitest';
import {chapterStateOf, createEngine} from '../../source/game/engine.js';
import {withLayer, type Game} from '../../source/game/layer.js';
import type {GameState} from '../../source/game/play.js';
import {scoredLines} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {submitLines} from '../helpers/game.js';

// Issue 20 "A score that means understanding" and issue 19's undo rule, played through the game
// layer on the shipped chapters: par counts what changed the world, looking is free, game
// commands after `;` run, a look that finds nothing is no mistake, undo says what AWS would not
// allow and unticks what it makes false.

const lessonsDir = defaultLessonsDir();
const lessons = loadLessonDir(lessonsDir).lessons;
const master = lessons.find(l => l.order === 1)!;
const baking = lessons.find(l => l.order === 2)!;
const game: Game = withLayer(createEngine({lessonsDir}));

const play = (state: GameState, lines: string[]) => submitLines(game, state, lines);

const FIND = master.solution[0];
const launch = (count: number) => `aws ec2 run-instances --image-id $AMI --count ${count} --instance-type t3.micro --key-name lab-key --query 'Instances[].InstanceId' --output text`;

describe('par counts state-changing AWS calls, however written', () => {
	it('counts `a; b` as two and each call of a loop, and never a describe, a waiter, goals, help or bill', () => {
		const start = game.newGame(game.start(master.id));
		const looked = play(start, [FIND, 'aws ec2 describe-images --owners self', 'goals', 'help', 'bill', 'aws ec2 describe-instances --query Reservations']);
		expect(game.par(looked.state.play)).toEqual({used: 0, par: 2});
		const two = play(looked.state, [`${launch(1)}; ${launch(1)}`]);
		expect(game.par(two.state.play)!.used).toBe(2);
		const loop = play(looked.state, [`for n in 1 2 3; do ${launch(1)}; done`]);
		expect(game.par(loop.state.play)!.used).toBe(3);
		const xargs = play(looked.state, [`echo a b | xargs -n1 ${launch(1).replace(/ --query.*/, '')} --client-token`]);
		expect(game.par(xargs.state.play)!.used).toBe(2);
	});

	it('takes the par of a lesson without one from the calls its solution changes the world with', () => {
		const start = game.newGame(game.start(baking.id));
		const solved = play(start, baking.solution);
		// create-image, run-instances, terminate-instances, deregister-image: the describes, waits and curls are free
		expect(game.par(solved.state.play)).toEqual({used: 4, par: 4});
	});
});

describe('game commands after ; or &&', () => {
	it('runs `goals; hint` and `goals && bill` as game commands, with nothing in the history and no mistake', () => {
		const start = game.newGame(game.start(master.id));
		const {state, said} = play(start, ['goals; hint', 'goals && bill']);
		expect(said).toContain('○ Search Amazon');
		expect(said).toMatch(/Hint 1\/\d/);
		expect(said).toContain('Spent so far');
		expect(said).not.toContain('command not found');
		expect(game.session(state.play).history).toEqual([]);
	});

	it('answers a line that mixes them with shell commands with one clear line, and runs nothing', () => {
		const start = game.newGame(game.start(master.id));
		const {state, events} = play(start, ['aws ec2 describe-images --owners self; goals']);
		const printed = events.filter(e => e.type === 'printed');
		expect(printed).toEqual([{type: 'printed', kind: 'info', text: '`goals` is a game command, not a shell one: type it on a line of its own (nothing on this line was run).'}]);
		expect(game.session(state.play).history).toEqual([]);
	});
});

describe('mistakes are what the learner got wrong', () => {
	it('does not count a curl that times out, a describe that finds nothing or systemctl status of a missing service', () => {
		const start = game.newGame(game.start(baking.id));
		const {state} = play(start, [
			'curl -m 5 http://$IP/',
			'aws ec2 describe-images --image-ids ami-0123456789abcdef0',
			"ssh -i lab-key.pem ec2-user@$IP 'systemctl status httpd'",
			'aws ec2 describe-snapshots --owner-ids self | grep snap-',
		]);
		const history = game.session(state.play).history;
		expect(history.map(h => h.exitCode).every(code => code !== 0)).toBe(true);
		expect(scoredLines(chapterStateOf(state.play)!).failedLines).toBe(0);
	});

	it('still counts a typo and a refused change', () => {
		const start = game.newGame(game.start(baking.id));
		const {state} = play(start, ['crul http://$IP/', 'aws ec2 describe-imagez', 'aws ec2 create-image --instance-id i-0123456789abcdef0 --name x', "ssh -i lab-key.pem ec2-user@$IP 'sudo systemctl start htpd'"]);
		expect(scoredLines(chapterStateOf(state.play)!).failedLines).toBe(4);
	});
});

describe('undo', () => {
	it('says that real AWS cannot take back a terminate, and the summary counts it', () => {
		const start = game.newGame(game.start(master.id));
		const solved = play(start, master.solution);
		expect(game.isComplete(solved.state.play)).toBe(true);
		const ids = game.session(solved.state.play).vars.IDS.split(/\s+/);
		const undone = play(solved.state, ['undo']);
		expect(undone.said).toContain('Undone: aws ec2 terminate-instances');
		expect(undone.said).toMatch(/Real AWS has no undo: .* would be gone for good there\./);
		for (const id of ids) expect(undone.said).toContain(id);
		expect(undone.events.find(e => e.type === 'printed')).toMatchObject({kind: 'warn'});
		expect(game.score(undone.state.play).notes?.[0]).toMatch(/^Undone 1 time what real AWS cannot take back \(i-/);
		// a launch undone is no such thing
		const launched = play(game.newGame(game.start(master.id)), [FIND, launch(2), 'undo']);
		expect(launched.said).not.toContain('Real AWS has no undo');
	});

	it('unticks a goal it makes false again, sticky or not, and says so', () => {
		const start = game.newGame(game.start(master.id));
		const launched = play(start, [FIND, launch(2)]);
		expect(game.goals(launched.state.play).find(g => g.id === 'launched-two')?.met).toBe(true);
		const undone = play(launched.state, ['undo']);
		const goal = game.goals(undone.state.play).find(g => g.id === 'launched-two')!;
		expect(goal.met).toBe(false);
		expect(undone.said).toContain(`Goal no longer met: ${goal.text}`);
		// the search, met before the launch, stays met
		expect(game.goals(undone.state.play).find(g => g.id === 'searched')?.met).toBe(true);
		// and it is saved: a resumed play has it unticked too
		const resumed = game.resume(game.save(undone.state.play))!;
		expect(game.goals(resumed).find(g => g.id === 'launched-two')?.met).toBe(false);
	});
});

describe('the summary', () => {
	it('needs the quiz for 3 stars and says what the next star needs', () => {
		const start = game.newGame(game.start(master.id));
		let {state} = play(start, master.solution);
		const answer = (q: number, right: boolean) => master.quiz[q].choices.findIndex(c => c.correct === right);
		master.quiz.forEach((_, q) => {
			state = {...state, play: game.answerQuiz(state.play, q, answer(q, q % 2 === 1))};
		});
		const report = game.score(state.play);
		// 2 of 5 right: the lab earned 3 stars, the quiz holds the third back
		expect(report.stars).toBe(2);
		expect(report.notes?.some(n => /^Next star \(3\): 4 of 5 quiz answers right the first time \(you had 2\)/.test(n))).toBe(true);
	});
});
