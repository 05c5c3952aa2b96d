/* SPDX-License-Identifier: MIT */
/* Unit tests of core/timeentry: activities, months, durations, manual add, edit as
 * void-and-replace, void with a reason, the audit trail. */
#include "config.h"

#include "core/patient.h"
#include "core/store/audit.h"
#include "core/timeentry.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

int main(void)
{
    struct cd_store *s = testdb_open("America/New_York", "2026-11-02T09:30");
    struct cd_error err = {0};
    int64_t pid, id = 0, nid = 0, secs = 0;
    struct cd_patient_in p = {
        .mrn = "1001", .family = "Núñez", .given = "Zoë", .birth_date = "1948-05-12"};
    cd_patient_add(s, &p, &pid, &err);

    is_str(cd_activity_name("med_reconciliation"), "Medication reconciliation", "activity name");
    is_str(cd_role_label("clinical_staff"), "clinical staff", "role label: clinical staff");
    is_str(cd_role_label("practitioner"), "practitioner", "role label: practitioner");
    is_str(cd_role_label(NULL), "", "role label: none");
    ok(cd_activity_valid("community_resources") && !cd_activity_valid("chat"), "activity_valid");
    size_t n = 0;
    while (cd_activities[n].key)
        n++;
    is_int(n, 7, "seven activities");

    char m[CD_MONTH_LEN];
    time_t t;
    cd_instant_parse("2026-11-01T03:30Z", &t, &err);
    is_str(cd_month_of(t, m), "2026-10", "03:30Z on 1 Nov is still October in New York");
    is_int(cd_month_next_start(t) - t, 30 * 60, "November starts at 04:00Z");
    int first, last;
    is_int(cd_month_parse("2028-02", &first, &last, &err), 0, "month parse");
    is_int(last - first, 28, "February 2028 has 29 days");
    is_int(cd_month_parse("2028-2", NULL, NULL, &err), CD_EINVAL, "bad month");

    is_int(cd_time_parse_duration("20", &secs, &err), 0, "20 minutes");
    is_int(secs, 1200, "1200 s");
    cd_time_parse_duration("14:30", &secs, &err);
    is_int(secs, 870, "14:30");
    is_int(cd_time_parse_duration("14:75", &secs, &err), CD_EINVAL, "bad seconds");
    is_int(cd_time_parse_duration("0", &secs, &err), CD_EINVAL, "zero");
    is_int(cd_time_parse_duration("721", &secs, &err), CD_EINVAL, "over 12 hours");
    char buf[24];
    is_str(cd_time_format_mmss(461, buf), "07:41", "mm:ss");
    is_str(cd_time_format_mmss(7500, buf), "125:00", "over an hour stays minutes");

    struct cd_time_fields f = {.seconds = 1200, .activity = "call"};
    is_int(cd_time_add(s, pid, &f, &id, &err), 0, "add today");
    struct cd_page page = CD_PAGE_INIT;
    cd_time_list(s, pid, "2026-11", &page, &err);
    static const char *const time_cols[] = {CD_TIME_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, time_cols, CD_TIME_NCOLS),
       "the list has the columns timeentry.h declares");
    is_str(page_str(&page, 0, "start"), "09:10", "today's entry ends now");
    is_str(page_str(&page, 0, "program"), "coordination", "no enrollment: coordination");
    is_str(page_str(&page, 0, "role"), "clinical_staff", "default role");
    is_str(page_str(&page, 0, "user"), "admin", "who: the acting user's login");
    is_str(page_str(&page, 0, "note"), "", "no note");
    cd_page_free(&page);
    f = (struct cd_time_fields){.seconds = 600, .date = "2026-10-31", .program = "ccm"};
    is_int(cd_time_add(s, pid, &f, &nid, &err), 0, "add on an earlier day");
    cd_time_list(s, pid, "2026-10", &page, &err);
    is_str(page_str(&page, 0, "start"), "12:00", "placed at noon");
    is_str(page_str(&page, 0, "activity"), "other", "default activity");
    cd_page_free(&page);
    f.date = "2026-11-03";
    is_int(cd_time_add(s, pid, &f, NULL, &err), CD_EINVAL, "future refused");
    is_str(err.msg, "date: '2026-11-03' is in the future", "future message");
    f.date = NULL;
    f.activity = "chat";
    cd_time_add(s, pid, &f, NULL, &err);
    is_str(err.msg,
           "activity: 'chat' is not one of careplan_review, med_reconciliation, call, "
           "coordination, community_resources, documentation, other",
           "bad activity message");
    f.activity = NULL;
    f.role = "doctor";
    cd_time_add(s, pid, &f, NULL, &err);
    is_str(err.msg, "role: 'doctor' is not clinical_staff or practitioner", "bad role");
    f.role = NULL;
    is_int(cd_time_add(s, 999, &f, NULL, &err), CD_ENOTFOUND, "unknown patient");

    /* a span may not cross a month end */
    struct cd_time_span sp = {.patient_id = pid,
                              .program = "ccm",
                              .role = "clinical_staff",
                              .activity = "call",
                              .source = "timer",
                              .seconds = 600};
    sp.start = t + 1500;
    sp.end = t + 2100;
    cd_store_begin(s, &err);
    is_int(cd_time_insert(s, &sp, NULL, &err), CD_EINVAL, "crossing a month refused");
    cd_store_rollback(s);

    /* edit: the original is voided 'edited', the replacement points to it */
    f = (struct cd_time_fields){
        .seconds = 1500, .activity = "documentation", .note = "Pill box sorted"};
    int64_t rid = 0;
    is_int(cd_time_edit(s, id, &f, &rid, &err), 0, "edit");
    cd_time_list(s, pid, "2026-11", &page, &err);
    is_int(page.nrows, 2, "original kept");
    is_str(page_str(&page, 0, "voided"), "1", "original voided");
    is_str(page_str(&page, 0, "void_reason"), "edited", "reason edited");
    is_int(page_int(&page, 1, "replaces_id"), id, "replacement points to the original");
    is_str(page_str(&page, 1, "duration"), "25:00", "new duration");
    is_str(page_str(&page, 1, "activity"), "documentation", "new activity");
    is_str(page_str(&page, 1, "start"), "09:10", "same start");
    is_int(page.ncols, 14, "fourteen columns");
    is_str(page_str(&page, 1, "note"), "Pill box sorted", "the replacement's note");
    is_str(page_str(&page, 1, "user"), "admin", "the replacement's author");
    cd_page_free(&page);
    is_int(cd_time_edit(s, id, &f, NULL, &err), CD_EINVAL, "editing a voided entry refused");
    is_str(err.msg, "time entry 1 is voided (edited); edit its replacement", "message");

    is_int(cd_time_void(s, rid, "", &err), CD_EINVAL, "void needs a reason");
    is_int(cd_time_void(s, rid, "wrong patient", &err), 0, "void");
    is_int(cd_time_void(s, rid, "again", &err), CD_EINVAL, "void twice");
    is_str(err.msg, "time entry 3 is already voided (wrong patient)", "void twice message");
    is_int(cd_time_void(s, 99, "x", &err), CD_ENOTFOUND, "unknown entry");
    cd_audit_list(s, "time_entry", id, &page, &err);
    is_int(page.nrows, 2, "original: add and void audited");
    is_str(page_str(&page, 1, "action"), "void", "void audited");
    cd_page_free(&page);
    cd_audit_list(s, "time_entry", rid, &page, &err);
    is_str(page_str(&page, 0, "detail"),
           "2026-11 coordination clinical_staff documentation 25:00, replaces 1", "add audited");
    is_str(page_str(&page, 1, "detail"), "wrong patient", "void reason audited");
    cd_page_free(&page);
    cd_store_close(s);
    return done_testing();
}
