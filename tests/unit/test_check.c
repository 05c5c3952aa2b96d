/* SPDX-License-Identifier: MIT */
/* Unit tests of core/check: a database with one planted inconsistency of each kind gives each
 * finding with its exact line; the same records made consistent, and the demo, give none; the
 * run is audited as one read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/check.h"
#include "core/demo/demo.h"
#include "core/store/db.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;

static void sql(const char *script)
{
    struct cd_error err = {0};
    cd_store_begin(store, &err);
    if (cd_db_exec_script(store, script, &err) || cd_store_commit(store, &err)) {
        printf("Bail out! %s\n", err.msg);
        exit(1);
    }
}

/* The findings at the store's clock as TSV without the header ("" when none). */
static const char *findings(void)
{
    static struct cd_strbuf out = CD_STRBUF_INIT;
    struct cd_page page = CD_PAGE_INIT;
    struct cd_error err = {0};
    cd_strbuf_reset(&out);
    int rc = cd_check_find(store, cd_clock_now(), &page, &err);
    if (rc)
        cd_strbuf_addf(&out, "error %d: %s", rc, err.msg);
    for (size_t r = 0; !rc && r < page.nrows; r++)
        cd_strbuf_addf(&out, "%s\t%s\t%s\t%s\n", cd_page_cell(&page, r, CD_CHECK_COL_KIND),
                       cd_page_cell(&page, r, CD_CHECK_COL_MRN),
                       cd_page_cell(&page, r, CD_CHECK_COL_RECORD),
                       cd_page_cell(&page, r, CD_CHECK_COL_FINDING));
    cd_page_free(&page);
    return cd_strbuf_str(&out);
}

/* Three patients: M1 alive with a TCM discharge on 2026-11-09, M2 died on 2026-11-05, M3 whose
 * PCM enrollment ended and who refused the TCM of a 2026-10-01 discharge; the records below are
 * consistent. */
static const char WORLD[] =
    "INSERT INTO patients(id, mrn, family_name, given_name, birth_date, name_key, created_at, "
    "updated_at, deceased_at) VALUES "
    "(1, 'M1', 'Ames', 'Ann', '1950-01-01', 'ames ann', '2024-01-01T00:00:00Z', "
    "'2024-01-01T00:00:00Z', NULL), "
    "(2, 'M2', 'Bell', 'Bo', '1940-01-01', 'bell bo', '2024-01-01T00:00:00Z', "
    "'2024-01-01T00:00:00Z', '2026-11-05T15:00:00Z'), "
    "(3, 'M3', 'Cole', 'Cy', '1960-01-01', 'cole cy', '2024-01-01T00:00:00Z', "
    "'2024-01-01T00:00:00Z', NULL);"
    "INSERT INTO encounters(id, patient_id, setting, discharge_at, discharge_date, complexity, "
    "tcm_eligible, source, external_id, created_at) VALUES (1, 1, 'inpatient', "
    "'2026-11-09T15:00:00Z', '2026-11-09', 'moderate', 1, 'manual', 'V1', "
    "'2026-11-09T16:00:00Z');"
    "INSERT INTO enrollments(id, patient_id, program, status, start_date, end_date, created_at) "
    "VALUES (1, 1, 'ccm', 'active', '2025-01-01', NULL, '2025-01-01T15:00:00Z'), "
    "(2, 2, 'ccm', 'ended', '2025-01-01', '2026-11-05', '2025-01-01T15:00:00Z'), "
    "(3, 3, 'pcm', 'ended', '2025-01-01', '2026-10-31', '2025-01-01T15:00:00Z');"
    "INSERT INTO encounters(id, patient_id, setting, discharge_at, discharge_date, complexity, "
    "tcm_eligible, source, external_id, created_at) VALUES (2, 3, 'inpatient', "
    "'2026-10-01T15:00:00Z', '2026-10-01', 'moderate', 1, 'manual', 'V2', "
    "'2026-10-01T16:00:00Z');"
    "INSERT INTO enrollments(id, patient_id, program, status, start_date, end_date, encounter_id, "
    "end_reason, created_at) VALUES (4, 1, 'tcm', 'active', '2026-11-09', '2026-12-08', 1, NULL, "
    "'2026-11-09T16:00:00Z'), (5, 3, 'tcm', 'ended', '2026-10-01', '2026-10-05', 2, 'refused', "
    "'2026-10-01T16:00:00Z');"
    "INSERT INTO tasks(id, patient_id, kind, due_at, due_date, status, encounter_id, gen_key, "
    "team, created_at) VALUES "
    "(1, 1, 'tcm_visit', '2026-11-24T04:59:59Z', '2026-11-23', 'done', 1, NULL, 'tcm', "
    "'2026-11-09T16:00:00Z'), "
    "(2, 1, 'tcm_contact', '2026-11-12T04:59:59Z', '2026-11-11', 'done', 1, NULL, 'tcm', "
    "'2026-11-09T16:00:00Z'), "
    "(3, 1, 'ccm_outreach', '2026-11-02T04:59:59Z', '2026-11-01', 'done', NULL, "
    "'ccm_outreach:1:2026-11', 'ccm', '2026-11-01T11:00:00Z'), "
    "(4, 3, 'ccm_outreach', '2026-11-02T04:59:59Z', '2026-11-01', 'cancelled', NULL, "
    "'ccm_outreach:3:2026-11', 'ccm', '2026-11-01T11:00:00Z'), "
    "(5, 2, 'callback', '2026-11-06T15:00:00Z', '2026-11-06', 'cancelled', NULL, NULL, 'ccm', "
    "'2026-11-01T11:00:00Z'), "
    "(6, 3, 'tcm_contact', '2026-10-04T03:59:59Z', '2026-10-03', 'cancelled', 2, NULL, 'tcm', "
    "'2026-10-01T16:00:00Z');"
    "INSERT INTO appointments(id, uid, patient_id, kind, status, start_at, start_local, "
    "duration_min, tzid, provider, encounter_id, created_at, updated_at) VALUES "
    "(1, 'u1', 1, 'tcm_visit', 'booked', '2026-11-20T15:00:00Z', '2026-11-20T10:00', 40, "
    "'America/New_York', 'Dr A', 1, '2026-11-10T15:00:00Z', '2026-11-10T15:00:00Z'), "
    "(2, 'u2', 1, 'primary_care', 'kept', '2026-11-16T15:00:00Z', '2026-11-16T10:00', 20, "
    "'America/New_York', 'Dr A', NULL, '2026-11-10T15:00:00Z', '2026-11-16T15:20:00Z'), "
    "(3, 'u3', 1, 'lab', 'cancelled', '2026-11-30T15:00:00Z', '2026-11-30T10:00', 15, "
    "'America/New_York', 'Lab', NULL, '2026-11-15T15:00:00Z', '2026-11-16T15:00:00Z');"
    "UPDATE tasks SET appointment_id = 1, closed_at = '2026-11-10T15:00:00Z', close_reason = "
    "'TCM visit booked (appointment 1)' WHERE id = 1;"
    "INSERT INTO contacts(id, patient_id, task_id, at, outcome, interactive, late) VALUES "
    "(1, 1, NULL, '2026-11-10T15:00:00Z', 'reached', 1, 0), "
    "(2, 1, 2, '2026-11-10T14:00:00Z', 'voicemail', 0, 0);"
    "INSERT INTO time_entries(id, patient_id, program, performer_role, start_at, end_at, seconds, "
    "month, activity, source, created_at) VALUES (1, 2, 'ccm', 'clinical_staff', "
    "'2026-11-04T15:00:00Z', '2026-11-04T15:20:00Z', 1200, '2026-11', 'call', 'manual', "
    "'2026-11-04T15:20:00Z');";

/* One of each inconsistency, planted by hand as a faulty import or an old bug would have. */
static const char PLANT[] =
    "UPDATE tasks SET status = 'open', appointment_id = NULL, closed_at = NULL, close_reason = "
    "NULL WHERE id IN (1, 2, 3, 4, 5, 6);"
    "UPDATE enrollments SET status = 'active', end_date = NULL WHERE id = 2;"
    "UPDATE enrollments SET status = 'active' WHERE id = 3;"
    "UPDATE appointments SET start_at = '2026-11-17T15:00:00Z', start_local = '2026-11-17T10:00' "
    "WHERE id = 2;"
    "UPDATE appointments SET created_at = '2026-11-17T15:00:00Z' WHERE id = 3;"
    "UPDATE contacts SET late = 1 WHERE id = 2;"
    "UPDATE time_entries SET start_at = '2026-11-10T15:00:00Z', end_at = '2026-11-10T15:20:00Z' "
    "WHERE id = 1;";

static const char EXPECTED[] =
    "tcm_visit_booked\tM1\ttask 1\tthe TCM visit task is open although appointment 1 on "
    "2026-11-20 is booked inside the window of the 2026-11-09 discharge (by 2026-11-23)\n"
    "tcm_contact_made\tM1\ttask 2\tthe TCM contact task is open although the patient was "
    "reached on 2026-11-10 (contact 1), by the deadline of 2026-11-11\n"
    "outreach_not_enrolled\tM3\ttask 4\tthe CCM outreach task is open although the patient has "
    "no active CCM, complex CCM or PCM enrollment\n"
    "tcm_not_enrolled\tM3\ttask 6\tthe TCM contact task is open although the patient has no "
    "active TCM enrollment for its discharge\n"
    "outreach_contacted\tM1\ttask 3\tthe CCM outreach task is open although the patient was "
    "reached on 2026-11-10 (contact 1)\n"
    "task_deceased\tM2\ttask 5\tthe call back task is open although the patient died on "
    "2026-11-05\n"
    "enrollment_deceased\tM2\tenrollment 2\tthe CCM enrollment is active although the patient "
    "died on 2026-11-05\n"
    "enrollment_past_end\tM3\tenrollment 3\tthe PCM enrollment is active although it ended on "
    "2026-10-31\n"
    "appointment_early\tM1\tappointment 2\tthe appointment on 2026-11-17 was marked kept on "
    "2026-11-16, before its day\n"
    "appointment_unbooked\tM1\tappointment 3\tthe appointment was marked cancelled on "
    "2026-11-16, before it was booked on 2026-11-17\n"
    "time_outside_life\tM2\ttime entry 1\ttime on 2026-11-10 is after M2's date of death "
    "(2026-11-05)\n"
    "contact_late_flag\tM1\tcontact 2\tthe TCM contact on 2026-11-10 is marked late although "
    "made by the deadline of 2026-11-11\n";

static long long count(const char *query)
{
    struct cd_error err = {0};
    struct cd_stmt *st;
    long long n = -1;
    if (!cd_db_prepare(store, query, &st, &err)) {
        if (cd_db_step(store, st, &err) == 1)
            n = cd_db_col_int(st, 0);
        cd_db_finalize(st);
    }
    return n;
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-18T10:00");
    sql(WORLD);
    is_str(findings(), "", "the consistent records give no finding");
    sql(PLANT);
    is_str(findings(), EXPECTED, "one finding of each kind, in order, each with its sentence");

    /* what no longer is a finding once core's rule holds */
    sql("UPDATE contacts SET late = 0 WHERE id = 2;"
        "UPDATE appointments SET status = 'no_show' WHERE id = 1;");
    const char *f = findings();
    ok(!strstr(f, "tcm_visit_booked") && !strstr(f, "contact_late_flag"),
       "a missed visit leaves the task open rightly; an unmarked timely contact is fine");
    sql("UPDATE appointments SET status = 'booked', start_at = '2026-11-25T15:00:00Z', "
        "start_local = '2026-11-25T10:00' WHERE id = 1;");
    ok(!strstr(findings(), "tcm_visit_booked"), "a visit after the 14-day window leaves it open");
    sql("UPDATE appointments SET start_at = '2026-11-23T15:00:00Z', "
        "start_local = '2026-11-23T10:00' WHERE id = 1;");
    ok(strstr(findings(), "tcm_visit_booked") != NULL, "a visit on day 14 is inside the window");
    sql("UPDATE encounters SET complexity = 'high' WHERE id = 1;");
    ok(!strstr(findings(), "tcm_visit_booked"), "high complexity: day 14 is past the 7 days");
    sql("UPDATE appointments SET updated_at = '2026-11-17T20:00:00Z' WHERE id = 2;");
    ok(!strstr(findings(), "appointment_early"), "marked kept later on its day is fine");
    sql("UPDATE contacts SET at = '2026-11-13T15:00:00Z' WHERE id = 1;");
    ok(strstr(findings(), "reached on 2026-11-13 (contact 1), after the deadline of 2026-11-11") !=
           NULL,
       "a late interactive contact still answers the TCM contact task");
    sql("UPDATE contacts SET task_id = 3 WHERE id = 1;");
    ok(strstr(findings(), "reached on 2026-11-13 (contact 1), after the deadline of 2026-11-11") !=
           NULL,
       "a reached call logged on another job (the outreach) answers the TCM contact task too");
    sql("UPDATE contacts SET at = '2026-11-09T14:00:00Z' WHERE id = 1;");
    ok(!strstr(findings(), "tcm_contact_made"), "a call before the discharge does not");
    sql("UPDATE contacts SET at = '2026-11-13T15:00:00Z', task_id = NULL WHERE id = 1;");

    /* read-only and audited once */
    struct cd_page page = CD_PAGE_INIT;
    struct cd_error err = {0};
    long long before = count("SELECT count(*) FROM audit_log");
    is_int(cd_check_run(store, &page, &err), 0, "cd_check_run");
    ok(cd_page_columns_are(&page, (const char *const[]){"kind", "mrn", "record", "finding"}, 4),
       "columns: kind mrn record finding");
    is_int(count("SELECT count(*) FROM audit_log") - before, 1, "one audit entry");
    is_int(count("SELECT count(*) FROM audit_log WHERE entity = 'database' AND action = 'check' "
                 "AND detail = '9 findings'"),
           1, "... naming the count");
    cd_page_free(&page);
    cd_store_close(store);

    /* the demo is made by the rules: nothing to find, today and at a month's end */
    static const char *const days[] = {"2026-11-02T09:00", "2026-11-30T16:30"};
    for (int i = 0; i < 2; i++) {
        store = testdb_open("America/New_York", days[i]);
        struct cd_demo_opts opts = {.patients = 2000, .seed = 3, .supervisor = "boss"};
        struct cd_demo_stats st;
        is_int(cd_demo_generate(store, &opts, &st, &err), 0, "demo of 2,000 patients");
        is_str(findings(), "", "... passes the consistency check");
        cd_store_close(store);
    }
    return done_testing();
}
