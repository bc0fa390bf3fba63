#!/usr/bin/env python3
"""Compares the JSON output of two planlint builds on the same plans.

Usage: compare-findings.py BEFORE_DIR AFTER_DIR
Each directory holds one `planlint lint FILE --format json` output per plan (same names).
Prints, per plan, the rule results whose status changed and the findings (rule, start,
end) that appear on one side only; exits 1 when anything differs.
"""
import json
import os
import sys


def load(path):
    with open(path) as f:
        text = f.read()
    if not text.strip():
        return None
    return json.loads(text)


def key(doc):
    if doc is None:
        return {}, set(), []
    results, findings = {}, set()
    for plan in doc.get("plans", []):
        for r in plan.get("results", []):
            results[(plan["file"], r["rule"])] = r["status"]
        for f in plan.get("findings", []):
            findings.add((plan["file"], f["rule"], f["start"]["line"], f["start"]["column"], f["end"]["line"], f["end"]["column"]))
    errors = [(e.get("file"), e.get("line"), e.get("column")) for e in doc.get("errors", [])]
    return results, findings, errors


def main():
    before, after = sys.argv[1], sys.argv[2]
    differences = 0
    for name in sorted(n for n in os.listdir(before) if n.endswith(".json")):
        b = key(load(os.path.join(before, name)))
        a_path = os.path.join(after, name)
        if not os.path.exists(a_path):
            print(f"{name}: missing after")
            differences += 1
            continue
        a = key(load(a_path))
        lines = []
        for k in sorted(set(b[0]) | set(a[0])):
            if b[0].get(k) != a[0].get(k):
                lines.append(f"  {k[1]}: {b[0].get(k)} -> {a[0].get(k)}")
        for f in sorted(b[1] - a[1]):
            lines.append(f"  - finding {f[1]} at {f[2]}:{f[3]}-{f[4]}:{f[5]}")
        for f in sorted(a[1] - b[1]):
            lines.append(f"  + finding {f[1]} at {f[2]}:{f[3]}-{f[4]}:{f[5]}")
        if b[2] != a[2]:
            lines.append(f"  errors: {b[2]} -> {a[2]}")
        if lines:
            differences += len(lines)
            print(name)
            print("\n".join(lines))
    print(f"{differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
