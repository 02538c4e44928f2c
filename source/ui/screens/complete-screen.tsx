import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {starsText} from '../../game/names.js';
import type {CompleteItem} from '../app-state.js';
import type {ChapterInfo, ScoreReport} from '../../game/types.js';
import {debriefPages} from '../text/layout.js';

export const CompleteScreen = ({chapter, report, best, items, index, page = 0, columns = 80, rows}: {chapter: ChapterInfo; report: ScoreReport; best: number; items: CompleteItem[]; index: number; page?: number; columns?: number; rows: number}) => {
	const width = Math.max(...report.lines.map(l => l.label.length), 5);
	const notes = report.notes ?? [];
	// each note wraps: count the lines it takes, so the debrief page still fits the screen
	const noteLines = notes.reduce((sum, note) => sum + Math.ceil(note.length / Math.max(20, columns)), 0);
	const pages = debriefPages(chapter, report.lines.length + noteLines, items.length, {columns, rows});
	const shown = Math.min(page, pages.length - 1);
	return (
		<Box flexDirection="column">
			<Text bold color="green">{`Chapter ${chapter.order} complete: ${chapter.title}`}</Text>
			<Box flexDirection="column" marginY={1}>
				{report.lines.map(line => (
					<Text key={line.label}>{`${line.label.padEnd(width)}  ${String(line.points).padStart(5)}`}</Text>
				))}
				<Text bold>{`${'Total'.padEnd(width)}  ${String(report.total).padStart(5)}   ${starsText(report.stars)}   best ${best}`}</Text>
				{notes.map(note => (
					<Text key={note} color="yellow">
						{note}
					</Text>
				))}
			</Box>
			{(pages[shown] ?? []).map((line, i) => (
				<Text key={i}>{line === '' ? ' ' : line}</Text>
			))}
			<Box marginTop={1}>
				<SelectList items={items.map(item => ({key: item.value, label: item.label}))} index={index} />
			</Box>
			{pages.length > 1 ? <Text dimColor>{`Debrief ${shown + 1}/${pages.length} · → or Space: ${shown < pages.length - 1 ? 'read on' : 'back to the start'} · ← back · ↑/↓ choose · Enter`}</Text> : null}
		</Box>
	);
};
