#!/bin/sh
# SPDX-License-Identifier: MIT
# The crash suite's share of make check: 50 SIGKILLs (CRASH_N for more) with a new seed each run,
# printed in the TAP output (CRASH_SEED replays it). `make crash N=1000` runs the full set.
exec "${SHELL:-/bin/sh}" "$(dirname "$0")/run.sh" "${CRASH_N:-50}"
