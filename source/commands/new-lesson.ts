import {copyFileSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import {defaultLessonsDir, PACK_FILE} from '../lessons/load.js';
import {idFromFolder} from '../lessons/pack.js';
import {nearest} from '../lessons/author-words.js';
import {fsReason} from '../sandbox/fs-words.js';
import {openPack} from './context.js';
import {DEFAULT_SHAPE, SHAPES, shapeText} from './lesson-shapes.js';

// `ami-school new-lesson <name> [--shape SHAPE] [--dir DIR]`: writes NN-<id>.yaml, a small commented
// chapter of one of a few starting shapes (lesson-shapes.ts) that passes `ami-school check` as it
// is, to start from. In a folder with no lessons yet it writes a
// pack.yaml too (a pack that adds to the built-in chapters), and beside the lesson it puts
// lesson.schema.json, which the lesson's first line points editors at.

export const NEW_LESSON_USAGE = 'usage: ami-school new-lesson <name> [--shape <shape>] [--dir <dir>]\n';
export const SCHEMA_FILE = 'lesson.schema.json';
export const PACK_SCHEMA_FILE = 'pack.schema.json';

/** A new lesson's text: one of the starting shapes (lesson-shapes.ts), each passing `check` as it is. */
export const lessonTemplate = (id: string, order: number, title: string, shape: string = DEFAULT_SHAPE): string => shapeText(shape, id, order, title, SCHEMA_FILE) ?? '';

const shapeList = () => SHAPES.map(s => `  ${s.name.padEnd(16)} ${s.text}`).join('\n');

const packTemplate = (id: string, name: string) => `# yaml-language-server: $schema=./${PACK_SCHEMA_FILE}
# A lesson pack (see lessons/README.md of the ami-school package).
id: ${id}          # keys the saved progress: unique among your packs
name: ${JSON.stringify(name)}
mode: add          # add: the built-in chapters and these; replace: these only
`;

const slugOf = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

export const newLessonCommand = async (cl: CommandLine, io: CommandIo): Promise<number> => {
	const name = cl.args.join(' ').trim();
	const id = slugOf(name);
	if (cl.args.length === 0 || !id) {
		io.stderr.write(`${cl.args.length === 0 ? '' : `ami-school new-lesson: "${name}" has no letters or digits for an id\n`}${NEW_LESSON_USAGE}`);
		return EXIT_USAGE;
	}

	const shape = cl.values.shape ?? DEFAULT_SHAPE;
	if (!SHAPES.some(s => s.name === shape)) {
		const near = nearest(shape, SHAPES.map(s => s.name));
		io.stderr.write(`ami-school new-lesson: no shape "${shape}"${near ? ` (did you mean ${near}?)` : ''}; the shapes:\n${shapeList()}\n`);
		return EXIT_USAGE;
	}

	const dir = path.resolve(cl.values.dir ?? '.');
	const written: string[] = [];
	try {
		mkdirSync(dir, {recursive: true});
		const before = openPack(dir);
		if (before.own.length === 0 && !existsSync(path.join(dir, PACK_FILE))) {
			writeFileSync(path.join(dir, PACK_FILE), packTemplate(idFromFolder(dir), path.basename(dir)), {flag: 'wx'});
			written.push(PACK_FILE);
		}

		const pack = written.length > 0 ? openPack(dir) : before;
		if (pack.lessons.some(l => l.id === id)) {
			io.stderr.write(`ami-school new-lesson: the pack already has a chapter "${id}"; choose another name\n`);
			return EXIT_FAILED;
		}

		const order = Math.max(0, ...pack.lessons.map(l => l.order)) + 1;
		const file = `${String(order).padStart(2, '0')}-${id}.yaml`;
		const title = name.charAt(0).toUpperCase() + name.slice(1);
		writeFileSync(path.join(dir, file), lessonTemplate(id, order, title, shape), {flag: 'wx'});
		written.push(file);
		for (const schema of [SCHEMA_FILE, ...(written.includes(PACK_FILE) ? [PACK_SCHEMA_FILE] : [])]) {
			if (existsSync(path.join(dir, schema))) continue;
			copyFileSync(path.join(defaultLessonsDir(), schema), path.join(dir, schema));
			written.push(schema);
		}
	} catch (error) {
		const what = (error as NodeJS.ErrnoException).path ? ` ${path.relative(process.cwd(), (error as NodeJS.ErrnoException).path!) || '.'}` : '';
		io.stderr.write(`ami-school new-lesson: cannot write${what}: ${fsReason(error)}\n`);
		return EXIT_FAILED;
	}

	const shown = path.relative(process.cwd(), dir) || '.';
	io.stdout.write(`Wrote ${written.map(f => path.join(shown, f)).join(', ')} (shape ${shape}).\nNext: edit it, then  ami-school check ${shown} --watch  and  ami-school --lessons ${shown} play ${id}\n`);
	if (cl.values.shape === undefined) io.stdout.write(`Other starting shapes (--shape <shape>):\n${shapeList()}\n`);
	return EXIT_OK;
};
