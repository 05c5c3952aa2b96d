/* SPDX-License-Identifier: MIT */
/* The screens' operation tables: one per tui/view_NOUN.c (listed in tui/views.def). */
#ifndef CD_TUI_VIEWS_H
#define CD_TUI_VIEWS_H

#include "tui/view.h"

/* Today's figures; the bottom of the view stack. */
extern const struct view_ops view_home_ops;
/* A day's appointments, or one patient's (view_args.id = the patient id). */
extern const struct view_ops view_appointments_ops;

#endif
