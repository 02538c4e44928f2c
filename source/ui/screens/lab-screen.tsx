import React from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {Game, GoalStatus} from '../../game/types.js';
import {labPromptLabel, type LabState} from '../lab/lab-state.js';

// The lab's live area (short, below the transcript): spinners for anything pending, the goals,
// the status bar and the prompt.

export const GoalsPanel = ({goals, maxRows}: {goals: GoalStatus[]; maxRows: number}) => {
	const shown = goals.length > maxRows ? goals.slice(0, Math.max(1, maxRows - 1)) : goals;
	const hidden = goals.length - shown.length;
	return (
		<Box flexDirection="column">
			<Text bold>Goals</Text>
			{shown.map(goal => (
				<Text key={goal.id} color={goal.met ? 'green' : undefined} wrap="truncate-end">
					{`${goal.met ? '✓' : '○'} ${goal.text}`}
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

export const LabScreen = ({engine, lab, columns, rows}: {engine: Game; lab: LabState; columns: number; rows: number}) => {
	const {pending, goals, statusLine: status} = engine.view(lab, columns - 2);
	const shownPending = pending.slice(0, rows < 24 ? 1 : 3);
	// live area budget: status 1 + prompt 1 + goals header 1 + pending; keep below rows - 1
	const goalRows = Math.max(1, rows - 5 - shownPending.length);
	return (
		<Box flexDirection="column">
			{shownPending.map(item => (
				<Text key={item.id} color="yellow" wrap="truncate-end">
					<Spinner type="dots" />
					{` ${item.text}`}
				</Text>
			))}
			{pending.length > shownPending.length ? <Text dimColor>{`… ${pending.length - shownPending.length} more pending`}</Text> : null}
			{goals.length > 0 ? <GoalsPanel goals={goals} maxRows={goalRows} /> : null}
			<Text inverse wrap="truncate-end">
				{` ${status} `.padEnd(columns)}
			</Text>
			<PromptLine label={labPromptLabel(engine, lab)} text={lab.prompt.text} cursor={lab.prompt.cursor} columns={columns} />
		</Box>
	);
};
