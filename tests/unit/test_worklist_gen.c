/* SPDX-License-Identifier: MIT */
/* Unit tests of set-based worklist generation (core/worklist_gen) and of generating on a worker
 * thread (core/genjob): audit rows as cd_task_create and cd_task_cancel write them, review dates
 * across zones, two coordinators generating at once, a generation stopped half-way, and the
 * edges of each rule's probes (contacts, enrollments, open tasks, minutes). */
#include "config.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/careplan.h"
#include "core/genjob.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "core/worklist.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;
static struct cd_error err;

static void sql(struct cd_store *s, const char *script)
{
    cd_store_begin(s, &err);
    if (cd_db_exec_script(s, script, &err))
        printf("# sql: %s\n", err.msg);
    cd_store_commit(s, &err);
}

/* The first column of the first row of QUERY, as text ("" when none). */
static const char *one(struct cd_store *s, const char *query)
{
    static char out[256];
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(cd_store_sqlite(s), query, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

static void set_now(const char *now)
{
    time_t t;
    cd_instant_parse(now, &t, &err);
    cd_clock_set(t);
}

/* N CCM patients (coordinator mrivera for odd ones, the ccm queue for even ones), none contacted,
 * each with an active care plan reviewed on 2026-11-20 (odd) or 2026-11-23 (even). */
static void population(int n)
{
    char mrn[16];
    for (int i = 1; i <= n; i++) {
        snprintf(mrn, sizeof mrn, "G%03d", i);
        struct cd_patient_in p = {
            .mrn = mrn, .family = "Gen", .given = "Pat", .coordinator = i % 2 ? "mrivera" : NULL};
        int64_t id;
        if (cd_patient_add(store, &p, &id, &err))
            printf("Bail out! patient: %s\n", err.msg);
    }
    sql(store, "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
               "consent_method, created_at) SELECT id, CASE id % 3 WHEN 0 THEN 'pcm' WHEN 1 THEN "
               "'ccm' ELSE 'ccm_complex' END, 'active', '2026-01-01', '2026-01-01', 'verbal', "
               "'2026-01-01T00:00:00Z' FROM patients;"
               "INSERT INTO care_plans(patient_id, current_version, created_at, updated_at) "
               "SELECT id, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM patients;"
               "INSERT INTO care_plan_versions(care_plan_id, version, created_at, "
               "next_review_date) SELECT id, 1, '2026-01-01T00:00:00Z', CASE id % 2 WHEN 1 "
               "THEN '2026-11-20' ELSE '2026-11-23' END FROM care_plans ORDER BY id;");
}

static void test_generate(void)
{
    bool done = true;
    is_int(cd_worklist_generated(store, &done, &err), 0, "generated?");
    ok(!done, "not yet today");
    struct cd_worklist_gen gen;
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "generate");
    is_int(gen.reviews, 10, "10 reviews");
    is_int(gen.outreach, 10, "10 outreach");
    is_int(gen.minutes, 0, "minutes: all have outreach");
    cd_worklist_generated(store, &done, &err);
    ok(done, "generated today");
    is_str(one(store, "SELECT group_concat(id || ':' || kind || ':' || coalesce(assignee_id, '-') "
                      "|| ':' || coalesce(team, '-'), ' ') FROM (SELECT * FROM tasks "
                      "WHERE kind = 'ccm_outreach' ORDER BY id LIMIT 3)"),
           "11:ccm_outreach:2:- 12:ccm_outreach:-:ccm 13:ccm_outreach:2:-",
           "outreach after the reviews, by patient: coordinator, else the ccm queue");
    is_str(one(store, "SELECT title FROM tasks WHERE gen_key = 'ccm_outreach:2:2026-11'"),
           "No complex CCM contact yet this month", "outreach title names the program");
    is_str(one(store, "SELECT group_concat(gen_key || ' ' || due_at, ', ') FROM (SELECT * FROM "
                      "tasks WHERE kind = 'careplan_review' ORDER BY id LIMIT 2)"),
           "careplan_review:1:2026-11-20 2026-11-21T04:59:59Z, "
           "careplan_review:2:2026-11-23 2026-11-24T04:59:59Z",
           "reviews in plan order, each due by the end of its day in the clinic");
    /* one audit row per task, as cd_task_create writes it */
    is_str(one(store, "SELECT count(*) FROM tasks t JOIN audit_log a ON a.entity = 'task' "
                      "AND a.entity_id = t.id AND a.action = 'create' AND a.detail = t.kind "
                      "AND a.user_id = 1 AND a.at = t.created_at AND t.created_by IS NULL"),
           "20", "20 creations audited as the acting user's process, made by no one");
    is_str(one(store, "SELECT count(*) FROM audit_log WHERE action = 'create'"), "20",
           "and no more");
    is_str(one(store, "SELECT created_at FROM tasks WHERE id = 1"), "2026-11-23T14:00:00Z",
           "created now");
    /* a review already made by the day's generation is not made twice */
    int n = -1;
    is_int(cd_worklist_generate_reviews(store, cd_clock_today(), &n, &err), 0, "again");
    is_int(n, 0, "nothing new");

    /* a bad review date names its plan, and nothing is written */
    sql(store,
        "UPDATE care_plan_versions SET next_review_date = '2026-11-0x' WHERE care_plan_id = 4");
    is_int(cd_worklist_generate(store, true, &gen, &err), CD_EINVAL, "bad review date");
    is_str(err.msg, "care plan 4: next_review_date '2026-11-0x' is not a date", "message");
    is_int(gen.ran, 0, "nothing ran");
    sql(store,
        "UPDATE care_plan_versions SET next_review_date = '2026-11-23' WHERE care_plan_id = 4");

    /* the month ends: November outreach cancelled, audited as cd_task_cancel does */
    set_now("2026-12-01T08:00");
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "December");
    is_int(gen.cancelled, 10, "10 cancelled");
    is_int(gen.outreach, 10, "10 December outreach");
    is_str(one(store, "SELECT count(*) FROM tasks t JOIN audit_log a ON a.entity = 'task' "
                      "AND a.entity_id = t.id AND a.action = 'cancel' AND a.detail = "
                      "'the month ended' AND a.user_id = 1 AND a.at = t.closed_at "
                      "WHERE t.status = 'cancelled' AND t.closed_by IS NULL AND t.close_reason = "
                      "'the month ended' AND t.version = 2"),
           "10", "each cancellation audited as the acting user's process, made by no one");
    is_str(one(store, "SELECT count(*) FROM tasks WHERE kind = 'ccm_outreach' AND status = "
                      "'open' AND due_date = '2026-12-01'"),
           "10", "open outreach is December's only");
}

/* Two coordinators open the workstation at the same moment on a new day. */
static void test_two_coordinators(void)
{
    set_now("2026-12-02T08:00");
    struct cd_genjob *job = NULL;
    sql(store, "UPDATE tasks SET status = 'done' WHERE kind = 'ccm_outreach';"
               "DELETE FROM contacts;");
    set_now("2027-01-04T08:00");
    is_int(cd_genjob_start(testdb_path, 1, &job, &err), 0, "worker started");
    struct cd_worklist_gen a, b;
    int rc = cd_worklist_generate(store, false, &a, &err);
    is_int(rc, 0, "this connection generated or found it done");
    is_int(cd_genjob_finish(job, &b, &err), 0, "the worker too");
    is_int(a.ran + b.ran, 1, "exactly one of them ran");
    is_int(a.outreach + b.outreach, 10, "10 outreach in all");
    is_str(one(store, "SELECT count(*) FROM tasks WHERE gen_key LIKE 'ccm_outreach:%:2027-01'"),
           "10", "no duplicates");
    is_str(one(store, "SELECT count(*) FROM audit_log a JOIN tasks t ON t.id = a.entity_id "
                      "WHERE a.action = 'create' AND t.gen_key LIKE 'ccm_outreach:%:2027-01'"),
           "10", "each audited once");
}

/* Quit while the worker runs: each batch of patients is all or nothing (these 10 are one). */
static void test_cancel(void)
{
    set_now("2027-02-01T08:00");
    struct cd_genjob *job = NULL;
    struct cd_worklist_gen res;
    is_int(cd_genjob_start(testdb_path, 1, &job, &err), 0, "worker started");
    cd_genjob_cancel(job);
    int rc = cd_genjob_finish(job, &res, &err);
    const char *made =
        one(store, "SELECT count(*) FROM tasks WHERE gen_key LIKE 'ccm_outreach:%:2027-02'");
    bool done;
    cd_worklist_generated(store, &done, &err);
    ok((rc == 0 && strcmp(made, "10") == 0 && done) || (rc != 0 && strcmp(made, "0") == 0 && !done),
       "stopped: all or nothing");
    is_int(cd_worklist_generate(store, false, &res, &err), 0, "the next start");
    is_str(one(store, "SELECT count(*) FROM tasks WHERE gen_key LIKE 'ccm_outreach:%:2027-02'"),
           "10", "completes the day");
    is_int(cd_genjob_finish(NULL, NULL, NULL), 0, "finish NULL");
    cd_genjob_cancel(NULL);
    ok(1, "cancel NULL");
    job = NULL;
    is_int(cd_genjob_start("/nonexistent/caredesk.db", 1, &job, &err), CD_ENOTFOUND, "no file");
    ok(job == NULL, "no job");
}

/* Patients far apart in id are generated in separate batches (4,096 patients each): every one
 * gets its task once, each audited, and the day is marked done only with the last batch. */
static void test_batches(void)
{
    set_now("2027-03-01T08:00");
    sql(store, "INSERT INTO patients(id, mrn, family_name, given_name, name_key, created_at, "
               "updated_at) VALUES (4096, 'B1', 'Batch', 'One', 'batch one', '2027-01-01', "
               "'2027-01-01'), (4097, 'B2', 'Batch', 'Two', 'batch two', '2027-01-01', "
               "'2027-01-01'), (12289, 'B3', 'Batch', 'Three', 'batch three', '2027-01-01', "
               "'2027-01-01');"
               "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
               "consent_method, created_at) SELECT id, 'ccm', 'active', '2027-01-01', "
               "'2027-01-01', 'verbal', '2027-01-01T00:00:00Z' FROM patients WHERE id > 4000;");
    struct cd_worklist_gen res;
    is_int(cd_worklist_generate(store, false, &res, &err), 0, "generate across batches");
    is_int(res.outreach, 13, "10 + 3 outreach, each once");
    is_int(res.cancelled, 10, "February's 10 cancelled");
    is_str(one(store, "SELECT group_concat(patient_id, ' ') FROM (SELECT patient_id FROM tasks "
                      "WHERE gen_key LIKE 'ccm_outreach:%:2027-03' AND patient_id > 4000 "
                      "ORDER BY patient_id)"),
           "4096 4097 12289", "the batch edges and a far one");
    is_str(one(store, "SELECT count(*) FROM audit_log a JOIN tasks t ON t.id = a.entity_id "
                      "WHERE a.action = 'create' AND t.gen_key LIKE 'ccm_outreach:%:2027-03'"),
           "13", "each audited once");
    bool done = false;
    cd_worklist_generated(store, &done, &err);
    ok(done, "the day is marked done");
    is_int(cd_worklist_generate(store, true, &res, &err), 0, "forced again");
    is_int(res.outreach + res.cancelled, 0, "nothing new");
}

/* The probes behind each rule, at their edges, in one batch late in April 2027 (5 business days
 * left): which contact counts, which enrollment, which open task blocks what, which minutes sum. */
static void test_probes(void)
{
    set_now("2027-04-26T09:00");
    sql(store,
        "INSERT INTO patients(id, mrn, family_name, given_name, name_key, deceased_at, "
        "created_at, updated_at) VALUES "
        "(20001, 'R1', 'Probe', 'One', 'probe one', NULL, '2027-01-01', '2027-01-01'),"
        "(20002, 'R2', 'Probe', 'Two', 'probe two', NULL, '2027-01-01', '2027-01-01'),"
        "(20003, 'R3', 'Probe', 'Three', 'probe three', NULL, '2027-01-01', '2027-01-01'),"
        "(20004, 'R4', 'Probe', 'Four', 'probe four', NULL, '2027-01-01', '2027-01-01'),"
        "(20005, 'R5', 'Probe', 'Five', 'probe five', NULL, '2027-01-01', '2027-01-01'),"
        "(20006, 'R6', 'Probe', 'Six', 'probe six', NULL, '2027-01-01', '2027-01-01'),"
        "(20007, 'R7', 'Probe', 'Seven', 'probe seven', NULL, '2027-01-01', '2027-01-01'),"
        "(20008, 'R8', 'Probe', 'Eight', 'probe eight', '2027-04-02T12:00:00Z', '2027-01-01', "
        "'2027-01-01');"
        "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
        "consent_method, created_at) SELECT id, 'ccm', CASE id WHEN 20005 THEN 'ended' ELSE "
        "'active' END, CASE id WHEN 20004 THEN '2027-04-27' ELSE '2027-01-01' END, "
        "'2027-01-01', 'verbal', '2027-01-01T00:00:00Z' FROM patients WHERE id > 20000;"
        "INSERT INTO enrollments(patient_id, program, status, start_date, created_at) VALUES "
        "(20005, 'tcm', 'active', '2027-04-01', '2027-04-01T00:00:00Z');"
        /* interactive this month; a voicemail this month; a call on March 31 in the clinic */
        "INSERT INTO contacts(patient_id, at, outcome, interactive) VALUES "
        "(20001, '2027-04-10T15:00:00Z', 'reached', 1), (20002, '2027-04-10T15:00:00Z', "
        "'voicemail', 0), (20003, '2027-04-01T03:59:59Z', 'reached', 1), "
        "(20006, '2027-04-12T15:00:00Z', 'reached', 1), (20007, '2027-04-12T15:00:00Z', "
        "'reached', 1);"
        /* 20006: 15 CCM minutes; 10 more voided and 25 of TCM do not count. 20007: 20, enough */
        "INSERT INTO time_entries(patient_id, program, performer_role, start_at, end_at, "
        "seconds, month, activity, source, created_at, voided, void_reason) VALUES "
        "(20006, 'ccm', 'clinical_staff', '2027-04-12T15:00:00Z', '2027-04-12T15:15:00Z', 900, "
        "'2027-04', 'call', 'manual', '2027-04-12T15:15:00Z', 0, NULL),"
        "(20006, 'ccm', 'clinical_staff', '2027-04-13T15:00:00Z', '2027-04-13T15:10:00Z', 600, "
        "'2027-04', 'call', 'manual', '2027-04-13T15:10:00Z', 1, 'wrong patient'),"
        "(20006, 'tcm', 'clinical_staff', '2027-04-14T15:00:00Z', '2027-04-14T15:25:00Z', 1500, "
        "'2027-04', 'call', 'manual', '2027-04-14T15:25:00Z', 0, NULL),"
        "(20007, 'ccm', 'clinical_staff', '2027-04-12T15:00:00Z', '2027-04-12T15:20:00Z', 1200, "
        "'2027-04', 'call', 'manual', '2027-04-12T15:20:00Z', 0, NULL);"
        /* an open callback does not block the minutes task; March's open outreach is stale, a
         * callback due in March is not */
        "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, created_at) VALUES "
        "(20006, 'callback', 'call back', '2027-04-27T04:59:59Z', '2027-04-26', "
        "'2027-04-20T12:00:00Z'), (20007, 'ccm_outreach', 'by hand', '2027-03-16T03:59:59Z', "
        "'2027-03-15', '2027-03-01T12:00:00Z'), (20007, 'callback', 'call back', "
        "'2027-03-16T03:59:59Z', '2027-03-15', '2027-03-01T12:00:00Z');");
    struct cd_worklist_gen res;
    is_int(cd_worklist_generate(store, false, &res, &err), 0, "generate late in April");
    is_str(one(store, "SELECT group_concat(gen_key || ' ' || title, ', ') FROM (SELECT * FROM "
                      "tasks WHERE patient_id > 20000 AND gen_key IS NOT NULL ORDER BY id)"),
           "ccm_outreach:20002:2027-04 No CCM contact yet this month, "
           "ccm_outreach:20003:2027-04 No CCM contact yet this month, "
           "ccm_minutes:20001:2027-04 CCM minutes short this month, "
           "ccm_minutes:20006:2027-04 CCM minutes short this month",
           "outreach without an interactive contact this month; minutes for the short");
    is_str(one(store, "SELECT group_concat(kind || ':' || status, ' ') FROM (SELECT * FROM "
                      "tasks WHERE patient_id = 20007 ORDER BY id)"),
           "ccm_outreach:cancelled callback:open", "March's outreach cancelled, not the callback");
    is_str(one(store, "SELECT count(*) FROM audit_log a JOIN tasks t ON t.id = a.entity_id "
                      "AND a.entity = 'task' WHERE t.patient_id > 20000 AND a.action IN "
                      "('create', 'cancel')"),
           "5", "four made and one cancelled, each audited once");
    is_int(cd_worklist_generate(store, true, &res, &err), 0, "forced again");
    is_int(res.outreach + res.minutes + res.cancelled + res.reviews, 0, "nothing new");
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-23T09:00");
    int64_t id;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", "north", &id, &err);
    population(10);
    test_generate();
    test_two_coordinators();
    test_cancel();
    test_batches();
    test_probes();
    cd_store_close(store);
    return done_testing();
}
