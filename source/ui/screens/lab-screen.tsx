import React from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {Game, GoalStatus} from '../../game/types.js';
import {colourOf} from '../components/transcript.js';
import {labelOf, LAB_KEYS, READER_KEYS} from '../lab/keys.js';
import {labLayout, transcriptLines} from '../lab/layout.js';
import {labPromptLabel, type LabState, type ScrollEntry} from '../lab/lab-state.js';
import {wrapLine} from '../text/fit.js';
import {WorldPane} from './world-pane.js';

// The lab's live area (short, below the transcript): spinners for anything pending, the world
// pane, the goals, the status bar and the prompt; or, while reading back (PgUp), a page of the
// transcript.

/**
 * The goals, a long one wrapped under its own text. `collapseMet`: the goals met are one line
 * (`Goals: 3 of 4 met`) so the open ones show in full. What does not fit is counted.
 */
export const GoalsPanel = ({goals, width, maxRows, collapseMet = false}: {goals: GoalStatus[]; width: number; maxRows: number; collapseMet?: boolean}) => {
	const met = goals.filter(g => g.met).length;
	const collapsed = collapseMet && met > 0;
	const listed = collapsed ? goals.filter(g => !g.met) : goals;
	const blocks = listed.map(goal => ({goal, lines: wrapLine(`${goal.met ? '✓' : '○'} ${goal.text}`, Math.max(10, width), 2)}));
	const room = Math.max(1, maxRows - 1);
	const shown: typeof blocks = [];
	let used = 0;
	for (const [i, block] of blocks.entries()) {
		const reserve = i < blocks.length - 1 ? 1 : 0; // a line to say how many more
		if (used + block.lines.length + reserve > room && shown.length > 0) break;
		shown.push(block.lines.length > room ? {...block, lines: block.lines.slice(0, room)} : block);
		used += Math.min(room, block.lines.length);
	}

	const hidden = blocks.length - shown.length;
	return (
		<Box flexDirection="column">
			<Text bold>{collapsed ? `Goals: ${met} of ${goals.length} met` : 'Goals'}</Text>
			{shown.map(({goal, lines}) => (
				<Text key={goal.id} color={goal.met ? 'green' : undefined}>
					{lines.join('\n')}
				</Text>
			))}
			{hidden > 0 ? <Text dimColor>{`… ${hidden} more (type goals)`}</Text> : null}
		</Box>
	);
};

export const PromptLine = ({label, text, cursor, columns}: {label: string; text: string; cursor: number; columns: number}) => {
	// Keep the cursor on screen: show a window of the line around it.
	const room = Math.max(10, columns - label.length - 1);
	const start = Math.max(0, cursor - room + 1);
	const visible = text.slice(start, start + room);
	const at = cursor - start;
	return (
		<Text wrap="truncate-end">
			<Text bold>{label}</Text>
			{visible.slice(0, at)}
			<Text inverse>{visible[at] ?? ' '}</Text>
			{visible.slice(at + 1)}
		</Text>
	);
};

/** A page of the transcript read back, with where it is and the keys. */
export const ReaderView = ({entries, top, columns, rows}: {entries: ScrollEntry[]; top: number; columns: number; rows: number}) => {
	const lines = transcriptLines(entries, columns);
	const {page} = labLayout({columns, rows});
	const start = Math.min(top, Math.max(0, lines.length - page));
	const shown = lines.slice(start, start + page);
	const keys = `${labelOf(READER_KEYS, 'pageUp')}/${labelOf(READER_KEYS, 'pageDown')} ${labelOf(READER_KEYS, 'lineUp')}/${labelOf(READER_KEYS, 'lineDown')} ${labelOf(READER_KEYS, 'top')}/${labelOf(READER_KEYS, 'bottom')} · ${labelOf(READER_KEYS, 'close')} back to the prompt`;
	return (
		<Box flexDirection="column">
			{shown.map((line, i) => (
				<Text key={start + i} {...colourOf(line)}>
					{line.text === '' ? ' ' : line.text}
				</Text>
			))}
			<Text inverse wrap="truncate-end">{` Lines ${start + 1}-${start + shown.length} of ${lines.length} · ${keys} `.padEnd(columns)}</Text>
		</Box>
	);
};

export type LabScreenProps = {engine: Game; lab: LabState; columns: number; rows: number; transcript?: ScrollEntry[]; reader?: {top: number}; showWorld?: boolean};

export const LabScreen = ({engine, lab, columns, rows, transcript = [], reader, showWorld = false}: LabScreenProps) => {
	if (reader) return <ReaderView entries={transcript} top={reader.top} columns={columns} rows={rows} />;
	const layout = labLayout({columns, rows});
	const toggle = labelOf(LAB_KEYS, 'toggleWorld');
	const note = layout.wide ? undefined : showWorld ? `${toggle} hides world` : `${toggle} world`;
	const {pending, goals, statusLine: status} = engine.view(lab, columns - 2, note);
	const shownPending = pending.slice(0, rows < 24 ? 1 : 3);
	const pendingRows = shownPending.length + (pending.length > shownPending.length ? 1 : 0);
	// live area budget: status 1 + prompt 1 + pending, the world pane and the goals, and a row for
	// "Press Ctrl+C again": below rows - 1 (a frame as tall as the terminal is redrawn whole)
	const free = Math.max(2, rows - 5 - pendingRows);
	const world = layout.wide || showWorld ? engine.world(lab, lab.before) : undefined;
	const paneRows = layout.wide ? Math.min(free, Math.max(6, Math.floor(rows * 0.4))) : Math.max(3, Math.floor(free / 2));
	const goalRows = layout.wide || !world ? free : Math.max(2, free - paneRows);
	const goalsWidth = layout.wide ? columns - layout.paneWidth - 3 : columns - 1;
	const goalsPanel = goals.length > 0 ? <GoalsPanel goals={goals} width={goalsWidth} maxRows={Math.min(goalRows, layout.wide ? paneRows : goalRows)} collapseMet={layout.collapseMet} /> : null;
	return (
		<Box flexDirection="column">
			{shownPending.map(item => (
				<Text key={item.id} color="yellow" wrap="truncate-end">
					<Spinner type="dots" />
					{` ${item.text}`}
				</Text>
			))}
			{pending.length > shownPending.length ? <Text dimColor>{`… ${pending.length - shownPending.length} more pending`}</Text> : null}
			{layout.wide && world ? (
				<Box flexDirection="row">
					<Box flexDirection="column" width={goalsWidth + 1} flexShrink={0}>
						{goalsPanel}
					</Box>
					<Box marginLeft={2} flexShrink={0}>
						<WorldPane view={world} width={layout.paneWidth} maxRows={paneRows} />
					</Box>
				</Box>
			) : (
				<>
					{world ? <WorldPane view={world} width={columns - 1} maxRows={paneRows} /> : null}
					{goalsPanel}
				</>
			)}
			<Text inverse wrap="truncate-end">
				{` ${status} `.padEnd(columns)}
			</Text>
			<PromptLine label={labPromptLabel(engine, lab)} text={lab.prompt.text} cursor={lab.prompt.cursor} columns={columns} />
		</Box>
	);
};
