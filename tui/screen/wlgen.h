/* SPDX-License-Identifier: MIT */
/* The day's worklist generation in the background of the workstation: the worklist shows what is
 * there at once, and the generated rows appear when the worker commits. One workstation per
 * process, so the state is the module's. */
#ifndef CD_TUI_SCREEN_WLGEN_H
#define CD_TUI_SCREEN_WLGEN_H

#include <stdbool.h>

#include "core/base/error.h"

struct app;

/* Start today's generation on its own thread and connection unless it has run today or is
 * running. Errors (the check or the start) are returned for the status line. */
int wlgen_kick(struct app *app, struct cd_error *err);
/* True while a generation runs (the loop then looks for its end more often). */
bool wlgen_busy(void);
/* Once per loop pass: when the generation has ended, collect it; an error goes to the status
 * line, new tasks make every view reload. */
void wlgen_poll(struct app *app);
/* At quit: stop a running generation (its transaction rolls back; the next start redoes it) and
 * wait for its thread. */
void wlgen_stop(void);

#endif
