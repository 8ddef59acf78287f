#!/usr/bin/env bash
# lza-folder.sh [ACCOUNTS] [SCPS]: an LZA config folder (Docs/dialects.md) with ACCOUNTS accounts (default 1000) in
# 20 OUs and SCPS service control policy JSON files (default 50), each attached to a few OUs; times the whole
# `orglint lint FOLDER` (best and median of 11 runs, wall clock). The issue-12 budget: under 100 ms for 1,000
# accounts and 50 SCPs. ORGLINT: the binary to time (default: the release build of this checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
orglint=$(realpath "${ORGLINT:-$here/../.build/release/orglint}")
accounts=${1:-1000}
scps=${2:-50}
dir=${BENCH_DATA:-/tmp/orglint-lza-folder}/lza-$accounts-$scps
if [ ! -d "$dir" ]; then
  mkdir -p "$dir/service-control-policies"
  python3 - "$dir" "$accounts" "$scps" <<'PY'
import sys
root, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ous = [f"Workloads/Team{i:02d}" for i in range(20)]
with open(f"{root}/accounts-config.yaml", "w") as f:
    f.write("mandatoryAccounts:\n  - name: Management\n    email: root+management@{{ Domain }}\n"
            "    organizationalUnit: Root\nworkloadAccounts:\n")
    for i in range(n):
        f.write(f"  - name: acct-{i}\n    description: workload account {i}\n    email: root+a{i}@{{{{ Domain }}}}\n"
                f"    organizationalUnit: {ous[i % len(ous)]}\n    warm: false\n")
    f.write("accountIds:\n  - email: root+management@example.com\n    accountId: \"100000000000\"\n")
    for i in range(n):
        f.write(f"  - email: root+a{i}@example.com\n    accountId: \"{200000000000 + i}\"\n")
with open(f"{root}/organization-config.yaml", "w") as f:
    f.write("enable: true\norganizationalUnits:\n  - name: Workloads\n")
    for ou in ous:
        f.write(f"  - name: {ou}\n")
    f.write("serviceControlPolicies:\n")
    for j in range(m):
        f.write(f"  - name: Guard{j:02d}\n    description: guard {j}\n    policy: service-control-policies/guard-{j:02d}.json\n"
                f"    type: customerManaged\n    deploymentTargets:\n      organizationalUnits:\n"
                f"        - {ous[j % len(ous)]}\n        - {ous[(j + 7) % len(ous)]}\n")
for j in range(m):
    with open(f"{root}/service-control-policies/guard-{j:02d}.json", "w") as f:
        f.write('{\n  "Version": "2012-10-17",\n  "Statement": [\n'
                f'    {{ "Sid": "DenyRoot{j}", "Effect": "Deny", "Action": "*", "Resource": "*",\n'
                '      "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:root" },\n'
                '                     "Null": { "aws:AssumedRoot": "true" } } },\n'
                f'    {{ "Sid": "DenyLeave{j}", "Effect": "Deny", "Action": ["organizations:LeaveOrganization"], "Resource": "*" }}\n'
                '  ]\n}\n')
with open(f"{root}/global-config.yaml", "w") as f:
    f.write("homeRegion: eu-west-1\ncentralRootUserManagement:\n  enable: true\n  capabilities:\n"
            "    rootCredentialsManagement: true\n    allowRootSessions: true\n")
with open(f"{root}/replacements-config.yaml", "w") as f:
    f.write("globalReplacements:\n  - key: Domain\n    type: String\n    value: example.com\n")
PY
fi
"$orglint" lint --now 2026-11-25T00:00:00Z "$dir" | tail -2
walls=(); cpus=()
for _ in $(seq 11); do
  read -r wall user sys < <({ /usr/bin/time -f '%e %U %S' "$orglint" lint --now 2026-11-25T00:00:00Z --quiet "$dir" \
    >/dev/null || true; } 2>&1 | tail -1)
  walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
  cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 6p; }
best() { printf '%s\n' "$@" | sort -n | head -1; }
echo "| accounts | SCP files | best wall ms | median wall ms | median CPU ms (user + sys) | load average |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "| $accounts | $scps | $(best "${walls[@]}") | $(median "${walls[@]}") | $(median "${cpus[@]}") | $(cut -d' ' -f1 /proc/loadavg) |"
