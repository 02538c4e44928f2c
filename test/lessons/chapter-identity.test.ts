import {describe, expect, it} from 'vitest';
import {newSession, startChapter} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import type {World} from '../../source/sim/core/types.js';

// Each chapter's world hands out its own ids (issue 20, "Time and identity that teach"): chapter 3
// used to show the very AMI ID the learner had deregistered in chapter 2, as if it carried over.

const lessons = loadLessonDir(defaultLessonsDir()).lessons;
const chapter = (id: string) => {
	const lesson = lessons.find(l => l.id === id);
	if (!lesson) throw new Error(`no chapter ${id}`);
	return lesson;
};

const ownIds = (world: World): string[] => {
	const region = world.regions['us-east-1'];
	return [...region.keyPairs.ids(), ...region.images.ids().filter(id => region.images.get(id)!.OwnerId === world.account), ...region.instances.ids()];
};

const publicAl2023 = (world: World): string =>
	world.regions['us-east-1'].images.values().find(image => image.Name === 'al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64')!.ImageId;

describe('ids per chapter', () => {
	const two = startChapter(chapter('baking-the-image')).session.world;
	const three = startChapter(chapter('a-class-of-computers')).session.world;

	it('no id the setup of one chapter made turns up in another', () => {
		expect(ownIds(two).length).toBeGreaterThanOrEqual(2);
		expect(ownIds(three).length).toBeGreaterThanOrEqual(2);
		const shared = ownIds(two).filter(id => ownIds(three).includes(id));
		expect(shared).toEqual([]);
		// nor in the free sandbox
		const sandbox = newSession().world;
		expect(sandbox.regions['us-east-1'].keyPairs.ids()).toEqual([]);
		expect(two.idSalt).not.toBe(three.idSalt);
		expect(sandbox.idSalt).toBeUndefined();
	});

	it('the same chapter gets the same ids every time, and the public AMIs keep theirs everywhere', () => {
		expect(ownIds(startChapter(chapter('baking-the-image')).session.world)).toEqual(ownIds(two));
		expect(publicAl2023(two)).toBe(publicAl2023(three));
		expect(publicAl2023(two)).toBe(publicAl2023(newSession().world));
	});
});
