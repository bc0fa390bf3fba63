#!/usr/bin/env bash
# Bounded libFuzzer runs of every reader from their committed seed corpora (docs/fuzzing.md):
# the YAML loader, the Markdown plan reader, the rule pack loader and the Word/OpenDocument
# reader. Usage: .ci/fuzz.sh [SECONDS PER TARGET, default 30] [TARGET...]
#
# The targets are compiled with swiftc directly (the sources and the entry point, with the
# fuzzer and address sanitizers): a `swift build --sanitize fuzzer` in a fresh scratch
# folder sometimes produced a binary without coverage counters, which fuzzes blind. Each run
# must show the counters, and fails on a crash, a hang (-timeout) or unbounded memory
# (-rss_limit_mb); the input that caused it is kept in .build-fuzz/findings.
#
# With FUZZ_RUNS=N each target runs exactly N inputs from a fixed seed (FUZZ_SEED, default
# 1), SECONDS x 4 at most: the same inputs for the same code on every machine of this kind,
# so CI's result is the result of the same command run here, from a fresh clone (CI uses
# this). Without it, SECONDS of fresh random inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzYAML FuzzMarkdown FuzzPack FuzzWord)
out=.build-fuzz/direct
rm -rf "$out" && mkdir -p "$out" .build-fuzz/findings
flags=(-O -sanitize=fuzzer,address -parse-as-library -I Sources/CLibYAML)

fail() { grep -v "Cannot export local symbol" "$out/build.log" | tail -30; echo "$1"; exit 1; }

# The YAML loader, which every other target uses too.
swiftc "${flags[@]}" -emit-library -static -module-name PlanLintYAML Sources/PlanLintYAML/*.swift \
    -emit-module -emit-module-path "$out/PlanLintYAML.swiftmodule" -o "$out/libPlanLintYAML.a" >"$out/build.log" 2>&1 \
    || fail "PlanLintYAML: the build failed"

needsPlanLint=false
for t in "${targets[@]}"; do [ "$t" = FuzzYAML ] || needsPlanLint=true; done
if $needsPlanLint; then
    # The rule packs and schemas embedded as the build plugin does it.
    swiftc -O Sources/EmbedRulePacksTool/main.swift -o "$out/EmbedRulePacksTool" >>"$out/build.log" 2>&1 \
        && "$out/EmbedRulePacksTool" Rules "$out/EmbeddedRulePackFiles.swift" schemas "$out/EmbeddedSchemaFiles.swift" >>"$out/build.log" 2>&1 \
        || fail "EmbedRulePacksTool: the build or the run failed"
    # The check kinds listed as the RegisterCheckKinds plugin does it.
    swiftc -O Sources/RegisterCheckKindsTool/main.swift -o "$out/RegisterCheckKindsTool" >>"$out/build.log" 2>&1 \
        && "$out/RegisterCheckKindsTool" "$out/RegisteredCheckKinds.swift" Sources/PlanLint/Checks/*.swift >>"$out/build.log" 2>&1 \
        || fail "RegisterCheckKindsTool: the build or the run failed"
    # ZIPFoundation from the package's checkout (swift package resolve fetches it).
    zip=$(find .build/checkouts .build-*/checkouts -maxdepth 1 -name ZIPFoundation 2>/dev/null | head -1 || true)
    if [ -z "$zip" ]; then swift package resolve >>"$out/build.log" 2>&1 || true; zip=.build/checkouts/ZIPFoundation; fi
    [ -d "$zip/Sources/ZIPFoundation" ] || fail "ZIPFoundation: no checkout (run swift package resolve)"
    swiftc "${flags[@]}" -wmo -emit-library -static -module-name ZIPFoundation -I "$zip/Sources/CZLib" -Xcc -D_GNU_SOURCE=1 \
        "$zip"/Sources/ZIPFoundation/*.swift \
        -emit-module -emit-module-path "$out/ZIPFoundation.swiftmodule" -o "$out/libZIPFoundation.a" >>"$out/build.log" 2>&1 \
        || fail "ZIPFoundation: the build failed"
    find Sources/PlanLint -name '*.swift' | sort > "$out/planlint-sources"
    swiftc "${flags[@]}" -wmo -emit-library -static -module-name PlanLint -I "$out" -I "$zip/Sources/CZLib" \
        @"$out/planlint-sources" "$out/EmbeddedRulePackFiles.swift" "$out/EmbeddedSchemaFiles.swift" "$out/RegisteredCheckKinds.swift" \
        -emit-module -emit-module-path "$out/PlanLint.swiftmodule" -o "$out/libPlanLint.a" >>"$out/build.log" 2>&1 \
        || fail "PlanLint: the build failed"
fi

# A fixed run needs more than a seed: libFuzzer also learns from the values the code
# compares, pointers among them, so addresses are not randomised (setarch -R, where the
# system allows it), nor are Swift's hash seeds (SWIFT_DETERMINISTIC_HASHING, below).
# -reload=0: the corpus folder is not read again during the run.
fixed=()
if [ -n "${FUZZ_RUNS:-}" ]; then
    limits=(-seed="${FUZZ_SEED:-1}" -runs="$FUZZ_RUNS" -reload=0 -max_total_time=$((seconds * 4)))
    if setarch "$(uname -m)" -R true 2>/dev/null; then fixed=(setarch "$(uname -m)" -R); else echo "setarch -R is not allowed here: the run may differ from CI's"; fi
else
    limits=(-max_total_time="$seconds")
fi

status=0
for t in "${targets[@]}"; do
    case $t in
        FuzzYAML) main=Sources/FuzzYAML/main.swift; libs=("$out/libPlanLintYAML.a"); corpus=yaml; maxlen=16384 ;;
        FuzzMarkdown) main=Fuzz/Targets/FuzzMarkdown.swift; corpus=markdown; maxlen=16384 ;;
        FuzzPack) main=Fuzz/Targets/FuzzPack.swift; corpus=pack; maxlen=16384 ;;
        FuzzWord) main=Fuzz/Targets/FuzzWord.swift; corpus=word; maxlen=65536 ;;
        *) echo "unknown target $t"; exit 64 ;;
    esac
    [ "$t" = FuzzYAML ] || libs=("$out/libPlanLint.a" "$out/libZIPFoundation.a" "$out/libPlanLintYAML.a" -I "$zip/Sources/CZLib" -lz)
    swiftc "${flags[@]}" -I "$out" "$main" "${libs[@]}" -lyaml -o "$out/$t" >>"$out/build.log" 2>&1 || fail "$t: the build failed"
    mkdir -p ".build-fuzz/corpus-$corpus"
    # -detect_leaks=0: the pattern caches live as long as the process, by design, and
    # FoundationXML leaks the CFError of every XML parse error; -rss_limit_mb bounds memory.
    # SWIFT_BACKTRACE=enable=no: Swift's crash handler would otherwise report its own reads
    # of the crashed process (as ASan errors) instead of the crash.
    # SWIFT_DETERMINISTIC_HASHING=1: Swift seeds its hash tables at random in each process,
    # which changes the coverage libFuzzer sees and so the inputs it makes next.
    log=$(SWIFT_DETERMINISTIC_HASHING=1 SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 ${fixed[@]+"${fixed[@]}"} "$out/$t" "${limits[@]}" -rss_limit_mb=1024 -timeout=5 -max_len=$maxlen -detect_leaks=0 \
            -artifact_prefix=.build-fuzz/findings/$t- ".build-fuzz/corpus-$corpus" "Fuzz/$corpus-corpus" 2>&1) \
        || { echo "$log" | grep -E "Fatal error|ERROR: (libFuzzer|AddressSanitizer)|SUMMARY:" | head -5; echo "$log" | tail -60
             echo "$t: a finding (see .build-fuzz/findings)"; status=1; continue; }
    grep -q "inline 8-bit counters" <<<"$log" || { echo "$log" | head -20; echo "$t: the binary has no coverage counters"; status=1; continue; }
    grep -E "inline 8-bit counters|^Done [0-9]+ runs" <<<"$log" | sed "s/^/$t: /"
    grep -E "^#[0-9]+.*(INITED|DONE)" <<<"$log" | sed "s/^/$t: /"
done
exit $status
