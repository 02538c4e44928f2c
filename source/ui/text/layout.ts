import type {ChapterInfo} from '../../game/types.js';
import {paginate, reflow, textWidth} from './reflow.js';

// How the story and the debrief are cut into screens for a terminal of a given size. The screens
// draw these pages and the app's reducer counts them (Enter, → and PgDn turn them), so both use
// these functions.

export type View = {columns: number; rows: number};

/** Rows the story screen keeps for itself: title, two margins, footer, and one spare. */
const STORY_CHROME = 5;

/** Every story page laid out for the terminal; a page longer than the screen becomes several. */
export const storyScreens = (chapter: Pick<ChapterInfo, 'story'>, view: View): string[][] =>
	chapter.story.flatMap(page => paginate(reflow(page, textWidth(view.columns)), Math.max(3, view.rows - STORY_CHROME)));

/**
 * The debrief on the completion screen, in pages that fit below the score and above the menu:
 * title, margins (around the score, above the menu), the score lines and their total, the menu,
 * the footer, one spare.
 */
export const debriefPages = (chapter: Pick<ChapterInfo, 'debrief'>, scoreLines: number, menuItems: number, view: View): string[][] =>
	paginate(reflow(chapter.debrief, textWidth(view.columns)), Math.max(3, view.rows - scoreLines - menuItems - 8));
