import {describe, expect, it} from 'vitest';
import {startChapter} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {lessonSchema} from '../../source/lessons/schema.js';
import {WORLD_START} from '../../source/sim/core/clock.js';

// setup.history: what happened before the chapter's day happens at its own moment. Chapter 8's
// "2012" legacy image used to show the chapter's own 2026 date as its CreationDate.

const lessons = loadLessonDir(defaultLessonsDir()).lessons;

describe('setup.history', () => {
	it('chapter 8: lab-2012-legacy was registered in 2012 and names its kernel; the chapter itself is on its own day', () => {
		const lesson = lessons.find(l => l.id === 'what-an-image-is')!;
		const state = startChapter(lesson);
		expect(state.setupErrors).toEqual([]);
		const legacy = state.session.world.regions['us-east-1'].images.values().find(image => image.Name === 'lab-2012-legacy')!;
		expect(new Date(legacy.CreationDate).getUTCFullYear()).toBe(2012);
		expect(legacy).toMatchObject({VirtualizationType: 'paravirtual', RootDeviceType: 'instance-store', KernelId: expect.stringMatching(/^aki-[\da-f]{8}$/)});
		expect(state.session.world.clock).toBeGreaterThan(WORLD_START);
		const backup = state.session.world.regions['us-east-1'].snapshots.values().find(s => s.Tags.some(t => t.Value === 'lab-server-backup'))!;
		expect(backup.StartTime).toBeGreaterThanOrEqual(WORLD_START);
	});

	it('takes a moment before the chapter\'s day only', () => {
		const {file: _file, ...lesson} = lessons[0];
		const base = {...lesson, setup: {region: 'us-east-1', commands: []}};
		expect(lessonSchema.safeParse(base).success).toBe(true);
		expect(lessonSchema.safeParse({...base, setup: {...base.setup, history: [{at: '2012-05-14T09:30:00Z', commands: ['true']}]}}).success).toBe(true);
		expect(lessonSchema.safeParse({...base, setup: {...base.setup, history: [{at: '2027-01-01T00:00:00Z', commands: ['true']}]}}).success).toBe(false);
		expect(lessonSchema.safeParse({...base, setup: {...base.setup, history: [{at: 'last year', commands: ['true']}]}}).success).toBe(false);
	});
});
