// Shell pathname patterns: `*`, `?` and `[abc]` / `[!abc]` classes, matched against one name.

const cache = new Map<string, RegExp>();

export const globToRegExp = (pattern: string): RegExp => {
	let re = cache.get(pattern);
	if (re) return re;
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*') source += '[^/]*';
		else if (c === '?') source += '[^/]';
		else if (c === '[') {
			const end = pattern.indexOf(']', i + 2);
			if (end === -1) source += '\\[';
			else {
				let body = pattern.slice(i + 1, end);
				const negate = body.startsWith('!') || body.startsWith('^');
				if (negate) body = body.slice(1);
				source += `[${negate ? '^' : ''}${body.replaceAll(/[\\\]^]/g, '\\$&')}]`;
				i = end;
			}
		} else source += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
	}

	re = new RegExp(`^${source}$`, 'u');
	if (cache.size > 200) cache.clear();
	cache.set(pattern, re);
	return re;
};

export const globMatch = (pattern: string, name: string): boolean => {
	try {
		return globToRegExp(pattern).test(name);
	} catch {
		return pattern === name;
	}
};
