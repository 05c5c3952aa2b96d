/* SPDX-License-Identifier: MIT */
/* Unit tests of the audit log (core/store/audit.c, audit_read.c): the canonical hash, the chain
 * the writers build, verify on an intact log and on one altered, inserted into and cut by hand,
 * the triggers against REPLACE, two connections writing in turn, a read-only store, the chaining
 * of an upgraded database, the browse, and one entry per read of patient data. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/base/builtin.h"
#include "core/billing.h"
#include "core/careplan.h"
#include "core/io/fhir.h"
#include "core/io/ical.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "core/timeline.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;
static struct cd_error err;

static void hex(const unsigned char *b, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
}

/* The first column of the first row of SQL as text ("" when none; a static buffer). */
static const char *one(struct cd_store *s, const char *sql)
{
    static char buf[4096];
    struct cd_stmt *st;
    buf[0] = '\0';
    if (cd_db_prepare(s, sql, &st, NULL))
        return "(bad sql)";
    if (cd_db_step(s, st, NULL) == 1 && cd_db_col_text(st, 0))
        snprintf(buf, sizeof buf, "%s", cd_db_col_text(st, 0));
    cd_db_finalize(st);
    return buf;
}

/* Run SQL on a connection of its own, as someone with the sqlite3 shell would; its result code. */
static int shell(const char *sql)
{
    sqlite3 *db;
    sqlite3_open(testdb_path, &db);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

static int verify(int64_t *n)
{
    err = (struct cd_error){0};
    return cd_audit_verify(store, n, &err);
}

static int64_t add_patient(const char *mrn, const char *family)
{
    struct cd_patient_in in = {
        .mrn = mrn, .family = family, .given = "Ann", .birth_date = "1950-03-04"};
    int64_t id = 0;
    if (cd_patient_add(store, &in, &id, &err))
        printf("# patient: %s\n", err.msg);
    return id;
}

static void test_hash(void)
{
    /* the vectors come from printf | sha256sum over the encoding audit.c describes */
    static const unsigned char zero[CD_AUDIT_HASH_LEN];
    const char *f1[CD_AUDIT_FIELDS] = {"1",      "2026-11-02T14:00:00Z", "7", "care_plan", "3",
                                       "export", "version 2 as text",    "12"};
    unsigned char h1[CD_AUDIT_HASH_LEN], h2[CD_AUDIT_HASH_LEN], h3[CD_AUDIT_HASH_LEN];
    char x[2 * CD_AUDIT_HASH_LEN + 1];
    cd_audit_hash(zero, sizeof zero, f1, h1);
    hex(h1, sizeof h1, x);
    is_str(x, "6730ea9f0d289152bb63b9e8feadfef6cdb7c4dba9147594fd073efc802aab39",
           "the first entry's hash: netstrings after 32 zero bytes");
    const char *f2[CD_AUDIT_FIELDS] = {
        "2", "2026-11-02T14:00:00Z", NULL, "settings", NULL, "set", NULL, NULL};
    cd_audit_hash(h1, sizeof h1, f2, h2);
    hex(h2, sizeof h2, x);
    is_str(x, "7243c395f63f4bc15f01b8f10487437934e2b41965788a15edc36d1174f38385",
           "NULL is '~', and the previous hash leads");
    f2[6] = "";
    cd_audit_hash(h1, sizeof h1, f2, h3);
    hex(h3, sizeof h3, x);
    is_str(x, "907621627386093ab1993f4b6e7ee6a87e648fe1b27016961bd32e91ea18023b",
           "an empty text is not NULL");
    /* moving a byte across a field boundary changes the hash */
    const char *a[CD_AUDIT_FIELDS] = {"1", "t", NULL, "ab", NULL, "c", NULL, NULL};
    const char *b[CD_AUDIT_FIELDS] = {"1", "t", NULL, "a", NULL, "bc", NULL, NULL};
    cd_audit_hash(zero, sizeof zero, a, h1);
    cd_audit_hash(zero, sizeof zero, b, h2);
    ok(memcmp(h1, h2, sizeof h1) != 0, "field boundaries are part of the content");
}

static void test_chain(void)
{
    int64_t n = -1;
    int64_t pid = add_patient("A1", "Able");
    cd_store_begin(store, &err);
    cd_audit_log(store, "patient", pid, "update", "A1", &err);
    cd_audit_log(store, "settings", 0, "set", "", &err);
    is_int(cd_store_commit(store, &err), 0, "two change entries");
    is_str(one(store, "SELECT count(*) FROM audit_log a JOIN audit_log p ON p.id = a.id - 1 "
                      "WHERE a.prev_hash = p.hash"),
           one(store, "SELECT count(*) - 1 FROM audit_log"), "each entry names the one before");
    is_str(one(store, "SELECT hex(prev_hash) FROM audit_log WHERE id = 1"),
           "0000000000000000000000000000000000000000000000000000000000000000",
           "the first follows 32 zero bytes");
    is_str(one(store, "SELECT group_concat(coalesce(patient_id, '-'), ',') FROM audit_log"),
           "-,-,1,1,-", "the patient of each entry, found from what it is about");
    is_str(one(store, "SELECT quote(detail) FROM audit_log ORDER BY id DESC LIMIT 1"), "NULL",
           "an empty detail is stored as NULL, and hashed so");
    is_int(verify(&n), 0, "verify: intact");
    is_int(n, 5, "verify counts every entry");

    /* the set-based writers' entries: one per row, in row order */
    struct cd_stmt *st;
    int made = 0;
    cd_store_begin(store, &err);
    cd_db_prepare(store,
                  "SELECT 'patient', id, 'bulk', mrn, id FROM patients "
                  "UNION ALL SELECT 'patient', 0, 'bulk', 'second', NULL",
                  &st, &err);
    is_int(cd_audit_log_rows(store, st, &made, &err), 0, "rows audited");
    cd_db_finalize(st);
    cd_store_commit(store, &err);
    is_int(made, 2, "one entry per row");
    is_str(one(store, "SELECT group_concat(id || ':' || action || ':' || coalesce(detail, '-'), "
                      "' ') FROM audit_log WHERE action = 'bulk'"),
           "6:bulk:A1 7:bulk:second", "chained in order");
    is_int(verify(&n), 0, "still intact");
    is_int(n, 7, "seven entries");
}

static void test_replace(void)
{
    const char *before = one(store, "SELECT hex(hash) || detail FROM audit_log WHERE id = 3");
    char keep[200];
    snprintf(keep, sizeof keep, "%s", before);
    is_int(shell("REPLACE INTO audit_log(id, at, entity, action, detail) "
                 "VALUES (3, '2026-01-01T00:00:00Z', 'patient', 'add', 'forged')"),
           SQLITE_CONSTRAINT, "REPLACE INTO an existing entry refused");
    is_int(shell("INSERT OR REPLACE INTO audit_log(id, at, entity, action, detail) "
                 "VALUES (3, '2026-01-01T00:00:00Z', 'patient', 'add', 'forged')"),
           SQLITE_CONSTRAINT, "INSERT OR REPLACE refused");
    is_int(shell("INSERT INTO audit_log(at, entity, action) VALUES ('2026-01-01T00:00:00Z', "
                 "'patient', 'add')"),
           SQLITE_CONSTRAINT, "an entry without the chain refused");
    is_int(shell("INSERT INTO audit_log(id, at, entity, action, prev_hash, hash) SELECT max(id) + "
                 "1, 'x', 'y', 'z', zeroblob(32), zeroblob(32) FROM audit_log"),
           SQLITE_CONSTRAINT, "an entry that does not follow the last one refused");
    is_int(shell("UPDATE audit_log SET detail = 'x'"), SQLITE_CONSTRAINT, "UPDATE refused");
    is_int(shell("DELETE FROM audit_log"), SQLITE_CONSTRAINT, "DELETE refused");
    is_str(one(store, "SELECT hex(hash) || detail FROM audit_log WHERE id = 3"), keep,
           "the entry is as it was");
    is_str(one(store, "SELECT count(*) FROM audit_log"), "7", "and nothing was added");
}

/* Break the log with SQL, the guard triggers dropped first, as someone with the sqlite3 shell
 * could; verify must say WANT. Then put the log and its triggers back. */
static void broken(const char *sql, const char *want, const char *desc)
{
    int64_t n = -1;
    shell("CREATE TABLE saved_log AS SELECT * FROM audit_log;"
          "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
          "DROP TRIGGER audit_log_append_only");
    is_int(shell(sql), SQLITE_OK, "%s: done by hand", desc);
    is_int(verify(&n), CD_ECONFLICT, "%s: found", desc);
    is_str(err.msg, want, "%s: the message", desc);
    const char *mig = cd_builtin_get("schema/003_audit_chain.sql");
    const char *t = strstr(mig, "CREATE TRIGGER audit_log_no_update");
    const char *end = strstr(mig, "CREATE INDEX audit_log_patient");
    char *triggers = strndup(t, (size_t)(end - t));
    shell("DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM saved_log;"
          "DROP TABLE saved_log;"
          "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT "
          "RAISE(ABORT, 'audit_log is append-only'); END;");
    shell(triggers);
    free(triggers);
    is_int(verify(&n), 0, "%s: the log put back is intact", desc);
}

static void test_tamper(void)
{
    broken("UPDATE audit_log SET detail = 'A2' WHERE id = 3",
           "audit entry 3 was altered (its hash does not match its content)", "a rewrite");
    broken("UPDATE audit_log SET at = '2026-01-01T00:00:00Z' WHERE id = 1",
           "audit entry 1 was altered (its hash does not match its content)", "a new time");
    broken("UPDATE audit_log SET hash = zeroblob(32) WHERE id = 7",
           "audit entry 7 was altered (its hash does not match its content)", "a hash rewritten");
    broken("INSERT INTO audit_log(at, user_id, entity, entity_id, action) "
           "VALUES ('2026-11-02T14:00:00Z', 1, 'patient', 1, 'add')",
           "audit entry 8 was inserted out of the chain", "an insertion");
    broken("INSERT INTO audit_log(id, at, entity, action, prev_hash, hash) SELECT 8, at, entity, "
           "action, prev_hash, hash FROM audit_log WHERE id = 5",
           "audit entry 8 was inserted out of the chain", "a copied entry");
    broken("DELETE FROM audit_log WHERE id = 4",
           "audit entry 4 is missing (the chain breaks between 3 and 5)", "a removal");
    broken("DELETE FROM audit_log WHERE id IN (3, 4, 5)",
           "audit entries 3 to 5 are missing (the chain breaks between 2 and 6)", "three removed");
    broken("DELETE FROM audit_log WHERE id = 1",
           "audit entry 1 is missing (the log starts at entry 2)", "the first removed");
    /* renumbered to hide a removal: the ids are in the hash */
    broken("DELETE FROM audit_log WHERE id = 5; UPDATE audit_log SET id = 5 WHERE id = 6;"
           "UPDATE audit_log SET id = 6 WHERE id = 7",
           "audit entry 5 was inserted out of the chain", "renumbered");
}

static void test_two_writers(void)
{
    struct cd_store *other = NULL;
    int64_t n = -1;
    is_int(cd_store_open(testdb_path, 0, &other, &err), 0, "a second connection");
    cd_store_set_actor(other, cd_store_actor(store));
    for (int i = 0; i < 20; i++) {
        struct cd_store *s = i % 2 ? other : store;
        cd_store_begin(s, &err);
        cd_audit_log(s, "settings", 0, "set", i % 2 ? "other" : "this", &err);
        cd_store_commit(s, &err);
    }
    cd_store_close(other);
    is_str(one(store, "SELECT count(*) FROM audit_log WHERE action = 'set' AND detail IN ('this', "
                      "'other')"),
           "20", "both connections wrote");
    is_int(verify(&n), 0, "the chain stays linear: each writer reads the end in its transaction");
    is_int(n, 27, "27 entries");
}

static void test_readonly(void)
{
    struct cd_store *ro = NULL;
    is_int(cd_store_open(testdb_path, CD_STORE_READONLY, &ro, &err), 0, "opened read-only");
    cd_store_set_actor(ro, cd_store_actor(store));
    struct cd_page page = CD_PAGE_INIT;
    is_int(cd_patient_search(ro, "Able", 10, &page, &err), 0, "a read works read-only");
    is_int(page.nrows, 1, "and finds the patient");
    cd_page_free(&page);
    cd_store_close(ro);
    is_str(one(store, "SELECT count(*) FROM audit_log WHERE action = 'search'"), "0",
           "nothing recorded: the database cannot be written");
}

static void test_browse(void)
{
    struct cd_page page = CD_PAGE_INIT;
    struct cd_audit_query q = {.patient_id = 1};
    is_int(cd_audit_browse(store, &q, &page, &err), 0, "browse one patient");
    is_int(page.nrows, 3, "the entries about the patient");
    is_str(page_str(&page, 0, "entry"), "6", "newest first");
    is_str(page_str(&page, 0, "when"), "2026-11-02 09:00:00", "when, clinic time");
    is_str(page_str(&page, 0, "who"), "admin", "who");
    is_str(page_str(&page, 0, "what"), "patient bulk", "what");
    is_str(page_str(&page, 0, "patient"), "A1", "which patient (the MRN)");
    is_str(page_str(&page, 0, "detail"), "A1", "detail");
    is_str(one(store, "SELECT entity || ' ' || action || ' ' || patient_id || ' ' || detail FROM "
                      "audit_log ORDER BY id DESC LIMIT 1"),
           "audit_log read 1 3 entries", "the browse is itself one read");
    cd_page_free(&page);
    page = (struct cd_page)CD_PAGE_INIT;
    q = (struct cd_audit_query){.from = "2026-11-03", .to = "2026-11-30"};
    is_int(cd_audit_browse(store, &q, &page, &err), 0, "browse the rest of the month");
    is_int(page.nrows, 0, "nothing yet");
    cd_page_free(&page);
    page = (struct cd_page)CD_PAGE_INIT;
    q = (struct cd_audit_query){.from = "2026-11-02", .to = "2026-11-02", .user_id = 1};
    is_int(cd_audit_browse(store, &q, &page, &err), 0, "browse a day and a user");
    is_int(page.nrows, 27, "every entry of the admin's that day, the browses included");
    cd_page_free(&page);
    page = (struct cd_page)CD_PAGE_INIT;
    q = (struct cd_audit_query){.from = "2026-11-31"};
    is_int(cd_audit_browse(store, &q, &page, &err), CD_EINVAL, "a bad date");
    is_str(err.msg, "from: '2026-11-31' is not a date (YYYY-MM-DD)", "names the option");
    q = (struct cd_audit_query){.from = "2026-11-02", .to = "2026-11-01"};
    is_int(cd_audit_browse(store, &q, &page, &err), CD_EINVAL, "to before from");
    is_str(err.msg, "to: '2026-11-01' is before from '2026-11-02'", "says so");
    cd_page_free(&page);
}

/* The entry the last read left: "what patient detail". */
static const char *last_read(void)
{
    return one(store, "SELECT entity || ' ' || action || ' ' || coalesce(patient_id, '-') || ' ' "
                      "|| coalesce(detail, '-') || ' ' || user_id FROM audit_log ORDER BY id DESC "
                      "LIMIT 1");
}

static int64_t entries(void)
{
    return atoll(one(store, "SELECT count(*) FROM audit_log"));
}

static void test_reads(void)
{
    int64_t pid = add_patient("B2", "Baker");
    struct cd_careplan *plan = NULL;
    struct cd_careplan_fields f = {.text = "Heart failure", .code = "I50.9"};
    cd_careplan_load(store, pid, 0, &plan, &err);
    cd_careplan_add(plan, CD_CAREPLAN_PROBLEM, &f, NULL, &err);
    is_int(cd_careplan_save(store, plan, 0, NULL, &err), 0, "a plan to read");
    struct cd_appointment_in in = {
        .patient_id = pid, .at = "2026-11-20T10:00", .duration_min = 30, .provider = "Smith, Alan"};
    struct cd_appointment_result res;
    is_int(cd_appointment_book(store, &in, &res, &err), 0, "an appointment to export");

    int64_t n = entries();
    struct cd_strbuf out = CD_STRBUF_INIT;
    is_int(cd_careplan_format(store, plan, &out, &err), 0, "careplan show");
    is_int(entries(), n + 1, "one entry");
    is_str(last_read(), "care_plan show 2 version 1 1", "names the reader and the patient");
    cd_strbuf_reset(&out);
    is_int(cd_careplan_export_text(store, plan, &out, &err), 0, "careplan export");
    is_str(last_read(), "care_plan export 2 version 1 as text 1", "recorded");
    cd_strbuf_free(&out);
    char *json = NULL;
    is_int(cd_fhir_careplan(store, plan, &json, &err), 0, "careplan export --format json");
    is_str(last_read(), "care_plan export 2 version 1 as FHIR JSON 1", "recorded");
    free(json);
    cd_careplan_free(plan);

    n = entries();
    FILE *devnull = fopen("/dev/null", "w");
    struct cd_ical_options o = {.filter = {.patient_id = pid}};
    size_t count = 0;
    is_int(cd_ical_write(store, &o, devnull, &count, &err), 0, "export-ics --patient");
    is_int(entries(), n + 1, "one entry for the export");
    is_str(last_read(), "appointment export 2 1 appointment as iCalendar 1", "with the count");
    o = (struct cd_ical_options){0};
    cd_ical_write(store, &o, devnull, &count, &err);
    is_str(last_read(), "appointment export - 1 appointment as iCalendar 1",
           "every patient's: no one patient named");
    fclose(devnull);

    struct cd_page page = CD_PAGE_INIT;
    struct cd_timeline_query tq = {.patient_id = pid};
    n = entries();
    is_int(cd_timeline_read(store, &tq, &page, &err), 0, "timeline");
    is_int(entries(), n + 1, "one entry");
    is_str(last_read(), "timeline read 2 2 entries 1", "with the number of entries");
    cd_page_free(&page);
    page = (struct cd_page)CD_PAGE_INIT;
    n = entries();
    cd_timeline_page(store, &tq, &page, &err);
    is_int(entries(), n, "a page of the chart's timeline is no new entry");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    is_int(cd_patient_search(store, "baker", 10, &page, &err), 0, "patient find");
    is_str(last_read(), "patient search 2 'baker': 1 patient 1", "one match names the patient");
    cd_page_free(&page);
    page = (struct cd_page)CD_PAGE_INIT;
    cd_patient_search(store, "a", 10, &page, &err);
    is_str(last_read(), "patient search - 'a': 2 patients 1", "several: the count");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    struct cd_billing_query bq = {.month = "2026-11"};
    n = entries();
    is_int(cd_billing_read(store, &bq, &page, &err), 0, "billing");
    is_int(entries(), n + 1, "one entry");
    is_str(last_read(), "billing read - 2026-11: 0 rows 1", "the month and the rows");
    cd_page_free(&page);

    n = entries();
    is_int(cd_patient_chart_opened(store, pid, "Contacts", &err), 0, "the chart opened");
    is_int(entries(), n + 1, "one entry");
    is_str(last_read(), "chart open 2 Contacts 1", "on its tab");
    int64_t v = -1;
    is_int(verify(&v), 0, "and the chain holds");
}

/* A database of schema 1 with entries in its log is chained when it is upgraded. */
static void test_upgrade(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/v1.db", testdb_dir);
    sqlite3 *db;
    sqlite3_open(path, &db);
    is_int(sqlite3_exec(db, cd_builtin_get("schema/001_init.sql"), NULL, NULL, NULL), SQLITE_OK,
           "v1 script");
    is_int(sqlite3_exec(db,
                        "PRAGMA user_version = 1;"
                        "INSERT INTO users(login, name, role, created_at) VALUES ('boss', 'Boss', "
                        "'admin', '2026-01-01T00:00:00Z');"
                        "INSERT INTO patients(mrn, family_name, given_name, birth_date, name_key, "
                        "created_at, updated_at) VALUES ('C3', 'Cole', 'Ann', '1950-01-01', 'cole "
                        "ann', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                        "INSERT INTO notes(patient_id, user_id, at, text) VALUES (1, 1, "
                        "'2026-01-02T00:00:00Z', 'hello');"
                        "INSERT INTO audit_log(at, user_id, entity, entity_id, action, detail) "
                        "VALUES ('2026-01-01T00:00:00Z', 1, 'patient', 1, 'add', 'C3'),"
                        "('2026-01-02T00:00:00Z', 1, 'note', 1, 'add', NULL),"
                        "('2026-01-03T00:00:00Z', NULL, 'settings', NULL, 'set', 'x=y');",
                        NULL, NULL, NULL),
           SQLITE_OK, "with three entries in its log");
    sqlite3_close(db);
    struct cd_store *old = NULL;
    int64_t n = -1;
    is_int(cd_store_open(path, 0, &old, &err), 0, "upgraded");
    is_int(cd_audit_verify(old, &n, &err), 0, "its chain verifies");
    is_int(n, 3, "the three entries");
    is_str(one(old, "SELECT group_concat(coalesce(patient_id, '-'), ',') FROM audit_log"), "1,1,-",
           "their patients found");
    is_str(one(old, "SELECT count(*) FROM audit_log WHERE length(hash) = 32"), "3", "all chained");
    cd_store_set_actor(old, 1);
    cd_store_begin(old, &err);
    cd_audit_log(old, "note", 1, "add", NULL, &err);
    is_int(cd_store_commit(old, &err), 0, "a new entry follows them");
    is_int(cd_audit_verify(old, &n, &err), 0, "still intact");
    is_int(n, 4, "four");
    cd_store_close(old);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-02T09:00");
    test_hash();
    test_chain();
    test_replace();
    test_tamper();
    test_two_writers();
    test_readonly();
    test_browse();
    test_reads();
    test_upgrade();
    cd_store_close(store);
    return done_testing();
}
