/* SPDX-License-Identifier: MIT */
/* Follow-up appointments: book, move, cancel, mark kept or no-show, list. Booking a TCM
 * face-to-face visit inside its 7- or 14-day window closes the patient's tcm_visit task. */
#ifndef CD_CORE_APPOINTMENT_H
#define CD_CORE_APPOINTMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/vocab.h"
#include "core/store/store.h"

/* A booking as typed (borrowed strings; NULL or "" = not given). */
struct cd_appointment_in {
    int64_t patient_id; /* or 0 and MRN */
    const char *mrn;
    const char *kind;     /* one of cd_appointment_kinds; default "other" */
    const char *at;       /* clinic wall time YYYY-MM-DDTHH:MM */
    int duration_min;     /* 1 to 1440 */
    const char *provider; /* required */
    const char *location;
    const char *note;
    int64_t encounter_id; /* the discharge it follows up; 0 = none (a TCM visit finds it) */
};

/* A change to a booked appointment: NULL / 0 leaves a field as it is. */
struct cd_appointment_change {
    const char *at;
    int duration_min;
    const char *provider;
    const char *location;
};

/* What a write did, for the caller to show. */
struct cd_appointment_result {
    int64_t id;            /* the appointment */
    int sequence;          /* its sequence number after the write */
    int changed;           /* 0 when the write changed nothing (same time and place) */
    int64_t task_closed;   /* the tcm_visit task this write closed, or 0 */
    int64_t task_reopened; /* the tcm_visit task this write reopened, or 0 */
    char warning[300];     /* "" or one line, e.g. a TCM visit outside its window */
};

/* True when a TCM visit on DAY lies in the window of a discharge on DISCHARGE_DAY: from the
 * discharge to day 7 (HIGH complexity, 99496) or day 14 (99495); *LAST (may be NULL) gets the last
 * day. The one rule booking, moving and `caredesk check` apply. */
bool cd_appointment_tcm_window(int day, int discharge_day, bool high, int *last);
/* Check a booking without writing: kind, wall time (a time skipped by a daylight-saving change is
 * refused), duration, provider, location, note. Messages name the field. */
int cd_appointment_validate(const struct cd_appointment_in *in, struct cd_error *err);
/* Book an appointment in the clinic's zone (one transaction, audited) with a new random UID and
 * sequence 0. A tcm_visit links the patient's latest TCM discharge and closes its open
 * tcm_visit task when the date is within the window; outside it RES->warning says so and the task
 * stays open (never refused). */
int cd_appointment_book(struct cd_store *store, const struct cd_appointment_in *in,
                        struct cd_appointment_result *res, struct cd_error *err);
/* Reschedule or relocate a booked appointment; the sequence grows when anything changed. The TCM
 * window is checked again (closing or reopening the task). CD_ECONFLICT when it is not booked. */
int cd_appointment_move(struct cd_store *store, int64_t id, const struct cd_appointment_change *ch,
                        struct cd_appointment_result *res, struct cd_error *err);
/* Cancel a booked appointment (REASON may be NULL); a tcm_visit task it had closed reopens. */
int cd_appointment_cancel(struct cd_store *store, int64_t id, const char *reason,
                          struct cd_appointment_result *res, struct cd_error *err);
/* Record that the patient came (kept) or did not (no_show); either may correct the other. A
 * no-show reopens the tcm_visit task the booking had closed. */
int cd_appointment_kept(struct cd_store *store, int64_t id, struct cd_appointment_result *res,
                        struct cd_error *err);
int cd_appointment_no_show(struct cd_store *store, int64_t id, struct cd_appointment_result *res,
                           struct cd_error *err);

/* Which appointments to list or export (borrowed; NULL / 0 = no limit). */
struct cd_appointment_filter {
    const char *from;   /* first clinic date YYYY-MM-DD, inclusive */
    const char *to;     /* last clinic date, inclusive */
    int64_t patient_id; /* or 0 and MRN */
    const char *mrn;
    const char *provider; /* exact provider text */
};

/* Resolve F into UTC bounds FROM_AT (inclusive) and TO_AT (exclusive), CD_INSTANT_LEN bytes each,
 * "" when open, and *PATIENT_ID (0 = all). Messages name the option (from, to, patient). */
int cd_appointment_filter_bounds(struct cd_store *store, const struct cd_appointment_filter *f,
                                 char *from_at, char *to_at, int64_t *patient_id,
                                 struct cd_error *err);
/* The columns of cd_appointment_list's page: patient is "Family, Given", start the wall time in
 * the appointment's zone, duration in minutes. */
#define CD_APPOINTMENT_COLUMNS(X)                                                                  \
    X(CD_APPOINTMENT_COL_ID, "id")                                                                 \
    X(CD_APPOINTMENT_COL_MRN, "mrn")                                                               \
    X(CD_APPOINTMENT_COL_PATIENT, "patient")                                                       \
    X(CD_APPOINTMENT_COL_KIND, "kind")                                                             \
    X(CD_APPOINTMENT_COL_START, "start")                                                           \
    X(CD_APPOINTMENT_COL_DURATION, "duration")                                                     \
    X(CD_APPOINTMENT_COL_PROVIDER, "provider")                                                     \
    X(CD_APPOINTMENT_COL_LOCATION, "location")                                                     \
    X(CD_APPOINTMENT_COL_STATUS, "status")                                                         \
    X(CD_APPOINTMENT_COL_SEQUENCE, "sequence")
enum cd_appointment_col { CD_APPOINTMENT_COLUMNS(CD_PAGE_COL_ENUM) CD_APPOINTMENT_NCOLS };
/* Appointments by start time, then id, into PAGE (CD_APPOINTMENT_COLUMNS). */
int cd_appointment_list(struct cd_store *store, const struct cd_appointment_filter *f,
                        struct cd_page *page, struct cd_error *err);
/* One appointment: id uid sequence mrn patient kind status start_at start tzid duration provider
 * location encounter_id note cancel_reason. CD_ENOTFOUND names the id. */
int cd_appointment_get(struct cd_store *store, int64_t id, struct cd_page *page,
                       struct cd_error *err);

#endif
