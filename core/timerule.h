/* SPDX-License-Identifier: MIT */
/* The rules care-management time must pass before it is written, whether typed in or from the
 * timer: it lies inside the patient's life and enrollment, and a day's minutes for one patient and
 * program stay under the clinic's limit unless a supervisor or admin confirms them. */
#ifndef CD_CORE_TIMERULE_H
#define CD_CORE_TIMERULE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* The clinic's limits, from the settings (in seconds). */
struct cd_time_limits {
    int64_t idle;      /* idle_minutes: a timer with no key press this long stops counting */
    int64_t timer_max; /* timer_max_minutes: a running timer stops itself past this */
    int64_t day_max;   /* day_max_minutes: above this a day needs a supervisor's confirmation */
};
/* The limits as set (the shipped defaults when a setting is missing or unreadable). */
void cd_time_limits_get(struct cd_store *store, struct cd_time_limits *out);

/* WHAT ("time", "contact") on DAY lies inside PATIENT_ID's life: not before the birth date, not
 * after the date of death. Otherwise CD_EINVAL: "contact on 2026-12-02 is after 1001's date of
 * death (2026-12-01)". */
int cd_time_check_life(struct cd_store *store, int64_t patient_id, const char *what, int day,
                       struct cd_error *err);
/* 0 when time on DAY (a clinic day number) for PATIENT_ID in PROGRAM lies inside the patient's
 * life (not before the birth date, not after the date of death) and, when the patient has ever
 * been enrolled in PROGRAM, inside one of those enrollments (coordination needs none). Otherwise
 * CD_EINVAL with a sentence naming the dates: "time on 1930-01-05 is before 1001's birth date
 * (1948-03-02)". */
int cd_time_check_dates(struct cd_store *store, int64_t patient_id, const char *program, int day,
                        struct cd_error *err);

/* The seconds of PROGRAM time PATIENT_ID has on DAY (entries not voided, by their start). */
int cd_time_day_seconds(struct cd_store *store, int64_t patient_id, const char *program, int day,
                        int64_t *seconds, struct cd_error *err);

/* The day limit: 0 when SECONDS more on DAY keep PATIENT_ID's PROGRAM time within the clinic's
 * day_max_minutes. Above it, 0 only when CONFIRM is set and the acting user is a supervisor or
 * admin (*CONFIRMED, which may be NULL, then says the confirmation was needed: the caller audits
 * it); otherwise CD_EPERM with a sentence that says so and how to confirm. */
int cd_time_check_day(struct cd_store *store, int64_t patient_id, const char *program, int day,
                      int64_t seconds, bool confirm, bool *confirmed, struct cd_error *err);

#endif
