/* SPDX-License-Identifier: MIT */
/* Contact attempts (calls, visits, portal messages) and the TCM contact rules:
 * - An interactive contact (outcome reached or caregiver) made after a discharge completes that
 *   discharge's open tcm_contact task, whatever task the call was logged on; made after the
 *   task's deadline it is recorded and marked late (cd_contact_late). It never counts as an
 *   unsuccessful attempt.
 * - Unsuccessful attempts (voicemail, no_answer, wrong_number, refused) stay on the record. Two
 *   of them on separate occasions, both on or before the deadline, mark the task "attempts
 *   satisfied"; it stays open (outreach continues until the patient is reached).
 * - Interpretation: attempts are about reaching the patient, not about the job the nurse picked:
 *   an unsuccessful attempt made after the discharge counts toward its TCM contact whatever
 *   task it was logged on (a CCM outreach call that goes to voicemail is a TCM attempt too).
 * - Interpretation of "separate occasions": attempts on different clinic-local calendar days.
 *   Two calls on the same day count once.
 * - An attempt made from a worklist row names its task; an interactive one also completes a
 *   callback, CCM outreach, follow-up, referral or other task it was logged on. A care-plan
 *   review or a TCM visit stays open (a call does not do them).
 * - Any interactive contact also completes the patient's open CCM outreach ("no contact yet this
 *   month") and the callbacks due by the end of today.
 * - A refusal may end the refused program (or all of them) in the same transaction, with the
 *   end reason "refused": the patient has the right to stop at any time. */
#ifndef CD_CORE_CONTACT_H
#define CD_CORE_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* A contact attempt (borrowed strings). */
struct cd_contact_in {
    int64_t patient_id;
    const char *outcome; /* reached caregiver voicemail no_answer wrong_number refused */
    const char *channel; /* phone (default) video portal in_person */
    const char *note;
    time_t at;       /* when; 0 = now */
    int64_t task_id; /* the worklist row it was made from; 0 = the open TCM contact, if any */
    const char *end_program; /* with outcome refused: the program to end, "all", or NULL */
};

/* What cd_contact_log did. */
struct cd_contact_result {
    int64_t contact_id;
    int64_t task_id;     /* the task it was logged on (IN's, else the TCM contact), 0 when none */
    char task_kind[24];  /* the kind of TASK_ID ("" when none) */
    int task_completed;  /* TASK_ID is now done */
    int interactive;     /* reached or caregiver */
    int64_t tcm_task_id; /* the open tcm_contact task it counted for (may be TASK_ID), 0 none */
    int tcm_completed;   /* that TCM contact is now done */
    int late;            /* made after the TCM contact's deadline */
    int attempts;        /* timely unsuccessful attempts on separate days so far */
    int attempts_satisfied; /* the TCM contact is (now or already) satisfied by attempts */
    int task_due_day;       /* the TCM contact's due date */
    int others_completed;   /* CCM outreach and due callbacks the contact also completed */
    char also[96];          /* what it completed besides TASK_ID, "TCM contact, CCM outreach" */
    char ended[64];         /* the programs END_PROGRAM ended, "ccm,tcm"; "" when none */
    int tasks_cancelled;    /* the open tasks that existed only for those programs */
    char active[64];        /* after a refusal: the programs still active, "ccm"; "" when none */
};

/* True for an interactive outcome (reached, caregiver); *KNOWN false for an unknown outcome. */
bool cd_contact_interactive(const char *outcome, bool *known);
/* True when a contact at AT counts as late for a TCM contact task due at DUE_AT (its deadline, the
 * end of the 2nd business day after discharge): the rule cd_contact_log marks and check reads. */
bool cd_contact_late(time_t at, time_t due_at);
/* Record an attempt by the store's actor, applying the rules above (one transaction, audited). */
int cd_contact_log(struct cd_store *store, const struct cd_contact_in *in,
                   struct cd_contact_result *res, struct cd_error *err);
/* What the call did to the tasks, for a status line or the CLI ("CCM outreach done; also done:
 * TCM contact"; "TCM contact: 1 of 2 attempts on separate days"; "no open task"). */
void cd_contact_describe(const struct cd_contact_result *r, char *buf, size_t size);
/* The columns of cd_contact_list's page (the login of who called is "user"). */
#define CD_CONTACT_COLUMNS(X)                                                                      \
    X(CD_CONTACT_COL_AT, "at")                                                                     \
    X(CD_CONTACT_COL_USER, "user")                                                                 \
    X(CD_CONTACT_COL_CHANNEL, "channel")                                                           \
    X(CD_CONTACT_COL_OUTCOME, "outcome")                                                           \
    X(CD_CONTACT_COL_INTERACTIVE, "interactive")                                                   \
    X(CD_CONTACT_COL_LATE, "late")                                                                 \
    X(CD_CONTACT_COL_TASK_ID, "task_id")                                                           \
    X(CD_CONTACT_COL_NOTE, "note")
enum cd_contact_col { CD_CONTACT_COLUMNS(CD_PAGE_COL_ENUM) CD_CONTACT_NCOLS };
/* The patient's contacts, newest first (CD_CONTACT_COLUMNS). */
int cd_contact_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                    struct cd_error *err);
/* How many contacts PATIENT_ID has on record into *COUNT (the chart's tab label). */
int cd_contact_count(struct cd_store *store, int64_t patient_id, int64_t *count,
                     struct cd_error *err);

#endif
