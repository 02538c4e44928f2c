import type {FieldPath} from './locate.js';

// Lesson text must never control the terminal: a title holding ESC ] … (an OSC sequence) would
// retitle the window, or worse. `check` rejects such characters where they are (file, line,
// field), and whatever is printed from a lesson file goes through `visible` first.

/** C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F, e.g. CSI U+009B). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const codeOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with each control character shown as <U+001B>: safe to print. */
export const visible = (text: string): string => text.replace(CONTROLS, char => `<${codeOf(char)}>`);

/** Where lesson data holds a control character: each field once, keys and values alike. */
export const controlCharacters = (value: unknown, path: FieldPath = []): Array<{path: FieldPath; message: string}> => {
	const found: Array<{path: FieldPath; message: string}> = [];
	const walk = (node: unknown, at: FieldPath) => {
		if (typeof node === 'string') {
			const char = CONTROL.exec(node)?.[0];
			if (char) found.push({path: at, message: `contains the control character ${codeOf(char)}; lesson text may not control the terminal`});
		} else if (Array.isArray(node)) {
			node.forEach((child, index) => walk(child, [...at, index]));
		} else if (node !== null && typeof node === 'object') {
			for (const [key, child] of Object.entries(node)) {
				const char = CONTROL.exec(key)?.[0];
				if (char) found.push({path: at, message: `a key contains the control character ${codeOf(char)}; lesson text may not control the terminal`});
				else walk(child, [...at, key]);
			}
		}
	};

	walk(value, path);
	return found;
};
