#!/usr/bin/env bash
# The lint-plans command plugin as a municipality's package uses it: a small package that
# depends on planlint by local path keeps its plans in plans/, and runs
# `swift package --disable-sandbox lint-plans`. Checks the output and the exit code with no
# configuration, with .planlint.yaml, with a broken .planlint.yaml and with arguments. The
# plugin does not read .planlint.yaml itself: planlint does, so these also show that the
# plugin hands the file to planlint.
#
# This builds planlint a second time (inside the temporary package), so it runs from .ci/run
# rather than from `swift test`. Set PLUGIN_TEST_DIR to keep the package (and its build)
# between runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$repo/.build/debug/planlint" ] || (cd "$repo" && swift build --product planlint)
work="${PLUGIN_TEST_DIR:-$(mktemp -d)}"
[ -n "${PLUGIN_TEST_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
pkg="$work/kunta"
mkdir -p "$pkg/plans"
failures=0
passed=0

check() { # description, then a command that must succeed
    local what="$1"; shift
    if "$@"; then
        passed=$((passed + 1)); echo "ok: $what"
    else
        failures=$((failures + 1)); echo "FAIL: $what"
    fi
}

cat > "$pkg/Package.swift" <<EOF
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kunta",
    dependencies: [.package(path: "$repo")],
    targets: []
)
EOF
cp "$repo/Examples/jarvela-2025.md" "$pkg/plans/"
cp "$repo/Examples/koskenkyla-luonnos-2026.md" "$pkg/plans/"
rm -f "$pkg/.planlint.yaml"

run() { # arguments to lint-plans; sets status, out, err
    set +e
    (cd "$pkg" && swift package --disable-sandbox lint-plans "$@" >"$work/out" 2>"$work/err")
    status=$?
    set -e
    out="$(cat "$work/out")"
    err="$(cat "$work/err")"
}

# 1. No configuration: plans/ is checked; the draft has errors, so the command fails.
start=$(date +%s)
run --as-of 2026-11-22
echo "first run (builds planlint inside the package): $(( $(date +%s) - start )) s"
check "no configuration: exit 1 on the draft's errors" test "$status" -eq 1
# The same summary as planlint itself gives on those plans.
expected="$(cd "$pkg" && "$repo/.build/debug/planlint" lint plans --as-of 2026-11-22 | tail -1 || true)"
check "no configuration: both plans of plans/ checked ($expected)" grep -qF "$expected" <<<"$out"
check "no configuration: 2 plans and 5 errors" grep -q "^2 plans checked: 5 errors, " <<<"$out"
check "no configuration: the finding names file:line:column" grep -q -- "--> plans/koskenkyla-luonnos-2026.md:14:9" <<<"$out"

# 2. .planlint.yaml: one plan, the national pack only, JSON, English.
cat > "$pkg/.planlint.yaml" <<'EOF'
# planlint settings for `swift package lint-plans`
paths:
  - plans/jarvela-2025.md
exclude_packs: [fi-suositukset]   # the national law only
as_of: 2026-11-22
format: json
lang: en
EOF
run
check "configuration: exit 0 on the compliant plan" test "$status" -eq 0
check "configuration: JSON for one plan, with fi-lsl only" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["summary"]["plans"] == 1 and d["plans"][0]["file"] == "plans/jarvela-2025.md" and [p["id"] for p in d["packs"]] == ["fi-lsl"], d["summary"]' "$out"

# 3. Arguments win over the file: a path and a format.
run --format html plans/koskenkyla-luonnos-2026.md
check "arguments: exit 1 on the draft" test "$status" -eq 1
check "arguments: an HTML report" grep -q '^<!DOCTYPE html>' <<<"$out"
check "arguments: the draft's title in the report" grep -q 'Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031</h2>' <<<"$out"

# 4. fail_on: never from the file lets the draft pass.
printf 'paths: [plans]\nas_of: "2026-11-22"\nfail_on: never\n' > "$pkg/.planlint.yaml"
run
check "fail_on never: exit 0 despite findings" test "$status" -eq 0
check "fail_on never: the findings are still reported" grep -q "error\[LSL-12-1-DECISION-BODY\]" <<<"$out"

# 5. A wrong key is refused with its position, before any plan is checked.
printf 'paths: [plans]\nfailon: warning\n' > "$pkg/.planlint.yaml"
run
check "unknown key: the command fails" test "$status" -ne 0
# SwiftPM passes what the plugin (and planlint under it) prints on standard error on to its
# standard output, and reports the plugin's exit code on standard error.
check "unknown key: file:line:column and the right key" grep -q "^.planlint.yaml:2:1: error: unknown key 'failon' in the configuration (did you mean 'fail_on'?)" <<<"$out"
check "unknown key: the plugin's exit code 2 is reported" grep -q "Plugin ended with exit code 2" <<<"$err"
printf 'lang: de\n' > "$pkg/.planlint.yaml"
run
check "bad value: refused with its position" grep -q "^.planlint.yaml:1:7: error: 'lang' must be one of fi, sv, en, not 'de'" <<<"$out"

# 6. Waivers and rule settings of the file reach planlint: the draft's decision-body error is
# waived, so only its other errors remain.
cat > "$pkg/.planlint.yaml" <<'EOF'
paths: [plans]
as_of: 2026-11-22
rules:
  LSL-12-1-REVIEW-4Y: info
waivers:
  - rule: LSL-12-1-DECISION-BODY
    plan: plans/koskenkyla-*.md
    reason: Valtuusto käsittelee suunnitelman joulukuussa.
    reference: khall 3.2.2026 § 14
    accepted_by: kunnanhallitus
    expires: 2027-01-31
EOF
run --format json
check "waiver: the finding is marked as waived in the JSON" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); w=[f for p in d["plans"] for f in p["findings"] if f["rule"]=="LSL-12-1-DECISION-BODY"]; assert w and all(f["suppressed"]["directive"]=="waiver" and f["suppressed"]["waiver"]["reference"]=="khall 3.2.2026 § 14" for f in w), w' "$out"
rm -f "$pkg/.planlint.yaml"

echo "lint-plans plugin: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
