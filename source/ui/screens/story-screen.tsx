import React from 'react';
import {Box, Text} from 'ink';
import type {ChapterInfo} from '../../game/types.js';
import {storyScreens} from '../text/layout.js';

export const StoryScreen = ({chapter, page, columns = 80, rows}: {chapter: ChapterInfo; page: number; columns?: number; rows: number}) => {
	const screens = storyScreens(chapter, {columns, rows});
	const shown = Math.min(page, screens.length - 1);
	const lines = screens[shown] ?? [];
	const last = shown >= screens.length - 1;
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">{`Chapter ${chapter.order}: ${chapter.title}`}</Text>
			<Box flexDirection="column" marginY={1}>
				{lines.map((line, i) => (
					<Text key={i}>{line === '' ? ' ' : line /* an empty Text takes no row: keep the paragraph gap */}</Text>
				))}
			</Box>
			<Text dimColor>{`Page ${shown + 1}/${screens.length} · Enter ${last ? 'to the lab' : 'next'} · ← back · s skip`}</Text>
		</Box>
	);
};
