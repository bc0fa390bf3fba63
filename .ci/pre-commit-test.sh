#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml with the real pre-commit: a temporary git
# repository whose .pre-commit-config.yaml points at this repository (by path, at the
# current commit), with a defective plan and then a compliant one. `pre-commit run` must fail
# with the finding, then pass; an installed hook must refuse a commit of the defective plan.
#
# pre-commit builds planlint from the commit (release), so this runs from .ci/run, not from
# `swift test`. Set PRE_COMMIT_HOME to keep that build between runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (pip install pre-commit)"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/cache}"
rev="$(git -C "$repo" rev-parse HEAD)"
failures=0
passed=0
check() {
    local what="$1"; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failures=$((failures + 1)); echo "FAIL: $what"; fi
}

plans="$work/kunta"
mkdir -p "$plans/plans"
cd "$plans"
git init -q
git config user.email "valmistelija@kunta.example"
git config user.name "Valmistelija"
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: planlint
        files: ^plans/
        args: [--as-of, "2026-11-22"]
CONFIG
cp "$repo/Examples/koskenkyla-luonnos-2026.md" plans/suunnitelma.md
git add -A

set +e
start=$(date +%s)
pre-commit run --all-files >"$work/out" 2>&1
status=$?
echo "first pre-commit run (builds planlint, release): $(( $(date +%s) - start )) s"
set -e
check "defective plan: pre-commit fails" test "$status" -eq 1
check "defective plan: the hook is reported as failed" grep -q "^planlint.*Failed" "$work/out"
check "defective plan: the finding with file:line:column" grep -q -- "--> plans/suunnitelma.md:14:9" "$work/out"
check "defective plan: the rule" grep -q "error\[LSL-12-1-DECISION-BODY\]" "$work/out"
[ "$status" -eq 1 ] || cat "$work/out"

# The installed hook refuses the commit.
pre-commit install >/dev/null
set +e
git commit -q -m "Luonnos" >"$work/commit" 2>&1
status=$?
set -e
check "installed hook: the commit of the defective plan is refused" test "$status" -ne 0
check "installed hook: nothing was committed" test -z "$(git rev-parse -q --verify HEAD || true)"

# A compliant plan passes, and can be committed.
cp "$repo/Examples/jarvela-2025.md" plans/suunnitelma.md
git add -A
set +e
pre-commit run --all-files >"$work/out" 2>&1
status=$?
set -e
check "compliant plan: pre-commit passes" test "$status" -eq 0
check "compliant plan: the hook is reported as passed" grep -q "^planlint.*Passed" "$work/out"
[ "$status" -eq 0 ] || cat "$work/out"
check "installed hook: the compliant plan is committed" git commit -q -m "Suunnitelma 2026–2029" >"$work/commit" 2>&1

echo "pre-commit hook: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
