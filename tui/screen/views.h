/* SPDX-License-Identifier: MIT */
/* The screens' operation tables: one per tui/view_NOUN.c (listed in tui/views.def). */
#ifndef CD_TUI_SCREEN_VIEWS_H
#define CD_TUI_SCREEN_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "core/careplan.h"
#include "core/store/store.h"
#include "tui/screen/view.h"

/* Today's figures; the bottom of the view stack. */
extern const struct view_ops view_home_ops;
/* A day's appointments, or one patient's (view_args.id = the patient id): then the Appointments
 * tab of the patient's chart unless view_args.alone. */
extern const struct view_ops view_appointments_ops;

/* The clinic's billable minutes for a month (args->text: YYYY-MM, NULL = this month). */
extern const struct view_ops view_minutes_ops;
/* A patient's timeline (view_args.id = patient id): newest first, keyset paged; the Timeline tab
 * of the patient's chart unless view_args.alone. */
extern const struct view_ops view_timeline_ops;
/* A patient's care plan editor (view_args.id = patient id); the Care plan tab of the patient's
 * chart unless view_args.alone. */
extern const struct view_ops view_careplan_ops;
/* The versions of the care plan of the editor below it (view_args.id = patient id). */
extern const struct view_ops view_plan_history_ops;

/* The care plan editor V's working copy with its unsaved edits, or NULL when V is not one. */
const struct cd_careplan *view_careplan_working(const struct view *v);

/* "Family, Given (MRN 1001)" of patient ID into BUF (SIZE bytes). */
int patient_label(struct cd_store *store, int64_t id, char *buf, size_t size, struct cd_error *err);
/* The keys that open a patient's screens by MRN (open-timeline, open-careplan), on their own
 * rather than in the chart: a view's act hands other actions back. */
enum action patient_open_act(struct view *v, enum action action);
/* The daily call list: the home screen (the bottom of the view stack). */
extern const struct view_ops view_worklist_ops;
/* A patient's chart on its Contacts tab (args->id: the patient); tui/chart_frame.h. */
extern const struct view_ops view_chart_ops;
/* A patient's care-management time entries, one month at a time (args->id: the patient): the
 * chart's Time tab. */
extern const struct view_ops view_time_ops;

#endif
