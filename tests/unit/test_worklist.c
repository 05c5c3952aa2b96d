/* SPDX-License-Identifier: MIT */
/* Unit tests of core/worklist: the clock, generation (idempotent, once a day, month end), the
 * ranked list by scope and filter, one row per patient, and the index-driven query plan. */
#include "config.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/calendar.h"
#include "core/contact.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/task.h"
#include "core/billing.h"
#include "core/worklist.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;
static struct cd_error err;

static void test_rule(void)
{
    is_int(cd_worklist_risk("high"), CD_RISK_HIGH, "risk high");
    is_int(cd_worklist_risk("moderate"), CD_RISK_MODERATE, "risk moderate");
    is_int(cd_worklist_risk("low"), CD_RISK_LOW, "risk low");
    is_int(cd_worklist_risk(NULL), CD_RISK_NONE, "no risk tier");
    is_int(cd_billing_first_minutes("ccm", "clinical_staff"), 20, "ccm 20 min");
    is_int(cd_billing_first_minutes("ccm_complex", "clinical_staff"), 60, "complex 60 min");
    is_int(cd_billing_first_minutes("pcm", "clinical_staff"), 30, "pcm 30 min");
    is_int(cd_billing_first_minutes("ccm", "practitioner"), 30, "ccm by a practitioner 30 min");
    is_int(cd_billing_first_minutes("tcm", "clinical_staff"), 0, "tcm: no threshold");
    is_int(cd_billing_first_minutes(NULL, "clinical_staff"), 0, "no program: none");

    struct cd_calendar cal = CD_CALENDAR_INIT;
    struct cd_worklist_clock clk;
    cd_worklist_clock_at(&cal, cd_local_to_instant(cd_date_from_ymd(2026, 11, 2), 9, 0, 0), &clk);
    is_int(clk.business_days_left, 19, "Nov 2: 19 business days left (Veterans Day, Thanksgiving)");
    cd_worklist_clock_at(&cal, cd_local_to_instant(cd_date_from_ymd(2026, 11, 20), 9, 0, 0), &clk);
    is_int(clk.business_days_left, 6, "Nov 20: 6 left");
    cd_worklist_clock_at(&cal, cd_local_to_instant(cd_date_from_ymd(2026, 11, 28), 9, 0, 0), &clk);
    is_int(clk.business_days_left, 1, "Saturday Nov 28: only Monday 30 left");

    int today = cd_date_from_ymd(2026, 11, 23);
    cd_worklist_clock_at(&cal, cd_local_to_instant(today, 9, 0, 0), &clk);
    is_int(clk.business_days_left, 5, "Monday Nov 23: 5 left (Thanksgiving off)");
    /* the order itself: test_worklist_order.c */
}

static int64_t patient(const char *mrn, const char *family, const char *given, const char *coord)
{
    struct cd_patient_in p = {.mrn = mrn, .family = family, .given = given, .coordinator = coord};
    int64_t id = 0;
    if (cd_patient_add(store, &p, &id, &err))
        printf("Bail out! patient %s: %s\n", mrn, err.msg);
    return id;
}

static int64_t task(int64_t pid, const char *kind, int day, int h, int m, const char *assignee)
{
    struct cd_user u = {0};
    if (assignee)
        cd_user_find(store, assignee, &u, &err);
    struct cd_task_in in = {.patient_id = pid,
                            .kind = kind,
                            .due_at = cd_local_to_instant(day, h, m, 0),
                            .due_day = day,
                            .assignee_id = u.id,
                            .team = "tcm"};
    int64_t id = 0;
    int created;
    cd_store_begin(store, &err);
    cd_task_create(store, &in, &id, &created, &err);
    cd_store_commit(store, &err);
    return id;
}

static void sql(const char *script)
{
    cd_store_begin(store, &err);
    if (cd_db_exec_script(store, script, &err))
        printf("# sql: %s\n", err.msg);
    cd_store_commit(store, &err);
}

/* The task ids of the list, in rank order, as "1 2 3". */
static const char *ids(const struct cd_worklist_query *q)
{
    static char out[600];
    struct cd_page page = CD_PAGE_INIT;
    out[0] = '\0';
    if (cd_worklist_list(store, q, &page, &err))
        snprintf(out, sizeof out, "error: %s", err.msg);
    for (size_t r = 0; r < page.nrows; r++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", r ? " " : "",
                 page_str(&page, r, "task_id"));
    cd_page_free(&page);
    return out;
}

static void test_list(void)
{
    int64_t mrivera, bob;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", "north", &mrivera, &err);
    cd_user_add(store, "bob", "Bob Ng", "coordinator", "north", &bob, &err);
    cd_user_add(store, "carol", "Carol Li", "coordinator", "south", NULL, &err);
    int64_t p1 = patient("P1", "Alpha", "Ann", "mrivera"),
            p2 = patient("P2", "Beta", "Bea", "mrivera"),
            p3 = patient("P3", "Gamma", "Cy", "mrivera"), p4 = patient("P4", "Delta", "Di", "bob"),
            p5 = patient("P5", "Epsilon", "Ed", NULL);
    sql("UPDATE patients SET risk_tier = 'high' WHERE mrn = 'P1';"
        "UPDATE patients SET risk_tier = 'low' WHERE mrn = 'P2';"
        "UPDATE patients SET risk_tier = 'moderate' WHERE mrn = 'P3';"
        "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
        "consent_method, created_at) VALUES (1, 'ccm_complex', 'active', '2026-01-01', "
        "'2026-01-01', 'written', '2026-01-01T00:00:00Z'), (3, 'ccm', 'active', '2026-01-01', "
        "'2026-01-01', 'verbal', '2026-01-01T00:00:00Z'), (5, 'pcm', 'active', '2026-02-01', "
        "'2026-02-01', 'verbal', '2026-02-01T00:00:00Z'), (4, 'ccm', 'ended', '2025-01-01', "
        "'2025-01-01', 'verbal', '2025-01-01T00:00:00Z');"
        "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
        "seconds, month, activity, source, created_at) VALUES "
        "(1, 2, 'ccm_complex', 'clinical_staff', '2026-11-05T15:00:00Z', '2026-11-05T16:05:00Z', "
        "3900, '2026-11', 'call', 'manual', '2026-11-05T16:05:00Z'),"
        "(3, 2, 'ccm', 'clinical_staff', '2026-11-05T15:00:00Z', '2026-11-05T15:12:00Z', 720, "
        "'2026-11', 'call', 'manual', '2026-11-05T15:12:00Z'),"
        "(3, 2, 'ccm', 'clinical_staff', '2026-11-06T15:00:00Z', '2026-11-06T15:30:00Z', 1800, "
        "'2026-11', 'call', 'manual', '2026-11-06T15:30:00Z');"
        "UPDATE time_entries SET voided = 1, void_reason = 'wrong patient' WHERE id = 3;"
        "INSERT INTO contacts(patient_id, user_id, at, outcome, interactive) VALUES "
        "(1, 2, '2026-11-10T15:00:00Z', 'reached', 1), (3, 2, '2026-10-30T15:00:00Z', 'reached', "
        "1);");
    int today = cd_date_from_ymd(2026, 11, 23);
    int64_t t1 = task(p2, "tcm_contact", today - 3, 23, 59, "mrivera");
    int64_t t2 = task(p1, "tcm_contact", today, 23, 59, "mrivera");
    int64_t t3 = task(p3, "tcm_contact", today, 23, 59, "mrivera");
    int64_t t4 = task(p2, "callback", today, 8, 30, "mrivera");
    int64_t t5 = task(p3, "callback", today, 15, 0, "mrivera");
    int64_t t6 = task(p1, "tcm_visit", today + 7, 23, 59, "mrivera");
    int64_t t7 = task(p2, "careplan_review", today, 23, 59, "mrivera");
    int64_t t8 = task(p2, "followup", today + 2, 23, 59, "mrivera");
    int64_t t9 = task(p4, "tcm_contact", today, 23, 59, "bob");
    int64_t t10 = task(p4, "followup", today, 12, 0, NULL); /* in the tcm queue */
    (void)t8;

    struct cd_worklist_gen gen;
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "generate");
    is_int(gen.ran, 1, "it ran");
    is_int(gen.outreach, 2, "outreach for P3 (no contact in November) and P5; not P1, not P4");
    is_int(gen.minutes, 0, "minutes: the short ones already have outreach");
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "generate again");
    is_int(gen.ran, 0, "once a day");
    is_int(cd_worklist_generate(store, true, &gen, &err), 0, "forced");
    is_int(gen.ran + gen.outreach + gen.minutes + gen.reviews, 1, "forced: nothing new");
    struct cd_task o3, o5;
    cd_task_find_open(store, p3, "ccm_outreach", &o3, &err);
    cd_task_find_open(store, p5, "ccm_outreach", &o5, &err);
    struct cd_page page = CD_PAGE_INIT;
    cd_task_list_patient(store, p5, &page, &err);
    is_str(page_str(&page, 0, "team"), "ccm", "no coordinator: the ccm queue");
    is_str(page_str(&page, 0, "title"), "No PCM contact yet this month", "outreach title");
    cd_page_free(&page);

    struct cd_worklist_query q = {.scope = CD_WORKLIST_MINE, .user_id = mrivera};
    char want[128];
    /* overdue; due today: TCM by risk, then program work by risk and age; later: TCM first */
    snprintf(want, sizeof want, "%lld %lld %lld %lld %lld %lld %lld %lld", (long long)t1,
             (long long)t2, (long long)t3, (long long)o3.id, (long long)t4, (long long)t7,
             (long long)t6, (long long)t5);
    is_str(ids(&q), want, "my list in order");

    static const char *const worklist_cols[] = {CD_WORKLIST_COLUMNS(CD_PAGE_COL_NAME)};
    q.screen = false;
    cd_worklist_list(store, &q, &page, &err);
    ok(cd_page_columns_are(&page, worklist_cols, CD_WORKLIST_COL_PATIENT_ID),
       "the list has the columns worklist.h declares, up to the screen's");
    cd_page_free(&page);
    q.screen = true;
    cd_worklist_list(store, &q, &page, &err);
    ok(cd_page_columns_are(&page, worklist_cols, CD_WORKLIST_NCOLS),
       "the screen's list has all the columns worklist.h declares");
    is_int(page.ncols, 16, "screen columns");
    is_str(cd_page_name(&page, 11), "assignee", "assignee column");
    is_str(page_str(&page, 0, "reason"), "TCM contact overdue (Nov 20)", "row 1 reason");
    is_str(page_str(&page, 7, "reason"),
           "call back at 15:00; CCM 12 of 20 min, 5 business days left",
           "the job first, then the minutes; voided time does not count");
    is_str(page_str(&page, 1, "program"), "tcm", "program of a TCM task");
    is_str(page_str(&page, 3, "program"), "ccm", "program of the outreach");
    is_str(page_str(&page, 5, "program"), "", "P2 has no program");
    is_str(page_str(&page, 1, "risk"), "high", "risk");
    is_str(page_str(&page, 5, "risk"), "low", "risk low");
    is_str(page_str(&page, 0, "assignee"), "mrivera", "assignee");
    is_str(page_str(&page, 0, "patient"), "Beta, Bea", "patient name");
    is_str(page_str(&page, 0, "urgency"), "0", "urgency column: overdue");
    is_str(page_str(&page, 7, "urgency"), "2", "a call back later today: later");
    cd_page_free(&page);

    q = (struct cd_worklist_query){.scope = CD_WORKLIST_ALL};
    snprintf(want, sizeof want, "%lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld",
             (long long)t1, (long long)t2, (long long)t3, (long long)t9, (long long)o3.id,
             (long long)t4, (long long)t7, (long long)t10, (long long)o5.id, (long long)t6,
             (long long)t5);
    is_str(ids(&q), want, "everyone's list");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_TEAM, .team = "north"};
    snprintf(want, sizeof want, "%lld %lld %lld %lld %lld %lld %lld %lld %lld", (long long)t1,
             (long long)t2, (long long)t3, (long long)t9, (long long)o3.id, (long long)t4,
             (long long)t7, (long long)t6, (long long)t5);
    is_str(ids(&q), want, "team north: mrivera's and bob's");
    q.team = "tcm";
    snprintf(want, sizeof want, "%lld", (long long)t10);
    is_str(ids(&q), want, "team tcm: its queue");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_ALL, .program = "pcm"};
    snprintf(want, sizeof want, "%lld", (long long)o5.id);
    is_str(ids(&q), want, "filter by program");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_ALL, .kind = "callback"};
    snprintf(want, sizeof want, "%lld %lld", (long long)t4, (long long)t5);
    is_str(ids(&q), want, "filter by kind");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_ALL, .search = "gAMm"};
    snprintf(want, sizeof want, "%lld %lld %lld", (long long)t3, (long long)o3.id, (long long)t5);
    is_str(ids(&q), want, "search by name");
    q.search = "P4";
    snprintf(want, sizeof want, "%lld %lld", (long long)t9, (long long)t10);
    is_str(ids(&q), want, "search by MRN");
    /* TCM intake: the tcm queue, and TCM tasks nobody is assigned whatever their team */
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_TCM};
    snprintf(want, sizeof want, "%lld", (long long)t10);
    is_str(ids(&q), want, "TCM intake: the tcm queue");
    char upd[160];
    snprintf(upd, sizeof upd, "UPDATE tasks SET assignee_id = NULL, team = 'north' WHERE id = %lld",
             (long long)t6);
    sql(upd);
    snprintf(want, sizeof want, "%lld %lld", (long long)t10, (long long)t6);
    is_str(ids(&q), want, "and an unassigned TCM visit of another team, due later");
    snprintf(upd, sizeof upd, "UPDATE tasks SET assignee_id = %lld, team = NULL WHERE id = %lld",
             (long long)mrivera, (long long)t6);
    sql(upd);

    /* one row per patient, ranked by its most urgent job; its jobs in the jobs page */
    static const char *const pcols[] = {CD_WORKLIST_PATIENT_COLUMNS(CD_PAGE_COL_NAME)};
    struct cd_page jobs = CD_PAGE_INIT;
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_MINE, .user_id = mrivera, .screen = true};
    is_int(cd_worklist_patients(store, &q, &page, &jobs, &err), 0, "per patient");
    ok(cd_page_columns_are(&page, pcols, CD_WORKLIST_PCOLS), "the per-patient columns");
    is_int(page.nrows, 3, "three patients");
    is_str(page_str(&page, 0, "mrn"), "P2", "P2 first: its overdue TCM contact");
    is_str(page_str(&page, 0, "job"), "TCM", "marker");
    is_str(page_str(&page, 0, "jobs"), "3", "three jobs");
    is_str(page_str(&page, 0, "reason"),
           "TCM contact overdue (Nov 20) · call back 08:30 · care plan review due",
           "P2's reason: the most urgent job in full, the others briefly");
    snprintf(want, sizeof want, "%lld,%lld,%lld", (long long)t1, (long long)t4, (long long)t7);
    is_str(page_str(&page, 0, "task_ids"), want, "P2's jobs, most urgent first");
    is_str(page_str(&page, 1, "mrn"), "P1", "then P1 (high risk, due today)");
    is_str(page_str(&page, 1, "reason"), "TCM contact due today · TCM visit to book",
           "P1: not short of minutes");
    is_str(page_str(&page, 1, "first"), "3", "P1's jobs start at row 3 of the jobs page");
    is_str(page_str(&page, 2, "mrn"), "P3", "then P3 (moderate)");
    is_str(page_str(&page, 2, "reason"),
           "TCM contact due today · CCM outreach · call back 15:00 · CCM 12 of 20 min, 5 business "
           "days left",
           "P3: minutes last");
    is_str(page_str(&page, 2, "due"), "2026-11-23", "the most urgent job's due date");
    is_str(page_str(&page, 2, "rank"), "3", "rank");
    snprintf(want, sizeof want, "%lld %lld %lld %lld %lld %lld %lld %lld", (long long)t1,
             (long long)t4, (long long)t7, (long long)t2, (long long)t6, (long long)t3,
             (long long)o3.id, (long long)t5);
    struct cd_strbuf got = CD_STRBUF_INIT;
    for (size_t r = 0; r < jobs.nrows; r++)
        cd_strbuf_addf(&got, "%s%s", r ? " " : "", page_str(&jobs, r, "task_id"));
    is_str(cd_strbuf_str(&got), want, "the jobs page: patient by patient, in rank order");
    cd_strbuf_free(&got);
    /* the title's TCM figures: P2's contact overdue; three contacts due (P2's, P1's and P3's);
     * one visit to book (P1's) */
    struct cd_worklist_tcm_figures fig;
    cd_worklist_tcm_figures(&jobs, &fig);
    is_int((int)fig.overdue, 1, "TCM figures: overdue");
    is_int((int)fig.calls_due, 3, "TCM figures: calls due");
    is_int((int)fig.visits, 1, "TCM figures: visits");
    cd_page_free(&jobs);
    cd_page_free(&page);
    q = (struct cd_worklist_query){
        .scope = CD_WORKLIST_MINE, .user_id = mrivera, .kind = "careplan_review"};
    is_int(cd_worklist_patients(store, &q, &page, NULL, &err), 0, "per patient, one kind");
    ok(cd_page_columns_are(&page, pcols, CD_WORKLIST_PCOL_PATIENT_ID), "without screen columns");
    is_int(page.nrows, 1, "one patient has a review");
    is_str(page_str(&page, 0, "reason"), "care plan review due today", "only the review");
    cd_page_free(&page);

    q = (struct cd_worklist_query){.scope = CD_WORKLIST_ALL, .kind = "visit"};
    is_str(ids(&q),
           "error: kind: 'visit' is not tcm_contact, tcm_visit, ccm_outreach, "
           "careplan_review, callback, followup, referral or other",
           "bad kind");

    struct cd_worklist_minutes mins;
    is_int(cd_worklist_patient_minutes(store, p3, &mins, &err), 0, "P3's minutes");
    is_str(mins.program, "ccm", "program");
    is_int(mins.seconds, 720, "voided time left out");
    is_int(mins.threshold, 20, "threshold");
    cd_worklist_patient_minutes(store, p2, &mins, &err);
    is_str(mins.program, "", "P2: no program");
    is_int(mins.seconds + mins.threshold, 0, "no minutes");

    /* claims: bob claims t3; it joins his list and shows on mrivera's as his */
    cd_store_set_actor(store, bob);
    is_int(cd_task_claim(store, t3, NULL, &err), 0, "bob claims");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_MINE, .user_id = bob};
    snprintf(want, sizeof want, "%lld %lld", (long long)t3, (long long)t9);
    is_str(ids(&q), want, "a claimed row joins the claimer's list");
    q = (struct cd_worklist_query){.scope = CD_WORKLIST_MINE, .user_id = mrivera, .screen = true};
    cd_worklist_list(store, &q, &page, &err);
    is_str(page_str(&page, 2, "claimed_by"), "bob", "claimed by bob on mrivera's screen");
    is_str(page_str(&page, 1, "claimed_by"), "", "unclaimed row");
    cd_page_free(&page);

    /* attempts: on the task, or since the discharge for a TCM contact */
    cd_store_set_actor(store, mrivera);
    struct cd_contact_in ci = {.patient_id = p2, .outcome = "voicemail", .task_id = t4};
    struct cd_contact_result res;
    is_int(cd_contact_log(store, &ci, &res, &err), 0, "voicemail on the callback row");
    is_int(res.task_completed, 0, "callback stays open after a voicemail");
    cd_worklist_list(store, &q, &page, &err);
    is_str(page_str(&page, 4, "attempts"), "1", "attempts on the callback");
    is_str(page_str(&page, 0, "attempts"), "0", "attempts elsewhere unchanged");
    cd_page_free(&page);
    ci = (struct cd_contact_in){.patient_id = p3, .outcome = "reached", .task_id = t5};
    is_int(cd_contact_log(store, &ci, &res, &err), 0, "P3 reached on the callback row");
    is_int(res.task_completed, 1, "callback done");
    is_int(res.others_completed, 1, "and the month's outreach");
    cd_task_get(store, o3.id, &o3, &err);
    is_str(o3.status, "done", "outreach done");
    ci = (struct cd_contact_in){.patient_id = p2, .outcome = "reached", .task_id = t7};
    is_int(cd_contact_log(store, &ci, &res, &err), 0, "a call on a review row");
    is_int(res.task_completed, 0, "a review is not done by a call");
    ci = (struct cd_contact_in){.patient_id = p1, .outcome = "reached", .task_id = t4};
    is_int(cd_contact_log(store, &ci, &res, &err), CD_EINVAL, "another patient's task refused");
    is_str(err.msg, "task: 4 is not this patient's task", "message");

    /* the next month: old outreach cancelled, new outreach for everyone without contact */
    time_t dec;
    cd_instant_parse("2026-12-01T09:00", &dec, &err);
    cd_clock_set(dec);
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "December");
    is_int(gen.cancelled, 1, "P5's November outreach cancelled");
    is_int(gen.outreach, 3, "P1, P3, P5 get December outreach");
    cd_task_get(store, o5.id, &o5, &err);
    is_str(o5.status, "cancelled", "cancelled");

    /* the last business days: patients short of minutes get outreach once */
    time_t late;
    cd_instant_parse("2026-12-28T09:00", &late, &err);
    cd_clock_set(late);
    sql("UPDATE tasks SET status = 'done' WHERE kind = 'ccm_outreach'");
    is_int(cd_worklist_generate(store, false, &gen, &err), 0, "Dec 28");
    is_int(gen.minutes, 3, "3 patients short of minutes");
    is_int(cd_worklist_generate(store, true, &gen, &err), 0, "again");
    is_int(gen.minutes, 0, "not twice");
    cd_task_find_open(store, p1, "ccm_outreach", &o3, &err);
    cd_task_list_patient(store, p1, &page, &err);
    bool found = false;
    for (size_t r = 0; r < page.nrows; r++)
        if (strcmp(page_str(&page, r, "title"), "complex CCM minutes short this month") == 0)
            found = true;
    ok(found, "minutes task titled with the program");
    cd_page_free(&page);
}

static void test_plan(void)
{
    struct cd_page page = CD_PAGE_INIT;
    struct cd_strbuf all = CD_STRBUF_INIT;
    is_int(cd_worklist_plan(store, CD_WORKLIST_MINE, &page, &err), 0, "plan of my list");
    for (size_t r = 0; r < page.nrows; r++)
        cd_strbuf_addf(&all, "%s\n", page_str(&page, r, "detail"));
    const char *plan = cd_strbuf_str(&all);
    ok(strstr(plan,
              "SEARCH tasks USING INDEX tasks_open_assignee (assignee_id=? AND due_date<?)") !=
           NULL,
       "my list: tasks_open_assignee");
    ok(strstr(plan, "SEARCH tasks USING INDEX tasks_open_claimed (claimed_by=?)") != NULL,
       "my list: tasks_open_claimed");
    ok(strstr(plan, "SCAN tasks") == NULL && strstr(plan, "SCAN t\n") == NULL &&
           strstr(plan, "SCAN p") == NULL,
       "my list: no table scan");
    if (strstr(plan, "SCAN tasks") || strstr(plan, "SCAN p"))
        printf("# %s", plan);
    cd_page_reset(&page);
    cd_strbuf_free(&all);
    is_int(cd_worklist_plan(store, CD_WORKLIST_ALL, &page, &err), 0, "plan of everyone's list");
    for (size_t r = 0; r < page.nrows; r++)
        cd_strbuf_addf(&all, "%s\n", page_str(&page, r, "detail"));
    plan = cd_strbuf_str(&all);
    ok(strstr(plan, "SEARCH tasks USING INDEX tasks_open_due (due_date<?)") != NULL,
       "everyone: tasks_open_due");
    ok(strstr(plan, "SCAN tasks") == NULL, "everyone: no table scan");
    cd_page_reset(&page);
    cd_strbuf_free(&all);
    is_int(cd_worklist_plan(store, CD_WORKLIST_TCM, &page, &err), 0, "plan of the TCM intake");
    for (size_t r = 0; r < page.nrows; r++)
        cd_strbuf_addf(&all, "%s\n", page_str(&page, r, "detail"));
    plan = cd_strbuf_str(&all);
    ok(strstr(plan, "SEARCH tasks USING INDEX tasks_open_due (due_date<?)") != NULL,
       "TCM intake: tasks_open_due up to today");
    ok(strstr(plan, "SEARCH tasks USING INDEX tasks_open_due (due_date>?)") != NULL,
       "and after today");
    ok(strstr(plan, "SCAN tasks") == NULL, "TCM intake: no table scan");
    if (strstr(plan, "SCAN tasks"))
        printf("# %s", plan);
    cd_strbuf_free(&all);
    cd_page_free(&page);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-23T09:00");
    test_rule();
    test_plan();
    test_list();
    cd_store_close(store);
    return done_testing();
}
