import React from 'react';
import {Static, Text} from 'ink';
import type {ScrollEntry} from '../lab/lab-state.js';

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

export const Transcript = ({entries}: {entries: ScrollEntry[]}) => (
	<Static items={entries}>
		{entry => (
			<Text key={entry.id} {...colourOf(entry)}>
				{entry.text}
			</Text>
		)}
	</Static>
);
