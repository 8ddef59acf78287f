#!/usr/bin/env bash
# Regenerates Docs/images/html-report.png, the screenshot of `--format html` in Docs/output-formats.md: the report of
# Examples/insecure-org at the Examples' pinned clock, in headless Chromium (Debian: apt-get install chromium).
# The link #account-666666666666 selects web-prod, so the side panel lists its findings.
# Usage: scripts/html-report-screenshot.sh [ORGLINT_BINARY]   (default: builds and uses .build/debug/orglint)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 2; }
orglint=${1:-}
if [ -z "$orglint" ]; then
  swift build --product orglint
  orglint=.build/debug/orglint
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Exit code 1: the example has findings.
"$orglint" lint Examples/insecure-org --now 2026-11-25T00:00:00Z --format html --output "$work/report.html" || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile" \
  --force-prefers-reduced-motion --window-size=1280,1560 --screenshot="$work/report.png" "file://$work/report.html#account-666666666666" \
  2>/dev/null
mv "$work/report.png" Docs/images/html-report.png
echo "wrote Docs/images/html-report.png"
