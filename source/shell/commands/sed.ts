import {commandResult, fail, ok, type Command} from '../machine.js';

// GNU sed 4.8, the part people type to edit one line of a config file or a web page:
// `sed [-i] [-E|-r] [-e] 's/old/new/[g][I]' [file…]`. Other scripts get sed's own error.

type Substitution = {pattern: RegExp; replacement: string};

/** a POSIX basic regular expression (GNU flavour) as a JavaScript one */
const fromBasic = (bre: string): string => {
	let out = '';
	for (let i = 0; i < bre.length; i++) {
		const c = bre[i];
		if (c === '\\' && i + 1 < bre.length) {
			const n = bre[++i];
			out += '(){}+?|'.includes(n) ? n : `\\${n}`;
		} else out += '(){}+?|'.includes(c) ? `\\${c}` : c;
	}

	return out;
};

/** sed's replacement (`&`, `\1`…`\9`, `\n`) as a String.replace one */
const fromReplacement = (text: string): string => {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && i + 1 < text.length) {
			const n = text[++i];
			out += /\d/.test(n) ? `$${n}` : n === 'n' ? '\n' : n === 't' ? '\t' : n === '$' ? '$$' : n;
		} else out += c === '&' ? '$&' : c === '$' ? '$$' : c;
	}

	return out;
};

/** splits `s/a/b/g` on its delimiter, honouring `\<delimiter>` */
const parseSubstitution = (script: string, extended: boolean): Substitution | {error: string} => {
	const where = (char: number) => `sed: -e expression #1, char ${char}: `;
	if (script.length === 0) return {error: ''};
	if (script[0] !== 's') return {error: `${where(1)}unknown command: \`${script[0]}'\n`};
	const delimiter = script[1];
	if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return {error: `${where(script.length)}unterminated \`s' command\n`};
	const parts: string[] = [''];
	let i = 2;
	for (; i < script.length && parts.length < 3; i++) {
		const c = script[i];
		if (c === '\\' && script[i + 1] === delimiter) {
			parts[parts.length - 1] += delimiter;
			i++;
		} else if (c === '\\' && i + 1 < script.length) {
			parts[parts.length - 1] += c + script[++i];
		} else if (c === delimiter) parts.push('');
		else parts[parts.length - 1] += c;
	}

	if (parts.length < 3) return {error: `${where(script.length)}unterminated \`s' command\n`};
	const flags = script.slice(i).trim();
	const bad = [...flags].findIndex(f => !'gIi'.includes(f));
	if (bad >= 0) return {error: `${where(i + bad + 1)}unknown option to \`s'\n`};
	try {
		const js = extended ? parts[0] : fromBasic(parts[0]);
		const pattern = new RegExp(js, `${flags.includes('g') ? 'g' : ''}${/[Ii]/.test(flags) ? 'i' : ''}`);
		return {pattern, replacement: fromReplacement(parts[1])};
	} catch {
		return {error: `${where(script.length)}Invalid preceding regular expression\n`};
	}
};

const apply = (text: string, s: Substitution): string => {
	const trailing = text.endsWith('\n');
	const body = trailing ? text.slice(0, -1) : text;
	const edited = body
		.split('\n')
		.map(line => line.replace(s.pattern, s.replacement))
		.join('\n');
	return trailing ? `${edited}\n` : edited;
};

export const sed: Command = (ctx, [, ...args]) => {
	let inPlace = false;
	let extended = false;
	let script: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '-e' || a === '--expression') script = args[++i];
		else if (a === '-i' || a.startsWith('--in-place')) inPlace = true;
		else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
		else if (/^-[iEr]+$/.test(a)) {
			if (a.includes('i')) inPlace = true;
			if (/[Er]/.test(a)) extended = true;
		} else if (script === undefined) script = a;
		else files.push(a);
	}

	if (script === undefined) return fail(1, 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
	const substitution = parseSubstitution(script, extended);
	if ('error' in substitution) return substitution.error ? fail(1, substitution.error) : ok(inPlace ? '' : ctx.stdin);
	if (inPlace && files.length === 0) return fail(1, 'sed: no input files\n');
	if (files.length === 0) return ok(apply(ctx.stdin, substitution));

	let out = '';
	let errors = '';
	for (const file of files) {
		const content = ctx.machine.fs.read(file);
		if (typeof content !== 'string') {
			errors += `sed: can't read ${file}: ${content.error}\n`;
			continue;
		}

		const edited = apply(content, substitution);
		if (!inPlace) {
			out += edited;
			continue;
		}

		const written = ctx.machine.fs.write(file, edited, false);
		if (written) {
			const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : '.';
			errors += `sed: couldn't open temporary file ${dir}/sedAbC123: ${written.error}\n`;
			return commandResult(4, out, errors);
		}
	}

	return commandResult(errors ? 2 : 0, out, errors);
};
