import {awsCommands, cliOperationNames, inputParameters, waiterNames} from '../cli/catalogue.js';
import {OUTPUT_FORMATS} from '../cli/output/render.js';
import {DEFAULT_REGIONS} from '../sim/regions/regions.js';
import type {RegionState} from '../sim/core/types.js';
import {commandWords, xargsCommand} from './programs.js';
import type {Session} from './session.js';

// Tab completion: the words that could replace the word under the cursor (the UI shows the
// common prefix, or the list). Knows shell commands, `aws ec2 <operation> --parameters`, the
// values of id parameters from the current world, Regions, and the player's files. The command
// names come from the registry of programs (programs.ts).

const GLOBAL_OPTIONS = ['--region', '--output', '--query', '--no-cli-pager', '--profile', '--debug', '--no-paginate', '--color', '--endpoint-url'];

/** the words of the last simple command before the cursor, and the (unfinished) word under it */
const splitLine = (line: string): {words: string[]; current: string} => {
	const words: string[] = [];
	let word = '';
	let quote: string | undefined;
	for (const c of line) {
		if (quote) {
			if (c === quote) quote = undefined;
			else word += c;
		} else if (c === '"' || c === "'") quote = c;
		else if (c === ' ' || c === '\t') {
			if (word) words.push(word);
			word = '';
		} else if (c === '|' || c === ';' || c === '&' || c === '(') {
			words.length = 0;
			word = '';
		} else word += c;
	}

	return {words, current: word};
};

const idsOf = (region: RegionState | undefined, param: string, session: Session): string[] => {
	if (!region) return [];
	if (/^--(instance-ids?|source-instance-id)$/.test(param)) return region.instances.ids();
	if (/^--(image-ids?|source-image-id)$/.test(param)) {
		const own = region.images.values().filter(i => i.OwnerId === session.world.account);
		return (own.length > 0 ? own : region.images.values()).map(i => i.ImageId);
	}

	if (/^--snapshot-ids?$/.test(param)) return region.snapshots.values().filter(s => s.OwnerId === session.world.account).map(s => s.SnapshotId);
	if (/^--volume-ids?$/.test(param)) return region.volumes.ids();
	if (/^--key-names?$/.test(param)) return region.keyPairs.values().map(k => k.KeyName);
	if (/^--key-pair-ids?$/.test(param)) return region.keyPairs.values().map(k => k.KeyPairId);
	if (/^--(group-ids?|security-group-ids)$/.test(param)) return region.securityGroups.ids();
	if (/^--(group-names?|security-groups)$/.test(param)) return region.securityGroups.values().map(g => g.GroupName);
	if (/^--resources$/.test(param)) return [...region.images.ids(), ...region.instances.ids(), ...region.snapshots.ids()];
	return [];
};

const fileNames = (session: Session): string[] => Object.keys(session.files).filter(f => !f.startsWith('/'));

const awsCandidates = (session: Session, words: string[], current: string): string[] => {
	const args = words.slice(1);
	const regionIndex = args.indexOf('--region');
	const regionName = regionIndex !== -1 ? args[regionIndex + 1] : session.region;
	const previous = args.at(-1);
	if (previous === '--region' || previous === '--source-region') return [...DEFAULT_REGIONS];
	if (previous === '--output') return [...OUTPUT_FORMATS];
	const positional = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('--')));
	if (positional.length === 0) return current.startsWith('-') ? GLOBAL_OPTIONS : [...awsCommands()];
	if (positional[0] === 'configure') return positional.length === 1 && !current.startsWith('-') ? ['list', 'list-profiles', 'get', 'set'] : current.startsWith('-') ? GLOBAL_OPTIONS : [];
	if (positional[0] === 'ssm' || positional[0] === 'sts') {
		if (positional.length === 1) return current.startsWith('-') ? GLOBAL_OPTIONS : [...cliOperationNames(positional[0]), 'help'];
		return current.startsWith('-') ? [...inputParameters(positional[1], positional[0]).map(p => p.cliName), ...GLOBAL_OPTIONS] : [];
	}

	if (positional[0] !== 'ec2') return [];
	if (positional.length === 1) return current.startsWith('-') ? GLOBAL_OPTIONS : [...cliOperationNames(), 'wait', 'help'];
	const operation = positional[1];
	if (operation === 'wait' && positional.length === 2 && !current.startsWith('-')) return [...waiterNames()];
	const cliName = operation === 'wait' ? undefined : operation;
	if (current.startsWith('-')) {
		const params = cliName ? inputParameters(cliName).filter(p => !p.hidden).map(p => p.cliName) : [];
		return [...params, ...GLOBAL_OPTIONS];
	}

	if (current.startsWith('file://') || current.startsWith('fileb://')) {
		const scheme = current.startsWith('file://') ? 'file://' : 'fileb://';
		return fileNames(session).map(f => scheme + f);
	}

	if (previous?.startsWith('--')) {
		const ids = idsOf(session.world.regions[regionName], previous, session);
		if (ids.length > 0) return ids;
		if (/user-data|cli-input|public-key-material|file/.test(previous)) return fileNames(session).map(f => `file://${f}`);
	}

	return [];
};

const publicHosts = (session: Session): string[] =>
	Object.values(session.world.regions).flatMap(r => r.instances.values().filter(i => i.State === 'running' && i.PublicIpAddress).map(i => i.PublicIpAddress!));

/** Words that can replace the word being typed at the end of `lineBeforeCursor`, sorted. */
export const completionCandidates = (session: Session, lineBeforeCursor: string): string[] => {
	try {
		const split = splitLine(lineBeforeCursor);
		const {current} = split;
		let {words} = split;
		// the command after `do`, and the one xargs or sudo will run
		for (;;) {
			if (words[0] === 'do') words = words.slice(1);
			else if (words[0] === 'xargs' && !current.startsWith('-') && xargsCommand(words.slice(1))[0] !== 'echo') words = xargsCommand(words.slice(1));
			else if (words[0] === 'xargs' && words.slice(1).every(w => w.startsWith('-') || /^\d+$/.test(w))) words = [];
			else if (words[0] === 'sudo' && session.remote) words = words.slice(1).filter((w, i) => i > 0 || !w.startsWith('-'));
			else break;
		}

		let candidates: string[];
		if (current.startsWith('$')) candidates = Object.keys(session.vars).map(v => `$${v}`);
		else if (words.length === 0) candidates = commandWords(session.remote ? 'guest' : 'local');
		else if (words[0] === 'aws' && !session.remote) candidates = awsCandidates(session, words, current);
		else if (words[0] === 'ssh') {
			if (words.at(-1) === '-i') candidates = fileNames(session);
			else if (current.includes('@')) candidates = publicHosts(session).map(ip => `${current.slice(0, current.indexOf('@') + 1)}${ip}`);
			else candidates = [...fileNames(session), 'ec2-user@', 'ubuntu@'];
		} else if (words[0] === 'curl') candidates = publicHosts(session).map(ip => `http://${ip}/`);
		else if (words[0] === 'export') candidates = ['AWS_DEFAULT_REGION=', 'AWS_REGION=', ...Object.keys(session.vars)];
		else candidates = session.remote ? [] : fileNames(session);
		return [...new Set(candidates.filter(c => c.startsWith(current)))].sort();
	} catch {
		return [];
	}
};
