// Splits a check's `aws` line into words as a shell would (quotes, backslashes) after putting in
// the lesson's $VARS. Checks are written by lesson authors, so this stays deliberately small.

/** Replaces $NAME and ${NAME} by their values (unknown names become empty, as in a shell). */
export const expandVars = (text: string, vars: Record<string, string>): string =>
	text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string | undefined, bare: string | undefined) => vars[(braced ?? bare) as string] ?? '');

export const splitWords = (line: string): string[] => {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quote) {
			if (c === quote) quote = undefined;
			else if (c === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
			else word += c;
		} else if (c === '"' || c === "'") {
			quote = c;
			inWord = true;
		} else if (c === '\\' && i + 1 < line.length) {
			word += line[++i];
			inWord = true;
		} else if (/\s/.test(c)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += c;
			inWord = true;
		}
	}

	if (inWord) words.push(word);
	return words;
};
