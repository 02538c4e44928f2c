import {createHmac} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {fsReason} from '../sandbox/fs-words.js';
import {formatBytes, readBounded, TooLarge} from '../sandbox/read-bounded.js';
import path from 'node:path';
import type {CommandLine} from '../args.js';
import {EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandIo} from '../lessons/command-io.js';
import type {LoadedPack} from '../lessons/pack.js';
import {starsText} from '../lessons/scoring.js';
import {GAME, learnerFor, openPack, printPackErrors} from './context.js';
import {openStoreOf, progressRows, type ProgressRow} from './progress.js';

// `ami-school certificate [--out file.md|file.html] [--learner name]` writes a completion page;
// `certificate --verify <file>` checks it. The page carries an HMAC-SHA256 of its own text (with
// the code itself zeroed): any edit to the page changes it. The key ships inside the game, so the
// code proves that a page was not edited by hand, not that AMI School wrote it: anyone with the
// game can make a page with a valid code. Treat it as a tamper seal, not a signature.

export const CERTIFICATE_USAGE = 'usage: ami-school certificate [--out <file.md|file.html> [--force]] [--learner <name>] [--lessons <dir>] | certificate --verify <file>\n';

const KEY = 'ami-school certificate v1: detects edits, not forgery (the key ships with the game)';
const CODE = /(Verification code: (?:<code>)?)([0-9a-f]{64})/;
const ZEROS = '0'.repeat(64);

/** The code of a page whose own code is zeroed. */
const codeOf = (text: string) => createHmac('sha256', KEY).update(text.replace(CODE, `$1${ZEROS}`)).digest('hex');

const seal = (text: string) => text.replace(CODE, `$1${codeOf(text)}`);

export type CertificateData = {learner?: string; pack: LoadedPack['pack']; rows: ProgressRow[]; date: string; version: string};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMd = (text: string) => text.replace(/([\\|*_`[\]<>])/g, '\\$1');

const NOTE = 'What the verification code proves: that this page was not edited after it was written (check it with `ami-school certificate --verify <this file>`). What it does not prove: who wrote it, or that the results were earned. The key ships with the game, so anyone with the game can write a page with a valid code. To check the results themselves, ask for the learner\'s progress export (`ami-school progress export <file>`) and run `ami-school report verify <file>`: it replays the commands they typed and recomputes every goal, score and star.';

export const certificateMarkdown = (c: CertificateData): string => {
	const done = c.rows.filter(r => r.state === 'done');
	const stars = done.reduce((n, r) => n + r.stars, 0);
	return seal(
		[
			'# AMI School: certificate of completion',
			'',
			...(c.learner ? [`**${escapeMd(c.learner)}** completed ${done.length} of ${c.rows.length} chapters of *${escapeMd(c.pack.name)}* (${c.pack.id}), with ${stars} of ${c.rows.length * 3} stars.`] : [`${done.length} of ${c.rows.length} chapters of *${escapeMd(c.pack.name)}* (${c.pack.id}) completed, with ${stars} of ${c.rows.length * 3} stars.`]),
			'',
			'| # | chapter | stars | best score |',
			'| ---: | --- | --- | ---: |',
			...done.map(r => `| ${r.order} | ${escapeMd(r.title)} | ${starsText(r.stars)} | ${r.bestScore} |`),
			'',
			`Date: ${c.date}  `,
			`AMI School version: ${c.version}  `,
			`Verification code: ${ZEROS}`,
			'',
			`<sub>${NOTE}</sub>`,
			'',
		].join('\n'),
	);
};

export const certificateHtml = (c: CertificateData): string => {
	const done = c.rows.filter(r => r.state === 'done');
	const stars = done.reduce((n, r) => n + r.stars, 0);
	const who = c.learner ? `<strong>${escapeHtml(c.learner)}</strong> completed` : 'Completed:';
	return seal(
		[
			'<!doctype html>',
			'<html lang="en"><head><meta charset="utf-8"><title>AMI School: certificate of completion</title>',
			'<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;line-height:1.5}table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ccc;text-align:left}small{color:#555}</style>',
			'</head><body>',
			'<h1>AMI School: certificate of completion</h1>',
			`<p>${who} ${done.length} of ${c.rows.length} chapters of <em>${escapeHtml(c.pack.name)}</em> (${c.pack.id}), with ${stars} of ${c.rows.length * 3} stars.</p>`,
			'<table><thead><tr><th>#</th><th>chapter</th><th>stars</th><th>best score</th></tr></thead><tbody>',
			...done.map(r => `<tr><td>${r.order}</td><td>${escapeHtml(r.title)}</td><td>${starsText(r.stars)}</td><td>${r.bestScore}</td></tr>`),
			'</tbody></table>',
			`<p>Date: ${c.date}<br>AMI School version: ${escapeHtml(c.version)}<br>Verification code: <code>${ZEROS}</code></p>`,
			`<p><small>${escapeHtml(NOTE)}</small></p>`,
			'</body></html>',
			'',
		].join('\n'),
	);
};

/** Checks a certificate's text: 'valid', 'edited' or 'none' (no code found). */
export const verifyCertificate = (text: string): 'valid' | 'edited' | 'none' => {
	const found = CODE.exec(text);
	if (!found) return 'none';
	return codeOf(text) === found[2] ? 'valid' : 'edited';
};

/** A certificate page is a few KB: a bigger file is not one, and is not read. */
export const CERTIFICATE_MAX_BYTES = 256 * 1024;

const verifyFile = (file: string, io: CommandIo): number => {
	let text: string;
	try {
		text = readBounded(file, CERTIFICATE_MAX_BYTES).toString('utf8');
	} catch (error) {
		const why = error instanceof TooLarge ? `it is larger than ${formatBytes(CERTIFICATE_MAX_BYTES)}, far more than a certificate can be` : fsReason(error);
		io.stderr.write(`ami-school certificate: cannot check ${file}: ${why}\n`);
		return error instanceof TooLarge ? EXIT_FAILED : EXIT_USAGE;
	}

	const verdict = verifyCertificate(text);
	if (verdict === 'valid') io.stdout.write(`${file}: valid: not edited since it was written. This does not prove who wrote it or that the results were earned (the key ships with the game): \`ami-school report verify\` on the learner's progress export checks those.\n`);
	else if (verdict === 'edited') io.stdout.write(`${file}: NOT valid: the page was edited after it was written\n`);
	else io.stdout.write(`${file}: NOT valid: no verification code found (is it an AMI School certificate?)\n`);
	return verdict === 'valid' ? EXIT_OK : EXIT_FAILED;
};

/** The format a file name asks for: its extension (.md, .markdown, .html, .htm), else undefined. */
const formatOf = (file: string): 'md' | 'html' | undefined => (/\.(md|markdown)$/i.test(file) ? 'md' : /\.html?$/i.test(file) ? 'html' : undefined);

export const certificateCommand = async (cl: CommandLine, io: CommandIo, now: () => Date = () => new Date()): Promise<number> => {
	const {verify, out, learner} = cl.values;
	if (cl.args.length > 0 || (verify !== undefined && (out !== undefined || learner !== undefined))) {
		io.stderr.write(CERTIFICATE_USAGE);
		return EXIT_USAGE;
	}

	if (verify !== undefined) return verifyFile(verify, io);
	if (out !== undefined && formatOf(out) === undefined) {
		io.stderr.write(`ami-school certificate: --out ${out}: the file name says the format: end it in .md (Markdown) or .html (a web page)\n`);
		return EXIT_USAGE;
	}

	if (cl.values.force && out === undefined) {
		io.stderr.write(`ami-school certificate: --force goes with --out <file>\n`);
		return EXIT_USAGE;
	}

	const pack = openPack(cl.values.lessons);
	if (printPackErrors(pack, io) && pack.lessons.length === 0) return EXIT_FAILED;
	const rows = progressRows(pack, openStoreOf(pack, io));
	if (!rows.some(r => r.state === 'done')) {
		io.stderr.write(`ami-school certificate: no chapter of ${pack.pack.name} is done yet, so there is nothing to certify.\n`);
		return EXIT_FAILED;
	}

	const data: CertificateData = {learner: await learnerFor(cl, io), pack: pack.pack, rows, date: now().toISOString().slice(0, 10), version: GAME.version};
	if (out === undefined) {
		io.stdout.write(certificateMarkdown(data));
		return EXIT_OK;
	}

	const format = formatOf(out);
	const text = format === 'html' ? certificateHtml(data) : certificateMarkdown(data);
	try {
		// wx: an existing file is never replaced without --force
		writeFileSync(path.resolve(out), text, {flag: cl.values.force ? 'w' : 'wx'});
	} catch (error) {
		const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
		io.stderr.write(`ami-school certificate: cannot write the certificate to ${out}: ${exists ? 'the file exists (add --force to replace it)' : fsReason(error)}\n`);
		return EXIT_FAILED;
	}

	io.stdout.write(`Wrote ${out}. Check it later with: ami-school certificate --verify ${out}\n`);
	return EXIT_OK;
};
