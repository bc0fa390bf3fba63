#!/usr/bin/env bash
# A bounded libFuzzer run of the YAML loader from its committed seed corpus (docs/fuzzing.md).
# Usage: .ci/fuzz.sh [SECONDS, default 30].
#
# The target is compiled with swiftc directly (the loader's sources and the entry point, with
# the fuzzer and address sanitizers): a `swift build --sanitize fuzzer` in a fresh scratch
# folder sometimes produced a binary without coverage counters, which fuzzes blind. The run
# must show the counters, and fails on a crash, a hang (-timeout) or unbounded memory
# (-rss_limit_mb); the input that caused it is kept in .build-fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
out=.build-fuzz/direct
rm -rf "$out" && mkdir -p "$out" .build-fuzz/corpus-yaml .build-fuzz/findings
flags=(-O -sanitize=fuzzer,address -parse-as-library -I Sources/CLibYAML)
if ! swiftc "${flags[@]}" -emit-library -static -module-name PlanLintYAML Sources/PlanLintYAML/*.swift \
        -emit-module -emit-module-path "$out/PlanLintYAML.swiftmodule" -o "$out/libPlanLintYAML.a" >"$out/build.log" 2>&1 \
   || ! swiftc "${flags[@]}" -I "$out" Sources/FuzzYAML/main.swift "$out/libPlanLintYAML.a" -lyaml -o "$out/FuzzYAML" >>"$out/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$out/build.log" | tail -30
    echo "FuzzYAML: the build failed"
    exit 1
fi
log=$("$out/FuzzYAML" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=5 -max_len=16384 \
        -artifact_prefix=.build-fuzz/findings/ .build-fuzz/corpus-yaml Fuzz/yaml-corpus 2>&1) \
    || { echo "$log" | tail -40; echo "FuzzYAML: a finding (see .build-fuzz/findings)"; exit 1; }
grep -q "inline 8-bit counters" <<<"$log" || { echo "$log" | head -20; echo "FuzzYAML: the binary has no coverage counters"; exit 1; }
grep -E "inline 8-bit counters|^Done [0-9]+ runs" <<<"$log" | sed 's/^/FuzzYAML: /'
