/* SPDX-License-Identifier: MIT */
/* US federal holidays by rule, business-day counting and the TCM deadlines (domain.md, TCM). */
#include "config.h"
#include "core/calendar.h"

#include <stdlib.h>

#include "core/base/clock.h"
#include "core/store/settings.h"

/* The Nth (1-based) WEEKDAY (0 = Sunday) of month M in year Y; N = -1 is the last one. */
static int nth_weekday(int y, int m, int weekday, int n)
{
    if (n > 0) {
        int first = cd_date_from_ymd(y, m, 1);
        int shift = (weekday - cd_date_weekday(first) + 7) % 7;
        return first + shift + 7 * (n - 1);
    }
    int last = cd_date_from_ymd(y, m, cd_date_days_in_month(y, m));
    return last - (cd_date_weekday(last) - weekday + 7) % 7;
}

/* A fixed-date holiday on Saturday is observed the Friday before, on Sunday the Monday after. */
static int observed(int day)
{
    switch (cd_date_weekday(day)) {
    case 6: return day - 1;
    case 0: return day + 1;
    default: return day;
    }
}

static int add(struct cd_holiday *out, int n, int day, const char *name)
{
    out[n].day = day;
    out[n].name = name;
    return n + 1;
}

int cd_calendar_federal_holidays(int year, struct cd_holiday *out)
{
    int n = 0;
    int ny = observed(cd_date_from_ymd(year, 1, 1));
    if (ny >= cd_date_from_ymd(year, 1, 1)) /* else it fell on Dec 31 of the year before */
        n = add(out, n, ny, "New Year's Day");
    n = add(out, n, nth_weekday(year, 1, 1, 3), "Martin Luther King Jr. Day");
    n = add(out, n, nth_weekday(year, 2, 1, 3), "Washington's Birthday");
    n = add(out, n, nth_weekday(year, 5, 1, -1), "Memorial Day");
    if (year >= 2021)
        n = add(out, n, observed(cd_date_from_ymd(year, 6, 19)),
                "Juneteenth National Independence Day");
    n = add(out, n, observed(cd_date_from_ymd(year, 7, 4)), "Independence Day");
    n = add(out, n, nth_weekday(year, 9, 1, 1), "Labor Day");
    n = add(out, n, nth_weekday(year, 10, 1, 2), "Columbus Day");
    n = add(out, n, observed(cd_date_from_ymd(year, 11, 11)), "Veterans Day");
    n = add(out, n, nth_weekday(year, 11, 4, 4), "Thanksgiving Day");
    n = add(out, n, observed(cd_date_from_ymd(year, 12, 25)), "Christmas Day");
    int next_ny = observed(cd_date_from_ymd(year + 1, 1, 1));
    if (next_ny < cd_date_from_ymd(year + 1, 1, 1))
        n = add(out, n, next_ny, "New Year's Day");
    return n;
}

bool cd_calendar_is_federal_holiday(int day, const char **name)
{
    int y, m, d;
    cd_date_to_ymd(day, &y, &m, &d);
    struct cd_holiday hol[12];
    int n = cd_calendar_federal_holidays(y, hol);
    for (int i = 0; i < n; i++) {
        if (hol[i].day == day) {
            if (name)
                *name = hol[i].name;
            return true;
        }
    }
    return false;
}

static bool is_extra(const struct cd_calendar *cal, int day)
{
    if (!cal || !cal->nextra)
        return false;
    size_t lo = 0, hi = cal->nextra;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cal->extra[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cal->nextra && cal->extra[lo] == day;
}

bool cd_calendar_is_business_day(const struct cd_calendar *cal, int day)
{
    int w = cd_date_weekday(day);
    if (w == 0 || w == 6)
        return false;
    return !cd_calendar_is_federal_holiday(day, NULL) && !is_extra(cal, day);
}

int cd_calendar_add_business_days(const struct cd_calendar *cal, int day, int n)
{
    while (n > 0) {
        day++;
        if (cd_calendar_is_business_day(cal, day))
            n--;
    }
    return day;
}

int cd_calendar_business_days_between(const struct cd_calendar *cal, int from, int to)
{
    int n = 0;
    for (int d = from + 1; d <= to; d++)
        n += cd_calendar_is_business_day(cal, d);
    return n;
}

int cd_calendar_load(struct cd_store *store, struct cd_calendar *cal, struct cd_error *err)
{
    cal->extra = NULL;
    cal->nextra = 0;
    return cd_settings_extra_holidays(store, &cal->extra, &cal->nextra, err);
}

void cd_calendar_free(struct cd_calendar *cal)
{
    if (!cal)
        return;
    free(cal->extra);
    cal->extra = NULL;
    cal->nextra = 0;
}

void cd_tcm_deadlines(const struct cd_calendar *cal, int discharge_day, struct cd_tcm_due *out)
{
    out->contact_due = cd_calendar_add_business_days(cal, discharge_day, 2);
    out->visit_due_7 = discharge_day + 7;
    out->visit_due_14 = discharge_day + 14;
    out->period_end = discharge_day + 29;
}
