#!/usr/bin/env bash
# html-report.sh [SIZE...]: the `--format html` report of a generated organization: its size, orglint's time for it
# next to `--format json`, and how soon the page is usable in headless Chromium (the page writes the script's
# performance.now() at the end of its first drawing into <body data-ready-ms>). Release build; RUNS runs each.
# Needs chromium (Debian: apt-get install chromium) and GNU time. Figures: Docs/benchmarks.md, "The html report".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${BENCH:-$here/../../shared/bench}
runs=${RUNS:-3}
data=${BENCH_DATA:-/tmp/orglint-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000)
mkdir -p "$data"
swift build -c release --package-path "$here/.." --product orglint >/dev/null
orglint=$(swift build -c release --package-path "$here/.." --show-bin-path)/orglint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "| accounts | format | report MB | user s | wall s | peak RSS MB | page ready ms |"
echo "|---:|---|---:|---:|---:|---:|---|"
for n in "${sizes[@]}"; do
  f=$data/org-$n-s1.yaml
  [ -f "$f" ] || python3 "$bench/gen_org.py" "$n" --seed 1 --out "$f"
  for format in json html; do
    for _ in $(seq "$runs"); do
      # Exit code 1: the generated organization has findings.
      t=$( { /usr/bin/time -f '%U %e %M' "$orglint" lint "$f" --now 2026-11-25T00:00:00Z --format "$format" \
        --output "$work/report.$format" || [ $? -eq 1 ]; } 2>&1 | tail -1)
      ready=-
      if [ "$format" = html ]; then
        ready=$(chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
          --window-size=1280,900 --dump-dom "file://$work/report.html" 2>/dev/null |
          grep -o 'data-ready-ms="[0-9]*"' | tr -dc 0-9)
      fi
      read -r user wall rss <<<"$t"
      mb=$(awk -v b="$(wc -c <"$work/report.$format")" 'BEGIN { printf "%.1f", b / 1e6 }')
      echo "| $n | $format | $mb | $user | $wall | $((rss / 1024)) | $ready |"
    done
  done
done
