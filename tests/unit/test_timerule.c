/* SPDX-License-Identifier: MIT */
/* Unit tests of core/timerule: time inside the patient's life and enrollment, the day's limit per
 * patient and program, and a supervisor's confirmation above it; through cd_time_add and
 * cd_time_edit as the command line and the Time tab call them. */
#include "config.h"

#include <sqlite3.h>

#include "core/enrollment.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/settings.h"
#include "core/store/store_impl.h"
#include "core/timeentry.h"
#include "core/timerule.h"
#include "core/user.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *s;

static int day(const char *date)
{
    int d = -1;
    cd_date_parse(date, &d, NULL);
    return d;
}

static int64_t patient(const char *mrn, const char *birth)
{
    struct cd_error err = {0};
    struct cd_patient_in p = {.mrn = mrn, .family = "Núñez", .given = "Zoë", .birth_date = birth};
    int64_t id = 0;
    if (cd_patient_add(s, &p, &id, &err))
        printf("# patient: %s\n", err.msg);
    return id;
}

static void enroll(const char *mrn, const char *program, const char *date)
{
    struct cd_error err = {0};
    struct cd_enroll_in in = {.mrn = mrn, .program = program, .consent = "verbal", .date = date};
    if (cd_enrollment_enroll(s, &in, NULL, NULL, &err))
        printf("# enroll: %s\n", err.msg);
}

static void life(void)
{
    struct cd_error err = {0};
    int64_t zoe = patient("1001", "1948-03-02");
    is_int(cd_time_check_dates(s, zoe, "coordination", day("1930-01-05"), &err), CD_EINVAL,
           "before the birth date");
    is_str(err.msg, "time on 1930-01-05 is before 1001's birth date (1948-03-02)",
           "the sentence names both dates");
    is_int(cd_time_check_dates(s, zoe, "coordination", day("1948-03-02"), &err), 0,
           "the birth date itself");
    struct cd_time_fields f = {.date = "1930-01-05", .seconds = 600};
    is_int(cd_time_add(s, zoe, &f, NULL, &err), CD_EINVAL, "time add before birth refused");
    is_str(err.msg, "time on 1930-01-05 is before 1001's birth date (1948-03-02)",
           "time add says why");

    /* a date of death, stored as the instant the discharge recorded it */
    int64_t ann = patient("1002", "1950-01-01");
    char sql[200];
    snprintf(sql, sizeof sql,
             "UPDATE patients SET deceased_at = '2026-10-16T02:30:00Z' WHERE id = %lld",
             (long long)ann);
    cd_store_begin(s, &err);
    is_int(sqlite3_exec(cd_store_sqlite(s), sql, NULL, NULL, NULL), SQLITE_OK, "fixture: died");
    cd_store_commit(s, &err);
    is_int(cd_time_check_dates(s, ann, "coordination", day("2026-10-15"), &err), 0,
           "the day of death (22:30 on the 15th in New York)");
    is_int(cd_time_check_dates(s, ann, "coordination", day("2026-10-16"), &err), CD_EINVAL,
           "after the date of death");
    is_str(err.msg, "time on 2026-10-16 is after 1002's date of death (2026-10-15)",
           "death sentence");
    is_int(cd_time_check_dates(s, 999, "ccm", day("2026-10-16"), &err), CD_ENOTFOUND,
           "unknown patient");
    is_str(err.msg, "no patient with id 999", "unknown patient sentence");
}

static void enrollment(void)
{
    struct cd_error err = {0};
    int64_t bo = patient("1003", "1950-01-01");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-09-01"), &err), 0,
           "never enrolled: billing explains, the time is kept");
    enroll("1003", "ccm", "2026-09-10");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-09-01"), &err), CD_EINVAL,
           "before the enrollment started");
    is_str(err.msg, "time on 2026-09-01 is before 1003's ccm enrollment started (2026-09-10)",
           "before-enrollment sentence");
    is_int(cd_time_check_dates(s, bo, "coordination", day("2026-09-01"), &err), 0,
           "coordination needs no enrollment");
    is_int(cd_enrollment_end(s, "1003", "ccm", "2026-09-20", "moved", NULL, NULL, &err), 0,
           "ended");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-09-20"), &err), 0, "the last day counts");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-09-25"), &err), CD_EINVAL,
           "after the enrollment ended");
    is_str(err.msg, "time on 2026-09-25 is after 1003's ccm enrollment ended (2026-09-20)",
           "after-enrollment sentence");
    enroll("1003", "ccm", "2026-10-01");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-09-25"), &err), CD_EINVAL,
           "between two enrollments");
    is_str(err.msg,
           "time on 2026-09-25 is between 1003's ccm enrollments (one ended 2026-09-20, the next "
           "started 2026-10-01)",
           "gap sentence");
    is_int(cd_time_check_dates(s, bo, "ccm", day("2026-10-20"), &err), 0, "inside the second");
    struct cd_time_fields f = {.date = "2026-09-25", .seconds = 600, .program = "ccm"};
    is_int(cd_time_add(s, bo, &f, NULL, &err), CD_EINVAL, "time add in the gap refused");
    struct cd_page page = CD_PAGE_INIT;
    cd_time_list(s, bo, NULL, &page, &err);
    is_int(page.nrows, 0, "nothing written");
    cd_page_free(&page);
}

static void day_limit(void)
{
    struct cd_error err = {0};
    int64_t cy = patient("1004", "1950-01-01"), id = 0;
    enroll("1004", "ccm", "2026-10-01");
    struct cd_time_limits lim;
    cd_time_limits_get(s, &lim);
    is_int(lim.day_max, 120 * 60, "day limit: 120 minutes by default");
    is_int(lim.timer_max, 240 * 60, "timer maximum: 240 minutes by default");
    is_int(lim.idle, 10 * 60, "idle: 10 minutes by default");

    struct cd_time_fields f = {.date = "2026-11-01", .seconds = 720 * 60, .program = "ccm"};
    is_int(cd_time_add(s, cy, &f, NULL, &err), CD_EPERM, "720 minutes: refused");
    is_str(err.msg,
           "1004 would have 720:00 of ccm time on 2026-11-01, above the clinic's limit of 120 "
           "minutes a day for one patient and program; a supervisor or admin must confirm it "
           "(--confirm)",
           "the sentence says so and how to confirm");
    f.seconds = 100 * 60;
    is_int(cd_time_add(s, cy, &f, NULL, &err), 0, "100 minutes: under the limit");
    f.seconds = 20 * 60;
    is_int(cd_time_add(s, cy, &f, NULL, &err), 0, "120 minutes exactly: at the limit");
    f.seconds = 1;
    is_int(cd_time_add(s, cy, &f, NULL, &err), CD_EPERM, "one second more: refused");
    is_str(err.msg,
           "1004 would have 120:01 of ccm time on 2026-11-01 (120:00 already logged), above the "
           "clinic's limit of 120 minutes a day for one patient and program; a supervisor or "
           "admin must confirm it (--confirm)",
           "the sentence says what is already logged");
    f.program = "coordination";
    f.seconds = 60 * 60;
    is_int(cd_time_add(s, cy, &f, NULL, &err), 0, "another program has its own day");
    f.program = "ccm";
    f.date = "2026-11-02";
    is_int(cd_time_add(s, cy, &f, NULL, &err), 0, "another day has its own limit");

    /* the admin confirms: written and audited as confirmed */
    f.date = "2026-11-01";
    f.seconds = 30 * 60;
    f.confirm = true;
    is_int(cd_time_add(s, cy, &f, &id, &err), 0, "a supervisor or admin confirms");
    struct cd_page page = CD_PAGE_INIT;
    cd_audit_list(s, "time_entry", id, &page, &err);
    is_int(page.nrows, 2, "added and confirmed");
    is_str(page.nrows == 2 ? page_str(&page, 1, "action") : "", "confirm", "confirm audited");
    is_str(page.nrows == 2 ? page_str(&page, 1, "detail") : "",
           "2026-11-01 ccm above the day limit, confirmed", "what was confirmed");
    cd_page_free(&page);
    int64_t secs = 0;
    cd_time_day_seconds(s, cy, "ccm", day("2026-11-01"), &secs, &err);
    is_int(secs, 150 * 60, "the day now holds 150 minutes");

    /* a coordinator's --confirm is refused: the role decides, not the flag */
    int64_t nurse = 0;
    cd_user_add(s, "mrivera", "Maria Rivera", "coordinator", NULL, &nurse, &err);
    int64_t admin = cd_store_actor(s);
    cd_store_set_actor(s, nurse);
    is_int(cd_time_add(s, cy, &f, NULL, &err), CD_EPERM, "a coordinator cannot confirm");
    is_str(err.msg,
           "confirming a day's minutes above the limit is for supervisors and admins; 'mrivera' "
           "is a coordinator",
           "the sentence names who may");
    f.confirm = false;
    f.date = "2026-11-03";
    f.seconds = 90 * 60;
    is_int(cd_time_add(s, cy, &f, &id, &err), 0, "the coordinator's own day under the limit");
    /* an edit that takes the day above the limit needs the confirmation too */
    struct cd_time_fields ch = {.seconds = 150 * 60};
    is_int(cd_time_edit(s, id, &ch, NULL, &err), CD_EPERM, "an edit above the limit refused");
    cd_time_day_seconds(s, cy, "ccm", day("2026-11-03"), &secs, &err);
    is_int(secs, 90 * 60, "the refused edit changed nothing");
    cd_store_set_actor(s, admin);
    ch.confirm = true;
    is_int(cd_time_edit(s, id, &ch, NULL, &err), 0, "the admin confirms the edit");
    cd_time_day_seconds(s, cy, "ccm", day("2026-11-03"), &secs, &err);
    is_int(secs, 150 * 60, "the edit replaced the entry (the voided one no longer counts)");

    /* the limit is data */
    is_int(cd_settings_set(s, "day_max_minutes", "720", &err), 0, "limit raised to 720");
    struct cd_time_fields g = {.date = "2026-11-04", .seconds = 720 * 60, .program = "ccm"};
    is_int(cd_time_add(s, cy, &g, NULL, &err), 0, "720 under a 720 limit");
    is_int(cd_time_add(s, cy, &g, NULL, &err), CD_EPERM, "the second 720 crosses it");
    is_int(cd_time_add(s, cy, &g, NULL, &err), CD_EPERM, "and the third");
    cd_time_day_seconds(s, cy, "ccm", day("2026-11-04"), &secs, &err);
    is_int(secs, 720 * 60, "one 720 written, not three");
    bool confirmed = true;
    is_int(cd_time_check_day(s, cy, "ccm", day("2026-11-05"), 600, false, &confirmed, &err), 0,
           "check_day under the limit");
    is_int(confirmed, 0, "no confirmation needed");
}

int main(void)
{
    s = testdb_open("America/New_York", "2026-11-05T17:00");
    life();
    enrollment();
    day_limit();
    cd_store_close(s);
    return done_testing();
}
