import React from 'react';
import {Box, Text} from 'ink';
import type {WorldChange, WorldView} from '../../game/types.js';

// The world pane: the learner's resources as the game layer lists them (game/world-view.ts),
// what the last command changed marked and coloured. It only draws.

const COLOUR: Record<WorldChange, string> = {new: 'green', changed: 'yellow', gone: 'red'};
const MARK: Record<WorldChange, string> = {new: '+', changed: '*', gone: '-'};
const TITLE: Record<string, string> = {instance: 'Instances', image: 'Images', snapshot: 'Snapshots', volume: 'Volumes', 'key-pair': 'Key pairs', 'security-group': 'Security groups'};

const ENDED = new Set(['terminated', 'deregistered', 'deleted']);

type Line = {key: string; text: string; colour?: string; bold?: boolean; dim?: boolean};

/** The pane's lines: a heading per Region and kind, a row per resource. */
export const worldLines = (view: WorldView): Line[] => {
	const lines: Line[] = [];
	const regions = [...new Set(view.rows.map(r => r.region))];
	for (const region of regions) {
		if (regions.length > 1 || region !== view.region) lines.push({key: `r:${region}`, text: region, bold: true});
		let kind: string | undefined;
		for (const row of view.rows.filter(r => r.region === region)) {
			if (row.kind !== kind) lines.push({key: `k:${region}:${row.kind}`, text: TITLE[row.kind] ?? row.kind, dim: true});
			kind = row.kind;
			const mark = row.change ? MARK[row.change] : ' ';
			const text = `${mark} ${[row.id, row.change === 'gone' ? 'gone' : row.state, row.name].filter(Boolean).join(' ')}`;
			// what is over (terminated, deregistered, deleted) stays in view, dimmed, as AWS lists it a while
			lines.push({key: `${region}:${row.id}`, text, colour: row.change ? COLOUR[row.change] : undefined, dim: !row.change && ENDED.has(row.state ?? '')});
		}
	}

	return lines;
};

export const WorldPane = ({view, width, maxRows}: {view: WorldView; width: number; maxRows: number}) => {
	const lines = worldLines(view);
	const room = Math.max(1, maxRows - 1);
	const shown = lines.length > room ? lines.slice(0, Math.max(1, room - 1)) : lines;
	return (
		<Box flexDirection="column" width={width}>
			<Text bold wrap="truncate-end">{`World · ${view.region}`}</Text>
			{lines.length === 0 ? <Text dimColor wrap="truncate-end">nothing of yours yet</Text> : null}
			{shown.map(line => (
				<Text key={line.key} color={line.colour} bold={line.bold} dimColor={line.dim} wrap="truncate-end">
					{line.text}
				</Text>
			))}
			{shown.length < lines.length ? <Text dimColor wrap="truncate-end">{`… ${lines.length - shown.length} more (type world)`}</Text> : null}
		</Box>
	);
};
