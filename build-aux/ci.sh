#!/bin/bash
# SPDX-License-Identifier: MIT
# ci.sh MODE: what CI runs, so a developer can run exactly the same.
#   all        check, distcheck, then (in an unconfigured tree) sanitize and fuzz; prints
#              "N passed, N failed" (tests, plus one per distcheck and per fuzzer)
#   check      ./bootstrap && make check, then the lint targets
#   sanitize   out-of-tree build in _build-san with ASan+UBSan, make check
#   distcheck  make distcheck, and every tracked file in the tarball
#   lint       check-layers, check-headers, check-format
#   fuzz       out-of-tree clang build in _build-fuzz (--enable-fuzz); every fuzzer runs
#              FUZZ_SECONDS (60) from its seeds in tests/fuzz/corpus/NAME/; any crash fails
# sanitize and fuzz need a source tree configured nowhere in place (run make distclean first).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
passed=0
failed=0
logs="$top/ci-logs"
mkdir -p "$logs"

count() { # count LOGFILE: add the automake summary of a test-suite.log
    local f=$1 p x
    if [ -f "$f" ]; then
        p=$(awk '/^# PASS:/{print $3}' "$f" | tail -1)
        x=$(awk '/^# (FAIL|XPASS|ERROR):/{s+=$3} END{print s+0}' "$f")
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${x:-0}))
    else
        failed=$((failed + 1))
    fi
}

step() { # step NAME CMD...: run, keep the log, count a failure of the step itself
    local name=$1
    shift
    echo "=== ci: $name"
    if "$@" >"$logs/$name.log" 2>&1; then
        echo "=== ci: $name ok"
        return 0
    fi
    echo "=== ci: $name FAILED (last lines of $logs/$name.log):"
    tail -60 "$logs/$name.log"
    return 1
}

show_failures() { # print the logs of failed tests
    local f=$1
    [ -f "$f" ] && grep -E '^(FAIL|ERROR|XPASS)' "$f" | head -40
    if [ -f "$f" ] && grep -qE '^# (FAIL|ERROR): +[1-9]' "$f"; then
        sed -n '1,400p' "$f"
    fi
}

mode_check() {
    step bootstrap ./bootstrap --enable-werror || { failed=$((failed + 1)); return 1; }
    step check make -j2 check
    local rc=$?
    count "$top/test-suite.log"
    [ $rc = 0 ] || show_failures "$top/test-suite.log"
    step lint make check-layers check-headers || failed=$((failed + 1))
    # the code's layout is .clang-format's (Debian's clang-format, on every machine of ours)
    if command -v clang-format >/dev/null 2>&1; then
        step format make check-format || failed=$((failed + 1))
    else
        echo "=== ci: format skipped: clang-format not installed"
    fi
    return $rc
}

mode_sanitize() {
    local b="$top/_build-san"
    rm -rf "$b"
    mkdir -p "$b"
    (cd "$b" && step sanitize-configure "$top/configure" --enable-sanitizers --enable-werror CFLAGS="-g -O1") ||
        { failed=$((failed + 1)); return 1; }
    (cd "$b" && step sanitize-check make -j2 check)
    local rc=$?
    count "$b/test-suite.log"
    [ $rc = 0 ] || show_failures "$b/test-suite.log"
    return $rc
}

# Every tracked file but the git plumbing must be in the tarball, or distcheck's tests miss it.
dist_complete() {
    local tarball missing
    tarball=$(ls -t caredesk-*.tar.gz 2>/dev/null | head -1)
    [ -n "$tarball" ] || return 1
    missing=$(comm -23 <(git ls-files | grep -vE '^(\.gitignore|m4/\.keep)$' | sort) \
        <(tar tzf "$tarball" | sed 's|^[^/]*/||' | sort))
    [ -z "$missing" ] && return 0
    echo "files tracked in git but missing from the tarball (add them to EXTRA_DIST):"
    echo "$missing"
    return 1
}

mode_distcheck() {
    if step distcheck make -j2 distcheck && step dist-complete dist_complete; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
}

# clang and its fuzzer runtime, needed by the fuzz mode only: installed the way bootstrap installs
# its packages (root, or sudo without a password), else named.
need_clang() {
    local p missing="" sudo=""
    command -v dpkg-query >/dev/null 2>&1 || return 0
    for p in clang libclang-rt-14-dev; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            echo "=== ci: fuzz needs$missing: sudo apt-get install -y$missing"
            return 1
        fi
    fi
    echo "=== ci: installing$missing"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

mode_fuzz() {
    local b="$top/_build-fuzz" secs=${FUZZ_SECONDS:-60} t name rc=0
    need_clang || { failed=$((failed + 1)); return 1; }
    if [ -f "$top/config.status" ]; then
        echo "=== ci: fuzz FAILED: the source tree is configured in place; run 'make distclean' first"
        failed=$((failed + 1))
        return 1
    fi
    [ -x "$top/configure" ] || step fuzz-autoreconf autoreconf -fi || { failed=$((failed + 1)); return 1; }
    rm -rf "$b"
    mkdir -p "$b/crashes"
    (cd "$b" && step fuzz-configure "$top/configure" --enable-fuzz CC=clang CFLAGS="-g -O1" &&
        step fuzz-build make -j2 fuzz) || { failed=$((failed + 1)); return 1; }
    # UBSan reports are recoverable in this build: make each one a crash
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    for t in "$top"/tests/fuzz/fuzz_*.c; do
        name=$(basename "$t" .c)
        name=${name#fuzz_}
        # new inputs go to the build tree; the committed seeds are only read
        mkdir -p "$b/corpus/$name"
        if (cd "$b" && step "fuzz-$name" "./tests/fuzz/fuzz_$name" -max_total_time="$secs" \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$b/crashes/$name-" "corpus/$name" "$top/tests/fuzz/corpus/$name"); then
            passed=$((passed + 1))
        else
            echo "=== ci: the input that crashed fuzz_$name is in $b/crashes/"
            failed=$((failed + 1))
            rc=1
        fi
    done
    return $rc
}

case "${1:-all}" in
check) mode_check ;;
sanitize) mode_sanitize ;;
distcheck) mode_distcheck ;;
lint) step lint make check-layers check-headers check-format || failed=$((failed + 1)) ;;
fuzz) mode_fuzz ;;
all)
    mode_check
    # distcheck needs the in-place build; then an in-place configure would block the out-of-tree
    # builds of sanitize and fuzz, so the tree is cleaned first
    if [ -f "$top/Makefile" ]; then
        mode_distcheck
        make distclean >/dev/null 2>&1
        mode_sanitize
        mode_fuzz
    fi
    ;;
*) echo "ci.sh: unknown mode '$1'" >&2; exit 2 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
