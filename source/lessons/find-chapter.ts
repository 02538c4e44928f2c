// How a chapter is named on the command line (`ami-school play <chapter>`, with or without
// --script): its id (master-image), its order (1, 01) or its file name (01-master-image[.yaml]).
// No imports: the game's first-frame bundle uses it too.

type Named = {id: string; order: number; /** the lesson file, when known */ file?: string};

/** The file name without folder and extension; without a file, the usual NN-id. */
const fileName = (chapter: Named): string =>
	chapter.file === undefined ? `${String(chapter.order).padStart(2, '0')}-${chapter.id}` : chapter.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');

export const findChapter = <T extends Named>(chapters: readonly T[], key: string): T | undefined =>
	chapters.find(c => c.id === key) ??
	(/^\d+$/.test(key) ? chapters.find(c => c.order === Number(key)) : undefined) ??
	chapters.find(c => fileName(c) === key.replace(/\.ya?ml$/, ''));
