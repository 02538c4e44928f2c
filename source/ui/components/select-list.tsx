import React from 'react';
import {Box, Text} from 'ink';
import {Item} from 'ink-select-input';

// A list drawn like ink-select-input's (its pointer and item), its keys handled by the app's one
// input owner (several useInput hooks swapping in one render can hang Ink 6 on exit). The pointer
// has a column of its own that never shrinks: a label too long for the line wraps under itself,
// and keeps its space after the pointer.

export type SelectListProps = {items: Array<{key: string; label: string; detail?: string}>; index: number; /** rows available: the list scrolls to keep the selection in view */ limit?: number};

/** The first item shown so that `index` is in a window of `limit` rows. */
export const windowStart = (count: number, index: number, limit: number): number => (count <= limit ? 0 : Math.min(Math.max(0, index - Math.floor(limit / 2)), count - limit));

export const POINTER = '❯';

const Pointer = ({isSelected}: {isSelected: boolean}) => (
	<Box width={2} flexShrink={0}>
		{isSelected ? <Text color="blue">{POINTER}</Text> : <Text> </Text>}
	</Box>
);

export const SelectList = ({items, index, limit = items.length}: SelectListProps) => {
	const size = Math.max(1, limit);
	const start = windowStart(items.length, index, size);
	const shown = items.slice(start, start + size);
	return (
		<Box flexDirection="column">
			{shown.map((item, i) => (
				<Box key={item.key}>
					<Pointer isSelected={start + i === index} />
					<Item isSelected={start + i === index} label={item.label} />
					{item.detail ? <Text dimColor wrap="truncate-end">{`  ${item.detail}`}</Text> : null}
				</Box>
			))}
		</Box>
	);
};
