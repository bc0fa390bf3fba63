#!/usr/bin/env python3
"""Compare the findings of two planlint builds on every example plan.

A restructuring must not change what planlint finds. This script runs an old and a new
binary on every example plan of the repository (Examples/, the pack examples, the Word
examples if any) and compares, per plan: the rules that report, their severities and
positions, and each rule's result (met, not met, not applicable, needs review, covered).

    # build the old version beside the repository once
    git worktree add /tmp/planlint-old <commit> && (cd /tmp/planlint-old && swift build)
    swift build
    scripts/compare-findings.py --old /tmp/planlint-old/.build/debug/planlint \\
                                --new .build/debug/planlint

Prints every difference and a summary; exits 1 when the builds differ (0 when equal).
`--allow RULE` (repeatable) lists rules whose changes are intended: they are printed
but do not count as differences.
"""
import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUFFIXES = {".md", ".yaml", ".yml", ".docx", ".odt", ".fodt"}
AS_OF = "2026-11-22"


def plans():
    roots = [ROOT / "Examples"] + sorted((ROOT / "Rules").glob("*/examples"))
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and not path.name.endswith(".planlint.yaml"):
                found.append(path.relative_to(ROOT))
    return found


def run(binary, plan):
    proc = subprocess.run([binary, "lint", str(plan), "--as-of", AS_OF, "--format", "json",
                           "--fail-on", "never", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {proc.stderr.strip()[:300]}"}
    doc = json.loads(proc.stdout)
    out = {}
    for p in doc.get("plans", []):
        findings = sorted(
            (f["rule"], f["severity"], f["start"]["line"], f["start"]["column"])
            for f in p.get("findings", []))
        results = {r["rule"]: r["status"] for r in p.get("results", [])}
        profile = p.get("profile")
        out = {"profile": profile.get("id") if isinstance(profile, dict) else profile, "findings": findings, "results": results}
    if "error" in doc:
        out["error"] = doc["error"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--allow", action="append", default=[], metavar="RULE")
    args = ap.parse_args()
    allowed = set(args.allow)
    differing, intended, total = 0, 0, 0
    for plan in plans():
        total += 1
        a, b = run(args.old, plan), run(args.new, plan)
        lines = []
        if a.get("error") != b.get("error"):
            lines.append(f"  error: {a.get('error')} -> {b.get('error')}")
        if a.get("profile") != b.get("profile"):
            lines.append(f"  profile: {a.get('profile')} -> {b.get('profile')}")
        fa, fb = set(a.get("findings", [])), set(b.get("findings", []))
        for f in sorted(fa - fb):
            lines.append(("  (intended) " if f[0] in allowed else "  ") + f"- {f[0]} {f[1]} {f[2]}:{f[3]}")
        for f in sorted(fb - fa):
            lines.append(("  (intended) " if f[0] in allowed else "  ") + f"+ {f[0]} {f[1]} {f[2]}:{f[3]}")
        ra, rb = a.get("results", {}), b.get("results", {})
        for rule in sorted(set(ra) | set(rb)):
            if ra.get(rule) != rb.get(rule):
                lines.append(("  (intended) " if rule in allowed else "  ") + f"{rule}: {ra.get(rule)} -> {rb.get(rule)}")
        if lines:
            real = [l for l in lines if not l.startswith("  (intended)")]
            if real:
                differing += 1
            else:
                intended += 1
            print(plan)
            print("\n".join(lines))
    print(f"{total} plans compared: {total - differing - intended} identical, "
          f"{intended} with intended changes only, {differing} with other differences")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
