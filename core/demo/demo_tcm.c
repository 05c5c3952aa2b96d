/* SPDX-License-Identifier: MIT */
/* Demo data, the discharges: hospital, ED and facility visits with their NUBC disposition and
 * TCM eligibility, and the TCM work of a qualifying discharge (core/calendar.h deadlines). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/appointment.h"
#include "core/base/clock.h"
#include "core/contact.h"
#include "core/demo/demo_gen.h"

static const struct demo_nubc dispositions[] = {
    {"01", "Discharged to home or self care", "home", NULL},
    {"06", "Discharged to home under care of a home health service organization",
     "home with home health", NULL},
    {"02", "Discharged/transferred to a short-term general hospital for inpatient care",
     "another hospital", "discharged to another hospital (02)"},
    {"03", "Discharged/transferred to a skilled nursing facility", "skilled nursing facility",
     "discharged to a skilled nursing facility (03)"},
    {"62", "Discharged/transferred to an inpatient rehabilitation facility",
     "inpatient rehabilitation facility",
     "discharged to an inpatient rehabilitation facility (62)"},
    {"20", "Expired", "expired", "patient died (20)"},
};

/* A facility of KIND from the facilities list. */
static const char *facility(struct demo_rng *r, const struct lines *fac, const char *kind)
{
    int n = 0;
    size_t klen = strlen(kind);
    for (int i = 0; i < fac->n; i++)
        n += strncmp(fac->v[i], kind, klen) == 0 && fac->v[i][klen] == '\t';
    int k = demo_below(r, n);
    for (int i = 0; i < fac->n; i++)
        if (strncmp(fac->v[i], kind, klen) == 0 && fac->v[i][klen] == '\t' && k-- == 0)
            return fac->v[i] + klen + 1;
    return fac->v[0];
}

/* Plan a visit discharged on DAY; RECENT visits may be any setting, older ones lean to the ED. */
void demo_plan_visit(struct demo_gen *g, struct demo_rng *r, const struct lines *fac, int day,
                     int recent, struct demo_visit *v)
{
    memset(v, 0, sizeof *v);
    int s = demo_below(r, 100);
    if (recent)
        v->setting = s < 68   ? "inpatient"
                     : s < 78 ? "snf"
                     : s < 86 ? "observation"
                     : s < 88 ? "irf"
                     : s < 90 ? "psych"
                     : s < 91 ? "ltch"
                              : "ed";
    else
        v->setting = s < 45 ? "ed" : s < 80 ? "inpatient" : s < 90 ? "observation" : "outpatient";
    const char *kind = strcmp(v->setting, "snf") == 0     ? "snf"
                       : strcmp(v->setting, "irf") == 0   ? "irf"
                       : strcmp(v->setting, "psych") == 0 ? "psych"
                       : strcmp(v->setting, "ltch") == 0  ? "ltch"
                                                          : "hospital";
    v->facility = facility(r, fac, kind);
    int ed = strcmp(v->setting, "ed") == 0, outpt = strcmp(v->setting, "outpatient") == 0;
    if (ed || outpt || strcmp(v->setting, "observation") == 0)
        v->los = ed || outpt ? 0 : demo_below(r, 2);
    else if (strcmp(v->setting, "snf") == 0)
        v->los = demo_range(r, 7, 28);
    else if (strcmp(v->setting, "inpatient") == 0)
        v->los = demo_chance(r, 8) ? demo_range(r, 14, 21) : demo_range(r, 1, 9);
    else
        v->los = demo_range(r, 6, 18);
    v->dis_day = day;
    v->dis_h = demo_range(r, 10, 18);
    v->dis_m = demo_below(r, 60);
    if (day == g->today) { /* a discharge today happened before now */
        struct tm tm;
        cd_instant_local_tm(g->now, &tm);
        v->dis_h = demo_range(r, 0, tm.tm_hour > 0 ? tm.tm_hour - 1 : 0);
    }
    v->admit_day = day - v->los;
    v->admit_h =
        v->los ? demo_range(r, 0, 23) : (v->dis_h > 6 ? v->dis_h - demo_range(r, 3, 6) : 0);
    v->admit_m = demo_below(r, 60);
    if (!v->los && v->admit_h == v->dis_h && v->admit_m > v->dis_m)
        v->admit_m = v->dis_m;
    v->atype = ed                              ? "emergency"
               : outpt                         ? "elective"
               : strcmp(kind, "hospital") != 0 ? "other"
               : s % 20 < 13                   ? "emergency"
               : s % 20 < 16                   ? "urgent"
                                               : "elective";
    int d = demo_below(r, 100);
    v->disp = ed || outpt         ? &dispositions[0]
              : d < 60            ? &dispositions[0]
              : d < 87            ? &dispositions[1]
              : d < 91            ? &dispositions[2]
              : d < 96            ? &dispositions[strcmp(kind, "snf") == 0 ? 0 : 3]
              : d < 98 || !recent ? &dispositions[4]
                                  : &dispositions[5];
    v->reason = ed      ? "emergency department visit (treat and release)"
                : outpt ? "outpatient visit"
                        : v->disp->reason;
    v->eligible = v->reason == NULL;
    v->complexity = ed || outpt ? NULL : demo_chance(r, 35) ? "high" : "moderate";
    v->acute = demo_below(r, 12);
}

int demo_encounter(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                   const struct demo_visit *v, time_t *created, int64_t *creator, int64_t *id)
{
    char dx[64], ext[32];
    time_t tdis = cd_local_to_instant(v->dis_day, v->dis_h, v->dis_m, 0);
    *created = tdis + demo_range(r, 1, 20) * 3600;
    if (*created > g->now)
        *created = g->now;
    *creator = g->sched[demo_below(r, g->nsched)];
    int acute = 0, k = v->acute;
    for (int i = 0; i < g->nconds; i++)
        if (!g->conds[i].chronic && k-- == 0)
            acute = i;
    if (p->ncond)
        snprintf(dx, sizeof dx, "%s;%s", g->conds[acute].code, g->conds[p->cond[0]].code);
    else
        snprintf(dx, sizeof dx, "%s", g->conds[acute].code);
    snprintf(ext, sizeof ext, "DEMO-V%07lld", (long long)++g->encounter_seq);
    struct demo_encounter e = {.visit = v,
                               .diagnoses = dx,
                               .external_id = ext,
                               .created = *created,
                               .created_by = *creator};
    return demo_write_encounter(g, p, &e, id);
}

/* The TCM work of a qualifying discharge: enrollment, contact and visit tasks, calls, visit. */
int demo_tcm_episode(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p,
                     const struct demo_visit *v, int64_t enc, time_t created, int64_t creator)
{
    struct cd_tcm_due due;
    cd_tcm_deadlines(&g->cal, v->dis_day, &due);
    int high = strcmp(v->complexity, "high") == 0;
    int visit_day = high ? due.visit_due_7 : due.visit_due_14;
    struct demo_enrollment e = {.program = "tcm",
                                .status = due.period_end >= g->today ? "active" : "ended",
                                .start = v->dis_day,
                                .end = due.period_end,
                                .encounter = enc,
                                .end_reason =
                                    due.period_end >= g->today ? NULL : "service period complete",
                                .created = created,
                                .created_by = creator};
    TRY(demo_write_enrollment(g, p, &e));
    int64_t task;
    struct demo_task t = {.kind = "tcm_contact",
                          .title = "TCM interactive contact within 2 business days",
                          .status = "open",
                          .due_day = due.contact_due,
                          .priority = 2,
                          .encounter = enc,
                          .created = created,
                          .created_by = creator};
    /* the calls: decided first, written after the task they belong to */
    int s = demo_below(r, 100), old = v->dis_day < g->today - 5; /* older: mostly settled */
    int reach = s < (old ? 85 : 62), fails = s < (old ? 95 : 77);
    int nfail = reach ? (demo_chance(r, 25) ? 1 : 0) : fails ? 2 : demo_below(r, 2);
    int day = v->dis_day, late_reach = reach && demo_chance(r, 8);
    time_t at[3];
    const char *outcome[3];
    int ncalls = 0;
    int64_t caller = demo_worker(g, r, p);
    for (int i = 0; i < nfail + reach; i++) {
        day = cd_calendar_add_business_days(&g->cal, day, 1);
        if (i == nfail && late_reach && day <= due.contact_due)
            day = due.contact_due + demo_range(r, 1, 2);
        if (day > g->today || demo_slot(g, r, p, day, day, 1800, &at[ncalls]))
            break;
        outcome[ncalls++] = i < nfail            ? (demo_chance(r, 60) ? "voicemail" : "no_answer")
                            : demo_chance(r, 85) ? "reached"
                                                 : "caregiver";
    }
    int reached = ncalls == nfail + reach && reach;
    int secs = demo_range(r, 540, 1500);
    if (reached) {
        t.status = "done";
        t.closed = at[ncalls - 1] + secs;
        t.closed_by = caller;
        t.close_reason = "interactive contact made";
    }
    t.attempts_satisfied = !reached && ncalls >= 2;
    TRY(demo_write_task(g, p, &t, &task));
    /* from the discharge until the task is done, cd_contact_log counts any call for it (an
     * interactive one completes it, whatever job it was logged on): later steps keep their calls
     * out of that time (demo_care_time) */
    p->tcm_open_from = cd_local_to_instant(v->dis_day, v->dis_h, v->dis_m, 0);
    p->tcm_open_until = reached ? at[ncalls - 1] : 0;
    if (reached && at[ncalls - 1] > p->reached)
        p->reached = at[ncalls - 1];
    time_t due_end = demo_day_end(due.contact_due);
    for (int i = 0; i < ncalls; i++) {
        int ok = i == ncalls - 1 && reached;
        TRY(demo_write_contact(
            g, p, task, caller, at[i], outcome[i], cd_contact_late(at[i], due_end),
            ok ? "Post-discharge call: reviewed discharge instructions, medications and "
                 "warning signs; follow-up visit discussed."
            : strcmp(outcome[i], "voicemail") == 0
                ? "Left a voicemail with the clinic's call-back number."
                : "No answer."));
        if (ok)
            TRY(demo_write_time_entry(g, p, caller, "tcm", "clinical_staff", at[i], secs, "call",
                                      "TCM interactive contact"));
    }
    /* the face-to-face visit */
    char reason[64];
    struct demo_task vt = {.kind = "tcm_visit",
                           .title = high ? "TCM face-to-face visit within 7 days (99496)"
                                         : "TCM face-to-face visit within 14 days (99495)",
                           .status = "open",
                           .due_day = visit_day,
                           .priority = 1,
                           .encounter = enc,
                           .created = created,
                           .created_by = creator};
    if (reached || (ncalls >= 2 && demo_chance(r, 30)) || demo_chance(r, 25)) {
        int aday = v->dis_day + demo_range(r, 2, visit_day - v->dis_day);
        /* booked after the call that reached the patient (or the discharge's recording), for a
         * later day: a visit is never booked after it took place */
        time_t booked = (reached ? at[ncalls - 1] + secs : created) + 3600;
        if (booked > g->now)
            booked = g->now;
        if (aday <= cd_instant_local_day(booked))
            aday = cd_instant_local_day(booked) + 1;
        while (!cd_calendar_is_business_day(&g->cal, aday))
            aday++;
        struct demo_appt a = {.kind = "tcm_visit",
                              .status = "booked",
                              .provider = demo_provider_of(g, r, "Primary Care"),
                              .location = "Main Clinic, Suite 200",
                              .note = "Transitional care visit after discharge",
                              .day = aday,
                              .hour = demo_range(r, 9, 15),
                              .minute = 15 * demo_below(r, 4),
                              .duration = 40,
                              .encounter = enc,
                              .created_by = g->sched[demo_below(r, g->nsched)]};
        a.created = booked;
        time_t start = cd_local_to_instant(a.day, a.hour, a.minute, 0);
        if (start + 60 * a.duration <= g->now) {
            a.status = demo_chance(r, 85) ? "kept" : "no_show";
            a.updated = start + 60 * a.duration; /* marked once it was over */
        }
        demo_uuid(r, a.uid);
        TRY(demo_write_appointment(g, p, &a, &vt.appointment));
        /* as cd_appointment_book: a visit inside the window closes the task when it is booked
         * (with appointment.c's words, so moving it out reopens the task); a no-show reopens it */
        if (cd_appointment_tcm_window(a.day, v->dis_day, high, NULL) &&
            strcmp(a.status, "no_show") != 0) {
            snprintf(reason, sizeof reason, "TCM visit booked (appointment %lld)",
                     (long long)vt.appointment);
            vt.status = "done";
            vt.closed = a.created;
            vt.closed_by = a.created_by;
            vt.close_reason = reason;
        } else if (strcmp(a.status, "no_show") != 0) {
            vt.appointment = 0; /* outside the window: the task stays open, unlinked */
        }
    }
    return demo_write_task(g, p, &vt, NULL);
}
