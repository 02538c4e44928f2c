import {describe, expect, it} from 'vitest';
import {runPlayerLine, startChapter, takeHint, type ChapterState} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {validateLesson} from '../../source/lessons/validate.js';
import type {Lesson} from '../../source/lessons/schema.js';
import {engineOf} from '../../source/game/engine.js';
import {newGame, submitLine, type GameEvent, type GameState} from '../../source/game/play.js';
import {hintText} from '../../source/game/commands.js';
import {verifyLesson} from '../../source/game/verify.js';

// Near misses (lessons/README.md, "Near misses"): a goal's plausible wrong turns, said once right
// after the line that brings one about, shown under the goal in `goals`, first in `hint`, and
// replayed by `check` with the exact hint offered where each is said.

const {lessons} = loadLessonDir(defaultLessonsDir());
const lesson = (id: string) => structuredClone(lessons.find(l => l.id === id)!);

const play = (id: string) => {
	const engine = engineOf([lesson(id)]);
	let game: GameState = newGame(engine.start(id));
	const line = (text: string): GameEvent[] => {
		const outcome = submitLine(engine, game, text, {front: 'prompt', marks: 'boxes'});
		game = outcome.state;
		return outcome.events;
	};

	return {line, printed: (events: GameEvent[], kind?: string) => events.flatMap(e => (e.type === 'printed' && (kind === undefined || e.kind === kind) ? [e.text] : [])).join('\n')};
};

const run = (state: ChapterState, lines: string[]): ChapterState => lines.reduce((s, l) => runPlayerLine(s, l).state, state);

const LOOKALIKE = "AMI=$(aws ec2 describe-images --filters 'Name=name,Values=al2023-ami-2023*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)";
const NEWEST = "AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)";

describe('a near miss is said once, right after the line that caused it', () => {
	it('chapter 1: launching the look-alike names the computers, the image and why, once; goals shows it under the goal', () => {
		const p = play('master-image');
		expect(p.printed(p.line(LOOKALIKE), 'hint')).toBe('');
		const launched = p.printed(p.line("IDS=$(aws ec2 run-instances --image-id $AMI --count 2 --instance-type t3.micro --query 'Instances[].InstanceId' --output text)"), 'hint');
		expect(launched).toMatch(/^Not yet: Launch two lab computers/);
		expect(launched).toMatch(/i-[0-9a-f]{17}, i-[0-9a-f]{17} started from ami-[0-9a-f]{17}, the look-alike/);
		expect(launched).not.toMatch(/aws ec2|--owners/);
		// the next line does not repeat it
		expect(p.printed(p.line('aws ec2 describe-instances --output text'), 'hint')).toBe('');
		const goals = p.printed(p.line('goals'));
		expect(goals).toMatch(/\[ \] Launch two lab computers[^\n]*\n {6}i-[0-9a-f]{17}, i-[0-9a-f]{17} started from ami-[0-9a-f]{17}, the look-alike/);
	});

	it('a goal of several parts says which part is open: how many instances are stopped, not terminated', () => {
		const p = play('master-image');
		p.line(NEWEST);
		p.line("IDS=$(aws ec2 run-instances --image-id $AMI --count 2 --instance-type t3.micro --query 'Instances[].InstanceId' --output text)");
		p.line('aws ec2 wait instance-running --instance-ids $IDS');
		expect(p.printed(p.line('aws ec2 stop-instances --instance-ids $IDS'), 'hint')).toMatch(/2 instances stopped, not terminated: i-[0-9a-f]{17}, i-[0-9a-f]{17}\./);
		p.line('aws ec2 wait instance-stopped --instance-ids $IDS');
		p.line("aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId | [0]' --output text)");
		expect(p.printed(p.line('goals'))).toMatch(/\[ \] Terminate the lab computers[^\n]*\n {6}1 instance stopped, not terminated: i-[0-9a-f]{17}\. /);
	});

	it('chapter 3: a second t3.small is named as the open part of the teacher goal', () => {
		const state = run(startChapter(lesson('a-class-of-computers')), [
			'aws ec2 run-instances --image-id $IMG --instance-type t3.small --key-name lab-key --security-group-ids $SG',
			"aws ec2 run-instances --image-id $IMG --instance-type t3.small --block-device-mappings 'DeviceName=/dev/xvda,Ebs={VolumeSize=20}' --key-name lab-key --security-group-ids $SG",
		]);
		expect(state.why.reasons['teacher-pc']?.text).toMatch(/^2 t3\.small computers are running: i-[0-9a-f]{17}, i-[0-9a-f]{17}\. The goal wants one teacher's computer\.$/);
	});

	it('a near miss that goes on holding is not said again when another one stops hiding it', () => {
		let state = startChapter(lesson('new-term-new-image'));
		const said: string[] = [];
		for (const line of [
			'ssh -i lab-key.pem ec2-user@$IP "sed -i s/Autumn/Spring/ /var/www/html/index.html"',
			'V2=$(aws ec2 create-image --instance-id $ID --name lab-master-v2 --query ImageId --output text)',
			'aws ec2 wait image-available --image-ids $V2',
			'aws ec2 deregister-image --image-id $V2 --delete-associated-snapshots',
		]) {
			const outcome = runPlayerLine(state, line);
			said.push(...outcome.said.map(s => s.id));
			state = outcome.state;
		}

		expect(said).toEqual(['page-not-written', 'v2-baked-with-the-autumn-page', 'v2-without-version-tag']);
		expect(state.why.reasons['spring-page']?.id).toBe('page-not-written');
	});
});

describe('a goal that can no longer be met is announced the moment it becomes so', () => {
	it('chapter 7: terminating the exam server says so after that very line, and goals shows it', () => {
		const p = play('spring-cleaning');
		const events = p.line("aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].InstanceId' --output text)");
		expect(p.printed(events, 'warn')).toMatch(/^This goal can no longer be met: Once school-lab-spring is deregistered, check that the exam server .* The exam server has been terminated.*Type `undo`/s);
		expect(p.printed(p.line('aws ec2 describe-instances --output text'), 'warn')).toBe('');
		expect(p.printed(p.line('goals'))).toMatch(/\[ \] Once school-lab-spring is deregistered[^\n]*\n {6}can no longer be met: The exam server has been terminated/);
	});

	it('chapter 6: two goals lost by one line for one reason are announced in one message', () => {
		const p = play('sharing');
		const events = p.line("aws ec2 deregister-image --image-id $(aws ec2 describe-images --owners self --query 'Images[0].ImageId' --output text)");
		const warned = events.filter(e => e.type === 'printed' && e.kind === 'warn');
		expect(warned).toHaveLength(1);
		expect(p.printed(warned)).toMatch(/^These goals can no longer be met: Give Riverside's account \(210987654321\) permission to launch school-lab-v1; Make school-lab-v1 public for every school, on purpose\. school-lab-v1 has been deregistered, .* Type `undo`/);
	});

	it('undo brings the goal back without announcing anything', () => {
		const p = play('spring-cleaning');
		p.line("aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].InstanceId' --output text)");
		// undo says what real AWS could not take back (score.ts), and nothing of the goal lost
		const warned = p.printed(p.line('undo'), 'warn');
		expect(warned).toMatch(/^Undone: aws ec2 terminate-instances[^]*Real AWS has no undo: i-/);
		expect(warned).not.toMatch(/can no longer be met|Not yet/);
		expect(p.printed(p.line('goals'))).not.toMatch(/can no longer be met/);
	});
});

describe('hint starts from what the learner did', () => {
	it('chapter 2: after a bake while httpd was only started, the hint gives the reason first, and its exact command works where it is offered', () => {
		let state = run(startChapter(lesson('baking-the-image')), [
			"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl start httpd'",
			'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
			"ssh -i lab-key.pem ec2-user@$IP 'sudo systemctl enable --now httpd'",
			'aws ec2 wait image-available --image-ids $IMG',
			'aws ec2 describe-snapshots --owner-ids self',
			"T=$(aws ec2 run-instances --image-id $IMG --instance-type t3.micro --key-name lab-key --security-group-ids $SG --query 'Instances[0].InstanceId' --output text)",
			'aws ec2 wait instance-running --instance-ids $T',
			"curl -s -m 5 http://$(aws ec2 describe-instances --instance-ids $T --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)/",
		]);
		expect(state.goals.find(g => g.id === 'baked')?.met).toBe(false);
		expect(state.why.reasons.tested?.id).toBe('no-web-server-in-image');
		const first = takeHint(state);
		expect(first.hint?.goalId).toBe('baked');
		expect(hintText(first.hint!)).toMatch(/^lab-master-v1 exists, but a computer started from it would not serve the page: [^\n]*\nHint 1\/3 \(-5 points\): Make httpd start at boot on lab-pc, remove the image baked too early/);
		// the goal's own exact command, pasted here, fails (the name is taken), and asking again would repeat it
		const own = state.lesson.goals.find(g => g.id === 'baked')!.hints.at(-1)!.trimEnd().replace(/\\\n\s*/g, '');
		expect(runPlayerLine(state, own).result.stderr).toMatch(/InvalidAMIName\.Duplicate/);
		state = takeHint(takeHint(first.state).state).state;
		const exact = takeHint(state).hint!;
		expect(exact.tier).toBe(3);
		// pasted as shown, every line works and the goal is met (the goal's own exact command would fail: the name is taken)
		let pending: string[] = [];
		for (const line of exact.text.trimEnd().split('\n')) {
			const outcome = runPlayerLine(state, [...pending, line].join('\n'));
			pending = outcome.result.incomplete ? [...pending, line] : [];
			if (!outcome.result.incomplete) expect(outcome.result.exitCode, line).toBe(0);
			state = outcome.state;
		}

		expect(state.goals.find(g => g.id === 'baked')?.met).toBe(true);
	});
});

describe('check replays the near misses and the exact hint where each is said', () => {
	it('fails when a wrong attempt does not bring about the near miss it expects', () => {
		const l = lesson('master-image');
		l.wrong.find(w => w.name === 'stopped instead of terminated')!.says = ['look-alike'];
		const bad = verifyLesson(l).filter(v => !v.ok);
		expect(bad.map(v => v.detail)).toEqual(['never says near miss look-alike (said: stopped-not-terminated)']);
	});

	it('chapter 8: without the near miss\'s own hints, the exact hint (a t3.micro for an image without ENA) fails where it is offered', () => {
		const l = lesson('what-an-image-is');
		expect(verifyLesson(l).filter(v => !v.ok)).toEqual([]);
		delete l.goals.find(g => g.id === 'server-back')!.nearMisses.find(m => m.id === 'no-ena-support')!.hints;
		const bad = verifyLesson(l).filter(v => !v.ok);
		expect(bad).toHaveLength(1);
		expect(bad[0].detail).toMatch(/^the exact-command hint for server-back, offered after "AMI=\$\(aws ec2 register-image .*", fails when pasted$/);
		expect(bad[0].at?.map(p => p.text).join('\n')).toMatch(/Enhanced networking with the Elastic Network Adapter \(ENA\) is required for the 't3\.micro'/);
		expect(bad[0].at?.[0].path).toEqual(['goals', 2, 'hints', 2]);
	});

	it('validates the ids: each near miss is said by some wrong attempt, each expected id exists', () => {
		const l: Lesson = lesson('master-image');
		l.wrong = l.wrong.map(w => ({...w, says: w.says.filter(id => id !== 'only-one')}));
		l.wrong[0].says.push('no-such-miss');
		l.goals[1].nearMisses.push({...l.goals[1].nearMisses[0]});
		l.goals[2].nearMisses[0].say += ' $NOPE';
		const messages = validateLesson(l, undefined).map(i => `${i.path.join('.')}: ${i.message}`);
		expect(messages).toEqual([
			'goals.1.nearMisses.3.id: duplicate near miss id "look-alike"',
			'goals.1.nearMisses.2.id: near miss "only-one" is said by no wrong attempt: add one whose says: lists it, so that check replays it',
			'goals.2.nearMisses.0.say: $NOPE is not defined in vars',
			'wrong.0.says.1: no near miss "no-such-miss" in this lesson (nor a goal with unreachable: of that id)',
		]);
	});
});
