/* SPDX-License-Identifier: MIT */
/* The consistency check (see check.h): one query per kind of finding finds the candidates, and
 * the rule each breaks is asked of the core function that keeps it (the TCM visit window of
 * appointment.c, the late mark of contact.c, the patient's life of timerule.c, the month of
 * timeentry.c), so a rule is said once. */
#include "config.h"
#include "core/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/appointment.h"
#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/contact.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"
#include "core/timeentry.h"
#include "core/timeentry_sql.h"
#include "core/timerule.h"

#define OPEN_TASK "t.status = 'open'"
#define JOIN_PATIENT(alias) " JOIN patients p ON p.id = " alias ".patient_id "

/* mrn, task, appointment, its day, discharge date, complexity */
static const char SQL_VISIT_BOOKED[] =
    "SELECT p.mrn, t.id, a.id, a.status, substr(a.start_local, 1, 10), e.discharge_date, "
    "coalesce(e.complexity, 'moderate') FROM tasks t" JOIN_PATIENT(
        "t") "JOIN encounters e ON "
             "e.id = t.encounter_id JOIN appointments a ON a.patient_id = t.patient_id "
             "AND a.encounter_id = t.encounter_id AND a.kind = 'tcm_visit' "
             "AND (a.status = 'booked' OR a.status = 'kept') "
             "WHERE " OPEN_TASK " AND t.kind = 'tcm_visit' AND e.discharge_date IS NOT NULL "
             "ORDER BY t.id, a.start_at, a.id";
/* mrn, task, contact, at, outcome, task due_at: an interactive contact made for the task, or
 * after its discharge whatever task it was logged on (cd_contact_log completes the discharge's
 * TCM contact with any interactive contact made after it); a task with no discharge time on
 * record goes by when the task was made */
static const char SQL_CONTACT_MADE[] =
    "SELECT p.mrn, t.id, c.id, c.at, c.outcome, t.due_at FROM tasks t" JOIN_PATIENT(
        "t") "LEFT JOIN encounters e ON e.id = t.encounter_id JOIN contacts c ON c.patient_id = "
             "t.patient_id AND c.interactive = 1 AND (c.task_id = t.id OR c.at >= "
             "coalesce(e.discharge_at, t.created_at)) "
             "WHERE " OPEN_TASK " AND t.kind = 'tcm_contact' ORDER BY t.id, c.at, c.id";
/* mrn, task, kind: program tasks open without their program (the rule ending a program keeps) */
static const char SQL_TASK_UNENROLLED[] = "SELECT p.mrn, t.id, t.kind FROM tasks t" JOIN_PATIENT(
    "t") "WHERE " OPEN_TASK " AND " CD_SQL_TASK_UNENROLLED("t") " ORDER BY t.id";
/* mrn, task, contact, at, task created_at, the task's month when it is the month's outreach
 * (gen_key 'ccm_outreach:<patient>:<YYYY-MM>', made only while nobody was reached that month);
 * candidates from a day before that month, the month itself is decided in C (clinic zone) */
static const char SQL_OUTREACH_CONTACTED[] =
    "SELECT p.mrn, t.id, c.id, c.at, t.created_at, CASE WHEN t.gen_key LIKE 'ccm_outreach:%' "
    "THEN substr(t.gen_key, -7) END FROM tasks t" JOIN_PATIENT(
        "t") "JOIN contacts c ON "
             "c.patient_id = t.patient_id AND c.interactive = 1 AND (c.at >= t.created_at OR "
             "(t.gen_key LIKE 'ccm_outreach:%' AND c.at >= date(substr(t.gen_key, -7) || '-01', "
             "'-1 day'))) WHERE " OPEN_TASK
             " AND t.kind = 'ccm_outreach' ORDER BY t.id, c.at, c.id";
static const char SQL_TASK_DECEASED[] =
    "SELECT p.mrn, t.id, t.kind, p.deceased_at FROM tasks t" JOIN_PATIENT(
        "t") "WHERE " OPEN_TASK " AND p.deceased_at IS NOT NULL ORDER BY t.id";
static const char SQL_ENROLLMENT_DECEASED[] =
    "SELECT p.mrn, e.id, e.program, p.deceased_at FROM enrollments e" JOIN_PATIENT(
        "e") "WHERE e.status = 'active' AND p.deceased_at IS NOT NULL ORDER BY e.id";
static const char SQL_ENROLLMENT_PAST_END[] =
    "SELECT p.mrn, e.id, e.program, e.end_date FROM enrollments e" JOIN_PATIENT(
        "e") "WHERE e.status = 'active' AND e.end_date IS NOT NULL AND e.end_date < :today ORDER "
             "BY e.id";
/* mrn, appointment, status, its day, when it was marked */
static const char SQL_APPT_EARLY[] =
    "SELECT p.mrn, a.id, a.status, substr(a.start_local, 1, 10), a.updated_at FROM appointments "
    "a" JOIN_PATIENT("a") "WHERE (a.status = 'kept' OR a.status = 'no_show') "
                          "AND a.updated_at < a.start_at ORDER BY a.id";
/* mrn, appointment, what happened, when, when it was booked, the task it closed (or NULL) */
static const char SQL_APPT_UNBOOKED[] =
    "SELECT p.mrn, a.id, a.status, a.updated_at, a.created_at, NULL FROM appointments "
    "a" JOIN_PATIENT(
        "a") "WHERE a.status <> 'booked' AND a.updated_at < a.created_at "
             "UNION ALL SELECT p.mrn, a.id, 'closed', t.closed_at, a.created_at, t.id FROM tasks t "
             "JOIN appointments a ON a.id = t.appointment_id" JOIN_PATIENT(
                 "a") "WHERE t.closed_at < a.created_at ORDER BY 2, 6";
/* candidates only: the rule is cd_time_check_dates (a day either side for the zone) */
static const char SQL_TIME_LIFE[] =
    "SELECT p.mrn, s.id, s.patient_id, s.program, s.start_at FROM time_entries s" JOIN_PATIENT(
        "s") "WHERE s.voided = 0 AND ((p.birth_date IS NOT NULL AND s.start_at < "
             "date(p.birth_date, '+1 day')) OR (p.deceased_at IS NOT NULL AND s.start_at >= "
             "date(substr(p.deceased_at, 1, 10), '-1 day'))) ORDER BY s.id";
/* mrn, contact, at, late, the task's deadline */
static const char SQL_CONTACT_LATE[] =
    "SELECT p.mrn, c.id, c.at, c.late, t.due_at FROM contacts c JOIN tasks t ON t.id = c.task_id "
    "AND t.kind = 'tcm_contact'" JOIN_PATIENT("c") "ORDER BY c.id";

struct ctx {
    struct cd_store *store;
    struct cd_page *page;
    struct cd_error *err;
    int today;
    char today_s[CD_DATE_LEN];
    int64_t last_task; /* rows come by task: each task is reported once (reset per query) */
};

static int add(struct ctx *x, const char *kind, const char *mrn, const char *noun, int64_t id,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int add(struct ctx *x, const char *kind, const char *mrn, const char *noun, int64_t id,
               const char *fmt, ...)
{
    char record[48], finding[400];
    snprintf(record, sizeof record, "%s %lld", noun, (long long)id);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(finding, sizeof finding, fmt, ap);
    va_end(ap);
    const char *row[CD_CHECK_NCOLS] = {
        [CD_CHECK_COL_KIND] = kind,
        [CD_CHECK_COL_MRN] = mrn,
        [CD_CHECK_COL_RECORD] = record,
        [CD_CHECK_COL_FINDING] = finding,
    };
    if (cd_page_add_row(x->page, row))
        return cd_error_set(x->err, CD_ENOMEM, "out of memory");
    return 0;
}

/* The clinic-local date of instant S into OUT ("?" when S is not one). */
static const char *local_date(const char *s, char *out)
{
    time_t t;
    if (!s || cd_instant_parse(s, &t, NULL))
        return strcpy(out, "?");
    return cd_date_format(cd_instant_local_day(t), out);
}

/* The date of death: stored as the instant of the discharge that recorded it, or as a date. */
static const char *death_date(const char *s, char *out)
{
    int day;
    if (s && strlen(s) == 10 && !cd_date_parse(s, &day, NULL))
        return cd_date_format(day, out);
    return local_date(s, out);
}

/* Run SQL (binding :today when it has it) and hand each row to ROW. */
static int each(struct ctx *x, const char *sql, int (*row)(struct ctx *, struct cd_stmt *))
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(x->store, sql, &st, x->err);
    if (rc)
        return rc;
    if (cd_db_has_param(st, ":today"))
        cd_db_bind_text(st, ":today", x->today_s);
    while ((rc = cd_db_step(x->store, st, x->err)) == 1)
        if ((rc = row(x, st)))
            break;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

static int visit_booked(struct ctx *x, struct cd_stmt *st)
{
    int64_t task = cd_db_col_int(st, 1);
    int day, disch, last;
    if (task == x->last_task || cd_date_parse(cd_db_col_text(st, 4), &day, NULL) ||
        cd_date_parse(cd_db_col_text(st, 5), &disch, NULL))
        return 0;
    bool high = strcmp(cd_db_col_text(st, 6), "high") == 0;
    if (!cd_appointment_tcm_window(day, disch, high, &last))
        return 0;
    x->last_task = task;
    char last_s[CD_DATE_LEN];
    return add(x, "tcm_visit_booked", cd_db_col_text(st, 0), "task", task,
               "the TCM visit task is open although appointment %lld on %s is %s inside the "
               "window of the %s discharge (by %s)",
               (long long)cd_db_col_int(st, 2), cd_db_col_text(st, 4), cd_db_col_text(st, 3),
               cd_db_col_text(st, 5), cd_date_format(last, last_s));
}

static int contact_made(struct ctx *x, struct cd_stmt *st)
{
    int64_t task = cd_db_col_int(st, 1);
    if (task == x->last_task)
        return 0;
    x->last_task = task;
    time_t at, due;
    char at_s[CD_DATE_LEN], due_s[CD_DATE_LEN];
    bool late = !cd_instant_parse(cd_db_col_text(st, 3), &at, NULL) &&
                !cd_instant_parse(cd_db_col_text(st, 5), &due, NULL) && cd_contact_late(at, due);
    return add(x, "tcm_contact_made", cd_db_col_text(st, 0), "task", task,
               "the TCM contact task is open although the patient was %s on %s (contact %lld), "
               "%s the deadline of %s",
               strcmp(cd_db_col_text(st, 4), "caregiver") == 0 ? "reached through a caregiver"
                                                               : "reached",
               local_date(cd_db_col_text(st, 3), at_s), (long long)cd_db_col_int(st, 2),
               late ? "after" : "by", local_date(cd_db_col_text(st, 5), due_s));
}

static int task_unenrolled(struct ctx *x, struct cd_stmt *st)
{
    const char *kind = cd_db_col_text(st, 2);
    if (strcmp(kind, "ccm_outreach") == 0)
        return add(x, "outreach_not_enrolled", cd_db_col_text(st, 0), "task", cd_db_col_int(st, 1),
                   "the CCM outreach task is open although the patient has no active CCM, "
                   "complex CCM or PCM enrollment");
    return add(x, "tcm_not_enrolled", cd_db_col_text(st, 0), "task", cd_db_col_int(st, 1),
               "the %s task is open although the patient has no active TCM enrollment for its "
               "discharge",
               cd_task_kind_label(kind));
}

static int outreach_contacted(struct ctx *x, struct cd_stmt *st)
{
    int64_t task = cd_db_col_int(st, 1);
    const char *at = cd_db_col_text(st, 3), *made = cd_db_col_text(st, 4);
    const char *month = cd_db_col_text(st, 5);
    time_t t;
    char m[CD_MONTH_LEN], at_s[CD_DATE_LEN];
    if (task == x->last_task || !at || cd_instant_parse(at, &t, NULL))
        return 0;
    bool after = made && strcmp(at, made) >= 0;
    if (!after && !(month && strcmp(cd_month_of(t, m), month) == 0))
        return 0;
    x->last_task = task;
    return add(x, "outreach_contacted", cd_db_col_text(st, 0), "task", task,
               "the CCM outreach task is open although the patient was reached on %s "
               "(contact %lld)%s",
               local_date(at, at_s), (long long)cd_db_col_int(st, 2),
               after ? "" : ", earlier in its month");
}

static int task_deceased(struct ctx *x, struct cd_stmt *st)
{
    char d[CD_DATE_LEN];
    return add(x, "task_deceased", cd_db_col_text(st, 0), "task", cd_db_col_int(st, 1),
               "the %s task is open although the patient died on %s",
               cd_task_kind_label(cd_db_col_text(st, 2)), death_date(cd_db_col_text(st, 3), d));
}

static int enrollment_deceased(struct ctx *x, struct cd_stmt *st)
{
    char d[CD_DATE_LEN];
    return add(x, "enrollment_deceased", cd_db_col_text(st, 0), "enrollment", cd_db_col_int(st, 1),
               "the %s enrollment is active although the patient died on %s",
               cd_program_label(cd_db_col_text(st, 2)), death_date(cd_db_col_text(st, 3), d));
}

static int enrollment_past_end(struct ctx *x, struct cd_stmt *st)
{
    return add(x, "enrollment_past_end", cd_db_col_text(st, 0), "enrollment", cd_db_col_int(st, 1),
               "the %s enrollment is active although it ended on %s",
               cd_program_label(cd_db_col_text(st, 2)), cd_db_col_text(st, 3));
}

/* "kept", "a no-show", "cancelled", or the status as stored */
static const char *marked(const char *status)
{
    return strcmp(status, "no_show") == 0 ? "a no-show" : status;
}

static int appt_early(struct ctx *x, struct cd_stmt *st)
{
    char on[CD_DATE_LEN];
    int day, when;
    if (cd_date_parse(cd_db_col_text(st, 3), &day, NULL) ||
        cd_date_parse(local_date(cd_db_col_text(st, 4), on), &when, NULL) || when >= day)
        return 0; /* marked on the day: as cd_appointment_kept allows */
    return add(x, "appointment_early", cd_db_col_text(st, 0), "appointment", cd_db_col_int(st, 1),
               "the appointment on %s was marked %s on %s, before its day", cd_db_col_text(st, 3),
               marked(cd_db_col_text(st, 2)), on);
}

static int appt_unbooked(struct ctx *x, struct cd_stmt *st)
{
    char on[CD_DATE_LEN], booked[CD_DATE_LEN];
    local_date(cd_db_col_text(st, 3), on);
    local_date(cd_db_col_text(st, 4), booked);
    if (!cd_db_col_null(st, 5))
        return add(x, "appointment_unbooked", cd_db_col_text(st, 0), "appointment",
                   cd_db_col_int(st, 1),
                   "task %lld was closed by the appointment on %s, before it was booked on %s",
                   (long long)cd_db_col_int(st, 5), on, booked);
    return add(x, "appointment_unbooked", cd_db_col_text(st, 0), "appointment",
               cd_db_col_int(st, 1),
               "the appointment was marked %s on %s, before it was booked on %s",
               marked(cd_db_col_text(st, 2)), on, booked);
}

static int time_life(struct ctx *x, struct cd_stmt *st)
{
    time_t t;
    if (cd_instant_parse(cd_db_col_text(st, 4), &t, NULL))
        return 0;
    struct cd_error why = {0};
    int rc = cd_time_check_dates(x->store, cd_db_col_int(st, 2), cd_db_col_text(st, 3),
                                 cd_instant_local_day(t), &why);
    if (rc != CD_EINVAL)
        return rc == 0 ? 0 : cd_error_set(x->err, rc, "%s", why.msg);
    return add(x, "time_outside_life", cd_db_col_text(st, 0), "time entry", cd_db_col_int(st, 1),
               "%s", why.msg);
}

static int contact_late(struct ctx *x, struct cd_stmt *st)
{
    time_t at, due;
    char at_s[CD_DATE_LEN], due_s[CD_DATE_LEN];
    if (cd_instant_parse(cd_db_col_text(st, 2), &at, NULL) ||
        cd_instant_parse(cd_db_col_text(st, 4), &due, NULL))
        return 0;
    bool marked_late = cd_db_col_int(st, 3) != 0, late = cd_contact_late(at, due);
    if (marked_late == late)
        return 0;
    return add(x, "contact_late_flag", cd_db_col_text(st, 0), "contact", cd_db_col_int(st, 1),
               late ? "the TCM contact on %s is not marked late although made after the deadline "
                      "of %s"
                    : "the TCM contact on %s is marked late although made by the deadline of %s",
               local_date(cd_db_col_text(st, 2), at_s), local_date(cd_db_col_text(st, 4), due_s));
}

int cd_check_find(struct cd_store *store, time_t now, struct cd_page *page, struct cd_error *err)
{
    static const char *const names[] = {CD_CHECK_COLUMNS(CD_PAGE_COL_NAME)};
    if (page->ncols == 0 && cd_page_set_columns(page, CD_CHECK_NCOLS, names))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    CD_PAGE_ASSERT_COLUMNS(page, CD_CHECK_COLUMNS);
    struct ctx x = {.store = store, .page = page, .err = err, .today = cd_instant_local_day(now)};
    cd_date_format(x.today, x.today_s);
    static const struct {
        const char *sql;
        int (*row)(struct ctx *, struct cd_stmt *);
    } checks[] = {
        {SQL_VISIT_BOOKED, visit_booked},
        {SQL_CONTACT_MADE, contact_made},
        {SQL_TASK_UNENROLLED, task_unenrolled},
        {SQL_OUTREACH_CONTACTED, outreach_contacted},
        {SQL_TASK_DECEASED, task_deceased},
        {SQL_ENROLLMENT_DECEASED, enrollment_deceased},
        {SQL_ENROLLMENT_PAST_END, enrollment_past_end},
        {SQL_APPT_EARLY, appt_early},
        {SQL_APPT_UNBOOKED, appt_unbooked},
        {SQL_TIME_LIFE, time_life},
        {SQL_CONTACT_LATE, contact_late},
    };
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof checks / sizeof checks[0]; i++) {
        x.last_task = 0;
        rc = each(&x, checks[i].sql, checks[i].row);
    }
    return rc;
}

int cd_check_run(struct cd_store *store, struct cd_page *page, struct cd_error *err)
{
    size_t before = page->nrows;
    int rc = cd_check_find(store, cd_clock_now(), page, err);
    if (rc)
        return rc;
    char detail[64];
    size_t n = page->nrows - before;
    snprintf(detail, sizeof detail, "%zu finding%s", n, n == 1 ? "" : "s");
    return cd_audit_access(store, "database", 0, "check", detail, err);
}
