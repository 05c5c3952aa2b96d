# tui/: the caredesk binary. main.c and the session both front ends share; cli/ the sub-commands
# (no curses); keys/ the key bindings both read; screen/ the workstation (curses only in term.c
# and canvas.c).
caredesk_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
caredesk_LDADD = $(CORE_LIBS) $(NCURSES_LIBS)
caredesk_SOURCES = \
	tui/main.c \
	tui/session.c tui/session.h
caredesk_SOURCES += \
	tui/cli/cli.c tui/cli/cli.h tui/cli/commands.def \
	tui/cli/appointment.c \
	tui/cli/audit.c \
	tui/cli/billing.c \
	tui/cli/careplan.c \
	tui/cli/check.c \
	tui/cli/demo.c \
	tui/cli/enroll.c \
	tui/cli/import.c \
	tui/cli/init.c \
	tui/cli/keys.c \
	tui/cli/log_call.c \
	tui/cli/note.c \
	tui/cli/patient.c \
	tui/cli/settings.c \
	tui/cli/status.c \
	tui/cli/task.c \
	tui/cli/tcm_due.c \
	tui/cli/tcm_status.c \
	tui/cli/time.c \
	tui/cli/timeline.c \
	tui/cli/timer.c \
	tui/cli/user.c \
	tui/cli/worklist.c
caredesk_SOURCES += \
	tui/keys/actions.def tui/keys/scopes.def \
	tui/keys/conf.c tui/keys/conf.h \
	tui/keys/keymap.c tui/keys/keymap.h \
	tui/keys/scope.c tui/keys/scope.h
caredesk_SOURCES += \
	tui/screen/provide_curses.h tui/screen/roles.def \
	tui/screen/term.c tui/screen/term.h \
	tui/screen/canvas.c tui/screen/canvas.h \
	tui/screen/uwidth.c tui/screen/uwidth.h \
	tui/screen/theme.c tui/screen/theme.h \
	tui/screen/app.c tui/screen/app.h \
	tui/screen/view.h tui/screen/views.h \
	tui/screen/list.c tui/screen/list.h \
	tui/screen/listview.c tui/screen/listview.h \
	tui/screen/edit.c tui/screen/edit.h \
	tui/screen/form.c tui/screen/form.h \
	tui/screen/prompt.c tui/screen/prompt.h \
	tui/screen/chart_frame.c tui/screen/chart_frame.h \
	tui/screen/intake.c tui/screen/intake.h \
	tui/screen/minutes_bar.c tui/screen/minutes_bar.h \
	tui/screen/patient_open.c \
	tui/screen/refusal.c tui/screen/refusal.h \
	tui/screen/timer_ui.c tui/screen/timer_ui.h \
	tui/screen/wlgen.c tui/screen/wlgen.h
caredesk_SOURCES += \
	tui/screen/views/view_appointments.c \
	tui/screen/views/view_careplan.c \
	tui/screen/views/view_chart.c \
	tui/screen/views/view_home.c \
	tui/screen/views/view_minutes.c \
	tui/screen/views/view_plan_history.c \
	tui/screen/views/view_time.c \
	tui/screen/views/view_timeline.c \
	tui/screen/views/view_worklist.c tui/screen/views/view_worklist.h \
	tui/screen/views/view_worklist_act.c
