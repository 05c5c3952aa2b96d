# tests/: unit tests of core (TAP, one per module), CLI tests and tmux TUI scenarios.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_EXTENSIONS = .sh
SH_LOG_DRIVER = $(LOG_DRIVER)
AM_TESTS_ENVIRONMENT = \
	CAREDESK='$(abs_top_builddir)/caredesk$(EXEEXT)'; \
	FIXTURES='$(abs_top_srcdir)/tests/fixtures'; TESTLIB='$(abs_top_srcdir)/tests/lib'; \
	TZ=UTC; LC_ALL=C.UTF-8; TERM=xterm-256color; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0; \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1; \
	export CAREDESK FIXTURES TESTLIB TZ LC_ALL TERM ASAN_OPTIONS UBSAN_OPTIONS;

TEST_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(ICAL_CFLAGS) $(JANSSON_CFLAGS)
LDADD = $(CORE_LIBS)

unit_tests = \
	tests/unit/test_clock \
	tests/unit/test_calendar \
	tests/unit/test_page \
	tests/unit/test_store \
	tests/unit/test_settings \
	tests/unit/test_patient
tests_unit_test_clock_SOURCES = tests/unit/test_clock.c tests/lib/tap.h
tests_unit_test_calendar_SOURCES = tests/unit/test_calendar.c tests/lib/tap.h
tests_unit_test_page_SOURCES = tests/unit/test_page.c tests/lib/tap.h
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_settings_SOURCES = tests/unit/test_settings.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_patient_SOURCES = tests/unit/test_patient.c tests/lib/tap.h tests/lib/testdb.h
unit_tests += tests/unit/test_enrollment tests/unit/test_timeentry tests/unit/test_timer \
	tests/unit/test_billing
tests_unit_test_enrollment_SOURCES = tests/unit/test_enrollment.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_timeentry_SOURCES = tests/unit/test_timeentry.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_timer_SOURCES = tests/unit/test_timer.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_billing_SOURCES = tests/unit/test_billing.c tests/lib/tap.h tests/lib/testdb.h

cli_tests = \
	tests/cli/setup.sh \
	tests/cli/errors.sh
cli_tests += tests/cli/enroll.sh tests/cli/timer.sh tests/cli/time.sh tests/cli/billing.sh

tui_tests =

check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests) $(cli_tests) $(tui_tests)
EXTRA_DIST += $(cli_tests) $(tui_tests) tests/lib/cli.sh tests/lib/tui.sh

# Benchmarks: never part of make check. Each tests/bench/bench_*.sh prints its own figures.
bench_scripts = tests/bench/run.sh
bench_scripts += tests/bench/bench_billing.sh
EXTRA_DIST += $(bench_scripts)
bench: all
	CAREDESK='$(abs_top_builddir)/caredesk$(EXEEXT)' BENCH_TMP='$(abs_top_builddir)/bench-tmp' \
	    TZ=UTC LC_ALL=C.UTF-8 $(SHELL) $(srcdir)/tests/bench/run.sh
