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
	tests/unit/test_patient \
	tests/unit/test_careplan \
	tests/unit/test_fhir \
	tests/unit/test_timeline \
	tests/unit/test_note \
	tests/unit/test_task \
	tests/unit/test_encounter \
	tests/unit/test_contact \
	tests/unit/test_import_csv \
	tests/unit/test_import_hl7 \
	tests/unit/test_demo
tests_unit_test_clock_SOURCES = tests/unit/test_clock.c tests/lib/tap.h
tests_unit_test_calendar_SOURCES = tests/unit/test_calendar.c tests/lib/tap.h
tests_unit_test_page_SOURCES = tests/unit/test_page.c tests/lib/tap.h
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_settings_SOURCES = tests/unit/test_settings.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_patient_SOURCES = tests/unit/test_patient.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_careplan_SOURCES = tests/unit/test_careplan.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_fhir_SOURCES = tests/unit/test_fhir.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_fhir_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_timeline_SOURCES = tests/unit/test_timeline.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_note_SOURCES = tests/unit/test_note.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_task_SOURCES = tests/unit/test_task.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_encounter_SOURCES = tests/unit/test_encounter.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_contact_SOURCES = tests/unit/test_contact.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_import_csv_SOURCES = tests/unit/test_import_csv.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_import_hl7_SOURCES = tests/unit/test_import_hl7.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_demo_SOURCES = tests/unit/test_demo.c tests/lib/tap.h tests/lib/testdb.h

cli_tests = \
	tests/cli/setup.sh \
	tests/cli/errors.sh \
	tests/cli/careplan.sh \
	tests/cli/timeline.sh \
	tests/cli/tcm_due.sh \
	tests/cli/import.sh \
	tests/cli/import_errors.sh \
	tests/cli/log_call.sh \
	tests/cli/demo.sh
unit_tests += tests/unit/test_enrollment tests/unit/test_timeentry tests/unit/test_timer \
	tests/unit/test_billing
tests_unit_test_enrollment_SOURCES = tests/unit/test_enrollment.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_timeentry_SOURCES = tests/unit/test_timeentry.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_timer_SOURCES = tests/unit/test_timer.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_billing_SOURCES = tests/unit/test_billing.c tests/lib/tap.h tests/lib/testdb.h

cli_tests += tests/cli/enroll.sh tests/cli/timer.sh tests/cli/time.sh tests/cli/billing.sh

tui_tests =

check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests) $(cli_tests) $(tui_tests)
EXTRA_DIST += $(cli_tests) $(tui_tests) tests/lib/cli.sh tests/lib/tui.sh

# Benchmarks: never part of make check. Each tests/bench/bench_*.sh prints its own figures.
bench_scripts = tests/bench/run.sh \
	tests/bench/bench_import.sh
bench_scripts += tests/bench/bench_timeline.sh
EXTRA_DIST += tests/bench/bench_timeline.c
bench_scripts += tests/bench/bench_demo.sh
bench_scripts += tests/bench/bench_billing.sh
# Workstation start to first screen and resident memory, on a pseudo-terminal.
bench_scripts += tests/bench/bench_startup.sh
EXTRA_DIST += $(bench_scripts)
bench: all
	CAREDESK='$(abs_top_builddir)/caredesk$(EXEEXT)' BENCH_TMP='$(abs_top_builddir)/bench-tmp' \
	    TZ=UTC LC_ALL=C.UTF-8 $(SHELL) $(srcdir)/tests/bench/run.sh

# Appointments and the iCalendar export (core/appointment, core/ical, core/uuid).
unit_tests += tests/unit/test_appointment tests/unit/test_ical
tests_unit_test_appointment_SOURCES = tests/unit/test_appointment.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_appointment_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ical_SOURCES = tests/unit/test_ical.c tests/lib/tap.h tests/lib/testdb.h
tests_unit_test_ical_CFLAGS = $(TEST_CFLAGS)
cli_tests += tests/cli/appointment.sh tests/cli/export_ics.sh tests/cli/ics_peers.sh
EXTRA_DIST += tests/fixtures/export_ics.expected tests/peers/package.json \
	tests/peers/package-lock.json tests/peers/icsdump.mjs
# ics_peers.sh installs ical.js (npm ci) into the build tree, never into the sources.
clean-local: clean-peers
clean-peers:
	-rm -rf tests/peers-run
.PHONY: clean-peers
bench_scripts += tests/bench/bench_ics.sh
# Fuzz targets (./configure --enable-fuzz CC=clang): not part of make check. Run e.g.
# tests/fuzz/fuzz_hl7 -max_total_time=60 corpus/
if FUZZ
noinst_PROGRAMS = tests/fuzz/fuzz_hl7 tests/fuzz/fuzz_csv
tests_fuzz_fuzz_hl7_SOURCES = tests/fuzz/fuzz_hl7.c
tests_fuzz_fuzz_hl7_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_csv_SOURCES = tests/fuzz/fuzz_csv.c
tests_fuzz_fuzz_csv_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif
EXTRA_DIST += tests/fuzz/fuzz_hl7.c tests/fuzz/fuzz_csv.c
# tui/ units that need no terminal, compiled in directly.
tui_unit_tests = \
	tests/unit/test_list \
	tests/unit/test_theme \
	tests/unit/test_keymap \
	tests/unit/test_edit
tests_unit_test_list_SOURCES = tests/unit/test_list.c tests/lib/tap.h tui/screen/list.c tui/screen/list.h
tests_unit_test_theme_SOURCES = tests/unit/test_theme.c tests/lib/tap.h \
	tui/screen/theme.c tui/keys/conf.c tui/keys/scope.c
tests_unit_test_keymap_SOURCES = tests/unit/test_keymap.c tests/lib/tap.h \
	tui/keys/keymap.c tui/keys/conf.c tui/keys/scope.c
tests_unit_test_edit_SOURCES = tests/unit/test_edit.c tests/lib/tap.h tui/screen/edit.c tui/screen/uwidth.c
check_PROGRAMS += $(tui_unit_tests)
TESTS += $(tui_unit_tests)
cli_tests += tests/cli/keys.sh
tui_tests += tests/tui/shell.sh
tui_tests += tests/tui/appointments.sh
# The intake form's per-field discharge checks; the workstation's intake and import screens.
unit_tests += tests/unit/test_discharge_field
tests_unit_test_discharge_field_SOURCES = tests/unit/test_discharge_field.c tests/lib/tap.h \
	tests/lib/testdb.h
tui_tests += tests/tui/intake.sh
unit_tests += tests/unit/test_careplan_merge
tests_unit_test_careplan_merge_SOURCES = tests/unit/test_careplan_merge.c tests/lib/tap.h \
	tests/lib/testdb.h
tui_tests += tests/tui/careplan.sh tests/tui/timeline.sh
bench_scripts += tests/bench/bench_timeline_tui.sh
EXTRA_DIST += tests/bench/bench_timeline_view.c

# Test fixtures: every file by name (make distcheck runs the tests from the tarball).
fixture_files = \
	tests/fixtures/adt_cr.hl7 \
	tests/fixtures/adt_lf.hl7 \
	tests/fixtures/adt_mllp.hl7 \
	tests/fixtures/bad_before_admit.hl7 \
	tests/fixtures/bad_columns.csv \
	tests/fixtures/bad_date.csv \
	tests/fixtures/bad_no_pid.hl7 \
	tests/fixtures/bad_no_pv1.hl7 \
	tests/fixtures/bad_nul.hl7 \
	tests/fixtures/bad_quote.csv \
	tests/fixtures/bad_time.hl7 \
	tests/fixtures/bad_truncated.hl7 \
	tests/fixtures/bad_utf8.hl7 \
	tests/fixtures/discharges.csv \
	tests/fixtures/export_ics.expected
EXTRA_DIST += $(fixture_files)
tui_tests += tests/tui/timer.sh
tui_tests += tests/tui/minutes.sh
cli_tests += tests/cli/docs.sh
EXTRA_DIST += build-aux/man-keys.sh
# The daily call list (core/worklist, task claims and snoozes, the worklist and task sub-commands).
unit_tests += tests/unit/test_worklist
tests_unit_test_worklist_SOURCES = tests/unit/test_worklist.c tests/lib/tap.h tests/lib/testdb.h
bench_scripts += tests/bench/bench_worklist.sh
cli_tests += tests/cli/worklist.sh
tui_tests += tests/tui/worklist.sh
tui_tests += tests/tui/worklist_gen.sh
EXTRA_DIST += tests/bench/bench_worklist.c
# core/db.c: the query-into-a-page helper the id lists share.
unit_tests += tests/unit/test_db
tests_unit_test_db_SOURCES = tests/unit/test_db.c tests/lib/tap.h tests/lib/testdb.h
tui_tests += tests/tui/chart.sh
bench_scripts += tests/bench/bench_chart_tab.sh
# Set-based worklist generation and generating on a worker thread.
unit_tests += tests/unit/test_worklist_gen
tests_unit_test_worklist_gen_SOURCES = tests/unit/test_worklist_gen.c tests/lib/tap.h tests/lib/testdb.h
tui_tests += tests/tui/time_tab.sh
