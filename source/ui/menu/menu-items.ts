import {chapterProgress} from '../../progress/model.js';
import type {Progress} from '../../progress/schema.js';
import {starsText} from '../../game/names.js';
import type {ChapterInfo} from '../../game/types.js';

// The chapter menu's entries, from the chapters and the saved progress.

export type MenuValue = {kind: 'continue'} | {kind: 'chapter'; id: string} | {kind: 'sandbox'} | {kind: 'quit'};
export type MenuItem = {key: string; label: string; detail: string; value: MenuValue};

export const menuItems = (chapters: ChapterInfo[], progress: Progress): MenuItem[] => {
	const items: MenuItem[] = [];
	const current = progress.current;
	const sorted = [...chapters].sort((a, b) => a.order - b.order);
	if (current) {
		const chapter = sorted.find(c => c.id === current.chapterId);
		if (current.chapterId === null || chapter) {
			items.push({key: 'continue', label: 'Continue where you left off', detail: chapter ? `Chapter ${chapter.order}: ${chapter.title}` : 'Free sandbox', value: {kind: 'continue'}});
		}
	}

	for (const chapter of sorted) {
		const p = chapterProgress(progress, chapter.id);
		const detail = p.status === 'done' ? `${starsText(p.stars)}  best ${p.bestScore}` : p.status === 'in-progress' ? 'in progress' : 'new';
		items.push({key: `chapter-${chapter.id}`, label: `${chapter.order}. ${chapter.title}`, detail, value: {kind: 'chapter', id: chapter.id}});
	}

	items.push({key: 'sandbox', label: 'Free sandbox', detail: 'a fresh world, no goals', value: {kind: 'sandbox'}});
	items.push({key: 'quit', label: 'Quit', detail: '', value: {kind: 'quit'}});
	return items;
};
