// `npm run schema`: writes lessons/lesson.schema.json from the lesson schema (source/lessons/json-schema.ts).
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {lessonJsonSchemaText} from '../source/lessons/json-schema.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
writeFileSync(path.join(root, 'lessons', 'lesson.schema.json'), lessonJsonSchemaText());
