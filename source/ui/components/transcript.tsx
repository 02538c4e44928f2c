import React from 'react';
import {Static, Text} from 'ink';
import type {ScrollEntry} from '../lab/lab-state.js';
import {fitText, type FitKind} from '../text/fit.js';

// Finished output: written once above the live area and left in the terminal's scrollback.

const colourOf = (entry: ScrollEntry): {color?: string; bold?: boolean; dimColor?: boolean} => {
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

const fitKind = (entry: ScrollEntry): FitKind => (entry.kind === 'command' ? 'command' : entry.kind === 'stdout' || entry.kind === 'stderr' ? 'output' : 'text');

/** The lines an entry takes in a terminal of `columns` (its last column left free): what the transcript prints, and the reader pages through. */
export const entryLines = (entry: ScrollEntry, columns: number): string[] => fitText(entry.text, Math.max(20, columns - 1), fitKind(entry));

export const Transcript = ({entries, columns}: {entries: ScrollEntry[]; columns: number}) => (
	<Static items={entries}>
		{entry => (
			<Text key={entry.id} {...colourOf(entry)}>
				{entryLines(entry, columns).join('\n')}
			</Text>
		)}
	</Static>
);
