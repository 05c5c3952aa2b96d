# core/: the domain and storage library. No curses, no terminal output.
core_libcaredesk_a_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(ICAL_CFLAGS) $(JANSSON_CFLAGS)
core_libcaredesk_a_SOURCES = \
	core/builtin.h \
	core/error.c core/error.h \
	core/strbuf.c core/strbuf.h \
	core/page.c core/page.h \
	core/clock.c core/clock.h \
	core/store.c core/store.h \
	core/settings.c core/settings.h \
	core/user.c core/user.h \
	core/patient.c core/patient.h \
	core/text.c core/text.h \
	core/db.h \
	core/audit.c core/audit.h \
	core/calendar.c core/calendar.h \
	core/counts.c core/counts.h \
	core/demo.h \
	core/careplan.c core/careplan.h \
	core/careplan_text.c \
	core/fhir.c core/fhir.h \
	core/note.c core/note.h \
	core/timeline.c core/timeline.h \
	core/task.c core/task.h \
	core/encounter.c core/encounter.h \
	core/contact.c core/contact.h \
	core/hl7.c core/hl7.h \
	core/import_csv.c core/import_hl7.c \
	core/importer.c core/importer.h \
	core/demo.c core/demo_gen.h core/demo_plan.c core/demo_data.c \
	core/enrollment.c core/enrollment.h \
	core/timeentry.c core/timeentry.h \
	core/timer.c core/timer.h \
	core/billing.c core/billing.h
nodist_core_libcaredesk_a_SOURCES = data/builtin.c
CORE_LIBS = core/libcaredesk.a $(SQLITE3_LIBS) $(ICAL_LIBS) $(JANSSON_LIBS) -lm
core_libcaredesk_a_SOURCES += core/uuid.c core/uuid.h core/appointment.c core/appointment.h \
	core/ical.c core/ical.h
core_libcaredesk_a_SOURCES += core/careplan_merge.c core/careplan_merge.h
core_libcaredesk_a_SOURCES += core/worklist.c core/worklist.h
core_libcaredesk_a_SOURCES += core/careplan_impl.h core/careplan_version.c core/careplan_diff.c
core_libcaredesk_a_SOURCES += core/demo_write.c core/demo_tcm.c core/demo_time.c
core_libcaredesk_a_SOURCES += core/db.c
core_libcaredesk_a_SOURCES += core/worklist_gen.c
core_libcaredesk_a_SOURCES += core/genjob.c core/genjob.h
# cd_label(): stored keys as people say them, for text built in SQL.
core_libcaredesk_a_SOURCES += core/labels.c
