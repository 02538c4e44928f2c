import fs from 'node:fs';

// Reading a file the user names (file:// values, script and lesson files, stdin) without trusting
// its size: /dev/zero or a pipe that never ends stops at the limit instead of filling memory.

export class TooLarge extends Error {
	constructor(readonly limit: number) {
		super(`larger than ${formatBytes(limit)}`);
	}
}

export const formatBytes = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`);

/** The bytes of a file or descriptor, at most `limit` of them; throws TooLarge beyond, and fs errors as they come. */
export const readBounded = (file: string | number, limit: number): Buffer => {
	const fd = typeof file === 'number' ? file : fs.openSync(file, 'r');
	try {
		const chunks: Buffer[] = [];
		let total = 0;
		const chunk = Buffer.allocUnsafe(64 * 1024);
		for (;;) {
			let read: number;
			try {
				read = fs.readSync(fd, chunk, 0, chunk.length, null);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'EAGAIN') {
					Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
					continue;
				}

				if (code === 'EOF') break;
				throw error;
			}

			if (read === 0) break;
			total += read;
			if (total > limit) throw new TooLarge(limit);
			chunks.push(Buffer.from(chunk.subarray(0, read)));
		}

		return Buffer.concat(chunks, total);
	} finally {
		if (typeof file !== 'number') fs.closeSync(fd);
	}
};
