/* SPDX-License-Identifier: MIT */
/* Demo data, the chart around the programs: versioned care plans covering every CMS element,
 * follow-up appointments, referrals with their loop-closing tasks, notes and call-backs. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/demo/demo_gen.h"

static const char *const assessments[] = {
    "Independent in ADLs; needs help with shopping and transport; Mini-Cog normal",
    "Needs help bathing and dressing; uses a walker; mild memory loss (Mini-Cog 3/5)",
    "Independent at home; manages own medications with a pill organiser",
};
static const char *const environments[] = {
    "Lives alone in a second-floor apartment; stairs are a fall risk",
    "Lives with spouse in a single-storey house; grab bars installed",
    "Lives with daughter's family; has own room on the ground floor",
};
static const char *const caregivers[] = {
    "Daughter helps with medications and appointments; feels able to continue",
    "Spouse is the main caregiver and reports strain; respite options discussed",
    "No regular caregiver; neighbour checks in twice a week",
};
static const char *const resources[] = {
    "Meals on Wheels, weekday lunches",
    "Senior center transportation to appointments",
    "Home health nursing visits twice a week",
    "Pharmacy blister packs and home delivery",
};
static const char *const barriers[] = {
    "No reliable transportation to appointments",
    "Cost of medications (copays)",
    "Limited English: needs an interpreter for calls",
    "Low health literacy: use teach-back",
};
static const char *const summaries[] = {
    "Initial comprehensive care plan after consent",
    "Revised after a review: goals and medications updated",
    "Revised after a hospital discharge: new medications reconciled",
};

/* Every section of one version; the keys stay the same from version to version. */
static int plan_items(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                      int64_t version, int v, int vday, const int pick[4])
{
    int pos = 0;
    char keys[3][24], gkeys[2][24], mkeys[3][24];
    for (int i = 0; i < p->ncond && i < 2; i++) {
        const struct demo_cond *c = &g->conds[p->cond[i]];
        snprintf(keys[i], sizeof keys[i], "problem:%s", c->code);
        struct demo_item it = {.key = keys[i],
                               .section = "problem",
                               .text = c->desc,
                               .code = c->code,
                               .status = "active"};
        TRY(demo_write_careplan_item(g, version, ++pos, &it));
    }
    struct demo_item prog = {.key = "prognosis",
                             .section = "prognosis",
                             .text = p->ncond >= 4
                                         ? "Guarded: several interacting chronic conditions; high "
                                           "risk of decompensation without close follow-up"
                                         : "Fair: conditions stable on current treatment; risk of "
                                           "exacerbation with infections"};
    TRY(demo_write_careplan_item(g, version, ++pos, &prog));
    for (int i = 0, n = 0; i < p->ncond && n < 2; i++) {
        const struct demo_cond *c = &g->conds[p->cond[i]];
        if (strcmp(c->goal, "-") == 0)
            continue;
        int s = demo_below(r, 100);
        snprintf(gkeys[n], sizeof gkeys[n], "goal:%s", c->code);
        struct demo_item it = {.key = gkeys[n],
                               .section = "goal",
                               .text = c->goal,
                               .code = c->code,
                               .target = c->target,
                               .status = v == 1   ? "active"
                                         : s < 30 ? "met"
                                         : s < 45 ? "not_met"
                                                  : "active",
                               .target_day = vday + 90};
        TRY(demo_write_careplan_item(g, version, ++pos, &it));
        n++;
    }
    struct demo_item sym = {
        .key = "symptom:watch",
        .section = "symptom",
        .text = "Watch for shortness of breath, leg swelling, dizziness or new confusion; "
                "call the clinic the same day",
        .status = "active"};
    TRY(demo_write_careplan_item(g, version, ++pos, &sym));
    struct demo_item iv[] = {
        {.key = "intervention:calls",
         .section = "intervention",
         .text = "Monthly care coordination call: symptoms, medications and goals",
         .status = "in_progress",
         .responsible = "care coordinator"},
        {.key = "intervention:medrec",
         .section = "intervention",
         .text = "Medication reconciliation after every discharge or medication change",
         .status = v == 1 ? "planned" : "in_progress",
         .responsible = "clinical pharmacist"},
        {.key = "intervention:teach",
         .section = "intervention",
         .text = "Teach-back education on warning signs",
         .status = v == 1 ? "planned" : "done",
         .responsible = "nurse"},
    };
    for (int i = 0; i < 3; i++)
        TRY(demo_write_careplan_item(g, version, ++pos, &iv[i]));
    for (int i = 0, n = 0; i < p->ncond && n < 2; i++) {
        const struct demo_cond *c = &g->conds[p->cond[i]];
        if (strcmp(c->med, "-") == 0)
            continue;
        snprintf(mkeys[n], sizeof mkeys[n], "medication:%s", c->code);
        struct demo_item it = {.key = mkeys[n],
                               .section = "medication",
                               .text = c->med,
                               .status = "active",
                               .dose = c->dose,
                               .route = c->route,
                               .reconciled_day = vday};
        TRY(demo_write_careplan_item(g, version, ++pos, &it));
        n++;
    }
    struct demo_item rest[] = {
        {.key = "assessment:function", .section = "assessment", .text = assessments[pick[0]]},
        {.key = "environment", .section = "environment", .text = environments[pick[1]]},
        {.key = "caregiver", .section = "caregiver", .text = caregivers[pick[2]]},
        {.key = "resource:1",
         .section = "resource",
         .text = resources[pick[3]],
         .status = "active"},
        {.key = "resource:2",
         .section = "resource",
         .text = resources[(pick[3] + 1) % 4],
         .status = "planned"},
        {.key = "barrier:1", .section = "barrier", .text = barriers[pick[3]]},
    };
    for (int i = 0; i < 6; i++)
        if (i != 4 || v > 1) /* the second resource arrives with the first revision */
            TRY(demo_write_careplan_item(g, version, ++pos, &rest[i]));
    return 0;
}

int demo_careplan(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p)
{
    int days[3], nver = demo_below(r, 100);
    nver = nver < 55 ? 1 : nver < 88 ? 2 : 3;
    days[0] = p->enroll_day + demo_range(r, 0, 14);
    if (days[0] > g->today)
        days[0] = g->today;
    for (int i = 1; i < nver; i++) {
        days[i] = days[i - 1] + demo_range(r, 60, 200);
        if (days[i] >= g->today || (p->deceased_day >= 0 && days[i] >= p->deceased_day))
            nver = i;
    }
    int c = demo_below(r, 100);
    int review = c < 15   ? g->today - demo_range(r, 1, 30)
                 : c < 25 ? g->today + demo_range(r, 0, 7)
                          : g->today + demo_range(r, 8, 180);
    /* A plan is kept current: its last version falls 6 to 12 months before the review it sets
     * (and before today). Shifted forward only, so the first version still follows enrollment;
     * the jitter comes from the id, not the generator, so the rest of the demo stays the same. */
    if (p->deceased_day < 0) {
        int last = review - 180 - (int)(p->id % 180);
        if (last >= g->today)
            last = g->today - 1;
        int shift = last - days[nver - 1];
        for (int i = 0; shift > 0 && i < nver; i++)
            days[i] += shift;
    }
    time_t at[3];
    for (int i = 0; i < nver; i++) {
        at[i] = cd_local_to_instant(days[i], demo_range(r, 9, 16), demo_below(r, 60), 0);
        if (at[i] > g->now)
            at[i] = g->now;
    }
    int64_t plan, version;
    TRY(demo_write_careplan(g, p, nver, p->deceased_day >= 0 ? "completed" : "active", at[0],
                            at[nver - 1], &plan));
    int pick[4] = {demo_below(r, 3), demo_below(r, 3), demo_below(r, 3), demo_below(r, 4)};
    for (int v = 1; v <= nver; v++) {
        struct demo_plan_version pv = {.plan = plan,
                                       .version = v,
                                       .created = at[v - 1],
                                       .created_by = demo_worker(g, r, p),
                                       .summary = summaries[v - 1],
                                       .review_day = v == nver ? review : days[v]};
        TRY(demo_write_careplan_version(g, &pv, &version));
        TRY(plan_items(g, r, p, version, v, days[v - 1], pick));
    }
    if (p->deceased_day >= 0 || review > g->today + 7)
        return 0;
    /* the key cd_worklist_generate_reviews uses, so generation does not add a second one */
    char key[64], due[CD_DATE_LEN];
    snprintf(key, sizeof key, "careplan_review:%lld:%s", (long long)plan,
             cd_date_format(review, due));
    struct demo_task t = {.kind = "careplan_review",
                          .title = "Care plan review due",
                          .status = "open",
                          .gen_key = key,
                          .due_day = review,
                          .created = at[nver - 1]};
    return demo_write_task(g, p, &t, NULL);
}

/* A weekday on or after DAY. */
static int weekday_from(int day)
{
    while (cd_date_weekday(day) == 0 || cd_date_weekday(day) == 6)
        day++;
    return day;
}

static int visit(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int day)
{
    int k = demo_below(r, 100);
    struct demo_appt a = {.day = day,
                          .hour = demo_range(r, 8, 16),
                          .minute = 15 * demo_below(r, 4),
                          .status = "booked",
                          .created_by = g->sched[demo_below(r, g->nsched)]};
    if (k < 45) {
        a.kind = "primary_care";
        a.provider = demo_provider_of(g, r, "Primary Care");
        a.location = "Main Clinic, Suite 200";
        a.duration = demo_chance(r, 50) ? 20 : 30;
    } else if (k < 70) {
        const char *spec = "Primary Care";
        for (int i = 0; i < 16 && strcmp(spec, "Primary Care") == 0; i++)
            spec = g->prov[demo_below(r, g->nprov)].specialty;
        a.kind = "specialist";
        a.provider = demo_provider_of(g, r, spec);
        a.location = "Specialty Center, 3rd floor";
        a.duration = demo_chance(r, 50) ? 30 : 45;
    } else if (k < 85) {
        a.kind = "lab";
        a.provider = "Clinic Laboratory";
        a.location = "Main Clinic Lab";
        a.duration = 15;
    } else {
        a.kind = "telehealth";
        a.provider = demo_provider_of(g, r, "Primary Care");
        a.location = "Video visit";
        a.duration = 20;
    }
    int s = demo_below(r, 100);
    a.sequence = s < 80 ? 0 : s < 95 ? 1 : 2;
    if (a.sequence)
        a.note = "Rescheduled at the patient's request";
    time_t start = cd_local_to_instant(a.day, a.hour, a.minute, 0);
    a.created = start - 86400 * demo_range(r, 3, 30);
    if (a.created > g->now)
        a.created = g->now;
    if (start + 60 * a.duration <= g->now) {
        s = demo_below(r, 100);
        a.status = s < 85 ? "kept" : s < 95 ? "no_show" : "cancelled";
        /* marked kept or missed once it is over (never before its day); cancelled before it */
        a.updated = start + 60 * a.duration;
        if (s >= 95) {
            a.cancel_reason = "Patient felt unwell; will call to rebook";
            a.updated = start - 2 * 3600 > a.created ? start - 2 * 3600 : a.created;
        }
    }
    demo_uuid(r, a.uid);
    return demo_write_appointment(g, p, &a, NULL);
}

int demo_visits(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p)
{
    int past = weekday_from(g->today - demo_range(r, 3, 60));
    if (demo_chance(r, 25) && (p->deceased_day < 0 || past < p->deceased_day))
        TRY(visit(g, r, p, past));
    if (p->deceased_day < 0 && demo_chance(r, 35))
        TRY(visit(g, r, p, weekday_from(g->today + demo_range(r, 0, 60))));
    return 0;
}

static const char *const note_texts[] = {
    "Patient asked for large-print medication list; mailed today.",
    "Daughter is now the preferred contact for appointments.",
    "Discussed fall prevention; patient agreed to a home safety check.",
    "Pharmacy confirmed the new prescription is ready for pickup.",
    "Patient reports better sleep since the CPAP mask was refitted.",
};

int demo_referrals(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p)
{
    if (p->deceased_day >= 0)
        return 0;
    if (demo_chance(r, 12)) {
        const struct demo_provider *pv = NULL;
        for (int i = 0; i < 16 && (!pv || strcmp(pv->specialty, "Primary Care") == 0); i++)
            pv = &g->prov[demo_below(r, g->nprov)];
        int sent_day = g->today - demo_range(r, 1, 90), s = demo_below(r, 100);
        const char *status = s < 30   ? "sent"
                             : s < 55 ? "scheduled"
                             : s < 80 ? "completed"
                             : s < 95 ? "closed"
                                      : "cancelled";
        time_t sent = cd_local_to_instant(sent_day, demo_range(r, 9, 16), demo_below(r, 60), 0);
        time_t closed = sent + 86400 * demo_range(r, 5, 40);
        if (sent > g->now)
            sent = g->now;
        if (closed > g->now)
            closed = g->now;
        char reason[200];
        snprintf(reason, sizeof reason, "Evaluation: %s",
                 p->ncond ? g->conds[p->cond[demo_below(r, p->ncond)]].desc
                          : "new symptoms, please advise");
        int64_t by = demo_worker(g, r, p);
        struct demo_referral rf = {.to = pv->name,
                                   .specialty = pv->specialty,
                                   .reason = reason,
                                   .status = status,
                                   .sent = sent,
                                   .closed = s < 55 ? 0 : closed,
                                   .created_by = by};
        TRY(demo_write_referral(g, p, &rf));
        if (s < 30 && sent_day + 14 < g->today) {
            char title[160];
            snprintf(title, sizeof title, "Referral to %s: confirm the appointment", pv->name);
            struct demo_task t = {.kind = "referral",
                                  .title = title,
                                  .status = "open",
                                  .due_day = sent_day + 14,
                                  .created = sent,
                                  .created_by = by};
            TRY(demo_write_task(g, p, &t, NULL));
        }
    }
    for (int n = demo_chance(r, 25) ? demo_range(r, 1, 2) : 0; n > 0; n--) {
        time_t at = cd_local_to_instant(g->today - demo_range(r, 0, 30), demo_range(r, 8, 17),
                                        demo_below(r, 60), 0);
        if (at > g->now)
            at = g->now - 60 * demo_range(r, 1, 120);
        int64_t user = demo_worker(g, r, p);
        TRY(demo_write_note(g, p, user, at, note_texts[demo_below(r, 5)]));
    }
    if (demo_chance(r, 5)) {
        /* a time the patient asked for, in office hours (from the patient, not the random
         * stream, so the rest of the demo stays as it was) */
        int day = g->today + demo_below(r, 2);
        struct demo_task t = {
            .kind = "callback",
            .title = "question about a medication refill",
            .status = "open",
            .due_day = day,
            .due_at = cd_local_to_instant(day, 9 + (int)(p->id % 8), (int)(p->id % 2) * 30, 0),
            .priority = 1,
            .created = g->now - 60 * demo_range(r, 5, 240)};
        TRY(demo_write_task(g, p, &t, NULL));
    }
    return 0;
}
