import {existsSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {openProgressStore, type StoreOptions} from './store.js';

// `ami-school --reset-progress [--yes] [--lessons <dir>]`: erases the saved progress of one lesson
// pack, after asking (or at once with --yes, for shared lab machines and scripts).

export type ResetIo = {
	stdin: NodeJS.ReadableStream;
	stdout: {write(text: string): unknown};
};

/** Reads one line (undefined at end of input). */
const askLine = async (io: ResetIo, question: string): Promise<string | undefined> =>
	new Promise(resolve => {
		const rl = createInterface({input: io.stdin, terminal: false});
		let answered = false;
		io.stdout.write(question);
		rl.once('line', line => {
			answered = true;
			rl.close();
			resolve(line);
		});
		rl.once('close', () => {
			if (!answered) resolve(undefined);
		});
	});

/** Returns the exit code: 0 whether erased or kept on purpose. */
export const runResetProgress = async (io: ResetIo, options: StoreOptions & {yes?: boolean; interactive?: boolean} = {}): Promise<number> => {
	const store = openProgressStore(options);
	if (!store.path || !existsSync(store.path)) {
		io.stdout.write('No saved progress to erase.\n');
		return 0;
	}

	if (options.yes) {
		store.erase();
		io.stdout.write(`Progress erased (${store.path}).\n`);
		return 0;
	}

	if (options.interactive === false) {
		io.stdout.write(`Not erased: there is no terminal to ask in. To erase ${store.path} without a question, add --yes.\n`);
		return 2;
	}

	const answer = await askLine(io, `Erase all saved AMI School progress in ${store.path}? [y/N] `);
	if (answer === undefined) io.stdout.write('\n');
	if (!/^y(es)?$/i.test((answer ?? '').trim())) {
		io.stdout.write('Nothing erased.\n');
		return 0;
	}

	store.erase();
	io.stdout.write('Progress erased.\n');
	return 0;
};
