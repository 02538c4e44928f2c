import React from 'react';
import {Box, Text} from 'ink';
import {Title} from '../components/title.js';
import Spinner from 'ink-spinner';
import {SelectList} from '../components/select-list.js';
import {menuItems} from '../menu/menu-items.js';
import type {AppState} from '../app-state.js';
import type {Game} from '../../game/types.js';

export const MenuScreen = ({engine, state, index, rows}: {engine: Game; state: AppState; index: number; rows: number}) => {
	const items = menuItems(engine.chapters(), state.progress);
	const listRoom = Math.max(3, rows - 7);
	const noticeRoom = Math.max(0, rows - 7 - Math.min(items.length, listRoom));
	return (
		<Box flexDirection="column">
			<Title />
			{state.notices.slice(0, noticeRoom).map(notice => (
				<Text key={notice} color="yellow" wrap="truncate-end">
					{notice}
				</Text>
			))}
			<Box marginTop={1}>
				{state.progressLoaded ? <SelectList items={items} index={index} limit={listRoom} /> : (
					<Text>
						<Spinner /> Loading your progress…
					</Text>
				)}
			</Box>
			<Text dimColor>↑/↓ choose · Enter start · q quit</Text>
		</Box>
	);
};
