#!/usr/bin/env bash
# End-to-end export for AWSImportTests: moto_server stands in for AWS, scripts/export-aws.sh exports it.
#
# usage: moto-export.sh OUT_DIR
# 1. starts `python3 -m moto.server` on a free port of 127.0.0.1 (stopped on exit, whatever happens);
# 2. builds an organization with boto3: OUs Security, Workloads/Prod, accounts security/prod/sandbox/mfa,
#    an SCP denying the root user attached to Root, a security alternate contact, an organization trail whose bucket
#    holds two log files of this month;
# 3. runs scripts/export-aws.sh OUT_DIR against it (with an `aws` shim for `sts assume-root`, see below), and checks
#    that each member's audit session ran and that the trail file with an AssumeRoot record (only that one) was kept;
# 4. adds what moto cannot produce (centralized root access, AssumeRoot audit sessions, the credential report's root
#    row, trusted access and delegated administration for IAM, AssumeRoot CloudTrail events) from export-full's hand-written files, with
#    the account ids moto chose. Prints "management prod sandbox mfa security" account ids on its last line.
set -euo pipefail
out=${1:?usage: moto-export.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
full=$here/export-full

python3 -c 'import moto.server, flask' 2>/dev/null || {
  echo "moto server is missing: python3 -m pip install 'moto[server]' awscli" >&2; exit 3; }
command -v aws >/dev/null || { echo "awscli is missing: python3 -m pip install awscli" >&2; exit 3; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
server=$!
# SIGTERM may be blocked in a mask inherited from the caller (a test runner): fall back to SIGKILL.
cleanup() {
  kill "$server" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

export AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_SESSION_TOKEN=testing AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_MAX_ATTEMPTS=1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('$AWS_ENDPOINT_URL/moto-api/')" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done

# The organization, built in one boto3 process (much faster than one CLI process per call).
read -r management security prod sandbox mfa < <(python3 - <<'PY'
import boto3
org = boto3.client("organizations")
org.create_organization(FeatureSet="ALL")
root = org.list_roots()["Roots"][0]["Id"]
ou = lambda parent, name: org.create_organizational_unit(ParentId=parent, Name=name)["OrganizationalUnit"]["Id"]
sec, wl = ou(root, "Security"), ou(root, "Workloads")
prod_ou = ou(wl, "Prod")
ids = {}
for name in ["security", "prod", "sandbox", "mfa"]:
    status = org.create_account(Email=f"aws+{name}@example.com", AccountName=name)["CreateAccountStatus"]
    ids[name] = status["AccountId"]
for name, target in [("security", sec), ("prod", prod_ou), ("mfa", prod_ou)]:
    org.move_account(AccountId=ids[name], SourceParentId=root, DestinationParentId=target)
content = ('{"Version":"2012-10-17","Statement":[{"Sid":"DenyRoot","Effect":"Deny","Action":"*","Resource":"*",'
           '"Condition":{"ArnLike":{"aws:PrincipalArn":"arn:*:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}}}]}')
policy = org.create_policy(Type="SERVICE_CONTROL_POLICY", Name="deny-root-user", Content=content,
                           Description="Deny the root user except in AssumeRoot sessions")
org.attach_policy(PolicyId=policy["Policy"]["PolicySummary"]["Id"], TargetId=root)
boto3.client("account").put_alternate_contact(
    AccountId=ids["prod"], AlternateContactType="SECURITY", EmailAddress="sec@example.com", Name="Sec Team",
    PhoneNumber="+1 555 0100", Title="CISO")
management = org.describe_organization()["Organization"]["MasterAccountId"]
# An organization trail with two log files of this month: one holds an AssumeRoot record (the script keeps it), one
# does not (the script drops it).
import datetime, gzip, json
org_id = org.describe_organization()["Organization"]["Id"]
boto3.client("s3").create_bucket(Bucket="org-trail")
boto3.client("cloudtrail").create_trail(Name="org", S3BucketName="org-trail", S3KeyPrefix="logs",
                                        IsOrganizationTrail=True, IsMultiRegionTrail=True)
now = datetime.datetime.now(datetime.timezone.utc)
for name, event in [("moto", "AssumeRoot"), ("other", "ConsoleLogin")]:
    record = {"eventTime": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "eventName": event, "eventID": name}
    key = (f"logs/AWSLogs/{org_id}/{management}/CloudTrail/eu-west-1/{now:%Y/%m/%d}/"
           f"{management}_CloudTrail_eu-west-1_{name}.json.gz")
    boto3.client("s3").put_object(Bucket="org-trail", Key=key,
                                  Body=gzip.compress(json.dumps({"Records": [record]}).encode()))
print(management, ids["security"], ids["prod"], ids["sandbox"], ids["mfa"])
PY
)
declare -A id=([security]=$security [prod]=$prod [sandbox]=$sandbox [mfa]=$mfa)

# moto has no `sts assume-root`: an `aws` shim stands in with `sts assume-role` into the target account, whose
# credentials moto maps to that account, so the script's audit session and its IAM calls really run (moto answers
# them for an IAM user, not the root user: NoSuchEntity, and a real GetAccountSummary).
real_aws=$(command -v aws)
shim=$(mktemp -d)
cat >"$shim/aws" <<SHIM
#!/usr/bin/env bash
if [ "\$1 \$2" = "sts assume-root" ]; then
  shift 2; target=; extra=()
  while [ \$# -gt 0 ]; do
    case "\$1" in
      --target-principal) target=\$2; shift 2 ;;
      --task-policy-arn|--duration-seconds) shift 2 ;;
      *) extra+=("\$1"); shift ;;
    esac
  done
  exec "$real_aws" sts assume-role --role-arn "arn:aws:iam::\$target:role/OrganizationAccountAccessRole" \\
    --role-session-name orglint-audit "\${extra[@]}"
fi
exec "$real_aws" "\$@"
SHIM
chmod +x "$shim/aws"
# One day of CloudTrail: the trail's files are this month's, and fewer months mean fewer `aws s3 cp` start-ups.
PATH="$shim:$PATH" ORGLINT_EVENTS_DAYS=1 bash "$repo/scripts/export-aws.sh" "$out" 2>"$out.stderr" || { cat "$out.stderr" >&2; exit 1; }
rm -rf "$out.stderr" "$shim"
for account in "${id[@]}"; do
  grep -q NoSuchEntity "$out/accounts/$account/get-login-profile.error.json" \
    && grep -q AccountMFAEnabled "$out/accounts/$account/get-account-summary.json" \
    || { echo "moto-export: the audit session of $account did not run" >&2; exit 1; }
  # Moto's answers are about an IAM user; the root user's come from export-full below (moto answers GetUser for a
  # role session with an error, and has no GetContactInformation).
  rm -f "$out/accounts/$account"/get-login-profile* "$out/accounts/$account"/list-* "$out/accounts/$account"/get-a* \
    "$out/accounts/$account"/get-user* "$out/accounts/$account"/audit-started-at.txt
done
for account in "$management" "${id[@]}"; do
  rm -f "$out/accounts/$account"/contact-information*
done

# The organization trail's files: only the one with an AssumeRoot record is kept; export-full's replace it below.
trail_file=$out/cloudtrail/${management}_CloudTrail_eu-west-1_moto.json
[ -f "$trail_file" ] && [ ! -e "$out/cloudtrail/${management}_CloudTrail_eu-west-1_other.json" ] \
  && [ ! -e "$out/cloudtrail/trail-files.error.json" ] \
  || { echo "moto-export: the organization trail's files were not copied as expected" >&2; exit 1; }
rm -f "$trail_file"

# What moto cannot produce, with moto's ids in place of export-full's.
ids="s/111111111111/$management/g; s/222222222222/${id[security]}/g; s/333333333333/${id[prod]}/g"
ids="$ids; s/444444444444/${id[sandbox]}/g; s/555555555555/${id[mfa]}/g"
org_id=$(sed -n 's/^ *"Id": "\(o-[^"]*\)".*/\1/p' "$out/organizations/describe-organization.json")
rm -f "$out"/iam/*.error.json "$out"/organizations/*.error.json "$out"/organizations/policies/*.error.json
rm -f "$out"/cloudtrail/*.error.json
sed "s/o-m12snuuy2s/$org_id/" "$full/iam/list-organizations-features.json" >"$out/iam/list-organizations-features.json"
rm -f "$out"/organizations/policies/list-resource-control-policies.json
for f in iam/credential-report.csv iam/list-virtual-mfa-devices.json organizations/list-delegated-administrators.json \
  organizations/list-aws-service-access-for-organization.json \
  organizations/policies/list-resource-control-policies.json organizations/policies/p-rcp0example.json \
  organizations/policies/p-rcp0example.targets.json; do
  sed "$ids; s/o-m12snuuy2s/$org_id/g" "$full/$f" >"$out/$f"
done
# Pin the export time to export-full's, so that which sessions are still open does not depend on the clock.
cp "$full/exported-at.txt" "$out/exported-at.txt"
for f in "$full"/cloudtrail/*.json; do sed "$ids" "$f" >"$out/cloudtrail/$(basename "$f" | sed "$ids")"; done
for pair in prod:333333333333 sandbox:444444444444 mfa:555555555555; do
  for f in "$full/accounts/${pair#*:}"/get-* "$full/accounts/${pair#*:}"/list-* \
    "$full/accounts/${pair#*:}"/audit-started-at.txt "$full/accounts/${pair#*:}"/contact-information.json; do
    [ -f "$f" ] || continue
    sed "$ids" "$f" >"$out/accounts/${id[${pair%%:*}]}/$(basename "$f")"
  done
done
echo "$management ${id[prod]} ${id[sandbox]} ${id[mfa]} ${id[security]}"
