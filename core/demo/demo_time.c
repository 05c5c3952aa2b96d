/* SPDX-License-Identifier: MIT */
/* Demo data, the monthly care-management time: time entries and calls spread around the
 * billing thresholds, and the outreach task of a month short of its minutes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/demo/demo_gen.h"

static const char *const activities[] = {"call",
                                         "call",
                                         "call",
                                         "careplan_review",
                                         "med_reconciliation",
                                         "coordination",
                                         "community_resources",
                                         "documentation"};

/* This month's target seconds for PROGRAM: spread over nothing, partial, near and past the
 * thresholds, so billing and the worklist show every case. */
static int month_target(struct demo_rng *r, const char *program, int current)
{
    int c = demo_below(r, 100);
    if (!current) /* a finished month: mostly billable */
        return c < 20 ? demo_range(r, 300, 1190) : demo_range(r, 1200, 3900);
    if (strcmp(program, "ccm_complex") == 0)
        return c < 15   ? 0
               : c < 35 ? demo_range(r, 600, 2399)
               : c < 55 ? demo_range(r, 2400, 3299)
               : c < 70 ? demo_range(r, 3360, 3599)
               : c < 90 ? demo_range(r, 3600, 5100)
                        : demo_range(r, 5280, 5700);
    if (strcmp(program, "pcm") == 0)
        return c < 20   ? 0
               : c < 45 ? demo_range(r, 600, 1499)
               : c < 60 ? demo_range(r, 1680, 1799)
               : c < 90 ? demo_range(r, 1800, 2700)
                        : demo_range(r, 3480, 3720);
    if (strcmp(program, "apcm") == 0)
        return c < 30 ? 0 : demo_range(r, 300, 2400);
    return c < 18   ? 0
           : c < 35 ? demo_range(r, 180, 599)
           : c < 55 ? demo_range(r, 600, 1199)
           : c < 80 ? demo_range(r, 1200, 2279)
           : c < 88 ? demo_range(r, 2280, 2399)
           : c < 95 ? demo_range(r, 2400, 3300)
                    : demo_range(r, 3480, 3720);
}

/* Time entries (and the calls among them) for P in FROM..TO adding up to about TARGET seconds;
 * returns the seconds written through *DONE. */
static int month_time(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int from,
                      int to, int target, int *done)
{
    *done = 0;
    int parts = (target + 1799) / 1800 + demo_below(r, 3);
    for (int i = 0; i < parts && target > 0; i++) {
        int secs = i == parts - 1 ? target : target / (parts - i) + demo_range(r, -60, 60);
        if (secs > 3000)
            secs = 3000;
        if (secs < 60)
            secs = target < 60 ? target : 60;
        time_t start;
        if (demo_slot(g, r, p, from, to, secs, &start))
            continue;
        const char *act = activities[demo_below(r, 8)];
        /* a call while the TCM contact task stands open would count for it (cd_contact_log):
         * that time goes to coordination, and the TCM step's own calls are the record */
        if (start >= p->tcm_open_from && p->tcm_open_from &&
            (!p->tcm_open_until || start < p->tcm_open_until) && strcmp(act, "call") == 0)
            act = "coordination";
        int64_t user = demo_worker(g, r, p);
        const char *role = demo_chance(r, 8) ? "practitioner" : "clinical_staff";
        TRY(demo_write_time_entry(g, p, user, p->program, role, start, secs, act, NULL));
        if (strcmp(act, "call") == 0) {
            time_t missed;
            if (demo_chance(r, 30) && !demo_slot(g, r, p, from, to, 60, &missed))
                TRY(demo_write_contact(g, p, 0, user, missed,
                                       demo_chance(r, 50) ? "no_answer" : "voicemail", 0, NULL));
            int o = demo_below(r, 100);
            const char *outcome = o < 78 ? "reached" : o < 90 ? "caregiver" : "voicemail";
            if (o < 90 && start > p->reached)
                p->reached = start;
            TRY(demo_write_contact(
                g, p, 0, user, start, outcome, 0,
                o < 90 ? "Monthly check-in: symptoms, medications and goals reviewed."
                       : "Left a voicemail; will try again."));
        }
        target -= secs;
        *done += secs;
    }
    return 0;
}

int demo_care_time(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p)
{
    int y, m, d, done, month_secs = 0;
    cd_date_to_ymd(g->month_start, &y, &m, &d);
    for (int back = 2; back >= 0; back--) {
        int my = y, mm = m - back;
        if (mm < 1) {
            mm += 12;
            my--;
        }
        int first = cd_date_from_ymd(my, mm, 1);
        int last = back ? first + cd_date_days_in_month(my, mm) - 1 : g->today;
        if (p->enroll_day > last)
            continue;
        if (p->deceased_day >= 0 && p->deceased_day < last)
            last = p->deceased_day;
        int from = p->enroll_day > first ? p->enroll_day : first;
        TRY(month_time(g, r, p, from, last, month_target(r, p->program, back == 0), &done));
        if (back == 0)
            month_secs = done;
    }
    if (p->deceased_day >= 0 || strcmp(p->program, "apcm") == 0)
        return 0;
    int need = strcmp(p->program, "ccm_complex") == 0 ? 3600
               : strcmp(p->program, "pcm") == 0       ? 1800
                                                      : 1200;
    /* as the day's generation (SQL_OUTREACH): no outreach once the patient was reached this
     * month, since any interactive contact completes it (cd_contact_log) */
    if (month_secs >= need || !demo_chance(r, 75) ||
        p->reached >= cd_local_to_instant(g->month_start, 0, 0, 0))
        return 0;
    char key[64], ym[16];
    snprintf(ym, sizeof ym, "%04d-%02d", y % 10000, m % 100);
    snprintf(key, sizeof key, "ccm_outreach:%lld:%s", (long long)p->id, ym);
    int lo = g->today - 6 < g->month_start ? g->month_start : g->today - 6;
    int hi = g->today + 7 > g->month_end ? g->month_end : g->today + 7;
    char title[64]; /* the day's generation's words (SQL_OUTREACH) */
    snprintf(title, sizeof title, "No %s contact yet this month", cd_program_phrase(p->program));
    struct demo_task t = {.kind = "ccm_outreach",
                          .title = title,
                          .status = "open",
                          .gen_key = key,
                          .due_day = demo_range(r, lo, hi),
                          .created = cd_local_to_instant(g->month_start, 6, 0, 0)};
    if (t.created > g->now)
        t.created = g->now;
    return demo_write_task(g, p, &t, NULL);
}
