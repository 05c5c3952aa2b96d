/* SPDX-License-Identifier: MIT */
/* The screens' operation tables: one per tui/view_NOUN.c (listed in tui/views.def). */
#ifndef CD_TUI_VIEWS_H
#define CD_TUI_VIEWS_H

#include "tui/view.h"

/* Today's figures; the bottom of the view stack. */
extern const struct view_ops view_home_ops;

/* The daily call list: the home screen (the bottom of the view stack). */
extern const struct view_ops view_worklist_ops;
/* A patient's chart: header and tabs (args->id: the patient). */
extern const struct view_ops view_chart_ops;

#endif
