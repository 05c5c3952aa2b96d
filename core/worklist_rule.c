/* SPDX-License-Identifier: MIT */
/* The call list's one ordering rule and the words of its rows: when a job is due, the order of
 * two jobs, a job's reason, a patient's reason over all their jobs, and the kind marker. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/billing.h"
#include "core/calendar.h"
#include "core/enrollment.h"
#include "core/task.h"
#include "core/worklist.h"

/* The business days left in the month that make a shortfall worth saying. */
#define SHORT_DAYS 5
/* A patient's reason names this many jobs, then "+N more". */
#define REASON_JOBS 3

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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

enum cd_worklist_when cd_worklist_classify(struct cd_worklist_item *it,
                                           const struct cd_worklist_clock *clk)
{
    it->deadline = is(it->kind, "tcm_contact") || is(it->kind, "tcm_visit");
    if (is(it->kind, "callback") && it->due_at > clk->now)
        it->when = CD_WORKLIST_LATER; /* a promise for a time: not before it comes */
    else if (it->due_day < clk->today)
        it->when = CD_WORKLIST_OVERDUE;
    else if (it->due_day == clk->today)
        it->when = CD_WORKLIST_DUE_TODAY;
    else
        it->when = CD_WORKLIST_LATER;
    return it->when;
}

static int cmp_num(long long a, long long b)
{
    return (a > b) - (a < b);
}

int cd_worklist_compare(const struct cd_worklist_item *a, const struct cd_worklist_item *b)
{
    int c;
    if ((c = cmp_num(a->when, b->when)))
        return c;
    if ((c = cmp_num(!a->deadline, !b->deadline)))
        return c;
    if ((c = cmp_num(b->risk, a->risk)))
        return c;
    if ((c = cmp_num(a->due_at, b->due_at)))
        return c;
    if ((c = strcmp(a->name ? a->name : "", b->name ? b->name : "")))
        return c < 0 ? -1 : 1;
    if ((c = cmp_num(a->patient_id, b->patient_id)))
        return c;
    return cmp_num(a->task_id, b->task_id);
}

const char *cd_worklist_marker(const char *kind)
{
    static const struct {
        const char *kind, *marker;
    } markers[] = {
        {"tcm_contact", "TCM"},        {"tcm_visit", "VISIT"},   {"ccm_outreach", "CCM"},
        {"careplan_review", "REVIEW"}, {"callback", "CALLBACK"}, {"followup", "FOLLOWUP"},
        {"referral", "REFERRAL"},
    };
    for (size_t i = 0; kind && i < sizeof markers / sizeof markers[0]; i++)
        if (strcmp(kind, markers[i].kind) == 0)
            return markers[i].marker;
    return "OTHER";
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

/* The job in full: what it is, when it was or is due. */
static void job_reason(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
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

/* The job in a few words, after the first one of a patient's reason. */
static void job_brief(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                      struct cd_strbuf *sb)
{
    char d[16], t[32];
    bool overdue = it->due_day < clk->today;
    if (is(it->kind, "tcm_contact"))
        cd_strbuf_addf(sb, "TCM contact %s%s", it->due_day > clk->today ? "due " : "",
                       overdue                     ? "overdue"
                       : it->due_day == clk->today ? "due today"
                                                   : short_date(it->due_day, d, sizeof d));
    else if (is(it->kind, "tcm_visit"))
        cd_strbuf_add(sb, overdue ? "TCM visit overdue" : "TCM visit to book");
    else if (is(it->kind, "careplan_review"))
        cd_strbuf_add(sb, overdue ? "care plan review overdue" : "care plan review due");
    else if (is(it->kind, "callback"))
        cd_strbuf_addf(sb, "call back %s", short_time(it->due_at, clk->today, t, sizeof t));
    else if (is(it->kind, "ccm_outreach"))
        cd_strbuf_addf(sb, "%s outreach", program_label(it->program));
    else
        cd_strbuf_addf(sb, "%s%s%s", cd_task_kind_label(it->kind), overdue ? ", due " : "",
                       overdue ? short_date(it->due_day, d, sizeof d) : "");
}

static void minutes(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                    struct cd_strbuf *sb)
{
    cd_strbuf_addf(sb, "%s %ld of %d min, %d business day%s left", program_label(it->program),
                   it->seconds / 60, cd_billing_first_minutes(it->program, "clinical_staff"),
                   clk->business_days_left, clk->business_days_left == 1 ? "" : "s");
}

static char *finish(struct cd_strbuf *sb, char *buf, size_t size)
{
    snprintf(buf, size, "%s", sb->oom ? "" : cd_strbuf_str(sb));
    cd_strbuf_free(sb);
    return buf;
}

char *cd_worklist_reason(const struct cd_worklist_item *it, const struct cd_worklist_clock *clk,
                         char *buf, size_t size)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    job_reason(it, clk, &sb);
    /* a deadline says enough; the minutes belong to program work */
    if (!it->deadline && short_of_minutes(it, clk)) {
        cd_strbuf_add(&sb, "; ");
        minutes(it, clk, &sb);
    }
    return finish(&sb, buf, size);
}

char *cd_worklist_patient_reason(const struct cd_worklist_item *its, size_t n,
                                 const struct cd_worklist_clock *clk, char *buf, size_t size)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    for (size_t i = 0; i < n && i < REASON_JOBS; i++) {
        if (i)
            cd_strbuf_add(&sb, " · ");
        (i ? job_brief : job_reason)(&its[i], clk, &sb);
    }
    if (n && short_of_minutes(&its[0], clk)) {
        cd_strbuf_add(&sb, " · ");
        minutes(&its[0], clk, &sb);
    }
    if (n > REASON_JOBS)
        cd_strbuf_addf(&sb, " · +%zu more", n - REASON_JOBS);
    return finish(&sb, buf, size);
}
