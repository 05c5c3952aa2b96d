/* SPDX-License-Identifier: MIT */
/* Unit tests of core/lifecycle: a death by discharge disposition, by HL7 death time and by hand
 * ends enrollments (reason died), cancels open tasks and the visits still to come (sequence
 * raised), completes the care plan and writes one timeline entry; no TCM after a death; who may
 * record and take back a death; time after the death is refused. */
#include "config.h"

#include <sqlite3.h>

#include "core/appointment.h"
#include "core/encounter.h"
#include "core/enrollment.h"
#include "core/lifecycle.h"
#include "core/patient.h"
#include "core/store/store_impl.h"
#include "core/timerule.h"
#include "core/user.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *s;

/* The first column of the first row of SQL, as text ("" for NULL or no row). */
static const char *q(const char *sql)
{
    static char out[1024];
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(cd_store_sqlite(s), sql, -1, &st, NULL) != SQLITE_OK) {
        printf("# sql: %s\n", sqlite3_errmsg(cd_store_sqlite(s)));
        return out;
    }
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

static int discharge(const char *mrn, const char *at, const char *disposition,
                     struct cd_discharge_result *res)
{
    struct cd_error err = {0};
    struct cd_discharge_in in = {.mrn = mrn,
                                 .family_name = "Doe",
                                 .given_name = "Jane",
                                 .birth_date = "1940-01-01",
                                 .discharge_at = at,
                                 .setting = "inpatient",
                                 .disposition = disposition,
                                 .source = "csv"};
    cd_store_begin(s, &err);
    int rc = cd_discharge_record(s, &in, res, &err);
    if (rc)
        printf("# discharge: %s\n", err.msg);
    return cd_store_finish(s, rc, &err);
}

static int64_t book(int64_t pid, const char *kind, const char *at)
{
    struct cd_error err = {0};
    struct cd_appointment_in in = {
        .patient_id = pid, .kind = kind, .at = at, .duration_min = 30, .provider = "Dr Lee"};
    struct cd_appointment_result r;
    if (cd_appointment_book(s, &in, &r, &err))
        printf("# book: %s\n", err.msg);
    return r.id;
}

static void by_discharge(void)
{
    struct cd_error err = {0};
    struct cd_discharge_result res;
    /* CCM since October, then a home discharge on Nov 16 (TCM enrollment and two tasks) */
    is_int(discharge("1001", "2026-11-16T10:00", "01", &res), 0, "first discharge");
    int64_t pid = res.patient_id;
    struct cd_enroll_in ccm = {
        .mrn = "1001", .program = "ccm", .consent = "verbal", .date = "2026-10-01"};
    cd_enrollment_enroll(s, &ccm, NULL, NULL, &err);
    int64_t past = book(pid, "primary_care", "2026-11-17T09:00");
    int64_t visit = book(pid, "tcm_visit", "2026-11-23T09:00");
    int64_t later = book(pid, "specialist", "2026-12-10T14:00");
    is_str(q("SELECT count(*) FROM tasks WHERE status = 'open'"), "1",
           "the visit closed the TCM visit task; the contact is open");

    /* died in hospital: disposition 20 at 08:15 on Nov 19 */
    is_int(discharge("1001", "2026-11-19T08:15", "20", &res), 0, "death discharge recorded");
    is_int(res.eligible, 0, "a death is not TCM eligible");
    is_int(res.tasks_created, 0, "no TCM tasks");
    is_int(res.died, 1, "the death recorded");
    is_int(res.enrollments_ended, 2, "ccm and tcm ended");
    is_int(res.tasks_cancelled, 2, "contact and reopened visit task cancelled");
    is_int(res.appointments_cancelled, 2, "the two visits to come cancelled");
    is_str(q("SELECT deceased_at FROM patients WHERE mrn = '1001'"), "2026-11-19T13:15:00Z",
           "the instant of the discharge");
    is_str(q("SELECT group_concat(program || ' ' || status || ' ' || end_date || ' ' || "
             "end_reason, '; ') FROM (SELECT * FROM enrollments ORDER BY program)"),
           "ccm ended 2026-11-19 died; tcm ended 2026-11-19 died",
           "every enrollment ended on the day with reason died");
    is_str(q("SELECT group_concat(kind || ' ' || status || ' ' || close_reason, '; ') FROM "
             "(SELECT * FROM tasks ORDER BY id)"),
           "tcm_contact cancelled patient died; tcm_visit cancelled patient died",
           "open tasks cancelled");
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT status || ' ' || sequence FROM appointments WHERE id = %lld",
             (long long)past);
    is_str(q(sql), "booked 0", "a visit before the death is left alone");
    snprintf(sql, sizeof sql, "SELECT status || ' ' || sequence FROM appointments WHERE id = %lld",
             (long long)visit);
    is_str(q(sql), "cancelled 1", "the TCM visit cancelled, sequence raised");
    snprintf(sql, sizeof sql,
             "SELECT status || ' ' || sequence || ' ' || cancel_reason FROM appointments "
             "WHERE id = %lld",
             (long long)later);
    is_str(q(sql), "cancelled 1 patient died", "a later visit cancelled with the reason");
    is_str(q("SELECT count(*) || ' ' || text FROM notes WHERE kind = 'system'"),
           "1 Died 2026-11-19 (reported by the discharge). Outreach stopped: 2 enrollments ended "
           "(ccm,tcm), 2 tasks and 2 visits cancelled.",
           "one timeline entry");
    is_str(q("SELECT detail FROM audit_log WHERE entity = 'patient' AND action = 'deceased'"),
           "1001 died 2026-11-19T13:15:00Z (discharge 2)", "audited");

    struct cd_patient_header h;
    cd_patient_header_get(s, pid, &h, &err);
    is_str(h.deceased, "2026-11-19", "the chart header has the date");
    is_str(h.programs, "", "no active program");

    /* a late home discharge of the same patient starts no outreach */
    is_int(discharge("1001", "2026-11-18T10:00", "01", &res), 0, "a later-arriving discharge");
    is_int(res.eligible, 0, "not eligible");
    is_str(res.reason, "patient died (2026-11-19)", "because the patient died");
    is_int(res.died, 0, "nothing more to record");
    is_str(q("SELECT count(*) FROM tasks WHERE status = 'open'"), "0", "no task opened");

    /* time after the death is refused, on the day itself allowed */
    int d;
    cd_date_parse("2026-11-20", &d, NULL);
    is_int(cd_time_check_dates(s, pid, "coordination", d, &err), CD_EINVAL, "time after death");
    is_str(err.msg, "time on 2026-11-20 is after 1001's date of death (2026-11-19)", "message");
    is_int(cd_time_check_dates(s, pid, "coordination", d - 1, &err), 0, "the day itself");
}

static void by_hl7_time(void)
{
    struct cd_error err = {0};
    struct cd_discharge_result res;
    /* PID-29 says 23:30 on the 18th in New York: the day is the 18th, not the discharge's */
    struct cd_discharge_in in = {.mrn = "1002",
                                 .family_name = "Roe",
                                 .given_name = "Al",
                                 .discharge_at = "2026-11-19T10:00",
                                 .setting = "inpatient",
                                 .deceased = true,
                                 .deceased_at = "2026-11-19T04:30:00Z",
                                 .source = "hl7"};
    cd_store_begin(s, &err);
    is_int(cd_discharge_record(s, &in, &res, &err), 0, "HL7 death");
    cd_store_commit(s, &err);
    is_int(res.died, 1, "recorded");
    is_str(res.reason, "patient died", "not eligible: died");
    is_str(q("SELECT deceased_at FROM patients WHERE mrn = '1002'"), "2026-11-19T04:30:00Z",
           "PID-29's instant");
    struct cd_patient_header h;
    cd_patient_header_get(s, res.patient_id, &h, &err);
    is_str(h.deceased, "2026-11-18", "the clinic's day of that instant");
    in.deceased_at = "2026-12-25T00:00";
    in.external_id = "V9";
    is_int(cd_discharge_validate(&in, &err), CD_EINVAL, "a death in the future");
    is_str(err.msg, "deceased_at: '2026-12-25T00:00' is in the future", "names the field");
}

static void by_hand(void)
{
    struct cd_error err = {0};
    struct cd_death_result res;
    struct cd_patient_in p = {
        .mrn = "1003", .family = "Poe", .given = "Ed", .birth_date = "1950-02-03"};
    int64_t pid, sched, coord;
    cd_patient_add(s, &p, &pid, &err);
    struct cd_enroll_in pcm = {
        .mrn = "1003", .program = "pcm", .consent = "written", .date = "2026-11-10"};
    cd_enrollment_enroll(s, &pcm, NULL, NULL, &err);
    int64_t admin = cd_store_actor(s);
    cd_user_add(s, "sam", "Sam Diaz", "scheduler", NULL, &sched, &err);
    cd_user_add(s, "mrivera", "Maria Rivera", "coordinator", NULL, &coord, &err);

    cd_store_set_actor(s, sched);
    is_int(cd_lifecycle_record_death(s, "1003", "2026-11-20", NULL, &res, &err), CD_EPERM,
           "a scheduler may not");
    is_str(err.msg,
           "recording a death is for coordinators, supervisors and admins; 'sam' is a scheduler",
           "who may");
    cd_store_set_actor(s, coord);
    is_int(cd_lifecycle_record_death(s, "1003", "2026-11-31", NULL, &res, &err), CD_EINVAL,
           "not a date");
    is_str(err.msg, "date: '2026-11-31' is not a date (YYYY-MM-DD)", "date message");
    cd_lifecycle_record_death(s, "1003", "2026-11-21", NULL, &res, &err);
    is_str(err.msg, "date: '2026-11-21' is in the future", "future");
    cd_lifecycle_record_death(s, "1003", "1950-02-02", NULL, &res, &err);
    is_str(err.msg, "date: '1950-02-02' is before 1003's birth date (1950-02-03)", "before birth");
    cd_lifecycle_record_death(s, "9999", "2026-11-01", NULL, &res, &err);
    is_str(err.msg, "no patient with MRN '9999'", "unknown MRN");

    /* died on the 5th, before the PCM enrollment began: it ends on its first day */
    is_int(cd_lifecycle_record_death(s, "1003", "2026-11-05", "daughter called", &res, &err), 0,
           "a coordinator records it");
    is_int(res.recorded, 1, "recorded");
    is_int(res.enrollments, 1, "pcm ended");
    is_str(q("SELECT end_date || ' ' || end_reason FROM enrollments WHERE program = 'pcm'"),
           "2026-11-10 died", "never ends before it began");
    is_str(q("SELECT deceased_at FROM patients WHERE mrn = '1003'"), "2026-11-05",
           "a day recorded by hand stays a day");
    is_str(q("SELECT text FROM notes WHERE patient_id = (SELECT id FROM patients WHERE mrn = "
             "'1003')"),
           "Died 2026-11-05 (recorded by hand): daughter called. Outreach stopped: 1 enrollment "
           "ended (pcm), 0 tasks and 0 visits cancelled.",
           "the timeline entry's first line keeps the note");
    is_int(cd_lifecycle_record_death(s, "1003", "2026-11-06", NULL, &res, &err), CD_EEXIST,
           "twice");
    is_str(err.msg, "1003's death is already on record (2026-11-05)", "already on record");

    /* taken back: supervisors and admins only, with a reason */
    char day[CD_DATE_LEN];
    is_int(cd_lifecycle_correct_death(s, "1003", "wrong patient", day, &err), CD_EPERM,
           "a coordinator may not take it back");
    is_str(err.msg,
           "taking back a recorded death is for supervisors and admins; 'mrivera' is a "
           "coordinator",
           "who may take it back");
    cd_store_set_actor(s, admin);
    is_int(cd_lifecycle_correct_death(s, "1003", "", day, &err), CD_EINVAL, "a reason needed");
    is_str(err.msg, "reason: say why the death was recorded by mistake", "reason message");
    is_int(cd_lifecycle_correct_death(s, "1003", "wrong patient", day, &err), 0, "taken back");
    is_str(day, "2026-11-05", "the date taken back");
    is_str(q("SELECT coalesce(deceased_at, 'alive') FROM patients WHERE mrn = '1003'"), "alive",
           "cleared");
    is_str(q("SELECT count(*) FROM audit_log WHERE action = 'deceased_undone'"), "1", "audited");
    is_int(cd_lifecycle_correct_death(s, "1003", "again", day, &err), CD_ENOTFOUND, "twice");
    is_str(err.msg, "1003 has no death on record", "nothing to take back");
}

int main(void)
{
    s = testdb_open("America/New_York", "2026-11-20T10:00");
    by_discharge();
    by_hl7_time();
    by_hand();
    cd_store_close(s);
    return done_testing();
}
