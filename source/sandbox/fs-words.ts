// A file system error in words, for messages that say what the game tried and why it failed:
// never a raw code (ENOENT) or the name of a temporary file.

const WORDS: Record<string, string> = {
	ENOENT: 'there is no such file or folder',
	EACCES: 'permission denied',
	EPERM: 'the operation is not permitted',
	EROFS: 'the file system is read-only',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	EISDIR: 'it is a folder, not a file',
	ENOTDIR: 'a part of the path is a file, not a folder',
	EEXIST: 'it already exists',
	EMFILE: 'too many files are open',
	ENAMETOOLONG: 'the name is too long',
	ELOOP: 'it is a loop of symbolic links',
	EBUSY: 'it is in use',
	EIO: 'the disk reported an input/output error',
};

/** Why a file operation failed, in words. */
export const fsReason = (error: unknown): string => {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code && WORDS[code]) return WORDS[code];
	if (code) return `the system refused (${code})`;
	const message = error instanceof Error ? error.message : String(error);
	// node's messages name the path it used, which may be a temporary file: keep the reason only
	return message.replace(/,\s*\w+\s+'[^']*'$/, '').replace(/^\w+:\s*/, '');
};
