import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {starsText} from '../../game/names.js';
import type {CompleteItem} from '../app-state.js';
import type {ChapterInfo, ScoreReport} from '../../game/types.js';

export const CompleteScreen = ({chapter, report, best, items, index, rows}: {chapter: ChapterInfo; report: ScoreReport; best: number; items: CompleteItem[]; index: number; rows: number}) => {
	const width = Math.max(...report.lines.map(l => l.label.length), 5);
	const debrief = chapter.debrief.replace(/\n+$/, '').split('\n');
	const room = Math.max(0, rows - report.lines.length - items.length - 8);
	return (
		<Box flexDirection="column">
			<Text bold color="green">{`Chapter ${chapter.order} complete: ${chapter.title}`}</Text>
			<Box flexDirection="column" marginY={1}>
				{report.lines.map(line => (
					<Text key={line.label}>{`${line.label.padEnd(width)}  ${String(line.points).padStart(5)}`}</Text>
				))}
				<Text bold>{`${'Total'.padEnd(width)}  ${String(report.total).padStart(5)}   ${starsText(report.stars)}   best ${best}`}</Text>
			</Box>
			{debrief.slice(0, room).map((line, i) => (
				<Text key={i}>{line === '' ? ' ' : line}</Text>
			))}
			<SelectList items={items.map(item => ({key: item.value, label: item.label}))} index={index} />
		</Box>
	);
};
