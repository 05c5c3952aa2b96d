# tests/: by kind. Unit tests of core (TAP, one per module) and of the screens' terminal-free
# parts; CLI tests (the real binary on fixtures); TUI scenarios (the real binary in tmux);
# fuzz targets and benchmarks, never part of make check. Every file by name.
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
EXTRA_DIST += tests/lib/tap.h tests/lib/testdb.h tests/lib/page_by_name.h tests/lib/cli.sh tests/lib/tui.sh tests/lib/fixture.sh \
	tests/lib/osuser.sh tests/lib/terminal.sh

## Unit tests of core: tests/unit/test_NOUN.c, one per module, linked with libcaredesk.a.
unit_tests = \
	tests/unit/test_access \
	tests/unit/test_appointment \
	tests/unit/test_audit \
	tests/unit/test_billing \
	tests/unit/test_builtin \
	tests/unit/test_calendar \
	tests/unit/test_careplan \
	tests/unit/test_careplan_merge \
	tests/unit/test_check \
	tests/unit/test_clock \
	tests/unit/test_contact \
	tests/unit/test_db \
	tests/unit/test_dbfile \
	tests/unit/test_demo \
	tests/unit/test_discharge_field \
	tests/unit/test_encounter \
	tests/unit/test_enrollment \
	tests/unit/test_fhir \
	tests/unit/test_ical \
	tests/unit/test_import_csv \
	tests/unit/test_import_hl7 \
	tests/unit/test_lace \
	tests/unit/test_lifecycle \
	tests/unit/test_note \
	tests/unit/test_page \
	tests/unit/test_patient \
	tests/unit/test_perm \
	tests/unit/test_safefile \
	tests/unit/test_settings \
	tests/unit/test_store \
	tests/unit/test_task \
	tests/unit/test_tcm \
	tests/unit/test_text \
	tests/unit/test_timeentry \
	tests/unit/test_timeline \
	tests/unit/test_timer \
	tests/unit/test_timerule \
	tests/unit/test_user \
	tests/unit/test_worklist \
	tests/unit/test_worklist_gen \
	tests/unit/test_worklist_order
tests_unit_test_appointment_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_audit_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_fhir_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ical_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ical_LDADD = $(CORE_LIBS) $(ICAL_LIBS)

## Unit tests of the screens' parts that need no terminal, compiled in directly.
tui_unit_tests = \
	tests/unit/test_edit \
	tests/unit/test_keymap \
	tests/unit/test_list \
	tests/unit/test_theme
tests_unit_test_edit_SOURCES = tests/unit/test_edit.c tui/screen/edit.c tui/screen/uwidth.c
tests_unit_test_keymap_SOURCES = tests/unit/test_keymap.c \
	tui/keys/keymap.c tui/keys/conf.c tui/keys/scope.c
tests_unit_test_list_SOURCES = tests/unit/test_list.c tui/screen/list.c
tests_unit_test_theme_SOURCES = tests/unit/test_theme.c \
	tui/screen/theme.c tui/keys/conf.c tui/keys/scope.c

## CLI tests: tests/cli/NAME.sh run the binary with --now on fixtures and compare exact output.
cli_tests = \
	tests/cli/appointment.sh \
	tests/cli/audit.sh \
	tests/cli/billing.sh \
	tests/cli/check.sh \
	tests/cli/careplan.sh \
	tests/cli/data_override.sh \
	tests/cli/demo.sh \
	tests/cli/docs.sh \
	tests/cli/enroll.sh \
	tests/cli/errors.sh \
	tests/cli/export_ics.sh \
	tests/cli/ics_peers.sh \
	tests/cli/import.sh \
	tests/cli/import_errors.sh \
	tests/cli/keys.sh \
	tests/cli/lace.sh \
	tests/cli/lifecycle.sh \
	tests/cli/program_end.sh \
	tests/cli/log_call.sh \
	tests/cli/contact_any_job.sh \
	tests/cli/setup.sh \
	tests/cli/tcm_due.sh \
	tests/cli/tcm_status.sh \
	tests/cli/time.sh \
	tests/cli/time_bounds.sh \
	tests/cli/timeline.sh \
	tests/cli/timer.sh \
	tests/cli/worklist.sh \
	tests/cli/worklist_patient.sh

## TUI scenarios: tests/tui/NAME.sh drive the binary in tmux at 80x24 and larger.
tui_tests = \
	tests/tui/appointments.sh \
	tests/tui/careplan.sh \
	tests/tui/chart.sh \
	tests/tui/contact_any_job.sh \
	tests/tui/hangup.sh \
	tests/tui/intake.sh \
	tests/tui/lifecycle.sh \
	tests/tui/locale.sh \
	tests/tui/minutes.sh \
	tests/tui/shell.sh \
	tests/tui/tcm_chart.sh \
	tests/tui/time_tab.sh \
	tests/tui/timeline.sh \
	tests/tui/timer.sh \
	tests/tui/timer_over.sh \
	tests/tui/worklist.sh \
	tests/tui/worklist_gen.sh \
	tests/tui/worklist_jobs.sh \
	tests/tui/worklist_screen.sh

## Security: tests/security/NAME.sh, what a careful user on a shared server tried (issue 13):
## the audit log, export targets, the database's files, identity from the OS, team mode with real OS users, full
## disks, read-only files and directories, text from outside that must not drive a terminal;
## each skips with a message where the machine refuses the set-up (mount, useradd).
security_tests = \
	tests/security/audit_chain.sh \
	tests/security/audit_chart.sh \
	tests/security/audit_reads.sh \
	tests/security/audit_replace.sh \
	tests/security/db_files.sh \
	tests/security/errors_full_disk.sh \
	tests/security/errors_readonly_dir.sh \
	tests/security/errors_readonly_file.sh \
	tests/security/export_targets.sh \
	tests/security/identity.sh \
	tests/security/output_encodings.sh \
	tests/security/output_hl7.sh \
	tests/security/output_import.sh \
	tests/security/output_printers.sh \
	tests/security/output_screen.sh \
	tests/security/team.sh \
	tests/security/time_before_birth.sh \
	tests/security/time_careplan_concurrent.sh \
	tests/security/time_day_limit.sh \
	tests/security/time_timer_two_days.sh

## Crash suite: tests/crash/run.sh SIGKILLs caredesk at random points of its writes (import,
## time add, log-call, careplan add and edit, timer stop) and checks the file after each kill.
## make check runs 50 kills (crash.sh); `make crash N=1000` the full run; CRASH_SEED=S replays.
crash_tests = tests/crash/crash.sh
check_PROGRAMS += tests/crash/crash_kill
tests_crash_crash_kill_LDADD =
EXTRA_DIST += tests/crash/run.sh tests/crash/lib.sh tests/crash/gen_hl7.awk
crash: caredesk$(EXEEXT) tests/crash/crash_kill$(EXEEXT)
	CAREDESK='$(abs_top_builddir)/caredesk$(EXEEXT)' \
	CRASH_KILL='$(abs_top_builddir)/tests/crash/crash_kill$(EXEEXT)' \
	    TZ=UTC LC_ALL=C.UTF-8 $(SHELL) $(srcdir)/tests/crash/run.sh $(N)
.PHONY: crash

check_PROGRAMS += $(unit_tests) $(tui_unit_tests)
TESTS += $(unit_tests) $(tui_unit_tests) $(cli_tests) $(tui_tests)
TESTS += $(security_tests) $(crash_tests)
EXTRA_DIST += $(cli_tests) $(tui_tests) build-aux/man-keys.sh
EXTRA_DIST += $(security_tests) tests/security/errors_lib.sh $(crash_tests)

## Fixtures (make distcheck runs the tests from the tarball).
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
	tests/fixtures/bom_utf8.hl7 \
	tests/fixtures/discharges.csv \
	tests/fixtures/export_ics.expected \
	tests/fixtures/utf16be.hl7 \
	tests/fixtures/utf16le_bom.csv \
	tests/fixtures/utf16le_bom.hl7 \
	tests/fixtures/utf32le_bom.csv
EXTRA_DIST += $(fixture_files)

## Independent peers: ics_peers.sh installs ical.js (npm ci) into the build tree, never into the
## sources.
EXTRA_DIST += tests/peers/package.json tests/peers/package-lock.json tests/peers/icsdump.mjs
clean-local: clean-peers
clean-peers:
	-rm -rf tests/peers-run
.PHONY: clean-peers

## Fuzz targets (./configure --enable-fuzz CC=clang; `make fuzz` builds them; build-aux/ci.sh
## fuzz runs each for 60 s from its seeds in tests/fuzz/corpus/NAME/).
fuzz_targets = \
	tests/fuzz/fuzz_csv \
	tests/fuzz/fuzz_hl7 \
	tests/fuzz/fuzz_keys \
	tests/fuzz/fuzz_settings \
	tests/fuzz/fuzz_theme
tests_fuzz_fuzz_keys_SOURCES = tests/fuzz/fuzz_keys.c tui/keys/keymap.c tui/keys/conf.c \
	tui/keys/scope.c
tests_fuzz_fuzz_theme_SOURCES = tests/fuzz/fuzz_theme.c tui/screen/theme.c tui/keys/conf.c \
	tui/keys/scope.c
if FUZZ
noinst_PROGRAMS = $(fuzz_targets)
tests_fuzz_fuzz_csv_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_hl7_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_keys_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_settings_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_theme_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
fuzz: $(fuzz_targets)
else
fuzz:
	@echo "make fuzz: configure with --enable-fuzz CC=clang first (build-aux/ci.sh fuzz does)" >&2
	@exit 1
endif
.PHONY: fuzz
fuzz_corpus = \
	tests/fuzz/corpus/csv/bom_quotes.csv \
	tests/fuzz/corpus/csv/us_dates.csv \
	tests/fuzz/corpus/hl7/a03_escapes.hl7 \
	tests/fuzz/corpus/hl7/a08_a13_mllp.hl7 \
	tests/fuzz/corpus/keys/bindings \
	tests/fuzz/corpus/keys/errors \
	tests/fuzz/corpus/settings/clinic_name \
	tests/fuzz/corpus/settings/extra_holidays \
	tests/fuzz/corpus/settings/idle_minutes \
	tests/fuzz/corpus/settings/organizer \
	tests/fuzz/corpus/settings/timezone \
	tests/fuzz/corpus/theme/colors.theme \
	tests/fuzz/corpus/theme/views.theme
EXTRA_DIST += $(fuzz_targets:=.c) tests/fuzz/fuzz_store.h $(fuzz_corpus)

## Benchmarks: `make bench`, never part of make check. Each tests/bench/bench_*.sh prints its
## own figures.
bench_scripts = \
	tests/bench/run.sh \
	tests/bench/bench_audit.sh \
	tests/bench/bench_billing.sh \
	tests/bench/bench_chart_tab.sh \
	tests/bench/bench_demo.sh \
	tests/bench/bench_ics.sh \
	tests/bench/bench_import.sh \
	tests/bench/bench_startup.sh \
	tests/bench/bench_timeline.sh \
	tests/bench/bench_timeline_tui.sh \
	tests/bench/bench_worklist.sh
EXTRA_DIST += $(bench_scripts) tests/bench/bench_audit.c tests/bench/bench_timeline.c tests/bench/bench_timeline_view.c \
	tests/bench/bench_worklist.c
bench: all
	CAREDESK='$(abs_top_builddir)/caredesk$(EXEEXT)' BENCH_TMP='$(abs_top_builddir)/bench-tmp' \
	    TZ=UTC LC_ALL=C.UTF-8 $(SHELL) $(srcdir)/tests/bench/run.sh
