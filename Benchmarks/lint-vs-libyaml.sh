#!/usr/bin/env bash
# lint-vs-libyaml.sh: the whole table of issue 15 in one command. Every row is orglint (release build) against
# libyaml_scan (libyaml's event parser over every event, no tree, no rules: the floor of any libyaml-based tool) on
# the same generated input, alternated in the same run, median of RUNS runs:
#   - load (read + parse + decode + link, LoadBench) at SMALL and LARGE accounts, one file;
#   - `orglint lint --format F` with all built-in rules, for each F in FORMATS, at SMALL and LARGE accounts, one file;
#   - the same at LARGE accounts split one file per account (`gen_org.py --split`), JSON;
#   - the 50-account set (the pre-commit case), whole process, ms: the static binary when STATIC names one
#     (scripts/build-release.sh), else the release build; median of SMALL_RUNS runs;
#   - linearity: the SMALL → LARGE time and memory ratios of the JSON lint;
#   - CEL: CELBench's TASK001-shaped expression, ns per evaluation.
# Goals (issue 15): lint JSON ≤ 1.5× scan and ≤ 150 MB at 50k, split ≤ 2×, small set ≤ 15 ms, CEL ≤ 1 µs,
# 5k → 50k time ratio ≤ 11 and memory ratio ≤ 10.
# Environment: RUNS (5), SMALL_RUNS (31), SMALL (5000), LARGE (50000), FORMATS ("json sarif text"), BENCH (../shared/bench),
# BENCH_DATA (/tmp/orglint-bench), ORGLINT (a built orglint; default: this checkout's release build), STATIC.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${BENCH:-$here/../../shared/bench}
runs=${RUNS:-5}
small_runs=${SMALL_RUNS:-31}
small=${SMALL:-5000}
large=${LARGE:-50000}
formats=(${FORMATS:-json sarif text})
data=${BENCH_DATA:-/tmp/orglint-bench}
now=2026-11-25T00:00:00Z
mkdir -p "$data"
make -s -C "$bench" libyaml_scan
scan=$bench/libyaml_scan
if [ -z "${ORGLINT:-}" ]; then
  swift build -c release --package-path "$here/.." --product orglint >/dev/null
  ORGLINT=$(swift build -c release --package-path "$here/.." --show-bin-path)/orglint
fi
swift build -c release --package-path "$here" --product LoadBench >/dev/null
swift build -c release --package-path "$here" --product CELBench >/dev/null
bin=$(swift build -c release --package-path "$here" --show-bin-path)

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
file_of() { local f=$data/org-$1-s1.yaml; [ -f "$f" ] || python3 "$bench/gen_org.py" "$1" --seed 1 --out "$f"; echo "$f"; }
split_of() {
  local d=$data/split-$1-s1
  [ -d "$d" ] || python3 "$bench/gen_org.py" "$1" --seed 1 --split "$d"
  echo "$d"
}

# measure NAME INPUT CMD...: alternates libyaml_scan INPUT and CMD RUNS times; sets S (scan s), T (wall s), M (MiB).
measure() {
  local input=$2
  shift 2
  local ss=() ts=() ms=() out
  for _ in $(seq "$runs"); do
    ss+=("$( { /usr/bin/time -f '%e' "$scan" "$input" >/dev/null; } 2>&1 | tail -1)")
    /usr/bin/time -o "$timing" -f 'rss=%M wall=%e' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$timing")
    ts+=("$(sed -n 's/.*wall=\([0-9.]*\).*/\1/p' <<<"$out")")
    ms+=("$(sed -n 's/.*rss=\([0-9]*\).*/\1/p' <<<"$out")")
  done
  S=$(printf '%s\n' "${ss[@]}" | median)
  T=$(printf '%s\n' "${ts[@]}" | median)
  M=$(printf '%s\n' "${ms[@]}" | awk '{ print $1 / 1024 }' | median)
}
row() {  # row WHAT ACCOUNTS LAYOUT GOAL
  awk -v w="$1" -v n="$2" -v l="$3" -v s="$S" -v t="$T" -v m="$M" -v g="$4" 'BEGIN {
    printf "| %s | %d | %s | %.2f | %.2f | %.2f | %.0f | %s |\n", w, n, l, s, t, (s > 0 ? t / s : 0), m, g }'
}

echo "| what | accounts | layout | libyaml_scan s | orglint s | × scan | peak RSS MiB | goal |"
echo "|---|---:|---|---:|---:|---:|---:|---|"
for n in "$small" "$large"; do
  f=$(file_of "$n")
  measure load "$f" "$bin/LoadBench" "$f"
  row load "$n" file ""
done
declare -A lint_t lint_m
for n in "$small" "$large"; do
  f=$(file_of "$n")
  for fmt in "${formats[@]}"; do
    measure lint "$f" "$ORGLINT" lint --format "$fmt" --fail-on never --now "$now" "$f"
    goal=""
    [ "$n" = "$large" ] && [ "$fmt" = json ] && goal="≤ 1.5×, ≤ 150 MB"
    row "lint $fmt" "$n" file "$goal"
    [ "$fmt" = json ] && { lint_t[$n]=$T; lint_m[$n]=$M; }
  done
done
d=$(split_of "$large")
measure lint "$d" "$ORGLINT" lint --format json --fail-on never --now "$now" "$d"
row "lint json" "$large" split "≤ 2×"

# The small set: the whole process, in ms (GNU time's 10 ms resolution is too coarse here).
d=$(split_of 49)
exe=${STATIC:-$ORGLINT}
ns=()
for _ in $(seq "$small_runs"); do
  t0=$(date +%s%N)
  "$exe" lint --format json --fail-on never --now "$now" "$d" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  ns+=($((t1 - t0)))
done
small_ms=$(printf '%s\n' "${ns[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
min_ms=$(printf '%s\n' "${ns[@]}" | sort -n | head -1 | awk '{ printf "%.1f", $1 / 1e6 }')
cel=$("$bin/CELBench" | head -1)

echo
echo "| measure | value | goal |"
echo "|---|---|---|"
echo "| 50-account set, whole process ($( [ -n "${STATIC:-}" ] && echo static || echo release build)), median / min of $small_runs | $small_ms ms / $min_ms ms | ≤ 15 ms |"
awk -v a="${lint_t[$small]}" -v b="${lint_t[$large]}" -v ma="${lint_m[$small]}" -v mb="${lint_m[$large]}" \
  -v s="$small" -v l="$large" 'BEGIN {
  printf "| lint json %d → %d accounts: time ratio | %.1f | ≤ 11 |\n", s, l, (a > 0 ? b / a : 0)
  printf "| lint json %d → %d accounts: memory ratio | %.1f | ≤ 10 |\n", s, l, (ma > 0 ? mb / ma : 0) }'
echo "| CEL (CELBench) | ${cel#CEL } | ≤ 1 µs |"
