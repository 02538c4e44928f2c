import {literalWord, parseLine, simpleCommands, type SimpleCommand, type Word} from '../shell/parse-line.js';
import type {LineResult, Session} from '../shell/session.js';
import type {Image, RegionState, World} from '../sim/core/types.js';
import {RUN_TAG, STEP_TAG, type LedgerKind} from './ledger.js';
import {command, comment, concat, printLines, sh, shVar, visible} from './quote.js';
import {piecesText, renderList, renderWord, type Piece} from './render.js';
import {madeNames, substitute, type Substitutions} from './substitute.js';
import {unsafeReason} from './policy.js';

// session.sh's body: the played session replayed line by line in a fresh sandbox (the model is
// deterministic, so it makes the same resources again); the world before and after each line
// tells what the line made. Each line is written back through render.ts with the sandbox's IDs
// replaced by variables the script fills on AWS, the names it made given this run's suffix, and
// this run's tags added to what it creates. What was typed inside an instance over ssh is printed
// as steps to do by hand, never run.

export type ExportInput = {
	/** shown in the scripts' headers, e.g. "Chapter 2: Baking the image" */
	title: string;
	/** the Region the session starts in (the script's own Region replaces it) */
	region: string;
	/** the chapter's setup lines, run before the learner's own */
	setup: string[];
	/** the learner's lines, as typed (failed ones are left out of the scripts) */
	lines: string[];
	/** a fresh, empty session in `region` */
	newSession: (region: string) => Session;
	/** the shell, as the game runs it */
	runLine: (session: Session, line: string) => LineResult;
};

/** the ledger's kinds that are resources */
type Kind = Exclude<LedgerKind, 'run' | 'region' | 'key-file'>;
type Made = {kind: Kind; region: string; id: string};

/** What the body needs the preamble to know. */
export type SessionBody = {
	lines: string[];
	/** sandbox Regions the script works in */
	regions: string[];
	/** variables the learner must set before the script can run (sandbox-only images) */
	needs: Array<{variable: string; why: string}>;
	notes: string[];
	start: World;
	end: World;
};

const regionsOf = (world: World): Array<[string, RegionState]> => Object.entries(world.regions);
const liveImage = (image: Image | undefined): boolean => image !== undefined && image.State !== 'deregistered';

/** Every resource a learner can make, by Region: kind and id (key pairs by name). */
const resourcesOf = (world: World): Made[] => {
	const out: Made[] = [];
	for (const [region, state] of regionsOf(world)) {
		for (const image of state.images.values()) if (liveImage(image) && image.OwnerId === world.account) out.push({kind: 'image', region, id: image.ImageId});
		for (const instance of state.instances.values()) out.push({kind: 'instance', region, id: instance.InstanceId});
		for (const snapshot of state.snapshots.values()) if (snapshot.OwnerId === world.account) out.push({kind: 'snapshot', region, id: snapshot.SnapshotId});
		for (const volume of state.volumes.values()) out.push({kind: 'volume', region, id: volume.VolumeId});
		for (const group of state.securityGroups.values()) if (group.GroupName !== 'default') out.push({kind: 'security-group', region, id: group.GroupId});
		for (const pair of state.keyPairs.values()) out.push({kind: 'key-pair', region, id: pair.KeyName});
	}

	return out;
};

const keyOf = (made: Made) => `${made.kind} ${made.region} ${made.id}`;

/** The resource types an operation creates, which this run tags (the first is the one the script looks up). */
const CREATES: Record<string, string[]> = {
	'run-instances': ['instance', 'volume'],
	'create-security-group': ['security-group'],
	'create-image': ['image', 'snapshot'],
	'copy-image': ['image'],
	'register-image': ['image'],
	'create-snapshot': ['snapshot'],
	'create-volume': ['volume'],
	'create-key-pair': ['key-pair'],
	'import-key-pair': ['key-pair'],
};

/** Global options of the AWS CLI that take a value (skipped to find the service and operation). */
const GLOBAL_WITH_VALUE = new Set(['--region', '--output', '--profile', '--endpoint-url', '--query', '--color', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--cli-binary-format']);

/** `aws [global options] SERVICE OPERATION …`: service and operation, when they are literal. */
export const awsOperation = (cmd: SimpleCommand): {service: string; operation: string} | undefined => {
	const words = cmd.words.map(w => literalWord(w));
	if (words[0] !== 'aws') return undefined;
	const plain: string[] = [];
	for (let k = 1; k < words.length && plain.length < 2; k++) {
		const w = words[k];
		if (w === undefined) return undefined;
		if (GLOBAL_WITH_VALUE.has(w)) k++;
		else if (!w.startsWith('-')) plain.push(w);
	}

	return plain.length === 2 ? {service: plain[0], operation: plain[1]} : undefined;
};

/** The value word after `--flag` in a command, if any. */
const optionWord = (cmd: SimpleCommand, flag: string): Word | undefined => {
	const at = cmd.words.findIndex(w => literalWord(w) === flag);
	return at === -1 ? undefined : cmd.words[at + 1];
};

/** Lines the script never runs: they change the learner's own CLI set-up or the whole account. */
const leftOut = (line: string): string | undefined => {
	if (/^\s*aws\s+(?:--\S+\s+\S+\s+)*configure\b/.test(line)) return 'it would change your own AWS CLI settings; set them yourself if you want them';
	if (/\b(?:enable|disable)-image-block-public-access\b/.test(line)) return 'it changes a setting of the whole account, which classmates share';
	if (/modify-image-attribute\b/.test(line) && /Group=all|"Group"\s*:\s*"all"/.test(line)) return 'it would make your image public to every AWS account';
	if (/register-image\b/.test(line) && /--image-location\b/.test(line)) return 'it registers an image from an S3 bundle that exists only in the sandbox';
	return undefined;
};

/** Images of the sandbox's own invention (a marketplace product, a name with no build stamp to look for): not on AWS. */
const sandboxOnly = (world: World): string[] =>
	Object.values(world.regions).flatMap(state =>
		state.images.values()
			.filter(image => image.OwnerId !== world.account && (!image.ImageOwnerAlias || image.ImageOwnerAlias === 'aws-marketplace' || familyPattern(image.Name) === undefined))
			.map(image => image.ImageId),
	);

export class SessionWriter {
	private readonly body: string[] = [];
	/** the learner's shell variables before the line being written */
	private shellVars: Record<string, string> = {};
	/** sandbox token (id, IP, DNS name) -> script variable */
	private readonly vars = new Map<string, string>();
	private readonly counters = new Map<string, number>();
	private readonly recorded = new Set<string>();
	private readonly regions = new Set<string>();
	private remoteSteps: Array<{raw: string}> = [];
	private names = new Set<string>();
	private step = 0;
	/** resource types the current line could not tag at creation (tagged afterwards with create-tags) */
	private untagged = new Set<string>();
	private readonly needs: SessionBody['needs'] = [];
	readonly notes: string[] = [];
	private start!: World;

	constructor(private readonly input: ExportInput) {
		this.regions.add(input.region);
	}

	// ---- small helpers

	private newVar(prefix: string): string {
		const n = (this.counters.get(prefix) ?? 0) + 1;
		this.counters.set(prefix, n);
		return `${prefix}_${n}`;
	}

	private emit(...lines: string[]) {
		this.body.push(...lines);
	}

	/** A sandbox Region as the script names it: the script's own Region for the session's first one. */
	private regionPiece(region: string): Piece {
		this.regions.add(region);
		return region === this.input.region ? {variable: 'REGION'} : region;
	}

	private regionWord(region: string): {raw: string} {
		return {raw: piecesText([this.regionPiece(region)], false)};
	}

	private subs(extra?: Substitutions['extra']): Substitutions {
		return {token: token => this.vars.get(token), names: this.names, suffix: 'RUN_SUFFIX', region: {name: this.input.region, variable: 'REGION'}, extra};
	}

	/** Typed text (a name, a file name) as the script writes it: with this run's suffix where it names something the session made. */
	private text(value: string): {raw: string} {
		return concat(...substitute(value, this.subs()));
	}

	private record(made: Made, value: {raw: string}) {
		const key = keyOf(made);
		if (this.recorded.has(key)) return;
		this.recorded.add(key);
		this.emit(command('record', made.kind, this.regionWord(made.region), value));
	}

	/** `NAME=$(aws …)`, remembered as holding `token`. */
	private capture(prefix: string, token: string, words: Array<string | {raw: string}>): string {
		const name = this.newVar(prefix);
		this.emit(`${name}=$(${command(...words)})`);
		this.vars.set(token, name);
		return name;
	}

	private tagFilters(step: number): Array<string | {raw: string}> {
		return ['--filters', concat(`Name=tag:${RUN_TAG},Values=`, {variable: 'RUN'}), `Name=tag:${STEP_TAG},Values=${step}`];
	}

	// ---- finding a sandbox resource on AWS, the first time a line needs it

	/** The variable holding `token` on AWS, emitting the lines that find it if need be. */
	private need(token: string, world: World): string | undefined {
		const known = this.vars.get(token);
		if (known) return known;
		for (const [region, state] of regionsOf(world)) {
			const r = this.regionWord(region);
			const image = state.images.get(token);
			if (image) return this.needPublicImage(region, image);
			if (state.instances.get(token)) return undefined; // made in the session: captured when made
			const volume = state.volumes.get(token);
			if (volume?.Attachment) {
				const owner = this.need(volume.Attachment.InstanceId, world);
				if (!owner) return undefined;
				const query = `Reservations[0].Instances[0].BlockDeviceMappings[?DeviceName==\`${JSON.stringify(volume.Attachment.Device)}\`].Ebs.VolumeId | [0]`;
				return this.capture('VOLUME', token, ['aws', 'ec2', 'describe-instances', '--region', r, '--instance-ids', {raw: shVar(owner)}, '--query', query, '--output', 'text']);
			}

			if (state.snapshots.get(token)) return this.needImageSnapshot(world, region, token);
			const group = state.securityGroups.get(token);
			if (group?.GroupName === 'default') {
				const vpc = this.needDefaultVpc(region, state.defaultVpcId);
				return this.capture('SG', token, ['aws', 'ec2', 'describe-security-groups', '--region', r, '--filters', 'Name=group-name,Values=default', concat('Name=vpc-id,Values=', {variable: vpc}), '--query', 'SecurityGroups[0].GroupId', '--output', 'text']);
			}

			if (token === state.defaultVpcId) return this.needDefaultVpc(region, token);
			const az = Object.entries(state.subnets).find(([, subnet]) => subnet === token)?.[0];
			if (az) {
				const zone = az.startsWith(region) ? concat(`Name=availability-zone,Values=`, this.regionPiece(region), az.slice(region.length)) : `Name=availability-zone,Values=${az}`;
				return this.capture('SUBNET', token, ['aws', 'ec2', 'describe-subnets', '--region', r, '--filters', 'Name=default-for-az,Values=true', zone, '--query', 'Subnets[0].SubnetId', '--output', 'text']);
			}

			for (const candidate of state.instances.values()) {
				const field = candidate.PublicIpAddress === token ? 'PublicIpAddress' : publicDns(candidate.PublicIpAddress, region) === token ? 'PublicDnsName' : undefined;
				if (!field) continue;
				const owner = this.need(candidate.InstanceId, world);
				if (!owner) return undefined;
				this.emit(command('aws', 'ec2', 'wait', 'instance-running', '--region', r, '--instance-ids', {raw: shVar(owner)}));
				return this.capture(field === 'PublicIpAddress' ? 'IP' : 'DNS', token, ['aws', 'ec2', 'describe-instances', '--region', r, '--instance-ids', {raw: shVar(owner)}, '--query', `Reservations[0].Instances[0].${field}`, '--output', 'text']);
			}
		}

		return undefined;
	}

	private needDefaultVpc(region: string, token: string): string {
		const known = this.vars.get(token);
		if (known) return known;
		return this.capture('VPC', token, ['aws', 'ec2', 'describe-vpcs', '--region', this.regionWord(region), '--filters', 'Name=is-default,Values=true', '--query', 'Vpcs[0].VpcId', '--output', 'text']);
	}

	/** An image of Amazon's (or another publisher's): the newest of its family on AWS. */
	private needPublicImage(region: string, image: Image): string | undefined {
		const known = this.vars.get(image.ImageId);
		if (known) return known;
		// a variable of the learner's holds it (AMI=$(aws ssm get-parameter …)): the script has it too
		const held = Object.entries(this.shellVars).find(([, value]) => value === image.ImageId)?.[0];
		if (held) {
			const name = this.newVar('IMAGE');
			this.emit(`${name}=${shVar(held)}`);
			this.vars.set(image.ImageId, name);
			return name;
		}

		const family = familyPattern(image.Name);
		if (!image.ImageOwnerAlias || image.ImageOwnerAlias === 'aws-marketplace' || family === undefined) {
			const name = this.newVar('IMAGE');
			this.needs.push({variable: name, why: `a real AMI ID in place of the sandbox-only image ${visible(image.Name)} (${image.ImageId})`});
			this.vars.set(image.ImageId, name);
			this.notes.push(`${image.ImageId} (${visible(image.Name)}) is a sandbox-only image: session.sh asks for a real AMI ID in ${name} instead.`);
			return name;
		}

		this.emit(...comment(`The newest image named like ${image.Name} (the sandbox's copy of it has another ID and date)`));
		return this.capture('IMAGE', image.ImageId, ['aws', 'ec2', 'describe-images', '--region', this.regionWord(region), '--owners', image.OwnerId, '--filters', `Name=name,Values=${family}`, '--query', 'sort_by(Images, &CreationDate)[-1].ImageId', '--output', 'text']);
	}

	/** A snapshot behind one of the session's images, found through the image's block device mapping. */
	private needImageSnapshot(world: World, region: string, snapshotId: string): string | undefined {
		for (const image of world.regions[region]?.images.values() ?? []) {
			const mapping = image.BlockDeviceMappings.find(m => m.Ebs?.SnapshotId === snapshotId);
			if (!mapping || !liveImage(image)) continue;
			const owner = this.vars.get(image.ImageId);
			if (!owner) continue;
			const query = `Images[0].BlockDeviceMappings[?DeviceName==\`${JSON.stringify(mapping.DeviceName)}\`].Ebs.SnapshotId | [0]`;
			const name = this.capture('SNAPSHOT', snapshotId, ['aws', 'ec2', 'describe-images', '--region', this.regionWord(region), '--image-ids', {raw: shVar(owner)}, '--query', query, '--output', 'text']);
			this.record({kind: 'snapshot', region, id: snapshotId}, {raw: shVar(name)});
			return name;
		}

		return undefined;
	}

	// ---- what a line made

	/** Looks up what the line made by this run's tags (or takes the learner's variable), tags what could not be tagged, records it. */
	private captureMade(made: Made[], before: Session, after: Session) {
		const byVar = userVars(after, before);
		const tagLater = (kind: string, region: string, variable: string) => {
			if (!this.untagged.has(kind)) return;
			this.emit(command('aws', 'ec2', 'create-tags', '--region', this.regionWord(region), '--resources', {raw: shVar(variable)}, '--tags', concat(`Key=${RUN_TAG},Value=`, {variable: 'RUN'})));
		};

		const find = (m: Made, prefix: string, lookup: Array<string | {raw: string}>): string | undefined => {
			const mine = byVar.get(m.id);
			if (mine) {
				const name = this.newVar(prefix);
				this.emit(`${name}=${mine}`);
				this.vars.set(m.id, name);
				return name;
			}

			if (this.untagged.has(m.kind)) {
				this.notes.push(`The ${m.kind} ${m.id} that \`${visible(this.currentLine)}\` made could not be found from a script: cleanup.sh will not see it.`);
				return undefined;
			}

			return this.capture(prefix, m.id, lookup);
		};

		const step = this.step;
		for (const m of made) {
			const r = this.regionWord(m.region);
			if (m.kind === 'key-pair') {
				this.record(m, this.text(m.id));
			} else if (m.kind === 'security-group') {
				const name = find(m, 'SG', ['aws', 'ec2', 'describe-security-groups', '--region', r, ...this.tagFilters(step), '--query', 'SecurityGroups[0].GroupId', '--output', 'text']);
				if (name) {
					tagLater(m.kind, m.region, name);
					this.record(m, {raw: shVar(name)});
				}
			} else if (m.kind === 'image') {
				const name = find(m, 'IMAGE', ['aws', 'ec2', 'describe-images', '--region', r, '--owners', 'self', ...this.tagFilters(step), '--query', 'Images[0].ImageId', '--output', 'text']);
				if (name) {
					this.record(m, {raw: shVar(name)});
					tagLater(m.kind, m.region, name);
					// ready before anything uses it, however long a large image or a copy takes
					this.emit(command('wait_image', r, {raw: shVar(name)}));
				}
			}
		}

		this.captureInstances(made, byVar, after, step, tagLater);
		// snapshots and volumes the line made on their own (create-snapshot, create-volume)
		for (const m of made.filter(m => m.kind === 'snapshot' || m.kind === 'volume')) {
			const state = after.world.regions[m.region];
			if (m.kind === 'snapshot' && state.images.values().some(image => image.BlockDeviceMappings.some(b => b.Ebs?.SnapshotId === m.id))) continue; // found through its image
			if (m.kind === 'volume' && state.volumes.get(m.id)?.Attachment) continue; // an instance's: goes with it (and carries the run's tag)
			const r = this.regionWord(m.region);
			const name =
				m.kind === 'snapshot'
					? find(m, 'SNAPSHOT', ['aws', 'ec2', 'describe-snapshots', '--region', r, '--owner-ids', 'self', ...this.tagFilters(step), '--query', 'Snapshots[0].SnapshotId', '--output', 'text'])
					: find(m, 'VOLUME', ['aws', 'ec2', 'describe-volumes', '--region', r, ...this.tagFilters(step), '--query', 'Volumes[0].VolumeId', '--output', 'text']);
			if (name) {
				tagLater(m.kind, m.region, name);
				this.record(m, {raw: shVar(name)});
			}
		}
	}

	private captureInstances(made: Made[], byVar: Map<string, string>, after: Session, step: number, tagLater: (kind: string, region: string, variable: string) => void) {
		const reservations = new Map<string, Made[]>();
		for (const m of made.filter(m => m.kind === 'instance')) {
			const instance = after.world.regions[m.region].instances.get(m.id)!;
			reservations.set(instance.ReservationId, [...(reservations.get(instance.ReservationId) ?? []), m]);
		}

		for (const [reservation, members] of reservations) {
			const region = members[0].region;
			const instances = members.map(m => after.world.regions[region].instances.get(m.id)!).sort((a, b) => a.AmiLaunchIndex - b.AmiLaunchIndex);
			const names = instances.map(() => this.newVar('INSTANCE'));
			const mine = instances.map(i => byVar.get(i.InstanceId));
			if (mine.every(Boolean)) {
				instances.forEach((_, k) => this.emit(`${names[k]}=${mine[k]}`));
			} else if (this.untagged.has('instance')) {
				this.notes.push(`The instances of reservation ${reservation} could not be found from a script; cleanup.sh will not see them.`);
				continue;
			} else {
				const lookup = command('aws', 'ec2', 'describe-instances', '--region', this.regionWord(region), ...this.tagFilters(step), '--query', 'Reservations[].Instances[] | sort_by(@, &AmiLaunchIndex)[].InstanceId', '--output', 'text');
				this.emit(`read -r ${names.join(' ')} <<< "$(${lookup})"`);
			}

			instances.forEach((instance, k) => {
				this.vars.set(instance.InstanceId, names[k]);
				tagLater('instance', region, names[k]);
				this.record({kind: 'instance', region, id: instance.InstanceId}, {raw: shVar(names[k])});
			});
		}
	}

	/** Before a line deregisters one of the session's images: keep its snapshots' IDs (cleanup needs them). */
	private keepSnapshotsOf(before: World, after: World) {
		for (const [region, state] of regionsOf(before)) {
			for (const image of state.images.values()) {
				if (!liveImage(image) || liveImage(after.regions[region]?.images.get(image.ImageId)) || !this.vars.has(image.ImageId)) continue;
				for (const mapping of image.BlockDeviceMappings) {
					const id = mapping.Ebs?.SnapshotId;
					if (id && !this.vars.has(id) && after.regions[region]?.snapshots.get(id)) this.needImageSnapshot(before, region, id);
				}
			}
		}
	}

	// ---- this run's tags on what a typed command creates

	private tagSpec(type: string): {raw: string} {
		return concat(`ResourceType=${type},Tags=[{Key=${RUN_TAG},Value=`, {variable: 'RUN'}, `},{Key=${STEP_TAG},Value=${this.step}}]`);
	}

	/** The words of a typed aws command with this run's tags added to what it creates (merged into the learner's own --tag-specifications). */
	private withTags(cmd: SimpleCommand, words: string[]): string[] {
		const op = awsOperation(cmd);
		const types = op?.service === 'ec2' ? CREATES[op.operation] : undefined;
		if (!types) return words;
		const out = [...words];
		const at = cmd.words.findIndex(w => literalWord(w) === '--tag-specifications');
		if (at === -1) {
			if (cmd.words.some(w => (literalWord(w) ?? '').startsWith('--tag-specifications='))) {
				for (const type of types) this.untagged.add(type);
				return out;
			}

			return [...out, '--tag-specifications', ...types.map(t => this.tagSpec(t).raw)];
		}

		let end = at + 1;
		while (end < cmd.words.length && !(literalWord(cmd.words[end]) ?? '').startsWith('--')) end++;
		const extra: string[] = [];
		for (const type of types) {
			const prefix = `ResourceType=${type},Tags=[`;
			const own = cmd.words.slice(at + 1, end).map((w, k) => ({k: at + 1 + k, text: literalWord(w)}));
			const mergeable = own.find(w => w.text?.startsWith(prefix));
			if (mergeable) {
				const rest = mergeable.text!.slice(prefix.length);
				out[mergeable.k] = concat(`${prefix}{Key=${RUN_TAG},Value=`, {variable: 'RUN'}, `},{Key=${STEP_TAG},Value=${this.step}}${rest.startsWith(']') ? '' : ','}`, ...substitute(rest, this.subs())).raw;
			} else if (own.some(w => w.text === undefined || !/^ResourceType=[\w-]+,/.test(w.text) || w.text.includes(`ResourceType=${type},`))) {
				this.untagged.add(type);
			} else {
				extra.push(this.tagSpec(type).raw);
			}
		}

		out.splice(end, 0, ...extra);
		return out;
	}

	// ---- one typed line

	private currentLine = '';

	/** The typed line, shown before it runs (never run as code). */
	private shown(line: string, session: Session): {raw: string} {
		// variables the learner typed ($IP) are shown with their value; everything else as typed
		const parts: string[] = [];
		let at = 0;
		for (const m of line.matchAll(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g)) {
			const name = m[1] ?? m[2];
			if (!Object.hasOwn(session.vars, name)) continue;
			parts.push(piecesText(substitute(line.slice(at, m.index), this.subs()).map(p => (typeof p === 'string' ? shownText(p) : p)), false), `"\${${name}-}"`);
			at = m.index + m[0].length;
		}

		parts.push(piecesText(substitute(line.slice(at), this.subs()).map(p => (typeof p === 'string' ? shownText(p) : p)), false));
		return {raw: parts.filter(p => p !== '').join('') || "''"};
	}

	private flushRemote() {
		if (this.remoteSteps.length === 0) return;
		this.emit(
			printLines([
				'--------------------------------------------------------------------------',
				'Do these steps by hand: AMI School ran them inside the instance over ssh,',
				'and a script on your computer cannot type them for you.',
				'',
				...this.remoteSteps.map(step => ({raw: `'  '${step.raw}`})),
				'--------------------------------------------------------------------------',
			]),
			'pause',
		);
		this.remoteSteps = [];
	}

	/** Writes one successful local line: shown, then run (with its special cases), then what it made is found and recorded. */
	private writeLine(line: string, before: Session, after: Session) {
		const parsed = parseLine(line);
		if (!parsed.ok) return;
		this.step++;
		this.currentLine = line;
		this.untagged = new Set();
		const beforeKeys = new Set(resourcesOf(before.world).map(keyOf));
		const made = resourcesOf(after.world).filter(m => !beforeKeys.has(keyOf(m)));
		this.names = madeNames(this.start, after.world);
		this.keepSnapshotsOf(before.world, after.world);
		// the sandbox IDs the line names, found on AWS before it runs
		for (const token of line.match(new RegExp(TOKEN_SOURCE, 'g')) ?? []) this.need(token, before.world) ?? this.need(token, after.world);
		const commands = simpleCommands(parsed.list);
		const sshRule = commands.some(c => awsOperation(c)?.operation === 'authorize-security-group-ingress' && /^(?:22|22-22)$/.test(literalWord(optionWord(c, '--port')) ?? '') && literalWord(optionWord(c, '--cidr')) === '0.0.0.0/0');
		const extra: Substitutions['extra'] = sshRule ? [['0.0.0.0/0', [{variable: 'SSH_CIDR'}]]] : undefined;
		const rendered = renderList(parsed.list, {
			substitute: text => substitute(text, this.subs(extra)),
			region: this.regionPiece(before.region),
			aws: (cmd, words) => this.withTags(cmd, words),
		});
		this.emit('', command('step', String(this.step), this.shown(line, before)));
		const only = parsed.list.length === 1 && parsed.list[0].rest.length === 0 && parsed.list[0].first.commands.length === 1 ? commands[0] : undefined;
		const deregister = only && awsOperation(only)?.operation === 'deregister-image' && only.words.some(w => literalWord(w) === '--delete-associated-snapshots') ? only : undefined;
		const imageWord = deregister && optionWord(deregister, '--image-id');
		if (deregister && imageWord) {
			const regionWord = optionWord(deregister, '--region');
			const region = regionWord ? {raw: renderWord(regionWord, {substitute: text => substitute(text, this.subs())})} : this.regionWord(before.region);
			this.emit(command('deregister_image', region, {raw: renderWord(imageWord, {substitute: text => substitute(text, this.subs())})}));
		} else if (sshRule) {
			this.emit(`if [ -n "$SSH_CIDR" ]; then ${rendered}; else echo "(skipped: SSH is not opened, since your address is unknown; see the top of this script)"; fi`);
		} else if (commands.some(c => literalWord(c.words[0]) === 'curl')) {
			// a web server is not up the moment its instance runs: try again a few times
			this.emit(`tries=0; until ${rendered}; do tries=$((tries + 1)); if [ "$tries" -ge "$WEB_TRIES" ]; then echo "(no answer: are the steps printed above done, and the instance running?)"; break; fi; sleep "$POLL"; done`);
		} else {
			this.emit(rendered);
		}

		this.captureMade(made, before, after);
		this.recordKeyFiles(before, after);
	}

	/** Private keys the line wrote (create-key-pair … > key.pem): listed for cleanup.sh to remove. */
	private recordKeyFiles(before: Session, after: Session) {
		for (const [file, content] of Object.entries(after.files)) {
			if (before.files[file] === content || !content.startsWith('-----BEGIN') || file.includes('/')) continue;
			const key = `key-file - ${file}`;
			if (this.recorded.has(key)) continue;
			this.recorded.add(key);
			this.emit(command('record', 'key-file', '-', this.text(file)));
		}
	}

	run(): SessionBody {
		const {input} = this;
		let session = input.newSession(input.region);
		this.start = session.world;
		const tainted = new Set(sandboxOnly(session.world));
		const all = [...input.setup.map(line => ({line, setup: true})), ...input.lines.map(line => ({line, setup: false}))];
		let inSetup = true;
		this.emit(...comment("---- the chapter's starting state (AMI School made it for you)"));
		for (const {line, setup} of all) {
			if (inSetup && !setup) {
				this.flushRemote();
				inSetup = false;
				this.emit('', ...comment('---- your session'));
			}

			const before = session;
			this.shellVars = before.vars;
			let result: LineResult;
			try {
				result = input.runLine(before, line);
			} catch {
				continue;
			}

			if (result.incomplete) continue;
			session = result.session;
			const trimmed = line.trim();
			if (result.exitCode !== 0 || trimmed === '' || trimmed.startsWith('#') || /^\s*clear\s*$/.test(line)) continue;
			const after = session;
			// a line that uses what exists only in the sandbox is left out, and so is what it made
			const argv = (after.history.at(-1)?.runs ?? []).filter(r => r.on === undefined).flatMap(r => r.args);
			const uses = [...tainted].find(id => argv.some(arg => arg.includes(id)));
			const remote = before.remote !== undefined || /^\s*ssh\b/.test(line);
			const parsed = remote ? undefined : parseLine(line);
			const why = leftOut(line) ?? (parsed?.ok ? unsafeReason(parsed.list) : undefined) ?? (uses ? `it uses ${uses}, which exists only in the sandbox` : undefined);
			if (why) {
				this.emit(printLines([`left out: ${shownText(trimmed)}`, `  (${why})`]));
				if (!/^\s*aws\s+(?:--\S+\s+\S+\s+)*configure\b/.test(line)) {
					const beforeKeys = new Set(resourcesOf(before.world).map(keyOf));
					for (const m of resourcesOf(after.world)) if (!beforeKeys.has(keyOf(m))) tainted.add(m.id);
				}

				continue;
			}

			if (remote) {
				this.remoteSteps.push(this.shown(line, before));
				if (after.remote === undefined) this.flushRemote();
				continue;
			}

			this.flushRemote();
			this.writeLine(line, before, after);
		}

		this.flushRemote();
		return {lines: this.body, regions: [...this.regions].sort(), needs: this.needs, notes: this.notes, start: this.start, end: session.world};
	}
}

/** Shown text keeps its line breaks (a multi-line command), other control characters made visible. */
const shownText = (text: string) => text.split('\n').map(line => visible(line)).join('\n');

const TOKEN_SOURCE = String.raw`(?:ami|i|snap|vol|sg|vpc|subnet)-[\da-f]{8,17}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\bec2-[\d-]+\.[\w.-]*amazonaws\.com\b`;

/** The learner's variables after the line that were not so before: value (or word of it) -> `"$NAME"` or a word of it. */
const userVars = (after: Session, before: Session): Map<string, string> => {
	const out = new Map<string, string>();
	for (const [name, value] of Object.entries(after.vars)) {
		if (before.vars[name] === value || !/^[A-Za-z_]\w*$/.test(name)) continue;
		const words = value.split(/\s+/).filter(Boolean);
		if (words.length === 1) out.set(words[0], shVar(name));
		else words.forEach((word, k) => out.set(word, `"$(printf '%s\\n' $${name} | sed -n ${k + 1}p)"`));
	}

	return out;
};

/** An image name's family on AWS: the name with its date or build stamp as a wildcard. */
export const familyPattern = (name: string): string | undefined => {
	// al2023-ami-2023.9.20260825.0-… keeps its major version (2023.*), so the minimal images'
	// al2023-ami-minimal-2023.… do not match too
	const versioned = /(\d+\.)(?:\d+\.)*20\d{6}(?:\.\d+)?/;
	if (versioned.test(name)) return name.replace(versioned, '$1*');
	const stamp = /20\d{6}|20\d{2}\.\d{2}\.\d{2}/;
	return stamp.test(name) ? name.replace(stamp, '*') : undefined;
};

const publicDns = (ip: string | undefined, region: string): string | undefined =>
	ip ? `ec2-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com` : undefined;


