#!/usr/bin/env python3
"""Peak memory of `planlint lint` over many small plans, in every output format.

Makes N small plans in a temporary folder (copies of a few small rule example plans, each
with its own title and municipality, so findings differ from plan to plan), then runs
planlint once per format with /usr/bin/time -v and prints the peak resident set size and
the wall-clock time. With --output, each run also writes the same format to a file (the
streaming file writer); stdout goes to /dev/null.

    python3 bench/memory.py                          # 2000 plans, the debug build
    python3 bench/memory.py --plans 20000 --binary .build/release/planlint
    python3 bench/memory.py --formats json,sarif --plans 5000
    python3 bench/memory.py --plans 20000 --all-at-once     # one run writing every format

With --all-at-once, one run writes the first format to stdout and every other one with
--output: its peak bounds each format's, at a tenth of the time.

The goal (issue "Hostile input, bounded"): 20,000 plans in under 200 MB in every format.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = [
    "Rules/fi-suositukset/examples/municipal-2024-thin.md",
    "Rules/fi-lsl/examples/draft-2026-defects.md",
    "Rules/fi-lsl/examples/municipal-2025-ok.md",
    "Rules/fi-lsl/examples/municipal-2024-skeleton.md",
]
FORMATS = ["text", "compliance", "html", "json", "sarif", "junit", "github", "gitlab", "checkstyle", "markdown"]


def make_plans(folder, count):
    texts = []
    for t in TEMPLATES:
        with open(os.path.join(ROOT, t), encoding="utf-8") as f:
            texts.append(f.read())
    per_folder = 1000
    for i in range(count):
        sub = os.path.join(folder, "set-%03d" % (i // per_folder))
        if i % per_folder == 0:
            os.makedirs(sub, exist_ok=True)
        text = texts[i % len(texts)]
        # A title of its own, so that no two plans are the same.
        text = re.sub(r"^(title:\s*)(.*)$", lambda m: m.group(1) + m.group(2).strip() + " %d" % i, text, count=1, flags=re.M)
        with open(os.path.join(sub, "plan-%05d.md" % i), "w", encoding="utf-8") as f:
            f.write(text)


def measure(binary, folder, fmt, output, as_of, others=()):
    args = ["/usr/bin/time", "-v", binary, "lint", folder, "--as-of", as_of, "--format", fmt, "--fail-on", "never"]
    for f in ([fmt] if output else []) + list(others):
        args += ["--output", "%s=%s" % (f, os.path.join(folder, "..", "report." + f))]
    start = time.monotonic()
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - start
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    peak = int(m.group(1)) // 1024 if m else -1
    return p.returncode, peak, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=2000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/planlint"))
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--output", action="store_true", help="also write each format to a file with --output")
    ap.add_argument("--as-of", default="2026-11-22")
    ap.add_argument("--keep", action="store_true", help="keep the generated plans")
    ap.add_argument("--all-at-once", action="store_true", help="one run: the first format on stdout, the others with --output")
    a = ap.parse_args()
    base = tempfile.mkdtemp(prefix="planlint-memory-")
    folder = os.path.join(base, "plans")
    try:
        make_plans(folder, a.plans)
        print("%d plans, %s" % (a.plans, a.binary))
        print("%-11s %6s %9s %8s" % ("format", "exit", "peak MB", "seconds"))
        worst = 0
        formats = a.formats.split(",")
        if a.all_at_once:
            code, peak, elapsed = measure(a.binary, folder, formats[0], False, a.as_of, formats[1:])
            sizes = {f: os.path.getsize(os.path.join(base, "report." + f)) // (1 << 20) for f in formats[1:]}
            print("%-11s %6d %9d %8.1f  (with --output %s)" % ("all", code, peak, elapsed,
                                                              ", ".join("%s %d MB" % (f, n) for f, n in sizes.items())))
            return
        for fmt in formats:
            code, peak, elapsed = measure(a.binary, folder, fmt, a.output, a.as_of)
            worst = max(worst, peak)
            print("%-11s %6d %9d %8.1f" % (fmt, code, peak, elapsed), flush=True)
        print("highest peak: %d MB" % worst)
    finally:
        if a.keep:
            print("plans kept in", folder)
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
