/* SPDX-License-Identifier: MIT */
/* Unit tests of core/demo: exact counts for a fixed seed and today, determinism, the TCM rule,
 * integrity (foreign keys, every CHECK) and no minute counted twice. */
#include "config.h"

#include <sqlite3.h>

#include "core/base/clock.h"
#include "core/calendar.h"
#include "core/demo/demo.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "core/user.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static const char *const tables[] = {
    "users",     "patients", "conditions",   "encounters", "enrollments",        "appointments",
    "tasks",     "contacts", "time_entries", "care_plans", "care_plan_versions", "care_plan_items",
    "referrals", "notes",
};
#define N_TABLES (sizeof tables / sizeof tables[0])

static long long q_int(struct cd_store *store, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(cd_store_sqlite(store), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* FNV-1a over every cell of TABLE in rowid order. */
static uint64_t table_hash(struct cd_store *store, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", table);
    sqlite3_stmt *st = NULL;
    uint64_t h = 0xcbf29ce484222325ull;
    if (sqlite3_prepare_v2(cd_store_sqlite(store), sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const unsigned char *t = sqlite3_column_text(st, c);
            for (const unsigned char *p = t ? t : (const unsigned char *)"\x01NULL"; *p; p++)
                h = (h ^ *p) * 0x100000001b3ull;
            h = (h ^ 0x1f) * 0x100000001b3ull;
        }
        h = (h ^ 0x1e) * 0x100000001b3ull;
    }
    sqlite3_finalize(st);
    return h;
}

/* Every TCM task is due at the end of the day cd_tcm_deadlines gives for its discharge. */
static void check_tcm(struct cd_store *store)
{
    struct cd_calendar cal = CD_CALENDAR_INIT;
    struct cd_error err = {0};
    cd_calendar_load(store, &cal, &err);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(cd_store_sqlite(store),
                       "SELECT t.kind, t.due_date, t.due_at, e.discharge_date, e.complexity "
                       "FROM tasks t JOIN encounters e ON e.id = t.encounter_id "
                       "WHERE t.kind IN ('tcm_contact', 'tcm_visit') ORDER BY t.id",
                       -1, &st, NULL);
    int n = 0, bad = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(st, 0);
        int dis, due_day;
        cd_date_parse((const char *)sqlite3_column_text(st, 3), &dis, NULL);
        struct cd_tcm_due due;
        cd_tcm_deadlines(&cal, dis, &due);
        if (strcmp(kind, "tcm_contact") == 0)
            due_day = due.contact_due;
        else
            due_day = strcmp((const char *)sqlite3_column_text(st, 4), "high") == 0
                          ? due.visit_due_7
                          : due.visit_due_14;
        char date[CD_DATE_LEN], at[CD_INSTANT_LEN];
        cd_date_format(due_day, date);
        cd_instant_format(cd_local_to_instant(due_day, 23, 59, 59), at);
        if (strcmp(date, (const char *)sqlite3_column_text(st, 1)) ||
            strcmp(at, (const char *)sqlite3_column_text(st, 2))) {
            if (!bad++)
                printf("# task due %s %s, rule says %s %s\n", sqlite3_column_text(st, 1),
                       sqlite3_column_text(st, 2), date, at);
        }
        n++;
    }
    sqlite3_finalize(st);
    cd_calendar_free(&cal);
    ok(n > 10 && bad == 0, "all %d TCM tasks due as cd_tcm_deadlines says (%d wrong)", n, bad);
}

/* Each time entry's month is the clinic-zone month of its start; seconds = end - start. */
static void check_months(struct cd_store *store)
{
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(cd_store_sqlite(store),
                       "SELECT start_at, end_at, seconds, month FROM time_entries", -1, &st, NULL);
    int n = 0, bad = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        time_t s, e;
        cd_instant_parse((const char *)sqlite3_column_text(st, 0), &s, NULL);
        cd_instant_parse((const char *)sqlite3_column_text(st, 1), &e, NULL);
        char month[CD_DATE_LEN];
        cd_date_format(cd_instant_local_day(s), month);
        month[7] = '\0';
        bad += e - s != sqlite3_column_int64(st, 2) ||
               strcmp(month, (const char *)sqlite3_column_text(st, 3)) != 0;
        n++;
    }
    sqlite3_finalize(st);
    ok(n > 100 && bad == 0, "%d time entries: month and seconds consistent (%d wrong)", n, bad);
}

int main(void)
{
    struct cd_store *a = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    struct cd_demo_stats st;
    struct cd_demo_opts opts = {.patients = 0, .seed = 1, .supervisor = "boss"};

    is_int(cd_demo_generate(a, &opts, &st, &err), CD_EINVAL, "no patients refused");
    is_str(err.msg, "patients: 0 is not between 1 and 1000000", "patients message");
    opts.patients = 400;
    is_int(cd_demo_generate(a, &opts, &st, &err), 0, "400 patients generated");
    is_int(st.patients, 400, "patients");
    is_int(st.users, 8, "staff: 3 coordinators, 2 schedulers, 1 supervisor, 1 admin, boss");
    is_int(st.encounters, 450, "encounters");
    is_int(st.tasks, 223, "tasks");
    is_int(st.contacts, 1041, "contacts");
    is_int(st.time_entries, 2134, "time entries");
    is_int(st.care_plans, 291, "care plans");
    is_int(st.appointments, 280, "appointments");
    is_int(st.conditions, q_int(a, "SELECT count(*) FROM conditions"), "conditions counted");
    is_int(st.enrollments, q_int(a, "SELECT count(*) FROM enrollments"), "enrollments counted");
    is_int(st.care_plan_items, q_int(a, "SELECT count(*) FROM care_plan_items"), "items counted");
    is_int(st.tasks, q_int(a, "SELECT count(*) FROM tasks"), "tasks counted");

    struct cd_user u;
    is_int(cd_user_find(a, CD_DEMO_COORDINATOR, &u, &err), 0, "the demo coordinator exists");
    is_str(u.name, "Maria Rivera", "her name");
    is_str(u.role, "coordinator", "her role");
    is_int(cd_user_find(a, "boss", &u, &err), 0, "the invoking login was added");
    is_str(u.role, "supervisor", "as a supervisor");
    is_int(q_int(a, "SELECT count(*) FROM users WHERE role = 'admin'"), 2,
           "an admin besides init's");
    is_int(q_int(a, "SELECT count(*) FROM audit_log WHERE action = 'generate' AND "
                    "detail = 'demo generated 400 patients'"),
           1, "one audit entry");
    is_int(q_int(a, "SELECT count(*) FROM audit_log"), 3, "and no per-row entries");

    is_int(q_int(a, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "foreign keys hold");
    is_int(q_int(a, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0,
           "integrity_check (every CHECK constraint) passes");
    is_int(q_int(a, "SELECT count(*) FROM time_entries x JOIN time_entries y "
                    "ON x.patient_id = y.patient_id AND x.id < y.id "
                    "AND x.start_at < y.end_at AND y.start_at < x.end_at"),
           0, "no minute counted twice for a patient");
    is_int(q_int(a, "SELECT count(*) FROM time_entries WHERE end_at > '2026-11-02T14:00:00Z'"), 0,
           "no time after now");
    check_months(a);
    check_tcm(a);
    is_int(q_int(a, "SELECT count(*) FROM encounters e WHERE tcm_eligible = 1 AND discharge_date "
                    "> '2026-10-03' AND NOT EXISTS (SELECT 1 FROM enrollments n WHERE "
                    "n.encounter_id = e.id AND n.program = 'tcm' AND n.start_date = "
                    "e.discharge_date AND n.end_date = date(e.discharge_date, '+29 days'))"),
           0, "every recent qualifying discharge has its TCM period");
    is_int(q_int(a, "SELECT count(*) FROM encounters WHERE tcm_eligible = 0 AND "
                    "(ineligible_reason IS NULL OR setting = 'ed' AND ineligible_reason NOT LIKE "
                    "'emergency%')"),
           0, "every ineligible discharge says why");
    ok(q_int(a, "SELECT count(*) FROM encounters WHERE setting = 'ed' AND discharge_date > "
                "'2026-10-03'") > 0,
       "recent ED visits (not TCM) exist");
    is_int(q_int(a, "SELECT count(*) FROM contacts WHERE interactive <> "
                    "(outcome IN ('reached', 'caregiver'))"),
           0, "interactive follows the outcome");
    ok(q_int(a, "SELECT count(*) FROM tasks WHERE kind = 'tcm_contact' AND status = 'open' AND "
                "attempts_satisfied = 1") > 0,
       "some contacts satisfied by two attempts");
    ok(q_int(a, "SELECT count(*) FROM tasks WHERE kind = 'tcm_contact' AND status = 'open' AND "
                "due_date < '2026-11-02'") > 0,
       "some contacts overdue");
    is_int(q_int(a, "SELECT count(*) FROM patients p JOIN enrollments e ON e.patient_id = p.id "
                    "AND e.program IN ('ccm', 'ccm_complex') AND e.status <> 'declined' WHERE "
                    "(SELECT count(*) FROM "
                    "conditions c WHERE c.patient_id = p.id AND c.chronic = 1) < 2"),
           0, "CCM patients have 2+ chronic conditions");
    is_int(q_int(a, "SELECT count(*) FROM enrollments WHERE program IN ('ccm', 'ccm_complex', "
                    "'pcm', 'apcm') AND status <> 'declined' AND (consent_date IS NULL OR "
                    "consent_method IS NULL OR "
                    "consent_by IS NULL)"),
           0, "care-management enrollments carry consent");
    is_int(q_int(a, "SELECT count(*) FROM patients WHERE risk_tier <> CASE WHEN lace_score <= 4 "
                    "THEN 'low' WHEN lace_score <= 9 THEN 'moderate' ELSE 'high' END"),
           0, "risk tier follows LACE");
    is_int(q_int(a, "SELECT count(*) FROM appointments WHERE tzid <> 'America/New_York' OR "
                    "length(uid) <> 36 OR substr(uid, 15, 1) <> '4' OR substr(uid, 20, 1) NOT IN "
                    "('8', '9', 'a', 'b') OR uid GLOB '*[^0-9a-f-]*'"),
           0, "appointments: v4 UUIDs in the clinic zone");
    is_int(q_int(a, "SELECT count(*) FROM tasks WHERE (assignee_id IS NULL) = (team IS NULL)"), 0,
           "every task has an assignee or a team queue");
    ok(q_int(a, "SELECT count(*) FROM care_plan_versions WHERE version > 1") > 0,
       "some care plans were revised");
    is_int(q_int(a, "SELECT count(DISTINCT section) FROM care_plan_items"), 11,
           "care plans cover every section");
    /* plans are kept current: an active plan's last version is 6-12 months before the review
       it sets (13 at most for an overdue one), never after today */
    is_int(q_int(a, "SELECT count(*) FROM care_plans p JOIN care_plan_versions v ON "
                    "v.care_plan_id = p.id AND v.version = p.current_version WHERE p.status = "
                    "'active' AND (julianday(v.next_review_date) - julianday(v.created_at) > 360 "
                    "OR v.created_at < '2025-10-01' OR v.created_at > '2026-11-02T14:00:00Z')"),
           0, "active plans were saved within the year before their review");

    is_int(cd_demo_generate(a, &opts, &st, &err), CD_EEXIST, "a second run is refused");
    is_str(err.msg, "DB already holds 400 patients; demo fills only an empty database",
           "refusal message");

    /* the same seed and today give the same content; another seed does not */
    struct cd_store *b = testdb_open("America/New_York", "2026-11-02T09:00");
    is_int(cd_demo_generate(b, &opts, &st, &err), 0, "again on a fresh database");
    int same = 0;
    for (size_t i = 0; i < N_TABLES; i++) {
        uint64_t ha = table_hash(a, tables[i]), hb = table_hash(b, tables[i]);
        same += ha == hb;
        if (ha != hb)
            printf("# %s differs\n", tables[i]);
    }
    is_int(same, (int)N_TABLES, "identical content in every table");
    struct cd_store *c = testdb_open("America/New_York", "2026-11-02T09:00");
    opts.seed = 2;
    is_int(cd_demo_generate(c, &opts, &st, &err), 0, "another seed");
    ok(table_hash(a, "patients") != table_hash(c, "patients"), "gives other patients");
    cd_store_close(a);
    cd_store_close(b);
    cd_store_close(c);
    return done_testing();
}
