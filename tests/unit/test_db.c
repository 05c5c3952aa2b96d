/* SPDX-License-Identifier: MIT */
/* Unit tests of the shared store helpers: cd_db_query_page (core/store/db.c), the one body of the
 * lists read by an id, and cd_store_finish, the end of every write. */
#include "config.h"

#include "core/enrollment.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static const char SQL_BOTH[] = "SELECT :id AS id, :text AS text";
static const char SQL_NONE[] = "SELECT 'one' AS one";
static const char SQL_USER[] = "SELECT login, role FROM users WHERE id = :id";
static const char SQL_BAD[] = "SELECT nothing FROM nowhere";
static const char SQL_LABELS[] =
    "SELECT cd_label('program', 'ccm_complex') AS program, cd_label('activity', 'call') AS "
    "activity, cd_label('task', 'careplan_review') AS task, cd_label('appointment', 'tcm_visit') "
    "AS appointment, cd_label('program', 'xyz') AS unknown_key, cd_label('colour', 'ccm') AS "
    "unknown_domain, cd_label('program', NULL) AS no_key, cd_label('program_phrase', "
    "'ccm_complex') "
    "AS phrase";

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;

    int rc = cd_db_query_page(store, SQL_BOTH, ":id", 42, ":text", "x", &page, &err);
    is_int(rc, 0, "id and text bound");
    is_int(page.nrows, 1, "one row");
    is_str(cd_page_name(&page, 0), "id", "columns named from the query");
    is_str(cd_page_get(&page, 0, 0), "42", "the id");
    is_str(cd_page_get(&page, 0, 1), "x", "the text");

    rc = cd_db_query_page(store, SQL_BOTH, ":id", 7, ":text", NULL, &page, &err);
    is_int(rc, 0, "a NULL text binds NULL");
    is_int(page.nrows, 2, "rows are appended to the page");
    is_str(cd_page_get(&page, 1, 0), "7", "the second id");
    ok(cd_page_get(&page, 1, 1) == NULL, "the NULL text stays NULL");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    rc = cd_db_query_page(store, SQL_BOTH, NULL, 0, NULL, NULL, &page, &err);
    is_int(rc, 0, "no names: nothing bound");
    ok(cd_page_get(&page, 0, 0) == NULL && cd_page_get(&page, 0, 1) == NULL,
       "unbound parameters read as NULL");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    rc = cd_db_query_page(store, SQL_NONE, NULL, 0, NULL, NULL, &page, &err);
    is_int(rc, 0, "a query without parameters");
    is_str(page_str(&page, 0, "one"), "one", "its row");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    rc = cd_db_query_page(store, SQL_USER, ":id", cd_store_actor(store), NULL, NULL, &page, &err);
    is_int(rc, 0, "a real table by id");
    is_int(page.nrows, 1, "the acting user");
    is_str(page_str(&page, 0, "login"), "admin", "its login");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    rc = cd_db_query_page(store, SQL_USER, ":id", 999, NULL, NULL, &page, &err);
    is_int(rc, 0, "no match is not an error");
    is_int(page.nrows, 0, "no rows");
    cd_page_free(&page);

    page = (struct cd_page)CD_PAGE_INIT;
    err = (struct cd_error){0};
    rc = cd_db_query_page(store, SQL_BAD, ":id", 1, NULL, NULL, &page, &err);
    ok(rc < 0, "a statement that does not prepare is an error");
    ok(err.msg[0] != '\0', "with a message");
    is_int(page.nrows, 0, "and nothing in the page");
    cd_page_free(&page);

    /* cd_store_finish: commit at 0, roll back otherwise */
    struct cd_page audit = CD_PAGE_INIT;
    rc = cd_store_begin(store, &err);
    if (!rc)
        rc = cd_audit_log(store, "test", 1, "kept", NULL, &err);
    is_int(cd_store_finish(store, rc, &err), 0, "finish at 0 commits");
    ok(!cd_store_in_transaction(store), "and ends the transaction");
    rc = cd_store_begin(store, &err);
    if (!rc)
        rc = cd_audit_log(store, "test", 1, "dropped", NULL, &err);
    is_int(cd_store_finish(store, CD_EINVAL, &err), CD_EINVAL, "finish at an error returns it");
    ok(!cd_store_in_transaction(store), "and ends the transaction");
    rc = cd_audit_list(store, "test", 1, &audit, &err);
    is_int(audit.nrows, 1, "only the committed change is kept");
    is_str(page_str(&audit, 0, "action"), "kept", "the committed one");
    cd_page_free(&audit);
    is_int(cd_store_finish(store, 0, &err), CD_EINVAL, "finish outside a transaction is refused");

    /* cd_label(): stored keys as people say them, for text built in SQL (core/store/labels.c) */
    page = (struct cd_page)CD_PAGE_INIT;
    is_int(cd_db_query_page(store, SQL_LABELS, NULL, 0, NULL, NULL, &page, &err), 0, "cd_label");
    is_str(page_str(&page, 0, "program"), "Complex CCM", "a program");
    is_str(page_str(&page, 0, "activity"), "Call with patient or caregiver", "an activity");
    is_str(page_str(&page, 0, "task"), "care plan review", "a task kind");
    is_str(page_str(&page, 0, "appointment"), "TCM face-to-face visit", "an appointment kind");
    is_str(page_str(&page, 0, "unknown_key"), "xyz", "an unknown key reads as itself");
    is_str(page_str(&page, 0, "unknown_domain"), "ccm", "so does an unknown domain's");
    ok(cd_page_get(&page, 0, 6) == NULL, "NULL stays NULL");
    is_str(page_str(&page, 0, "phrase"), "complex CCM", "a program inside a sentence");
    is_str(cd_program_phrase("pcm"), "PCM", "PCM keeps its capitals in a sentence");
    is_str(cd_program_phrase("nope"), "", "an unknown program has no phrase");
    cd_page_free(&page);

    /* binding: a misspelt parameter never runs with NULL; the statement fails naming it */
    struct cd_stmt *st;
    is_int(cd_db_stmt(store, SQL_USER, &st, &err), 0, "a cached statement");
    is_int(cd_db_bind_int(st, ":idd", 1), CD_EINVAL, "binding an unknown name says so");
    is_int(cd_db_step(store, st, &err), CD_EINVAL, "and the statement refuses to run");
    is_str(err.msg, "the query has no parameter :idd", "naming the parameter");
    cd_db_done(st);
    is_int(cd_db_bind_int(st, ":id", 1), 0, "after cd_db_done the statement is whole again");
    is_int(cd_db_step(store, st, &err), 1, "and runs");
    is_str(cd_db_col_text(st, 0), "admin", "a text column");
    ok(!cd_db_col_null(st, 1), "a column that is not NULL");
    cd_db_done(st);
    ok(cd_db_has_param(st, ":id") && !cd_db_has_param(st, ":login"), "has_param");
    struct cd_stmt *again;
    is_int(cd_db_stmt(store, SQL_USER, &again, &err), 0, "the same SQL again");
    ok(again == st, "comes from the cache");
    is_int(cd_db_stmt(store, SQL_BAD, &st, &err), CD_EIO, "SQL that does not prepare");
    is_int(cd_db_prepare(store, "SELECT 1; SELECT 2", &st, &err), CD_EINVAL, "two statements");
    is_int(cd_db_prepare(store, "SELECT NULL, 7", &st, &err), 0, "a run-time statement");
    is_int(cd_db_step(store, st, &err), 1, "steps");
    ok(cd_db_col_null(st, 0) && cd_db_col_text(st, 0) == NULL, "NULL reads as NULL");
    is_int(cd_db_col_int(st, 1), 7, "an integer column");
    cd_db_finalize(st);

    cd_store_close(store);
    return done_testing();
}
