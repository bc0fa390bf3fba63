#!/usr/bin/env python3
"""Check that bench/eightchecks.py and bench/eightchecks.rego decide as planlint does.

    bench/verify.py [--binary PATH] [--as-of YYYY-MM-DD] [PATH...]

Runs planlint (`lint --format json`) and both eight-check programs on the plans (default:
Examples/ and the fi-lsl pack's examples) and compares, per plan, the status, the law profile
and the verdict of each of the eight rules (pass, fail or not-applicable; planlint's
needs-review counts as pass). The benchmark's ratios mean something only if the three agree.

Plans without front matter are left out: planlint reads their facts from the prose, which the
eight checks do not attempt (that is the point of the comparison). Exits 1 on a disagreement.
"""

import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ left in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eightchecks  # noqa: E402
import eightchecks_rego  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def has_front_matter(path):
    if path.endswith((".yaml", ".yml")):
        return True
    with open(path, encoding="utf-8") as handle:
        return handle.read(4) == "---\n"


def planlint_verdicts(binary, paths, as_of):
    proc = subprocess.run([binary, "lint", "--format", "json", "--as-of", as_of, "--fail-on", "never"] + paths,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    data = json.loads(proc.stdout)
    out = {}
    for plan in data["plans"]:
        results = {r["rule"]: r["status"] for r in plan["results"]}
        verdicts = {}
        for rule in eightchecks.RULES:
            v = results.get(rule, "missing")
            verdicts[rule] = "pass" if v == "needs-review" else v
        out[os.path.normpath(plan["file"])] = {"status": plan["status"]["value"],
                                               "profile": (plan.get("profile") or {}).get("id"),
                                               "results": verdicts}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "planlint"))
    parser.add_argument("--as-of", default="2026-11-22")
    args = parser.parse_args()
    paths = args.paths or [os.path.join(ROOT, "Examples"), os.path.join(ROOT, "Rules", "fi-lsl", "examples")]
    files = [os.path.normpath(p) for p in eightchecks.plan_files(paths)]
    checked = [f for f in files if has_front_matter(f)]
    skipped = [f for f in files if f not in checked]
    as_of = eightchecks.parse_date(args.as_of)

    reference = planlint_verdicts(args.binary, checked, args.as_of)
    rego = eightchecks_rego.Checker()
    disagreements, compared = 0, 0
    for path in checked:
        facts, sections = eightchecks.read_plan(path)
        decided, python_results = eightchecks.check(facts, sections, as_of)
        rego_out = rego.check(facts, sections, as_of)
        mine = {
            "python": {"status": decided["status"], "profile": decided["profile"], "results": python_results},
            "rego": {"status": rego_out.get("status"), "profile": rego_out.get("profile"),
                     "results": {r: rego_out.get(r) for r in eightchecks.RULES}},
        }
        theirs = reference.get(path)
        name = os.path.relpath(path, ROOT)
        if theirs is None:
            print("%s: planlint reported no plan" % name)
            disagreements += 1
            continue
        problems = []
        for who, got in mine.items():
            for key in ("status", "profile"):
                if got[key] != theirs[key]:
                    problems.append("%s %s %s, planlint %s" % (who, key, got[key], theirs[key]))
            for rule in eightchecks.RULES:
                compared += 1
                if got["results"][rule] != theirs["results"][rule]:
                    problems.append("%s %s %s, planlint %s" % (who, rule, got["results"][rule], theirs["results"][rule]))
        if problems:
            disagreements += 1
            print("%s: DIFFERENT\n    %s" % (name, "\n    ".join(problems)))
        else:
            fails = [r for r in eightchecks.RULES if theirs["results"][r] == "fail"]
            print("%s: same (%s, %s; fail: %s)" % (name, theirs["status"], theirs["profile"], ", ".join(fails) or "none"))
    for path in skipped:
        print("%s: left out (no front matter; planlint reads the facts from the prose)" % os.path.relpath(path, ROOT))
    print("\n%d plans compared (%d verdicts each from Python and Rego against planlint), %d left out, %d with a difference"
          % (len(checked), len(eightchecks.RULES), len(skipped), disagreements))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
