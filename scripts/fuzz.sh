#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: builds the library modules with Swift's
# -sanitize=fuzzer,address into .build-fuzz (release: optimised, as users run it), links one entry point of Fuzz/Targets with
# them, and runs it for SECONDS on a copy of its seed corpus (Fuzz/Corpus/TARGET).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]   # yaml bundle condition answers adapters commands
#   scripts/fuzz.sh --build-only TARGET                    # link only
#
# A crash, a leak, a hang over 1 s (-timeout=1) or more than 2 GB (-rss_limit_mb) stops
# the run with exit 1 and leaves the input as Fuzz/findings/TARGET/crash-*, timeout-* or
# oom-*; the last line printed is libFuzzer's summary (executions, cov:).
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=0
if [ "${1:-}" = "--build-only" ]; then build_only=1; shift; fi
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
[ -f "Fuzz/Targets/$target.swift" ] || { echo "no fuzz target Fuzz/Targets/$target.swift"; exit 2; }

build=.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer,address)
for module in OneThingPresentation OneThingSimulation; do
  swift build -c release --build-path "$build" --target "$module" "${flags[@]}" 2>&1 | grep -E 'error|warning: unre|Build' | tail -n 3
done
products="$build/release"
# The objects of the modules the targets use, and of what those modules import.
modules=(OneThingSource OneThingCalendar OneThingModel OneThingConditions OneThingPlan OneThing
  OneThingEvents OneThingRuntime OneThingSimulation OneThingPresentation
  ServiceLifecycle UnixSignals Logging AsyncAlgorithms DequeModule OrderedCollections
  InternalCollectionsUtilities ContainersPreview BasicContainers ConcurrencyHelpers)
objects=()
for module in "${modules[@]}"; do
  [ -d "$products/$module.build" ] || continue
  while IFS= read -r -d '' object; do objects+=("$object"); done < <(find "$products/$module.build" -name '*.o' -print0)
done
binary="$products/fuzz-$target"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -I "$products/Modules" -I Sources/CYAML \
  Fuzz/FuzzInput.swift "Fuzz/Targets/$target.swift" "${objects[@]}" -lyaml -o "$binary" 2>&1 \
  | grep -v "Cannot export local symbol" || true
[ -x "$binary" ] || { echo "the fuzz target $target did not link"; exit 2; }
[ "$build_only" = 1 ] && { echo "$binary"; exit 0; }

# libFuzzer adds what it finds to the first corpus folder: run on a scratch copy so that
# the committed seeds stay as they are. The seeds are the repository's own files as they
# are now (the real bundles, the catalogues, the diagnostic fixtures, the adapters
# example), gathered here rather than copied into Fuzz/, plus what Fuzz/Corpus/TARGET
# holds of its own (conditions and answers taken from the bundles, inputs found earlier).
work=$(mktemp -d)
trap 'rm -rf "$work" "$work.log"' EXIT
[ -d "Fuzz/Corpus/$target" ] && cp -r "Fuzz/Corpus/$target/." "$work/"
seed() { for file in "$@"; do [ -f "$file" ] && cp "$file" "$work/$(echo "$file" | tr '/' '-')"; done; return 0; }
shopt -s nullglob
case "$target" in
  yaml) seed bundles/*.yaml bundles/catalogue/*.yaml Tests/*/Fixtures/*/*.yaml grammar/*.example.yaml ;;
  bundle) seed bundles/*.yaml Tests/*/Fixtures/diagnostics/*.yaml Tests/*/Fixtures/no-catalogue/*.yaml ;;
  commands) seed bundles/*.yaml ;;
  adapters) seed grammar/adapters.example.yaml ;;
esac
shopt -u nullglob
mkdir -p "Fuzz/findings/$target"
export ONETHING_ROOT=$PWD
status=0
ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="Fuzz/findings/$target/" -print_final_stats=1 "$@" >"$work.log" 2>&1 \
  || status=$?
grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)|NEW_FUNC|Cannot export|^"|dictionary' "$work.log" | tail -n 40
rm -f "$work.log"
if [ "$status" -ne 0 ]; then
  echo "fuzz target $target: a finding (exit $status); the input is in Fuzz/findings/$target/"
fi
exit "$status"
