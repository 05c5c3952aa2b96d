/* SPDX-License-Identifier: MIT */
/* Unit tests of the call list's order rule (core/worklist_rule.c), one table row per step of the
 * rule the man page states, plus the cases the issue found; the reasons and markers of rows. */
#include "config.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/calendar.h"
#include "core/worklist.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_worklist_clock clk; /* Monday 2026-11-23 09:00, 5 business days left */

/* A job: KIND due DAYS from today (at H:M; 23:59 for a day's work), of a patient. */
struct job {
    const char *kind;
    int days, h, m;
    enum cd_risk risk;
    const char *name;
    int64_t patient, task;
    long seconds;
};

static struct cd_worklist_item item(const struct job *j)
{
    int day = clk.today + j->days;
    struct cd_worklist_item it = {
        .task_id = j->task,
        .patient_id = j->patient,
        .name = j->name,
        .kind = j->kind,
        .due_at = cd_local_to_instant(day, j->h, j->m, 0),
        .due_day = day,
        .risk = j->risk,
        .program = j->seconds >= 0 ? "ccm" : NULL,
        .seconds = j->seconds,
        .discharge_day = -1,
    };
    cd_worklist_classify(&it, &clk);
    return it;
}

#define DAY(k, d) k, d, 23, 59
#define HI CD_RISK_HIGH
#define MOD CD_RISK_MODERATE
#define LO CD_RISK_LOW
#define NONE CD_RISK_NONE

static void test_table(void)
{
    /* each row: A comes before B, for the reason named */
    static const struct {
        const char *rule;
        struct job a, b;
    } rows[] = {
        {"1 overdue before due today, whatever the kind and risk",
         {DAY("careplan_review", -1), LO, "Zed", 1, 1, -1},
         {DAY("tcm_contact", 0), HI, "Abe", 2, 2, -1}},
        {"1 due today before later",
         {DAY("ccm_outreach", 0), NONE, "Zed", 1, 1, -1},
         {DAY("tcm_contact", 1), HI, "Abe", 2, 2, -1}},
        {"1 a call back once its time has come is due today",
         {"callback", 0, 8, 30, NONE, "Zed", 1, 1, -1},
         {DAY("tcm_visit", 4), HI, "Abe", 2, 2, -1}},
        {"1 a call back later today waits for its time: after today's work",
         {DAY("careplan_review", 0), NONE, "Zed", 1, 1, -1},
         {"callback", 0, 15, 0, HI, "Abe", 2, 2, -1}},
        {"1 a call back from an earlier day is overdue",
         {"callback", -1, 15, 0, NONE, "Zed", 1, 1, -1},
         {DAY("tcm_contact", 0), HI, "Abe", 2, 2, -1}},
        {"2 deadline-bound (TCM contact) before program work, risk aside",
         {DAY("tcm_contact", 0), NONE, "Zed", 1, 1, -1},
         {DAY("careplan_review", 0), HI, "Abe", 2, 2, -1}},
        {"2 a TCM visit is deadline-bound: before a call back due now",
         {DAY("tcm_visit", -1), NONE, "Zed", 1, 1, -1},
         {"callback", -1, 8, 0, HI, "Abe", 2, 2, -1}},
        {"2 CCM outreach is program work",
         {DAY("tcm_contact", 0), LO, "Zed", 1, 1, -1},
         {DAY("ccm_outreach", 0), HI, "Abe", 2, 2, 0}},
        {"3 high risk before moderate",
         {DAY("careplan_review", 0), HI, "Zed", 1, 1, -1},
         {DAY("careplan_review", 0), MOD, "Abe", 2, 2, -1}},
        {"3 moderate before low",
         {DAY("ccm_outreach", 0), MOD, "Zed", 1, 1, -1},
         {DAY("ccm_outreach", 0), LO, "Abe", 2, 2, -1}},
        {"3 low before none",
         {DAY("followup", -2), LO, "Zed", 1, 1, -1},
         {DAY("followup", -5), NONE, "Abe", 2, 2, -1}},
        {"3 risk before age",
         {DAY("tcm_contact", -1), HI, "Zed", 1, 1, -1},
         {DAY("tcm_contact", -3), LO, "Abe", 2, 2, -1}},
        {"4 the older due date first",
         {DAY("careplan_review", -9), LO, "Zed", 1, 1, -1},
         {DAY("careplan_review", -2), LO, "Abe", 2, 2, -1}},
        {"4 the earlier call back first",
         {"callback", 0, 8, 0, NONE, "Zed", 1, 1, -1},
         {"callback", 0, 8, 30, NONE, "Abe", 2, 2, -1}},
        {"5 ties by the patient's name",
         {DAY("careplan_review", 0), LO, "Abe", 2, 2, -1},
         {DAY("careplan_review", 0), LO, "Zed", 1, 1, -1}},
        {"5 then by patient",
         {DAY("careplan_review", 0), LO, "Abe", 1, 2, -1},
         {DAY("careplan_review", 0), LO, "Abe", 2, 1, -1}},
        {"5 then by task",
         {DAY("careplan_review", 0), LO, "Abe", 1, 1, -1},
         {DAY("ccm_outreach", 0), LO, "Abe", 1, 2, -1}},
        {"minutes move nothing: 3 of 20 min short and 25 min over rank alike",
         {DAY("ccm_outreach", 0), LO, "Abe", 1, 1, 25 * 60},
         {DAY("ccm_outreach", 0), LO, "Zed", 2, 2, 3 * 60}},
        /* the cases (today Nov 23) */
        {"issue: a high-risk review overdue since Oct 30 stays above newer low-risk work after 25 "
         "minutes are added",
         {DAY("careplan_review", -24), HI, "Murphy", 1, 1, 25 * 60},
         {DAY("careplan_review", -1), LO, "Abe", 2, 2, 0}},
        {"issue: review filter on: high risk above low, even when due later",
         {DAY("careplan_review", -1), HI, "Zed", 1, 1, -1},
         {DAY("careplan_review", -3), LO, "Abe", 2, 2, -1}},
        {"issue: a TCM visit overdue since Nov 4 above visits due Dec 8",
         {DAY("tcm_visit", -19), NONE, "Zed", 1, 1, -1},
         {DAY("tcm_visit", 15), HI, "Abe", 2, 2, -1}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct cd_worklist_item a = item(&rows[i].a), b = item(&rows[i].b);
        is_int(cd_worklist_compare(&a, &b), -1, "%s", rows[i].rule);
        is_int(cd_worklist_compare(&b, &a), 1, "%s (the other way round)", rows[i].rule);
    }
    struct cd_worklist_item a = item(&rows[0].a);
    is_int(cd_worklist_compare(&a, &a), 0, "a job is equal only to itself");
}

static void test_classify(void)
{
    static const struct {
        struct job j;
        enum cd_worklist_when when;
        bool deadline;
    } rows[] = {
        {{DAY("tcm_contact", -1), NONE, "A", 1, 1, -1}, CD_WORKLIST_OVERDUE, true},
        {{DAY("tcm_contact", 0), NONE, "A", 1, 1, -1}, CD_WORKLIST_DUE_TODAY, true},
        {{DAY("tcm_contact", 1), NONE, "A", 1, 1, -1}, CD_WORKLIST_LATER, true},
        {{DAY("tcm_visit", 6), NONE, "A", 1, 1, -1}, CD_WORKLIST_LATER, true},
        {{"callback", 0, 9, 0, NONE, "A", 1, 1, -1}, CD_WORKLIST_DUE_TODAY, false},
        {{"callback", 0, 9, 1, NONE, "A", 1, 1, -1}, CD_WORKLIST_LATER, false},
        {{"callback", -2, 17, 0, NONE, "A", 1, 1, -1}, CD_WORKLIST_OVERDUE, false},
        {{DAY("careplan_review", -30), NONE, "A", 1, 1, -1}, CD_WORKLIST_OVERDUE, false},
        {{DAY("ccm_outreach", 0), NONE, "A", 1, 1, 0}, CD_WORKLIST_DUE_TODAY, false},
        {{DAY("referral", 0), NONE, "A", 1, 1, -1}, CD_WORKLIST_DUE_TODAY, false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct cd_worklist_item it = item(&rows[i].j);
        is_int(it.when, rows[i].when, "%s %+d days at %02d:%02d: when", rows[i].j.kind,
               rows[i].j.days, rows[i].j.h, rows[i].j.m);
        is_int(it.deadline, rows[i].deadline, "%s: deadline-bound or not", rows[i].j.kind);
    }
}

static void test_reasons(void)
{
    char buf[300];
    static const struct {
        struct job j;
        const char *reason;
    } rows[] = {
        {{DAY("tcm_contact", -2), NONE, "A", 1, 1, -1}, "TCM contact overdue (Nov 21)"},
        {{DAY("tcm_contact", 0), NONE, "A", 1, 1, -1}, "TCM contact due today"},
        {{DAY("tcm_visit", 4), NONE, "A", 1, 1, -1}, "TCM visit to book by Nov 27"},
        {{DAY("careplan_review", -24), NONE, "A", 1, 1, -1}, "care plan review overdue (Oct 30)"},
        {{DAY("careplan_review", -24), NONE, "A", 1, 1, 25 * 60},
         "care plan review overdue (Oct 30)"},
        {{DAY("careplan_review", 0), NONE, "A", 1, 1, 3 * 60},
         "care plan review due today; CCM 3 of 20 min, 5 business days left"},
        {{DAY("ccm_outreach", 0), NONE, "A", 1, 1, 0},
         "no CCM contact yet this month; CCM 0 of 20 min, 5 business days left"},
        {{"callback", 0, 15, 0, NONE, "A", 1, 1, -1}, "call back at 15:00"},
        {{"callback", 0, 8, 0, NONE, "A", 1, 1, -1}, "call back due 08:00"},
        {{DAY("followup", -3), NONE, "A", 1, 1, -1}, "follow-up, due Nov 20"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct cd_worklist_item it = item(&rows[i].j);
        is_str(cd_worklist_reason(&it, &clk, buf, sizeof buf), rows[i].reason,
               "reason %zu: the job first", i + 1);
    }
    /* a patient's reason: the most urgent in full, the others briefly, minutes last */
    struct job js[] = {
        {DAY("tcm_contact", -27), HI, "Murphy", 1, 1, 3 * 60},
        {DAY("careplan_review", 0), HI, "Murphy", 1, 2, 3 * 60},
        {DAY("ccm_outreach", 0), HI, "Murphy", 1, 3, 3 * 60},
        {"callback", 0, 15, 0, HI, "Murphy", 1, 4, 3 * 60},
        {DAY("tcm_visit", 2), HI, "Murphy", 1, 5, 3 * 60},
    };
    struct cd_worklist_item its[5];
    for (int i = 0; i < 5; i++)
        its[i] = item(&js[i]);
    is_str(cd_worklist_patient_reason(its, 1, &clk, buf, sizeof buf),
           "TCM contact overdue (Oct 27) · CCM 3 of 20 min, 5 business days left", "one job");
    is_str(cd_worklist_patient_reason(its, 3, &clk, buf, sizeof buf),
           "TCM contact overdue (Oct 27) · care plan review due · CCM outreach · CCM 3 of 20 min, "
           "5 business days left",
           "three jobs");
    is_str(cd_worklist_patient_reason(its, 5, &clk, buf, sizeof buf),
           "TCM contact overdue (Oct 27) · care plan review due · CCM outreach · CCM 3 of 20 min, "
           "5 business days left · +2 more",
           "five jobs: +2 more");
    js[0].seconds = 30 * 60;
    its[0] = item(&js[0]);
    is_str(cd_worklist_patient_reason(&its[3], 2, &clk, buf, sizeof buf),
           "call back at 15:00 · TCM visit to book · CCM 3 of 20 min, 5 business days left",
           "briefs of a call back and a visit");
    its[0].program = NULL;
    is_str(cd_worklist_patient_reason(its, 1, &clk, buf, sizeof buf),
           "TCM contact overdue (Oct 27)", "no minutes when not in a program");

    static const char *const markers[][2] = {
        {"tcm_contact", "TCM"},        {"tcm_visit", "VISIT"},   {"ccm_outreach", "CCM"},
        {"careplan_review", "REVIEW"}, {"callback", "CALLBACK"}, {"followup", "FOLLOWUP"},
        {"referral", "REFERRAL"},      {"other", "OTHER"},
    };
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        is_str(cd_worklist_marker(markers[i][0]), markers[i][1], "marker of %s", markers[i][0]);
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    struct cd_calendar cal = CD_CALENDAR_INIT;
    cd_worklist_clock_at(&cal, cd_clock_now(), &clk);
    is_int(clk.business_days_left, 5, "Monday Nov 23: 5 business days left");
    test_table();
    test_classify();
    test_reasons();
    cd_store_close(store);
    return done_testing();
}
