/* SPDX-License-Identifier: MIT */
/* Contact attempts and the TCM contact rules (see contact.h for the interpretation). */
#include "config.h"
#include "core/contact.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/base/text.h"
#include "core/enrollment.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"
#include "core/timerule.h"

static const char SQL_INSERT[] =
    "INSERT INTO contacts(patient_id, task_id, user_id, at, channel, outcome, interactive, late, "
    "note) VALUES (:patient, :task, :user, :at, :channel, :outcome, :interactive, :late, :note)";
/* Unsuccessful attempts toward a TCM contact task: those logged on it, and any made since its
 * discharge whatever row they were logged on (attempts are about reaching the patient); the
 * deadline (cd_contact_late) and the days (clinic zone) are decided in C. */
static const char SQL_ATTEMPTS[] =
    "SELECT at FROM contacts WHERE patient_id = :patient AND interactive = 0 AND (task_id = :task "
    "OR at >= (SELECT discharge_at FROM encounters WHERE id = :enc)) ORDER BY at";
/* What any interactive contact also answers: this month's outreach, callbacks due by today. */
static const char SQL_ANSWERED[] =
    "SELECT id, kind FROM tasks WHERE patient_id = :patient AND status = 'open' AND id <> :task "
    "AND (kind = 'ccm_outreach' OR (kind = 'callback' AND due_date <= :today)) ORDER BY id";
static const char SQL_DISCHARGE_AT[] = "SELECT discharge_at FROM encounters WHERE id = :enc";
static const char SQL_LIST[] =
    "SELECT c.at, u.login AS user, c.channel, c.outcome, c.interactive, c.late, c.task_id, c.note "
    "FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.patient_id = :patient "
    "ORDER BY c.at DESC, c.id DESC";
static const char SQL_COUNT[] = "SELECT count(*) FROM contacts WHERE patient_id = :patient";
static const char SQL_ACTIVE_PROGRAMS[] =
    "SELECT group_concat(program, ',') FROM (SELECT DISTINCT program FROM enrollments "
    "WHERE patient_id = :patient AND status = 'active' ORDER BY program)";

static const char *const outcomes[] = {"reached",      "caregiver", "voicemail", "no_answer",
                                       "wrong_number", "refused",   NULL};
static const char *const channels[] = {"phone", "video", "portal", "in_person", NULL};

static bool in_list(const char *v, const char *const *list)
{
    for (; v && *list; list++)
        if (strcmp(v, *list) == 0)
            return true;
    return false;
}

bool cd_contact_interactive(const char *outcome, bool *known)
{
    if (known)
        *known = in_list(outcome, outcomes);
    return outcome && (strcmp(outcome, "reached") == 0 || strcmp(outcome, "caregiver") == 0);
}

bool cd_contact_late(time_t at, time_t due_at)
{
    return at > due_at;
}

/* Distinct clinic-local days among the TCM contact task's timely unsuccessful attempts. */
static int attempt_days(struct cd_store *store, const struct cd_task *task, int *n,
                        struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ATTEMPTS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":patient", task->patient_id);
    cd_db_bind_int(st, ":task", task->id);
    cd_db_bind_id(st, ":enc", task->encounter_id);
    int last = -1000000;
    *n = 0;
    while ((rc = cd_db_step(store, st, err)) == 1) {
        time_t t;
        if (cd_instant_parse(cd_db_col_text(st, 0), &t, NULL) || cd_contact_late(t, task->due_at))
            continue;
        int day = cd_instant_local_day(t);
        if (day != last)
            (*n)++;
        last = day;
    }
    cd_db_done(st);
    return rc;
}

/* Name LABEL among what the call completed besides its own task (once per label). */
static void add_also(struct cd_contact_result *res, const char *label)
{
    size_t n = strlen(res->also), len = strlen(label);
    for (const char *p = res->also; (p = strstr(p, label)); p += len)
        if ((p == res->also || p[-1] == ' ') && (p[len] == '\0' || p[len] == ','))
            return;
    snprintf(res->also + n, sizeof res->also - n, "%s%s", n ? ", " : "", label);
}

/* Complete the patient's open tasks an interactive contact answers, besides TASK_ID. */
static int complete_answered(struct cd_store *store, int64_t patient_id, int64_t task_id,
                             const char *reason, struct cd_contact_result *res,
                             struct cd_error *err)
{
    int64_t ids[16];
    char kinds[16][24];
    int count, rc;
    char today[CD_DATE_LEN];
    cd_date_format(cd_clock_today(), today);
    do {
        struct cd_stmt *st;
        if ((rc = cd_db_stmt(store, SQL_ANSWERED, &st, err)))
            return rc;
        cd_db_bind_int(st, ":patient", patient_id);
        cd_db_bind_int(st, ":task", task_id);
        cd_db_bind_text(st, ":today", today);
        count = 0;
        while ((rc = cd_db_step(store, st, err)) == 1 && count < 16) {
            ids[count] = cd_db_col_int(st, 0);
            snprintf(kinds[count++], sizeof kinds[0], "%s", cd_db_col_text(st, 1));
        }
        cd_db_done(st);
        if (rc < 0)
            return rc;
        for (int i = 0; i < count; i++) {
            if ((rc = cd_task_complete(store, ids[i], reason, err)))
                return rc;
            res->others_completed++;
            add_also(res, cd_task_kind_label(kinds[i]));
        }
    } while (count == 16);
    return 0;
}

/* Kinds a successful call completes when it was made from their row. */
static bool call_completes(const char *kind)
{
    static const char *const kinds[] = {"callback", "ccm_outreach", "followup",
                                        "referral", "other",        NULL};
    return in_list(kind, kinds);
}

/* The task the attempt was logged on: the named one, else the patient's open TCM contact. */
static int find_task(struct cd_store *store, const struct cd_contact_in *in, struct cd_task *task,
                     struct cd_error *err)
{
    int rc;
    if (in->task_id) {
        if ((rc = cd_task_get(store, in->task_id, task, err)))
            return rc;
        if (task->patient_id != in->patient_id)
            return cd_error_set(err, CD_EINVAL, "task: %lld is not this patient's task",
                                (long long)in->task_id);
        if (strcmp(task->status, "open") != 0)
            return cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open",
                                (long long)in->task_id);
        return 0;
    }
    rc = cd_task_find_open(store, in->patient_id, "tcm_contact", task, NULL);
    if (rc && rc != CD_ENOTFOUND)
        return cd_error_set(err, rc, "looking up the TCM contact task failed");
    return rc;
}

/* The open TCM contact task a contact at AT counts for into *TCM: TASK when it is one, else the
 * patient's, when AT is not before its discharge. CD_ENOTFOUND when there is none. */
static int find_tcm(struct cd_store *store, const struct cd_contact_in *in, time_t at,
                    const struct cd_task *task, struct cd_task *tcm, struct cd_error *err)
{
    int rc = 0;
    if (task && strcmp(task->kind, "tcm_contact") == 0)
        *tcm = *task;
    else if (!task)
        return CD_ENOTFOUND; /* find_task looked it up already */
    else if ((rc = cd_task_find_open(store, in->patient_id, "tcm_contact", tcm, NULL)))
        return rc == CD_ENOTFOUND ? rc
                                  : cd_error_set(err, rc, "looking up the TCM contact task failed");
    struct cd_stmt *st;
    if (!tcm->encounter_id || (rc = cd_db_stmt(store, SQL_DISCHARGE_AT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":enc", tcm->encounter_id);
    time_t discharged;
    if ((rc = cd_db_step(store, st, err)) == 1 && !cd_db_col_null(st, 0) &&
        !cd_instant_parse(cd_db_col_text(st, 0), &discharged, NULL) && at < discharged)
        rc = CD_ENOTFOUND; /* a call before the discharge is not its TCM contact */
    else if (rc == 1)
        rc = 0;
    cd_db_done(st);
    return rc;
}

/* An interactive contact completes the TCM contact task (and the task it was logged on when a call
 * does that job, and what any interactive contact answers); an unsuccessful one counts toward the
 * TCM contact's two attempts. */
static int record(struct cd_store *store, const struct cd_contact_in *in, time_t at,
                  struct cd_contact_result *res, struct cd_error *err)
{
    struct cd_task task, tcm;
    int rc = find_task(store, in, &task, err);
    bool has_task = rc == 0;
    if (rc && (rc != CD_ENOTFOUND || in->task_id))
        return rc;
    rc = find_tcm(store, in, at, has_task ? &task : NULL, &tcm, err);
    bool has_tcm = rc == 0;
    if (rc && rc != CD_ENOTFOUND)
        return rc;
    if (has_task) {
        res->task_id = task.id;
        snprintf(res->task_kind, sizeof res->task_kind, "%s", task.kind);
    }
    if (has_tcm) {
        res->tcm_task_id = tcm.id;
        res->task_due_day = tcm.due_day;
        res->late = cd_contact_late(at, tcm.due_at);
    }
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    char when[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":patient", in->patient_id);
    cd_db_bind_id(st, ":task", res->task_id);
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":at", cd_instant_format(at, when));
    cd_db_bind_text(st, ":channel", in->channel && *in->channel ? in->channel : "phone");
    cd_db_bind_text(st, ":outcome", in->outcome);
    cd_db_bind_int(st, ":interactive", res->interactive);
    cd_db_bind_int(st, ":late", res->late);
    cd_db_bind_opt(st, ":note", in->note);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    res->contact_id = cd_db_last_id(store);
    if ((rc = cd_audit_log(store, "contact", res->contact_id, "log", in->outcome, err)))
        return rc;
    if (!res->interactive) {
        if (!has_tcm || (rc = attempt_days(store, &tcm, &res->attempts, err)))
            return rc;
        res->attempts_satisfied = tcm.attempts_satisfied || res->attempts >= 2;
        if (res->attempts_satisfied && !tcm.attempts_satisfied)
            rc = cd_task_set_attempts_satisfied(store, tcm.id, err);
        return rc;
    }
    const char *who = strcmp(in->outcome, "reached") == 0 ? "patient reached" : "caregiver reached";
    if (has_task && call_completes(task.kind)) {
        if ((rc = cd_task_complete(store, task.id, who, err)))
            return rc;
        res->task_completed = 1;
    }
    if (has_tcm) {
        char reason[64];
        snprintf(reason, sizeof reason, "%s%s", who, res->late ? " (late)" : "");
        if ((rc = cd_task_complete(store, tcm.id, reason, err)))
            return rc;
        res->tcm_completed = 1;
        res->attempts_satisfied = tcm.attempts_satisfied;
        if (tcm.id == res->task_id)
            res->task_completed = 1;
        else
            add_also(res, res->late ? "TCM contact (late)" : "TCM contact");
    }
    return complete_answered(store, in->patient_id, res->task_id, who, res, err);
}

/* The patient's active programs, "ccm,tcm", into OUT. */
static int active_programs(struct cd_store *store, int64_t patient, char *out, size_t size,
                           struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_ACTIVE_PROGRAMS, &st, err);
    out[0] = '\0';
    if (rc)
        return rc;
    cd_db_bind_int(st, ":patient", patient);
    rc = cd_db_step(store, st, err);
    if (rc == 1 && !cd_db_col_null(st, 0))
        snprintf(out, size, "%s", cd_db_col_text(st, 0));
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* The refusal ends IN's END_PROGRAM (or every program) as of the call's day. */
static int end_refused(struct cd_store *store, const struct cd_contact_in *in, time_t at,
                       struct cd_contact_result *res, struct cd_error *err)
{
    int n;
    int rc = cd_enrollment_end_active(store, in->patient_id, in->end_program,
                                      cd_instant_local_day(at), "refused", res->ended,
                                      sizeof res->ended, &n, &res->tasks_cancelled, err);
    if (rc || n)
        return rc;
    char mrn[CD_PATIENT_MRN_MAX + 1];
    if ((rc = cd_patient_mrn_of(store, in->patient_id, mrn, err)))
        return rc;
    if (strcmp(in->end_program, "all") == 0)
        return cd_error_set(err, CD_ENOTFOUND, "%s is not enrolled in any program", mrn);
    return cd_error_set(err, CD_ENOTFOUND, "%s is not enrolled in %s", mrn, in->end_program);
}

int cd_contact_log(struct cd_store *store, const struct cd_contact_in *in,
                   struct cd_contact_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    bool known;
    res->interactive = cd_contact_interactive(in->outcome, &known);
    if (!known)
        return cd_error_set(err, CD_EINVAL,
                            "outcome: '%.40s' is not reached, caregiver, voicemail, no_answer, "
                            "wrong_number or refused",
                            in->outcome ? in->outcome : "");
    if (in->channel && *in->channel && !in_list(in->channel, channels))
        return cd_error_set(err, CD_EINVAL,
                            "channel: '%.40s' is not phone, video, portal or in_person",
                            in->channel);
    if (in->note && *in->note) {
        size_t n = strlen(in->note);
        if (n > 4000)
            return cd_error_set(err, CD_EINVAL, "note: is %zu bytes; at most 4000", n);
        if (!cd_utf8_valid(in->note, n))
            return cd_error_set(err, CD_EINVAL, "note: is not valid UTF-8");
        if (cd_text_has_control(in->note, true))
            return cd_error_set(err, CD_EINVAL, "note: has a control character");
    }
    time_t at = in->at ? in->at : cd_clock_now();
    if (at > cd_clock_now() + 60)
        return cd_error_set(err, CD_EINVAL, "at: a contact cannot be in the future");
    if (in->end_program && strcmp(in->outcome, "refused") != 0)
        return cd_error_set(err, CD_EINVAL,
                            "end program: only a refusal ends a program (the outcome is %s)",
                            in->outcome);
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    /* no call reaches a patient after death, nor counts for a TCM contact */
    rc = cd_time_check_life(store, in->patient_id, "contact", cd_instant_local_day(at), err);
    if (!rc)
        rc = record(store, in, at, res, err);
    if (!rc && in->end_program)
        rc = end_refused(store, in, at, res, err);
    if (!rc && strcmp(in->outcome, "refused") == 0)
        rc = active_programs(store, in->patient_id, res->active, sizeof res->active, err);
    return cd_store_finish(store, rc, err);
}

void cd_contact_describe(const struct cd_contact_result *r, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (n < size)                                                                              \
            n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__);                                 \
    } while (0)
#define SEP (n ? "; " : "")
    bool own_tcm = r->tcm_task_id && r->tcm_task_id == r->task_id;
    if (r->task_id && !own_tcm)
        PUT("%s %s", cd_task_kind_label(r->task_kind), r->task_completed ? "done" : "still open");
    if (r->tcm_task_id && r->interactive && own_tcm)
        PUT("%sTCM contact done%s", SEP, r->late ? ", late" : "");
    else if (r->tcm_task_id && !r->interactive && r->late)
        PUT("%sTCM contact: a late attempt does not count", SEP);
    else if (r->tcm_task_id && !r->interactive && r->attempts_satisfied)
        PUT("%sTCM contact: attempts satisfied, stays open until reached", SEP);
    else if (r->tcm_task_id && !r->interactive)
        PUT("%sTCM contact: %d of 2 attempts on separate days", SEP, r->attempts);
    if (r->also[0])
        PUT("%salso done: %s", SEP, r->also);
    if (!n)
        PUT("no open task");
#undef SEP
#undef PUT
}

int cd_contact_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                    struct cd_error *err)
{
    int rc = cd_db_query_page(store, SQL_LIST, ":patient", patient_id, NULL, NULL, page, err);
    if (!rc)
        CD_PAGE_ASSERT_COLUMNS(page, CD_CONTACT_COLUMNS);
    return rc;
}

int cd_contact_count(struct cd_store *store, int64_t patient_id, int64_t *count,
                     struct cd_error *err)
{
    int rc;
    *count = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_COUNT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":patient", patient_id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *count = cd_db_col_int(st, 0);
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}
