import type {Game} from '../../source/game/layer.js';
import type {GameEvent, GameState} from '../../source/game/play.js';

/** Types `lines` one by one into the game: the state after them, every event, and the printed text joined. */
export const submitLines = (game: Game, state: GameState, lines: string[]): {state: GameState; events: GameEvent[]; said: string} => {
	const events: GameEvent[] = [];
	for (const line of lines) {
		const outcome = game.submit(state, line);
		state = outcome.state;
		events.push(...outcome.events);
	}

	return {state, events, said: events.flatMap(e => (e.type === 'printed' ? [e.text] : [])).join('\n')};
};
