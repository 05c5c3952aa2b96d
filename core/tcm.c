/* SPDX-License-Identifier: MIT */
/* TCM status per discharge: the contact and visit requirements of 99495 and 99496 (domain.md)
 * applied to what happened after a discharge, so a scheduler sees what can still be earned and a
 * supervisor can count what was earned or lost. Interpretations kept here, said once:
 * - a face-to-face visit is an appointment of kind tcm_visit (linked to the discharge, or unlinked
 *   and inside its 30-day period); one marked kept took place, one booked has not yet;
 * - a kept visit on or before the contact deadline is itself the interactive contact;
 * - a patient who dies inside the 30-day period earns no TCM code (CMS TCM FAQ: report the visits
 *   as E/M instead);
 * - both codes may read "earned" (99496's requirements include 99495's): only one is reported. */
#include "config.h"
#include "core/tcm.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/store/audit.h"
#include "core/store/db.h"

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "Nov 4" */
static const char *md(int day, char *out, size_t size)
{
    int y, m, d;
    cd_date_to_ymd(day, &y, &m, &d);
    snprintf(out, size, "%s %d", month_abbr[m - 1], d);
    return out;
}

static void eval_contact(const struct cd_tcm_facts *f, int today, struct cd_tcm_status *s)
{
    int deadline = s->due.contact_due;
    int interactive = f->interactive_day;
    if (f->visit_kept && f->visit_day >= f->discharge_day &&
        (interactive < 0 || f->visit_day < interactive))
        interactive = f->visit_day;
    s->contact_day = -1;
    if (interactive >= 0 && interactive <= deadline) {
        s->contact = CD_TCM_CONTACT_ON_TIME;
        s->contact_day = interactive;
        return;
    }
    /* two unsuccessful attempts on separate days, both by the deadline */
    int days = 0, last = -1;
    for (size_t i = 0; i < f->nattempts; i++) {
        int d = f->attempt_days[i];
        if (d < f->discharge_day || d > deadline || d == last)
            continue;
        last = d;
        if (++days == 2) {
            s->contact = CD_TCM_CONTACT_ATTEMPTS;
            s->contact_day = d;
            return;
        }
    }
    if (interactive >= 0) {
        s->contact = CD_TCM_CONTACT_LATE;
        s->contact_day = interactive;
    } else {
        s->contact = today > deadline ? CD_TCM_CONTACT_MISSED : CD_TCM_CONTACT_PENDING;
    }
}

static void eval_visit(const struct cd_tcm_facts *f, struct cd_tcm_status *s)
{
    s->window_end = f->discharge_day + (f->high ? 7 : 14);
    s->visit_day = f->visit_day;
    s->visit_n = f->visit_day >= 0 ? f->visit_day - f->discharge_day : -1;
    if (f->visit_day < 0)
        s->visit = CD_TCM_VISIT_NONE;
    else if (f->visit_day > s->window_end || f->visit_day < f->discharge_day)
        s->visit = CD_TCM_VISIT_OUTSIDE;
    else
        s->visit = f->visit_kept ? CD_TCM_VISIT_KEPT : CD_TCM_VISIT_BOOKED;
}

static void set(struct cd_tcm_code *c, enum cd_tcm_code_state state, const char *why)
{
    c->state = state;
    snprintf(c->why, sizeof c->why, "%s", why);
}

/* Why both codes are lost before the visit is looked at, or "" when nothing stops them. */
static void common_loss(const struct cd_tcm_facts *f, const struct cd_tcm_status *s, int today,
                        char *why, size_t size)
{
    char a[16], b[16];
    *why = '\0';
    if (f->cancelled)
        snprintf(why, size, "the discharge was cancelled");
    else if (!f->eligible)
        snprintf(why, size, "not a qualifying discharge: %s",
                 f->reason && *f->reason ? f->reason : "not eligible for TCM");
    else if (f->deceased_day >= f->discharge_day && f->deceased_day <= s->due.period_end &&
             f->deceased_day <= today)
        snprintf(why, size, "the patient died on %s, inside the 30-day period",
                 md(f->deceased_day, a, sizeof a));
    else if (s->contact == CD_TCM_CONTACT_LATE)
        snprintf(why, size, "the first contact, on %s, came after the deadline of %s",
                 md(s->contact_day, a, sizeof a), md(s->due.contact_due, b, sizeof b));
    else if (s->contact == CD_TCM_CONTACT_MISSED)
        snprintf(why, size, "no contact or two attempts by %s",
                 md(s->due.contact_due, a, sizeof a));
}

/* One code whose visit must fall by WINDOW_END (DAYS after discharge). */
static void eval_code(const struct cd_tcm_facts *f, const struct cd_tcm_status *s, int today,
                      int days, struct cd_tcm_code *c)
{
    char a[16], b[16], why[160];
    int window_end = f->discharge_day + days;
    bool in_window = f->visit_day >= f->discharge_day && f->visit_day <= window_end;
    if (f->visit_kept && in_window) {
        if (s->contact == CD_TCM_CONTACT_ATTEMPTS)
            snprintf(why, sizeof why, "two attempts by %s, visit on %s (day %d)",
                     md(s->contact_day, a, sizeof a), md(f->visit_day, b, sizeof b),
                     f->visit_day - f->discharge_day);
        else
            snprintf(why, sizeof why, "contact on %s, visit on %s (day %d)",
                     md(s->contact_day, a, sizeof a), md(f->visit_day, b, sizeof b),
                     f->visit_day - f->discharge_day);
        set(c, CD_TCM_EARNED, why);
        return;
    }
    if (f->visit_kept && f->visit_day > window_end) {
        snprintf(why, sizeof why, "the visit on %s was day %d, after the %d-day window (%s)",
                 md(f->visit_day, a, sizeof a), f->visit_day - f->discharge_day, days,
                 md(window_end, b, sizeof b));
        set(c, CD_TCM_LOST, why);
        return;
    }
    if (today > window_end) {
        snprintf(why, sizeof why, "no face-to-face visit kept by %s (%d days)",
                 md(window_end, a, sizeof a), days);
        set(c, CD_TCM_LOST, why);
        return;
    }
    size_t n = 0;
    if (s->contact == CD_TCM_CONTACT_PENDING)
        n += (size_t)snprintf(why, sizeof why, "contact by %s, ",
                              md(s->due.contact_due, a, sizeof a));
    if (in_window)
        snprintf(why + n, sizeof why - n, "keep the visit booked for %s",
                 md(f->visit_day, a, sizeof a));
    else
        snprintf(why + n, sizeof why - n, "visit by %s", md(window_end, a, sizeof a));
    set(c, CD_TCM_POSSIBLE, why);
}

void cd_tcm_status_eval(const struct cd_calendar *cal, const struct cd_tcm_facts *f, int today,
                        struct cd_tcm_status *s)
{
    memset(s, 0, sizeof *s);
    cd_tcm_deadlines(cal, f->discharge_day, &s->due);
    eval_contact(f, today, s);
    eval_visit(f, s);
    if (f->cancelled || !f->eligible) { /* no deadlines run: neither is late nor missed */
        s->contact = CD_TCM_CONTACT_NA;
        s->visit = CD_TCM_VISIT_NA;
    }
    char why[160];
    common_loss(f, s, today, why, sizeof why);
    if (*why) {
        set(&s->c99495, CD_TCM_LOST, why);
        set(&s->c99496, CD_TCM_LOST, why);
        return;
    }
    eval_code(f, s, today, 14, &s->c99495);
    if (f->high)
        eval_code(f, s, today, 7, &s->c99496);
    else
        set(&s->c99496, CD_TCM_LOST, "medical decision making is moderate; 99496 needs high");
    /* a program ended by hand (a refusal, a move) earns nothing more: what was earned stays */
    if (f->ended_day >= 0 && f->ended_day <= today) {
        char a[16];
        if (f->ended_reason && *f->ended_reason)
            snprintf(why, sizeof why, "the TCM program ended on %s: %s",
                     md(f->ended_day, a, sizeof a), f->ended_reason);
        else
            snprintf(why, sizeof why, "the TCM program ended on %s", md(f->ended_day, a, sizeof a));
        if (s->c99495.state != CD_TCM_EARNED)
            set(&s->c99495, CD_TCM_LOST, why);
        if (s->c99496.state != CD_TCM_EARNED && f->high)
            set(&s->c99496, CD_TCM_LOST, why);
    }
}

const char *cd_tcm_contact_key(enum cd_tcm_contact c)
{
    static const char *const k[] = {"pending", "on_time", "attempts",
                                    "late",    "missed",  "not_applicable"};
    return k[c];
}

const char *cd_tcm_visit_key(enum cd_tcm_visit v)
{
    static const char *const k[] = {"none", "booked", "kept", "outside_window", "not_applicable"};
    return k[v];
}

const char *cd_tcm_state_key(enum cd_tcm_code_state st)
{
    static const char *const k[] = {"possible", "earned", "lost"};
    return k[st];
}

const char *cd_tcm_status_headline(const struct cd_tcm_status *s, bool labelled)
{
    if (s->c99496.state == CD_TCM_EARNED)
        return "99496 earned";
    if (s->c99495.state == CD_TCM_EARNED)
        return "99495 earned";
    if (s->c99496.state == CD_TCM_POSSIBLE)
        return "99496 possible";
    if (s->c99495.state == CD_TCM_POSSIBLE)
        return "99495 possible";
    if (s->contact == CD_TCM_CONTACT_NA)
        return labelled ? "none" : "no TCM";
    return labelled ? "lost" : "TCM lost";
}

const char *cd_tcm_status_why(const struct cd_tcm_status *s)
{
    if (s->c99496.state == CD_TCM_EARNED || s->c99495.state == CD_TCM_EARNED)
        return "";
    return s->c99496.state == CD_TCM_POSSIBLE ? s->c99496.why : s->c99495.why;
}

char *cd_tcm_status_summary(const struct cd_tcm_status *s, char *out, size_t size)
{
    const char *why = cd_tcm_status_why(s);
    snprintf(out, size, "%s%s%s", cd_tcm_status_headline(s, false), *why ? ": " : "", why);
    return out;
}

/* ---- the facts from the store ---- */

static const char SQL_DISCHARGES[] =
    "SELECT e.id, e.discharge_at, e.discharge_date, e.complexity, e.tcm_eligible, "
    "e.ineligible_reason, e.status, p.deceased_at, m.end_date, m.end_reason FROM encounters e "
    "LEFT JOIN enrollments m ON m.id = (SELECT id FROM enrollments WHERE encounter_id = e.id "
    "  AND program = 'tcm' AND status = 'ended' AND end_date IS NOT NULL LIMIT 1) "
    "JOIN patients p ON p.id = e.patient_id WHERE e.patient_id = :pid "
    "AND e.discharge_date IS NOT NULL AND e.setting NOT IN ('ed', 'outpatient') "
    "ORDER BY e.discharge_at DESC, e.id DESC LIMIT :limit";
enum {
    D_ID,
    D_AT,
    D_DATE,
    D_COMPLEXITY,
    D_ELIGIBLE,
    D_REASON,
    D_STATUS,
    D_DECEASED,
    D_ENDED,
    D_ENDED_REASON
};
static const char SQL_CONTACTS[] =
    "SELECT at, interactive FROM contacts WHERE patient_id = :pid AND at >= :from AND at < :to "
    "ORDER BY at";
/* the kept visit first, then the earliest booked one */
static const char SQL_VISIT[] =
    "SELECT start_at, status = 'kept' FROM appointments WHERE patient_id = :pid "
    "AND kind = 'tcm_visit' AND status IN ('booked', 'kept') "
    "AND (encounter_id = :enc OR (encounter_id IS NULL AND start_at >= :from AND start_at < :to)) "
    "ORDER BY status = 'kept' DESC, start_at LIMIT 1";

static int day_of(const char *instant)
{
    time_t t;
    if (!instant || cd_instant_parse(instant, &t, NULL))
        return -1;
    return cd_instant_local_day(t);
}

/* The contacts and the visit after the discharge of row ST into F. */
static int read_after(struct cd_store *store, int64_t pid, int64_t enc, const char *from,
                      const struct cd_tcm_due *due, struct cd_tcm_facts *f, struct cd_error *err)
{
    char to[CD_INSTANT_LEN];
    cd_instant_format(cd_local_to_instant(due->period_end + 1, 0, 0, 0), to);
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_CONTACTS, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":to", to);
    while ((rc = cd_db_step(store, st, err)) == 1) {
        int d = day_of(cd_db_col_text(st, 0));
        if (cd_db_col_int(st, 1)) {
            if (f->interactive_day < 0)
                f->interactive_day = d;
        } else if (f->nattempts < sizeof f->attempt_days / sizeof f->attempt_days[0]) {
            f->attempt_days[f->nattempts++] = d;
        }
    }
    cd_db_done(st);
    if (rc < 0 || (rc = cd_db_stmt(store, SQL_VISIT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_int(st, ":enc", enc);
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":to", to);
    if ((rc = cd_db_step(store, st, err)) == 1) {
        f->visit_day = day_of(cd_db_col_text(st, 0));
        f->visit_kept = cd_db_col_int(st, 1) != 0;
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}

/* Each of PID's discharges (at most LIMIT), newest first, evaluated today, to EACH. */
static int each_discharge(struct cd_store *store, int64_t pid, int limit,
                          int (*each)(void *ctx, int64_t enc, const char *complexity,
                                      const struct cd_tcm_status *s, struct cd_error *err),
                          void *ctx, struct cd_error *err)
{
    struct cd_calendar cal = CD_CALENDAR_INIT;
    int rc = cd_calendar_load(store, &cal, err);
    if (rc)
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_DISCHARGES, &st, err))) {
        cd_calendar_free(&cal);
        return rc;
    }
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_int(st, ":limit", limit);
    int today = cd_clock_today();
    while ((rc = cd_db_step(store, st, err)) == 1) {
        struct cd_tcm_facts f = {.interactive_day = -1, .visit_day = -1, .ended_day = -1};
        const char *complexity = cd_db_col_text(st, D_COMPLEXITY);
        char cx[16], from[CD_INSTANT_LEN], reason[128], ended[128];
        snprintf(cx, sizeof cx, "%s", complexity ? complexity : "moderate");
        snprintf(from, sizeof from, "%s", cd_db_col_text(st, D_AT));
        snprintf(reason, sizeof reason, "%s",
                 cd_db_col_null(st, D_REASON) ? "" : cd_db_col_text(st, D_REASON));
        int64_t enc = cd_db_col_int(st, D_ID);
        if (cd_date_parse(cd_db_col_text(st, D_DATE), &f.discharge_day, err)) {
            rc = CD_EINVAL;
            break;
        }
        f.high = strcmp(cx, "high") == 0;
        f.eligible = cd_db_col_int(st, D_ELIGIBLE) != 0;
        f.reason = reason;
        f.cancelled = strcmp(cd_db_col_text(st, D_STATUS), "cancelled") == 0;
        f.deceased_day = day_of(cd_db_col_text(st, D_DECEASED));
        if (!cd_db_col_null(st, D_ENDED) &&
            !cd_date_parse(cd_db_col_text(st, D_ENDED), &f.ended_day, NULL)) {
            snprintf(ended, sizeof ended, "%s", cd_db_col_text(st, D_ENDED_REASON));
            f.ended_reason = ended;
        } else {
            f.ended_day = -1;
        }
        struct cd_tcm_due due;
        cd_tcm_deadlines(&cal, f.discharge_day, &due);
        if ((rc = read_after(store, pid, enc, from, &due, &f, err)))
            break;
        struct cd_tcm_status s;
        cd_tcm_status_eval(&cal, &f, today, &s);
        if ((rc = each(ctx, enc, cx, &s, err)))
            break;
    }
    cd_db_done(st);
    cd_calendar_free(&cal);
    return rc < 0 ? rc : 0;
}

static int add_row(void *ctx, int64_t enc, const char *complexity, const struct cd_tcm_status *s,
                   struct cd_error *err)
{
    struct cd_page *page = ctx;
    char id[24], dis[CD_DATE_LEN], cdue[CD_DATE_LEN], cday[CD_DATE_LEN], vdue[CD_DATE_LEN],
        vday[CD_DATE_LEN];
    snprintf(id, sizeof id, "%lld", (long long)enc);
    const char *values[CD_TCM_NCOLS] = {
        [CD_TCM_COL_ENCOUNTER] = id,
        [CD_TCM_COL_DISCHARGE_DATE] = cd_date_format(s->due.period_end - 29, dis),
        [CD_TCM_COL_COMPLEXITY] = complexity,
        [CD_TCM_COL_CONTACT_DUE] =
            s->contact == CD_TCM_CONTACT_NA ? NULL : cd_date_format(s->due.contact_due, cdue),
        [CD_TCM_COL_CONTACT] = cd_tcm_contact_key(s->contact),
        [CD_TCM_COL_CONTACT_DATE] =
            s->contact_day >= 0 ? cd_date_format(s->contact_day, cday) : NULL,
        [CD_TCM_COL_VISIT_DUE] =
            s->visit == CD_TCM_VISIT_NA ? NULL : cd_date_format(s->window_end, vdue),
        [CD_TCM_COL_VISIT] = cd_tcm_visit_key(s->visit),
        [CD_TCM_COL_VISIT_DATE] = s->visit_day >= 0 ? cd_date_format(s->visit_day, vday) : NULL,
        [CD_TCM_COL_99495] = cd_tcm_state_key(s->c99495.state),
        [CD_TCM_COL_99495_WHY] = s->c99495.why,
        [CD_TCM_COL_99496] = cd_tcm_state_key(s->c99496.state),
        [CD_TCM_COL_99496_WHY] = s->c99496.why,
    };
    return cd_page_add_row(page, values) ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
}

int cd_tcm_status_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                       struct cd_error *err)
{
    static const char *const cols[] = {CD_TCM_STATUS_COLUMNS(CD_PAGE_COL_NAME)};
    if (cd_page_set_columns(page, CD_TCM_NCOLS, cols))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    int rc = each_discharge(store, patient_id, -1, add_row, page, err);
    if (rc)
        return rc;
    char detail[32];
    snprintf(detail, sizeof detail, "%zu discharge%s", page->nrows, page->nrows == 1 ? "" : "s");
    return cd_audit_access(store, "tcm_status", patient_id, "read", detail, err);
}

static int keep_first(void *ctx, int64_t enc, const char *complexity, const struct cd_tcm_status *s,
                      struct cd_error *err)
{
    (void)enc;
    (void)complexity;
    (void)err;
    *(struct cd_tcm_status *)ctx = *s;
    return 0;
}

int cd_tcm_status_latest(struct cd_store *store, int64_t patient_id, struct cd_tcm_status *out,
                         bool *found, struct cd_error *err)
{
    memset(out, 0, sizeof *out);
    out->contact_day = -1; /* a marker: set when a discharge was evaluated */
    out->window_end = -1;
    int rc = each_discharge(store, patient_id, 1, keep_first, out, err);
    *found = !rc && out->window_end >= 0;
    return rc;
}
