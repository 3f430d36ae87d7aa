#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS
# (default 30) on its committed seed corpus (Corpus/<Target>/). New inputs go to a scratch
# corpus outside the repository; a crash or hang is written to Fuzz/findings/ and fails the run.
#   Fuzz/run.sh                 # 30 s each (CI's smoke run)
#   SECONDS_EACH=600 Fuzz/run.sh FuzzTemplates
set -euo pipefail
cd "$(dirname "$0")"
each=${SECONDS_EACH:-30}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzTemplates FuzzFrontMatter FuzzMarkdown FuzzPlainText FuzzMarkdownImport FuzzHTML FuzzSuggest)
swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer 2>&1 | grep -E "error|warning: unre|Compiling|Build complete" | grep -v "^\[" | tail -3
bin=$(swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer --show-bin-path)
mkdir -p findings
for target in "${targets[@]}"; do
    scratch=$(mktemp -d)
    echo "== $target for ${each}s"
    ASAN_OPTIONS=detect_leaks=0 "$bin/$target" -max_total_time="$each" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="findings/$target-" -print_final_stats=1 "$scratch" "Corpus/$target" 2>&1 \
        | grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::new_units_added|ERROR|SUMMARY|Test unit written|panic|Fatal" || true
    rm -rf "$scratch"
done
if ls findings/* >/dev/null 2>&1; then echo "findings in Fuzz/findings/" >&2; exit 1; fi
