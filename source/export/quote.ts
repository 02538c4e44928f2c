// The exporter's one safety rule, in one place: every value that reaches bash goes through `sh`,
// which wraps it in single quotes (a single quote inside becomes '\''). Nothing between single
// quotes is special to bash: no $(…), no backticks, no globbing, no word splitting. Text that is
// only shown (typed commands, notes) is printed with printf '%s\n' of quoted words or written as
// comments whose every line starts with `#`; there are no here-documents at all.

/** `value` as one bash word that means exactly `value`. */
export const sh = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** A bash variable's value, as one word ("${NAME}"); `name` must be a plain identifier. */
export const shVar = (name: string): string => {
	if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`not a shell variable name: ${name}`);
	return `"\${${name}}"`;
};

/** A command line: each argument quoted (plain words such as `aws` or `--region` pass through as they are). */
export const command = (...words: Array<string | {raw: string}>): string => words.map(w => (typeof w === 'string' ? (PLAIN.test(w) ? w : sh(w)) : w.raw)).join(' ');

/** Words that mean the same quoted or not (no quote, `$`, glob, space or other shell character in them). */
const PLAIN = /^[\w@%+=:,./-]+$/;

/** A word built from pieces that are plain text or variables: 'text'"${VAR}"'more'. */
export const concat = (...parts: Array<string | {variable: string}>): {raw: string} => ({
	raw: parts.map(p => (typeof p === 'string' ? (p === '' ? '' : sh(p)) : shVar(p.variable))).join('') || "''",
});

/** Control characters made visible (for comments and shown text): a tab stays, the rest become ^X or \u{…}. */
export const visible = (text: string): string =>
	// eslint-disable-next-line no-control-regex
	text.replaceAll(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g, c => (c.charCodeAt(0) < 32 ? `^${String.fromCharCode(c.charCodeAt(0) + 64)}` : `\\u{${c.charCodeAt(0).toString(16)}}`));

/** Comment lines: each line of `text` (control characters made visible) after `# `. */
export const comment = (text: string): string[] => text.split('\n').map(line => `# ${visible(line)}`.trimEnd());

/** A command that prints `lines` exactly (one printf, every line a quoted word). */
export const printLines = (lines: Array<string | {raw: string}>): string => (lines.length === 0 ? ':' : `printf '%s\\n' ${lines.map(l => (typeof l === 'string' ? sh(l) : l.raw)).join(' ')}`);
