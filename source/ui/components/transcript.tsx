import React from 'react';
import {Static, Text} from 'ink';
import type {ScrollEntry} from '../lab/lab-state.js';
import {entryLines} from '../lab/layout.js';

// Finished output: written once above the live area and left in the terminal's scrollback.

export const colourOf = (entry: Pick<ScrollEntry, 'kind'>): {color?: string; bold?: boolean; dimColor?: boolean} => {
	switch (entry.kind) {
		case 'command': {
			return {bold: true};
		}

		case 'stderr': {
			return {color: 'red'};
		}

		case 'success': {
			return {color: 'green'};
		}

		case 'hint': {
			return {color: 'cyan'};
		}

		case 'warn': {
			return {color: 'yellow'};
		}

		case 'info': {
			return {dimColor: false, color: 'blue'};
		}

		case 'stdout': {
			return {};
		}
	}
};

export const Transcript = ({entries, columns}: {entries: ScrollEntry[]; columns: number}) => (
	<Static items={entries}>
		{entry => (
			<Text key={entry.id} {...colourOf(entry)}>
				{entryLines(entry, columns).join('\n')}
			</Text>
		)}
	</Static>
);
