import type {FileSystem, FsError} from './machine.js';

// A file system over a flat record of files (the player's working directory, or an instance's
// disk). Directories are implied by the paths of files, by keys ending in `/`, and by a fixed set
// of directories every system has. Paths resolve against the current directory, `~` and `..`.

export type TreeFsOptions = {
	/** absolute path -> content, as currently stored */
	files(): Record<string, string>;
	/** applies a change: content, or undefined to delete (absolute paths) */
	set(path: string, content: string | undefined): void;
	home: string;
	cwd(): string;
	baseDirs: string[];
	canWrite(abs: string): boolean;
	canRead?(abs: string): boolean;
};

export const normalise = (path: string, cwd: string, home: string): string => {
	let p = path;
	if (p === '~') p = home;
	else if (p.startsWith('~/')) p = home + p.slice(1);
	if (!p.startsWith('/')) p = `${cwd}/${p}`;
	const out: string[] = [];
	for (const seg of p.split('/')) {
		if (seg === '' || seg === '.') continue;
		if (seg === '..') out.pop();
		else out.push(seg);
	}

	return `/${out.join('/')}`;
};

const parentOf = (abs: string): string => {
	const i = abs.lastIndexOf('/');
	return i <= 0 ? '/' : abs.slice(0, i);
};

export const treeFs = (o: TreeFsOptions): FileSystem => {
	const resolve = (path: string) => normalise(path, o.cwd(), o.home);
	const isDirAbs = (abs: string): boolean => {
		if (abs === '/' || o.baseDirs.includes(abs)) return true;
		const prefix = `${abs}/`;
		return Object.keys(o.files()).some(k => k.startsWith(prefix));
	};

	const fileAt = (abs: string): string | undefined => {
		const files = o.files();
		return Object.hasOwn(files, abs) ? files[abs] : undefined;
	};

	const checkParent = (abs: string): FsError | undefined => {
		const parent = parentOf(abs);
		if (isDirAbs(parent)) return undefined;
		return fileAt(parent) === undefined ? 'No such file or directory' : 'Not a directory';
	};

	return {
		resolve,
		isDir: path => isDirAbs(resolve(path)),
		read(path) {
			const abs = resolve(path);
			if (isDirAbs(abs)) return {error: 'Is a directory'};
			const content = fileAt(abs);
			if (content === undefined) return {error: checkParent(abs) ?? 'No such file or directory'};
			if (o.canRead && !o.canRead(abs)) return {error: 'Permission denied'};
			return content;
		},
		write(path, content, append) {
			const abs = resolve(path);
			if (isDirAbs(abs)) return {error: 'Is a directory'};
			const parentError = checkParent(abs);
			if (parentError) return {error: parentError};
			if (!o.canWrite(abs)) return {error: 'Permission denied'};
			o.set(abs, append ? (fileAt(abs) ?? '') + content : content);
			return undefined;
		},
		remove(path) {
			const abs = resolve(path);
			const isDir = isDirAbs(abs);
			if (!isDir && fileAt(abs) === undefined) return {error: 'No such file or directory'};
			if (!o.canWrite(abs)) return {error: 'Permission denied'};
			if (isDir) {
				for (const key of Object.keys(o.files())) if (key === `${abs}/` || key.startsWith(`${abs}/`)) o.set(key, undefined);
			} else o.set(abs, undefined);
			return undefined;
		},
		mkdir(path) {
			const abs = resolve(path);
			if (isDirAbs(abs) || fileAt(abs) !== undefined) return {error: 'File exists'};
			const parentError = checkParent(abs);
			if (parentError) return {error: parentError};
			if (!o.canWrite(abs)) return {error: 'Permission denied'};
			o.set(`${abs}/`, '');
			return undefined;
		},
		list(path) {
			const abs = resolve(path);
			if (!isDirAbs(abs)) {
				if (fileAt(abs) !== undefined) return [abs.slice(abs.lastIndexOf('/') + 1)];
				return {error: 'No such file or directory'};
			}

			const prefix = abs === '/' ? '/' : `${abs}/`;
			const names = new Set<string>();
			for (const key of Object.keys(o.files())) {
				if (!key.startsWith(prefix) || key === prefix) continue;
				const rest = key.slice(prefix.length);
				names.add(rest.split('/')[0]);
			}

			for (const dir of o.baseDirs) {
				if (dir.startsWith(prefix) && dir !== abs) names.add(dir.slice(prefix.length).split('/')[0]);
			}

			names.delete('');
			return [...names].sort((a, b) => a.localeCompare(b));
		},
	};
};
