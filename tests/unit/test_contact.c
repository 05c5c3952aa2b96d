/* SPDX-License-Identifier: MIT */
/* Unit tests of core/contact: interactive contacts complete the TCM contact task whatever job
 * they were logged on, two timely attempts on separate days satisfy it, late contacts are
 * marked, and what a call did reads as one sentence. */
#include "config.h"

#include <stdio.h>
#include <string.h>

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

/* One call of a case: its outcome, when, and the job it was logged on ('j' the case's job, 't'
 * the TCM contact task, '-' no task). */
struct call {
    const char *outcome, *at;
    char on;
};

/* A patient discharged Friday 2026-11-20 14:30 (TCM contact due by the end of Tuesday 11-24)
 * with an open JOB (and EXTRA) besides the TCM contact; CALLS are logged in order; the last
 * call's result and the tasks after it are checked. */
static const struct contact_case {
    const char *name, *job, *extra;
    struct call calls[3];
    const char *tcm_status, *job_status;
    int late, attempts, satisfied;
    const char *said;
} cases[] = {
    {"reached on the CCM outreach completes the TCM contact too",
     "ccm_outreach",
     NULL,
     {{"reached", "2026-11-23T10:00", 'j'}},
     "done",
     "done",
     0,
     0,
     0,
     "CCM outreach done; also done: TCM contact"},
    {"reached late on the outreach: the TCM contact is done and marked late",
     "ccm_outreach",
     NULL,
     {{"reached", "2026-11-25T09:41", 'j'}},
     "done",
     "done",
     1,
     0,
     0,
     "CCM outreach done; also done: TCM contact (late)"},
    {"a caregiver reached on a care plan review: the review stays open",
     "careplan_review",
     NULL,
     {{"caregiver", "2026-11-23T10:00", 'j'}},
     "done",
     "open",
     0,
     0,
     0,
     "care plan review still open; also done: TCM contact"},
    {"a voicemail on the outreach counts toward the TCM contact's attempts",
     "ccm_outreach",
     NULL,
     {{"voicemail", "2026-11-23T10:00", 'j'}},
     "open",
     "open",
     0,
     1,
     0,
     "CCM outreach still open; TCM contact: 1 of 2 attempts on separate days"},
    {"attempts on two jobs on separate days satisfy the TCM contact",
     "careplan_review",
     NULL,
     {{"no_answer", "2026-11-23T10:00", 'j'}, {"wrong_number", "2026-11-24T10:00", 't'}},
     "open",
     "open",
     0,
     2,
     1,
     "TCM contact: attempts satisfied, stays open until reached"},
    {"two attempts on the same day on two jobs count once",
     "ccm_outreach",
     NULL,
     {{"no_answer", "2026-11-23T10:00", 'j'}, {"voicemail", "2026-11-23T15:00", 't'}},
     "open",
     "open",
     0,
     1,
     0,
     "TCM contact: 1 of 2 attempts on separate days"},
    {"a reached call after an attempt is not a second attempt",
     "ccm_outreach",
     NULL,
     {{"voicemail", "2026-11-23T10:00", 't'}, {"reached", "2026-11-24T10:00", 'j'}},
     "done",
     "done",
     0,
     0,
     0,
     "CCM outreach done; also done: TCM contact"},
    {"a late attempt on another job does not count",
     "ccm_outreach",
     NULL,
     {{"wrong_number", "2026-11-25T09:41", 'j'}},
     "open",
     "open",
     1,
     0,
     0,
     "CCM outreach still open; TCM contact: a late attempt does not count"},
    {"a call backdated before the discharge is not its TCM contact",
     "ccm_outreach",
     NULL,
     {{"reached", "2026-11-20T10:00", 'j'}},
     "open",
     "done",
     0,
     0,
     0,
     "CCM outreach done"},
    {"reached on the TCM contact names the outreach it also did",
     NULL,
     "ccm_outreach",
     {{"reached", "2026-11-23T10:00", 't'}},
     "done",
     NULL,
     0,
     0,
     0,
     "TCM contact done; also done: CCM outreach"},
    {"logged on no task: it goes to the TCM contact",
     NULL,
     NULL,
     {{"no_answer", "2026-11-23T10:00", '-'}},
     "open",
     NULL,
     0,
     1,
     0,
     "TCM contact: 1 of 2 attempts on separate days"},
};

static int64_t open_task(struct cd_store *store, int64_t patient, const char *kind)
{
    struct cd_error err = {0};
    struct cd_task_in in = {.patient_id = patient,
                            .kind = kind,
                            .title = kind,
                            .due_at = at("2026-11-23T05:00"),
                            .due_day = cd_instant_local_day(at("2026-11-23T05:00")),
                            .team = "ccm"};
    int64_t id = 0;
    int created;
    cd_store_begin(store, &err);
    cd_task_create(store, &in, &id, &created, &err);
    cd_store_commit(store, &err);
    return id;
}

static const char *status_of(struct cd_store *store, int64_t id)
{
    static struct cd_task t;
    struct cd_error err = {0};
    if (cd_task_get(store, id, &t, &err))
        return "none";
    return t.status;
}

static void run_case(struct cd_store *store, int n, const struct contact_case *c)
{
    struct cd_error err = {0};
    char mrn[16];
    snprintf(mrn, sizeof mrn, "K%d", n);
    int64_t p = discharge(store, mrn);
    struct cd_task tcm;
    cd_task_find_open(store, p, "tcm_contact", &tcm, &err);
    int64_t job = c->job ? open_task(store, p, c->job) : 0;
    if (c->extra)
        open_task(store, p, c->extra);
    struct cd_contact_result r = {0};
    int rc = 0;
    for (int i = 0; !rc && i < 3 && c->calls[i].outcome; i++) {
        const struct call *k = &c->calls[i];
        struct cd_contact_in in = {.patient_id = p,
                                   .outcome = k->outcome,
                                   .at = at(k->at),
                                   .task_id = k->on == 'j'   ? job
                                              : k->on == 't' ? tcm.id
                                                             : 0};
        rc = cd_contact_log(store, &in, &r, &err);
    }
    char said[256];
    cd_contact_describe(&r, said, sizeof said);
    is_int(rc, 0, "%s: logged", c->name);
    is_str(status_of(store, tcm.id), c->tcm_status, "%s: the TCM contact", c->name);
    if (c->job_status)
        is_str(status_of(store, job), c->job_status, "%s: the job", c->name);
    is_int(r.late, c->late, "%s: late", c->name);
    is_int(r.attempts, c->attempts, "%s: attempts", c->name);
    is_int(r.attempts_satisfied, c->satisfied, "%s: satisfied", c->name);
    is_int(r.tcm_task_id, strcmp(c->calls[0].at, "2026-11-20T14:30") < 0 ? 0 : tcm.id,
           "%s: counted for the TCM contact", c->name);
    is_str(said, c->said, "%s: what it did", c->name);
    /* the Contacts tab shows the stored mark: the one rule, whatever job it was logged on */
    struct cd_page page = CD_PAGE_INIT;
    cd_contact_list(store, p, &page, &err);
    is_str(page_str(&page, 0, "late"), c->late ? "1" : "0", "%s: the list's late mark", c->name);
    cd_page_free(&page);
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
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(store, (int)i, &cases[i]);
    struct cd_contact_result none = {0};
    char said[64];
    cd_contact_describe(&none, said, sizeof said);
    is_str(said, "no open task", "a call with no task says so");
    is_str(cd_contact_outcome_label("no_answer"), "no answer", "outcomes in words: no answer");
    is_str(cd_contact_outcome_label("wrong_number"), "wrong number", "wrong number");
    is_str(cd_contact_outcome_label("reached"), "reached", "reached");
    cd_store_close(store);
    return done_testing();
}
