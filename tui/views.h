/* SPDX-License-Identifier: MIT */
/* The screens' operation tables: one per tui/view_NOUN.c (listed in tui/views.def). */
#ifndef CD_TUI_VIEWS_H
#define CD_TUI_VIEWS_H

#include "tui/view.h"

/* Today's figures; the bottom of the view stack. */
extern const struct view_ops view_home_ops;

/* The clinic's billable minutes for a month (args->text: YYYY-MM, NULL = this month). */
extern const struct view_ops view_minutes_ops;

#endif
