import {LEDGER, priceCase, PUBLIC_IPV4_HOURLY, RUN_TAG, SNAPSHOT_GB_DAY, VOLUME_GB_DAY} from './ledger.js';
import {scriptStart} from './script-writer.js';

// cleanup.sh: removes what session.sh made, from the ledger and this run's tag, Region by Region
// in dependency order (instances, then images, then their snapshots, volumes, security groups,
// key pairs, and the private key files). It says "deleted" only when AWS said yes, retries a
// security group while its instances are still going away, and ends with what is still there
// and what that costs per day. The ledger is removed only when nothing is left.

const BODY = String.raw`
confirm "This deletes what session.sh made (listed in $LEDGER)."
set +e   # go on past what fails: everything that can be removed is, and the report says what is left
FAILMARK=$(mktemp)
trap 'rm -f -- "$FAILMARK"' EXIT
# a describe call whose failure means the report below cannot be trusted
look() { aws "$@" || { printf '%s\n' "$*" >> "$FAILMARK"; return 1; }; }
image_snapshots=''   # region=snapshot-id words (bash 3 has no associative arrays)
# what the first pass found, kind|region|ids: the check at the end looks at the same things again
seen=''
remember() { seen="$seen $1|$2|$3"; }
remembered() { printf '%s\n' $seen | awk -F '|' -v k="$1" -v r="$2" '$1 == k && $2 == r { print $3 }'; }
snapshots_of() { printf '%s\n' $image_snapshots | awk -F = -v r="$1" '$1 == r { print $2 }'; }
failed=0
removed=0
gone() { removed=$((removed + 1)); printf '  deleted %s %s\n' "$1" "$2"; }
could_not() { failed=1; printf '  could not delete %s %s: %s\n' "$1" "$2" "$3" >&2; }
# the ledger's values of one kind in one Region (one a line)
ledger() { awk -F '\t' -v k="$1" -v r="$2" '$1 == k && $2 == r { print $3 }' "$LEDGER" | sort -u; }
csv() { tr -s ' \t\n' ',' | sed 's/^,//; s/,$//'; }
runs=$(awk -F '\t' '$1 == "run" { print $3 }' "$LEDGER" | sort -u | csv)
regions=$(awk -F '\t' '$1 != "key-file" && $2 != "-" { print $2 }' "$LEDGER" | sort -u)
# ids of one kind: the ledger's and those carrying this script's run tag
tagged() { if [ -n "$runs" ]; then "$@" --filters "Name=tag:${RUN_TAG},Values=$runs" --output text; fi; }
retry() { # tries a delete until AWS stops saying the thing is still in use
  local what=$1 id=$2 region=$3 out try
  shift 3
  for ((try = 1; try <= ${"${"}AMI_SCHOOL_RETRIES:-20}; try++)); do
    if out=$("$@" 2>&1); then gone "$what" "$id"; return 0; fi
    case "$out" in
      *DependencyViolation* | *InvalidSnapshot.InUse* | *IncorrectState* | *VolumeInUse*) sleep "$POLL" ;;
      *NotFound*) return 0 ;;
      *) could_not "$what" "$id" "$out"; return 1 ;;
    esac
  done
  could_not "$what" "$id" "still in use after $try tries: $out"
  return 1
}

for region in $regions; do
  echo "== $region"
  # 1. instances (their root volumes go with them)
  ids=$( { ledger instance "$region"; tagged look ec2 describe-instances --region "$region" --query 'Reservations[].Instances[].InstanceId'; } | csv)
  remember instance "$region" "$ids"
  if [ -n "$ids" ]; then
    live=$(look ec2 describe-instances --region "$region" --filters "Name=instance-id,Values=$ids" Name=instance-state-name,Values=pending,running,stopping,stopped --query 'Reservations[].Instances[].InstanceId' --output text) || { could_not instances "$ids" "describe-instances failed"; live=""; }
    for id in $live; do
      if out=$(aws ec2 terminate-instances --region "$region" --instance-ids "$id" --output text 2>&1); then gone instance "$id"; else could_not instance "$id" "$out"; fi
    done
    if [ -n "$live" ]; then
      # shellcheck disable=SC2086
      aws ec2 wait instance-terminated --region "$region" --instance-ids $live || echo "  (instances still shutting down: the groups below are retried)"
    fi
  fi
  # 2. images, and the snapshots behind them
  ids=$( { ledger image "$region"; tagged look ec2 describe-images --region "$region" --owners self --query 'Images[].ImageId'; } | csv)
  remember image "$region" "$ids"
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-images --region "$region" --owners self --filters "Name=image-id,Values=$ids" --query 'Images[].ImageId' --output text); do
      for snap in $(look ec2 describe-images --region "$region" --image-ids "$id" --query 'Images[0].BlockDeviceMappings[].Ebs.SnapshotId' --output text); do image_snapshots="$image_snapshots $region=$snap"; done
      if out=$(aws ec2 deregister-image --region "$region" --image-id "$id" --output text 2>&1); then gone image "$id"; else could_not image "$id" "$out"; fi
    done
  fi
  # 3. snapshots
  ids=$( { snapshots_of "$region"; ledger snapshot "$region"; tagged look ec2 describe-snapshots --region "$region" --owner-ids self --query 'Snapshots[].SnapshotId'; } | grep '^snap-' | csv || true)
  remember snapshot "$region" "$ids"
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-snapshots --region "$region" --owner-ids self --filters "Name=snapshot-id,Values=$ids" --query 'Snapshots[].SnapshotId' --output text); do
      retry snapshot "$id" "$region" aws ec2 delete-snapshot --region "$region" --snapshot-id "$id" || true
    done
  fi
  # 4. volumes left behind (not deleted with their instance)
  ids=$( { ledger volume "$region"; tagged look ec2 describe-volumes --region "$region" --query 'Volumes[].VolumeId'; } | csv)
  remember volume "$region" "$ids"
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-volumes --region "$region" --filters "Name=volume-id,Values=$ids" --query 'Volumes[].VolumeId' --output text); do
      retry volume "$id" "$region" aws ec2 delete-volume --region "$region" --volume-id "$id" || true
    done
  fi
  # 5. security groups: AWS refuses (DependencyViolation) until their instances are gone
  ids=$( { ledger security-group "$region"; tagged look ec2 describe-security-groups --region "$region" --query 'SecurityGroups[].GroupId'; } | csv)
  remember security-group "$region" "$ids"
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-security-groups --region "$region" --filters "Name=group-id,Values=$ids" --query 'SecurityGroups[].GroupId' --output text); do
      retry security-group "$id" "$region" aws ec2 delete-security-group --region "$region" --group-id "$id" || true
    done
  fi
  # 6. key pairs, by name (a name may hold spaces: one a line)
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    if ! aws ec2 describe-key-pairs --region "$region" --key-names "$name" > /dev/null 2>&1; then continue; fi
    if out=$(aws ec2 delete-key-pair --region "$region" --key-name "$name" 2>&1); then gone key-pair "$name"; else could_not key-pair "$name" "$out"; fi
  done < <(ledger key-pair "$region"; tagged look ec2 describe-key-pairs --region "$region" --query 'KeyPairs[].KeyName' | tr '\t' '\n')
done

# 7. private key files written beside the scripts
while IFS= read -r file; do
  case "$file" in '' | */* | .*) continue ;; esac
  if [ -e "$file" ]; then
    if rm -f -- "$file"; then gone key-file "$file"; else could_not key-file "$file" "rm failed"; fi
  fi
done < <(awk -F '\t' '$1 == "key-file" { print $3 }' "$LEDGER" | sort -u)

# What is still there, checked again on AWS, and what it costs per day
hourly() {
  case "$1" in
__PRICES__
    *) echo 0.1 ;;
  esac
}
left=""
cost=0
add() { left="$left$1"$'\n'; cost=$(awk -v a="$cost" -v b="$2" 'BEGIN { printf "%.4f", a + b }'); }
for region in $regions; do
  ids=$(remembered instance "$region")
  if [ -n "$ids" ]; then
    while read -r id type ip; do
      [ -n "$id" ] || continue
      day=$(awk -v h="$(hourly "$type")" -v ip="$ip" 'BEGIN { printf "%.4f", 24 * (h + (ip != "None" && ip != "" ? __IPV4__ : 0)) }')
      add "  instance $id ($type, $region): \$$day per day" "$day"
    done < <(look ec2 describe-instances --region "$region" --filters "Name=instance-id,Values=$ids" Name=instance-state-name,Values=pending,running,stopping,stopped --query 'Reservations[].Instances[].[InstanceId,InstanceType,PublicIpAddress]' --output text)
  fi
  ids=$(remembered image "$region")
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-images --region "$region" --owners self --filters "Name=image-id,Values=$ids" --query 'Images[].ImageId' --output text); do add "  image $id ($region): its snapshots are billed (below)" 0; done
  fi
  ids=$(remembered snapshot "$region")
  if [ -n "$ids" ]; then
    while read -r id size; do
      [ -n "$id" ] || continue
      day=$(awk -v s="$size" 'BEGIN { printf "%.4f", s * __SNAPSHOT_GB_DAY__ }')
      add "  snapshot $id ($size GiB, $region): \$$day per day" "$day"
    done < <(look ec2 describe-snapshots --region "$region" --owner-ids self --filters "Name=snapshot-id,Values=$ids" --query 'Snapshots[].[SnapshotId,VolumeSize]' --output text)
  fi
  ids=$(remembered volume "$region")
  if [ -n "$ids" ]; then
    while read -r id size; do
      [ -n "$id" ] || continue
      day=$(awk -v s="$size" 'BEGIN { printf "%.4f", s * __VOLUME_GB_DAY__ }')
      add "  volume $id ($size GiB, $region): \$$day per day" "$day"
    done < <(look ec2 describe-volumes --region "$region" --filters "Name=volume-id,Values=$ids" --query 'Volumes[].[VolumeId,Size]' --output text)
  fi
  ids=$(remembered security-group "$region")
  if [ -n "$ids" ]; then
    for id in $(look ec2 describe-security-groups --region "$region" --filters "Name=group-id,Values=$ids" --query 'SecurityGroups[].GroupId' --output text); do add "  security group $id ($region): free, but it clutters the account" 0; done
  fi
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    if aws ec2 describe-key-pairs --region "$region" --key-names "$name" > /dev/null 2>&1; then add "  key pair $name ($region): free" 0; fi
  done < <(ledger key-pair "$region"; tagged look ec2 describe-key-pairs --region "$region" --query 'KeyPairs[].KeyName' | tr '\t' '\n')
done

echo
if [ -s "$FAILMARK" ]; then
  failed=1
  echo "Some describe calls failed, so what is left could not all be checked:" >&2
  sed 's/^/  aws /' "$FAILMARK" >&2
fi
if [ -z "$left" ] && [ "$failed" = 0 ]; then
  rm -f -- "$LEDGER"
  echo "Nothing session.sh made is left ($removed deleted)."
else
  printf 'Still there (%s is kept, so you can run this again):\n%s' "$LEDGER" "$left" >&2
  printf 'Together about $%s per day until removed.\n' "$cost" >&2
  exit 1
fi
`;

/** cleanup.sh for a session that used `regions` and launched `instanceTypes`. */
export const cleanupScript = (title: string, instanceTypes: string[]): string =>
	[
		...scriptStart('cleanup.sh', title, [`Removes what session.sh made (listed in ${LEDGER}, and tagged ${RUN_TAG}=<run id>), in every`, 'Region it used: instances, images and their snapshots, snapshots, volumes, security groups,', 'key pairs and the private key files.']),
		'[ -f "$LEDGER" ] || die "there is no $LEDGER here, so session.sh made nothing to remove"',
		BODY
			.replace('__PRICES__', priceCase(instanceTypes).join('\n'))
			.replace('__IPV4__', String(PUBLIC_IPV4_HOURLY))
			.replace('__SNAPSHOT_GB_DAY__', SNAPSHOT_GB_DAY.toFixed(6))
			.replace('__VOLUME_GB_DAY__', VOLUME_GB_DAY.toFixed(6)),
	].join('\n');
