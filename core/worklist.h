/* SPDX-License-Identifier: MIT */
/* The daily call list: open tasks due today or earlier plus generated outreach, in the order a
 * coordinator works them, each with the reason it is there; one row per task or per patient.
 * On the list: open tasks due today or earlier, and open TCM contacts and visits from the
 * discharge on (the call and the booking should not wait for the deadline).
 * Order (one rule, cd_worklist_classify + cd_worklist_compare), each step breaking the ties of
 * the one before:
 *   1 when: overdue (due before today; a call back whose time has passed on an earlier day),
 *     then due today (a call back once its time has come), then later (a call back later
 *     today, TCM work due after today);
 *   2 deadline-bound work (TCM contact, TCM visit) before program work (call backs, CCM
 *     outreach and minutes, care-plan reviews, follow-ups, referrals, the rest);
 *   3 risk tier: high, moderate, low, none;
 *   4 the older due time first;
 *   5 the patient's name, then the patient, then the task.
 * Minutes short of the month's threshold never move a row: they only add to its reason.
 * Filters take rows out; they never change the order of the rows they leave.
 * A patient's row (cd_worklist_patients) carries all that patient's jobs on the list and ranks
 * as its most urgent job.
 * Generation (idempotent by gen_key; at most once per clinic day unless forced): care-plan review
 * tasks; a ccm_outreach task due today for each active CCM/complex CCM/PCM enrollment with no
 * interactive contact this month ('ccm_outreach:<patient>:<YYYY-MM>'); in the last 5 business
 * days, one for each such patient still short of minutes ('ccm_minutes:<patient>:<YYYY-MM>');
 * outreach left open from an earlier month is cancelled. */
#ifndef CD_CORE_WORKLIST_H
#define CD_CORE_WORKLIST_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* When a job is due: the first step of the order. */
enum cd_worklist_when { CD_WORKLIST_OVERDUE, CD_WORKLIST_DUE_TODAY, CD_WORKLIST_LATER };

/* Risk tiers, higher first in the list. */
enum cd_risk { CD_RISK_NONE, CD_RISK_LOW, CD_RISK_MODERATE, CD_RISK_HIGH };

/* The moment the list is made for. */
struct cd_worklist_clock {
    time_t now;
    int today;              /* clinic-zone day number */
    int business_days_left; /* in this month, today included when it is one */
};

/* One row as the ordering rule sees it (borrowed strings). */
struct cd_worklist_item {
    int64_t task_id;
    int64_t patient_id;
    const char *name; /* the patient, "Family, Given" (ties); may be NULL */
    const char *kind;
    const char *title; /* may be NULL */
    time_t due_at;
    int due_day;
    enum cd_risk risk;
    const char *program; /* the patient's active ccm, ccm_complex or pcm enrollment, or NULL */
    long seconds;        /* this month's care-management time (unvoided ccm/ccm_complex/pcm) */
    int discharge_day;   /* TCM tasks: the discharge date; -1 when unknown */
    int attempts_satisfied;
    enum cd_worklist_when when; /* set by cd_worklist_classify */
    bool deadline;              /* set by cd_worklist_classify: a TCM contact or visit */
};

/* Risk tier named TIER ("high", "moderate", "low"; NULL or anything else: none). */
enum cd_risk cd_worklist_risk(const char *tier);
/* The clock for NOW: today and the business days left in its month (CAL: core/calendar.h). */
struct cd_calendar;
void cd_worklist_clock_at(const struct cd_calendar *cal, time_t now, struct cd_worklist_clock *out);
/* When IT is due at CLK; sets IT->when and IT->deadline. */
enum cd_worklist_when cd_worklist_classify(struct cd_worklist_item *it,
                                           const struct cd_worklist_clock *clk);
/* The order of two classified items (the rule above): <0 when A comes first, 0 only for the
 * same task. */
int cd_worklist_compare(const struct cd_worklist_item *a, const struct cd_worklist_item *b);
/* The reason shown on IT's row (classified) into BUF of SIZE bytes: the job in words first,
 * then, for program work, the patient's minutes when short late in the month. Returns BUF. */
char *cd_worklist_reason(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                         char *buf, size_t size);
/* A patient's reason: the N jobs of ITS (classified, most urgent first) as the first one's
 * reason, then the others briefly ("care plan review due"), "+K more" past three, then the
 * minutes when short, joined by " · ". Returns BUF. */
char *cd_worklist_patient_reason(const struct cd_worklist_item *its, size_t n,
                                 const struct cd_worklist_clock *clk, char *buf, size_t size);
/* The job's marker for a kind column: TCM, VISIT, CCM, REVIEW, CALLBACK, FOLLOWUP, REFERRAL,
 * OTHER. */
const char *cd_worklist_marker(const char *kind);

/* What one generation made. */
struct cd_worklist_gen {
    int ran;       /* 0 when it had already run today (and was not forced) */
    int reviews;   /* care-plan review tasks created */
    int outreach;  /* ccm_outreach tasks for no contact this month */
    int minutes;   /* ccm_outreach tasks for minutes short late in the month */
    int cancelled; /* outreach of earlier months cancelled */
    int readonly;  /* 1 when today's generation was due but the database is open read-only */
};

/* Generate today's tasks (audited), unless it already ran today for this database and FORCE is
 * false. Runs in short transactions (the reviews, then batches of patients) so others' saves
 * never wait long for the write lock; every step is idempotent, so after an error or an
 * interruption the next call finishes the day. RES (may be NULL) counts what was committed.
 * On a store open read-only it writes nothing and sets RES->readonly when the day was due. */
int cd_worklist_generate(struct cd_store *store, bool force, struct cd_worklist_gen *res,
                         struct cd_error *err);
/* Whether today's generation has run for this database (*DONE). */
int cd_worklist_generated(struct cd_store *store, bool *done, struct cd_error *err);
/* Create the care-plan review tasks due by TODAY (a day number) that do not exist yet, audited, in
 * one transaction; *CREATED (may be NULL) = how many. CD_EINVAL names a plan whose review date is
 * not a date. */
int cd_worklist_generate_reviews(struct cd_store *store, int today, int *created,
                                 struct cd_error *err);

enum cd_worklist_scope {
    CD_WORKLIST_MINE, /* assigned to USER_ID, or claimed by them today */
    CD_WORKLIST_TEAM, /* assigned to a member of TEAM, or waiting in TEAM's queue */
    CD_WORKLIST_ALL,  /* every open item, assigned or in a queue */
    CD_WORKLIST_TCM,  /* TCM intake: the tcm team's tasks and TCM tasks nobody is assigned */
};

struct cd_worklist_query {
    enum cd_worklist_scope scope;
    int64_t user_id;     /* MINE */
    const char *team;    /* TEAM */
    const char *program; /* only rows of this program (tcm, ccm, ccm_complex, pcm, ...), or NULL */
    const char *kind;    /* only this task kind, or NULL */
    const char *search;  /* name or MRN contains (case-insensitive ASCII), or NULL */
    bool screen;         /* add the screen's columns (see cd_worklist_list) */
};

/* The columns of cd_worklist_list's page: due is the due date, risk "none" when the patient has no
 * tier, assignee a login or "queue:TEAM". The screen's columns (Q->screen) follow from
 * CD_WORKLIST_COL_PATIENT_ID on: claimed_by is today's claimer, urgency a cd_worklist_when. */
#define CD_WORKLIST_COLUMNS(X)                                                                     \
    X(CD_WORKLIST_COL_RANK, "rank")                                                                \
    X(CD_WORKLIST_COL_TASK_ID, "task_id")                                                          \
    X(CD_WORKLIST_COL_DUE, "due")                                                                  \
    X(CD_WORKLIST_COL_KIND, "kind")                                                                \
    X(CD_WORKLIST_COL_REASON, "reason")                                                            \
    X(CD_WORKLIST_COL_MRN, "mrn")                                                                  \
    X(CD_WORKLIST_COL_PATIENT, "patient")                                                          \
    X(CD_WORKLIST_COL_PHONE, "phone")                                                              \
    X(CD_WORKLIST_COL_PROGRAM, "program")                                                          \
    X(CD_WORKLIST_COL_RISK, "risk")                                                                \
    X(CD_WORKLIST_COL_ATTEMPTS, "attempts")                                                        \
    X(CD_WORKLIST_COL_ASSIGNEE, "assignee")                                                        \
    X(CD_WORKLIST_COL_PATIENT_ID, "patient_id")                                                    \
    X(CD_WORKLIST_COL_CLAIMED_BY, "claimed_by")                                                    \
    X(CD_WORKLIST_COL_URGENCY, "urgency")                                                          \
    X(CD_WORKLIST_COL_TITLE, "title")
enum cd_worklist_col { CD_WORKLIST_COLUMNS(CD_PAGE_COL_ENUM) CD_WORKLIST_NCOLS };
/* The list for Q now, ranked (CD_WORKLIST_COLUMNS; without Q->screen, those before
 * CD_WORKLIST_COL_PATIENT_ID). Does not generate (call cd_worklist_generate first). */
int cd_worklist_list(struct cd_store *store, const struct cd_worklist_query *q,
                     struct cd_page *page, struct cd_error *err);

/* The columns of cd_worklist_patients's page, one row per patient: job is the most urgent job's
 * marker (cd_worklist_marker), jobs how many, due, program and assignee the most urgent job's,
 * task_ids every job's, most urgent first ("12,7"). The screen's columns (Q->screen) follow
 * from CD_WORKLIST_PCOL_PATIENT_ID on: first is the patient's first row in the jobs page,
 * urgency the most urgent job's cd_worklist_when, claimed_by a claimer of one of its jobs. */
#define CD_WORKLIST_PATIENT_COLUMNS(X)                                                             \
    X(CD_WORKLIST_PCOL_RANK, "rank")                                                               \
    X(CD_WORKLIST_PCOL_MRN, "mrn")                                                                 \
    X(CD_WORKLIST_PCOL_PATIENT, "patient")                                                         \
    X(CD_WORKLIST_PCOL_PHONE, "phone")                                                             \
    X(CD_WORKLIST_PCOL_RISK, "risk")                                                               \
    X(CD_WORKLIST_PCOL_JOB, "job")                                                                 \
    X(CD_WORKLIST_PCOL_JOBS, "jobs")                                                               \
    X(CD_WORKLIST_PCOL_DUE, "due")                                                                 \
    X(CD_WORKLIST_PCOL_REASON, "reason")                                                           \
    X(CD_WORKLIST_PCOL_PROGRAM, "program")                                                         \
    X(CD_WORKLIST_PCOL_ASSIGNEE, "assignee")                                                       \
    X(CD_WORKLIST_PCOL_TASK_IDS, "task_ids")                                                       \
    X(CD_WORKLIST_PCOL_PATIENT_ID, "patient_id")                                                   \
    X(CD_WORKLIST_PCOL_FIRST, "first")                                                             \
    X(CD_WORKLIST_PCOL_URGENCY, "urgency")                                                         \
    X(CD_WORKLIST_PCOL_CLAIMED_BY, "claimed_by")
enum cd_worklist_pcol { CD_WORKLIST_PATIENT_COLUMNS(CD_PAGE_COL_ENUM) CD_WORKLIST_PCOLS };
/* The list for Q now, one row per patient ranked by its most urgent job
 * (CD_WORKLIST_PATIENT_COLUMNS; without Q->screen, those before CD_WORKLIST_PCOL_PATIENT_ID).
 * JOBS (may be NULL) gets the jobs as cd_worklist_list's rows with the screen's columns, patient
 * by patient in the same order, each patient's most urgent first. Does not generate. */
int cd_worklist_patients(struct cd_store *store, const struct cd_worklist_query *q,
                         struct cd_page *patients, struct cd_page *jobs, struct cd_error *err);
/* The TCM figures of a list's JOBS page (cd_worklist_patients), counted as `status` counts the
 * clinic's (core/counts.h): TCM contacts and visits past due, TCM contacts due today or earlier
 * (tcm_contacts_due), and every open TCM visit (tcm_visits_open). */
struct cd_worklist_tcm_figures {
    size_t overdue, calls_due, visits;
};
void cd_worklist_tcm_figures(const struct cd_page *jobs, struct cd_worklist_tcm_figures *out);
/* EXPLAIN QUERY PLAN of the list query for SCOPE (for tests and benchmarks): id parent detail. */
int cd_worklist_plan(struct cd_store *store, enum cd_worklist_scope scope, struct cd_page *page,
                     struct cd_error *err);
/* This month's care-management time of one patient (the chart header). */
struct cd_worklist_minutes {
    char program[16]; /* the active ccm, ccm_complex or pcm enrollment; "" when none */
    long seconds;     /* unvoided ccm/ccm_complex/pcm time this month */
    int threshold;    /* the program's first code, in minutes (0 when none) */
};
int cd_worklist_patient_minutes(struct cd_store *store, int64_t patient_id,
                                struct cd_worklist_minutes *out, struct cd_error *err);
/* Validate a --program / --kind filter value. */
int cd_worklist_check_filter(const char *program, const char *kind, struct cd_error *err);

#endif
