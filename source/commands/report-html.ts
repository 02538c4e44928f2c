import path from 'node:path';
import {visible} from '../lessons/control-chars.js';
import type {LoadedPack} from '../lessons/pack.js';
import {starsText} from '../lessons/scoring.js';
import {formatDuration} from '../progress/run-log.js';
import type {Roster, RosterRow} from './report.js';

// `report collect --html <file>`: the roster as one self-contained page (no script, no file or
// network fetched): a learner-by-chapter grid coloured by stars, then for each chapter, per goal,
// how many learners needed hints, made mistakes or missed it, the goal the room found hardest
// marked. Every text from a file is escaped (and its control characters made visible).

const escape = (text: string) => visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2em;color:#222;line-height:1.4}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.cell{text-align:center;min-width:5em}
.s0{background:#f2f2f2}.s1{background:#fde2c4}.s2{background:#d9efb8}.s3{background:#8fd18f}
.none{background:#fff;color:#999}
.flag{outline:3px solid #c0392b;outline-offset:-3px;background:#f7dcdc}
.bar{display:inline-block;height:.8em;background:#c0392b;vertical-align:middle}
tr.hardest{background:#fff4d6}
.key span{display:inline-block;padding:.1em .6em;margin-right:.4em;border:1px solid #ccc}
small{color:#555}
`;

const cellOf = (row: RosterRow | undefined): string => {
	if (!row) return '<td class="cell none">–</td>';
	const flagged = row.flags.length > 0;
	// a flagged result is shown as what it claims, struck through: not coloured as earned
	const cls = flagged ? 'cell flag' : `cell s${row.state === 'done' ? row.stars : 0}`;
	const title = [row.state === 'done' ? `${row.stars} stars, score ${row.score}` : row.state, ...row.flags].join(' | ');
	const claimed = `${starsText(row.stars)}<br><small>${row.score}</small>`;
	const body = row.state === 'done' ? (flagged ? `<s>${claimed}</s>` : claimed) : `<small>${escape(row.state)}</small>`;
	return `<td class="${cls}" title="${escape(title)}">${body}${row.flags.length > 0 ? '<br><small>flagged</small>' : ''}</td>`;
};

const grid = (pack: LoadedPack, roster: Roster): string => {
	const chapters = pack.lessons.filter(l => roster.rows.some(r => r.chapter === l.id));
	const learners = [...new Set(roster.rows.map(r => r.learner))].sort((a, b) => a.localeCompare(b));
	const find = (learner: string, chapter: string) => roster.rows.find(r => r.learner === learner && r.chapter === chapter);
	const head = `<tr><th>learner</th>${chapters.map(c => `<th title="${escape(c.title)}">${c.order}. ${escape(c.title)}</th>`).join('')}<th>stars</th></tr>`;
	const body = learners.map(learner => {
		const total = roster.rows.filter(r => r.learner === learner && r.state === 'done' && r.flags.length === 0).reduce((n, r) => n + r.stars, 0);
		return `<tr><th>${escape(learner)}</th>${chapters.map(c => cellOf(find(learner, c.id))).join('')}<td>${total}</td></tr>`;
	});
	return `<table class="grid"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
};

/** Per chapter, per goal: learners who needed hints, made mistakes, missed it (replayed runs only). */
const goalTables = (pack: LoadedPack, roster: Roster): string => {
	const sections: string[] = [];
	for (const lesson of pack.lessons) {
		const runs = roster.rows.filter(r => r.chapter === lesson.id && r.check.rerun && r.flags.length === 0).map(r => r.check.rerun!);
		if (runs.length === 0) continue;
		const stats = lesson.goals.map(goal => {
			const outcomes = runs.map(run => run.goals.find(g => g.id === goal.id));
			const hints = outcomes.filter(o => o && o.hints > 0).length;
			const mistakes = outcomes.filter(o => o && o.mistakes > 0).length;
			const missed = outcomes.filter(o => !o?.met).length;
			return {goal, hints, mistakes, missed, trouble: outcomes.filter(o => !o || o.hints > 0 || o.mistakes > 0 || !o.met).length};
		});
		const worst = Math.max(...stats.map(s => s.trouble));
		const bar = (n: number) => `<span class="bar" style="width:${Math.round((n / runs.length) * 6)}em"></span> ${n}`;
		const rows = stats.map(
			s =>
				`<tr${s.trouble === worst && worst > 0 ? ' class="hardest"' : ''}><td>${escape(s.goal.text)}${s.trouble === worst && worst > 0 ? ' <strong>← the step the room found hardest</strong>' : ''}</td><td>${bar(s.hints)}</td><td>${bar(s.mistakes)}</td><td>${bar(s.missed)}</td></tr>`,
		);
		sections.push(
			`<h2>${lesson.order}. ${escape(lesson.title)} <small>(${runs.length} learner${runs.length === 1 ? '' : 's'} replayed)</small></h2>\n<table class="goals"><thead><tr><th>goal</th><th>needed hints</th><th>made mistakes</th><th>missed it</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
		);
	}

	return sections.join('\n');
};

const problemsList = (roster: Roster): string => {
	const items = [
		...roster.rows.flatMap(r => r.flags.map(flag => `<li>${escape(path.basename(r.file))}: ${escape(r.learner)}, chapter ${r.order ?? '?'} ${escape(r.chapter)}: ${escape(flag)}</li>`)),
		...roster.problems.map(p => `<li>${escape(path.basename(p.file))}: does not verify: ${escape(p.problem)}</li>`),
	];
	return items.length === 0 ? '<p>Every file verified: each result is what its own commands give when replayed.</p>' : `<h2>To look at</h2>\n<ul class="problems">\n${items.join('\n')}\n</ul>`;
};

const timeTable = (roster: Roster): string => {
	const timed = roster.rows.filter(r => r.timeMs !== undefined);
	if (timed.length === 0) return '';
	return `<p><small>Time spent (the run that first finished each chapter; pauses over 5 minutes not counted): ${timed.length} results, median ${formatDuration([...timed].sort((a, b) => a.timeMs! - b.timeMs!)[Math.floor(timed.length / 2)].timeMs!)}.</small></p>`;
};

export const rosterHtml = (pack: LoadedPack, roster: Roster, now: Date): string =>
	[
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<title>AMI School roster: ${escape(pack.pack.name)}</title>`,
		`<style>${STYLE}</style>`,
		'</head>',
		'<body>',
		`<h1>AMI School roster: ${escape(pack.pack.name)} <small>(${escape(pack.pack.id)})</small></h1>`,
		`<p>${roster.files} file${roster.files === 1 ? '' : 's'} collected on ${now.toISOString().slice(0, 10)}. Each result was replayed from the commands the learner typed; a cell outlined in red is flagged below and not counted.</p>`,
		'<p class="key"><span class="s3">★★★</span><span class="s2">★★☆</span><span class="s1">★☆☆</span><span class="s0">not done / 0 stars</span><span class="none">not handed in</span></p>',
		grid(pack, roster),
		timeTable(roster),
		problemsList(roster),
		goalTables(pack, roster),
		'</body>',
		'</html>',
		'',
	].join('\n');
