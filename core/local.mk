# core/: libcaredesk.a, the domain and its storage; no curses, no terminal output. By room, from
# the bottom: base (vocabulary), store (the only SQLite code), the domain nouns, io (file
# formats), demo (the demo generator).
core_libcaredesk_a_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(ICAL_CFLAGS) $(JANSSON_CFLAGS) \
	$(NETTLE_CFLAGS)
core_libcaredesk_a_SOURCES = \
	core/base/builtin.c core/base/builtin.h \
	core/base/clock.c core/base/clock.h \
	core/base/error.c core/base/error.h \
	core/base/page.c core/base/page.h \
	core/base/safefile.c core/base/safefile.h \
	core/base/strbuf.c core/base/strbuf.h \
	core/base/text.c core/base/text.h \
	core/base/uuid.c core/base/uuid.h \
	core/base/vocab.c core/base/vocab.h
core_libcaredesk_a_SOURCES += \
	core/store/access.c core/store/access.h \
	core/store/audit.c core/store/audit.h core/store/audit_read.c \
	core/store/db.c core/store/db.h \
	core/store/dbfile.c core/store/dbfile.h \
	core/store/labels.c \
	core/store/settings.c core/store/settings.h \
	core/store/store.c core/store/store.h core/store/store_impl.h
core_libcaredesk_a_SOURCES += \
	core/appointment.c core/appointment.h \
	core/billing.c core/billing.h \
	core/calendar.c core/calendar.h \
	core/careplan.c core/careplan.h core/careplan_impl.h \
	core/careplan_diff.c core/careplan_text.c core/careplan_version.c \
	core/careplan_merge.c core/careplan_merge.h \
	core/check.c core/check.h \
	core/contact.c core/contact.h \
	core/counts.c core/counts.h \
	core/encounter.c core/encounter.h \
	core/enrollment.c core/enrollment.h \
	core/genjob.c core/genjob.h \
	core/lace.c core/lace.h \
	core/lifecycle.c core/lifecycle.h \
	core/note.c core/note.h \
	core/patient.c core/patient.h \
	core/perm.c core/perm.h \
	core/task.c core/task.h \
	core/tcm.c core/tcm.h \
	core/timeentry.c core/timeentry.h core/timeentry_sql.h \
	core/timeline.c core/timeline.h \
	core/timer.c core/timer.h core/timer_bound.c core/timer_impl.h \
	core/timerule.c core/timerule.h \
	core/user.c core/user.h \
	core/worklist.c core/worklist.h core/worklist_gen.c core/worklist_rule.c
core_libcaredesk_a_SOURCES += \
	core/io/fhir.c core/io/fhir.h \
	core/io/hl7.c core/io/hl7.h \
	core/io/ical.c core/io/ical.h \
	core/io/import_csv.c core/io/import_hl7.c \
	core/io/importer.c core/io/importer.h
core_libcaredesk_a_SOURCES += \
	core/demo/demo.c core/demo/demo.h core/demo/demo_gen.h \
	core/demo/demo_data.c core/demo/demo_plan.c core/demo/demo_tcm.c \
	core/demo/demo_rng.c core/demo/demo_time.c core/demo/demo_write.c \
	core/demo/demo_write_care.c
nodist_core_libcaredesk_a_SOURCES = data/builtin.c
CORE_LIBS = core/libcaredesk.a $(SQLITE3_LIBS) $(JANSSON_LIBS) $(NETTLE_LIBS) -lm
