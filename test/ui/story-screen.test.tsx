import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {StoryScreen} from '../../source/ui/screens/story-screen.js';
import type {ChapterInfo} from '../../source/game/types.js';

const chapter = {
	id: 'c',
	order: 3,
	title: 'Paragraphs',
	story: ['The first paragraph.\n\nThe second paragraph.\n', 'Page two.'],
	debrief: 'Done.',
	quiz: [],
} as unknown as ChapterInfo;

describe('StoryScreen', () => {
	it('keeps the blank line between paragraphs and says where Enter leads', () => {
		const app = render(<StoryScreen chapter={chapter} page={0} rows={20} />);
		const frame = app.lastFrame()!;
		expect(frame).toContain('The first paragraph.\n\nThe second paragraph.');
		expect(frame).toContain('Chapter 3: Paragraphs');
		expect(frame).toContain('Page 1/2 · Enter next');
		app.unmount();
	});
});
