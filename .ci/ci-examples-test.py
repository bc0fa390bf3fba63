#!/usr/bin/env python3
"""Runs the ready-made CI examples of docs/ci/ on this machine, as far as they can run here.

docs/ci/github-actions.yml: every `run:` step is executed in order with bash -eo pipefail,
as a GitHub runner would, in a workspace that holds the example plans in plans/ and this
repository as .planlint (standing in for the `actions/checkout` of planlint), with
GITHUB_OUTPUT, GITHUB_PATH, GITHUB_ENV and GITHUB_STEP_SUMMARY files, `${{ … }}` expressions
and `if:` conditions evaluated. `uses:` steps (checkout, cache, upload-sarif, upload-artifact)
are GitHub's own actions and cannot run here; the script says which. The build runs with
PLANLINT_CONFIGURATION=debug so that it reuses the build .ci/run has just made.

docs/ci/gitlab-ci.yml: the job's before_script and script lines run the same way;
artifacts:reports (Code Quality, JUnit) are read by GitLab itself and cannot run here.

Then the outputs are checked: the annotations, the SARIF (against the official 2.1.0 schema,
the copy in Tests/PlanLintCLITests/Fixtures/schemas), the step summary, the HTML report, the
GitLab Code Quality report and the JUnit XML, and the exit codes of the steps.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = 0
failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAIL: {what}" + (f"\n      {detail}" if detail else ""))


def workspace():
    w = tempfile.mkdtemp(prefix="planlint-ci-")
    os.makedirs(os.path.join(w, "plans"))
    for name in sorted(os.listdir(os.path.join(REPO, "Examples"))):
        shutil.copy(os.path.join(REPO, "Examples", name), os.path.join(w, "plans", name))
    os.symlink(REPO, os.path.join(w, ".planlint"))
    return w


def planlint():
    binary = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, "planlint")


def planlint_has_ci_formats():
    """The CI formats (github, sarif, …) and --output are in planlint's lint command."""
    r = subprocess.run([planlint(), "lint", "--help"], capture_output=True, text=True)
    return all(s in r.stdout for s in ["--output", "github", "sarif", "markdown", "gitlab", "junit"])


def expected(w):
    """What the pipelines must report: planlint's JSON on the same plans, the same day."""
    r = subprocess.run([planlint(), "lint", "plans", "--format", "json"], cwd=w, capture_output=True, text=True)
    plans = json.loads(r.stdout)["plans"]
    draft = next(p for p in plans if p["file"] == "plans/koskenkyla-luonnos-2026.md")
    return {"plans": len(plans), "findings": sum(len(p["findings"]) for p in plans), "draft": len(draft["findings"]),
            "failing": sum(1 for p in plans for x in p["results"] if x["status"] == "fail")}


# MARK: - GitHub Actions

class GitHub:
    def __init__(self, workflow, w):
        self.w = w
        self.env = dict(os.environ)
        self.env.update({k: str(v) for k, v in workflow.get("env", {}).items()})
        self.env["PLANLINT_CONFIGURATION"] = "debug"
        self.runner = os.path.join(w, ".runner")
        os.makedirs(self.runner)
        self.files = {n: os.path.join(self.runner, n) for n in ["GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV", "GITHUB_STEP_SUMMARY"]}
        for f in self.files.values():
            open(f, "w").close()
        self.env.update(self.files)
        self.env.update({"GITHUB_WORKSPACE": w, "GITHUB_ACTIONS": "true", "CI": "true", "RUNNER_TEMP": self.runner})
        self.steps = {}
        self.failed_before = False

    def value(self, expr):
        """A `${{ }}` expression: env.X, steps.ID.outputs.X, runner.os, or a literal."""
        expr = expr.strip()
        m = re.fullmatch(r"env\.(\w+)", expr)
        if m:
            return self.env.get(m.group(1), "")
        m = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+)", expr)
        if m:
            return self.steps.get(m.group(1), {}).get(m.group(2), "")
        if expr == "runner.os":
            return "Linux"
        raise ValueError(f"expression not supported here: {expr}")

    def condition(self, cond):
        """An `if:`: always(), success(), hashFiles('f') != '', comparisons, && and ||."""
        if cond is None:
            return not self.failed_before
        text = str(cond)
        text = re.sub(r"hashFiles\('([^']*)'\)", lambda m: repr("h" if os.path.exists(os.path.join(self.w, m.group(1))) else ""), text)
        text = text.replace("always()", "True").replace("success()", repr(not self.failed_before))
        text = re.sub(r"steps\.\w+\.outputs\.\w+|env\.\w+", lambda m: repr(self.value(m.group(0))), text)
        text = text.replace("&&", " and ").replace("||", " or ")
        if not re.fullmatch(r"[\sA-Za-z0-9'_!=()\.\-]*", text):
            raise ValueError(f"condition not supported here: {cond}")
        return bool(eval(text, {"__builtins__": {}}, {}))

    def run_step(self, step):
        script = re.sub(r"\$\{\{(.*?)\}\}", lambda m: self.value(m.group(1)), step["run"])
        open(self.files["GITHUB_OUTPUT"], "w").close()
        paths = [p for p in open(self.files["GITHUB_PATH"]).read().splitlines() if p]
        env = dict(self.env)
        env["PATH"] = ":".join(list(reversed(paths)) + [self.env["PATH"]])
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=self.w, env=env,
                           capture_output=True, text=True)
        outputs = {}
        for line in open(self.files["GITHUB_OUTPUT"]).read().splitlines():
            if "=" in line:
                k, v = line.split("=", 1)
                outputs[k] = v
        for line in open(self.files["GITHUB_ENV"]).read().splitlines():
            if "=" in line:
                k, v = line.split("=", 1)
                self.env[k] = v
        if "id" in step:
            self.steps[step["id"]] = outputs
        return r


def github(w):
    workflow = yaml.safe_load(open(os.path.join(REPO, "docs/ci/github-actions.yml")))
    job = workflow["jobs"]["plans"]
    gh = GitHub(workflow, w)
    results = {}
    print("GitHub Actions example (docs/ci/github-actions.yml), job 'plans':")
    for step in job["steps"]:
        name = step["name"]
        if "uses" in step:
            print(f"  - {name}: not run here ({step['uses']} is an action that runs on GitHub)")
            continue
        if not gh.condition(step.get("if")):
            print(f"  - {name}: skipped by its condition ({step.get('if')})")
            results[name] = None
            continue
        r = gh.run_step(step)
        results[name] = r
        print(f"  - {name}: ran, exit {r.returncode}")
        if r.returncode != 0:
            gh.failed_before = True
    return gh, results


def check_github(gh, results, w):
    want = expected(w)
    for name in ["Install libyaml", "Build planlint", "Check the plans", "Step summary"]:
        r = results.get(name)
        check(f"GitHub step '{name}' succeeds", r is not None and r.returncode == 0, r and (r.stderr[-1500:] or r.stdout[-1500:]))
    lint = results["Check the plans"]
    check("the lint step records planlint's exit code 1 (the draft has errors)", gh.steps.get("lint", {}).get("status") == "1", gh.steps)
    check("annotations: an ::error on the draft's decision body at 14:9",
          re.search(r"^::error file=plans/koskenkyla-luonnos-2026\.md,line=14,col=9,.*LSL-12-1-DECISION-BODY", lint.stdout, re.M) is not None,
          lint.stdout[:600])
    check("annotations: warnings and notices too", "::warning file=" in lint.stdout and "::notice file=" in lint.stdout)
    gate = results.get("Fail on findings")
    check("the last step fails the job on the findings", gate is not None and gate.returncode == 1)

    try:
        sarif = json.load(open(os.path.join(w, "planlint.sarif")))
    except Exception as e:  # noqa: BLE001
        check("planlint.sarif is JSON", False, str(e))
        return
    run = sarif["runs"][0]
    check("SARIF 2.1.0 from planlint", sarif.get("version") == "2.1.0" and run["tool"]["driver"]["name"] == "planlint")
    check(f"SARIF: every finding ({want['findings']}), the draft's {want['draft']} among them",
          len(run["results"]) == want["findings"]
          and len([r for r in run["results"] if "koskenkyla" in json.dumps(r["locations"])]) == want["draft"], len(run["results"]))
    import jsonschema
    schema = json.load(open(os.path.join(REPO, "Tests/PlanLintCLITests/Fixtures/schemas/sarif-schema-2.1.0.json")))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(sarif), key=str)
    check("SARIF validates against the official 2.1.0 schema", not errors, errors[:1])

    summary = open(gh.files["GITHUB_STEP_SUMMARY"]).read()
    check("step summary: a Markdown table of the plans", "| Plan |" in summary and "plans/koskenkyla-luonnos-2026.md" in summary, summary[:400])
    html = open(os.path.join(w, "planlint-report.html")).read() if os.path.exists(os.path.join(w, "planlint-report.html")) else ""
    check(f"the council report for the artifact, {want['plans']} plans", html.startswith("<!DOCTYPE html>")
          and html.count('<section class="plan"') == want["plans"])


# MARK: - GitLab CI

def gitlab(w):
    ci = yaml.safe_load(open(os.path.join(REPO, "docs/ci/gitlab-ci.yml")))
    job = ci["planlint"]
    env = dict(os.environ)
    env.update({k: str(v) for k, v in job.get("variables", {}).items()})
    env["PLANLINT_CONFIGURATION"] = "debug"
    env["CI"] = "true"
    print("GitLab CI example (docs/ci/gitlab-ci.yml), job 'planlint':")
    print("  - cache, artifacts:reports:codequality, artifacts:reports:junit, expose_as: read by GitLab itself, not run here")
    # GitLab runs before_script and script in one shell, stopping at the first failing line.
    script = "\n".join(job["before_script"] + job["script"])
    r = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", script], cwd=w, env=env, capture_output=True, text=True)
    print(f"  - before_script + script: ran, exit {r.returncode}")
    check("GitLab job: exit 1 on the draft's errors, after writing the reports", r.returncode == 1, r.stderr[-1500:])
    want = expected(w)
    try:
        quality = json.load(open(os.path.join(w, "gl-code-quality-report.json")))
        ok = isinstance(quality, list) and len(quality) == want["findings"] and all(
            {"description", "fingerprint", "severity", "location"} <= set(q) and q["location"]["path"].startswith("plans/") for q in quality)
        check(f"Code Quality report: {want['findings']} issues with fingerprints and paths", ok, json.dumps(quality)[:400])
    except Exception as e:  # noqa: BLE001
        check("Code Quality report is JSON", False, str(e))
    try:
        junit = ET.parse(os.path.join(w, "planlint-junit.xml")).getroot()
        failures = junit.findall(".//failure")
        check(f"JUnit report: a failure for each failing requirement ({want['failing']})",
              len(junit.findall(".//testcase")) > 0 and len(failures) == want["failing"], f"{len(failures)} failures")
    except Exception as e:  # noqa: BLE001
        check("JUnit report is XML", False, str(e))
    html = os.path.join(w, "planlint-report.html")
    check("GitLab job: the council report artifact", os.path.exists(html) and open(html).read().startswith("<!DOCTYPE html>"))


def main():
    if not planlint_has_ci_formats():
        print("FAIL: this planlint has no CI formats (--format github/sarif/markdown/gitlab/junit, --output), "
              "which the CI examples use")
        return 1
    w = workspace()
    try:
        gh, results = github(w)
        check_github(gh, results, w)
        w2 = workspace()
        try:
            gitlab(w2)
        finally:
            shutil.rmtree(w2, ignore_errors=True)
    finally:
        shutil.rmtree(w, ignore_errors=True)
    print(f"CI examples: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
