/* SPDX-License-Identifier: MIT */
/* Enrollments: one active enrollment per patient and program, the consent that makes its minutes
 * billable (date, method, who took it), and the end of an enrollment with its reason, one of the
 * table data/disenroll_reasons.tsv. */
#include "config.h"
#include "core/enrollment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/base/vocab.h"
#include "core/note.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"

static const char SQL_ACTIVE[] =
    "SELECT id, consent_method, start_date FROM enrollments "
    "WHERE patient_id = :pid AND program = :program AND status = 'active'";
static const char SQL_INSERT[] =
    "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
    "consent_method, consent_by, note, created_at, created_by) "
    "VALUES (:pid, :program, 'active', :date, :consent_date, :consent, :by, :note, :at, :by)";
static const char SQL_CONSENT[] =
    "UPDATE enrollments SET consent_date = :date, consent_method = :consent, consent_by = :by "
    "WHERE id = :id";
/* A note given with the end is kept after the enrollment's own note. */
static const char SQL_END[] =
    "UPDATE enrollments SET status = 'ended', end_date = :date, end_reason = :reason, "
    "note = CASE WHEN :note IS NULL THEN note WHEN note IS NULL THEN :note "
    "ELSE note || char(10) || :note END WHERE id = :id";
static const char SQL_ACTIVE_ANY[] =
    "SELECT id, program, start_date FROM enrollments WHERE patient_id = :pid "
    "AND status = 'active' AND (:program = 'all' OR program = :program) ORDER BY program, id";
static const char SQL_PROGRAMS[] =
    "SELECT program FROM enrollments WHERE patient_id = :pid AND status = 'active'";
static const char SQL_LIST[] =
    "SELECT e.id, e.program, e.status, e.start_date, e.end_date, e.consent_method, e.consent_date, "
    "u.login AS consent_by, e.note, e.end_reason FROM enrollments e "
    "LEFT JOIN users u ON u.id = e.consent_by WHERE e.patient_id = :pid "
    "ORDER BY e.start_date DESC, e.id DESC";

/* data/disenroll_reasons.tsv, parsed once (key TAB text per line, '#' comments). */
#define MAX_REASONS 32
static struct cd_end_reason reasons[MAX_REASONS];
static size_t reason_count;
static char *reason_text;

static void reasons_load(void)
{
    if (reason_text || reason_count)
        return;
    const char *src = cd_builtin_get("disenroll_reasons.tsv");
    if (!src || !(reason_text = cd_strdup(src)))
        return;
    char *col[2], *cursor = reason_text;
    size_t n;
    while (reason_count < MAX_REASONS && (n = cd_tsv_row(&cursor, col, 2)))
        if (n == 2 && *col[0]) /* a key and its text */
            reasons[reason_count++] = (struct cd_end_reason){.key = col[0], .text = col[1]};
}

const struct cd_end_reason *cd_enrollment_reason_find(const char *key)
{
    reasons_load();
    for (size_t i = 0; key && i < reason_count; i++)
        if (strcmp(reasons[i].key, key) == 0)
            return &reasons[i];
    return NULL;
}

size_t cd_enrollment_reason_count(void)
{
    reasons_load();
    return reason_count;
}

const struct cd_end_reason *cd_enrollment_reason_get(size_t i)
{
    reasons_load();
    return i < reason_count ? &reasons[i] : NULL;
}

int cd_enrollment_reason_check(const char *key, struct cd_error *err)
{
    if (cd_enrollment_reason_find(key))
        return 0;
    struct cd_strbuf known = CD_STRBUF_INIT;
    for (size_t i = 0; i < reason_count; i++)
        cd_strbuf_addf(&known, "%s%s", i ? (i + 1 == reason_count ? " or " : ", ") : "",
                       reasons[i].key);
    int rc = cd_error_set(err, CD_EINVAL, "reason: '%.40s' is not %s%s", key ? key : "",
                          reason_count > 1 ? "one of " : "",
                          known.len ? cd_strbuf_str(&known) : "a known reason");
    cd_strbuf_free(&known);
    return rc;
}

/* A date given by the user, or today; never in the future. */
static int check_date(const char *field, const char *date, int *day, struct cd_error *err)
{
    if (!date || !*date) {
        *day = cd_clock_today();
        return 0;
    }
    if (cd_date_parse(date, day, NULL))
        return cd_error_set(err, CD_EINVAL, "%s: '%s' is not a date (YYYY-MM-DD)", field, date);
    if (*day > cd_clock_today())
        return cd_error_set(err, CD_EINVAL, "%s: '%s' is in the future", field, date);
    return 0;
}

/* The active enrollment of PID in PROGRAM: *ID 0 when none; METHOD (16 bytes) and START
 * (CD_DATE_LEN) filled when found. */
static int find_active(struct cd_store *store, int64_t pid, const char *program, int64_t *id,
                       char *method, char *start, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ACTIVE, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_text(st, ":program", program);
    *id = 0;
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *id = cd_db_col_int(st, 0);
        const char *m = cd_db_col_text(st, 1);
        const char *s = cd_db_col_text(st, 2);
        snprintf(method, 16, "%s", m ? m : "none");
        snprintf(start, CD_DATE_LEN, "%s", s ? s : "");
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}

static int validate(const struct cd_enroll_in *in, int *day, struct cd_error *err)
{
    const char *why;
    if (!cd_program_enrollable(in->program))
        return cd_error_set(err, CD_EINVAL,
                            "program: '%s' is not one of ccm, ccm_complex, pcm, apcm, coordination",
                            in->program ? in->program : "");
    if (!in->consent || (strcmp(in->consent, "verbal") && strcmp(in->consent, "written") &&
                         strcmp(in->consent, "none")))
        return cd_error_set(err, CD_EINVAL, "consent: '%s' is not verbal, written or none",
                            in->consent ? in->consent : "");
    if ((why = cd_text_check(in->note, 500, false)))
        return cd_error_set(err, CD_EINVAL, "note: %s", why);
    return check_date("date", in->date, day, err);
}

static int record_consent(struct cd_store *store, int64_t id, const char *consent, const char *date,
                          struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CONSENT, &st, err)))
        return rc;
    cd_db_bind_text(st, ":date", date);
    cd_db_bind_text(st, ":consent", consent);
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc) {
        char detail[64];
        snprintf(detail, sizeof detail, "%s consent on %s", consent, date);
        rc = cd_audit_log(store, "enrollment", id, "consent", detail, err);
    }
    return rc;
}

static int insert(struct cd_store *store, int64_t pid, const struct cd_enroll_in *in,
                  const char *date, int64_t *id, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    bool consented = strcmp(in->consent, "none") != 0;
    char at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_text(st, ":program", in->program);
    cd_db_bind_text(st, ":date", date);
    cd_db_bind_opt(st, ":consent_date", consented ? date : NULL);
    cd_db_bind_text(st, ":consent", in->consent);
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    cd_db_bind_opt(st, ":note", in->note);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(store);
        char detail[128];
        snprintf(detail, sizeof detail, "%s %s from %s, consent %s", in->mrn, in->program, date,
                 in->consent);
        rc = cd_audit_log(store, "enrollment", *id, "enroll", detail, err);
    }
    return rc;
}

int cd_enrollment_enroll(struct cd_store *store, const struct cd_enroll_in *in, int64_t *id,
                         int *consent_added, struct cd_error *err)
{
    int day, added = 0;
    int64_t pid, eid = 0;
    char method[16], start[CD_DATE_LEN], date[CD_DATE_LEN];
    int rc = validate(in, &day, err);
    if (!rc)
        rc = cd_patient_find_mrn(store, in->mrn, &pid, err);
    if (rc)
        return rc;
    cd_date_format(day, date);
    if ((rc = cd_store_begin(store, err)))
        return rc;
    rc = find_active(store, pid, in->program, &eid, method, start, err);
    if (!rc && eid) {
        if (strcmp(method, "none") == 0 && strcmp(in->consent, "none") != 0) {
            rc = record_consent(store, eid, in->consent, date, err);
            added = 1;
        } else {
            rc = cd_error_set(err, CD_EEXIST, "%s is already enrolled in %s (since %s)", in->mrn,
                              in->program, start);
        }
    } else if (!rc) {
        rc = insert(store, pid, in, date, &eid, err);
    }
    rc = cd_store_finish(store, rc, err);
    if (rc)
        return rc;
    if (id)
        *id = eid;
    if (consent_added)
        *consent_added = added;
    return 0;
}

/* End enrollment EID (PATIENT MRN's PROGRAM) on END with REASON and NOTE, audited, and cancel the
 * tasks that existed only for it; *TASKS (may be NULL) grows by their number. */
static int end_one(struct cd_store *store, int64_t eid, int64_t patient, const char *mrn,
                   const char *program, const char *end, const char *reason, const char *note,
                   int *tasks, struct cd_error *err)
{
    struct cd_stmt *st = NULL;
    int rc = cd_db_stmt(store, SQL_END, &st, err);
    if (rc)
        return rc;
    cd_db_bind_text(st, ":date", end);
    cd_db_bind_opt(st, ":reason", reason);
    cd_db_bind_opt(st, ":note", note);
    cd_db_bind_int(st, ":id", eid);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    char detail[700];
    snprintf(detail, sizeof detail, "%s %s ended %s%s%s%s%s", mrn, program, end, reason ? ": " : "",
             reason ? reason : "", note && *note ? " - " : "", note ? note : "");
    if ((rc = cd_audit_log(store, "enrollment", eid, "end", detail, err)))
        return rc;
    /* the timeline's entry for it, when and by whom (a death writes its own single entry) */
    if (!reason || strcmp(reason, "died") != 0) {
        const struct cd_end_reason *r = reason ? cd_enrollment_reason_find(reason) : NULL;
        char text[700], now[CD_INSTANT_LEN];
        snprintf(text, sizeof text, "Ended %s%s%s%s%s", cd_program_label(program),
                 reason ? ": " : "",
                 r        ? r->text
                 : reason ? reason
                          : "",
                 note && *note ? ". " : "", note && *note ? note : "");
        if ((rc =
                 cd_note_system(store, patient, text, cd_instant_format(cd_clock_now(), now), err)))
            return rc;
    }
    char why[80];
    int n = 0;
    snprintf(why, sizeof why, "program ended%s%s", reason ? ": " : "", reason ? reason : "");
    rc = cd_task_cancel_for_program(store, patient, program, why, &n, err);
    if (!rc && tasks)
        *tasks += n;
    return rc;
}

int cd_enrollment_end(struct cd_store *store, const char *mrn, const char *program,
                      const char *date, const char *reason, const char *note, int *tasks,
                      struct cd_error *err)
{
    if (tasks)
        *tasks = 0;
    int day;
    int64_t pid, eid = 0;
    char method[16], start[CD_DATE_LEN], end[CD_DATE_LEN];
    const char *why;
    if (!cd_program_valid(program))
        return cd_error_set(err, CD_EINVAL, "program: '%s' is not a program",
                            program ? program : "");
    if (reason && cd_enrollment_reason_check(reason, err))
        return err ? err->code : CD_EINVAL;
    if ((why = cd_text_check(note, 500, false)))
        return cd_error_set(err, CD_EINVAL, "note: %s", why);
    int rc = check_date("date", date, &day, err);
    if (!rc)
        rc = cd_patient_find_mrn(store, mrn, &pid, err);
    if (rc)
        return rc;
    cd_date_format(day, end);
    if ((rc = cd_store_begin(store, err)))
        return rc;
    rc = find_active(store, pid, program, &eid, method, start, err);
    if (!rc && !eid)
        rc = cd_error_set(err, CD_ENOTFOUND, "%s is not enrolled in %s", mrn, program);
    if (!rc && strcmp(end, start) < 0)
        rc = cd_error_set(err, CD_EINVAL, "date: '%s' is before the enrollment began (%s)", end,
                          start);
    if (!rc)
        rc = end_one(store, eid, pid, mrn, program, end, reason, note && *note ? note : NULL, tasks,
                     err);
    rc = cd_store_finish(store, rc, err);
    if (rc && tasks)
        *tasks = 0;
    return rc;
}

int cd_enrollment_end_active(struct cd_store *store, int64_t patient_id, const char *program,
                             int day, const char *reason, char *ended, size_t size, int *n,
                             int *tasks, struct cd_error *err)
{
    struct found {
        int64_t id;
        char program[16], start[CD_DATE_LEN];
    } *list = NULL;
    size_t count = 0, cap = 0;
    char mrn[CD_PATIENT_MRN_MAX + 1] = "";
    if (n)
        *n = 0;
    if (tasks)
        *tasks = 0;
    if (ended && size)
        ended[0] = '\0';
    if (!program || (strcmp(program, "all") != 0 && !cd_program_valid(program)))
        return cd_error_set(err, CD_EINVAL, "program: '%.40s' is not a program or all",
                            program ? program : "");
    int rc = cd_enrollment_reason_check(reason, err);
    if (rc)
        return rc;
    if ((rc = cd_patient_mrn_of(store, patient_id, mrn, err)))
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    struct cd_stmt *st;
    if (!(rc = cd_db_stmt(store, SQL_ACTIVE_ANY, &st, err))) {
        cd_db_bind_int(st, ":pid", patient_id);
        cd_db_bind_text(st, ":program", program);
        /* collect first: ending rows while the SELECT steps would disturb it */
        while ((rc = cd_db_step(store, st, err)) == 1) {
            if (count == cap) {
                struct found *grown = realloc(list, (cap = cap ? 2 * cap : 4) * sizeof *list);
                if (!grown) {
                    rc = cd_error_set(err, CD_ENOMEM, "out of memory");
                    break;
                }
                list = grown;
            }
            struct found *f = &list[count++];
            f->id = cd_db_col_int(st, 0);
            snprintf(f->program, sizeof f->program, "%s", cd_db_col_text(st, 1));
            snprintf(f->start, sizeof f->start, "%s", cd_db_col_text(st, 2));
        }
        cd_db_done(st);
    }
    char date[CD_DATE_LEN];
    cd_date_format(day, date);
    size_t used = 0;
    for (size_t i = 0; rc == 0 && i < count; i++) {
        /* an enrollment that began after DAY ends the day it began */
        const char *end = strcmp(date, list[i].start) < 0 ? list[i].start : date;
        rc = end_one(store, list[i].id, patient_id, mrn, list[i].program, end, reason, NULL, tasks,
                     err);
        bool again = i > 0 && strcmp(list[i - 1].program, list[i].program) == 0;
        if (!rc && ended && used < size && !again) {
            int w = snprintf(ended + used, size - used, "%s%s", used ? "," : "", list[i].program);
            used = w > 0 && (size_t)w < size - used ? used + (size_t)w : size;
        }
    }
    free(list);
    rc = cd_store_finish(store, rc, err);
    if (!rc && n)
        *n = (int)count;
    if (rc && tasks)
        *tasks = 0;
    return rc;
}

int cd_enrollment_default_program(struct cd_store *store, int64_t patient_id, char *out,
                                  struct cd_error *err)
{
    int rc;
    static const char *const order[] = {"ccm_complex", "pcm", "ccm", "apcm", "tcm"};
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PROGRAMS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    size_t best = sizeof order / sizeof order[0];

    while ((rc = cd_db_step(store, st, err)) == 1) {
        const char *p = cd_db_col_text(st, 0);
        for (size_t i = 0; p && i < best; i++)
            if (strcmp(order[i], p) == 0)
                best = i;
    }
    cd_db_done(st);
    if (rc)
        return rc;
    snprintf(out, 16, "%s", best < sizeof order / sizeof order[0] ? order[best] : "coordination");
    return 0;
}

int cd_enrollment_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                       struct cd_error *err)
{
    return cd_db_query_page(store, SQL_LIST, ":pid", patient_id, NULL, NULL, page, err);
}
