import fs from 'node:fs';
import path from 'node:path';
import {HtmlValidate} from 'html-validate';
import {parse} from 'yaml';
import {beforeAll, describe, expect, it} from 'vitest';
import {collectRoster} from '../../source/commands/report.js';
import {rosterHtml} from '../../source/commands/report-html.js';
import {openPack} from '../../source/commands/context.js';
import {freshHome, type Home} from './helpers.js';

// The instructor's side: hand-ins from several learners (progress exports and script reports),
// two edited by hand, one twice, one not a report at all; `report collect` as a table, CSV, JSON
// and a page; `report verify` and `report show` on one file.

const solution = (parse(fs.readFileSync('lessons/01-master-image.yaml', 'utf8')) as {solution: string[]}).solution;

let home: Home;
let dir: string;

/** A learner plays chapter 1 (by script, saved as played) and hands in a progress export. */
const handIn = (learner: string, lines: string[], name: string) => {
	const script = home.file(`${name}.sh`);
	fs.writeFileSync(script, `${lines.join('\n')}\n`);
	home.run('--reset-progress', '--yes');
	expect(home.run('play', '1', '--script', script, '--save', '--learner', learner).status).toBe(0);
	expect(home.run('progress', 'export', path.join(dir, `${name}.json`)).status).toBe(0);
};

describe('report collect, verify and show', {timeout: 180_000}, () => {
	beforeAll(() => {
		// about 25 runs of the built game
		home = freshHome();
		dir = home.file('hand-ins');
		fs.mkdirSync(dir);
		handIn('Ada', solution, 'ada');
		handIn('Grace', ['aws ec2 describe-images --image-ids ami-nope', ...solution], 'grace');
		handIn('Linus', ['aws ec2 run-instances --image-id ami-nope', 'aws ec2 describe-nothing', ...solution], 'linus');
		// a script report, with the learner's saved name
		fs.writeFileSync(home.file('1.sh'), `${solution.join('\n')}\n`);
		home.run('--learner', 'Margaret');
		const report = home.run('play', '1', '--script', '1.sh', '--report', 'json');
		expect(JSON.parse(report.stdout)).toMatchObject({format: 'ami-school-report', learner: 'Margaret', completed: true});
		fs.writeFileSync(path.join(dir, 'margaret-report.json'), report.stdout);
		// edited by hand: a better score, and a whole chapter never played; a name that would move the cursor
		const grace = JSON.parse(fs.readFileSync(path.join(dir, 'grace.json'), 'utf8'));
		grace.chapters['master-image'].bestScore += 5;
		fs.writeFileSync(path.join(dir, 'grace.json'), JSON.stringify(grace));
		const linus = JSON.parse(fs.readFileSync(path.join(dir, 'linus.json'), 'utf8'));
		linus.learner = 'Linus\u001B[2J';
		linus.chapters.sharing = {status: 'done', bestScore: 300, stars: 3, hintsUsed: 0};
		fs.writeFileSync(path.join(dir, 'linus.json'), JSON.stringify(linus));
		// Ada hands in twice (the same file copied, and a second export), and a stray file
		fs.copyFileSync(path.join(dir, 'ada.json'), path.join(dir, 'ada-copy.json'));
		handIn('Ada', ['aws ec2 describe-regions', ...solution], 'ada-again');
		fs.writeFileSync(path.join(dir, 'notes.json'), '{"hello": 1}');
	}, 120_000);

	it('prints one roster and flags what is wrong, each result replayed from its commands', () => {
		const result = home.run('report', 'collect', dir);
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toMatch(/^learner +chapter +goals +stars +score +quiz +hints +time +version +lessons +check$/);
		expect(result.stdout).toMatch(/^Margaret +1 master-image +3\/3 +★★☆ +\d+ +0 +0 +- +\d+\.\d+\.\d+ +[0-9a-f]{12} +verified$/m);
		expect(result.stdout).toMatch(/^Grace +1 master-image .* FLAGGED$/m);
		expect(result.stdout).toMatch(/grace\.json: Grace, chapter 1 master-image: does not match its own commands: says score (\d+), its commands give \d+/);
		expect(result.stdout).toContain('linus.json: Linus<U+001B>[2J, chapter 6 sharing: no commands recorded');
		expect(result.stdout).not.toContain('\u001B');
		// the copy counted once; the two different exports both flagged
		expect(result.stdout).toMatch(/ada(-copy)?\.json: does not verify: the same file as .*ada(-copy)?\.json \(counted once\)/);
		expect(result.stdout.match(/Ada, chapter 1 master-image: duplicate: Ada has this chapter in 2 files \(ada-again\.json, ada(-copy)?\.json\)/g)).toHaveLength(2);
		expect(result.stdout).toContain('notes.json: does not verify:');
		expect(result.stdout).toMatch(/7 files, 4 learners, 6 chapter results: 4 verified by replaying their commands, 1 that do not match their own commands, 4 flagged, 2 files not read\./);
	});

	it('as CSV (a name never becomes a spreadsheet formula) and as JSON', () => {
		const grace = JSON.parse(fs.readFileSync(path.join(dir, 'grace.json'), 'utf8'));
		grace.learner = '=HYPERLINK("http://x")';
		const csvDir = home.file('csv');
		fs.mkdirSync(csvDir, {recursive: true});
		fs.writeFileSync(path.join(csvDir, 'g.json'), JSON.stringify(grace));
		const csv = home.run('report', 'collect', '--csv', csvDir, path.join(dir, 'margaret-report.json')).stdout;
		expect(csv.split('\n')[0]).toBe('learner,chapter,order,title,goals met,goals,stars,score,quiz,hints,time (s),game version,lesson hash,state,verified,flags,file');
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")",master-image,1,`);
		const json = JSON.parse(home.run('report', 'collect', '--json', dir).stdout);
		expect(json.rows.find((r: {learner: string}) => r.learner === 'Margaret')).toMatchObject({chapter: 'master-image', goalsMet: 3, goalsTotal: 3, stars: 2, verified: true, flags: []});
		expect(json.problems.map((p: {file: string}) => path.basename(p.file))).toEqual(['ada.json', 'notes.json']);
	});

	it('report verify: a file that matches its commands, and one that does not', () => {
		const ok = home.run('report', 'verify', path.join(dir, 'margaret-report.json'));
		expect(ok.stdout).toMatch(/1 master-image: ★★☆ score \d+, goals 3\/3, hints 0: verified: its commands, replayed, give these figures/);
		expect(ok.status).toBe(0);
		const report = JSON.parse(fs.readFileSync(path.join(dir, 'margaret-report.json'), 'utf8'));
		report.score.total += 100;
		report.goals[2].met = true;
		fs.writeFileSync(home.file('edited-report.json'), JSON.stringify(report));
		const bad = home.run('report', 'verify', home.file('edited-report.json'));
		expect(bad.stdout).toMatch(/does not match its own commands\n +says score \d+, its commands give \d+/);
		expect(bad.status).toBe(1);
		const big = home.file('big.json');
		fs.writeFileSync(big, JSON.stringify({format: 'ami-school-progress', learner: 'x'.repeat(9 * 1024 * 1024)}));
		expect(home.run('report', 'verify', big).stdout).toContain('is larger than 8 MB');
	});

	it('report show replays one session step by step: what was typed and seen, goals, mistakes', () => {
		const shown = home.run('report', 'show', path.join(dir, 'linus.json'));
		expect(shown.status).toBe(0);
		expect(shown.stdout).toContain('Session of Linus<U+001B>[2J');
		expect(shown.stdout).toMatch(/ {2}\$ aws ec2 run-instances --image-id ami-nope\n +aws: \[ERROR\]: An error occurred \(InvalidAMIID\.Malformed\)[^\n]*\n +✗ mistake: exit \d+ \(working on: Search Amazon's AMIs/);
		expect(shown.stdout).toMatch(/✓ goal met: Launch two lab computers/);
		expect(shown.stdout).toMatch(/Replayed: complete, goals 3\/3, score \d+ ★★☆ \(goals 300, par \+\d+, hints -0, mistakes -10, quiz 0\)/);
		expect(shown.stdout).toContain('(no commands recorded for this chapter: nothing to replay)');
	});

	it('report collect --html writes one valid, self-contained page: the grid by stars, the goals the room found hard', async () => {
		const page = home.file('roster.html');
		const result = home.run('report', 'collect', dir, '--html', page);
		expect(result.stdout).toContain(`Wrote ${page}: open it in a browser.`);
		const html = fs.readFileSync(page, 'utf8');
		const report = await new HtmlValidate({extends: ['html-validate:recommended'], rules: {'no-inline-style': 'off', 'wcag/h63': 'off'}}).validateString(html);
		expect(report.results.flatMap(r => r.messages.map(m => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
		expect(html).not.toMatch(/<script|src=|href=|url\(/i); // nothing fetched, nothing run
		expect(html).not.toContain('\u001B');
		const grid = /<table class="grid">([\s\S]*?)<\/table>/.exec(html)![1];
		expect(grid.match(/<tr><th>/g)).toHaveLength(1 + 4); // the header and one row per learner
		expect(grid).toMatch(/<th>Margaret<\/th><td class="cell s2" title="2 stars, score \d+">★★☆/);
		expect(grid).toMatch(/<th>Grace<\/th><td class="cell flag" title="2 stars, score \d+ \| does not match its own commands: says score \d+, its commands give \d+"><s>★★☆/);
		const goals = /<table class="goals">([\s\S]*?)<\/table>/.exec(html)![1];
		// Grace's result is flagged and left out; Linus made two mistakes and Ada's second run none on the search
		expect(goals).toMatch(/<tr class="hardest"><td>Search Amazon&#39;s AMIs|<tr class="hardest"><td>Search Amazon's AMIs/);
	});

	it('the page, in process with a fixed date, as a snapshot', async () => {
		const pack = openPack(undefined);
		const roster = collectRoster(pack, [path.join(dir, 'margaret-report.json')]);
		await expect(rosterHtml(pack, roster, new Date('2026-12-01T00:00:00Z')).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchFileSnapshot('__snapshots__/roster.html');
	});
});
