#!/usr/bin/env bash
# Counts, with valgrind's callgrind, the instructions of full validation of a generated
# corpus and of libyaml's bare event loop over the same files, in one run, and prints
# both and their ratio: the instruction side of issue 15's "2× libyaml", which wall time
# on a shared machine cannot measure repeatably.
#
#   scripts/validation-instructions.sh [files] [seed]    (default: 200 files, seed 1)
#
# Each side runs in a process of its own (`onething-bench validation --once <side>
# --corpus <dir>`), on one core: a warm-up, then the counted run, whose count is the
# inclusive cost of `ValidationBenchmark.countedRun`; process start, argument parsing and
# the warm-up are left out of both sides. Needs valgrind, a C compiler and objcopy
# (Debian: valgrind, gcc, binutils). Set PROFILE=file to keep the validation side's
# callgrind output for `callgrind_annotate` (pipe it through `swift demangle`).
set -euo pipefail

files=${1:-200}
seed=${2:-1}
cd "$(dirname "$0")/.."

swift build -c release --product onething-bench >&2
bin="$(swift build -c release --show-bin-path)/onething-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# valgrind 3.19 cannot read the DWARF that Swift 6 writes ("possibly corrupted debuginfo
# file"): the count runs on a copy without it (the symbol table stays, with every name).
objcopy --strip-debug "$bin" "$work/onething-bench"

# valgrind 3.19 writes into the signal mask a program gives sigsuspend, and libdispatch's
# (waiting for signals on the thread it keeps) is read-only, which kills valgrind. This
# shim hands the kernel a copy instead; it changes nothing else.
cat >"$work/sigsuspend.c" <<'C'
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
C
cc -shared -fPIC -O2 -o "$work/sigsuspend.so" "$work/sigsuspend.c"

"$work/onething-bench" validation --files "$files" --seed "$seed" --write-corpus "$work/corpus" >&2

# count SIDE FUNCTION: runs one side under callgrind and prints the inclusive
# instructions of FUNCTION (a part of its mangled name), the largest figure for it (a
# specialised copy that it calls has a smaller one).
count() {
    local side=$1 function=$2
    LD_PRELOAD="$work/sigsuspend.so" valgrind --tool=callgrind \
        --callgrind-out-file="$work/$side.callgrind" \
        "$work/onething-bench" validation --once "$side" --corpus "$work/corpus" >&2 2>"$work/$side.log" ||
        {
            cat "$work/$side.log" >&2
            exit 1
        }
    callgrind_annotate --inclusive=yes --threshold=100 "$work/$side.callgrind" |
        awk -v name="$function" 'index($0, name) { gsub(",", "", $1); if ($1 + 0 > best) best = $1 + 0 }
            END { if (best == 0) exit 1; printf "%.0f\n", best }'
}

raw=$(count raw-parse ValidationBenchmarkV10countedRun)
ours=$(count validation ValidationBenchmarkV10countedRun)
if [[ -n "${PROFILE:-}" ]]; then cp "$work/validation.callgrind" "$PROFILE"; fi

bytes=$(find "$work/corpus" -name 'bundle-*.yaml' -exec cat {} + | wc -c)
echo "corpus: $files bundle files, $bytes bytes, seed $seed (instructions counted by callgrind, one core)"
printf 'raw libyaml event loop   %15d instructions\n' "$raw"
printf 'full validation          %15d instructions\n' "$ours"
awk -v r="$raw" -v o="$ours" 'BEGIN { printf "validation / raw parse: %.2f× in instructions\n", o / r }'
