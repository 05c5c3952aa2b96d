/* SPDX-License-Identifier: MIT */
/* Tasks: the worklist's units of work (a TCM contact, a TCM visit, a call back ...). */
#ifndef CD_CORE_TASK_H
#define CD_CORE_TASK_H

#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/vocab.h"
#include "core/store/store.h"
#include "core/timeentry_sql.h"

/* SQL true for open task T (an alias) that exists only for a program its patient is no longer
 * actively enrolled in: a TCM contact or visit without its discharge's active TCM enrollment, a
 * CCM outreach without a CCM, complex CCM or PCM enrollment active on :today (YYYY-MM-DD). */
#define CD_SQL_TASK_UNENROLLED(t)                                                                  \
    "((" t ".kind = 'tcm_contact' OR " t ".kind = 'tcm_visit') AND NOT EXISTS (SELECT 1 FROM "     \
    "enrollments e WHERE e.patient_id = " t ".patient_id AND e.program = 'tcm' AND e.status = "    \
    "'active' AND (e.encounter_id IS NULL OR " t ".encounter_id IS NULL OR e.encounter_id = " t    \
    ".encounter_id)) OR " t ".kind = 'ccm_outreach' AND NOT EXISTS (SELECT 1 FROM enrollments e "  \
    "WHERE e.patient_id = " t ".patient_id AND e.program IN " CD_SQL_CARE_PROGRAMS                 \
    " AND e.status = 'active' AND e.start_date <= :today AND (e.end_date IS NULL OR "              \
    "e.end_date >= :today)))"

/* A new task (borrowed strings). */
struct cd_task_in {
    int64_t patient_id;
    const char *kind; /* tcm_contact, tcm_visit, ccm_outreach, careplan_review, callback, ... */
    const char *title;
    time_t due_at; /* the instant it is due by */
    int due_day;   /* the same as a clinic-zone day number */
    int priority;
    int64_t assignee_id; /* 0: left in TEAM's queue */
    const char *team;
    int64_t encounter_id; /* 0: none */
    const char *gen_key;  /* idempotent generation key, or NULL */
};

/* One task as the rules need it. */
struct cd_task {
    int64_t id, patient_id, encounter_id;
    char kind[24];
    char status[12];
    time_t due_at;
    int due_day;
    int attempts_satisfied;
};

/* Create a task inside the caller's transaction (audited). With a GEN_KEY already used, nothing
 * is written and *ID gets the existing task (*CREATED 0). */
int cd_task_create(struct cd_store *store, const struct cd_task_in *in, int64_t *id, int *created,
                   struct cd_error *err);
/* Read task ID. CD_ENOTFOUND when there is none. */
int cd_task_get(struct cd_store *store, int64_t id, struct cd_task *out, struct cd_error *err);
/* The patient's open task of KIND due first (ENOTFOUND when none). */
int cd_task_find_open(struct cd_store *store, int64_t patient_id, const char *kind,
                      struct cd_task *out, struct cd_error *err);
/* Mark an open task done with REASON, by the store's actor (inside the caller's transaction). */
int cd_task_complete(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err);
/* Record that two timely unsuccessful attempts satisfy the task; it stays open. */
int cd_task_set_attempts_satisfied(struct cd_store *store, int64_t id, struct cd_error *err);
/* Cancel every open task of ENCOUNTER_ID with REASON; *N (may be NULL) gets how many. */
int cd_task_cancel_for_encounter(struct cd_store *store, int64_t encounter_id, const char *reason,
                                 int *n, struct cd_error *err);
/* Cancel PATIENT_ID's open tasks that existed only for PROGRAM, just ended: TCM's contact and visit
 * (CD_SQL_TASK_UNENROLLED); CCM, complex CCM and PCM's outreach likewise, and the care plan's
 * review once no CCM, complex CCM, PCM or APCM enrollment is left. REASON is each task's close
 * reason; audited, inside the caller's transaction; *N (may be NULL) gets how many. */
int cd_task_cancel_for_program(struct cd_store *store, int64_t patient_id, const char *program,
                               const char *reason, int *n, struct cd_error *err);
/* Who holds a claim on a task (for the refusal when someone else does). */
struct cd_task_claim {
    int64_t user_id;
    char login[65];
    time_t at;
};

/* Claim open task ID for the store's actor, so two coordinators do not call the same patient
 * (one transaction, audited). Claiming again one's own claim succeeds; a claim made before today
 * (clinic zone) has lapsed and may be taken. CD_ECONFLICT when someone else holds it today:
 * *HOLDER (may be NULL) gets who and since when, and the message names them. */
int cd_task_claim(struct cd_store *store, int64_t id, struct cd_task_claim *holder,
                  struct cd_error *err);
/* Release the actor's own claim on ID. CD_ECONFLICT when the actor does not hold it. */
int cd_task_unclaim(struct cd_store *store, int64_t id, struct cd_error *err);
/* Give open task ID to LOGIN (NULL: back to the queue of its team, or of its last assignee's
 * team); any claim is dropped (one transaction, audited). */
int cd_task_assign(struct cd_store *store, int64_t id, const char *login, struct cd_error *err);
/* Move open task ID to clinic day DAY (after today), same time of day, for REASON, and note it on
 * the chart (a note of kind 'snooze'); one transaction, audited. TCM contacts and visits carry
 * regulatory deadlines and cannot be snoozed. */
/* 0 when a task of KIND may be snoozed; CD_EINVAL with the sentence why not (a TCM contact or
 * visit has a deadline). The screens ask before they ask for a date and a reason. */
int cd_task_snoozable(const char *kind, struct cd_error *err);
int cd_task_snooze(struct cd_store *store, int64_t id, int day, const char *reason,
                   struct cd_error *err);
/* Schedule a call back to PATIENT_ID at instant AT (not in the past), assigned to the store's
 * actor, with an optional NOTE as its title; the patient's other open callbacks are closed as
 * replaced (one transaction, audited). *ID (may be NULL) gets the new task. */
int cd_task_callback(struct cd_store *store, int64_t patient_id, time_t at, const char *note,
                     int64_t *id, struct cd_error *err);
/* Mark open task ID done by booking APPOINTMENT_ID (a TCM visit), with REASON (inside the
 * caller's transaction, audited 'close'). CD_ECONFLICT when it is no longer open. */
int cd_task_complete_by_appointment(struct cd_store *store, int64_t id, int64_t appointment_id,
                                    const char *reason, struct cd_error *err);
/* Reopen done task ID because what closed it no longer holds (DETAIL says why; inside the
 * caller's transaction, audited 'reopen'). CD_ECONFLICT when it is not done. */
int cd_task_reopen(struct cd_store *store, int64_t id, const char *detail, struct cd_error *err);
/* Cancel open task ID with REASON (inside the caller's transaction). */
int cd_task_cancel(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err);
/* The patient's tasks, due first: id kind title due_date status assignee team
 * attempts_satisfied close_reason. */
int cd_task_list_patient(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                         struct cd_error *err);

#endif
