#!/usr/bin/env bash
# Runs the fuzz targets for a bounded time each, starting from the checked-in seeds.
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 25 s, every target)
#
# The seed is fixed (FUZZ_SEED, default 1) so that a run repeats: CI explores the same inputs
# each time, and a longer run the same ones first. FUZZ_SEED=0 lets libFuzzer pick one.
#
# New inputs the fuzzer finds go to a scratch corpus (fuzz/target/corpus-work/TARGET), never
# into the checked-in seeds. On a failure libFuzzer writes the input to fuzz/artifacts/TARGET/,
# this script prints it in base64 (CI logs keep it) and exits non-zero: add it to
# fuzz/regressions/TARGET/ and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-25}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(annotation_reader import_conll import_jsonl import_brat article_decode layout)
fi

# cargo-fuzz passes nightly -Z flags (sanitizer coverage); the stable toolchain accepts them
# with RUSTC_BOOTSTRAP=1.
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked --version 0.13.2
fi
sanitizer=${FUZZ_SANITIZER:-none}
cargo fuzz build --sanitizer "$sanitizer" --debug-assertions

status=0
for target in "${targets[@]}"; do
    work=fuzz/target/corpus-work/$target
    mkdir -p "$work"
    echo "fuzz: $target for ${seconds}s"
    log=fuzz/target/$target.log
    if cargo fuzz run --sanitizer "$sanitizer" --debug-assertions "$target" "$work" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -seed="${FUZZ_SEED:-1}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
    else
        status=1
        tail -n 80 "$log"
        for artifact in fuzz/artifacts/"$target"/*; do
            [[ -f $artifact ]] || continue
            echo "fuzz: $target failed on $artifact (base64):"
            base64 -w 0 "$artifact"
            echo
        done
    fi
done
exit "$status"
