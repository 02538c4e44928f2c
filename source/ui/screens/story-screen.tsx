import React from 'react';
import {Box, Text} from 'ink';
import type {ChapterInfo} from '../../game/types.js';

export const StoryScreen = ({chapter, page, rows}: {chapter: ChapterInfo; page: number; rows: number}) => {
	const text = chapter.story[page] ?? '';
	const lines = text.replace(/\n+$/, '').split('\n');
	const room = Math.max(3, rows - 5);
	const shown = lines.length > room ? [...lines.slice(0, room - 1), '…'] : lines;
	const last = page >= chapter.story.length - 1;
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">{`Chapter ${chapter.order}: ${chapter.title}`}</Text>
			<Box flexDirection="column" marginY={1}>
				{shown.map((line, i) => (
					<Text key={i}>{line === '' ? ' ' : line /* an empty Text takes no row: keep the paragraph gap */}</Text>
				))}
			</Box>
			<Text dimColor>{`Page ${page + 1}/${chapter.story.length} · Enter ${last ? 'to the lab' : 'next'} · ← back · s skip`}</Text>
		</Box>
	);
};
