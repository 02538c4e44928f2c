import {createHash} from 'node:crypto';
import {readdirSync, renameSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {stringify} from 'csv-stringify/sync';
import type {CommandLine} from '../args.js';
import {visible} from '../lessons/control-chars.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import type {LoadedPack} from '../lessons/pack.js';
import {starsText} from '../lessons/scoring.js';
import {formatDuration} from '../progress/run-log.js';
import {GAME, openPack, printPackErrors} from './context.js';
import {checkHandedIn, packHash, parseHandedIn, readHandedIn, type ChapterCheck, type HandedIn} from './handed-in.js';
import {rosterHtml} from './report-html.js';
import {showSession} from './report-show.js';

// `ami-school report collect <dir|files...> [--csv | --json | --html <file>]`: the files learners
// hand in (progress exports and `play --script --report json` reports) as one roster, each
// chapter replayed from the commands it recorded; `report verify <file...>`: the same check, file
// by file; `report show <file>`: one learner's session replayed step by step.

export const REPORT_USAGE = 'usage: ami-school report collect <dir|files...> [--csv | --json | --html <file>] | report verify <file...> | report show <file>   [--lessons <dir>]\n';

/** A folder of hand-ins: its .json files, at most this many. */
const MAX_FILES = 5000;

export type RosterRow = {
	file: string;
	learner: string;
	chapter: string;
	order?: number;
	title: string;
	goalsMet?: number;
	goalsTotal?: number;
	stars: number;
	score: number;
	quiz?: number;
	hints: number;
	timeMs?: number;
	version: string;
	lessons: string;
	state: 'done' | 'in progress' | 'not complete';
	verified: boolean;
	/** what the instructor should look at, in words */
	flags: string[];
	check: ChapterCheck;
};

export type FileProblem = {file: string; problem: string};

export type Roster = {rows: RosterRow[]; problems: FileProblem[]; files: number};

/** The files named: each folder's .json files (sorted), each file itself. */
const expand = (targets: string[]): {files: string[]; problems: FileProblem[]} => {
	const files: string[] = [];
	const problems: FileProblem[] = [];
	for (const target of targets) {
		let isDir = false;
		try {
			isDir = statSync(target).isDirectory();
		} catch {
			problems.push({file: target, problem: 'there is no such file or folder'});
			continue;
		}

		if (!isDir) {
			files.push(target);
			continue;
		}

		const names = readdirSync(target)
			.filter(n => n.toLowerCase().endsWith('.json'))
			.sort();
		if (names.length > MAX_FILES) problems.push({file: target, problem: `holds ${names.length} .json files: only the first ${MAX_FILES} are read`});
		files.push(...names.slice(0, MAX_FILES).map(n => path.join(target, n)));
	}

	return {files, problems};
};

const learnerOf = (handed: HandedIn) => (handed.data.learner === undefined ? '(no name)' : visible(handed.data.learner));

const rowsOf = (pack: LoadedPack, file: string, handed: HandedIn): RosterRow[] => {
	const fileLessons = handed.kind === 'progress' ? handed.data.lessonFiles : handed.data.lessonFiles;
	const otherPack = handed.data.pack && handed.data.pack.id !== pack.pack.id ? `played with the lesson pack "${visible(handed.data.pack.id)}", not "${pack.pack.id}"` : undefined;
	return checkHandedIn(pack, handed).map(check => {
		const lesson = check.lesson;
		const run = check.rerun;
		const flags: string[] = [];
		if (otherPack) flags.push(otherPack);
		if (check.verdict !== 'verified' && check.verdict !== 'not played') flags.push(`${check.verdict}${check.details.length > 0 ? `: ${check.details.map(visible).join('; ')}` : ''}`);
		if (check.lessonChanged) flags.push('its lesson file differs from yours');
		const state = check.claimed.completed ? 'done' : handed.kind === 'report' ? 'not complete' : 'in progress';
		return {
			file,
			learner: learnerOf(handed),
			chapter: visible(check.chapter),
			order: lesson?.order,
			title: lesson ? lesson.title : visible(check.chapter),
			goalsMet: run ? run.goals.filter(g => g.met).length : check.claimed.goalsMet,
			goalsTotal: lesson?.goals.length,
			stars: check.claimed.stars,
			score: check.claimed.score,
			quiz: run?.score.quiz,
			hints: check.claimed.hints,
			timeMs: check.timeSpentMs,
			version: visible(handed.data.game?.version ?? '?'),
			lessons: packHash(fileLessons),
			state,
			verified: check.verdict === 'verified',
			flags,
			check,
		};
	});
};

/** Reads, checks and flags every file: the roster. */
export const collectRoster = (pack: LoadedPack, targets: string[]): Roster => {
	const {files, problems} = expand(targets);
	const rows: RosterRow[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		const {text, error} = readHandedIn(file);
		if (text === undefined) {
			problems.push({file, problem: error ?? 'unreadable'});
			continue;
		}

		const sha = createHash('sha256').update(text).digest('hex');
		const twin = seen.get(sha);
		if (twin !== undefined) {
			problems.push({file, problem: `the same file as ${visible(twin)} (counted once)`});
			continue;
		}

		seen.set(sha, file);
		const handed = parseHandedIn(file, text);
		if ('error' in handed) problems.push({file, problem: handed.error});
		else rows.push(...rowsOf(pack, file, handed));
	}

	// one learner, one chapter, in two files: which one counts is the instructor's call
	const byKey = new Map<string, RosterRow[]>();
	for (const row of rows) byKey.set(`${row.learner}\u0000${row.chapter}`, [...(byKey.get(`${row.learner}\u0000${row.chapter}`) ?? []), row]);
	for (const same of byKey.values()) {
		if (same.length < 2) continue;
		for (const row of same) row.flags.push(`duplicate: ${row.learner} has this chapter in ${same.length} files (${same.map(r => visible(path.basename(r.file))).join(', ')})`);
	}

	rows.sort((a, b) => a.learner.localeCompare(b.learner) || (a.order ?? 0) - (b.order ?? 0) || a.file.localeCompare(b.file));
	return {rows, problems, files: files.length};
};

const goalsCell = (r: RosterRow) => (r.goalsMet === undefined ? '-' : `${r.goalsMet}/${r.goalsTotal ?? '?'}`);
const timeCell = (r: RosterRow) => (r.timeMs === undefined ? '-' : formatDuration(r.timeMs));
const chapterCell = (r: RosterRow) => `${r.order ?? '?'} ${r.chapter}`;
const checkCell = (r: RosterRow) => (r.flags.length > 0 ? 'FLAGGED' : r.verified ? 'verified' : r.state === 'in progress' ? 'in progress' : '-');

/** The roster as a text table, its problems and a summary. */
export const rosterText = (roster: Roster): string => {
	const header = ['learner', 'chapter', 'goals', 'stars', 'score', 'quiz', 'hints', 'time', 'version', 'lessons', 'check'];
	const cells = roster.rows.map(r => [r.learner, chapterCell(r), goalsCell(r), r.state === 'done' ? starsText(r.stars) : '-', String(r.score), r.quiz === undefined ? '-' : String(r.quiz), String(r.hints), timeCell(r), r.version, r.lessons, checkCell(r)]);
	const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
	const widths = header.map((h, i) => Math.min(i === 0 ? 24 : i === 1 ? 28 : 40, Math.max(h.length, ...cells.map(c => c[i].length))));
	const numeric = new Set([4, 5, 6]);
	const line = (row: string[]) =>
		row
			.map((cell, i) => (numeric.has(i) ? clip(cell, widths[i]).padStart(widths[i]) : clip(cell, widths[i]).padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	const out = [line(header), ...cells.map(line)];
	const flagged = roster.rows.filter(r => r.flags.length > 0);
	if (flagged.length > 0 || roster.problems.length > 0) {
		out.push('', 'To look at:');
		for (const r of flagged) for (const flag of r.flags) out.push(`  ${visible(path.basename(r.file))}: ${r.learner}, chapter ${chapterCell(r)}: ${flag}`);
		for (const p of roster.problems) out.push(`  ${visible(path.basename(p.file))}: does not verify: ${p.problem.replace(/\n/g, '\n    ')}`);
	}

	const learners = new Set(roster.rows.map(r => r.learner)).size;
	const verified = roster.rows.filter(r => r.verified).length;
	const mismatched = roster.rows.filter(r => r.check.verdict === 'does not match its own commands' || r.check.verdict === 'above what the lesson allows').length;
	out.push(
		'',
		`${roster.files} file${roster.files === 1 ? '' : 's'}, ${learners} learner${learners === 1 ? '' : 's'}, ${roster.rows.length} chapter result${roster.rows.length === 1 ? '' : 's'}: ${verified} verified by replaying their commands, ${mismatched} that do not match their own commands, ${flagged.length} flagged, ${roster.problems.length} file${roster.problems.length === 1 ? '' : 's'} not read.`,
	);
	return `${out.join('\n')}\n`;
};

/** The roster as CSV (formulas escaped: a learner's name never runs in a spreadsheet). */
export const rosterCsv = (roster: Roster): string =>
	stringify(
		[
			['learner', 'chapter', 'order', 'title', 'goals met', 'goals', 'stars', 'score', 'quiz', 'hints', 'time (s)', 'game version', 'lesson hash', 'state', 'verified', 'flags', 'file'],
			...roster.rows.map(r => [r.learner, r.chapter, r.order ?? '', r.title, r.goalsMet ?? '', r.goalsTotal ?? '', r.stars, r.score, r.quiz ?? '', r.hints, r.timeMs === undefined ? '' : Math.round(r.timeMs / 1000), r.version, r.lessons, r.state, r.verified, r.flags.join('; '), r.file]),
			...roster.problems.map(p => ['', '', '', '', '', '', '', '', '', '', '', '', '', 'not read', false, visible(p.problem), p.file]),
		],
		{escape_formulas: true},
	);

/** The roster as JSON. */
export const rosterJson = (pack: LoadedPack, roster: Roster) => ({
	game: GAME,
	pack: {id: pack.pack.id, name: pack.pack.name},
	files: roster.files,
	rows: roster.rows.map(({check, ...row}) => ({...row, details: check.details})),
	problems: roster.problems,
});

const writeAtomically = (file: string, text: string) => {
	const temp = `${file}.${process.pid}.tmp`;
	writeFileSync(temp, text);
	renameSync(temp, file);
};

const collect = (pack: LoadedPack, cl: CommandLine, targets: string[], io: CommandIo): number => {
	const {csv, json, html} = cl.values;
	if (targets.length === 0) {
		io.stderr.write(`ami-school report collect: which files? e.g. ami-school report collect hand-ins/\n`);
		return EXIT_USAGE;
	}

	if (Number(Boolean(csv)) + Number(Boolean(json)) > 1) {
		io.stderr.write(`ami-school report collect: --csv or --json, not both\n${REPORT_USAGE}`);
		return EXIT_USAGE;
	}

	const roster = collectRoster(pack, targets);
	io.stdout.write(csv ? rosterCsv(roster) : json ? `${JSON.stringify(rosterJson(pack, roster), null, 2)}\n` : rosterText(roster));
	if (html !== undefined) {
		try {
			writeAtomically(path.resolve(html), rosterHtml(pack, roster, new Date()));
		} catch (error) {
			io.stderr.write(`ami-school report collect: cannot write ${html}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
			return EXIT_FAILED;
		}

		(csv || json ? io.stderr : io.stdout).write(`Wrote ${html}: open it in a browser.\n`);
	}

	return roster.rows.some(r => r.flags.length > 0) || roster.problems.length > 0 ? EXIT_FAILED : EXIT_OK;
};

const verify = (pack: LoadedPack, files: string[], io: CommandIo): number => {
	if (files.length === 0) {
		io.stderr.write(`ami-school report verify: which file? e.g. ami-school report verify ada.json\n`);
		return EXIT_USAGE;
	}

	let ok = true;
	for (const file of files) {
		const {text, error} = readHandedIn(file);
		const handed = text === undefined ? {error: error ?? 'unreadable'} : parseHandedIn(file, text);
		if ('error' in handed) {
			io.stdout.write(`${visible(file)}: does not verify: ${handed.error}\n`);
			ok = false;
			continue;
		}

		const what = handed.kind === 'progress' ? 'progress export' : 'report';
		io.stdout.write(`${visible(file)}: ${what} of ${learnerOf(handed)}, game ${visible(handed.data.game?.version ?? '?')}, lessons ${packHash(handed.data.lessonFiles)}\n`);
		const rows = rowsOf(pack, file, handed);
		if (rows.length === 0) io.stdout.write('  no chapter played\n');
		for (const r of rows) {
			const figures = r.state === 'done' ? `${starsText(r.stars)} score ${r.score}, goals ${goalsCell(r)}, hints ${r.hints}` : r.state;
			const verdict = r.check.verdict === 'verified' ? 'verified: its commands, replayed, give these figures' : r.check.verdict === 'not played' ? 'not finished: nothing to verify' : r.check.verdict;
			io.stdout.write(`  ${chapterCell(r)}: ${figures}: ${verdict}\n`);
			for (const flag of r.flags) if (!flag.startsWith(r.check.verdict)) io.stdout.write(`    ${flag}\n`);
			for (const detail of r.check.details) io.stdout.write(`    ${visible(detail)}\n`);
			if (r.flags.length > 0) ok = false;
		}
	}

	return ok ? EXIT_OK : EXIT_FAILED;
};

const show = (pack: LoadedPack, files: string[], io: CommandIo): number => {
	if (files.length !== 1) {
		io.stderr.write(`ami-school report show: one file, e.g. ami-school report show ada.json\n`);
		return EXIT_USAGE;
	}

	const [file] = files;
	const {text, error} = readHandedIn(file);
	const handed = text === undefined ? {error: error ?? 'unreadable'} : parseHandedIn(file, text);
	if ('error' in handed) {
		io.stderr.write(`ami-school report show: ${handed.error}\n`);
		return EXIT_FAILED;
	}

	io.stdout.write(showSession(learnerOf(handed), rowsOf(pack, file, handed)));
	return EXIT_OK;
};

export const reportCommand = async (cl: CommandLine, io: CommandIo): Promise<number> => {
	const [verb, ...targets] = cl.args;
	if (verb !== 'collect' && (cl.values.csv || cl.values.json || cl.values.html !== undefined)) {
		io.stderr.write(`ami-school report: --csv, --json and --html go with collect\n${REPORT_USAGE}`);
		return EXIT_USAGE;
	}

	if (verb !== 'collect' && verb !== 'verify' && verb !== 'show') {
		io.stderr.write(verb === undefined ? REPORT_USAGE : `ami-school report: unknown verb '${visible(verb)}' (collect, verify or show)\n${REPORT_USAGE}`);
		return EXIT_USAGE;
	}

	const pack = openPack(cl.values.lessons);
	if (printPackErrors(pack, io) && pack.lessons.length === 0) return EXIT_FAILED;
	if (verb === 'collect') return collect(pack, cl, targets, io);
	if (verb === 'verify') return verify(pack, targets, io);
	return show(pack, targets, io);
};
