/* SPDX-License-Identifier: MIT */
/* Unit tests of core/calendar: every federal holiday of several years, observance, business days,
 * extra holidays and the TCM deadlines (domain.md examples). */
#include "config.h"

#include "core/base/clock.h"
#include "core/calendar.h"
#include "tests/lib/tap.h"

static int D(const char *s)
{
    int day = 0;
    cd_date_parse(s, &day, NULL);
    return day;
}

static void holidays_of(int year, const char *want)
{
    struct cd_holiday hol[12];
    int n = cd_calendar_federal_holidays(year, hol);
    char got[200] = "";
    for (int i = 0; i < n; i++) {
        char d[CD_DATE_LEN];
        strcat(got, i ? " " : "");
        strcat(got, cd_date_format(hol[i].day, d));
    }
    is_str(got, want, "federal holidays observed in %d", year);
}

static void tcm(const struct cd_calendar *cal, const char *discharge, const char *want)
{
    struct cd_tcm_due due;
    cd_tcm_deadlines(cal, D(discharge), &due);
    char a[CD_DATE_LEN], b[CD_DATE_LEN], c[CD_DATE_LEN], d[CD_DATE_LEN], got[64];
    snprintf(got, sizeof got, "%s %s %s %s", cd_date_format(due.contact_due, a),
             cd_date_format(due.visit_due_7, b), cd_date_format(due.visit_due_14, c),
             cd_date_format(due.period_end, d));
    is_str(got, want, "TCM deadlines for a discharge on %s", discharge);
}

int main(void)
{
    /* OPM tables: observed dates */
    holidays_of(2020, "2020-01-01 2020-01-20 2020-02-17 2020-05-25 2020-07-03 2020-09-07 "
                      "2020-10-12 2020-11-11 2020-11-26 2020-12-25");
    holidays_of(2021, "2021-01-01 2021-01-18 2021-02-15 2021-05-31 2021-06-18 2021-07-05 "
                      "2021-09-06 2021-10-11 2021-11-11 2021-11-25 2021-12-24 2021-12-31");
    holidays_of(2022, "2022-01-17 2022-02-21 2022-05-30 2022-06-20 2022-07-04 2022-09-05 "
                      "2022-10-10 2022-11-11 2022-11-24 2022-12-26");
    holidays_of(2023, "2023-01-02 2023-01-16 2023-02-20 2023-05-29 2023-06-19 2023-07-04 "
                      "2023-09-04 2023-10-09 2023-11-10 2023-11-23 2023-12-25");
    holidays_of(2026, "2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03 "
                      "2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25");
    holidays_of(2027, "2027-01-01 2027-01-18 2027-02-15 2027-05-31 2027-06-18 2027-07-05 "
                      "2027-09-06 2027-10-11 2027-11-11 2027-11-25 2027-12-24 2027-12-31");
    holidays_of(2028, "2028-01-17 2028-02-21 2028-05-29 2028-06-19 2028-07-04 2028-09-04 "
                      "2028-10-09 2028-11-10 2028-11-23 2028-12-25");

    const char *name = NULL;
    ok(cd_calendar_is_federal_holiday(D("2027-12-31"), &name),
       "New Year's Day 2028 (a Saturday) is observed on Friday 2027-12-31");
    is_str(name, "New Year's Day", "its name");
    ok(!cd_calendar_is_federal_holiday(D("2028-01-01"), NULL), "Saturday 2028-01-01 itself is not");
    ok(!cd_calendar_is_federal_holiday(D("2020-06-19"), NULL), "no Juneteenth before 2021");

    struct cd_calendar none = CD_CALENDAR_INIT;
    ok(!cd_calendar_is_business_day(&none, D("2026-11-21")), "Saturday is not a business day");
    ok(!cd_calendar_is_business_day(&none, D("2026-11-26")), "Thanksgiving is not");
    ok(cd_calendar_is_business_day(&none, D("2026-11-27")),
       "the Friday after Thanksgiving counts (not a federal holiday)");
    is_int(cd_calendar_business_days_between(&none, D("2026-12-18"), D("2027-01-04")), 9,
           "business days from 2026-12-18 to 2027-01-04");
    is_int(cd_calendar_business_days_between(&none, D("2026-12-18"), D("2026-12-18")), 0,
           "an empty range has none");

    /* domain.md examples */
    tcm(&none, "2026-11-20", "2026-11-24 2026-11-27 2026-12-04 2026-12-19"); /* Friday -> Tuesday */
    tcm(&none, "2026-11-21",
        "2026-11-24 2026-11-28 2026-12-05 2026-12-20"); /* Saturday -> Tuesday */
    tcm(&none, "2026-01-16",
        "2026-01-21 2026-01-23 2026-01-30 2026-02-14"); /* Fri before MLK -> Wed */
    tcm(&none, "2026-11-25",
        "2026-11-30 2026-12-02 2026-12-09 2026-12-24"); /* Wed before Thanksgiving */
    tcm(&none, "2026-11-26", "2026-11-30 2026-12-03 2026-12-10 2026-12-25"); /* on a holiday */
    tcm(&none, "2027-12-30",
        "2028-01-04 2028-01-06 2028-01-13 2028-01-28"); /* NY observed Dec 31 */
    tcm(&none, "2024-02-28", "2024-03-01 2024-03-06 2024-03-13 2024-03-28"); /* leap day */
    tcm(&none, "2026-12-23", "2026-12-28 2026-12-30 2027-01-06 2027-01-21"); /* Christmas */

    int extra[] = {D("2026-11-27"), D("2026-12-24")};
    struct cd_calendar clinic = {extra, 2};
    ok(!cd_calendar_is_business_day(&clinic, D("2026-11-27")), "a clinic holiday is not");
    tcm(&clinic, "2026-11-25", "2026-12-01 2026-12-02 2026-12-09 2026-12-24");
    tcm(&clinic, "2026-12-22", "2026-12-28 2026-12-29 2027-01-05 2027-01-20");

    /* every weekday of 2026 that is not a holiday is a business day: 261 weekdays - 11 */
    is_int(cd_calendar_business_days_between(&none, D("2025-12-31"), D("2026-12-31")), 250,
           "250 business days in 2026");
    return done_testing();
}
