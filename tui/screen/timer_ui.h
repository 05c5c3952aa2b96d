/* SPDX-License-Identifier: MIT */
/* The CCM minute timer in the workstation: its status bar slot (ticking from the clock, read
 * from core only after a change), the timer keys, idle pauses, and the question about a timer an
 * earlier session left behind. One workstation per process, so the state is the module's. */
#ifndef CD_TUI_SCREEN_TIMER_UI_H
#define CD_TUI_SCREEN_TIMER_UI_H

#include <stdbool.h>

struct app;

/* Hook the status bar and ask about a timer an earlier session left (before any other key). */
void timer_ui_start(struct app *app);
/* The database changed (our own write or another process's): read the timer again at the next
 * draw. */
void timer_ui_stale(void);
/* Once per loop pass: pause a running timer that has seen no key for the idle setting. */
void timer_ui_tick(struct app *app);
/* Before KEY is handled: records the activity. Returns true when the key only woke the
 * workstation after an idle pause (it then asks whether the idle minutes count). */
bool timer_ui_key(struct app *app, int key);
/* timer-toggle: start the timer for the top view's patient (asking the activity), stop it (with
 * the minutes that will be written), or, when it runs on another patient, keep, stop or switch. */
void timer_ui_toggle(struct app *app);
/* timer-pause: pause a running timer, resume a paused one. */
void timer_ui_pause(struct app *app);

#endif
