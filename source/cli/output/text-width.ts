// awscli/table.py get_text_length: East Asian Wide, Fullwidth and Ambiguous characters count 2.
// get-east-asian-width ships with ink (via string-width); the lookup is the Unicode EAW table.
import {eastAsianWidth} from 'get-east-asian-width';

export const textLength = (text: string): number => {
	let total = 0;
	for (const ch of text) total += eastAsianWidth(ch.codePointAt(0)!, {ambiguousAsWide: true});
	return total;
};
