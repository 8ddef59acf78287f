#!/usr/bin/env bash
# named-files.sh [COUNT...]: the pre-commit case. A set of COUNT account files (one Organization); times
# `orglint lint FILE...` with every file named against `orglint lint FOLDER` walking the same files. Both must grow
# linearly with COUNT (named files were quadratic: 0.46 / 1.3 / 5.0 / 21 s for 2.5k / 5k / 10k / 20k files).
# ORGLINT: the binary to time (default: the release build of this checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
orglint=$(realpath "${ORGLINT:-$here/../.build/release/orglint}")
data=${BENCH_DATA:-/tmp/orglint-named-files}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2500 5000 10000 20000)
echo "| files | named s | folder s | named / folder |"
echo "|---:|---:|---:|---:|"
for n in "${counts[@]}"; do
  dir=$data/set-$n
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir/org/accounts" "$dir/.git"
    python3 - "$dir/org" "$n" <<'PY'
import sys
root, n = sys.argv[1], int(sys.argv[2])
with open(f"{root}/organization.yaml", "w") as f:
    f.write("apiVersion: orglint/v1\nkind: Organization\nid: o-abcdefghij\nmanagementAccount: \"100000000000\"\n"
            "featureSet: ALL\n")
for i in range(n):
    with open(f"{root}/accounts/a{i:06d}.yaml", "w") as f:
        f.write(f"apiVersion: orglint/v1\nkind: Account\nid: \"{200000000000 + i}\"\nname: acct-{i}\n"
                f"email: a{i}@example.com\nroot:\n  password: false\n  accessKeys: []\n  mfaDevices: []\n")
PY
  fi
  cd "$dir"
  named=$( { /usr/bin/time -f '%e' "$orglint" lint --now 2026-11-25T00:00:00Z --quiet -- org/accounts/*.yaml \
    >/dev/null || true; } 2>&1 | tail -1)
  folder=$( { /usr/bin/time -f '%e' "$orglint" lint --now 2026-11-25T00:00:00Z --quiet org >/dev/null || true; } 2>&1 |
    tail -1)
  awk -v n="$n" -v a="$named" -v b="$folder" 'BEGIN { printf "| %d | %.2f | %.2f | %.1f |\n", n, a, b, (b > 0 ? a / b : 0) }'
done
