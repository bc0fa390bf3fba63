#!/usr/bin/env bash
# A bounded libFuzzer run of every fuzz target from its committed seed corpus
# (docs/fuzzing.md). Usage: .ci/fuzz.sh [SECONDS per target, default 30].
# Fails on a crash, a hang (-timeout) or unbounded memory (-rss_limit_mb); the input that
# caused it is left as crash-*/timeout-*/oom-* in .build-fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
scratch=.build-fuzz
swift build -c release --product FuzzYAML --scratch-path "$scratch" --sanitize fuzzer --sanitize address >/dev/null
mkdir -p "$scratch/corpus-yaml" "$scratch/findings"
run() {
    "$scratch/release/FuzzYAML" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=5 -max_len=16384 \
        -artifact_prefix="$scratch/findings/" "$scratch/corpus-yaml" Fuzz/yaml-corpus 2>&1
}
log=$(run) || { echo "$log" | tail -40; echo "FuzzYAML: a finding (see $scratch/findings)"; exit 1; }
# A build that reused objects made without the sanitizer has no coverage counters: build again.
if ! grep -q "inline 8-bit counters" <<<"$log"; then
    echo "FuzzYAML: no coverage instrumentation; rebuilding"
    rm -rf "$scratch"
    swift build -c release --product FuzzYAML --scratch-path "$scratch" --sanitize fuzzer --sanitize address >/dev/null
    mkdir -p "$scratch/corpus-yaml" "$scratch/findings"
    log=$(run) || { echo "$log" | tail -40; echo "FuzzYAML: a finding (see $scratch/findings)"; exit 1; }
    grep -q "inline 8-bit counters" <<<"$log" || { echo "FuzzYAML: still not instrumented"; exit 1; }
fi
grep -E "inline 8-bit counters|^Done [0-9]+ runs" <<<"$log" | sed 's/^/FuzzYAML: /'
