import {costLines, estimate, LEDGER} from './ledger.js';
import {command, comment, printLines, sh} from './quote.js';
import type {SessionBody} from './session-writer.js';

// session.sh around its body: the checks made before anything is created (bash, AWS CLI v2,
// credentials, a Region, a default VPC in every Region it uses, the learner's confirmation), the
// run's id and suffix, the helpers the body calls, and the cost banner.

export const WARNING = [
	'WARNING: this script runs against REAL AWS, in the account your AWS CLI is configured for.',
	'What it makes (instances, images, snapshots, volumes...) COSTS REAL MONEY until it is',
	'removed. Read it before you run it, and run cleanup.sh when you are done.',
];

/** Shared by both scripts: strict mode, no globbing, private files, no pager, options. */
export const scriptStart = (name: string, title: string, what: string[]): string[] => [
	'#!/usr/bin/env bash',
	...comment(`AMI School: ${title}`),
	...what.flatMap(line => comment(line)),
	...WARNING.flatMap(line => comment(line)),
	'#',
	...comment(`Usage: ./${name} [--yes]   (--yes: do not ask; needed when not run from a terminal)`),
	'set -euo pipefail',
	'set -f      # no pathname expansion: a * typed in the game never matches files here',
	'umask 077   # what it writes (the private key, the ledger) is readable by you only',
	'cd "$(dirname "$0")"',
	'export AWS_PAGER=""',
	`LEDGER=${LEDGER}`,
	'POLL=${AMI_SCHOOL_POLL_SECONDS:-15}',
	'YES=0',
	'for arg in "$@"; do',
	'  case "$arg" in',
	'    --yes | -y) YES=1 ;;',
	`    -h | --help) echo ${sh(`usage: ./${name} [--yes]`)}; exit 0 ;;`,
	`    *) printf '%s: unknown option %s (usage: ./%s [--yes])\\n' ${sh(name)} "$arg" ${sh(name)} >&2; exit 2 ;;`,
	'  esac',
	'done',
	`die() { printf '%s: %s\\n' ${sh(name)} "$*" >&2; exit 1; }`,
	/** asks before anything is done; refuses when nobody can answer */
	'confirm() {',
	'  if [ "$YES" = 1 ]; then return 0; fi',
	'  if [ ! -t 0 ]; then die "not run from a terminal: add --yes to go on (nothing was done)"; fi',
	'  local answer',
	'  read -r -p "$1 Type yes to go on: " answer',
	'  [ "$answer" = yes ] || die "nothing was done"',
	'}',
];

const HELPERS = [
	"step() { STEP=$1; printf '\\n[%s] $ %s\\n' \"$1\" \"$2\"; }",
	"record() { printf '%s\\t%s\\t%s\\n' \"$1\" \"$2\" \"$3\" >> \"$LEDGER\"; }",
	'pause() { if [ "$YES" != 1 ] && [ -t 0 ]; then read -r -p "Press Enter when you have done this... " _; fi; }',
	'# An image is ready before anything uses it: image-exists first (a new image can be unknown for',
	"# a moment), then image-available again and again (the CLI's waiter gives up after 10 minutes;",
	'# large images and copies to another Region can take longer).',
	'wait_image() {',
	'  local region=$1 image=$2 round state',
	'  aws ec2 wait image-exists --region "$region" --image-ids "$image"',
	'  for ((round = 1; round <= ${AMI_SCHOOL_IMAGE_WAIT_ROUNDS:-12}; round++)); do',
	'    if aws ec2 wait image-available --region "$region" --image-ids "$image" 2> /dev/null; then return 0; fi',
	"    state=$(aws ec2 describe-images --region \"$region\" --image-ids \"$image\" --query 'Images[0].State' --output text)",
	"    if [ \"$state\" = failed ]; then printf 'image %s failed\\n' \"$image\" >&2; return 1; fi",
	"    printf '(image %s is still %s after %s rounds of 10 minutes: waiting on)\\n' \"$image\" \"$state\" \"$round\"",
	'  done',
	"  printf 'gave up waiting for image %s\\n' \"$image\" >&2",
	'  return 1',
	'}',
	'# deregister-image --delete-associated-snapshots needs an AWS CLI from May 2025 or later; an',
	"# older one refuses the option, and then the image's snapshots are deleted one by one.",
	'deregister_image() {',
	'  local region=$1 image=$2 out snaps s',
	'  if out=$(aws ec2 deregister-image --region "$region" --image-id "$image" --delete-associated-snapshots 2>&1); then',
	"    printf '%s\\n' \"$out\"",
	'    return 0',
	'  fi',
	'  case "$out" in',
	"    *'Unknown options'*) ;;",
	"    *) printf '%s\\n' \"$out\" >&2; return 1 ;;",
	'  esac',
	"  echo \"(this AWS CLI has no --delete-associated-snapshots: deleting the image's snapshots one by one)\"",
	"  snaps=$(aws ec2 describe-images --region \"$region\" --image-ids \"$image\" --query 'Images[0].BlockDeviceMappings[].Ebs.SnapshotId' --output text)",
	'  aws ec2 deregister-image --region "$region" --image-id "$image"',
	'  for s in $snaps; do',
	'    if [ "$s" != None ]; then aws ec2 delete-snapshot --region "$region" --snapshot-id "$s"; fi',
	'  done',
	'}',
];

const regionWord = (region: string, home: string) => (region === home ? '"$REGION"' : sh(region));

/** The Region, from the environment as the AWS CLI reads it, else the CLI's configured default. */
export const REGION_LINES = [
	'REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}',
	'if [ -z "$REGION" ]; then REGION=$(aws configure get region 2> /dev/null || true); fi',
	'[ -n "$REGION" ] || die "no Region: set AWS_REGION (e.g. export AWS_REGION=us-east-1) or run aws configure"',
	'case "$REGION" in *[!a-z0-9-]*) die "AWS_REGION is not a Region name" ;; esac',
];

export const sessionScript = (title: string, home: string, body: SessionBody): string => {
	const text = body.lines.join('\n');
	const cost = costLines(estimate(body.start, body.end));
	const lines = [
		...scriptStart('session.sh', title, [
			'This script makes again, on real AWS, what you made in the game.',
			'Each sandbox ID is replaced by a variable that it fills on AWS. Every name it makes gets this',
			"run's suffix (-<run id>) and everything it makes the tag ami-school-run=<run id>, so classmates",
			`in one account, or two runs of it, never clash. What it makes is listed in ${LEDGER},`,
			'which cleanup.sh reads.',
			'',
			...cost,
		]),
		'WEB_TRIES=${AMI_SCHOOL_WEB_TRIES:-20}',
		...HELPERS,
		'',
		...comment('---- before anything is made'),
		'command -v aws > /dev/null 2>&1 || die "needs the AWS CLI version 2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"',
		'case "$(aws --version 2>&1)" in aws-cli/2.*) ;; *) die "needs the AWS CLI version 2 (aws --version says: $(aws --version 2>&1 | head -n 1))" ;; esac',
		...REGION_LINES,
		'identity=$(aws sts get-caller-identity --region "$REGION" --query Arn --output text 2>&1) || die "no AWS credentials work here: $identity (run aws configure or aws sso login first)"',
		'printf \'Account: %s\\nRegion:  %s (every command below names it with --region)\\n\' "$identity" "$REGION"',
		...body.needs.flatMap(need => [
			`${need.variable}=\${${need.variable}:-}`,
			`[ -n "$${need.variable}" ] || die ${sh(`set ${need.variable} to ${need.why} first, e.g. ${need.variable}=ami-0123456789abcdef0 ./session.sh (nothing was made)`)}`,
		]),
		`regions=(${body.regions.map(r => regionWord(r, home)).join(' ')})`,
		'for region in "${regions[@]}"; do',
		"  vpc=$(aws ec2 describe-vpcs --region \"$region\" --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)",
		'  if [ -z "$vpc" ] || [ "$vpc" = None ]; then die "Region $region has no default VPC, which this script needs (nothing was made). Use another Region (AWS_REGION=...) or create one: aws ec2 create-default-vpc --region $region"; fi',
		'done',
		...(text.includes('SSH_CIDR')
			? [
					'# SSH is opened to your own address only (AMI_SCHOOL_SSH_CIDR=203.0.113.7/32 sets it yourself)',
					'SSH_CIDR=${AMI_SCHOOL_SSH_CIDR:-}',
					'if [ -z "$SSH_CIDR" ]; then',
					"  ip=$(curl -fsS --max-time 5 https://checkip.amazonaws.com 2> /dev/null | tr -d ' \\r\\n' || true)",
					'  if [[ "$ip" =~ ^[0-9]{1,3}(\\.[0-9]{1,3}){3}$ ]]; then SSH_CIDR="$ip/32"; fi',
					'fi',
					'case "$SSH_CIDR" in',
					"  '') echo 'WARNING: your public address is unknown (https://checkip.amazonaws.com did not answer), so SSH (port 22) will NOT be opened. Set AMI_SCHOOL_SSH_CIDR=<your address>/32 and run again to open it.' >&2 ;;",
					'  0.0.0.0/0) echo \'WARNING: AMI_SCHOOL_SSH_CIDR opens SSH to the whole internet.\' >&2 ;;',
					'  *) echo "SSH will be open to your address only: $SSH_CIDR" ;;',
					'esac',
				]
			: []),
		printLines(cost),
		'confirm "This creates real AWS resources that cost money."',
		'',
		"RUN=$(printf '%04x%04x' \"$RANDOM\" \"$RANDOM\")",
		'RUN_SUFFIX="-$RUN"',
		'STEP=0',
		'record run "$REGION" "$RUN"',
		...body.regions.map(r => command('record', 'region', {raw: regionWord(r, home)}, '-')),
		'DONE=0',
		`trap 'if [ "$DONE" != 1 ]; then printf "\\nsession.sh stopped at step %s. What it made so far is listed in %s: run ./cleanup.sh to remove it.\\n" "$STEP" "$LEDGER" >&2; fi' EXIT`,
		'echo "Run $RUN: names get the suffix $RUN_SUFFIX, everything made the tag ami-school-run=$RUN."',
		'',
		...body.lines,
		'',
		'DONE=1',
		`printf '\\nDone (run %s). What it made is listed in %s: run ./cleanup.sh to remove it.\\n' "$RUN" "$LEDGER"`,
		'',
	];
	return lines.join('\n');
};
