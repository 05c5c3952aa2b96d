/* SPDX-License-Identifier: MIT */
/* Generation of the day's worklist tasks, set-based: one INSERT ... SELECT per kind, then the
 * audit entries of the tasks it made (chained one by one by cd_audit_log_rows), all in one
 * transaction, so a 100,000-patient month start is quick. */
#include "config.h"
#include "core/worklist.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/billing.h"
#include "core/calendar.h"
#include "core/store/access.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/timeentry_sql.h"

#define CCM_PROGRAMS CD_SQL_CARE_PROGRAMS
/* The business days left in the month that make a shortfall urgent (as the ordering rule). */
#define SHORT_DAYS 5

static const char SQL_MARK_GET[] = "SELECT value FROM settings WHERE key = 'worklist_generated'";
static const char SQL_MARK_SET[] =
    "INSERT INTO settings(key, value) VALUES ('worklist_generated', :day) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
static const char SQL_LAST_TASK[] = "SELECT coalesce(max(id), 0) FROM tasks";
static const char SQL_LAST_PATIENT[] = "SELECT coalesce(max(id), 0) FROM patients";
/* Patients per generation transaction (see cd_worklist_generate). */
#define GEN_BATCH 8192
/* The audit entries cd_task_create writes (cd_audit_log: task, id, create, kind), for every task
 * this generation step inserted: ids above the largest before it (one writer: BEGIN IMMEDIATE).
 * Rows for cd_audit_log_rows: entity entity_id action detail patient_id. */
static const char SQL_AUDIT_CREATED[] =
    "SELECT 'task', id, 'create', kind, patient_id FROM tasks WHERE id > :after ORDER BY id";
/* Earlier months' outreach: audited as cd_task_cancel does, then cancelled (same rows: the
 * transaction holds the write lock between the two). */
#define STALE                                                                                      \
    "status = 'open' AND due_date < :month_start AND kind = 'ccm_outreach' "                       \
    "AND patient_id BETWEEN :lo AND :hi"
static const char SQL_AUDIT_STALE[] =
    "SELECT 'task', id, 'cancel', 'the month ended', patient_id FROM tasks WHERE " STALE
    " ORDER BY id";
static const char SQL_CANCEL_STALE[] =
    "UPDATE tasks SET status = 'cancelled', closed_at = :at, closed_by = NULL, "
    "close_reason = 'the month ended', version = version + 1 WHERE " STALE;
/* The rows it writes name no one (created_by, closed_by NULL: the timeline says "caredesk"), since
 * whoever's command happened to run the day's generation did not make them; the audit entries
 * keep the user whose process ran it. */
/* Enrolled CCM patients with no interactive contact this month and no outreach for it yet. The
 * coordinator is the assignee; without one the task waits in the ccm queue. */
static const char SQL_OUTREACH[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, assignee_id, team, gen_key, "
    "created_at, created_by) "
    "SELECT e.patient_id, 'ccm_outreach', 'No ' || cd_label('program_phrase', min(e.program)) || "
    "' contact yet this month', :due_at, :today, p.coordinator_id, "
    "CASE WHEN p.coordinator_id IS NULL THEN 'ccm' END, "
    "'ccm_outreach:' || e.patient_id || ':' || :month, :at, NULL "
    "FROM enrollments e JOIN patients p ON p.id = e.patient_id WHERE +e.program IN " CCM_PROGRAMS
    " AND e.status = 'active' AND e.start_date <= :today AND p.deceased_at IS NULL "
    "AND e.patient_id BETWEEN :lo AND :hi "
    "AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.patient_id = e.patient_id "
    "  AND c.at >= :month_start_at AND c.interactive = 1) "
    "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.gen_key = "
    "  'ccm_outreach:' || e.patient_id || ':' || :month) "
    "GROUP BY e.patient_id ORDER BY e.patient_id";
/* Late in the month: patients short of their strongest program's first-code minutes (billing's
 * table: complex CCM 60, PCM 30, CCM 20 today) who have no open outreach and no minutes task this
 * month. */
static const char SQL_MINUTES[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, assignee_id, team, gen_key, "
    "created_at, created_by) "
    "SELECT c.patient_id, 'ccm_outreach', "
    "cd_label('program_phrase', c.program) || ' minutes short this month', "
    ":due_at, :today, c.coordinator_id, CASE WHEN c.coordinator_id IS NULL THEN 'ccm' END, "
    "'ccm_minutes:' || c.patient_id || ':' || :month, :at, NULL FROM ("
    "  SELECT e.patient_id, p.coordinator_id, CASE max(CASE e.program WHEN 'ccm_complex' THEN 3 "
    "    WHEN 'ccm' THEN 2 ELSE 1 END) WHEN 3 THEN 'ccm_complex' WHEN 2 THEN 'ccm' ELSE 'pcm' END "
    "    AS program FROM enrollments e JOIN patients p ON p.id = e.patient_id "
    "  WHERE +e.program IN " CCM_PROGRAMS " AND e.status = 'active' AND e.start_date <= :today "
    "  AND e.patient_id BETWEEN :lo AND :hi AND p.deceased_at IS NULL AND NOT EXISTS (SELECT 1 "
    "FROM tasks t "
    "    WHERE t.patient_id = e.patient_id AND t.status = 'open' AND t.kind = 'ccm_outreach') "
    "  AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.gen_key = "
    "    'ccm_minutes:' || e.patient_id || ':' || :month) "
    "  GROUP BY e.patient_id) AS c "
    "WHERE coalesce(" CD_SQL_MONTH_SECONDS(
        "c.patient_id") ", 0) "
                        "  < 60 * CASE c.program WHEN 'ccm_complex' THEN :need_ccm_complex WHEN "
                        "'pcm' THEN :need_pcm "
                        "  ELSE :need_ccm END "
                        "ORDER BY c.patient_id";
/* Active care plans whose current version's review date has come, without their review task. */
#define REVIEWS_DUE                                                                                \
    "FROM care_plans p JOIN care_plan_versions v ON v.care_plan_id = p.id "                        \
    "AND v.version = p.current_version "                                                           \
    "WHERE p.status = 'active' AND v.next_review_date IS NOT NULL "                                \
    "AND v.next_review_date <= :today AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.gen_key = "    \
    "'careplan_review:' || p.id || ':' || v.next_review_date)"
static const char SQL_REVIEW_DATES[] = "SELECT v.next_review_date, min(p.id) " REVIEWS_DUE
                                       " GROUP BY v.next_review_date ORDER BY v.next_review_date";
/* :due maps each review date to the end of that day in the clinic ({"2026-11-20": "...Z"}):
 * the zone's offset is the C library's to compute, not SQL's. */
static const char SQL_REVIEWS[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, assignee_id, gen_key, "
    "created_at, created_by) "
    "SELECT p.patient_id, 'careplan_review', 'Care plan review due ' || v.next_review_date, "
    "d.value, v.next_review_date, (SELECT pt.coordinator_id FROM patients pt "
    "WHERE pt.id = p.patient_id), 'careplan_review:' || p.id || ':' || v.next_review_date, :at, "
    "NULL FROM json_each(:due) d, care_plans p JOIN care_plan_versions v "
    "ON v.care_plan_id = p.id AND v.version = p.current_version "
    "WHERE p.status = 'active' AND v.next_review_date = d.key AND v.next_review_date <= :today "
    "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.gen_key = "
    "'careplan_review:' || p.id || ':' || v.next_review_date) ORDER BY p.id";

struct gen_ctx {
    int today;
    char today_s[CD_DATE_LEN];
    char month[8]; /* YYYY-MM */
    char month_start[CD_DATE_LEN];
    char month_start_at[CD_INSTANT_LEN];
    char due_at[CD_INSTANT_LEN]; /* the end of today */
    char at[CD_INSTANT_LEN];     /* now: created_at, closed_at and the audit rows */
    int64_t lo, hi;              /* the batch: patients with ids in [lo, hi] */
};

static void bind_ctx(struct cd_stmt *st, const struct gen_ctx *g)
{
    /* only the parameters the statement names */
    static const char *const names[] = {":today",          ":month",  ":month_start",
                                        ":month_start_at", ":due_at", ":at"};
    const char *values[] = {g->today_s,        g->month,  g->month_start,
                            g->month_start_at, g->due_at, g->at};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (cd_db_has_param(st, names[i]))
            cd_db_bind_text(st, names[i], values[i]);
    /* the thresholds come from the billing table, never from here */
    static const char *const programs[] = {"ccm", "ccm_complex", "pcm"};
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, ":need_%s", programs[i]);
        if (cd_db_has_param(st, name))
            cd_db_bind_int(st, name, cd_billing_first_minutes(programs[i], "clinical_staff"));
    }
    if (cd_db_has_param(st, ":lo")) {
        cd_db_bind_int(st, ":lo", g->lo);
        cd_db_bind_int(st, ":hi", g->hi);
    }
}

/* Run SQL (an INSERT or UPDATE) with G's values, plus :due when DUE is not NULL; *N = its rows. */
static int run(struct cd_store *store, const char *sql, const struct gen_ctx *g, const char *due,
               int *n, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, sql, &st, err)))
        return rc;
    bind_ctx(st, g);
    if (due)
        cd_db_bind_text(st, ":due", due);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc && n)
        *n = cd_db_changes(store);
    return rc;
}

/* The integer SQL (no parameters) answers into *OUT. */
static int query_int(struct cd_store *store, const char *sql, int64_t *out, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, sql, &st, err)))
        return rc;
    rc = cd_db_step(store, st, err);
    if (rc == 1)
        *out = cd_db_col_int(st, 0);
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* Insert tasks with SQL and audit each as created, as cd_task_create would; *N = tasks made. */
static int insert_audited(struct cd_store *store, const char *sql, const struct gen_ctx *g,
                          const char *due, int *n, struct cd_error *err)
{
    int64_t after = 0;
    int rc = query_int(store, SQL_LAST_TASK, &after, err);
    if (!rc)
        rc = run(store, sql, g, due, n, err);
    if (rc || *n == 0)
        return rc;
    struct cd_stmt *st;
    int audited;
    if ((rc = cd_db_stmt(store, SQL_AUDIT_CREATED, &st, err)))
        return rc;
    cd_db_bind_int(st, ":after", after);
    rc = cd_audit_log_rows(store, st, &audited, err);
    cd_db_done(st);
    return rc;
}

/* The review dates due, as the :due map; CD_EINVAL naming the first plan with a bad date. */
static int review_dates(struct cd_store *store, const struct gen_ctx *g, struct cd_strbuf *due,
                        int *ndates, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_REVIEW_DATES, &st, err)))
        return rc;
    cd_db_bind_text(st, ":today", g->today_s);
    int day;
    int64_t bad_plan = 0;
    char bad_date[24] = "";
    *ndates = 0;
    cd_strbuf_add(due, "{");
    while ((rc = cd_db_step(store, st, err)) == 1) {
        const char *date = cd_db_col_text(st, 0);
        int64_t plan = cd_db_col_int(st, 1);
        if (cd_date_parse(date, &day, NULL)) {
            if (!bad_plan || plan < bad_plan) {
                bad_plan = plan;
                snprintf(bad_date, sizeof bad_date, "%.20s", date ? date : "");
            }
            continue;
        }
        char end[CD_INSTANT_LEN];
        cd_instant_format(cd_local_to_instant(day + 1, 0, 0, 0) - 1, end);
        /* a parsed date is digits and dashes: nothing to escape */
        cd_strbuf_addf(due, "%s\"%s\":\"%s\"", *ndates ? "," : "", date, end);
        (*ndates)++;
    }
    cd_db_done(st);
    cd_strbuf_add(due, "}");
    if (rc < 0)
        return rc;
    if (bad_plan)
        return cd_error_set(err, CD_EINVAL, "care plan %lld: next_review_date '%s' is not a date",
                            (long long)bad_plan, bad_date);
    return due->oom ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
}

static int gen_reviews(struct cd_store *store, const struct gen_ctx *g, int *n,
                       struct cd_error *err)
{
    struct cd_strbuf due = CD_STRBUF_INIT;
    int ndates = 0;
    int rc = review_dates(store, g, &due, &ndates, err);
    *n = 0;
    if (!rc && ndates)
        rc = insert_audited(store, SQL_REVIEWS, g, cd_strbuf_str(&due), n, err);
    cd_strbuf_free(&due);
    return rc;
}

static int cancel_stale(struct cd_store *store, const struct gen_ctx *g, int *n,
                        struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_AUDIT_STALE, &st, err);
    if (rc)
        return rc;
    bind_ctx(st, g);
    rc = cd_audit_log_rows(store, st, n, err);
    cd_db_done(st);
    if (!rc && *n)
        rc = run(store, SQL_CANCEL_STALE, g, NULL, n, err);
    return rc;
}

static void ctx_init(int today, struct gen_ctx *g)
{
    int y, m, d;
    memset(g, 0, sizeof *g);
    g->today = today;
    cd_date_format(today, g->today_s);
    cd_date_to_ymd(today, &y, &m, &d);
    snprintf(g->month, sizeof g->month, "%.7s", g->today_s);
    int first = cd_date_from_ymd(y, m, 1);
    cd_date_format(first, g->month_start);
    cd_instant_format(cd_local_to_instant(first, 0, 0, 0), g->month_start_at);
    cd_instant_format(cd_local_to_instant(today + 1, 0, 0, 0) - 1, g->due_at);
    cd_instant_format(cd_clock_now(), g->at);
}

static int generated_on(struct cd_store *store, const char *day, bool *done, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_MARK_GET, &st, err)))
        return rc;
    rc = cd_db_step(store, st, err);
    const char *mark = rc == 1 ? cd_db_col_text(st, 0) : NULL;
    *done = mark && strcmp(mark, day) == 0;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

int cd_worklist_generated(struct cd_store *store, bool *done, struct cd_error *err)
{
    char today[CD_DATE_LEN];
    *done = false;
    return generated_on(store, cd_date_format(cd_clock_today(), today), done, err);
}

int cd_worklist_generate_reviews(struct cd_store *store, int today, int *created,
                                 struct cd_error *err)
{
    struct gen_ctx g;
    int n = 0;
    ctx_init(today, &g);
    int rc = cd_store_begin(store, err);
    if (!rc)
        rc = gen_reviews(store, &g, &n, err);
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc) {
        cd_store_rollback(store);
        n = 0;
    }
    if (created)
        *created = n;
    return rc;
}

/* One batch of patients, in the caller's transaction: earlier months' outreach cancelled, then
 * this month's outreach and, late in the month, the minutes tasks. Every rule is per patient,
 * so batches add up to the same tasks as one pass over everyone. */
static int generate_batch(struct cd_store *store, const struct gen_ctx *g, int business_days_left,
                          struct cd_worklist_gen *res, struct cd_error *err)
{
    int cancelled = 0, outreach = 0, minutes = 0;
    int rc = cancel_stale(store, g, &cancelled, err);
    if (!rc)
        rc = insert_audited(store, SQL_OUTREACH, g, NULL, &outreach, err);
    if (!rc && business_days_left <= SHORT_DAYS)
        rc = insert_audited(store, SQL_MINUTES, g, NULL, &minutes, err);
    if (!rc) {
        res->cancelled += cancelled;
        res->outreach += outreach;
        res->minutes += minutes;
    }
    return rc;
}

static int mark_done(struct cd_store *store, const struct gen_ctx *g, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_MARK_SET, &st, err)))
        return rc;
    cd_db_bind_text(st, ":day", g->today_s);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

/* Begin a write transaction; *DONE when (not FORCE) another coordinator finished today's
 * generation while this one waited for the write lock (then nothing is left open). */
static int begin_unless_done(struct cd_store *store, const struct gen_ctx *g, bool force,
                             bool *done, struct cd_error *err)
{
    *done = false;
    int rc = cd_store_begin(store, err);
    if (!rc && !force && !(rc = generated_on(store, g->today_s, done, err)) && *done)
        return cd_store_commit(store, err);
    if (rc)
        cd_store_rollback(store);
    return rc;
}

int cd_worklist_generate(struct cd_store *store, bool force, struct cd_worklist_gen *res,
                         struct cd_error *err)
{
    struct cd_worklist_gen local;
    if (!res)
        res = &local;
    memset(res, 0, sizeof *res);
    struct gen_ctx g;
    ctx_init(cd_clock_today(), &g);
    bool done = false;
    int rc = force ? 0 : generated_on(store, g.today_s, &done, err);
    if (rc || done)
        return rc;
    if (cd_store_readonly(store)) {
        res->readonly = 1; /* the list still shows what earlier days generated */
        return 0;
    }
    struct cd_calendar cal = CD_CALENDAR_INIT;
    if ((rc = cd_calendar_load(store, &cal, err)))
        return rc;
    struct cd_worklist_clock clk;
    cd_worklist_clock_at(&cal, cd_clock_now(), &clk);
    cd_calendar_free(&cal);
    int64_t last = 0;
    if ((rc = query_int(store, SQL_LAST_PATIENT, &last, err)))
        return rc;
    /* Reviews first, then the patients in batches, each its own short transaction: the write
     * lock is never held long, so a coordinator saving a call waits a batch at most. The keys
     * make every step idempotent, so an interrupted generation (quit, crash) resumes where it
     * stopped and two coordinators generating at once make each task once. The day is marked
     * done with the last batch. */
    if ((rc = begin_unless_done(store, &g, force, &done, err)) || done)
        return rc;
    rc = cd_store_finish(store, gen_reviews(store, &g, &res->reviews, err), err);
    for (int64_t lo = 1; !rc && (lo == 1 || lo <= last); lo += GEN_BATCH) {
        g.lo = lo;
        g.hi = lo + GEN_BATCH - 1;
        bool final = g.hi >= last;
        cd_store_yield(store); /* a nurse's save waiting for the lock goes first */
        if ((rc = begin_unless_done(store, &g, force, &done, err)) || done)
            return rc;
        rc = generate_batch(store, &g, clk.business_days_left, res, err);
        if (!rc && final)
            rc = mark_done(store, &g, err);
        rc = cd_store_finish(store, rc, err);
    }
    if (rc)
        return rc;
    res->ran = 1;
    return 0;
}
