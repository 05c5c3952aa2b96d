/* SPDX-License-Identifier: MIT */
/* Unit tests of core/careplan: editing, versions, the diff, conflict refusal, review tasks and
 * the renderings. */
#include "config.h"

#include <stdlib.h>

#include "core/careplan.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/store/settings.h"
#include "core/user.h"
#include "core/worklist.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static const char SQL_TASKS[] =
    "SELECT t.kind, t.gen_key, t.due_date, t.due_at, t.title, u.login AS assignee FROM tasks t "
    "LEFT JOIN users u ON u.id = t.assignee_id ORDER BY t.id";

static void query(struct cd_store *store, const char *sql, struct cd_page *page)
{
    struct cd_stmt *st;
    if (!cd_db_prepare(store, sql, &st, NULL)) {
        cd_db_fill_page(store, st, page, NULL);
        cd_db_finalize(st);
    }
}

static struct cd_careplan *load(struct cd_store *store, int64_t pid, int version)
{
    struct cd_careplan *plan = NULL;
    struct cd_error err = {0};
    if (cd_careplan_load(store, pid, version, &plan, &err))
        printf("# load: %s\n", err.msg);
    return plan;
}

static char *diff_text(const struct cd_careplan *a, const struct cd_careplan *b)
{
    struct cd_careplan_diff d;
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_careplan_diff(a, b, &d, NULL);
    cd_careplan_diff_text(&d, &sb);
    cd_careplan_diff_free(&d);
    return cd_strbuf_take(&sb);
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t pid, nurse1, nurse2;
    cd_settings_set(store, "clinic_name", "North Clinic", &err);
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", NULL, &nurse1, &err);
    cd_user_add(store, "jchen", "Jo Chen", "coordinator", NULL, &nurse2, &err);
    struct cd_patient_in in = {
        .mrn = "1001", .family = "Núñez", .given = "Zoë", .coordinator = "mrivera"};
    cd_patient_add(store, &in, &pid, &err);
    cd_store_set_actor(store, nurse1);

    /* sections */
    is_int(cd_careplan_section_parse("intervention"), CD_CAREPLAN_INTERVENTION, "section parse");
    is_int(cd_careplan_section_parse("goals"), -1, "unknown section");
    is_str(cd_careplan_section_name(CD_CAREPLAN_BARRIER), "barrier", "section name");

    /* an empty plan, then edits in memory */
    struct cd_careplan *p = load(store, pid, 0);
    ok(p && p->version == 0 && p->nitems == 0, "no plan yet: empty version 0");
    const char *key = NULL;
    struct cd_careplan_fields f = {.text = "Heart failure", .code = "I50.9"};
    is_int(cd_careplan_add(p, CD_CAREPLAN_PROBLEM, &f, &key, &err), 0, "add a problem");
    is_str(key, "problem-1", "first problem key");
    f = (struct cd_careplan_fields){
        .text = "Weight steady", .target = "80 kg", .target_date = "2026-12-31"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, &key, &err);
    is_str(key, "goal-1", "goal key");
    is_str(cd_careplan_find(p, "goal-1")->status, "proposed", "a new goal is proposed");
    f = (struct cd_careplan_fields){.text = "Walk daily", .status = "active"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Lives alone"};
    cd_careplan_add(p, CD_CAREPLAN_BARRIER, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "COPD", .code = "J44.9"};
    cd_careplan_add(p, CD_CAREPLAN_PROBLEM, &f, NULL, &err);
    is_str(p->items[1].key, "problem-2", "problems stay together, in order");

    /* bad input names the field */
    f = (struct cd_careplan_fields){.text = "X", .code = "50.9"};
    is_int(cd_careplan_add(p, CD_CAREPLAN_PROBLEM, &f, NULL, &err), CD_EINVAL, "bad ICD-10");
    is_str(err.msg, "code: '50.9' is not an ICD-10 code (e.g. I50.9)", "ICD-10 message");
    f = (struct cd_careplan_fields){.text = "X", .dose = "1 mg"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    is_str(err.msg, "dose: a goal item has no dose", "field of another section");
    f = (struct cd_careplan_fields){.text = "X", .target_date = "2026-02-30"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    is_str(err.msg, "target_date: '2026-02-30' is not a date (YYYY-MM-DD)", "bad date");
    is_int(cd_careplan_set_status(p, "goal-1", "done", &err), CD_EINVAL, "goal status checked");
    is_str(err.msg,
           "status: 'done' is not a goal status (proposed, active, met, not_met or cancelled)",
           "status message");
    is_str(cd_careplan_status_label("not_met"), "not met", "status label: not met");
    is_str(cd_careplan_status_label("in_progress"), "in progress", "status label: in progress");
    is_str(cd_careplan_status_label("active"), "active", "status label: as stored");
    is_str(cd_careplan_status_label(NULL), "", "status label: none");
    is_int(cd_careplan_set_status(p, "goal-9", "met", &err), CD_ENOTFOUND, "unknown key");
    is_str(err.msg, "the care plan has no item 'goal-9'", "unknown key message");
    f = (struct cd_careplan_fields){.text = "Bad\x01"};
    cd_careplan_add(p, CD_CAREPLAN_BARRIER, &f, NULL, &err);
    is_str(err.msg, "text: 'Bad\x01' has a control character", "control character refused");
    is_int(p->nitems, 5, "failed adds leave the plan as it was");
    is_int(cd_careplan_set_review(p, "2026-12-01", &err), 0, "review date");

    /* version 1 */
    { /* the clock runs on: pin it where exact seconds are asserted */
        time_t t0;
        cd_instant_parse("2026-11-02T09:00", &t0, NULL);
        cd_clock_set(t0);
    }
    is_int(cd_careplan_save(store, p, 0, NULL, &err), 0, "first save");
    is_int(p->version, 1, "version 1");
    is_str(p->summary,
           "added problem-1, problem-2, goal-1, goal-2, barrier-1; next review date 2026-12-01",
           "summary made from the diff");
    is_int(cd_careplan_save(store, p, 1, NULL, &err), CD_EINVAL, "nothing changed");
    is_str(err.msg, "nothing to save: the plan is the same as version 1", "nothing message");

    /* version 2: status, an edit, a delete, a move */
    cd_careplan_set_status(p, "goal-1", "met", &err);
    f = (struct cd_careplan_fields){.target = ""};
    is_int(cd_careplan_edit(p, "goal-1", &f, &err), 0, "clear a field");
    cd_careplan_delete(p, "barrier-1", &err);
    cd_careplan_move(p, "problem-2", -1, &err);
    is_str(p->items[0].key, "problem-2", "moved up");
    f = (struct cd_careplan_fields){.text = "Furosemide", .dose = "40 mg", .route = "by mouth"};
    cd_careplan_add(p, CD_CAREPLAN_MEDICATION, &f, NULL, &err);
    is_int(cd_careplan_save(store, p, 1, NULL, &err), 0, "second save");
    is_str(p->summary,
           "added medication-1; changed problem-2 (position), problem-1 (position), goal-1 "
           "(target, status); removed barrier-1",
           "second summary");

    /* keys are never reused: a new barrier is barrier-2 */
    f = (struct cd_careplan_fields){.text = "Stairs at home"};
    struct cd_careplan *again = load(store, pid, 0);
    cd_careplan_add(again, CD_CAREPLAN_BARRIER, &f, &key, &err);
    is_str(key, "barrier-2", "deleted keys are not reused");
    cd_careplan_free(again);

    /* the diff between stored versions, exact text */
    struct cd_careplan *v1 = load(store, pid, 1), *v2 = load(store, pid, 2);
    char *t = diff_text(v1, v2);
    is_str(t,
           "~ changed problem-2: COPD\n"
           "    moved up in the list\n"
           "~ changed problem-1: Heart failure\n"
           "    moved down in the list\n"
           "~ changed goal-1: Weight steady\n"
           "    target: 80 kg -> (none)\n"
           "    status: proposed -> met\n"
           "+ added medication-1: Furosemide\n"
           "    dose: 40 mg\n"
           "    route: by mouth\n"
           "- removed barrier-1: Lives alone\n",
           "diff text");
    free(t);
    t = diff_text(v2, v2);
    is_str(t, "", "no difference with itself");
    free(t);
    /* field names and statuses in words */
    struct cd_careplan *v3 = load(store, pid, 2);
    f = (struct cd_careplan_fields){.target_date = "2027-01-31"};
    cd_careplan_edit(v3, "goal-1", &f, &err);
    cd_careplan_set_status(v3, "goal-1", "not_met", &err);
    t = diff_text(v2, v3);
    is_str(t,
           "~ changed goal-1: Weight steady\n"
           "    target date: 2026-12-31 -> 2027-01-31\n"
           "    status: met -> not met\n",
           "diff text in words");
    free(t);
    struct cd_careplan_diff d3;
    struct cd_strbuf sb3 = CD_STRBUF_INIT;
    cd_careplan_diff(v2, v3, &d3, NULL);
    cd_careplan_diff_summary(&d3, &sb3);
    is_str(cd_strbuf_str(&sb3), "changed goal-1 (target date, status)", "summary in words");
    cd_strbuf_free(&sb3);
    cd_careplan_diff_free(&d3);
    cd_careplan_free(v3);
    is_str(v1->saved_by, "Maria Rivera", "saved by");
    is_str(v1->saved_at, "2026-11-02T14:00:00Z", "saved at");
    is_int(v2->current, 2, "current version known");
    struct cd_careplan *none = NULL;
    is_int(cd_careplan_load(store, pid, 7, &none, &err), CD_ENOTFOUND, "no version 7");
    is_str(err.msg, "the care plan has no version 7 (the current one is 2)", "version message");

    /* two nurses from the same base: the second save is refused, her edits kept */
    struct cd_careplan *a = load(store, pid, 0), *b = load(store, pid, 0);
    cd_careplan_set_status(a, "goal-2", "met", &err);
    cd_careplan_set_status(b, "goal-2", "cancelled", &err);
    f = (struct cd_careplan_fields){.text = "Daughter visits weekly"};
    cd_careplan_add(b, CD_CAREPLAN_CAREGIVER, &f, NULL, &err);
    {
        time_t t1;
        cd_instant_parse("2026-11-02T09:15", &t1, NULL);
        cd_clock_set(t1);
    }
    is_int(cd_careplan_save(store, a, a->version, NULL, &err), 0, "first nurse saves");
    cd_store_set_actor(store, nurse2);
    is_int(cd_careplan_save(store, b, b->version, NULL, &err), CD_ECONFLICT, "second is refused");
    is_str(err.msg,
           "the care plan was saved as version 3 by Maria Rivera at 2026-11-02 09:15 after you "
           "opened version 2; your edits are kept: review version 3, merge them and save again",
           "conflict message");
    is_int(b->nitems, 6, "her edits are kept in memory");
    is_str(cd_careplan_find(b, "goal-2")->status, "cancelled", "her status kept");
    struct cd_careplan *cur = load(store, pid, 0);
    is_str(cd_careplan_find(cur, "goal-2")->status, "met", "the first save stands");
    is_int(cur->version, 3, "still version 3");
    /* she merges: reapply on top of version 3 and save */
    cd_careplan_add(cur, CD_CAREPLAN_CAREGIVER, &f, NULL, &err);
    is_int(cd_careplan_save(store, cur, 3, NULL, &err), 0, "merged save");
    is_str(cur->saved_by, "Jo Chen", "merged by the second nurse");
    cd_careplan_free(cur);
    cd_careplan_free(a);
    cd_careplan_free(b);

    /* history */
    struct cd_page page = CD_PAGE_INIT;
    is_int(cd_careplan_history(store, pid, &page, &err), 0, "history");
    static const char *const careplan_history_cols[] = {
        CD_CAREPLAN_HISTORY_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, careplan_history_cols, CD_CAREPLAN_HISTORY_NCOLS),
       "the history has the columns careplan.h declares");
    is_int(page.nrows, 4, "four versions");
    is_str(page_str(&page, 0, "version"), "4", "newest first");
    is_str(page_str(&page, 0, "saved_by"), "Jo Chen", "who");
    is_str(page_str(&page, 3, "saved_at"), "2026-11-02 09:00", "when, clinic local");
    is_str(page_str(&page, 1, "summary"), "changed goal-2 (status)", "what");
    cd_page_free(&page);

    /* review tasks: none before the date, one on it, idempotent */
    int n = -1, day;
    cd_date_parse("2026-11-30", &day, NULL);
    is_int(cd_worklist_generate_reviews(store, day, &n, &err), 0, "generate before due");
    is_int(n, 0, "nothing due yet");
    cd_date_parse("2026-12-01", &day, NULL);
    cd_worklist_generate_reviews(store, day, &n, &err);
    is_int(n, 1, "one review task when due");
    cd_worklist_generate_reviews(store, day + 3, &n, &err);
    is_int(n, 0, "idempotent");
    struct cd_page tp = CD_PAGE_INIT;
    query(store, SQL_TASKS, &tp);
    is_int(tp.nrows, 1, "one task in the table");
    is_str(page_str(&tp, 0, "kind"), "careplan_review", "task kind");
    is_str(page_str(&tp, 0, "gen_key"), "careplan_review:1:2026-12-01", "gen_key");
    is_str(page_str(&tp, 0, "due_date"), "2026-12-01", "due on the review date");
    is_str(page_str(&tp, 0, "due_at"), "2026-12-02T04:59:59Z", "due by the end of that day");
    is_str(page_str(&tp, 0, "assignee"), "mrivera", "assigned to the coordinator");
    is_str(page_str(&tp, 0, "title"), "Care plan review due 2026-12-01", "title");
    cd_page_free(&tp);
    /* a new review date makes a new task */
    struct cd_careplan *r = load(store, pid, 0);
    cd_careplan_set_review(r, "2027-03-01", &err);
    cd_careplan_save(store, r, r->version, NULL, &err);
    cd_careplan_free(r);
    cd_date_parse("2027-03-01", &day, NULL);
    cd_worklist_generate_reviews(store, day, &n, &err);
    is_int(n, 1, "the next review date makes its own task");

    /* renderings */
    struct cd_careplan *cp = load(store, pid, 0);
    struct cd_strbuf sb = CD_STRBUF_INIT;
    is_int(cd_careplan_export_text(store, cp, &sb, &err), 0, "patient copy");
    is_str(cd_strbuf_str(&sb),
           "YOUR CARE PLAN\n"
           "North Clinic\n"
           "\n"
           "For: Zoë Núñez\n"
           "Your care coordinator: Maria Rivera\n"
           "This plan was last updated on November 2, 2026 (version 5).\n"
           "We will review it with you by March 1, 2027.\n"
           "\n"
           "Your health problems\n"
           "--------------------\n"
           "  * COPD (J44.9).\n"
           "  * Heart failure (I50.9).\n"
           "\n"
           "Your goals\n"
           "----------\n"
           "  * Weight steady. By December 31, 2026. Status: reached.\n"
           "  * Walk daily. Status: reached.\n"
           "\n"
           "Your medicines\n"
           "--------------\n"
           "  * Furosemide: 40 mg, by mouth.\n"
           "\n"
           "The people who help you\n"
           "-----------------------\n"
           "  * Daughter visits weekly.\n"
           "\n"
           "Questions about this plan? Call North Clinic and ask for Maria Rivera.\n",
           "patient copy text");
    cd_strbuf_reset(&sb);
    f = (struct cd_careplan_fields){.text = "Needs a ride to the cardiology clinic every second "
                                            "Tuesday; the county van must be booked a week ahead"};
    cd_careplan_add(cp, CD_CAREPLAN_BARRIER, &f, NULL, &err);
    cd_careplan_export_text(store, cp, &sb, &err);
    ok(strstr(cd_strbuf_str(&sb),
              "  * Needs a ride to the cardiology clinic every second Tuesday; the\n"
              "    county van must be booked a week ahead.\n") != NULL,
       "wrapped at 72 columns with a hanging indent");
    cd_strbuf_free(&sb);
    struct cd_careplan *empty = NULL;
    int64_t pid2;
    struct cd_patient_in in2 = {.mrn = "1002", .family = "Okafor", .given = "Chidi"};
    cd_patient_add(store, &in2, &pid2, &err);
    cd_careplan_load(store, pid2, 0, &empty, &err);
    is_int(cd_careplan_export_text(store, empty, &sb, &err), CD_ENOTFOUND, "no plan, no copy");
    cd_careplan_free(empty);
    cd_careplan_free(cp);
    cd_careplan_free(v1);
    cd_careplan_free(v2);
    cd_careplan_free(p);
    cd_store_close(store);
    return done_testing();
}
