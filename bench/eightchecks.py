#!/usr/bin/env python3
"""Eight of planlint's checks, on front matter and headings only: the yardstick for bench/run.

    bench/eightchecks.py [--as-of YYYY-MM-DD] [--json] PATH...

PATH is a plan (.md with YAML front matter, or .yaml/.yml) or a folder searched for them.
For every plan it decides the status, scope and law profile as planlint does from the front
matter, then runs these rules of the fi-lsl pack and prints pass, fail or not-applicable:

  PLAN-FACTS-VALUES           status and plan.scope take allowed values
  LSL-12-1-APPROVAL-COUNCIL   an approved municipal plan has a council among its approvals
  LSL-12-1-DECISION-BODY      a draft goes to a council (decision.body)
  LSL-12-1-REVIEW-4Y          the latest council decision is at most four years old
  LSL-12-2-1 … LSL-12-2-4     the four content items of a 2023+ municipal plan, by heading
                              (the pack's heading aliases) or by legal_map

It does what a person would write in an afternoon next to planlint: no text evidence, no
facts from prose, no messages in three languages. Python standard library plus PyYAML (with
its libyaml binding when present), the YAML parser most Python installations have.
bench/eightchecks.rego holds the same logic in Rego; bench/verify compares both with planlint.
"""

import argparse
import datetime
import json
import os
import re
import sys

import yaml

try:
    Loader = yaml.CSafeLoader  # libyaml, as planlint's floor program uses
except AttributeError:  # PyYAML built without libyaml
    Loader = yaml.SafeLoader

RULES = ["PLAN-FACTS-VALUES", "LSL-12-1-APPROVAL-COUNCIL", "LSL-12-1-DECISION-BODY", "LSL-12-1-REVIEW-4Y",
         "LSL-12-2-1", "LSL-12-2-2", "LSL-12-2-3", "LSL-12-2-4"]

COUNCIL = ["valtuust*", "kunnanvaltuust*", "kaupunginvaltuust*", "fullmäktig*", "kommunfullmäktig*",
           "stadsfullmäktig*", "kv"]

# The heading aliases of Rules/fi-lsl/rules/content.yaml (LSL-12-2-1 … 4).
ALIASES = {
    "LSL-12-2-1": ["kasvuolo*", "*kasvuolo*", "hyvinvoinnin tila*", "hyvinvoinnin nykytila*", "hyvinvointitilan*",
                   "nykytila*", "tilannekuva*", "elinolo*", "perheiden hyvinvointi", "nuorten hyvinvointi",
                   "uppväxt*", "välfärdssituation*", "välfärdsläge*", "barns och ungas välfärd", "välbefinnande*"],
    "LSL-12-2-2": ["ehkäisev*", "edistäv*", "*palvelu*", "peruspalvelu*", "erityispalvelu*", "toimenpit*",
                   "toimenpide*", "förebygg*", "främj*", "*tjänst*", "service*", "åtgärd*", "stöd och skydd*",
                   "tukipalvelu*", "varhai* tuki*", "hyvinvoinnin edistämi*"],
    "LSL-12-2-3": ["yhteistyö*", "*yhteistyö*", "verkost*", "*verkosto*", "yhteistoimin*", "kumppanuu*",
                   "samarbet*", "*samarbete*", "nätverk*", "*nätverk*"],
    "LSL-12-2-4": ["seuranta*", "*seuranta*", "seuranta ja arviointi*", "suunnitelman arviointi*", "toteutta*",
                   "toteutu*", "toteutus*", "toimeenpano*", "uppföljning*", "genomförande*", "utvärdering*",
                   "verkställ*"],
}

# (profile, scopes, from, until) as in Rules/fi-lsl/pack.yaml.
PROFILES = [
    ("P2008", ("municipal", "joint_municipal", "helsinki"), "2008-01-01", "2014-07-31"),
    ("P2014", ("municipal", "joint_municipal", "helsinki"), "2014-08-01", "2016-12-31"),
    ("P2017", ("municipal", "joint_municipal", "helsinki"), "2017-01-01", "2022-12-31"),
    ("P2023-municipal", ("municipal", "joint_municipal"), "2023-01-01", None),
    ("P2023-regional", ("regional",), "2023-01-01", None),
    ("P2023-helsinki", ("helsinki",), "2023-01-01", None),
]


def glob_regex(term):
    """A pack term as a regular expression over lower-cased text: `stem*` a word starting with
    stem, `*part*` a word containing part, several words a phrase, no star the whole word."""
    words = []
    for word in term.lower().split():
        body = re.escape(word.strip("*"))
        head = r"\w*" if word.startswith("*") else ""
        tail = r"\w*" if word.endswith("*") else ""
        words.append(head + body + tail)
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


ALIAS_RE = {rule: re.compile("|".join(glob_regex(t) for t in terms)) for rule, terms in ALIASES.items()}
COUNCIL_RE = re.compile("|".join(glob_regex(t) for t in COUNCIL))
NUMBER_RE = re.compile(r"^[\d.]+\s*")


def parse_date(value):
    """An ISO date or a Finnish d.m.yyyy date, as a date; None when it is neither."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text) or None
    try:
        if m:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if m:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def read_plan(path):
    """(facts, sections): the front matter (or the YAML plan) and the sections as
    [{title, level, empty}], titles lower-cased with their numbers removed."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith((".yaml", ".yml")):
        data = yaml.load(text, Loader=Loader) or {}
        sections = []

        def walk(items, level):
            for s in items or []:
                if isinstance(s, dict):
                    has_text = bool(str(s.get("text") or "").strip())
                    sections.append({"title": NUMBER_RE.sub("", str(s.get("title", ""))).lower(), "level": level,
                                     "empty": not has_text and not s.get("sections")})
                    walk(s.get("sections"), level + 1)
        walk(data.get("sections"), 1)
        return data, sections
    facts, body = {}, text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            facts = yaml.load(text[4:end], Loader=Loader) or {}
            body = text[end + 4:]
    sections, fence = [], False
    for line in body.split("\n"):
        if line.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            sections.append({"title": NUMBER_RE.sub("", m.group(2)).lower(), "level": len(m.group(1)), "empty": True})
        elif line.strip() and sections:
            sections[-1]["empty"] = False
    # A section with sub-sections is not empty.
    for i, s in enumerate(sections[:-1]):
        if s["empty"] and sections[i + 1]["level"] > s["level"]:
            s["empty"] = False
    return (facts if isinstance(facts, dict) else {}), sections


def get(facts, *path):
    value = facts
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def decide(facts, as_of):
    """status, scope, last council decision, reference date and profile, as planlint decides
    them from front matter."""
    approvals = [a for a in (facts.get("approvals") or []) if isinstance(a, dict)]
    reviews = [r for r in (facts.get("reviews") or []) if isinstance(r, dict)]
    status = facts.get("status")
    if status not in ("draft", "proposal", "approved"):  # missing or invalid: decided from the facts
        status = "draft" if facts.get("decision") and not approvals else "approved"
    scope = get(facts, "plan", "scope") or "municipal"
    decisions = [d for d in (parse_date(x.get("date")) for x in approvals + reviews) if d]
    last = max(decisions) if decisions else None
    if status == "approved" and last:
        reference = last
    else:
        reference = parse_date(get(facts, "decision", "planned_date")) or last or as_of
    profile = None
    for pid, scopes, start, until in PROFILES:
        if scope in scopes and reference >= parse_date(start) and (until is None or reference <= parse_date(until)):
            profile = pid
    return {"status": status, "scope": scope, "last": last, "reference": reference, "profile": profile,
            "approvals": approvals}


def check(facts, sections, as_of):
    d = decide(facts, as_of)
    out = {}
    ok_status = facts.get("status") is None or facts.get("status") in ("draft", "proposal", "approved")
    scope = get(facts, "plan", "scope")
    ok_scope = scope is None or scope in ("municipal", "joint_municipal", "regional", "helsinki")
    out["PLAN-FACTS-VALUES"] = "pass" if ok_status and ok_scope else "fail"

    if d["scope"] in ("municipal", "helsinki") and d["status"] == "approved":
        councils = [a for a in d["approvals"] if COUNCIL_RE.search(str(a.get("body", "")).lower())]
        out["LSL-12-1-APPROVAL-COUNCIL"] = "pass" if councils else "fail"
    else:
        out["LSL-12-1-APPROVAL-COUNCIL"] = "not-applicable"

    if d["scope"] in ("municipal", "joint_municipal", "helsinki") and d["status"] in ("draft", "proposal"):
        body = get(facts, "decision", "body")
        out["LSL-12-1-DECISION-BODY"] = "pass" if body is None or COUNCIL_RE.search(str(body).lower()) else "fail"
    else:
        out["LSL-12-1-DECISION-BODY"] = "not-applicable"

    if d["scope"] in ("municipal", "joint_municipal", "helsinki") and d["status"] == "approved":
        last = d["last"]
        try:
            limit = as_of.replace(year=as_of.year - 4)
        except ValueError:  # 29 February
            limit = as_of.replace(year=as_of.year - 4, day=28)
        out["LSL-12-1-REVIEW-4Y"] = "pass" if last and limit <= last <= as_of else "fail"
    else:
        out["LSL-12-1-REVIEW-4Y"] = "not-applicable"

    legal_map = facts.get("legal_map") if isinstance(facts.get("legal_map"), dict) else {}
    for rule, pattern in ALIAS_RE.items():
        if d["profile"] not in ("P2023-municipal", "P2023-helsinki"):
            out[rule] = "not-applicable"
            continue
        if rule in legal_map:
            wanted = NUMBER_RE.sub("", str(legal_map[rule])).lower()
            number = str(legal_map[rule]).strip()
            hit = any(s["title"] == wanted for s in sections) or bool(re.fullmatch(r"[\d.]+", number))
            out[rule] = "pass" if hit else "fail"
            continue
        found = [s for s in sections if pattern.search(s["title"])]
        out[rule] = "pass" if any(not s["empty"] for s in found) else "fail"
    return d, out


def plan_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".md", ".yaml", ".yml")):
                        yield os.path.join(root, name)
        else:
            yield path


def main(argv=None):
    parser = argparse.ArgumentParser(description="Eight planlint checks on front matter and headings.")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--as-of", default=datetime.date.today().isoformat())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    as_of = parse_date(args.as_of)
    results = []
    for path in plan_files(args.paths):
        try:
            facts, sections = read_plan(path)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            results.append({"file": path, "error": str(error).splitlines()[0]})
            continue
        decided, verdicts = check(facts, sections, as_of)
        results.append({"file": path, "status": decided["status"], "profile": decided["profile"], "results": verdicts})
    print_results(results, args.json)
    return 0


def print_results(results, as_json):
    """Prints the verdicts as JSON or one line per plan (shared with eightchecks_rego.py)."""
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    for r in results:
        if "error" in r:
            print("%s: %s" % (r["file"], r["error"]))
            continue
        failed = [rule for rule, v in r["results"].items() if v == "fail"]
        print("%s: %s, %s; %s" % (r["file"], r["status"], r["profile"], ", ".join(failed) or "no failures"))


if __name__ == "__main__":
    sys.exit(main())
