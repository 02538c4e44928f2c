import {describe, expect, it} from 'vitest';
import {rerun} from '../../source/game/rerun.js';
import {engineOf} from '../../source/game/engine.js';
import {newGame, submitLine} from '../../source/game/play.js';
import {checkProgressChapter} from '../../source/commands/handed-in.js';
import {openPack} from '../../source/commands/context.js';
import {markCompleted} from '../../source/progress/model.js';
import {emptyProgress} from '../../source/progress/version.js';
import {chapterScore} from '../../source/lessons/chapter.js';
import {replay} from '../../source/game/replay.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {appendEntry, RUN_LINE_LIMIT, RUN_LOG_LIMIT, timeSpent, type RunLog} from '../../source/progress/run-log.js';

// A run replayed from its log gives what the game gave; a log that cannot be replayed says why.

const master = loadLessonDir(defaultLessonsDir()).lessons.find(l => l.order === 1)!;

describe('rerun', () => {
	it('gives the score, stars and goals the game gave, by any route', () => {
		const played = replay(master, ['aws ec2 create-key-pair --key-name spare', 'undo', ...master.solution]);
		const again = rerun(master, played.log);
		expect(again.problem).toBeUndefined();
		expect(again.score).toEqual(chapterScore(played.state));
		expect(again.completed).toBe(true);
		expect(again.steps.map(s => s.kind)).toEqual(['line', 'undo', ...master.solution.map(() => 'line')]);
	});

	it('a log cut short, or not from the start, is not replayed as if it were whole', () => {
		expect(rerun(master, [{t: 'resume'}, ...master.solution.map(line => ({t: 'line' as const, line}))]).problem).toMatch(/does not start at the start/);
		let log: RunLog = [{t: 'start'}];
		for (let i = 0; i < RUN_LOG_LIMIT + 10; i++) log = appendEntry(log, {t: 'line', line: 'true'});
		expect(log).toHaveLength(RUN_LOG_LIMIT + 1);
		expect(log.at(-1)).toEqual({t: 'overflow', at: undefined});
		expect(appendEntry([{t: 'start'}], {t: 'line', line: 'x'.repeat(RUN_LINE_LIMIT + 1)}).at(-1)?.t).toBe('overflow');
		expect(rerun(master, [{t: 'start'}, {t: 'overflow'}]).problem).toMatch(/too long to record/);
	});

	it('a chapter ended by showing the solution verifies as done with no stars', () => {
		const engine = engineOf([master]);
		let game = newGame(engine.start(master.id));
		for (const line of [master.solution[0], 'solution', 'y']) game = submitLine(engine, game, line).state;
		const score = engine.score(game.play);
		const progress = markCompleted(emptyProgress(), master.id, {score: score.total, stars: score.stars, hintsUsed: engine.hintsUsed(game.play), log: engine.runLog!(game.play)});
		const pack = openPack(undefined);
		const check = checkProgressChapter(pack, [], master.id, progress.chapters[master.id]);
		expect(check.details).toEqual([]);
		expect(check).toMatchObject({verdict: 'verified', claimed: {completed: true, score: 0, stars: 0}});
	});

	it('time spent: the gaps between inputs, at most 5 minutes each, none before a resume', () => {
		expect(timeSpent([{t: 'start', at: 0}, {t: 'line', line: 'a', at: 30_000}, {t: 'line', line: 'b', at: 3_600_000}, {t: 'resume', at: 90_000_000}, {t: 'hint', at: 90_010_000}])).toBe(30_000 + 300_000 + 10_000);
	});
});
