/* SPDX-License-Identifier: MIT */
/* Unit tests of core/clock: day numbers, parsing, zones, the running clock. */
#include "config.h"

#include "core/base/clock.h"
#include "tests/lib/tap.h"

static void test_days(void)
{
    char buf[CD_DATE_LEN];
    is_int(cd_date_from_ymd(1970, 1, 1), 0, "epoch is day 0");
    is_int(cd_date_from_ymd(2000, 3, 1), 11017, "2000-03-01");
    is_str(cd_date_format(cd_date_from_ymd(2024, 2, 29), buf), "2024-02-29", "leap day");
    is_str(cd_date_format(cd_date_from_ymd(2024, 2, 29) + 1, buf), "2024-03-01", "after leap day");
    is_str(cd_date_format(cd_date_from_ymd(1899, 12, 31), buf), "1899-12-31", "before 1900");
    is_int(cd_date_weekday(cd_date_from_ymd(2026, 11, 20)), 5, "2026-11-20 is a Friday");
    is_int(cd_date_weekday(cd_date_from_ymd(1969, 12, 31)), 3, "1969-12-31 is a Wednesday");
    is_int(cd_date_days_in_month(2100, 2), 28, "2100 is not a leap year");
    is_int(cd_date_days_in_month(2000, 2), 29, "2000 is a leap year");
    is_int(cd_date_age(cd_date_from_ymd(1948, 5, 12), cd_date_from_ymd(2026, 5, 11)), 77,
           "age the day before a birthday");
    is_int(cd_date_age(cd_date_from_ymd(1948, 5, 12), cd_date_from_ymd(2026, 5, 12)), 78,
           "age on the birthday");
}

static void test_date_parse(void)
{
    struct cd_error err = {0};
    int day = 0;
    is_int(cd_date_parse("2026-02-29", &day, &err), CD_EINVAL, "2026-02-29 refused");
    is_str(err.msg, "'2026-02-29' is not a real calendar date", "message names the date");
    is_int(cd_date_parse("2026-2-1", &day, &err), CD_EINVAL, "short form refused");
    is_int(cd_date_parse("2026-11-23", &day, NULL), 0, "good date");
    is_int(day, cd_date_from_ymd(2026, 11, 23), "its day number");
}

static void test_instants(void)
{
    struct cd_error err = {0};
    char buf[CD_INSTANT_LEN];
    time_t t;
    is_int(cd_clock_set_zone("America/New_York", &err), 0, "zone set");
    is_int(cd_instant_parse("2026-03-08T01:30", &t, NULL), 0, "local time parses");
    is_str(cd_instant_format(t, buf), "2026-03-08T06:30:00Z", "EST offset before DST");
    is_int(cd_instant_parse("2026-03-08T03:30", &t, NULL), 0, "after the switch");
    is_str(cd_instant_format(t, buf), "2026-03-08T07:30:00Z", "EDT offset after DST");
    is_int(cd_instant_parse("2026-11-20T23:30:00Z", &t, NULL), 0, "UTC instant");
    is_int(cd_instant_local_day(t), cd_date_from_ymd(2026, 11, 20), "local day in New York");
    is_int(cd_instant_parse("2026-11-21T01:30+02:00", &t, NULL), 0, "offset instant");
    is_str(cd_instant_format(t, buf), "2026-11-20T23:30:00Z", "offset applied");
    is_int(cd_instant_parse("2026-11-21T04:30:00.123Z", &t, NULL), 0, "fraction dropped");
    is_int(cd_instant_local_day(t), cd_date_from_ymd(2026, 11, 20), "UTC next day is local today");
    is_int(cd_instant_parse("2026-11-21T25:00", &t, &err), CD_EINVAL, "hour 25 refused");
    is_int(cd_instant_parse("2026-11-21T10:00+1", &t, &err), CD_EINVAL, "bad offset refused");
    is_int(cd_instant_parse("yesterday", &t, &err), CD_EINVAL, "words refused");
    is_int(cd_clock_set_zone("Nowhere/Land", &err), CD_EINVAL, "unknown zone refused");
    is_str(cd_clock_zone(), "America/New_York", "zone unchanged after a refusal");
}

static void test_running_clock(void)
{
    time_t t;
    cd_instant_parse("2026-11-02T09:00", &t, NULL);
    cd_clock_set(t);
    time_t now = cd_clock_now();
    ok(now >= t && now <= t + 2, "clock starts at --now and runs on");
    is_int(cd_clock_today(), cd_date_from_ymd(2026, 11, 2), "today in the clinic zone");
}

int main(void)
{
    test_days();
    test_date_parse();
    test_instants();
    test_running_clock();
    return done_testing();
}
