/* SPDX-License-Identifier: MIT */
/* The worklist screen's state and the helpers its two files share (view_worklist.c the list,
 * view_worklist_act.c the actions on the picked job); private to them. */
#ifndef CD_TUI_SCREEN_VIEWS_VIEW_WORKLIST_H
#define CD_TUI_SCREEN_VIEWS_VIEW_WORKLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/base/page.h"
#include "core/worklist.h"
#include "tui/screen/listview.h"
#include "tui/screen/view.h"

enum {
    COL_RANK,
    COL_PATIENT,
    COL_JOB,
    COL_REASON,
    COL_RISK,
    COL_PHONE,
    COL_WHO,
    COL_CLAIM,
    COL_MRN,
    COL_DUE,
    COL_ASSIGNEE,
    NCOLS
};

struct worklist {
    struct cd_page rows;               /* cd_worklist_patients with the screen columns */
    struct cd_page jobs;               /* their jobs, patient by patient */
    struct list_column cols[NCOLS];    /* the rank column as wide as the list's last rank */
    struct cd_worklist_tcm_figures tcm_figures; /* for the title line */
    enum cd_worklist_scope scope;
    char program[16], kind[24];
    int64_t pick_task; /* the job picked with Tab; 0 (or another row's job): the most urgent */
    int64_t task;      /* the job a prompt is about */
    int64_t patient;   /* its patient */
    bool keep_row;     /* our own action: the next reload keeps the cursor's row, not patient */
    char name[128];    /* its patient's name, for messages */
    char job[64];      /* its job in words ("care plan review"), for messages */
    char job_kind[24];
    char outcome[16];
    time_t when;          /* a call back being scheduled */
    int day;              /* a snooze being scheduled */
    struct cd_page found; /* `g` look-up results */
    int64_t tcm_patient;  /* the patient tcm[] is about (0: none read since the last load) */
    const char *tcm;      /* their latest discharge's TCM headline (static; "" when none) */
};

/* Row R's jobs: its first row in w->jobs, and how many into *N. */
size_t worklist_jobs_of(const struct worklist *w, size_t r, size_t *n);
/* Cell COL of row JOB of w->jobs ("" for NULL). */
const char *worklist_job_cell(const struct worklist *w, size_t job, enum cd_worklist_col col);
/* The picked job of the cursor row, as its index within the row's jobs: the one picked with Tab
 * while it is still there, else 0, the most urgent. */
size_t worklist_picked(const struct view *v);
/* The cursor row's picked job, patient and names into the pending slots; false (and a message)
 * when the list is empty. */
bool worklist_pick(struct view *v);

/* The actions on the picked job (view_worklist_act.c): c, b, s, a, x. */
void worklist_log_call(struct view *v);
void worklist_callback(struct view *v);
void worklist_snooze(struct view *v);
void worklist_assign(struct view *v);
void worklist_claim(struct view *v);

#endif
