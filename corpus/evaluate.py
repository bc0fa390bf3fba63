#!/usr/bin/env python3
"""Measure planlint against the corpus of plans written the way municipalities write them.

For every plan in corpus/ with an expected file in corpus/expected/, runs

    planlint lint --format json --as-of 2026-12-01 --fail-on never PLAN

and compares what planlint decided with what a careful reader concludes (see README.md):

- law version: planlint's profile against the expected one ("undecidable" is right only when
  planlint does not pick a profile, or says the profile needs review);
- status: draft / proposal / approved, or "unknown" when the document does not say (then any
  answer but draft or proposal is right: a plan is a draft only when the document says so);
- false alarms: errors and warnings on items the expected file says are present or
  satisfied, on findings it disputes, and on statutory rules of another law version than the
  plan's (findings of a guessed law);
- planted defects missed: expected defects with no error, warning or info of that rule.

Exit status 0 always: this is a measurement, not a gate. Python standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys

AS_OF = "2026-12-01"
HERE = os.path.dirname(os.path.abspath(__file__))

# Statutory rules that belong to one law version (profile); a finding of one of these on a
# plan of another profile is the finding of a wrong law.
_P2007 = ["LSL-12-2007-2-%d" % i for i in range(1, 8)]
_P2023M = ["LSL-12-2-%d" % i for i in range(1, 5)] + [
    "LSL-12-1-PART-OF-WELFARE-PLAN", "LSL-12-6-COOPERATION", "OOHL-13-6-ATTACH-PROVIDER-PLANS",
    "JARJL-6-3-ANNUAL-REPORT", "JARJL-6-3-PUBLISH", "JARJL-6-3-DELIVER-HVA",
    "JARJL-6-2-GOALS-MEASURES", "JARJL-6-2-RESPONSIBLE-BODY", "LSL-12-1-TERM-ALIGN"]
PROFILE_RULES = {
    "P2008": set(_P2007),
    "P2014": set(_P2007 + ["OOHL-12-2014-%d" % i for i in range(1, 5)]),
    "P2017": set(_P2007 + ["OOHL-12-2017"]),
    "P2023-municipal": set(_P2023M),
    "P2023-helsinki": set([r for r in _P2023M if r not in ("LSL-12-6-COOPERATION", "JARJL-6-3-DELIVER-HVA")]
                          + ["LSL-12-5-3", "LSL-12-5-4", "LSL-12-5-5", "OOHL-13A-5-HELSINKI"]),
    "P2023-regional": set(["LSL-12-4-%d" % i for i in range(1, 8)] + [
        "LSL-12-3-APPROVAL-REGIONAL-COUNCIL", "LSL-12-3-REVIEW-4Y", "LSL-12-3-BUDGET-AND-STRATEGY-LINK",
        "LSL-12-3-PART-OF-REGIONAL-WELFARE-PLAN", "LSL-12-6-COOPERATION",
        "OOHL-13A-REGIONAL-STUDENT-WELFARE-PLAN", "OOHL-14A-REGIONAL-COOPERATION-GROUP",
        "JARJL-7-3-ANNUAL-REPORT", "JARJL-7-3-PUBLISH", "JARJL-7-2-GOALS-MEASURES",
        "JARJL-7-2-RESPONSIBLE-BODY", "JARJL-7-3-MUNICIPAL-COOPERATION", "JARJL-7-4-HYTE-NEGOTIATIONS",
        "HVAL-32-YOUTH-COUNCIL", "CRC-3-LAVA-REGIONAL"]),
}
PROFILE_BOUND = set().union(*PROFILE_RULES.values())


# --- a reader for the YAML subset the expected files use -----------------------------------
# Block mappings and sequences by indentation, flow sequences of scalars ([a, b]), quoted and
# plain scalars, null, comments. Nothing else (no anchors, no multi-line scalars).

def _scalar(text):
    text = text.strip()
    if text in ("", "null", "~"):
        return None
    if text[0] in "\"'" and text[-1] == text[0] and len(text) >= 2:
        return text[1:-1]
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [_scalar(p) for p in _split_flow(inner)] if inner else []
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _split_flow(text):
    parts, depth, cur, quote = [], 0, "", None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            cur += ch
        elif ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            depth += ch == "["
            depth -= ch == "]"
            cur += ch
    parts.append(cur)
    return [p for p in parts if p.strip()]


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def load_yaml_subset(text, name="<yaml>"):
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if line.strip():
            lines.append((len(line) - len(line.lstrip(" ")), line.strip(), number))
    value, index = _block(lines, 0, 0, name)
    if index != len(lines):
        raise ValueError("%s:%d: unexpected indentation" % (name, lines[index][2]))
    return value


def _block(lines, index, indent, name):
    if index >= len(lines):
        return None, index
    if lines[index][1].startswith("- ") or lines[index][1] == "-":
        return _sequence(lines, index, lines[index][0], name)
    return _mapping(lines, index, lines[index][0], name)


def _key_value(text, number, name):
    match = re.match(r"^([A-Za-z_][\w-]*):(?:\s+(.*))?$", text)
    if not match:
        raise ValueError("%s:%d: expected 'key: value', got %r" % (name, number, text))
    return match.group(1), match.group(2)


def _mapping(lines, index, indent, name):
    result = {}
    while index < len(lines) and lines[index][0] == indent and not lines[index][1].startswith("- "):
        key, rest = _key_value(lines[index][1], lines[index][2], name)
        index += 1
        if rest is None or rest == "":
            if index < len(lines) and (lines[index][0] > indent or
                                       (lines[index][0] == indent and lines[index][1].startswith("- "))):
                result[key], index = _block(lines, index, lines[index][0], name)
            else:
                result[key] = None
        else:
            result[key] = _scalar(rest)
    return result, index


def _sequence(lines, index, indent, name):
    result = []
    while index < len(lines) and lines[index][0] == indent and lines[index][1].startswith("-"):
        item = lines[index][1][1:].strip()
        number = lines[index][2]
        index += 1
        if re.match(r"^[A-Za-z_][\w-]*:(\s|$)", item):
            # "- key: value" opens a mapping whose other keys sit at indent + 2.
            sub = [(indent + 2, item, number)]
            while index < len(lines) and lines[index][0] > indent:
                sub.append(lines[index])
                index += 1
            value, used = _mapping(sub, 0, indent + 2, name)
            if used != len(sub):
                raise ValueError("%s:%d: unexpected indentation" % (name, sub[used][2]))
            result.append(value)
        else:
            result.append(_scalar(item))
    return result, index


# --- comparing -------------------------------------------------------------------------------

def run_planlint(binary, plan):
    proc = subprocess.run([binary, "lint", "--format", "json", "--as-of", AS_OF, "--fail-on", "never", plan],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return None, "exit %d, no JSON: %s" % (proc.returncode, proc.stderr.strip()[:200])
    plans = data.get("plans") or []
    if not plans:
        return None, "no plan in the output: %s" % json.dumps(data.get("errors"))[:200]
    return plans[0], None


def profile_undecided(plan):
    profile = plan.get("profile")
    if not profile or profile.get("id") is None:
        return True
    if profile.get("id") in ("undecidable", "undecided") or profile.get("needs_review") or profile.get("candidates"):
        return True
    return False


def compare(expected, plan):
    out = {"plan": expected["plan"], "split": expected.get("split") or "unsplit"}
    want_profile = expected.get("profile")
    got_profile = (plan.get("profile") or {}).get("id")
    if want_profile == "undecidable":
        law_ok = profile_undecided(plan)
    else:
        law_ok = got_profile == want_profile and not profile_undecided(plan)
    out["law"] = {"expected": want_profile, "got": got_profile if not profile_undecided(plan) or got_profile is None
                  else "%s (needs review)" % got_profile, "right": law_ok}

    want_status = expected.get("status")
    got_status = (plan.get("status") or {}).get("value")
    if want_status == "unknown":
        status_ok = got_status not in ("draft", "proposal")
    else:
        status_ok = got_status == want_status
    out["status"] = {"expected": want_status, "got": got_status, "right": status_ok}

    content = expected.get("content") or {}
    present = set(content.get("present") or [])
    satisfied = set(expected.get("satisfied") or [])
    disputed = {d["rule"]: d.get("why") for d in (expected.get("disputed") or [])}
    allowed = PROFILE_RULES.get(want_profile, set())
    false_alarms = []
    raised = {}
    for finding in plan.get("findings") or []:
        if finding.get("suppressed"):
            continue
        rule, severity = finding.get("rule"), finding.get("severity")
        raised.setdefault(rule, set()).add(severity)
        if severity not in ("error", "warning"):
            continue
        if rule in present:
            why = "content the plan has"
        elif rule in satisfied:
            why = "requirement the plan meets"
        elif rule in disputed:
            why = "disputed: %s" % disputed[rule]
        elif rule in PROFILE_BOUND and rule not in allowed:
            why = "rule of another law version (plan is %s)" % want_profile
        else:
            continue
        false_alarms.append({"rule": rule, "severity": severity, "why": why})
    out["false_alarms"] = false_alarms
    missed = []
    for defect in expected.get("defects") or []:
        if not raised.get(defect["rule"]):
            missed.append({"rule": defect["rule"], "planted": bool(defect.get("planted")), "note": defect.get("note")})
    out["defects"] = len(expected.get("defects") or [])
    out["missed"] = missed
    counts = {}
    for finding in plan.get("findings") or []:
        counts[finding.get("severity")] = counts.get(finding.get("severity"), 0) + 1
    out["findings"] = counts
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build", "debug", "planlint"),
                        help="the planlint to measure (default: the debug build of this checkout)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--corpus", default=HERE, help="the corpus folder (default: this script's folder)")
    parser.add_argument("--word", action="store_true",
                        help="measure the Word twins (corpus/word/*.docx, built by WordExamples/build.py --corpus)")
    args = parser.parse_args()

    expected_dir = os.path.join(args.corpus, "expected")
    names = sorted(n for n in os.listdir(expected_dir) if n.endswith(".yaml"))
    results, problems = [], []
    for name in names:
        path = os.path.join(expected_dir, name)
        try:
            with open(path, encoding="utf-8") as handle:
                expected = load_yaml_subset(handle.read(), path)
        except (OSError, ValueError) as error:
            problems.append(str(error))
            continue
        plan_path = os.path.join(args.corpus, expected["plan"])
        if args.word:
            plan_path = os.path.join(args.corpus, "word", os.path.splitext(expected["plan"])[0] + ".docx")
        if not os.path.exists(args.binary):
            problems.append("no planlint binary at %s (build it with swift build)" % args.binary)
            break
        plan, error = run_planlint(args.binary, plan_path)
        if plan is None:
            problems.append("%s: %s" % (expected["plan"], error))
            continue
        results.append(compare(expected, plan))

    def total(results):
        return {
        "plans": len(results),
        "law_wrong": sum(not r["law"]["right"] for r in results),
        "status_wrong": sum(not r["status"]["right"] for r in results),
        "false_alarms": sum(len(r["false_alarms"]) for r in results),
        "defects": sum(r["defects"] for r in results),
        "defects_missed": sum(len(r["missed"]) for r in results),
        "planted_missed": sum(sum(m["planted"] for m in r["missed"]) for r in results),
        "findings_errors_warnings": sum(r["findings"].get("error", 0) + r["findings"].get("warning", 0) for r in results),
        }
    totals = total(results)
    # The plans term lists were tuned on, those held out from tuning, and plans added since
    # (README, "Tuned and held-out plans"), each totalled apart.
    splits = {name: total([r for r in results if r["split"] == name])
              for name in ("tuned", "held_out", "new", "unsplit") if any(r["split"] == name for r in results)}
    if args.json:
        print(json.dumps({"as_of": AS_OF, "binary": args.binary, "plans": results, "totals": totals,
                          "splits": splits, "problems": problems}, ensure_ascii=False, indent=2))
        return 0

    mark = lambda ok: "right" if ok else "WRONG"
    for r in results:
        print("%s" % r["plan"])
        print("  law version  %-5s  expected %s, got %s" % (mark(r["law"]["right"]), r["law"]["expected"], r["law"]["got"]))
        print("  status       %-5s  expected %s, got %s" % (mark(r["status"]["right"]), r["status"]["expected"], r["status"]["got"]))
        print("  findings     %d errors, %d warnings, %d infos" % (
            r["findings"].get("error", 0), r["findings"].get("warning", 0), r["findings"].get("info", 0)))
        print("  false alarms %d" % len(r["false_alarms"]))
        for alarm in r["false_alarms"]:
            print("    %-8s %-40s %s" % (alarm["severity"], alarm["rule"], alarm["why"]))
        print("  defects      %d expected, %d missed" % (r["defects"], len(r["missed"])))
        for miss in r["missed"]:
            print("    missed   %-40s %s%s" % (miss["rule"], "" if miss["planted"] else "(not planted) ", miss["note"] or ""))
    print()
    print("totals: %(plans)d plans; law version wrong %(law_wrong)d; status wrong %(status_wrong)d; "
          "false alarms %(false_alarms)d (of %(findings_errors_warnings)d errors and warnings); "
          "defects missed %(defects_missed)d of %(defects)d (planted missed %(planted_missed)d)" % totals)
    for name, t in splits.items():
        print(("  %-8s " % name) + ("%(plans)d plans; law version wrong %(law_wrong)d; status wrong %(status_wrong)d; "
              "false alarms %(false_alarms)d (of %(findings_errors_warnings)d); "
              "defects missed %(defects_missed)d of %(defects)d" % t))
    for problem in problems:
        print("problem: %s" % problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
    sys.exit(0)
