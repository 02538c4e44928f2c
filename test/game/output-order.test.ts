import {describe, expect, it} from 'vitest';
import {createEngine} from '../../source/game/engine.js';
import {withLayer} from '../../source/game/layer.js';
import {replay} from '../../source/game/replay.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';

// What a line wrote reaches the transcript in the order a terminal shows it: OpenSSH prints its
// "Permanently added … to the list of known hosts" warning (stderr) before the login banner
// (stdout), at the prompt and in a script's transcript alike.

const lessonsDir = defaultLessonsDir();
const baking = loadLessonDir(lessonsDir).lessons.find(l => l.order === 2)!;
const LOGIN = 'ssh -i lab-key.pem ec2-user@$IP';

describe('output order', () => {
	it('at the prompt: the host-key warning, then the banner', () => {
		const game = withLayer(createEngine({lessonsDir}), {write() {}});
		const {events} = game.submit(game.newGame(game.start(baking.id)), LOGIN);
		const printed = events.flatMap(e => (e.type === 'printed' ? [`${e.kind}: ${e.text.split('\n')[0]}`] : []));
		expect(printed[0]).toMatch(/^stderr: Warning: Permanently added '[\d.]+' \(ED25519\) to the list of known hosts\.$/);
		expect(printed[1]).toMatch(/^stdout: /);
		expect(events.filter(e => e.type === 'printed').map(e => (e.type === 'printed' ? e.text : '')).join('')).toContain('Amazon Linux 2023');
	});

	it("in a script's transcript: the same order", () => {
		const {steps} = replay(baking, [LOGIN, 'exit']);
		expect(steps[0].output.indexOf('Permanently added')).toBeLessThan(steps[0].output.indexOf('Amazon Linux 2023'));
		expect(steps[0].output.indexOf('Permanently added')).toBeGreaterThanOrEqual(0);
		// stdout and stderr stay apart too, for graders
		expect(steps[0].stderr).toContain('Permanently added');
		expect(steps[0].stdout).not.toContain('Permanently added');
	});
});
