import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {freshHome, seedProgress} from './helpers.js';

// Lesson packs, end to end on the built game: written with new-lesson, checked, played, their
// progress kept apart from the built-in chapters'.

// the default shape (find and launch), played by its own reference solution
const KEY_SCRIPT = "AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)\nID=$(aws ec2 run-instances --image-id $AMI --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)\naws ec2 terminate-instances --instance-ids $ID\n";

describe('lesson packs', {timeout: 120_000}, () => {
	it('new-lesson writes a pack and a commented lesson that passes check at once; --lessons works in any position', () => {
		const home = freshHome();
		const made = home.run('new-lesson', 'Key pairs first', '--dir', 'workshop');
		expect(made.stderr).toBe('');
		expect(made.status).toBe(0);
		expect(fs.readdirSync(home.file('workshop')).sort()).toEqual(['10-key-pairs-first.yaml', 'lesson.schema.json', 'pack.schema.json', 'pack.yaml']);
		const lesson = fs.readFileSync(home.file('workshop/10-key-pairs-first.yaml'), 'utf8');
		expect(lesson.split('\n')[0]).toBe('# yaml-language-server: $schema=./lesson.schema.json');
		expect(lesson).toMatch(/^goals: +# judged on the sandbox's state/m);

		const checked = home.run('check', '--lessons', 'workshop');
		expect(checked.stdout).toContain('Pack workshop (workshop): adds to the built-in chapters\n');
		expect(checked.stdout).toContain('✓ solution: meets every goal with 3 stars');
		expect(checked.stdout.endsWith('1 chapter checked: all good\n')).toBe(true);
		expect(checked.status).toBe(0);
		expect(home.run('check', 'workshop').stdout).toBe(checked.stdout);

		fs.writeFileSync(home.file('s.sh'), KEY_SCRIPT);
		// the option before the command, the chapter by its number (10: after the 9 built-in ones)
		const played = home.run('--lessons', 'workshop', 'play', '10', '--script', 's.sh', '--report', 'json', '--learner', 'Ada');
		expect(played.status).toBe(0);
		const report = JSON.parse(played.stdout);
		expect(report).toMatchObject({game: {name: 'ami-school'}, pack: {id: 'workshop', name: 'workshop', mode: 'add'}, learner: 'Ada', chapter: 'key-pairs-first', completed: true, score: {stars: 2}});
		// a script takes no quiz: the third star waits for it
		expect(report.nextStar).toMatch(/quiz answers right/);
		expect(report.lessonFiles).toHaveLength(10);
		expect(report.lessonFiles.at(-1)).toMatchObject({chapter: 'key-pairs-first', file: '10-key-pairs-first.yaml'});
		expect(report.lessonFiles.every((f: {sha256: string}) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
		// a second lesson takes the next order
		expect(home.run('new-lesson', 'AMI tags', '--dir', 'workshop').stdout).toContain('11-ami-tags.yaml');
	});

	it('a pack that replaces the built-in chapters keeps its own progress, even for the same chapter id', () => {
		const home = freshHome();
		fs.mkdirSync(home.file('room'));
		fs.writeFileSync(home.file('room/pack.yaml'), 'id: room-12\nname: Room 12\nmode: replace\n');
		// with mode add the id would clash with the built-in chapter: new-lesson refuses it
		expect(home.run('new-lesson', 'master image', '--dir', 'room').stdout).toContain('room/01-master-image.yaml');
		seedProgress(home, {'master-image': {status: 'done', bestScore: 420, stars: 3, hintsUsed: 0}});

		const builtin = JSON.parse(home.run('progress', '--json').stdout);
		expect(builtin.pack).toEqual({id: 'ami-school', name: 'AMI School', mode: 'replace'});
		expect(builtin.chapters[0]).toMatchObject({chapter: 'master-image', state: 'done', stars: 3, bestScore: 420});
		const room = JSON.parse(home.run('progress', '--json', '--lessons', 'room').stdout);
		expect(room.pack).toEqual({id: 'room-12', name: 'Room 12', mode: 'replace'});
		expect(room.chapters).toEqual([{order: 1, chapter: 'master-image', title: 'Master image', state: 'new', stars: 0, bestScore: 0, hintsUsed: 0}]);
		expect(room.file).toBe(path.join(home.config, 'progress-room-12.json'));
	});

	it('refuses a bad pack.yaml and clashes with the built-in chapters, naming file, line and field', () => {
		const home = freshHome();
		fs.mkdirSync(home.file('bad'));
		fs.writeFileSync(home.file('bad/pack.yaml'), 'id: bad\nname: Bad\nmode: replace\n');
		home.run('new-lesson', 'master image', '--dir', 'bad');
		fs.writeFileSync(home.file('bad/pack.yaml'), 'id: Bad Pack\nname: x\nmode: merge\n');
		const checked = home.run('check', 'bad');
		expect(checked.status).toBe(1);
		expect(checked.stdout).toContain(`✗ bad/pack.yaml:1: id: lower-case letters, digits and dashes\n`);
		expect(checked.stdout).toContain(`✗ bad/pack.yaml:3: mode: add (the built-in chapters and these) or replace (these only)\n`);

		fs.writeFileSync(home.file('bad/pack.yaml'), 'id: clash\nname: Clash\nmode: add\n');
		fs.writeFileSync(home.file('bad/01-master-image.yaml'), fs.readFileSync(home.file('bad/01-master-image.yaml'), 'utf8').replace(/^order: 1 /m, 'order: 3 '));
		const clash = home.run('check', 'bad');
		expect(clash.status).toBe(1);
		expect(clash.stdout).toContain('✗ bad/01-master-image.yaml:8: id: "master-image" is a built-in chapter\'s id (01-master-image.yaml)');
		expect(clash.stdout).toContain('✗ bad/01-master-image.yaml:9: order: 3 is a built-in chapter\'s order (03-a-class-of-computers.yaml)');
	});
});
