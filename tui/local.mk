# tui/: the caredesk binary: command line (no curses) and the workstation screens.
caredesk_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
caredesk_SOURCES = \
	tui/main.c \
	tui/cli.c tui/cli.h tui/commands.def \
	tui/cli_admin.c \
	tui/cli_careplan.c \
	tui/cli_tcm.c \
	tui/cli_demo.c \
	tui/cli_care.c \
	tui/cli_time.c \
	tui/app.c tui/app.h
caredesk_LDADD = $(CORE_LIBS) $(NCURSES_LIBS)
caredesk_SOURCES += tui/cli_appointment.c
caredesk_SOURCES += \
	tui/provide_curses.h tui/roles.def tui/views.def tui/actions.def \
	tui/scope.c tui/scope.h tui/conf.c tui/conf.h \
	tui/keymap.c tui/keymap.h tui/theme.c tui/theme.h \
	tui/uwidth.c tui/uwidth.h tui/list.c tui/list.h tui/edit.c tui/edit.h \
	tui/term.c tui/term.h tui/canvas.c tui/canvas.h \
	tui/view.h tui/views.h tui/listview.c tui/listview.h \
	tui/prompt.c tui/prompt.h tui/form.c tui/form.h \
	tui/view_home.c tui/cli_keys.c
caredesk_SOURCES += tui/view_appointments.c
caredesk_SOURCES += tui/timer_ui.c tui/timer_ui.h tui/minutes_bar.c tui/minutes_bar.h \
	tui/view_minutes.c
caredesk_SOURCES += tui/intake.c tui/intake.h
caredesk_SOURCES += tui/patient_open.c tui/view_timeline.c tui/view_careplan.c \
	tui/view_plan_history.c
caredesk_SOURCES += tui/cli_worklist.c
caredesk_SOURCES += tui/view_worklist.c tui/view_chart.c
caredesk_SOURCES += tui/chart_frame.c tui/chart_frame.h
caredesk_SOURCES += tui/wlgen.c tui/wlgen.h
caredesk_SOURCES += tui/view_time.c
