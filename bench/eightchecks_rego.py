#!/usr/bin/env python3
"""The eight checks of bench/eightchecks.rego, evaluated with regopy (rego-cpp) on each plan.

    bench/eightchecks_rego.py [--as-of YYYY-MM-DD] [--json] PATH...

Reading is the same as bench/eightchecks.py (PyYAML for the front matter, the Markdown
headings); the decisions are the Rego policy's. The policy is compiled once per process and
queried once per plan. Needs `pip install regopy`.
"""

import argparse
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ left in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eightchecks  # noqa: E402

try:
    from regopy import Interpreter
except ImportError:
    sys.exit("bench/eightchecks_rego.py: regopy is not installed (pip install regopy)")

POLICY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eightchecks.rego")


def plain(value):
    """Front matter as JSON values: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        date = eightchecks.parse_date(value)
        return date.isoformat() if date else value
    return value


class Checker:
    def __init__(self):
        self.interpreter = Interpreter()
        with open(POLICY, encoding="utf-8") as handle:
            self.interpreter.add_module("eightchecks", handle.read())
        self.bundle = self.interpreter.build("data.planlint.eight.results")

    def check(self, facts, sections, as_of):
        document = {"as_of": as_of.isoformat(), "facts": plain(facts),
                    "sections": [{"title": s["title"], "empty": s["empty"]} for s in sections]}
        self.interpreter.set_input(document)
        output = self.interpreter.query_bundle(self.bundle)
        results = json.loads(str(output))["expressions"][0]
        return results


def main(argv=None):
    parser = argparse.ArgumentParser(description="Eight planlint checks in Rego (regopy).")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--as-of", default=datetime.date.today().isoformat())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    as_of = eightchecks.parse_date(args.as_of)
    checker = Checker()
    results = []
    for path in eightchecks.plan_files(args.paths):
        try:
            facts, sections = eightchecks.read_plan(path)
        except (OSError, UnicodeDecodeError, eightchecks.yaml.YAMLError) as error:
            results.append({"file": path, "error": str(error).splitlines()[0]})
            continue
        out = checker.check(facts, sections, as_of)
        verdicts = {rule: out.get(rule) for rule in eightchecks.RULES}
        results.append({"file": path, "status": out.get("status"), "profile": out.get("profile"), "results": verdicts})
    eightchecks.print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
