/* SPDX-License-Identifier: MIT */
/* The daily call list: the ordering rule, the reasons, generation of outreach, the ranked list. */
#include "config.h"
#include "core/worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/billing.h"
#include "core/calendar.h"
#include "core/enrollment.h"
#include "core/store/db.h"
#include "core/task.h"
#include "core/timeentry_sql.h"

#define CCM_PROGRAMS CD_SQL_CARE_PROGRAMS
/* The business days left in the month that make a shortfall urgent. */
#define SHORT_DAYS 5

/* The columns every scope reads, and the joins; the scope supplies the task ids (w.id). */
#define WL_SELECT                                                                                  \
    "SELECT t.id, t.kind, t.title, t.due_at, t.due_date, t.patient_id, p.mrn, "                    \
    "p.family_name || ', ' || p.given_name, p.phone, p.risk_tier, ua.login, uc.login, "            \
    "t.claimed_at, t.attempts_satisfied, e.discharge_date, "                                       \
    "(SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id "                      \
    "  AND m.program IN " CCM_PROGRAMS " AND m.status = 'active' "                                 \
    "  ORDER BY m.program = 'ccm_complex' DESC, m.program = 'ccm' DESC LIMIT 1), "                 \
    "(SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id "                      \
    "  AND m.status = 'active' ORDER BY m.program LIMIT 1), " CD_SQL_MONTH_SECONDS(                \
        "t.patient_id") ", "                                                                       \
                        "CASE WHEN t.kind = 'tcm_contact' AND e.discharge_at IS NOT NULL THEN "    \
                        "(SELECT count(*) "                                                        \
                        "  FROM contacts c WHERE c.patient_id = t.patient_id AND c.at >= "         \
                        "e.discharge_at) "                                                         \
                        "  ELSE (SELECT count(*) FROM contacts c WHERE c.task_id = t.id) END, "    \
                        "t.team "                                                                  \
                        "FROM ("
#define WL_JOINS                                                                                   \
    ") AS w JOIN tasks t ON t.id = w.id JOIN patients p ON p.id = t.patient_id "                   \
    "LEFT JOIN users ua ON ua.id = t.assignee_id LEFT JOIN users uc ON uc.id = t.claimed_by "      \
    "LEFT JOIN encounters e ON e.id = t.encounter_id"
/* On the list: what is due by today, and TCM work from the discharge on (the call and the visit
 * booking should not wait for their deadlines). */
#define WL_TCM "kind IN ('tcm_contact', 'tcm_visit')"
#define WL_DUE "(due_date <= :today OR " WL_TCM ")"
/* Mine: assigned to me (tasks_open_assignee), or claimed by me today (tasks_open_claimed). */
#define WL_MINE                                                                                    \
    "SELECT id FROM tasks WHERE status = 'open' AND assignee_id = :user AND due_date <= :today "   \
    "UNION SELECT id FROM tasks WHERE status = 'open' AND assignee_id = :user "                    \
    "AND due_date > :today AND " WL_TCM " "                                                        \
    "UNION SELECT id FROM tasks WHERE status = 'open' AND claimed_by = :user "                     \
    "AND claimed_at >= :day_start AND " WL_DUE
#define WL_TEAM                                                                                    \
    "SELECT id FROM tasks WHERE status = 'open' AND " WL_DUE " AND (assignee_id IN "               \
    "(SELECT u.id FROM users u WHERE u.team = :team) OR (assignee_id IS NULL AND team = :team))"
/* Everyone (tasks_open_due) */
#define WL_ALL                                                                                     \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date <= :today UNION ALL "                 \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date > :today AND " WL_TCM

static const char SQL_MINE[] = WL_SELECT WL_MINE WL_JOINS;
static const char SQL_TEAM[] = WL_SELECT WL_TEAM WL_JOINS;
static const char SQL_ALL[] = WL_SELECT WL_ALL WL_JOINS;

enum col {
    C_ID,
    C_KIND,
    C_TITLE,
    C_DUE_AT,
    C_DUE_DATE,
    C_PATIENT,
    C_MRN,
    C_NAME,
    C_PHONE,
    C_RISK,
    C_ASSIGNEE,
    C_CLAIMER,
    C_CLAIMED_AT,
    C_SATISFIED,
    C_DISCHARGE,
    C_CCM,
    C_PROGRAM,
    C_SECONDS,
    C_ATTEMPTS,
    C_TEAM,
    C_COUNT
};

static const char SQL_PATIENT_MINUTES[] =
    "SELECT (SELECT m.program FROM enrollments m WHERE m.patient_id = :pid "
    "  AND m.program IN " CCM_PROGRAMS " AND m.status = 'active' "
    "  ORDER BY m.program = 'ccm_complex' DESC, m.program = 'ccm' DESC LIMIT "
    "1), " CD_SQL_MONTH_SECONDS(":pid");

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ---- the rule ---- */

enum cd_risk cd_worklist_risk(const char *tier)
{
    if (!tier)
        return CD_RISK_NONE;
    if (strcmp(tier, "high") == 0)
        return CD_RISK_HIGH;
    if (strcmp(tier, "moderate") == 0)
        return CD_RISK_MODERATE;
    if (strcmp(tier, "low") == 0)
        return CD_RISK_LOW;
    return CD_RISK_NONE;
}

void cd_worklist_clock_at(const struct cd_calendar *cal, time_t now, struct cd_worklist_clock *out)
{
    int y, m, d;
    out->now = now;
    out->today = cd_instant_local_day(now);
    cd_date_to_ymd(out->today, &y, &m, &d);
    int last = cd_date_from_ymd(y, m, cd_date_days_in_month(y, m));
    out->business_days_left = cd_calendar_business_days_between(cal, out->today - 1, last);
}

static bool is(const char *kind, const char *name)
{
    return kind && strcmp(kind, name) == 0;
}

static bool short_of_minutes(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk)
{
    int need = cd_billing_first_minutes(it->program, "clinical_staff");
    return need && it->seconds < need * 60L && clk->business_days_left <= SHORT_DAYS;
}

enum cd_worklist_group cd_worklist_classify(struct cd_worklist_item *it,
                                            const struct cd_worklist_clock *clk)
{
    enum cd_worklist_group g;
    if (is(it->kind, "tcm_contact") && it->due_day <= clk->today)
        g = it->due_day < clk->today ? CD_WORKLIST_TCM_OVERDUE : CD_WORKLIST_TCM_TODAY;
    else if (is(it->kind, "tcm_contact"))
        g = CD_WORKLIST_TCM_VISIT; /* due after today: with the visits still to book */
    else if (is(it->kind, "callback") && it->due_at <= clk->now)
        g = CD_WORKLIST_CALLBACK;
    else if (is(it->kind, "tcm_visit"))
        g = CD_WORKLIST_TCM_VISIT;
    else if (short_of_minutes(it, clk))
        g = CD_WORKLIST_CCM_SHORT;
    else if (is(it->kind, "careplan_review"))
        g = CD_WORKLIST_REVIEW;
    else
        g = CD_WORKLIST_REST;
    return it->group = g;
}

int cd_worklist_compare(const struct cd_worklist_item *a, const struct cd_worklist_item *b)
{
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->risk != b->risk)
        return a->risk > b->risk ? -1 : 1;
    if (a->due_at != b->due_at)
        return a->due_at < b->due_at ? -1 : 1;
    return (a->task_id > b->task_id) - (a->task_id < b->task_id);
}

/* "Nov 20" */
static const char *short_date(int day, char *buf, size_t size)
{
    int y, m, d;
    cd_date_to_ymd(day, &y, &m, &d);
    snprintf(buf, size, "%s %d", month_abbr[(m - 1) % 12], d);
    return buf;
}

/* "10:30" today, else "Nov 22 10:30" */
static const char *short_time(time_t t, int today, char *buf, size_t size)
{
    struct tm tm;
    char d[16];
    cd_instant_local_tm(t, &tm);
    if (cd_instant_local_day(t) == today)
        snprintf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
    else
        snprintf(buf, size, "%s %02d:%02d", short_date(cd_instant_local_day(t), d, sizeof d),
                 tm.tm_hour, tm.tm_min);
    return buf;
}

/* The CCM program in a reason ("complex CCM"); plain CCM when the row names none. */
static const char *program_label(const char *program)
{
    const char *phrase = cd_program_phrase(program);
    return *phrase ? phrase : "CCM";
}

/* The reason of the kind alone (groups other than CCM_SHORT). */
static void kind_reason(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                        struct cd_strbuf *sb)
{
    char d[16], t[32];
    bool overdue = it->due_day < clk->today;
    if (is(it->kind, "tcm_contact")) {
        if (overdue)
            cd_strbuf_addf(sb, "TCM contact overdue (%s)", short_date(it->due_day, d, sizeof d));
        else if (it->due_day == clk->today)
            cd_strbuf_add(sb, "TCM contact due today");
        else
            cd_strbuf_addf(sb, "TCM contact due by %s", short_date(it->due_day, d, sizeof d));
        if (!overdue && it->discharge_day >= 0)
            cd_strbuf_addf(sb, ", discharged %s", short_date(it->discharge_day, d, sizeof d));
        if (it->attempts_satisfied)
            cd_strbuf_add(sb, ", attempts satisfied");
    } else if (is(it->kind, "callback")) {
        cd_strbuf_addf(sb, it->due_at <= clk->now ? "call back due %s" : "call back at %s",
                       short_time(it->due_at, clk->today, t, sizeof t));
        if (it->title && *it->title)
            cd_strbuf_addf(sb, ": %s", it->title);
    } else if (is(it->kind, "tcm_visit")) {
        cd_strbuf_addf(sb, overdue ? "TCM visit overdue (%s)" : "TCM visit to book by %s",
                       short_date(it->due_day, d, sizeof d));
    } else if (is(it->kind, "careplan_review")) {
        if (overdue)
            cd_strbuf_addf(sb, "care plan review overdue (%s)",
                           short_date(it->due_day, d, sizeof d));
        else
            cd_strbuf_add(sb, "care plan review due today");
    } else if (is(it->kind, "ccm_outreach")) {
        if (it->title && *it->title)
            cd_strbuf_add(sb, it->title);
        else
            cd_strbuf_addf(sb, "no %s contact yet this month", program_label(it->program));
    } else {
        cd_strbuf_add(sb, it->title && *it->title ? it->title : cd_task_kind_label(it->kind));
        if (overdue)
            cd_strbuf_addf(sb, ", due %s", short_date(it->due_day, d, sizeof d));
    }
}

char *cd_worklist_reason(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                         char *buf, size_t size)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    if (it->group == CD_WORKLIST_CCM_SHORT) {
        cd_strbuf_addf(&sb, "%s %ld of %d min, %d business day%s left", program_label(it->program),
                       it->seconds / 60, cd_billing_first_minutes(it->program, "clinical_staff"),
                       clk->business_days_left, clk->business_days_left == 1 ? "" : "s");
        if (!is(it->kind, "ccm_outreach")) {
            cd_strbuf_add(&sb, "; ");
            kind_reason(it, clk, &sb);
        }
    } else {
        kind_reason(it, clk, &sb);
    }
    snprintf(buf, size, "%s", sb.oom ? "" : cd_strbuf_str(&sb));
    cd_strbuf_free(&sb);
    return buf;
}

/* ---- the list ---- */

static const char *scope_sql(enum cd_worklist_scope scope)
{
    return scope == CD_WORKLIST_MINE ? SQL_MINE : scope == CD_WORKLIST_TEAM ? SQL_TEAM : SQL_ALL;
}

int cd_worklist_check_filter(const char *program, const char *kind, struct cd_error *err)
{
    static const char *const programs[] = {"tcm",  "ccm",          "ccm_complex", "pcm",
                                           "apcm", "coordination", NULL};
    static const char *const kinds[] = {"tcm_contact",     "tcm_visit", "ccm_outreach",
                                        "careplan_review", "callback",  "followup",
                                        "referral",        "other",     NULL};
    const char *const *p;
    if (program && *program) {
        for (p = programs; *p && strcmp(*p, program); p++)
            ;
        if (!*p)
            return cd_error_set(err, CD_EINVAL,
                                "program: '%.40s' is not tcm, ccm, ccm_complex, pcm, apcm or "
                                "coordination",
                                program);
    }
    if (kind && *kind) {
        for (p = kinds; *p && strcmp(*p, kind); p++)
            ;
        if (!*p)
            return cd_error_set(err, CD_EINVAL,
                                "kind: '%.40s' is not tcm_contact, tcm_visit, ccm_outreach, "
                                "careplan_review, callback, followup, referral or other",
                                kind);
    }
    return 0;
}

/* Case-insensitive (ASCII) substring. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; hay && *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i]) {
            char a = hay[i], b = needle[i];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a + 32);
            if (b >= 'A' && b <= 'Z')
                b = (char)(b + 32);
            if (a != b)
                break;
            i++;
        }
        if (i == n)
            return true;
    }
    return n == 0;
}

struct row {
    struct cd_worklist_item it;
    size_t raw; /* its row in the raw page */
};

static int row_cmp(const void *a, const void *b)
{
    return cd_worklist_compare(&((const struct row *)a)->it, &((const struct row *)b)->it);
}

static const char *row_program(const struct cd_page *raw, size_t r)
{
    const char *kind = cd_page_get(raw, r, C_KIND);
    if (strncmp(kind, "tcm_", 4) == 0)
        return "tcm";
    const char *ccm = cd_page_get(raw, r, C_CCM);
    if (ccm)
        return ccm;
    const char *any = cd_page_get(raw, r, C_PROGRAM);
    return any ? any : "";
}

static bool wanted(const struct cd_worklist_query *q, const struct cd_page *raw, size_t r)
{
    if (q->kind && *q->kind && strcmp(q->kind, cd_page_get(raw, r, C_KIND)) != 0)
        return false;
    if (q->program && *q->program && strcmp(q->program, row_program(raw, r)) != 0)
        return false;
    if (q->search && *q->search && !contains(cd_page_get(raw, r, C_NAME), q->search) &&
        !contains(cd_page_get(raw, r, C_MRN), q->search))
        return false;
    return true;
}

static int fetch_raw(struct cd_store *store, const struct cd_worklist_query *q,
                     const struct cd_worklist_clock *clk, struct cd_page *raw, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, scope_sql(q->scope), &st, err)))
        return rc;
    char today[CD_DATE_LEN], start[CD_INSTANT_LEN];
    cd_date_format(clk->today, today);
    char month[8];
    snprintf(month, sizeof month, "%.7s", today);
    cd_db_bind_text(st, ":today", today);
    cd_db_bind_text(st, ":month", month);
    if (q->scope == CD_WORKLIST_MINE) {
        cd_db_bind_int(st, ":user", q->user_id);
        cd_db_bind_text(st, ":day_start",
                        cd_instant_format(cd_local_to_instant(clk->today, 0, 0, 0), start));
    } else if (q->scope == CD_WORKLIST_TEAM) {
        cd_db_bind_text(st, ":team", q->team ? q->team : "");
    }
    rc = cd_db_fill_page(store, st, raw, err);
    cd_db_done(st);
    return rc;
}

static void item_of(const struct cd_page *raw, size_t r, struct cd_worklist_item *it)
{
    memset(it, 0, sizeof *it);
    it->task_id = strtoll(cd_page_get(raw, r, C_ID), NULL, 10);
    it->kind = cd_page_get(raw, r, C_KIND);
    it->title = cd_page_get(raw, r, C_TITLE);
    if (cd_instant_parse(cd_page_get(raw, r, C_DUE_AT), &it->due_at, NULL))
        it->due_at = 0;
    if (cd_date_parse(cd_page_get(raw, r, C_DUE_DATE), &it->due_day, NULL))
        it->due_day = 0;
    it->risk = cd_worklist_risk(cd_page_get(raw, r, C_RISK));
    it->program = cd_page_get(raw, r, C_CCM);
    const char *secs = cd_page_get(raw, r, C_SECONDS);
    it->seconds = secs ? strtol(secs, NULL, 10) : 0;
    const char *dis = cd_page_get(raw, r, C_DISCHARGE);
    if (!dis || cd_date_parse(dis, &it->discharge_day, NULL))
        it->discharge_day = -1;
    it->attempts_satisfied = cd_page_get(raw, r, C_SATISFIED)[0] == '1';
}

static int add_out_row(struct cd_page *out, const struct cd_page *raw, const struct row *row,
                       size_t rank, const struct cd_worklist_clock *clk, const char *day_start)
{
    size_t r = row->raw;
    char rank_s[24], reason[256], group[8], queue[80];
    snprintf(rank_s, sizeof rank_s, "%zu", rank);
    snprintf(group, sizeof group, "%d", (int)row->it.group);
    cd_worklist_reason(&row->it, clk, reason, sizeof reason);
    const char *assignee = cd_page_get(raw, r, C_ASSIGNEE);
    const char *team = cd_page_get(raw, r, C_TEAM);
    if (!assignee && team) {
        snprintf(queue, sizeof queue, "queue:%s", team);
        assignee = queue;
    }
    const char *claimed_at = cd_page_get(raw, r, C_CLAIMED_AT);
    const char *claimer =
        claimed_at && strcmp(claimed_at, day_start) >= 0 ? cd_page_get(raw, r, C_CLAIMER) : NULL;
    const char *risk = cd_page_get(raw, r, C_RISK);
    const char *values[CD_WORKLIST_NCOLS] = {
        [CD_WORKLIST_COL_RANK] = rank_s,
        [CD_WORKLIST_COL_TASK_ID] = cd_page_get(raw, r, C_ID),
        [CD_WORKLIST_COL_DUE] = cd_page_get(raw, r, C_DUE_DATE),
        [CD_WORKLIST_COL_KIND] = cd_page_get(raw, r, C_KIND),
        [CD_WORKLIST_COL_REASON] = reason,
        [CD_WORKLIST_COL_MRN] = cd_page_get(raw, r, C_MRN),
        [CD_WORKLIST_COL_PATIENT] = cd_page_get(raw, r, C_NAME),
        [CD_WORKLIST_COL_PHONE] = cd_page_get(raw, r, C_PHONE),
        [CD_WORKLIST_COL_PROGRAM] = row_program(raw, r),
        [CD_WORKLIST_COL_RISK] = risk ? risk : "none",
        [CD_WORKLIST_COL_ATTEMPTS] = cd_page_get(raw, r, C_ATTEMPTS),
        [CD_WORKLIST_COL_ASSIGNEE] = assignee,
        [CD_WORKLIST_COL_PATIENT_ID] = cd_page_get(raw, r, C_PATIENT),
        [CD_WORKLIST_COL_CLAIMED_BY] = claimer,
        [CD_WORKLIST_COL_GROUP] = group,
        [CD_WORKLIST_COL_TITLE] = cd_page_get(raw, r, C_TITLE),
    };
    return cd_page_add_row(out, values);
}

int cd_worklist_list(struct cd_store *store, const struct cd_worklist_query *q,
                     struct cd_page *page, struct cd_error *err)
{
    static const char *const names[] = {CD_WORKLIST_COLUMNS(CD_PAGE_COL_NAME)};
    int rc = cd_worklist_check_filter(q->program, q->kind, err);
    if (rc)
        return rc;
    struct cd_calendar cal = CD_CALENDAR_INIT;
    if ((rc = cd_calendar_load(store, &cal, err)))
        return rc;
    struct cd_worklist_clock clk;
    cd_worklist_clock_at(&cal, cd_clock_now(), &clk);
    cd_calendar_free(&cal);
    struct cd_page raw = CD_PAGE_INIT;
    if ((rc = fetch_raw(store, q, &clk, &raw, err))) {
        cd_page_free(&raw);
        return rc;
    }
    struct row *rows = calloc(raw.nrows ? raw.nrows : 1, sizeof *rows);
    if (!rows) {
        cd_page_free(&raw);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    size_t n = 0;
    for (size_t r = 0; r < raw.nrows; r++) {
        if (!wanted(q, &raw, r))
            continue;
        item_of(&raw, r, &rows[n].it);
        rows[n].raw = r;
        cd_worklist_classify(&rows[n].it, &clk);
        n++;
    }
    qsort(rows, n, sizeof *rows, row_cmp);
    char day_start[CD_INSTANT_LEN];
    cd_instant_format(cd_local_to_instant(clk.today, 0, 0, 0), day_start);
    if (cd_page_set_columns(page, q->screen ? CD_WORKLIST_NCOLS : CD_WORKLIST_COL_PATIENT_ID,
                            names))
        rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < n; i++)
        if (add_out_row(page, &raw, &rows[i], i + 1, &clk, day_start))
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    free(rows);
    cd_page_free(&raw);
    return rc;
}

int cd_worklist_plan(struct cd_store *store, enum cd_worklist_scope scope, struct cd_page *page,
                     struct cd_error *err)
{
    struct cd_strbuf sql = CD_STRBUF_INIT;
    cd_strbuf_addf(&sql, "EXPLAIN QUERY PLAN %s", scope_sql(scope));
    if (sql.oom)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    struct cd_stmt *st = NULL;
    int rc = cd_db_prepare(store, cd_strbuf_str(&sql), &st, err);
    cd_strbuf_free(&sql);
    if (rc)
        return rc;
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_finalize(st);
    return rc;
}

int cd_worklist_patient_minutes(struct cd_store *store, int64_t patient_id,
                                struct cd_worklist_minutes *out, struct cd_error *err)
{
    int rc;
    memset(out, 0, sizeof *out);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENT_MINUTES, &st, err)))
        return rc;
    char today[CD_DATE_LEN], month[8];
    cd_date_format(cd_clock_today(), today);
    snprintf(month, sizeof month, "%.7s", today);
    cd_db_bind_int(st, ":pid", patient_id);
    cd_db_bind_text(st, ":month", month);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *program = cd_db_col_text(st, 0);
        snprintf(out->program, sizeof out->program, "%s", program ? program : "");
        out->seconds = (long)cd_db_col_int(st, 1);
        out->threshold = cd_billing_first_minutes(program, "clinical_staff");
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}
