/* SPDX-License-Identifier: MIT */
/* Unit tests of core/timer: start, pause, resume, stop, switch, key presses and idle pauses,
 * recovery of a timer left running, a timer across midnight at the end of a month, and the
 * bounds: the maximum, the idle rule after a workstation closed, the day's limit. */
#include "config.h"

#include "core/enrollment.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/user.h"
#include "core/timeentry.h"
#include "core/timer.h"
#include "core/timerule.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *s;
static int64_t uid, zoe, ann;

static void at(const char *now)
{
    time_t t;
    cd_instant_parse(now, &t, NULL);
    cd_clock_set(t);
}

static int64_t elapsed(void)
{
    struct cd_timer t;
    if (cd_timer_get(s, uid, &t, NULL))
        return -1;
    return cd_timer_elapsed(&t, cd_clock_now());
}

/* The month's entries of PID: count and summed seconds. */
static void entries(int64_t pid, const char *month, int n, int64_t seconds, const char *what)
{
    struct cd_page page = CD_PAGE_INIT;
    struct cd_error err = {0};
    cd_time_list(s, pid, month, &page, &err);
    int64_t sum = 0;
    for (size_t i = 0; i < page.nrows; i++) {
        const char *d = page_str(&page, i, "duration");
        sum += atoi(d) * 60 + atoi(d + strlen(d) - 2);
    }
    is_int(page.nrows, n, "%s: %d entries in %s", what, n, month);
    is_int(sum, seconds, "%s: %lld s in %s", what, (long long)seconds, month);
    cd_page_free(&page);
}

static void basics(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res;
    at("2026-11-02T09:00");
    is_int(cd_timer_start(s, uid, zoe, NULL, "call", NULL, &err), 0, "start");
    struct cd_timer t;
    cd_timer_get(s, uid, &t, &err);
    is_str(t.program, "ccm", "default program: the enrollment");
    is_str(t.role, "clinical_staff", "default role");
    is_int(cd_timer_start(s, uid, ann, NULL, NULL, NULL, &err), CD_EEXIST, "one timer per user");
    at("2026-11-02T09:07:41");
    is_int(elapsed(), 7 * 60 + 41, "elapsed 07:41");
    struct cd_timer_view tv;
    is_int(cd_timer_status(s, uid, &tv, &err), 0, "status");
    is_str(tv.initials, "Z.N.", "initials keep UTF-8 letters");
    is_str(tv.patient, "Núñez, Zoë", "patient");
    is_str(tv.state, "running", "state");
    is_int(tv.month_seconds, 7 * 60 + 41, "month total includes the running timer");
    is_int(tv.next_threshold, 20, "next threshold 20");
    at("2026-11-02T09:10");
    is_int(cd_timer_pause(s, uid, &err), 0, "pause");
    is_int(cd_timer_pause(s, uid, &err), CD_EINVAL, "pause twice refused");
    is_str(err.msg, "the timer is already paused", "pause twice message");
    at("2026-11-02T09:30");
    is_int(elapsed(), 600, "paused time does not count");
    is_int(cd_timer_resume(s, uid, &err), 0, "resume");
    is_int(cd_timer_resume(s, uid, &err), CD_EINVAL, "resume a running timer refused");
    at("2026-11-02T09:40");
    is_int(cd_timer_stop(s, uid, &res, &err), 0, "stop");
    is_int(res.entries, 1, "one entry");
    is_int(res.seconds, 1200, "20:00 written");
    is_int(cd_timer_get(s, uid, &t, &err), CD_ENOTFOUND, "timer gone after stop");
    is_int(cd_timer_stop(s, uid, &res, &err), CD_ENOTFOUND, "stop without a timer");
    entries(zoe, "2026-11", 1, 1200, "stop");

    /* switching patients writes the old one and starts the new one at the same instant */
    at("2026-11-02T10:00");
    cd_timer_start(s, uid, zoe, "ccm", "careplan_review", NULL, &err);
    at("2026-11-02T10:12");
    is_int(cd_timer_switch(s, uid, ann, NULL, "call", NULL, &res, &err), 0, "switch");
    is_int(res.seconds, 720, "old patient's 12:00 written");
    cd_timer_get(s, uid, &t, &err);
    is_int(t.patient_id, ann, "timer now on the new patient");
    is_str(t.program, "coordination", "not enrolled: coordination");
    at("2026-11-02T10:13");
    is_int(cd_timer_recover(s, uid, CD_TIMER_DISCARD, &res, &err), 0, "discard");
    is_int(res.entries, 0, "discard writes nothing");
    entries(ann, "2026-11", 0, 0, "discard");
    is_int(cd_timer_start(s, uid, zoe, "xyz", NULL, NULL, &err), CD_EINVAL, "bad program");
    is_int(cd_timer_start(s, uid, zoe, NULL, "chat", NULL, &err), CD_EINVAL, "bad activity");
    is_int(cd_timer_start(s, uid, 999, "ccm", NULL, NULL, &err), CD_ENOTFOUND, "no patient");
}

static void idle(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res;
    bool paused;
    at("2026-11-03T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-03T09:00:20");
    is_int(cd_timer_touch(s, uid, &err), 0, "touch within 30 s");
    struct cd_timer t;
    cd_timer_get(s, uid, &t, &err);
    is_int(t.last_activity_at, t.started_at, "throttled: nothing written");
    at("2026-11-03T09:05");
    cd_timer_touch(s, uid, &err);
    cd_timer_get(s, uid, &t, &err);
    is_int(t.last_activity_at - t.started_at, 300, "touch after 30 s is written");
    at("2026-11-03T09:14");
    is_int(cd_timer_idle_check(s, uid, 10, &paused, &err), 0, "idle check");
    is_int(paused, 0, "9 minutes: not idle");
    at("2026-11-03T09:16");
    cd_timer_idle_check(s, uid, 0, &paused, &err);
    is_int(paused, 1, "11 minutes without a key: paused (setting 10)");
    is_int(elapsed(), 300, "idle minutes not counted");
    struct cd_timer_view tv;
    cd_timer_status(s, uid, &tv, &err);
    is_str(tv.state, "idle", "state idle");
    is_int(cd_timer_resume(s, uid, &err), CD_EINVAL, "plain resume refused while idle");
    at("2026-11-03T09:20");
    is_int(cd_timer_idle_resolve(s, uid, false, &err), 0, "drop the idle minutes");
    is_int(elapsed(), 300, "still 05:00");
    at("2026-11-03T09:30");
    is_int(elapsed(), 900, "running again");
    is_int(cd_timer_idle_resolve(s, uid, true, &err), CD_EINVAL, "not idle now");
    /* go idle again and confirm the minutes this time */
    at("2026-11-03T09:45");
    cd_timer_idle_check(s, uid, 10, &paused, &err);
    is_int(elapsed(), 300, "no key since the 09:20 resume: back to 05:00");
    at("2026-11-03T09:50");
    is_int(cd_timer_idle_resolve(s, uid, true, &err), 0, "count the idle minutes");
    is_int(elapsed(), 300 + 1800, "09:20 to 09:50 counted");
    cd_timer_stop(s, uid, &res, &err);
    is_int(res.seconds, 2100, "35:00 written");
}

static void recovery(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res;
    struct cd_timer t;
    bool pending;
    static const struct {
        enum cd_timer_keep keep;
        int64_t seconds;
        const char *what;
    } cases[] = {
        {CD_TIMER_KEEP_TO_LAST_ACTIVITY, 600, "keep to the last key press"},
        {CD_TIMER_KEEP_TO_NOW, 90 * 60, "keep to now"},
        {CD_TIMER_DISCARD, 0, "discard"},
    };
    for (size_t i = 0; i < 3; i++) {
        at("2026-11-04T09:00");
        cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
        at("2026-11-04T09:10");
        cd_timer_touch(s, uid, &err);
        /* the terminal dies: a new session opens the same database */
        char path[300];
        snprintf(path, sizeof path, "%s", cd_store_path(s));
        cd_store_close(s);
        if (cd_store_open(path, 0, &s, &err))
            printf("Bail out! reopen: %s\n", err.msg);
        cd_store_set_actor(s, uid);
        at("2026-11-04T10:30");
        is_int(cd_timer_pending(s, uid, &t, &pending, &err), 0, "%s: pending", cases[i].what);
        is_int(pending, 1, "%s: a timer was left running", cases[i].what);
        is_int(cd_timer_elapsed(&t, t.last_activity_at), 600, "%s: 10:00 to the last key",
               cases[i].what);
        is_int(cd_timer_recover(s, uid, cases[i].keep, &res, &err), 0, "%s", cases[i].what);
        is_int(res.seconds, cases[i].seconds, "%s: seconds written", cases[i].what);
        cd_timer_pending(s, uid, &t, &pending, &err);
        is_int(pending, 0, "%s: nothing pending after", cases[i].what);
    }
}

static void month_end(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res;
    /* 23:50 on 31 October to 00:20 on 1 November, New York: two entries, one per month */
    at("2026-10-31T23:50");
    cd_timer_start(s, uid, ann, "ccm", "call", NULL, &err);
    at("2026-11-01T00:20");
    is_int(cd_timer_stop(s, uid, &res, &err), 0, "stop across midnight");
    is_int(res.entries, 2, "split into two entries");
    entries(ann, "2026-10", 1, 600, "across midnight");
    entries(ann, "2026-11", 1, 1200, "across midnight");
    /* paused across the month end: the October part is written on resume */
    at("2026-11-30T23:30");
    cd_timer_start(s, uid, ann, "ccm", "call", NULL, &err);
    at("2026-11-30T23:40");
    cd_timer_pause(s, uid, &err);
    at("2026-12-01T00:10");
    is_int(cd_timer_resume(s, uid, &err), 0, "resume in the new month");
    is_int(elapsed(), 0, "the new month starts from zero");
    at("2026-12-01T00:20");
    cd_timer_stop(s, uid, &res, &err);
    entries(ann, "2026-11", 2, 1200 + 600, "paused across month end");
    entries(ann, "2026-12", 1, 600, "paused across month end");
    /* running across, then paused in the new month */
    at("2026-12-31T23:55");
    cd_timer_start(s, uid, ann, "ccm", "call", NULL, &err);
    at("2027-01-01T00:05");
    cd_timer_pause(s, uid, &err);
    at("2027-01-01T00:30");
    cd_timer_stop(s, uid, &res, &err);
    entries(ann, "2026-12", 2, 600 + 300, "running across, paused after");
    entries(ann, "2027-01", 1, 300, "running across, paused after");
}

/* The seconds of PROGRAM time PID has on DATE (not voided). */
static int64_t day_secs(int64_t pid, const char *date)
{
    int d = 0;
    int64_t secs = -1;
    cd_date_parse(date, &d, NULL);
    cd_time_day_seconds(s, pid, "ccm", d, &secs, NULL);
    return secs;
}

/* Close the store and open it again, as a new process would. */
static void reopen(void)
{
    struct cd_error err = {0};
    char path[300];
    snprintf(path, sizeof path, "%s", cd_store_path(s));
    cd_store_close(s);
    if (cd_store_open(path, 0, &s, &err))
        printf("Bail out! reopen: %s\n", err.msg);
    cd_store_set_actor(s, uid);
}

static void over_max(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    struct cd_timer_view tv;
    struct cd_page page = CD_PAGE_INIT;
    enum cd_timer_settled what;
    char q[CD_ERROR_MSG_MAX];
    /* started from the command line, paused once, then forgotten for two days */
    at("2026-11-09T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-09T09:30");
    cd_timer_pause(s, uid, &err);
    at("2026-11-09T09:42");
    cd_timer_resume(s, uid, &err);
    at("2026-11-09T13:12");
    is_int(cd_timer_settle(s, uid, &what, &err), 0, "settle at 4:00 counted");
    is_int(what, CD_TIMER_SETTLED_NONE, "at the maximum, not past it: nothing due");
    at("2026-11-11T09:00");
    is_int(cd_timer_settle(s, uid, &what, &err), 0, "settle two days later");
    is_int(what, CD_TIMER_SETTLED_MAX, "past 4 hours: it stopped itself");
    cd_audit_list(s, "timer", zoe, &page, &err);
    is_str(page.nrows ? page_str(&page, page.nrows - 1, "action") : "", "max",
           "the stop is audited");
    cd_page_free(&page);
    cd_timer_status(s, uid, &tv, &err);
    is_str(tv.state, "over", "state over");
    is_int(tv.elapsed, 1800, "counted up to its last activity (the 09:42 resume)");
    is_int(tv.keepable, 4 * 3600, "at most the maximum may be kept");
    is_str(cd_timer_over_question(&tv, q, sizeof q),
           "the timer for 1001 (Núñez, Zoë) ran past 4 hours and stopped at 2026-11-09 09:42, its "
           "last activity; keep how much? caredesk timer stop --keep MINUTES | "
           "--to-last-activity | timer discard",
           "the question");
    is_int(cd_timer_stop(s, uid, &res, &err), CD_EINVAL, "a plain stop asks how much to keep");
    is_str(err.msg, q, "with the question");
    is_int(cd_timer_start(s, uid, ann, NULL, NULL, NULL, &err), CD_EINVAL, "no new timer first");
    is_str(err.msg, q, "start: the question");
    is_int(cd_timer_switch(s, uid, ann, NULL, NULL, NULL, &res, &err), CD_EINVAL, "no switch");
    is_int(cd_timer_pause(s, uid, &err), CD_EINVAL, "no pause");
    is_int(cd_timer_resume(s, uid, &err), CD_EINVAL, "no resume");
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_SECONDS, 2880 * 60, false, &res, &err), CD_EINVAL,
           "2,880 minutes cannot be kept");
    is_str(err.msg,
           "keep: 2880:00 is more than this timer may keep (at most 240:00, the clinic's "
           "maximum)",
           "keep too much: the sentence");
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_TO_NOW, 0, false, &res, &err), CD_EPERM,
           "to now is 240 minutes: above the day's limit");
    is_int(day_secs(zoe, "2026-11-09"), 0, "nothing written yet");
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_SECONDS, 45 * 60, false, &res, &err), 0, "keep 45");
    is_int(res.seconds, 45 * 60, "45:00 written");
    is_int(res.entries, 1, "one entry");
    is_int(day_secs(zoe, "2026-11-09"), 45 * 60, "on the day the timer started");
    is_int(cd_timer_get(s, uid, &tv.timer, &err), CD_ENOTFOUND, "the timer is gone");

    /* to now, confirmed by an admin: the maximum, never 2,880 minutes */
    at("2026-11-10T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-12T09:00");
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_TO_NOW, 0, true, &res, &err), 0, "to now, confirmed");
    is_int(res.seconds, 4 * 3600, "240:00 written, not 2880:00");
    is_int(day_secs(zoe, "2026-11-10"), 4 * 3600, "on the day it started");
    /* to the last activity: a command-line timer's last activity is its start */
    at("2026-11-12T10:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-13T10:00");
    is_int(cd_timer_recover(s, uid, CD_TIMER_KEEP_TO_LAST_ACTIVITY, &res, &err), 0, "to last");
    is_int(res.entries, 0, "nothing counted, nothing written");

    /* a workstation's timer stops at the maximum, not at the last key after it */
    cd_timer_watching(true);
    at("2026-11-13T08:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    for (int m = 10; m <= 250; m += 10) {
        time_t t = cd_clock_now() + 600;
        cd_clock_set(t);
        cd_timer_touch(s, uid, &err);
    }
    is_int(cd_timer_settle(s, uid, &what, &err), 0, "settle at 12:10");
    is_int(what, CD_TIMER_SETTLED_MAX, "a busy timer stops at its maximum too");
    cd_timer_status(s, uid, &tv, &err);
    is_int(tv.elapsed, 4 * 3600, "counted up to the maximum");
    is_str(cd_timer_over_text(&tv, q, sizeof q),
           "the timer for 1001 (Núñez, Zoë) ran past 4 hours and stopped at 12:00, its last "
           "activity",
           "stopped today: the time alone");
    cd_timer_recover(s, uid, CD_TIMER_DISCARD, &res, &err);
    cd_timer_watching(false);
}

static void closed_session(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    struct cd_timer_view tv;
    enum cd_timer_settled what;
    /* a workstation's timer, its last key at 09:05, then the workstation is killed */
    cd_timer_watching(true);
    at("2026-11-16T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-16T09:05");
    cd_timer_touch(s, uid, &err);
    reopen();
    cd_timer_watching(false); /* the next session is a command line */
    at("2026-11-16T10:00");
    is_int(cd_timer_settle(s, uid, &what, &err), 0, "settle in the next session");
    is_int(what, CD_TIMER_SETTLED_IDLE, "the idle rule holds across the closed session");
    cd_timer_status(s, uid, &tv, &err);
    is_str(tv.state, "idle", "state idle");
    is_int(tv.keepable, 3600, "keeping to now needs the user's word");
    is_int(cd_timer_stop(s, uid, &res, &err), 0, "stop");
    is_int(res.seconds, 300, "counted only up to the last key press");
    /* the user confirms more: up to now */
    cd_timer_watching(true);
    at("2026-11-16T11:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-16T11:05");
    cd_timer_touch(s, uid, &err);
    reopen();
    cd_timer_watching(false);
    at("2026-11-16T11:50");
    is_int(cd_timer_recover(s, uid, CD_TIMER_KEEP_TO_NOW, &res, &err), 0, "keep to now");
    is_int(res.seconds, 50 * 60, "the user's word counts the minutes away");
    /* a timer no workstation watched counts as its user says */
    at("2026-11-16T13:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-16T13:40");
    cd_timer_stop(s, uid, &res, &err);
    is_int(res.seconds, 40 * 60, "a command-line timer counts to its stop");
    /* idle minutes confirmed never go past the maximum */
    cd_timer_watching(true);
    at("2026-11-17T08:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-17T08:10");
    cd_timer_touch(s, uid, &err);
    bool paused;
    at("2026-11-17T08:30");
    cd_timer_idle_check(s, uid, 10, &paused, &err);
    at("2026-11-17T14:00");
    is_int(cd_timer_idle_resolve(s, uid, true, &err), 0, "count the idle minutes");
    is_int(elapsed(), 4 * 3600, "up to the maximum only");
    cd_timer_recover(s, uid, CD_TIMER_DISCARD, &res, &err);
    cd_timer_watching(false);
}

static void day_limit(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    struct cd_timer t;
    struct cd_page page = CD_PAGE_INIT;
    at("2026-11-18T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-18T11:30");
    is_int(cd_timer_stop(s, uid, &res, &err), CD_EPERM, "150 minutes: above the day's limit");
    is_str(err.msg,
           "1001 would have 150:00 of ccm time on 2026-11-18, above the clinic's limit of 120 "
           "minutes a day for one patient and program; a supervisor or admin must confirm it "
           "(--confirm)",
           "core's sentence");
    is_int(cd_timer_get(s, uid, &t, &err), 0, "the timer is kept");
    int64_t nurse = 0;
    cd_user_add(s, "mrivera", "Maria Rivera", "coordinator", NULL, &nurse, &err);
    cd_store_set_actor(s, nurse);
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_COUNTED, 0, true, &res, &err), CD_EPERM,
           "a coordinator's confirmation is refused");
    cd_store_set_actor(s, uid);
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_SECONDS, 120 * 60, false, &res, &err), 0,
           "keeping up to the limit needs no one");
    is_int(day_secs(zoe, "2026-11-18"), 120 * 60, "120 minutes that day");
    at("2026-11-19T09:00");
    cd_timer_start(s, uid, zoe, "ccm", "call", NULL, &err);
    at("2026-11-19T11:30");
    is_int(cd_timer_end(s, uid, CD_TIMER_KEEP_COUNTED, 0, true, &res, &err), 0, "admin confirms");
    cd_audit_list(s, "time_entry", res.last_entry_id, &page, &err);
    is_str(page.nrows == 2 ? page_str(&page, 1, "action") : "", "confirm",
           "the confirmation is audited");
    cd_page_free(&page);

    /* no timer for time that could never be written */
    struct cd_patient_in p = {.mrn = "1003", .family = "Cruz", .given = "Cy"};
    int64_t cy = 0;
    cd_patient_add(s, &p, &cy, &err);
    struct cd_enroll_in in = {
        .mrn = "1003", .program = "ccm", .consent = "verbal", .date = "2026-10-01"};
    cd_enrollment_enroll(s, &in, NULL, NULL, &err);
    cd_enrollment_end(s, "1003", "ccm", "2026-11-15", NULL, NULL, NULL, &err);
    is_int(cd_timer_start(s, uid, cy, "ccm", NULL, NULL, &err), CD_EINVAL, "after the enrollment");
    is_str(err.msg, "time on 2026-11-19 is after 1003's ccm enrollment ended (2026-11-15)",
           "the start says why");
}

int main(void)
{
    struct cd_error err = {0};
    s = testdb_open("America/New_York", "2026-10-01T09:00");
    uid = cd_store_actor(s);
    struct cd_patient_in z = {
        .mrn = "1001", .family = "Núñez", .given = "Zoë", .birth_date = "1948-05-12"};
    struct cd_patient_in a = {
        .mrn = "1002", .family = "Adams", .given = "Ann", .birth_date = "1950-01-01"};
    cd_patient_add(s, &z, &zoe, &err);
    cd_patient_add(s, &a, &ann, &err);
    struct cd_enroll_in in = {.mrn = "1001", .program = "ccm", .consent = "verbal"};
    is_int(cd_enrollment_enroll(s, &in, NULL, NULL, &err), 0, "enroll");
    basics();
    idle();
    recovery();
    month_end();
    over_max();
    closed_session();
    day_limit();
    cd_store_close(s);
    return done_testing();
}
