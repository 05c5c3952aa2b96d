/* SPDX-License-Identifier: MIT */
/* A patient's chart: a header (name, age, MRN, phones, language, programs, risk, coordinator,
 * this month's minutes) and a tab row over one of the patient's screens. Each tab is a whole view
 * of its own (contacts, timeline, care plan, appointments, time) that attaches this frame when it
 * opens; switching tabs replaces the top view in place, so q goes back where the chart came
 * from. The frame's keys (scope "chart") work on every tab after the tab's own. */
#ifndef CD_TUI_SCREEN_CHART_FRAME_H
#define CD_TUI_SCREEN_CHART_FRAME_H

#include <stdint.h>

#include "core/base/error.h"
#include "tui/screen/view.h"

enum chart_tab {
    CHART_CONTACTS,
    CHART_TIMELINE,
    CHART_CAREPLAN,
    CHART_APPOINTMENTS,
    CHART_TIME,
    CHART_NTABS
};

/* Rows the header and the tab row take above the tab. */
#define CHART_FRAME_ROWS 5

/* Put V, just opened for PATIENT, into the patient's chart as its tab TAB; the opening is recorded
 * as chart_frame_record_open says. */
int chart_frame_attach(struct view *v, int64_t patient, enum chart_tab tab, struct cd_error *err);
/* Record in the audit log that V, just opened, shows PATIENT's TAB (core:
 * cd_patient_chart_opened), unless it covers or replaces a tab of the same patient's chart: a tab
 * switch is not a new opening. For a tab opened alone, outside the chart. */
int chart_frame_record_open(struct view *v, int64_t patient, enum chart_tab tab,
                            struct cd_error *err);
/* The tab ACTION switches V's chart to when it is another tab than V's, else -1 (also when V is
 * not in a chart, or ACTION is no tab key). */
int chart_frame_target(const struct view *v, enum action action);
/* Show tab TAB of V's chart instead of V (V is freed). Returns 0, or an error already shown. */
int chart_frame_switch(struct view *v, int tab);

#endif
