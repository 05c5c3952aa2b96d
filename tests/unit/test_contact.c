/* SPDX-License-Identifier: MIT */
/* Unit tests of core/contact: interactive contacts complete the TCM contact task, two timely
 * attempts on separate days satisfy it, late contacts are marked. */
#include "config.h"

#include "core/base/clock.h"
#include "core/contact.h"
#include "core/encounter.h"
#include "core/task.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static int64_t discharge(struct cd_store *store, const char *mrn)
{
    struct cd_error err = {0};
    struct cd_discharge_in in = {.mrn = mrn,
                                 .family_name = "Doe",
                                 .given_name = "Jane",
                                 .discharge_at = "2026-11-20T14:30",
                                 .setting = "inpatient",
                                 .disposition = "01",
                                 .source = "manual"};
    struct cd_discharge_result res;
    cd_store_begin(store, &err);
    cd_discharge_record(store, &in, &res, &err);
    cd_store_commit(store, &err);
    return res.patient_id;
}

static time_t at(const char *s)
{
    time_t t = 0;
    cd_instant_parse(s, &t, NULL);
    return t;
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-27T09:00");
    struct cd_error err = {0};
    struct cd_contact_result r;
    bool known;
    ok(cd_contact_interactive("reached", &known) && known, "reached is interactive");
    ok(cd_contact_interactive("caregiver", &known), "caregiver is interactive");
    ok(!cd_contact_interactive("voicemail", &known) && known, "voicemail is not");
    cd_contact_interactive("shout", &known);
    ok(!known, "unknown outcome");

    /* contact due end of Tuesday 2026-11-24 */
    int64_t p1 = discharge(store, "C1");
    struct cd_contact_in in = {
        .patient_id = p1, .outcome = "voicemail", .at = at("2026-11-23T09:00")};
    is_int(cd_contact_log(store, &in, &r, &err), 0, "voicemail logged");
    ok(r.task_id > 0, "counted for the task");
    is_int(r.attempts, 1, "one attempt");
    is_int(r.attempts_satisfied, 0, "not yet satisfied");
    in.outcome = "no_answer";
    in.at = at("2026-11-23T16:00");
    cd_contact_log(store, &in, &r, &err);
    is_int(r.attempts, 1, "same day counts once");
    is_int(r.attempts_satisfied, 0, "still not satisfied");
    in.at = at("2026-11-24T23:59");
    cd_contact_log(store, &in, &r, &err);
    is_int(r.attempts, 2, "second day");
    is_int(r.attempts_satisfied, 1, "attempts satisfied");
    is_int(r.late, 0, "on the deadline day is timely");
    struct cd_task t;
    cd_task_get(store, r.task_id, &t, &err);
    is_str(t.status, "open", "stays open");
    is_int(t.attempts_satisfied, 1, "task marked");
    in.outcome = "reached";
    in.at = at("2026-11-25T10:00");
    in.channel = "video";
    is_int(cd_contact_log(store, &in, &r, &err), 0, "reached late");
    is_int(r.late, 1, "late");
    is_int(r.task_completed, 1, "task completed");
    cd_task_get(store, r.task_id, &t, &err);
    is_str(t.status, "done", "done");

    /* two attempts, one late: not satisfied */
    int64_t p2 = discharge(store, "C2");
    struct cd_contact_in a = {
        .patient_id = p2, .outcome = "wrong_number", .at = at("2026-11-24T10:00")};
    cd_contact_log(store, &a, &r, &err);
    a.at = at("2026-11-25T00:00:01");
    cd_contact_log(store, &a, &r, &err);
    is_int(r.late, 1, "after the deadline is late");
    is_int(r.attempts, 1, "a late attempt does not count");
    is_int(r.attempts_satisfied, 0, "not satisfied");
    a.outcome = "caregiver";
    a.at = at("2026-11-24T12:00");
    cd_contact_log(store, &a, &r, &err);
    is_int(r.late, 0, "timely caregiver contact");
    is_int(r.task_completed, 1, "completes the task");

    /* no open task: recorded without one */
    a.outcome = "reached";
    a.at = 0;
    is_int(cd_contact_log(store, &a, &r, &err), 0, "logged without a task");
    is_int(r.task_id, 0, "no task");

    /* errors */
    a.outcome = "shout";
    is_int(cd_contact_log(store, &a, &r, &err), CD_EINVAL, "bad outcome");
    is_str(err.msg,
           "outcome: 'shout' is not reached, caregiver, voicemail, no_answer, "
           "wrong_number or refused",
           "outcome message");
    a.outcome = "reached";
    a.channel = "pigeon";
    cd_contact_log(store, &a, &r, &err);
    is_str(err.msg, "channel: 'pigeon' is not phone, video, portal or in_person", "channel");
    a.channel = NULL;
    a.note = "bad\x01";
    cd_contact_log(store, &a, &r, &err);
    is_str(err.msg, "note: has a control character", "note control");
    a.note = "two\nlines";
    is_int(cd_contact_log(store, &a, &r, &err), 0, "multi-line note ok");
    a.note = NULL;
    a.at = at("2026-11-28T09:00");
    cd_contact_log(store, &a, &r, &err);
    is_str(err.msg, "at: a contact cannot be in the future", "future");

    struct cd_page page = CD_PAGE_INIT;
    is_int(cd_contact_list(store, p1, &page, &err), 0, "list");
    static const char *const contact_cols[] = {CD_CONTACT_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, contact_cols, CD_CONTACT_NCOLS),
       "the list has the columns contact.h declares");
    is_int(page.nrows, 4, "four contacts for the first patient");
    is_str(page_str(&page, 0, "at"), "2026-11-25T15:00:00Z", "newest first");
    is_str(page_str(&page, 0, "user"), "admin", "who");
    is_str(page_str(&page, 0, "channel"), "video", "channel");
    is_str(page_str(&page, 0, "late"), "1", "late flag");
    cd_page_free(&page);
    int64_t count = -1;
    is_int(cd_contact_count(store, p1, &count, &err), 0, "count");
    is_int(count, 4, "four contacts counted for the first patient");
    is_int(cd_contact_count(store, 999, &count, &err), 0, "count of an unknown patient");
    is_int(count, 0, "none");
    cd_store_close(store);
    return done_testing();
}
