#!/usr/bin/env bash
# Runs docs/tutorial.md as written: its `sh` blocks, in order, in an empty folder, with the
# freshly built planlint on PATH; then checks what the tutorial says happened.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$repo/.build/debug/planlint" ] || (cd "$repo" && swift build --product planlint)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
script="$work/tutorial.sh"
{
    echo 'set -euo pipefail'
    awk '/^```sh$/{on=1; next} /^```$/{on=0} on' "$repo/docs/tutorial.md"
} > "$script"
(cd "$work" && PATH="$repo/.build/debug:$PATH" bash "$script") > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; echo "tutorial: a step failed"; exit 1; }
dir="$work/kunnan-suunnitelmat"
failures=0
check() { if "${@:2}"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
check "init wrote the configuration and the pack" test -f "$dir/.planlint.yaml" -a -f "$dir/Rules/kunta/pack.yaml"
# Step 1 tests the scaffold's rule, step 3 the new rule alone, step 5 the plugin's rule: two examples each.
check "the local pack's rule, the new rule and the plugin's rule passed their examples" test "$(grep -c '^kunta 0.1.0: 2 passed, 0 failed (1 rule)$' "$work/out.txt")" -eq 3
check "the plugin ran on the plan and passed it" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[r for p in d["plans"] for r in p["results"] if r["rule"]=="KUNTA-MINUTES"]; assert r and all(x["status"]=="pass" for x in r), r' "$dir/plugin-run.json"
check "the plan was checked with the local rule" grep -q "KUNTA-CONTACT" "$work/out.txt"
check "the waiver marks the finding in the JSON" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=[f for p in d["plans"] for f in p["findings"] if f["rule"]=="KUNTA-CONTACT"]; assert f and all(x["suppressed"]["directive"]=="waiver" for x in f), f' "$dir/planlint.json"
check "SARIF and JUnit were written" test -s "$dir/planlint.sarif" -a -s "$dir/planlint-junit.xml"
echo "tutorial: $failures failure(s)"
[ "$failures" -eq 0 ]
