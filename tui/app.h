/* SPDX-License-Identifier: MIT */
/* The workstation: opens the store, then runs the full-screen loop. */
#ifndef CD_TUI_APP_H
#define CD_TUI_APP_H

#include "tui/cli.h"

struct app_options {
    int demo;          /* --demo: create and fill a demo database on first use */
    int no_color;      /* --no-color */
    const char *theme; /* --theme NAME, or NULL for the default */
};

/* Run the workstation for C's database and login; returns the exit status. */
int app_main(struct cli *c, const struct app_options *opts);

#endif
