#!/usr/bin/env bash
# nul-file.sh [MB...]: a file of NUL bytes (one "line"), linted: peak RSS and report size. The report is one YAML003
# finding whose echoed source line is cut to 200 columns, so its size does not grow with the file; peak RSS must stay
# within a small multiple of the file (it was 1.15 GB and 314 MB of output for 100 MB).
# ORGLINT: the binary to measure (default: the release build of this checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
orglint=$(realpath "${ORGLINT:-$here/../.build/release/orglint}")
data=${BENCH_DATA:-/tmp/orglint-nul-file}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
mkdir -p "$data"
echo "| file MB | peak RSS MB | report bytes | wall s |"
echo "|---:|---:|---:|---:|"
for mb in "${sizes[@]}"; do
  f=$data/nul-$mb.yaml
  [ -f "$f" ] || head -c $((mb * 1000000)) /dev/zero >"$f"
  out=$( { /usr/bin/time -f 'rss=%M wall=%e' "$orglint" lint --now 2026-11-25T00:00:00Z "$f" >"$data/report"; } 2>&1 ||
    true)
  bytes=$(wc -c <"$data/report")
  rss=$(sed -n 's/.*rss=\([0-9]*\).*/\1/p' <<<"$out")
  wall=$(sed -n 's/.*wall=\([0-9.]*\).*/\1/p' <<<"$out")
  awk -v mb="$mb" -v r="$rss" -v b="$bytes" -v w="$wall" 'BEGIN { printf "| %d | %.0f | %d | %.2f |\n", mb, r / 1024, b, w }'
done
