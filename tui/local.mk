# tui/: the caredesk binary: command line (no curses) and the workstation screens.
caredesk_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
caredesk_SOURCES = \
	tui/main.c \
	tui/cli.c tui/cli.h tui/commands.def \
	tui/cli_admin.c \
	tui/cli_care.c \
	tui/cli_time.c \
	tui/app.c tui/app.h
caredesk_LDADD = $(CORE_LIBS) $(NCURSES_LIBS)
