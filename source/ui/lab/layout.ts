import {fitText, type FitKind} from '../text/fit.js';
import type {ScrollEntry, ScrollKind} from './lab-state.js';

// How the lab uses the terminal: the transcript's lines at its width (what <Static> prints and
// the reader pages through), and where the world pane goes.

export type LabView = {columns: number; rows: number};

/** From this width the world pane sits beside the goals all the time; narrower, Ctrl+O shows it. */
export const WIDE_COLUMNS = 120;

/** Below this height the goals met collapse into one line, so the output gets the room. */
export const TALL_ROWS = 30;

export type LabLayout = {
	/** the world pane beside the goals (else above them, when toggled on) */
	wide: boolean;
	/** the pane's width beside the goals */
	paneWidth: number;
	/** lines of transcript the reader shows at once (its footer and one spare row aside) */
	page: number;
	/** met goals as one line */
	collapseMet: boolean;
};

export const labLayout = ({columns, rows}: LabView): LabLayout => ({
	wide: columns >= WIDE_COLUMNS,
	paneWidth: Math.min(64, Math.floor(columns * 0.42)),
	page: Math.max(3, rows - 3),
	collapseMet: rows < TALL_ROWS,
});

const fitKind = (kind: ScrollKind): FitKind => (kind === 'command' ? 'command' : kind === 'stdout' || kind === 'stderr' ? 'output' : 'text');

/** The lines an entry takes in a terminal of `columns` (its last column left free). */
export const entryLines = (entry: Pick<ScrollEntry, 'kind' | 'text'>, columns: number): string[] => fitText(entry.text, Math.max(20, columns - 1), fitKind(entry.kind));

/** The whole transcript as lines, each with its entry's kind (for its colour). */
export const transcriptLines = (entries: ScrollEntry[], columns: number): Array<{kind: ScrollKind; text: string}> => entries.flatMap(entry => entryLines(entry, columns).map(text => ({kind: entry.kind, text})));
