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
		expect(text).toContain(' · cmds 1/par 2 · hints 0');
		expect(engine.par(engine.sandbox())).toBeUndefined();
	});

	it('fits 80 columns: the clock gives way before the score, the par or the hints', () => {
		const parts = {region: 'ap-southeast-2', clock: 'Tue 1 Sep 08:00:40', score: 1250, cost: '$12.3456 +$0.0208/h', par: {used: 12, par: 10}, hints: 4};
		expect(statusText(parts)).toBe('ap-southeast-2 · Tue 1 Sep 08:00:40 · score 1250 · $12.3456 +$0.0208/h · cmds 12/par 10 · hints 4');
		const narrow = statusText(parts, 78);
		expect(narrow.length).toBeLessThanOrEqual(78);
		expect(narrow).toContain('cmds 12/par 10 · hints 4');
		const usual = statusText({...parts, region: 'us-east-1', score: 200, cost: '$0.0000 +$0.0018/h', par: {used: 3, par: 4}, hints: 0}, 78);
		expect(usual).toBe('us-east-1 · 08:00:40 · score 200 · $0.0000 +$0.0018/h · cmds 3/par 4 · hints 0');
	});
});
