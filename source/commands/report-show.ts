import {visible} from '../lessons/control-chars.js';
import {starsText} from '../lessons/scoring.js';
import type {RerunStep} from '../game/rerun.js';
import type {RosterRow} from './report.js';

// `ami-school report show <file>`: one learner's session replayed step by step from the commands
// the file recorded: what they typed and what the game answered, where goals were met, hints,
// mistakes, quiz answers, and when (minutes from the chapter's start). Everything shown from the
// file goes through `visible`.

/** An answer's first lines: the instructor wants to see what the learner saw, not all of it. */
const SHOWN_LINES = 8;

const indent = (text: string, by = '      '): string => {
	const lines = visible(text.replace(/^\n+|\n+$/g, '')).split('\n');
	const shown = lines.length > SHOWN_LINES + 1 ? [...lines.slice(0, SHOWN_LINES), `… (${lines.length - SHOWN_LINES} more lines)`] : lines;
	return shown.map(line => `${by}${line}`).join('\n');
};

const clock = (at: number | undefined, start: number | undefined): string => {
	if (at === undefined || start === undefined) return '     ';
	const s = Math.max(0, Math.round((at - start) / 1000));
	const m = Math.floor(s / 60);
	return `${String(m).padStart(2, ' ')}:${String(s % 60).padStart(2, '0')}`;
};

const stepText = (step: RerunStep, goalText: Map<string, string>, when: string): string => {
	switch (step.kind) {
		case 'line': {
			const out = [`${when}  $ ${visible(step.line).replace(/\n/g, '\n        > ')}`];
			const answer = `${step.stdout}${step.stderr}`;
			if (answer.trim() !== '') out.push(indent(answer));
			if (step.mistake) out.push(`        ✗ mistake: exit ${step.exitCode}${step.openGoal ? ` (working on: ${visible(goalText.get(step.openGoal) ?? step.openGoal)})` : ''}`);
			for (const id of step.newlyMet) out.push(`        ✓ goal met: ${visible(goalText.get(id) ?? id)}`);
			return out.join('\n');
		}

		case 'hint': {
			return `${when}  ? hint  ${indent(step.text, '        ').trimStart()}`;
		}

		case 'solution': {
			return `${when}  ! the reference solution was shown (the chapter ends with no stars)`;
		}

		case 'undo': {
			return `${when}  ↶ undo: ${visible(step.text)}`;
		}

		case 'quiz': {
			return `${when}  quiz question ${step.question + 1}: ${step.correct ? 'right' : 'wrong (or not the first answer)'}: ${step.answer === undefined ? `choice ${step.choice + 1}` : `"${visible(step.answer.trim())}"`}`;
		}

		case 'resume': {
			return `${when}  … the game was closed and resumed here`;
		}
	}
};

export const showSession = (learner: string, rows: RosterRow[]): string => {
	const out: string[] = [`Session of ${learner}`];
	for (const row of rows) {
		out.push('', `Chapter ${row.order ?? '?'}: ${visible(row.title)}   ${row.state === 'done' ? `${starsText(row.stars)} score ${row.score}` : row.state}   ${row.check.verdict}`);
		for (const flag of row.flags) out.push(`  flagged: ${flag}`);
		const run = row.check.rerun;
		if (!run) {
			out.push('  (no commands recorded for this chapter: nothing to replay)');
			continue;
		}

		const goalText = new Map(run.goals.map(g => [g.id, g.text]));
		const start = run.steps.find(s => s.at !== undefined)?.at;
		for (const step of run.steps) out.push(stepText(step, goalText, clock(step.at, start)));
		const s = run.score;
		out.push(
			'',
			`  Replayed: ${run.completed ? 'complete' : 'not complete'}, goals ${run.goals.filter(g => g.met).length}/${run.goals.length}, score ${s.total} ${starsText(s.stars)} (goals ${s.goals}, par +${s.par}, hints -${s.hints}, mistakes -${s.mistakes}, quiz ${s.quiz})`,
		);
		const hard = run.goals.filter(g => g.hints > 0 || g.mistakes > 0 || !g.met);
		for (const g of hard) out.push(`  ${g.met ? 'met' : 'NOT met'}: ${visible(g.text)}${g.hints > 0 ? `; ${g.hints} hint tier${g.hints === 1 ? '' : 's'}` : ''}${g.mistakes > 0 ? `; ${g.mistakes} mistake${g.mistakes === 1 ? '' : 's'}` : ''}`);
		if (run.problem) out.push(`  The replay stopped: ${visible(run.problem)}`);
	}

	return `${out.join('\n')}\n`;
};
