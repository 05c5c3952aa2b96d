/* SPDX-License-Identifier: MIT */
/* Unit tests of core/tcm: the TCM status rule as a table (contact on time, by attempts, late,
 * missed, pending; visit booked, kept, outside the window; each code earned, possible or lost,
 * business days and holidays included), and the status read from a database. */
#include "config.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/calendar.h"
#include "core/contact.h"
#include "core/encounter.h"
#include "core/patient.h"
#include "core/tcm.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static int D(const char *s)
{
    int day = -1;
    if (s && *s)
        cd_date_parse(s, &day, NULL);
    return day;
}

struct row {
    const char *name;
    const char *discharge;
    bool high;
    const char *today;
    const char *interactive; /* first interactive contact day, "" none */
    const char *attempts[3]; /* unsuccessful attempt days */
    const char *visit;       /* "" none */
    bool kept;
    const char *deceased;
    bool ineligible;
    /* "contact contact_date visit visit_date | 99495 | 99496" */
    const char *want;
    const char *want_95;
    const char *want_96;
    const char *summary;
};

static const struct row rows[] = {
    {"Friday discharge, nothing yet (contact due Tuesday)",
     "2026-11-20",
     true,
     "2026-11-23",
     "",
     {0},
     "",
     false,
     "",
     false,
     "pending - none -",
     "contact by Nov 24, visit by Dec 4",
     "contact by Nov 24, visit by Nov 27",
     "99496 possible: contact by Nov 24, visit by Nov 27"},
    {"reached Tuesday, the deadline: on time",
     "2026-11-20",
     true,
     "2026-11-24",
     "2026-11-24",
     {0},
     "",
     false,
     "",
     false,
     "on_time 2026-11-24 none -",
     "visit by Dec 4",
     "visit by Nov 27",
     "99496 possible: visit by Nov 27"},
    {"reached Wednesday after a Friday discharge: late, both lost",
     "2026-11-20",
     true,
     "2026-11-25",
     "2026-11-25",
     {0},
     "",
     false,
     "",
     false,
     "late 2026-11-25 none -",
     "the first contact, on Nov 25, came after the deadline of Nov 24",
     "the first contact, on Nov 25, came after the deadline of Nov 24",
     "TCM lost: the first contact, on Nov 25, came after the deadline of Nov 24"},
    {"Friday before MLK day: Wednesday contact is on time",
     "2027-01-15",
     false,
     "2027-01-20",
     "2027-01-20",
     {0},
     "",
     false,
     "",
     false,
     "on_time 2027-01-20 none -",
     "visit by Jan 29",
     "medical decision making is moderate; 99496 needs high",
     "99495 possible: visit by Jan 29"},
    {"Thanksgiving week: Wednesday discharge, Monday contact on time",
     "2026-11-25",
     false,
     "2026-11-30",
     "2026-11-30",
     {0},
     "",
     false,
     "",
     false,
     "on_time 2026-11-30 none -",
     "visit by Dec 9",
     "medical decision making is moderate; 99496 needs high",
     "99495 possible: visit by Dec 9"},
    {"deadline passed with no contact: missed",
     "2026-11-20",
     true,
     "2026-11-25",
     "",
     {0},
     "",
     false,
     "",
     false,
     "missed - none -",
     "no contact or two attempts by Nov 24",
     "no contact or two attempts by Nov 24",
     "TCM lost: no contact or two attempts by Nov 24"},
    {"two attempts on separate days by the deadline satisfy the contact",
     "2026-11-20",
     true,
     "2026-11-26",
     "",
     {"2026-11-23", "2026-11-24"},
     "2026-11-26",
     true,
     "",
     false,
     "attempts 2026-11-24 kept 2026-11-26",
     "two attempts by Nov 24, visit on Nov 26 (day 6)",
     "two attempts by Nov 24, visit on Nov 26 (day 6)",
     "99496 earned"},
    {"two attempts on the same day count once: missed",
     "2026-11-20",
     true,
     "2026-11-25",
     "",
     {"2026-11-23", "2026-11-23"},
     "",
     false,
     "",
     false,
     "missed - none -",
     "no contact or two attempts by Nov 24",
     "no contact or two attempts by Nov 24",
     "TCM lost: no contact or two attempts by Nov 24"},
    {"an attempt after the deadline does not count",
     "2026-11-20",
     false,
     "2026-11-26",
     "",
     {"2026-11-23", "2026-11-25"},
     "",
     false,
     "",
     false,
     "missed - none -",
     "no contact or two attempts by Nov 24",
     "no contact or two attempts by Nov 24",
     "TCM lost: no contact or two attempts by Nov 24"},
    {"high complexity, visit kept on day 7: both earned",
     "2026-11-02",
     true,
     "2026-11-10",
     "2026-11-03",
     {0},
     "2026-11-09",
     true,
     "",
     false,
     "on_time 2026-11-03 kept 2026-11-09",
     "contact on Nov 3, visit on Nov 9 (day 7)",
     "contact on Nov 3, visit on Nov 9 (day 7)",
     "99496 earned"},
    {"high complexity, visit kept on day 10: 99495 earned, 99496 lost",
     "2026-11-02",
     true,
     "2026-11-13",
     "2026-11-03",
     {0},
     "2026-11-12",
     true,
     "",
     false,
     "on_time 2026-11-03 outside_window 2026-11-12",
     "contact on Nov 3, visit on Nov 12 (day 10)",
     "the visit on Nov 12 was day 10, after the 7-day window (Nov 9)",
     "99495 earned"},
    {"moderate complexity, visit kept on day 14: 99495 earned",
     "2026-11-02",
     false,
     "2026-11-20",
     "2026-11-04",
     {0},
     "2026-11-16",
     true,
     "",
     false,
     "on_time 2026-11-04 kept 2026-11-16",
     "contact on Nov 4, visit on Nov 16 (day 14)",
     "medical decision making is moderate; 99496 needs high",
     "99495 earned"},
    {"moderate, visit kept on day 15: lost",
     "2026-11-02",
     false,
     "2026-11-20",
     "2026-11-03",
     {0},
     "2026-11-17",
     true,
     "",
     false,
     "on_time 2026-11-03 outside_window 2026-11-17",
     "the visit on Nov 17 was day 15, after the 14-day window (Nov 16)",
     "medical decision making is moderate; 99496 needs high",
     "TCM lost: the visit on Nov 17 was day 15, after the 14-day window (Nov 16)"},
    {"visit booked in the window: keep it",
     "2026-11-02",
     true,
     "2026-11-04",
     "2026-11-03",
     {0},
     "2026-11-06",
     false,
     "",
     false,
     "on_time 2026-11-03 booked 2026-11-06",
     "keep the visit booked for Nov 6",
     "keep the visit booked for Nov 6",
     "99496 possible: keep the visit booked for Nov 6"},
    {"booked visit never marked kept, window over: lost",
     "2026-11-02",
     false,
     "2026-11-17",
     "2026-11-03",
     {0},
     "2026-11-10",
     false,
     "",
     false,
     "on_time 2026-11-03 booked 2026-11-10",
     "no face-to-face visit kept by Nov 16 (14 days)",
     "medical decision making is moderate; 99496 needs high",
     "TCM lost: no face-to-face visit kept by Nov 16 (14 days)"},
    {"a kept visit on day 1 is the interactive contact",
     "2026-11-02",
     true,
     "2026-11-05",
     "",
     {0},
     "2026-11-03",
     true,
     "",
     false,
     "on_time 2026-11-03 kept 2026-11-03",
     "contact on Nov 3, visit on Nov 3 (day 1)",
     "contact on Nov 3, visit on Nov 3 (day 1)",
     "99496 earned"},
    {"died inside the period: both lost",
     "2026-11-02",
     true,
     "2026-11-20",
     "2026-11-03",
     {0},
     "2026-11-06",
     true,
     "2026-11-15",
     false,
     "on_time 2026-11-03 kept 2026-11-06",
     "the patient died on Nov 15, inside the 30-day period",
     "the patient died on Nov 15, inside the 30-day period",
     "TCM lost: the patient died on Nov 15, inside the 30-day period"},
    {"not a qualifying discharge",
     "2026-11-02",
     false,
     "2026-11-03",
     "",
     {0},
     "",
     false,
     "",
     true,
     "not_applicable - not_applicable -",
     "not a qualifying discharge: discharged to a skilled nursing facility",
     "not a qualifying discharge: discharged to a skilled nursing facility",
     "no TCM: not a qualifying discharge: discharged to a skilled nursing facility"},
};

static void check_row(const struct cd_calendar *cal, const struct row *r)
{
    struct cd_tcm_facts f = {
        .discharge_day = D(r->discharge),
        .high = r->high,
        .eligible = !r->ineligible,
        .reason = r->ineligible ? "discharged to a skilled nursing facility" : "",
        .deceased_day = D(r->deceased),
        .interactive_day = D(r->interactive),
        .visit_day = D(r->visit),
        .visit_kept = r->kept,
        .ended_day = -1,
    };
    for (size_t i = 0; i < 3 && r->attempts[i]; i++)
        f.attempt_days[f.nattempts++] = D(r->attempts[i]);
    struct cd_tcm_status s;
    cd_tcm_status_eval(cal, &f, D(r->today), &s);
    char got[128], a[CD_DATE_LEN], b[CD_DATE_LEN], sum[200];
    snprintf(got, sizeof got, "%s %s %s %s", cd_tcm_contact_key(s.contact),
             s.contact_day >= 0 ? cd_date_format(s.contact_day, a) : "-", cd_tcm_visit_key(s.visit),
             s.visit_day >= 0 ? cd_date_format(s.visit_day, b) : "-");
    is_str(got, r->want, "%s: contact and visit", r->name);
    is_str(s.c99495.why, r->want_95, "%s: 99495 (%s)", r->name, cd_tcm_state_key(s.c99495.state));
    is_str(s.c99496.why, r->want_96, "%s: 99496 (%s)", r->name, cd_tcm_state_key(s.c99496.state));
    is_str(cd_tcm_status_summary(&s, sum, sizeof sum), r->summary, "%s: summary", r->name);
}

static void from_store(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    struct cd_error err = {0};
    struct cd_discharge_in in = {.mrn = "T1",
                                 .family_name = "Okafor",
                                 .given_name = "Ada",
                                 .birth_date = "1950-02-03",
                                 .discharge_at = "2026-11-20T10:00",
                                 .setting = "inpatient",
                                 .disposition = "01",
                                 .complexity = "high",
                                 .source = "manual"};
    struct cd_discharge_result res;
    cd_store_begin(store, NULL);
    ok(cd_discharge_record(store, &in, &res, &err) == 0, "a discharge is recorded: %s", err.msg);
    cd_store_commit(store, NULL);
    struct cd_contact_in c = {.patient_id = res.patient_id, .outcome = "reached"};
    ok(cd_contact_log(store, &c, &(struct cd_contact_result){0}, &err) == 0, "a call is logged");
    struct cd_page page = CD_PAGE_INIT;
    ok(cd_tcm_status_list(store, res.patient_id, &page, &err) == 0, "status listed: %s", err.msg);
    static const char *const cols[] = {CD_TCM_STATUS_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, cols, CD_TCM_NCOLS), "the page has the declared columns");
    is_int((long)page.nrows, 1, "one discharge");
    is_str(page_str(&page, 0, "contact"), "on_time", "contact on time from the call log");
    is_str(page_str(&page, 0, "contact_date"), "2026-11-23", "contact date");
    is_str(page_str(&page, 0, "99496_why"), "visit by Nov 27", "99496 needs the visit");
    struct cd_tcm_status s;
    bool found = false;
    ok(cd_tcm_status_latest(store, res.patient_id, &s, &found, &err) == 0 && found,
       "latest status found");
    is_int(s.contact, CD_TCM_CONTACT_ON_TIME, "latest: contact on time");
    cd_page_free(&page);
    cd_store_close(store);
    testdb_cleanup();
}

/* A TCM program ended by hand (a refusal) loses what is not yet earned, and keeps what is. */
static void ended_by_hand(const struct cd_calendar *cal)
{
    struct cd_tcm_facts f = {.discharge_day = D("2026-11-20"),
                             .high = true,
                             .eligible = true,
                             .deceased_day = -1,
                             .interactive_day = D("2026-11-23"),
                             .visit_day = -1,
                             .ended_day = D("2026-11-24"),
                             .ended_reason = "refused"};
    struct cd_tcm_status s;
    char sum[200];
    cd_tcm_status_eval(cal, &f, D("2026-11-25"), &s);
    is_str(s.c99495.why, "the TCM program ended on Nov 24: refused", "ended: 99495 lost, and why");
    is_str(cd_tcm_status_summary(&s, sum, sizeof sum),
           "TCM lost: the TCM program ended on Nov 24: refused", "ended: the summary");
    cd_tcm_status_eval(cal, &f, D("2026-11-23"), &s);
    is_str(cd_tcm_status_summary(&s, sum, sizeof sum), "99496 possible: visit by Nov 27",
           "before the day it ended: still possible");
    f.visit_day = D("2026-11-24");
    f.visit_kept = true;
    cd_tcm_status_eval(cal, &f, D("2026-11-25"), &s);
    is_str(cd_tcm_status_summary(&s, sum, sizeof sum), "99496 earned",
           "earned before it ended: stays earned");
}

int main(void)
{
    cd_clock_set_zone("America/New_York", NULL);
    struct cd_calendar cal = CD_CALENDAR_INIT;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(&cal, &rows[i]);
    ended_by_hand(&cal);
    from_store();
    return done_testing();
}
