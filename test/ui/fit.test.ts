import {describe, expect, it} from 'vitest';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {hintText} from '../../source/game/commands.js';
import {breakCommand, fitText, shellWords, wrapLine} from '../../source/ui/text/fit.js';
import {paginate, reflow, textWidth} from '../../source/ui/text/reflow.js';

// Text fitted to the terminal: commands stay runnable when pasted, other lines break at spaces.

const {lessons} = loadLessonDir(defaultLessonsDir());

/** Lines as the prompt joins them: a line ending in ` \` goes on with the next (its indent dropped). */
const joinContinued = (lines: string[]): string[] => {
	const out: string[] = [];
	let pending: string | undefined;
	for (const line of lines) {
		const text = pending === undefined ? line : `${pending} ${line.trim()}`;
		if (/ \\$/.test(text)) pending = text.slice(0, -2);
		else {
			out.push(text);
			pending = undefined;
		}
	}

	if (pending !== undefined) out.push(pending);
	return out;
};

describe('shell words and commands', () => {
	it('keeps quoted blanks and escapes inside a word', () => {
		expect(shellWords(`aws ec2 x --query 'sort_by(Images, &CreationDate)[-1]' --f "a \\" b" c\\ d`)).toEqual(['aws', 'ec2', 'x', '--query', "'sort_by(Images, &CreationDate)[-1]'", '--f', '"a \\" b"', 'c\\ d']);
	});

	it('breaks a long command between words with ` \\`, never inside quotes, every line within the width', () => {
		const command = `aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].[ImageId,Name]' --output text`;
		const lines = breakCommand(command, 60);
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
		for (const line of lines.slice(0, -1)) expect(line).toMatch(/ \\$/);
		for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
		expect(joinContinued(lines)).toEqual([command]);
		expect(breakCommand('aws ec2 describe-images', 60)).toEqual(['aws ec2 describe-images']);
	});

	it('wraps other lines at spaces: no line starts with the space it broke at, the rest hangs under a list item or table row', () => {
		const lines = wrapLine('  lineage   family tree of your images: instance, AMI, snapshots, copies, launches', 60);
		expect(lines).toEqual(['  lineage   family tree of your images: instance, AMI,', '            snapshots, copies, launches']);
		expect(wrapLine('○ Launch two lab computers from the newest Amazon Linux 2023 x86_64 AMI published by Amazon', 40)).toEqual([
			'○ Launch two lab computers from the',
			'  newest Amazon Linux 2023 x86_64 AMI',
			'  published by Amazon',
		]);
		expect(fitText('An error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: The image id does not exist', 50, 'output').every(l => !l.startsWith(' '))).toBe(true);
	});

	it.each([80, 60])('every command the chapters show (story, debrief, hints, solution) runs as shown when pasted back from a %i-column terminal', columns => {
		const width = textWidth(columns);
		let checked = 0;
		for (const lesson of lessons) {
			const texts = [...lesson.story, lesson.debrief];
			for (const text of texts) {
				const original = joinContinued(reflow(text, 1000)).filter(line => /^\s+(?:\$ )?aws /.test(line));
				const shown = joinContinued(reflow(text, width)).filter(line => /^\s+(?:\$ )?aws /.test(line));
				expect(shown.map(l => shellWords(l))).toEqual(original.map(l => shellWords(l)));
				checked += original.length;
			}

			const hints = lesson.goals.flatMap(goal => goal.hints.map((hint, i) => hintText({text: hint, cost: 5, tier: i + 1, of: goal.hints.length})));
			for (const text of [...hints, `Reference solution:\n${lesson.solution.map(l => `  ${l}`).join('\n')}`]) {
				const lines = fitText(text, width, 'text');
				// within the width, but for one quoted word longer than a line (it cannot break)
				for (const line of lines) if (shellWords(line.replace(/ \\$/, '')).length > 1) expect(line.length, line).toBeLessThanOrEqual(width);
				const commands = (t: string[]) => joinContinued(t).filter(line => /^\s*aws /.test(line)).map(l => shellWords(l));
				expect(commands(lines)).toEqual(commands(text.split('\n')));
				checked += commands(lines).length;
			}
		}

		expect(checked).toBeGreaterThan(50);
	});
});

describe('pages', () => {
	it('never end on a near-empty page: the lines spread, a page ends at a paragraph break when one is near', () => {
		const lines = Array.from({length: 21}, (_, i) => `line ${i}`);
		const pages = paginate(lines, 19);
		expect(pages.map(p => p.length)).toEqual([11, 10]);
		const paragraphs = [...Array.from({length: 15}, (_, i) => `a${i}`), '', ...Array.from({length: 6}, (_, i) => `b${i}`)];
		expect(paginate(paragraphs, 19)).toEqual([paragraphs.slice(0, 15), paragraphs.slice(16)]);
		// a debrief below the score at 80x24: seven rows a page
		expect(paginate(lines.slice(0, 9), 7).map(p => p.length)).toEqual([5, 4]);
		expect(paginate(lines.slice(0, 13), 3).map(p => p.length)).toEqual([3, 3, 3, 2, 2]);
	});
});

describe('the game\'s words under a heading', () => {
	it('a near miss or a goal\'s reason (an indented sentence) wraps as prose, never with ` \\` continuations', () => {
		const said = "Not yet: Bake an image of lab-pc named lab-master-v1\n  lab-master-v1 exists, but a computer started from it would not serve the page: it holds lab-pc's disk from before httpd was enabled there.";
		const lines = fitText(said, 79, 'text');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.some(line => line.endsWith('\\'))).toBe(false);
		expect(lines.slice(1).every(line => line.startsWith('  '))).toBe(true);
		// an indented command still breaks as a command
		expect(fitText('  aws ec2 describe-images --owners self --filters Name=name,Values=lab-master-v1 --query Images[0].ImageId', 60, 'text').some(line => line.endsWith(' \\'))).toBe(true);
	});
});
