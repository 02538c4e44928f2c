import {describe, expect, it} from 'vitest';
import {defaultLessonsDir} from '../../source/lessons/load.js';
import {createGame} from '../../source/game/entry.js';
import {statusParts, statusText} from '../../source/game/status.js';

const engine = createGame({lessonsDir: defaultLessonsDir()});

describe('the lab status bar', () => {
	it('shows the state-changing AWS calls that count against par, and the par', () => {
		let play = engine.start('master-image');
		expect(engine.par(play)).toEqual({used: 0, par: 2});
		// reading and failing change nothing: they do not count
		play = engine.run(play, 'aws ec2 describe-regions --query "Regions[0].RegionName"').play;
		play = engine.run(play, 'aws ec2 describe-images --image-ids ami-nope').play;
		play = engine.run(play, 'echo not aws').play;
		expect(engine.par(play)).toEqual({used: 0, par: 2});
		play = engine.run(play, 'aws ec2 create-key-pair --key-name spare --query KeyName').play;
		expect(engine.par(play)).toEqual({used: 1, par: 2});
		const text = statusText(statusParts(engine.session(play), engine.runningScore(play), engine.hintsUsed(play), engine.par(play)));
		expect(text).toContain(' · hints 0');
		expect(text).toContain('cmds 1/par 2 · ');
		// the chapter and its goals are in the game's view of the play
		expect(engine.view(engine.newGame(play)).statusLine).toMatch(/^Chapter 1 · goals 0\/3 · cmds 1\/par 2 · Tue 1 Sep /);
		expect(engine.par(engine.sandbox())).toBeUndefined();
	});

	it('keeps the chapter, the goals, the commands against par and the clock at every width: words get shorter before a field goes', () => {
		const parts = {chapter: 3, goals: {met: 2, total: 4}, region: 'ap-southeast-2', clock: 'Tue 1 Sep 08:00:40', score: 1250, cost: '$12.3456 +$0.0208/h', par: {used: 12, par: 10}, hints: 4, note: '^O world'};
		expect(statusText(parts)).toBe('Chapter 3 · goals 2/4 · cmds 12/par 10 · Tue 1 Sep 08:00:40 · ap-southeast-2 · score 1250 · $12.3456 +$0.0208/h · hints 4 · ^O world');
		expect(statusText(parts, 100)).toBe('Ch 3 · ✓2/4 · 12/10 cmds · 08:00:40 · ap-southeast-2 · 1250 pts · $12.3456 · 4 hints · ^O world');
		let previous = Number.POSITIVE_INFINITY;
		for (let width = 120; width >= 32; width--) {
			const text = statusText(parts, width);
			expect([...text].length, text).toBeLessThanOrEqual(width);
			expect(text).toMatch(/^Ch(?:apter)? 3 · (?:goals |✓)2\/4 · .*12\/(?:par )?10.* · (?:Tue 1 Sep )?08:00(?::40)?\b/);
			expect(text.split(' · ').length).toBeLessThanOrEqual(previous);
			previous = text.split(' · ').length;
		}

		expect(statusText(parts, 78)).toBe('Ch 3 · ✓2/4 · 12/10 cmds · 08:00 · ap-southeast-2 · 1250 pts · ^O world');
		expect(statusText(parts, 40)).toBe('Ch 3 · ✓2/4 · 12/10 cmds · 08:00');
		expect(statusText({region: 'us-east-1', clock: 'Tue 1 Sep 08:00:40', cost: '$0.0000 +$0.0018/h'}, 78)).toBe('Sandbox · Tue 1 Sep 08:00:40 · us-east-1 · $0.0000 +$0.0018/h');
	});
});
