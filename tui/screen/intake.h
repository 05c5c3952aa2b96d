/* SPDX-License-Identifier: MIT */
/* Discharges in: the intake form (one discharge typed by hand, checked field by field as you
 * type) and the file import prompt, opened over whichever view offers them (the home view now).
 * Both show what they did (deadlines, tasks, the import summary) and reload the views. */
#ifndef CD_TUI_SCREEN_INTAKE_H
#define CD_TUI_SCREEN_INTAKE_H

#include "tui/keys/keymap.h"
#include "tui/screen/view.h"

/* Open the discharge intake form over V. Returns 0 or a CD_E* code (shown on the message line). */
int intake_open(struct view *v);
/* Ask for a file path (~ expanded) over V, import it in one transaction and show the summary
 * line or the one-line error. Returns 0 or CD_ENOMEM. */
int intake_import(struct view *v);
/* For a view's act: discharge-new and import-file open the above (ACT_NONE: consumed); any other
 * action comes back unchanged. */
enum action intake_act(struct view *v, enum action action);

#endif
