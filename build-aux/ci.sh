#!/bin/bash
# SPDX-License-Identifier: MIT
# ci.sh MODE: what CI runs, so a developer can run exactly the same.
#   all        bootstrap + check, sanitize, distcheck, lint; prints "N passed, N failed"
#   check      ./bootstrap && make check
#   sanitize   out-of-tree build with ASan+UBSan, make check
#   distcheck  make distcheck
#   lint       check-layers, check-headers, check-format
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
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

case "${1:-all}" in
check) mode_check ;;
sanitize) mode_sanitize ;;
distcheck) mode_distcheck ;;
lint) step lint make check-layers check-headers check-format || failed=$((failed + 1)) ;;
all)
    mode_check
    # an in-tree configure blocks out-of-tree builds: the sanitizer build uses a copy of the tree
    if [ -f "$top/Makefile" ]; then
        mode_distcheck
        make distclean >/dev/null 2>&1
        mode_sanitize
    fi
    ;;
*) echo "ci.sh: unknown mode '$1'" >&2; exit 2 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
