#!/usr/bin/env bash
# Export the observed state of an AWS organization for `orglint import aws` (layout and IAM policy: Docs/import.md).
#
# usage: scripts/export-aws.sh OUT_DIR
# Run it with read-only credentials of the management account (or the IAM delegated administrator for the iam/ part).
# Needs bash and the AWS CLI (v1 or v2); nothing else. Every command is read-only except
# `iam generate-credential-report` (it refreshes the report) and `sts assume-root` with the IAMAuditRootUserCredentials
# task policy, which opens a 15-minute read-only audit session per member account.
# Environment: AWS_REGION / AWS_DEFAULT_REGION (AssumeRoot needs a Regional STS endpoint), AWS_ENDPOINT_URL (tests),
# ORGLINT_EVENTS_DAYS (days of CloudTrail to read, default 90), ORGLINT_SKIP_AUDIT=1 (no AssumeRoot sessions),
# ORGLINT_SKIP_TRAIL=1 (do not copy the organization trail's log files; lookup-events only).
# A command that fails leaves its error text in a `.error.json` twin and the export goes on: the importer turns
# each failure into an `unknown:` reason instead of a guess.
set -euo pipefail

out=${1:?usage: export-aws.sh OUT_DIR}
export AWS_PAGER="" AWS_DEFAULT_OUTPUT=json
region=${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}
org=$out/organizations
mkdir -p "$org/ous" "$org/parents" "$org/policies" "$out/iam" "$out/accounts" "$out/cloudtrail"

# The ids in a CLI listing: the value of every `"Id": "..."` member (the CLI prints one member per line); none when
# the listing failed.
ids() { [ -f "$1" ] && sed -n 's/^ *"Id": "\([^"]*\)".*/\1/p' "$1"; true; }

# Runs an AWS CLI command writing its JSON to FILE; on failure keeps the CLI's error text in FILE's .error.json twin.
save() {
  local file=$1; shift
  if aws "$@" >"$file.tmp" 2>"$file.err"; then
    mv "$file.tmp" "$file"; rm -f "$file.err"
  else
    rm -f "$file.tmp"; mv "$file.err" "${file%.json}.error.json"
    echo "export-aws: $* failed: $(tr -d '\n' <"${file%.json}.error.json")" >&2
  fi
}

date -u +%Y-%m-%dT%H:%M:%SZ >"$out/exported-at.txt"

# Organization, accounts, trusted access, IAM delegated administrators.
save "$org/describe-organization.json" organizations describe-organization
save "$org/list-roots.json" organizations list-roots
save "$org/list-accounts.json" organizations list-accounts
save "$org/list-aws-service-access-for-organization.json" organizations list-aws-service-access-for-organization
save "$org/list-delegated-administrators.json" organizations list-delegated-administrators \
  --service-principal iam.amazonaws.com

# OUs, breadth first from the roots: one list-organizational-units-for-parent output per parent.
parents=$(ids "$org/list-roots.json")
while [ -n "$parents" ]; do
  next=""
  for parent in $parents; do
    save "$org/ous/$parent.json" organizations list-organizational-units-for-parent --parent-id "$parent"
    [ -f "$org/ous/$parent.json" ] && next="$next $(ids "$org/ous/$parent.json")"
  done
  parents=$next
done

# Service control policies and resource control policies with their documents and targets.
save "$org/policies/list-policies.json" organizations list-policies --filter SERVICE_CONTROL_POLICY
save "$org/policies/list-resource-control-policies.json" organizations list-policies \
  --filter RESOURCE_CONTROL_POLICY
for policy in $(ids "$org/policies/list-policies.json") $(ids "$org/policies/list-resource-control-policies.json"); do
  save "$org/policies/$policy.json" organizations describe-policy --policy-id "$policy"
  save "$org/policies/$policy.targets.json" organizations list-targets-for-policy --policy-id "$policy"
done

# Centralized root access, the management root (credential report) and its virtual MFA devices.
save "$out/iam/list-organizations-features.json" iam list-organizations-features
aws iam generate-credential-report >/dev/null 2>&1 || true
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if aws iam get-credential-report --query Content --output text >"$out/iam/credential-report.b64" \
      2>"$out/iam/credential-report.error.json"; then
    base64 -d <"$out/iam/credential-report.b64" >"$out/iam/credential-report.csv"
    rm -f "$out/iam/credential-report.error.json"
    break
  fi
  grep -q ReportNotPresent "$out/iam/credential-report.error.json" || grep -q ReportInProgress \
    "$out/iam/credential-report.error.json" || break
  sleep 2
done
rm -f "$out/iam/credential-report.b64"
[ -f "$out/iam/credential-report.error.json" ] && echo "export-aws: iam get-credential-report failed:" \
  "$(tr -d '\n' <"$out/iam/credential-report.error.json")" >&2
save "$out/iam/list-virtual-mfa-devices.json" iam list-virtual-mfa-devices --assignment-status Assigned

management=$(sed -n 's/^ *"MasterAccountId": "\([^"]*\)".*/\1/p' "$org/describe-organization.json" 2>/dev/null || true)

# Per account: its parent, alternate contacts and (members only) a root credential audit in an AssumeRoot session.
# Accounts are exported by up to ORGLINT_JOBS (default 4) parallel jobs; the CLI retries throttled calls.
export_account() {
  local account=$1 dir=$out/accounts/$1 type creds key secret token
  mkdir -p "$dir"
  save "$org/parents/$account.json" organizations list-parents --child-id "$account"
  # The management account's own contacts are read without --account-id (the API refuses it for the caller);
  # ${self[@]+...} keeps an empty list from tripping set -u in bash 3.2 (macOS).
  local self=(--account-id "$account")
  [ "$account" = "$management" ] && self=()
  for type in SECURITY OPERATIONS BILLING; do
    save "$dir/alternate-contact-$type.json" account get-alternate-contact --alternate-contact-type "$type" \
      ${self[@]+"${self[@]}"}
  done
  save "$dir/contact-information.json" account get-contact-information ${self[@]+"${self[@]}"}
  [ "$account" = "$management" ] && return 0
  [ "${ORGLINT_SKIP_AUDIT:-}" = 1 ] && return 0
  # When the audit ran (the importer's audit.at), then the session; its failure is the audit's status `failed`.
  date -u +%Y-%m-%dT%H:%M:%SZ >"$dir/audit-started-at.txt"
  if ! creds=$(aws sts assume-root --region "$region" --target-principal "$account" \
      --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials --duration-seconds 900 \
      --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text \
      2>"$dir/assume-root.error.json"); then
    echo "export-aws: no root audit of $account: $(tr -d '\n' <"$dir/assume-root.error.json")" >&2
    return 0
  fi
  rm -f "$dir/assume-root.error.json"
  read -r key secret token <<<"$creds"
  (
    export AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token
    unset AWS_PROFILE
    save "$dir/get-login-profile.json" iam get-login-profile
    save "$dir/get-user.json" iam get-user
    save "$dir/list-access-keys.json" iam list-access-keys
    [ -f "$dir/list-access-keys.json" ] && for key in $(sed -n 's/^ *"AccessKeyId": "\([^"]*\)".*/\1/p' \
      "$dir/list-access-keys.json"); do
      save "$dir/get-access-key-last-used-$key.json" iam get-access-key-last-used --access-key-id "$key"
    done
    save "$dir/list-signing-certificates.json" iam list-signing-certificates
    save "$dir/list-mfa-devices.json" iam list-mfa-devices
    save "$dir/get-account-summary.json" iam get-account-summary
  )
}
for account in $(ids "$org/list-accounts.json"); do
  while [ "$(jobs -rp | wc -l)" -ge "${ORGLINT_JOBS:-4}" ]; do wait -n || true; done
  export_account "$account" &
done
wait

# The privileged-task log: AssumeRoot events of the last ORGLINT_EVENTS_DAYS days. lookup-events is Regional and
# sees only this account's events, so it is a fallback: the complete source is the organization trail's log files
# (every Region; the management account and the IAM delegated administrators, who may also call AssumeRoot).
days=${ORGLINT_EVENTS_DAYS:-90}
days_ago() { date -u -d "-$1 days" "+$2" 2>/dev/null || date -u -v-"$1"d "+$2"; }
start=$(days_ago "$days" %Y-%m-%dT%H:%M:%SZ)
save "$out/cloudtrail/lookup-events-assumeroot.json" cloudtrail lookup-events --region "$region" \
  --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRoot --start-time "$start"

# The organization trail's files of those accounts for the months in the window, kept (gunzipped) when they hold an
# AssumeRoot record. Any failure leaves cloudtrail/trail-files.error.json: the importer then treats the task log as
# possibly incomplete rather than trusting a partial copy.
copy_trail_files() {
  local errors=$out/cloudtrail/trail-files.error.json trail bucket prefix org_id tmp month account base file
  if ! trail=$(aws cloudtrail describe-trails --region "$region" --output text \
      --query 'trailList[?IsOrganizationTrail==`true`] | [0].[S3BucketName, S3KeyPrefix]' 2>"$errors"); then
    return 0
  fi
  read -r bucket prefix <<<"$trail"
  if [ -z "$bucket" ] || [ "$bucket" = None ]; then
    echo "An error occurred (NoOrganizationTrail): describe-trails lists no organization trail" >"$errors"
    return 0
  fi
  [ "$prefix" = None ] && prefix=
  org_id=$(sed -n 's/^ *"Id": "\(o-[^"]*\)".*/\1/p' "$org/describe-organization.json" 2>/dev/null | head -n 1)
  base="s3://$bucket/${prefix:+$prefix/}AWSLogs/$org_id"
  tmp=$(mktemp -d)
  for account in $management $(ids "$org/list-delegated-administrators.json"); do
    for month in $(for d in $(seq 0 "$days"); do days_ago "$d" %Y/%m; done | sort -u); do
      aws s3 cp "$base/$account/CloudTrail/" "$tmp/" --recursive --quiet --exclude '*' \
        --include "*/$month/*" 2>>"$errors" || { rm -rf "$tmp"; return 0; }
    done
  done
  # Without pipes (grep -q would end gunzip with SIGPIPE, a failure under pipefail) and with if, not &&, so that a
  # file without AssumeRoot records is no error under set -e.
  find "$tmp" -name '*.json.gz' >"$tmp/files.txt"
  while read -r file; do
    if ! gunzip -c "$file" >"$tmp/record.json" 2>>"$errors"; then rm -rf "$tmp"; return 0; fi
    if grep -q '"eventName" *: *"AssumeRoot"' "$tmp/record.json"; then
      mv "$tmp/record.json" "$out/cloudtrail/$(basename "${file%.gz}")"
    fi
  done <"$tmp/files.txt"
  rm -rf "$tmp"
  rm -f "$errors"
}
if [ "${ORGLINT_SKIP_TRAIL:-}" != 1 ]; then
  copy_trail_files
  [ -f "$out/cloudtrail/trail-files.error.json" ] && echo "export-aws: organization trail files not copied:" \
    "$(tr -d '\n' <"$out/cloudtrail/trail-files.error.json")" >&2
fi
true
