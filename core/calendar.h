/* SPDX-License-Identifier: MIT */
/* Business days: US federal holidays (5 U.S.C. 6103, OPM observance) plus the clinic's extra
 * holidays, and the TCM deadlines that count them. Days are day numbers (core/clock.h). */
#ifndef CD_CORE_CALENDAR_H
#define CD_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* The clinic's calendar: the extra holidays it observes (sorted, owned). */
struct cd_calendar {
    int *extra;
    size_t nextra;
};

#define CD_CALENDAR_INIT                                                                           \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

struct cd_holiday {
    int day;          /* the observed date */
    const char *name; /* static */
};

/* The federal holidays observed in calendar YEAR, in date order, into OUT (room for 12);
 * includes New Year's Day of YEAR+1 when it is observed on December 31 of YEAR. Returns the count.
 */
int cd_calendar_federal_holidays(int year, struct cd_holiday *out);
/* True when DAY is an observed federal holiday; *NAME (may be NULL) gets its name. */
bool cd_calendar_is_federal_holiday(int day, const char **name);
/* True when DAY is Monday to Friday and neither a federal nor an extra holiday. A weekday the
 * clinic is merely closed still counts (CMS: "without respect to normal practice hours"). */
bool cd_calendar_is_business_day(const struct cd_calendar *cal, int day);
/* The Nth business day after DAY (N >= 1); DAY itself never counts. */
int cd_calendar_add_business_days(const struct cd_calendar *cal, int day, int n);
/* Business days in the half-open range (FROM, TO]: 0 when TO <= FROM. */
int cd_calendar_business_days_between(const struct cd_calendar *cal, int from, int to);
/* Load the clinic's extra holidays from the settings (caller frees with cd_calendar_free). */
int cd_calendar_load(struct cd_store *store, struct cd_calendar *cal, struct cd_error *err);
/* Free the extra holidays (the struct is the caller's). */
void cd_calendar_free(struct cd_calendar *cal);

/* The TCM deadlines of a discharge on DISCHARGE_DAY (day 0, clinic zone). */
struct cd_tcm_due {
    int contact_due;  /* end of the 2nd business day after discharge */
    int visit_due_7;  /* discharge + 7 (99496, high complexity) */
    int visit_due_14; /* discharge + 14 (99495, moderate) */
    int period_end;   /* discharge + 29: the 30-day service period */
};
void cd_tcm_deadlines(const struct cd_calendar *cal, int discharge_day, struct cd_tcm_due *out);

#endif
