/* SPDX-License-Identifier: MIT */
/* Time entries: the minutes of care management work, from the timer or typed in, with edits and
 * voids that keep the original; the activity list and the clinic-zone billing month. */
#ifndef CD_CORE_TIMEENTRY_H
#define CD_CORE_TIMEENTRY_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/vocab.h"
#include "core/store/store.h"

/* "YYYY-MM" plus NUL */
#define CD_MONTH_LEN 8
/* The clinic-zone month of instant T as YYYY-MM into OUT (CD_MONTH_LEN bytes). Returns OUT. */
char *cd_month_of(time_t t, char *out);
/* Parse YYYY-MM; FIRST and LAST (may be NULL) get its first and last day numbers. */
int cd_month_parse(const char *s, int *first, int *last, struct cd_error *err);
/* The instant the clinic-zone month after the one holding T begins (local midnight of the 1st). */
time_t cd_month_next_start(time_t t);
/* Parse a duration typed by a person: whole minutes ("14") or minutes and seconds ("14:30"),
 * from 1 second to 12 hours. */
int cd_time_parse_duration(const char *s, int64_t *seconds, struct cd_error *err);
/* Format SECONDS as "mm:ss" ("07:41", "125:00") into OUT (at least 24 bytes). Returns OUT. */
char *cd_time_format_mmss(int64_t seconds, char *out);

/* One span of work, as the timer writes it (all strings borrowed). */
struct cd_time_span {
    int64_t patient_id;
    const char *program;  /* ccm ccm_complex pcm tcm apcm coordination */
    const char *role;     /* clinical_staff practitioner */
    const char *activity; /* a cd_activities key */
    const char *source;   /* timer manual demo */
    const char *note;     /* may be NULL */
    time_t start, end;    /* end >= start; both in the same clinic month */
    int64_t seconds;      /* counted seconds, at most end - start */
    bool confirm;         /* above the day limit: the acting supervisor confirms it */
};
/* Insert one span inside the caller's transaction (audited); its month is the clinic month of
 * START. CD_EINVAL when a field is wrong, the span crosses a month boundary or lies outside the
 * patient's life or enrollment; CD_EPERM above the day limit unconfirmed (core/timerule.h). */
int cd_time_insert(struct cd_store *store, const struct cd_time_span *span, int64_t *id,
                   struct cd_error *err);

/* A manual entry or the changes of an edit (strings borrowed; NULL / 0 = not given). */
struct cd_time_fields {
    const char *date;     /* YYYY-MM-DD, not in the future (default today); today's entry ends
                             now, an earlier day's starts at 12:00 local */
    int64_t seconds;      /* > 0 */
    const char *activity; /* default other */
    const char *program;  /* default: the patient's care-management program */
    const char *role;     /* default clinical_staff */
    const char *note;
    bool confirm; /* above the day limit: the acting supervisor or admin confirms it */
};
/* Add a manual entry for PATIENT_ID on F->date (default today) lasting F->seconds (one
 * transaction, audited). *ID (may be NULL) gets the new entry's id. */
int cd_time_add(struct cd_store *store, int64_t patient_id, const struct cd_time_fields *f,
                int64_t *id, struct cd_error *err);
/* Correct entry ID: void it with the reason 'edited' and insert a replacement carrying
 * replaces_id = ID, with the fields of F that are given and the original's for the rest (one
 * transaction, audited). CD_ENOTFOUND for an unknown entry, CD_EINVAL for a voided one. */
int cd_time_edit(struct cd_store *store, int64_t id, const struct cd_time_fields *f,
                 int64_t *new_id, struct cd_error *err);
/* Void entry ID with REASON (required); the row stays, marked voided (audited). */
int cd_time_void(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err);
/* The columns of cd_time_list's page: date, start and end are clinic local, duration is MM:SS,
 * user is the login of who logged it. */
#define CD_TIME_COLUMNS(X)                                                                         \
    X(CD_TIME_COL_ID, "id")                                                                        \
    X(CD_TIME_COL_DATE, "date")                                                                    \
    X(CD_TIME_COL_START, "start")                                                                  \
    X(CD_TIME_COL_END, "end")                                                                      \
    X(CD_TIME_COL_DURATION, "duration")                                                            \
    X(CD_TIME_COL_PROGRAM, "program")                                                              \
    X(CD_TIME_COL_ROLE, "role")                                                                    \
    X(CD_TIME_COL_ACTIVITY, "activity")                                                            \
    X(CD_TIME_COL_SOURCE, "source")                                                                \
    X(CD_TIME_COL_VOIDED, "voided")                                                                \
    X(CD_TIME_COL_VOID_REASON, "void_reason")                                                      \
    X(CD_TIME_COL_REPLACES_ID, "replaces_id")                                                      \
    X(CD_TIME_COL_USER, "user")                                                                    \
    X(CD_TIME_COL_NOTE, "note")
enum cd_time_col { CD_TIME_COLUMNS(CD_PAGE_COL_ENUM) CD_TIME_NCOLS };
/* The entries of PATIENT_ID in MONTH (YYYY-MM, NULL = all), oldest first (CD_TIME_COLUMNS). */
int cd_time_list(struct cd_store *store, int64_t patient_id, const char *month,
                 struct cd_page *page, struct cd_error *err);
/* The patient of entry ID. CD_ENOTFOUND when there is none. */
int cd_time_patient(struct cd_store *store, int64_t id, int64_t *patient_id, struct cd_error *err);

#endif
