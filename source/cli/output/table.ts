// The CLI's table formatter, ported from awscli/table.py (MultiTable, Section, centring and
// column scaling) and awscli/formatter.py (TableFormatter._build_table). Colour off (a pipe or
// the game's own terminal), so no ANSI styling.
import {isObject, isScalar, pySorted, type JsonObject} from './json-value.js';
import {pyStr} from './python-text.js';
import {textLength} from './text-width.js';

/** Python 3 round(): halves go to the even neighbour. */
const pyRound = (x: number): number => {
	const floor = Math.floor(x);
	const diff = x - floor;
	if (diff > 0.5) return floor + 1;
	if (diff < 0.5) return floor;
	return floor % 2 === 0 ? floor : floor + 1;
};

class Section {
	title = '';
	headers: string[] = [];
	rows: string[][] = [];
	indentLevel = 0;
	private numCols: number | undefined;
	private maxWidths: number[] = [];

	calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
		const unscaled = this.maxWidths.map((w) => w + padding);
		if (maxWidth === undefined || unscaled.length === 0) return unscaled;
		const scaleFactor = maxWidth / unscaled.reduce((a, b) => a + b, 0);
		const scaled = unscaled.map((w) => pyRound(scaleFactor * w));
		let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
		while (offBy !== 0) {
			const order = scaled.map((_, i) => i);
			if (offBy < 0) order.reverse();
			for (const i of order) {
				if (offBy > 0) {
					scaled[i] -= 1;
					offBy -= 1;
				} else {
					scaled[i] += 1;
					offBy += 1;
				}
				if (offBy === 0) break;
			}
		}
		return scaled;
	}

	totalWidth(padding = 0, withBorder = false, outerPadding = 0): number {
		let total = 0;
		const borderPadding = 2;
		for (const w of this.calculateColumnWidths()) total += w + padding;
		if (withBorder) total += borderPadding;
		total += outerPadding + outerPadding;
		return Math.max(textLength(this.title) + borderPadding + outerPadding + outerPadding, total);
	}

	addHeader(headers: string[]): void {
		this.updateMaxWidths(headers);
		if (this.numCols === undefined) this.numCols = headers.length;
		this.headers = headers;
	}

	addRow(row: unknown[]): void {
		if (this.numCols === undefined) this.numCols = row.length;
		if (row.length !== this.numCols) throw new Error(`Row should have ${this.numCols} elements, instead it has ${row.length}`);
		const formatted = row.map(pyStr);
		this.rows.push(formatted);
		this.updateMaxWidths(formatted);
	}

	private updateMaxWidths(row: string[]): void {
		if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
		else row.forEach((el, i) => {
			this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0);
		});
	}
}

const centerText = (text: string, length: number, leftEdge: string, rightEdge: string): string => {
	const textLen = textLength(text);
	const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
	const lengthSoFar = textLength(leftEdge) + charStart + textLen;
	const rightSpaces = length - textLength(rightEdge) - lengthSoFar;
	return leftEdge + ' '.repeat(Math.max(0, charStart)) + text + ' '.repeat(Math.max(0, rightSpaces)) + rightEdge;
};

const alignLeft = (text: string, length: number, leftEdge: string, rightEdge: string, leftPadding = 2): string => {
	const textLen = textLength(text);
	const computed = textLen + leftPadding + textLength(leftEdge) + textLength(rightEdge);
	const padding = length - computed >= 0 ? leftPadding : 0;
	const lengthSoFar = leftEdge.length + padding + textLen;
	return leftEdge + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - lengthSoFar - rightEdge.length)) + rightEdge;
};

const lineBreak = (widths: number[]): string =>
	widths.map((w, i) => (i === 0 ? `+${'-'.repeat(Math.max(0, w - 2))}+` : `${'-'.repeat(Math.max(0, w - 1))}+`)).join('') + '\n';

/** Writes through awscli's IndentedStream: '|' * level before, and again before a line's newline. */
class IndentedOut {
	constructor(private readonly out: string[], private readonly level: number) {}
	write(text: string): void {
		const bars = '|'.repeat(this.level);
		this.out.push(bars);
		if (text.endsWith('\n')) this.out.push(text.slice(0, -1), bars, '\n');
		else this.out.push(text);
	}
}

class MultiTable {
	private sections: Section[] = [];
	private current: Section | undefined;
	constructor(private readonly terminalWidth: number) {}

	newSection(title: string, indentLevel = 0): void {
		this.current = new Section();
		this.sections.push(this.current);
		this.current.title = title;
		this.current.indentLevel = indentLevel;
	}

	addRowHeader(headers: string[]): void {
		this.section().addHeader(headers);
	}

	addRow(row: unknown[]): void {
		this.section().addRow(row);
	}

	private section(): Section {
		// awscli's MultiTable(initial_section=False) would crash on None here; never reached from _build_table
		if (this.current === undefined) this.newSection('');
		return this.current!;
	}

	render(): string {
		let maxWidth = this.maxWidth();
		if (maxWidth > this.terminalWidth) {
			this.convertToVertical();
			maxWidth = this.maxWidth();
		}
		const out: string[] = ['-'.repeat(maxWidth) + '\n'];
		for (const section of this.sections) this.renderSection(section, maxWidth, out);
		return out.join('');
	}

	private maxWidth(): number {
		return Math.max(...this.sections.map((s) => s.totalWidth(4, true, s.indentLevel)));
	}

	/** table.py convert_to_vertical_table: single-row sections with headers become key/value rows. */
	private convertToVertical(): void {
		this.sections = this.sections.map((section) => {
			if (section.rows.length !== 1 || section.headers.length === 0) return section;
			const vertical = new Section();
			vertical.title = section.title;
			vertical.indentLevel = section.indentLevel;
			section.headers.forEach((header, i) => {
				if (i < section.rows[0].length) vertical.addRow([header, section.rows[0][i]]);
			});
			return vertical;
		});
	}

	private renderSection(section: Section, maxWidth: number, out: string[]): void {
		const stream = new IndentedOut(out, section.indentLevel);
		const width = maxWidth - section.indentLevel * 2;
		if (section.title) {
			stream.write(centerText(section.title, width, '|', '|') + '\n');
			if (section.headers.length === 0 && section.rows.length === 0) stream.write(`+${'-'.repeat(width - 2)}+\n`);
		}
		if (section.headers.length > 0) {
			const widths = section.calculateColumnWidths(4, width);
			let line = '';
			section.headers.forEach((header, i) => {
				if (i < widths.length) line += centerText(header, widths[i], i === 0 ? '|' : '', '|');
			});
			stream.write(lineBreak(widths));
			stream.write(line + '\n');
		}
		if (section.rows.length > 0) {
			const widths = section.calculateColumnWidths(4, width);
			if (widths.length === 0) return;
			stream.write(lineBreak(widths));
			for (const row of section.rows) {
				let line = '';
				row.forEach((element, i) => {
					if (i < widths.length) line += alignLeft(element, widths[i], i === 0 ? '|' : '', '|');
				});
				stream.write(line + '\n');
			}
			stream.write(lineBreak(widths));
		}
	}
}

const isTruthy = (value: unknown): boolean => {
	if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (isObject(value)) return Object.keys(value).length > 0;
	return true;
};

const groupScalarKeys = (current: JsonObject): {headers: string[]; more: string[]} => {
	const headers: string[] = [];
	const more: string[] = [];
	for (const key of Object.keys(current)) (isScalar(current[key]) ? headers : more).push(key);
	return {headers: pySorted(headers), more: pySorted(more)};
};

/** TableFormatter._build_table and friends: walk the response and fill the MultiTable. */
class TableBuilder {
	constructor(readonly table: MultiTable) {}

	build(title: string | undefined, current: unknown, indentLevel = 0): boolean {
		if (!isTruthy(current)) return false;
		if (title !== undefined) this.table.newSection(title, indentLevel);
		if (Array.isArray(current)) {
			if (isObject(current[0])) {
				this.subTableFromList(current, indentLevel, title);
			} else {
				for (const item of current) {
					if (isScalar(item)) this.table.addRow([item]);
					else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
					// iterating a dict yields its keys, which are all scalars
					else if (isObject(item)) this.table.addRow(Object.keys(item));
					else this.build(undefined, item);
				}
			}
		}
		if (isObject(current)) this.subTableFromDict(current, indentLevel);
		return true;
	}

	private subTableFromDict(current: JsonObject, indentLevel: number): void {
		const {headers, more} = groupScalarKeys(current);
		if (headers.length === 1) this.table.addRow([headers[0], current[headers[0]]]);
		else if (headers.length > 0) {
			this.table.addRowHeader(headers);
			this.table.addRow(headers.map((k) => current[k]));
		}
		for (const remaining of more) this.build(remaining, current[remaining], indentLevel + 1);
	}

	private subTableFromList(current: unknown[], indentLevel: number, title: string | undefined): void {
		const headerSet = new Set<string>();
		const moreSet = new Set<string>();
		for (const item of current) {
			if (!isObject(item)) throw new Error(`'${typeof item}' object has no attribute 'keys'`);
			const {headers, more} = groupScalarKeys(item);
			headers.forEach((h) => headerSet.add(h));
			more.forEach((m) => moreSet.add(m));
		}
		const headers = pySorted(headerSet);
		const more = pySorted(moreSet);
		this.table.addRowHeader(headers);
		let first = true;
		for (const element of current as JsonObject[]) {
			if (!first && more.length > 0) {
				this.table.newSection(title ?? '', indentLevel);
				this.table.addRowHeader(headers);
			}
			first = false;
			this.table.addRow(headers.map((h) => (h in element ? element[h] : '')));
			for (const remaining of more) {
				if (remaining in element) this.build(remaining, element[remaining], indentLevel + 1);
			}
		}
	}
}

/**
 * What `--output table` prints for a (possibly --query'd) response, titled with the operation's
 * model name (DescribeImages). Nothing for an empty/falsy response.
 */
export const formatTable = (response: unknown, title: string, terminalWidth = 80): string => {
	const table = new MultiTable(terminalWidth);
	const builder = new TableBuilder(table);
	if (!builder.build(title, response)) return '';
	return table.render();
};
