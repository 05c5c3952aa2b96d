/* SPDX-License-Identifier: MIT */
/* The clock ("now", honouring --now), the clinic time zone, and date arithmetic.
 * Instants are time_t (UTC); dates are day numbers (days since 1970-01-01). */
#ifndef CD_CORE_BASE_CLOCK_H
#define CD_CORE_BASE_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "core/base/error.h"

/* "YYYY-MM-DDTHH:MM:SSZ" plus NUL */
#define CD_INSTANT_LEN 21
/* "YYYY-MM-DD" plus NUL */
#define CD_DATE_LEN 11

/* Set the clinic's IANA time zone for this process. CD_EINVAL when the zone is unknown. Writes
 * the environment (TZ): call it, and cd_clock_set, before starting threads; setting the zone it
 * already has writes nothing. */
int cd_clock_set_zone(const char *iana, struct cd_error *err);
/* The clinic zone set last ("UTC" until set). Borrowed. */
const char *cd_clock_zone(void);
/* True when IANA names a zone this machine (and libical) knows. */
bool cd_clock_zone_valid(const char *iana);
/* The machine's own zone name (from $TZ or /etc/localtime), or "UTC". Borrowed, static. */
const char *cd_clock_system_zone(void);

/* Start the clock at instant T: it runs on in real time from there. */
void cd_clock_set(time_t t);
/* Now, as a UTC instant. */
time_t cd_clock_now(void);
/* Today in the clinic zone, as a day number. */
int cd_clock_today(void);

/* Format T as "YYYY-MM-DDTHH:MM:SSZ" into OUT (CD_INSTANT_LEN bytes). Returns OUT. */
char *cd_instant_format(time_t t, char *out);
/* Parse an instant: YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM|-HH:MM]] (or a space for T). Without a zone
 * the time is clinic local; a date alone is local midnight. CD_EINVAL with a message on error. */
int cd_instant_parse(const char *s, time_t *out, struct cd_error *err);
/* Format T as clinic-local "YYYY-MM-DD HH:MM" into OUT (17 bytes). */
char *cd_instant_format_local(time_t t, char *out);
/* Clinic-local calendar date of T, as a day number. */
int cd_instant_local_day(time_t t);
/* The instant of local wall time DAY at H:M:S in the clinic zone (DST-aware). */
time_t cd_local_to_instant(int day, int h, int m, int s);
/* Split T into clinic-local fields. */
void cd_instant_local_tm(time_t t, struct tm *out);

/* Day number of a proleptic Gregorian date; no range check. */
int cd_date_from_ymd(int y, int m, int d);
/* Split a day number. */
void cd_date_to_ymd(int day, int *y, int *m, int *d);
/* 0 = Sunday ... 6 = Saturday. */
int cd_date_weekday(int day);
/* Days in month M of year Y. */
int cd_date_days_in_month(int y, int m);
/* Parse YYYY-MM-DD (strict, a real date). CD_EINVAL with a message on error. */
int cd_date_parse(const char *s, int *day, struct cd_error *err);
/* Format DAY as YYYY-MM-DD into OUT (CD_DATE_LEN bytes). Returns OUT. */
char *cd_date_format(int day, char *out);
/* Whole years between BIRTH and ON (age). */
int cd_date_age(int birth, int on);

#endif
