import {copyFileSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import {defaultLessonsDir, PACK_FILE} from '../lessons/load.js';
import {idFromFolder} from '../lessons/pack.js';
import {openPack} from './context.js';

// `ami-school new-lesson <name> [--dir DIR]`: writes NN-<id>.yaml, a small commented chapter that
// passes `ami-school check` as it is, to start from. In a folder with no lessons yet it writes a
// pack.yaml too (a pack that adds to the built-in chapters), and beside the lesson it puts
// lesson.schema.json, which the lesson's first line points editors at.

export const NEW_LESSON_USAGE = 'usage: ami-school new-lesson <name> [--dir <dir>]\n';
export const SCHEMA_FILE = 'lesson.schema.json';

export const lessonTemplate = (id: string, order: number, title: string): string => `# yaml-language-server: $schema=./${SCHEMA_FILE}
# A chapter of AMI School: every field is explained in lessons/README.md of the ami-school package.
# Check it (validates, then replays the solution, the alternatives and the wrong attempts):
#   ami-school check <this folder>
# Play it:
#   ami-school --lessons <this folder> play ${id}

id: ${id}          # unique: lower-case letters, digits and dashes (progress is kept under it)
order: ${order}           # position in the chapter menu, unique in the pack
title: ${JSON.stringify(title)}
facts: []          # fact ids this chapter is about (F1 …), from facts.yaml or the built-in facts

story:             # pages shown before the lab: the school analogy first, then the AWS terms
  - |
    Before anyone can log in to the school's new lab computers, the IT team needs a key:
    one half stays with the computers, the other half goes home with the teacher.
  - |
    In AWS that is a key pair. EC2 keeps the public key; create-key-pair shows you the
    private key once, and only then. Save it to a file, or it is gone.
debrief: |         # shown when the chapter is complete
  You created a key pair and kept its private key: run-instances --key-name workshop-key
  now puts the public key on a new instance, and ssh -i workshop-key.pem logs you in.

setup:             # run silently in the player's shell before they start
  region: us-east-1
  commands: []

goals:             # judged on the sandbox's state after every command, never on the text typed
  - id: made-key
    text: Create a key pair named workshop-key and save its private key in workshop-key.pem
    points: 100
    check:
      all:
        - aws: ec2 describe-key-pairs
          query: "length(KeyPairs[?KeyName=='workshop-key']) == \`1\`"
        - shell: cat workshop-key.pem
          expect: PRIVATE KEY
    hints:         # 1 to 3, each more precise: a nudge, the shape of the command, the command
      - Key pairs are made by EC2 itself; the private key is in the answer, once.
      - aws ec2 create-key-pair --key-name … --query KeyMaterial --output text > file
      - aws ec2 create-key-pair --key-name workshop-key --query KeyMaterial --output text > workshop-key.pem

solution:          # the reference solution: one shell line each; it must earn 3 stars
  - aws ec2 create-key-pair --key-name workshop-key --query KeyMaterial --output text > workshop-key.pem
alternatives:      # other valid ways: each must meet every goal
  - - aws ec2 create-key-pair --key-name workshop-key --key-type ed25519 --query KeyMaterial --output text > workshop-key.pem
wrong:             # known-wrong attempts: none may meet every goal (proves the checks are strict)
  - name: another name
    commands:
      - aws ec2 create-key-pair --key-name lab-key --query KeyMaterial --output text > workshop-key.pem
  - name: private key not saved
    commands:
      - aws ec2 create-key-pair --key-name workshop-key

quiz:              # after the lab: 2 to 6 choices, exactly one correct, every one explained
  - question: You lost the .pem file of a key pair. How do you get its private key again?
    choices:
      - text: You cannot; AWS keeps only the public key. Create a new key pair.
        correct: true
        explain: The private key is shown once, in the create-key-pair answer.
      - text: aws ec2 describe-key-pairs --include-public-key
        explain: That shows the public key, never the private one.
`;

const packTemplate = (id: string, name: string) => `# A lesson pack (see lessons/README.md of the ami-school package).
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
		writeFileSync(path.join(dir, file), lessonTemplate(id, order, title), {flag: 'wx'});
		written.push(file);
		if (!existsSync(path.join(dir, SCHEMA_FILE))) {
			copyFileSync(path.join(defaultLessonsDir(), SCHEMA_FILE), path.join(dir, SCHEMA_FILE));
			written.push(SCHEMA_FILE);
		}
	} catch (error) {
		io.stderr.write(`ami-school new-lesson: ${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_FAILED;
	}

	const shown = path.relative(process.cwd(), dir) || '.';
	io.stdout.write(`Wrote ${written.map(f => path.join(shown, f)).join(', ')}.\nNext: edit it, then  ami-school check ${shown}  and  ami-school --lessons ${shown} play ${id}\n`);
	return EXIT_OK;
};
