import type {LineResult, Session} from '../shell/session.js';
import type {Image, RegionState, World} from '../sim/core/types.js';

// A played session turned into two bash scripts for the real AWS CLI: session.sh makes again what
// the learner made (the chapter's starting state first), cleanup.sh removes all of it.
//
// The session is replayed line by line in a fresh sandbox (the model is deterministic, so it
// makes the same resources again), and the world before and after each line tells what the line
// made. The sandbox's IDs mean nothing on AWS: every resource made gets a shell variable, filled
// by the script from the command that made it (or from a describe call that finds it), and every
// ID, IP address or DNS name the learner typed is replaced by the variable that holds it there.
// What was typed inside an instance over ssh cannot run from a script on the learner's machine:
// it is printed as steps to do by hand. session.sh writes each resource it makes to a ledger,
// created-resources.txt, which cleanup.sh reads, Region by Region.

export type ExportInput = {
	/** shown in the scripts' headers, e.g. "Chapter 2: Baking the image" */
	title: string;
	/** the Region the session starts in (AWS_DEFAULT_REGION) */
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

export type ExportedScripts = {session: string; cleanup: string; ledger: string};

type Kind = 'image' | 'instance' | 'snapshot' | 'volume' | 'security-group' | 'key-pair';

type Made = {kind: Kind; region: string; id: string};

const LEDGER = 'created-resources.txt';

// ---- what a world holds

const regionsOf = (world: World): Array<[string, RegionState]> => Object.entries(world.regions);

const liveImage = (image: Image | undefined): boolean => image !== undefined && image.State !== 'deregistered';

/** Every resource a learner can make, by Region: kind and id (key pairs by name). */
const resourcesOf = (world: World): Made[] => {
	const out: Made[] = [];
	for (const [region, state] of regionsOf(world)) {
		for (const image of Object.values(state.images)) if (liveImage(image) && image.OwnerId === world.account) out.push({kind: 'image', region, id: image.ImageId});
		for (const instance of Object.values(state.instances)) out.push({kind: 'instance', region, id: instance.InstanceId});
		for (const snapshot of Object.values(state.snapshots)) if (snapshot.OwnerId === world.account) out.push({kind: 'snapshot', region, id: snapshot.SnapshotId});
		for (const volume of Object.values(state.volumes)) out.push({kind: 'volume', region, id: volume.VolumeId});
		for (const group of Object.values(state.securityGroups)) if (group.GroupName !== 'default') out.push({kind: 'security-group', region, id: group.GroupId});
		for (const pair of Object.values(state.keyPairs)) out.push({kind: 'key-pair', region, id: pair.KeyName});
	}

	return out;
};

const keyOf = (made: Made) => `${made.kind} ${made.region} ${made.id}`;

const findImage = (world: World, id: string): {region: string; image: Image} | undefined => {
	for (const [region, state] of regionsOf(world)) if (state.images[id]) return {region, image: state.images[id]};
	return undefined;
};

// ---- shell quoting

const shellQuote = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'"'"'`)}'`);

/** A JMESPath string literal inside a double-quoted shell word. */
const jmesQuote = (value: string): string => `'${value.replaceAll("'", "\\'")}'`;

/**
 * Replaces each literal token of `line` that `lookup` knows by its variable, keeping the shell's
 * quoting: inside single quotes the variable is spliced in between closing and opening quotes.
 */
const TOKEN = /(?:ami|i|snap|vol|sg|vpc|subnet)-[\da-f]{8,17}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\bec2-[\d-]+\.[\w.-]*amazonaws\.com\b/g;

export const replaceTokens = (line: string, lookup: (token: string) => string | undefined): string => {
	let out = '';
	let quote: '' | "'" | '"' = '';
	let i = 0;
	while (i < line.length) {
		TOKEN.lastIndex = i;
		const match = TOKEN.exec(line);
		const next = match ? match.index : line.length;
		// copy up to the next token, tracking the quoting
		for (; i < next; i++) {
			const c = line[i];
			out += c;
			if (quote === '' && c === '\\') {
				out += line[i + 1] ?? '';
				i++;
			} else if (quote === '' && (c === "'" || c === '"')) {
				quote = c;
			} else if (quote === c) {
				quote = '';
			} else if (quote === '"' && c === '\\') {
				out += line[i + 1] ?? '';
				i++;
			}
		}

		if (!match) break;
		const name = lookup(match[0]);
		if (name === undefined) out += match[0];
		else out += quote === "'" ? `'"\${${name}}"'` : `\${${name}}`;
		i = match.index + match[0].length;
	}

	return out;
};

// ---- the exporter

class Exporter {
	private readonly body: string[] = [];
	/** sandbox token (id, IP, DNS name) -> script variable */
	private readonly vars = new Map<string, string>();
	private readonly counters = new Map<string, number>();
	private readonly recorded = new Set<string>();
	private remoteSteps: string[] = [];
	readonly notes: string[] = [];

	constructor(private readonly input: ExportInput) {}

	private newVar(prefix: string): string {
		const n = (this.counters.get(prefix) ?? 0) + 1;
		this.counters.set(prefix, n);
		return `${prefix}_${n}`;
	}

	private emit(...lines: string[]) {
		this.body.push(...lines);
	}

	private record(made: Made, variable?: string) {
		const key = keyOf(made);
		if (this.recorded.has(key)) return;
		this.recorded.add(key);
		this.emit(`record ${made.kind} ${made.region} ${variable ? `"$${variable}"` : shellQuote(made.id)}`);
	}

	/** `NAME=$(aws … --output text)` in `region`, remembered as holding `token`. */
	private capture(prefix: string, token: string, command: string): string {
		const name = this.newVar(prefix);
		this.emit(`${name}=$(${command})`);
		this.vars.set(token, name);
		return name;
	}

	// -- finding a sandbox resource on AWS, the first time a line needs it

	/** The variable holding `token` on AWS, emitting the lines that find it if need be. */
	private need(token: string, world: World): string | undefined {
		const known = this.vars.get(token);
		if (known) return known;
		for (const [region, state] of regionsOf(world)) {
			const image = state.images[token];
			if (image) return this.needPublicImage(region, image);
			const instance = state.instances[token];
			if (instance) return undefined; // made in the session: captured when made
			const volume = state.volumes[token];
			if (volume?.Attachment) {
				const owner = this.need(volume.Attachment.InstanceId, world);
				if (!owner) return undefined;
				return this.capture('VOLUME', token, `aws ec2 describe-instances --region ${region} --instance-ids "$${owner}" --query "Reservations[0].Instances[0].BlockDeviceMappings[?DeviceName==${jmesQuote(volume.Attachment.Device)}].Ebs.VolumeId | [0]" --output text`);
			}

			const snapshot = state.snapshots[token];
			if (snapshot) return this.needImageSnapshot(world, region, token);
			const group = Object.values(state.securityGroups).find(g => g.GroupId === token);
			if (group) return this.capture('SG', token, `aws ec2 describe-security-groups --region ${region} --filters Name=group-name,Values=${shellQuote(group.GroupName)} Name=vpc-id,Values="$(aws ec2 describe-vpcs --region ${region} --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)" --query 'SecurityGroups[0].GroupId' --output text`);
			if (token === state.defaultVpcId) return this.capture('VPC', token, `aws ec2 describe-vpcs --region ${region} --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text`);
			const az = Object.entries(state.subnets).find(([, subnet]) => subnet === token)?.[0];
			if (az) return this.capture('SUBNET', token, `aws ec2 describe-subnets --region ${region} --filters Name=default-for-az,Values=true Name=availability-zone,Values=${az} --query 'Subnets[0].SubnetId' --output text`);
			for (const candidate of Object.values(state.instances)) {
				const field = candidate.PublicIpAddress === token ? 'PublicIpAddress' : publicDns(candidate.PublicIpAddress, region) === token ? 'PublicDnsName' : undefined;
				if (!field) continue;
				const owner = this.need(candidate.InstanceId, world);
				if (!owner) return undefined;
				this.emit(`aws ec2 wait instance-running --region ${region} --instance-ids "$${owner}"`);
				return this.capture(field === 'PublicIpAddress' ? 'IP' : 'DNS', token, `aws ec2 describe-instances --region ${region} --instance-ids "$${owner}" --query 'Reservations[0].Instances[0].${field}' --output text`);
			}
		}

		return undefined;
	}

	/** An image of Amazon's (or another publisher's): the newest of its family on AWS. */
	private needPublicImage(region: string, image: Image): string | undefined {
		const known = this.vars.get(image.ImageId);
		if (known) return known;
		const family = familyPattern(image.Name);
		if (!image.ImageOwnerAlias || image.ImageOwnerAlias === 'aws-marketplace' || family === undefined) {
			const name = this.newVar('IMAGE');
			this.emit(
				`# ${image.ImageId} ("${image.Name}") exists only in the AMI School sandbox: choose a real AMI ID and set ${name} to it.`,
				`${name}=\${${name}:?set ${name} to a real AMI ID first (the sandbox image ${image.Name} is not on AWS)}`,
			);
			this.vars.set(image.ImageId, name);
			this.notes.push(`${image.ImageId} (${image.Name}) is a sandbox-only image: session.sh asks for a real AMI ID instead.`);
			return name;
		}

		this.emit(`# The newest image named like ${image.Name} (the sandbox's copy of it has another ID and date)`);
		return this.capture('IMAGE', image.ImageId, `aws ec2 describe-images --region ${region} --owners ${image.OwnerId} --filters ${shellQuote(`Name=name,Values=${family}`)} --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text`);
	}

	/** A snapshot behind one of the session's images, found through the image's block device mapping. */
	private needImageSnapshot(world: World, region: string, snapshotId: string): string | undefined {
		for (const image of Object.values(world.regions[region]?.images ?? {})) {
			const mapping = image.BlockDeviceMappings.find(m => m.Ebs?.SnapshotId === snapshotId);
			if (!mapping || !liveImage(image)) continue;
			const owner = this.vars.get(image.ImageId);
			if (!owner) continue;
			const name = this.capture('SNAPSHOT', snapshotId, `aws ec2 describe-images --region ${region} --image-ids "$${owner}" --query "Images[0].BlockDeviceMappings[?DeviceName==${jmesQuote(mapping.DeviceName)}].Ebs.SnapshotId | [0]" --output text`);
			this.record({kind: 'snapshot', region, id: snapshotId}, name);
			return name;
		}

		return undefined;
	}

	// -- what a line made

	/** Fills a variable for each resource the line made, and writes it to the ledger. */
	private captureMade(made: Made[], before: Session, after: Session) {
		const byVar = userVars(after, before);
		// instances: by reservation, newest first from their image, unless a variable of the learner's holds them
		const instances = made.filter(m => m.kind === 'instance');
		const reservations = new Map<string, Made[]>();
		for (const m of instances) {
			const instance = after.world.regions[m.region].instances[m.id];
			const list = reservations.get(instance.ReservationId) ?? [];
			list.push(m);
			reservations.set(instance.ReservationId, list);
		}

		for (const m of made) {
			if (m.kind === 'instance' || m.kind === 'snapshot' || m.kind === 'volume') continue;
			const mine = byVar.get(m.id);
			if (m.kind === 'key-pair') {
				this.record(m);
				continue;
			}

			if (mine) {
				const name = this.newVar(m.kind === 'image' ? 'IMAGE' : 'SG');
				this.emit(`${name}=${mine}`);
				this.vars.set(m.id, name);
				this.record(m, name);
				continue;
			}

			if (m.kind === 'image') {
				const image = after.world.regions[m.region].images[m.id];
				const name = this.capture('IMAGE', m.id, `aws ec2 describe-images --region ${m.region} --owners self --filters ${shellQuote(`Name=name,Values=${image.Name}`)} --query 'Images[0].ImageId' --output text`);
				this.record(m, name);
			} else {
				const group = Object.values(after.world.regions[m.region].securityGroups).find(g => g.GroupId === m.id)!;
				const name = this.capture('SG', m.id, `aws ec2 describe-security-groups --region ${m.region} --filters Name=group-name,Values=${shellQuote(group.GroupName)} --query 'SecurityGroups[0].GroupId' --output text`);
				this.record(m, name);
			}
		}

		for (const [reservation, members] of reservations) {
			const region = members[0].region;
			const instances = members.map(m => after.world.regions[region].instances[m.id]).sort((a, b) => a.AmiLaunchIndex - b.AmiLaunchIndex);
			const names = instances.map(() => this.newVar('INSTANCE'));
			const mine = instances.map(i => byVar.get(i.InstanceId));
			if (mine.every(Boolean)) {
				instances.forEach((instance, k) => {
					this.emit(`${names[k]}=${mine[k]}`);
				});
			} else {
				const image = this.need(instances[0].ImageId, after.world);
				if (image) {
					this.emit(
						`# the instances this line launched: the newest launch from that image`,
						`read -r ${names.join(' ')} <<< "$(aws ec2 describe-instances --region ${region} --filters Name=image-id,Values="$${image}" --query 'sort_by(Reservations, &Instances[0].LaunchTime)[-1].Instances | sort_by(@, &AmiLaunchIndex)[].InstanceId' --output text)"`,
					);
				} else {
					this.notes.push(`The instances of reservation ${reservation} could not be found from a script; cleanup.sh will not see them.`);
					continue;
				}
			}

			instances.forEach((instance, k) => {
				this.vars.set(instance.InstanceId, names[k]);
				this.record({kind: 'instance', region, id: instance.InstanceId}, names[k]);
			});
		}

		// snapshots and volumes the line made on their own (create-snapshot): by volume, newest
		for (const m of made.filter(m => m.kind === 'snapshot')) {
			const snapshot = after.world.regions[m.region].snapshots[m.id];
			const fromImage = Object.values(after.world.regions[m.region].images).some(image => image.BlockDeviceMappings.some(b => b.Ebs?.SnapshotId === m.id));
			if (fromImage) continue; // found through its image when needed (and cleaned up with it)
			const mine = byVar.get(m.id);
			if (mine) {
				const name = this.newVar('SNAPSHOT');
				this.emit(`${name}=${mine}`);
				this.vars.set(m.id, name);
				this.record(m, name);
				continue;
			}

			const volume = this.need(snapshot.VolumeId, before.world);
			if (!volume) {
				this.notes.push(`Snapshot ${m.id} could not be found from a script; cleanup.sh will not see it.`);
				continue;
			}

			const name = this.capture('SNAPSHOT', m.id, `aws ec2 describe-snapshots --region ${m.region} --owner-ids self --filters Name=volume-id,Values="$${volume}" --query 'sort_by(Snapshots, &StartTime)[-1].SnapshotId' --output text`);
			this.record(m, name);
		}
	}

	/** Before a line deregisters one of the session's images: keep its snapshots' IDs (cleanup needs them). */
	private keepSnapshotsOf(before: World, after: World) {
		for (const [region, state] of regionsOf(before)) {
			for (const image of Object.values(state.images)) {
				if (!liveImage(image) || liveImage(after.regions[region]?.images[image.ImageId]) || !this.vars.has(image.ImageId)) continue;
				for (const mapping of image.BlockDeviceMappings) {
					const id = mapping.Ebs?.SnapshotId;
					if (id && !this.vars.has(id) && after.regions[region]?.snapshots[id]) this.needImageSnapshot(before, region, id);
				}
			}
		}
	}

	private flushRemote() {
		if (this.remoteSteps.length === 0) return;
		this.emit(
			"cat <<STEPS",
			'--------------------------------------------------------------------------',
			'Do these steps by hand: AMI School ran them inside the instance over ssh,',
			'and a script on your computer cannot type them for you.',
			'',
			...this.remoteSteps.map(step => `  ${step}`),
			'--------------------------------------------------------------------------',
			'STEPS',
			'pause',
		);
		this.remoteSteps = [];
	}

	run(): ExportedScripts {
		const {input} = this;
		let session = input.newSession(input.region);
		const all = [...input.setup.map(line => ({line, setup: true})), ...input.lines.map(line => ({line, setup: false}))];
		let inSetup = true;
		this.emit('# ---- the chapter\'s starting state (AMI School made it for you)');
		for (const {line, setup} of all) {
			if (inSetup && !setup) {
				this.flushRemote();
				inSetup = false;
				this.emit('', '# ---- your session');
			}

			const before = session;
			let result: LineResult;
			try {
				result = input.runLine(before, line);
			} catch {
				continue;
			}

			if (result.incomplete) continue;
			session = result.session;
			if (result.exitCode !== 0 || line.trim() === '' || line.trim().startsWith('#') || /^\s*clear\s*$/.test(line)) continue;
			if (/^\s*aws\s+(?:--\S+\s+\S+\s+)*configure\s+set\b/.test(line)) {
				// the sandbox's settings are its own; on your computer this would change your real AWS CLI setup
				this.emit(`# left out: ${line.trim()}  (it would change your own AWS CLI settings; set them yourself if you want them)`);
				continue;
			}

			const after = session;
			const wasRemote = before.remote !== undefined;
			const translated = () => replaceTokens(line, token => this.need(token, before.world) ?? this.need(token, after.world));
			if (wasRemote) {
				this.remoteSteps.push(escapeHeredoc(line));
				if (after.remote === undefined) this.flushRemote();
				continue;
			}

			if (/^\s*ssh\b/.test(line)) {
				this.remoteSteps.push(translated());
				if (after.remote === undefined) this.flushRemote();
				continue;
			}

			this.flushRemote();
			const beforeKeys = new Set(resourcesOf(before.world).map(keyOf));
			const made = resourcesOf(after.world).filter(m => !beforeKeys.has(keyOf(m)));
			this.keepSnapshotsOf(before.world, after.world);
			const text = translated();
			this.emit(/^\s*curl\b/.test(line) ? `${text} || echo "(no answer: are the steps printed above done, and the instance running?)"` : text);
			this.captureMade(made, before, after);
		}

		this.flushRemote();
		const regions = new Set([input.region, ...[...this.recorded].map(key => key.split(' ')[1])]);
		return {session: sessionScript(input, this.body), cleanup: cleanupScript(input, [...regions].sort()), ledger: LEDGER};
	}
}

/** The learner's variables after the line that were not so before: value (or word of it) -> `"$NAME"` or `"${WORDS[k]}"`-like. */
const userVars = (after: Session, before: Session): Map<string, string> => {
	const out = new Map<string, string>();
	for (const [name, value] of Object.entries(after.vars)) {
		if (before.vars[name] === value) continue;
		const words = value.split(/\s+/).filter(Boolean);
		if (words.length === 1) out.set(words[0], `"$${name}"`);
		else words.forEach((word, k) => out.set(word, `"$(echo $${name} | cut -d' ' -f${k + 1})"`));
	}

	return out;
};

/** An image name's family on AWS: the name with its date or build stamp as a wildcard. */
export const familyPattern = (name: string): string | undefined => {
	const stamp = /\d+(?:\.\d+)*\.20\d{6}(?:\.\d+)?|20\d{6}|20\d{2}\.\d{2}\.\d{2}/;
	return stamp.test(name) ? name.replace(stamp, '*') : undefined;
};

const publicDns = (ip: string | undefined, region: string): string | undefined =>
	ip ? `ec2-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com` : undefined;

const escapeHeredoc = (line: string): string => line.replace(/[\\$`]/g, c => `\\${c}`);

const WARNING = [
	'# WARNING: this script runs against REAL AWS, in the account your AWS CLI is configured for.',
	'# What it makes (instances, images, snapshots, volumes...) COSTS REAL MONEY until it is',
	'# removed. Read it before you run it, and run cleanup.sh when you are done.',
];

const sessionScript = (input: ExportInput, body: string[]): string =>
	[
		'#!/usr/bin/env bash',
		`# AMI School: ${input.title}, exported as a script for the real AWS CLI (v2).`,
		...WARNING,
		'#',
		'# Each sandbox ID is replaced by a variable that this script fills on AWS. Everything it makes',
		`# is written to ${LEDGER}, which cleanup.sh reads.`,
		'set -euo pipefail',
		'cd "$(dirname "$0")"',
		`record() { printf '%s %s %s\\n' "$1" "$2" "$3" >> ${LEDGER}; }`,
		'pause() { if [ -t 0 ]; then read -r -p "Press Enter when you have done this... " _; fi; }',
		'if [ -t 0 ] && [ "${AMI_SCHOOL_YES:-}" != 1 ]; then',
		'  read -r -p "This creates real AWS resources that cost money. Type yes to go on: " answer',
		'  [ "$answer" = yes ] || { echo "Nothing was done."; exit 1; }',
		'fi',
		`export AWS_DEFAULT_REGION=${input.region}`,
		'',
		...body,
		'',
		'echo "Done. What this made is listed in ' + LEDGER + ': run ./cleanup.sh to remove it."',
		'',
	].join('\n');

const cleanupScript = (input: ExportInput, regions: string[]): string =>
	[
		'#!/usr/bin/env bash',
		`# AMI School: ${input.title}: removes what session.sh made (listed in ${LEDGER}),`,
		`# in every Region it used (${regions.join(', ')}): instances, images and their snapshots,`,
		'# snapshots, volumes, security groups and key pairs.',
		...WARNING,
		'set -uo pipefail',
		'cd "$(dirname "$0")"',
		`LEDGER=${LEDGER}`,
		'[ -f "$LEDGER" ] || { echo "cleanup.sh: there is no $LEDGER here, so session.sh made nothing to remove." >&2; exit 1; }',
		'failed=0',
		'try() { "$@" || { failed=1; echo "  could not: $*" >&2; }; }',
		'csv() { echo $* | tr " " ,; }',
		"ids() { awk -v k=\"$1\" -v r=\"$2\" '$1 == k && $2 == r { print $3 }' \"$LEDGER\" | sort -u; }",
		'for region in $(awk \'{ print $2 }\' "$LEDGER" | sort -u); do',
		'  echo "== $region"',
		'  r=(--region "$region" --output text)',
		'  instances=$(ids instance "$region")',
		'  volumes=""',
		'  if [ -n "$instances" ]; then',
		"    live=$(aws ec2 describe-instances \"${r[@]}\" --filters Name=instance-id,Values=\"$(csv $instances)\" Name=instance-state-name,Values=pending,running,stopping,stopped --query 'Reservations[].Instances[].InstanceId')",
		"    volumes=$(aws ec2 describe-volumes \"${r[@]}\" --filters Name=attachment.instance-id,Values=\"$(csv $instances)\" --query 'Volumes[].VolumeId')",
		'    if [ -n "$live" ]; then',
		"      try aws ec2 terminate-instances \"${r[@]}\" --instance-ids $live --query 'TerminatingInstances[].[InstanceId,CurrentState.Name]'",
		'      try aws ec2 wait instance-terminated --region "$region" --instance-ids $live',
		'    fi',
		'  fi',
		'  snapshots=$(ids snapshot "$region")',
		'  images=$(ids image "$region")',
		'  if [ -n "$images" ]; then',
		"    for id in $(aws ec2 describe-images \"${r[@]}\" --owners self --filters Name=image-id,Values=\"$(csv $images)\" --query 'Images[].ImageId'); do",
		"      snapshots=\"$snapshots $(aws ec2 describe-images \"${r[@]}\" --image-ids \"$id\" --query 'Images[0].BlockDeviceMappings[].Ebs.SnapshotId')\"",
		'      try aws ec2 deregister-image "${r[@]}" --image-id "$id" --query Return',
		'    done',
		'  fi',
		'  if [ -n "$(csv $snapshots)" ]; then',
		"    for id in $(aws ec2 describe-snapshots \"${r[@]}\" --owner-ids self --filters Name=snapshot-id,Values=\"$(csv $snapshots)\" --query 'Snapshots[].SnapshotId'); do try aws ec2 delete-snapshot \"${r[@]}\" --snapshot-id \"$id\"; echo \"deleted $id\"; done",
		'  fi',
		'  volumes="$volumes $(ids volume "$region")"',
		'  if [ -n "$(csv $volumes)" ]; then',
		"    for id in $(aws ec2 describe-volumes \"${r[@]}\" --filters Name=volume-id,Values=\"$(csv $volumes)\" --query 'Volumes[].VolumeId'); do try aws ec2 delete-volume \"${r[@]}\" --volume-id \"$id\"; echo \"deleted $id\"; done",
		'  fi',
		'  groups=$(ids security-group "$region")',
		'  if [ -n "$groups" ]; then',
		"    for id in $(aws ec2 describe-security-groups \"${r[@]}\" --filters Name=group-id,Values=\"$(csv $groups)\" --query 'SecurityGroups[].GroupId'); do try aws ec2 delete-security-group \"${r[@]}\" --group-id \"$id\" --query GroupId; done",
		'  fi',
		'  keys=$(ids key-pair "$region")',
		'  if [ -n "$keys" ]; then',
		"    for name in $(aws ec2 describe-key-pairs \"${r[@]}\" --filters Name=key-name,Values=\"$(csv $keys)\" --query 'KeyPairs[].KeyName'); do try aws ec2 delete-key-pair \"${r[@]}\" --key-name \"$name\" --query KeyPairId; done",
		'  fi',
		'done',
		'if [ "$failed" = 0 ]; then',
		'  rm -f "$LEDGER"',
		'  echo "Everything session.sh made is gone."',
		'else',
		'  echo "Some things could not be removed (see above); $LEDGER is kept, so you can run this again." >&2',
		'  exit 1',
		'fi',
		'',
	].join('\n');

/** session.sh and cleanup.sh for a played session (pure: the session is replayed in a fresh sandbox). */
export const exportSession = (input: ExportInput): ExportedScripts & {notes: string[]} => {
	const exporter = new Exporter(input);
	const scripts = exporter.run();
	return {...scripts, notes: exporter.notes};
};
