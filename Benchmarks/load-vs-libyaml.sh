#!/usr/bin/env bash
# load-vs-libyaml.sh [SIZE...]: orglint's load (read + parse + decode + link) against libyaml_scan, the floor of
# any libyaml-based tool, on the same generated files in the same run. Release build; median of RUNS runs.
# Prints wall seconds, peak RSS and the ratios the loading issue sets: time <= 1.5x libyaml_scan,
# memory <= 3x the file + 30 MB, linear from the smallest size to the largest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${BENCH:-$here/../../shared/bench}
runs=${RUNS:-5}
data=${BENCH_DATA:-/tmp/orglint-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 50000)
mkdir -p "$data"
make -s -C "$bench" libyaml_scan
swift build -c release --package-path "$here" --product LoadBench >/dev/null
loadbench=$(swift build -c release --package-path "$here" --show-bin-path)/LoadBench

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "| accounts | file MB | libyaml_scan s | orglint load s | x scan | peak RSS MB | budget MB (3x+30) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  f=$data/org-$n-s1.yaml
  [ -f "$f" ] || python3 "$bench/gen_org.py" "$n" --seed 1 --out "$f"
  bytes=$(wc -c <"$f")
  scan=() load=() rss=()
  for _ in $(seq "$runs"); do
    scan+=("$( { /usr/bin/time -f '%e' "$bench/libyaml_scan" "$f" >/dev/null; } 2>&1 | tail -1)")
    out=$( { /usr/bin/time -f 'rss=%M wall=%e' "$loadbench" "$f"; } 2>&1)
    load+=("$(sed -n 's/.*wall=\([0-9.]*\).*/\1/p' <<<"$out")")
    rss+=("$(sed -n 's/.*rss=\([0-9]*\).*/\1/p' <<<"$out")")
  done
  s=$(printf '%s\n' "${scan[@]}" | median)
  l=$(printf '%s\n' "${load[@]}" | median)
  r=$(printf '%s\n' "${rss[@]}" | median)
  awk -v n="$n" -v b="$bytes" -v s="$s" -v l="$l" -v r="$r" 'BEGIN {
    printf "| %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |\n", n, b / 1e6, s, l, (s > 0 ? l / s : 0), r / 1024, 3 * b / 1048576 + 30 }'
done
