#!/bin/sh
# Runs two planlint binaries on every example plan and pack example and compares the
# findings and rule results (scripts/compare-findings.py).
# Usage: scripts/compare-builds.sh OLD_BINARY NEW_BINARY [WORK_DIR]
set -eu
old=$1 new=$2 work=${3:-$(mktemp -d)}
mkdir -p "$work/before" "$work/after"
for f in Examples/* Rules/*/examples/*; do
    n=$(echo "$f" | tr / _)
    "$old" lint "$f" --as-of 2026-11-22 --format json > "$work/before/$n.json" 2>/dev/null || true
    "$new" lint "$f" --as-of 2026-11-22 --format json > "$work/after/$n.json" 2>/dev/null || true
done
python3 "$(dirname "$0")/compare-findings.py" "$work/before" "$work/after"
