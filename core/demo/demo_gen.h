/* SPDX-License-Identifier: MIT */
/* Internal to the demo generator (core/demo/): the generation context, the seeded PRNG
 * (splitmix64, never rand()), the steps that decide what the synthetic clinic holds, and the
 * bulk-load module (demo_write.c, demo_write_care.c), the only code of the demo that writes. */
#ifndef CD_CORE_DEMO_DEMO_GEN_H
#define CD_CORE_DEMO_DEMO_GEN_H

#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/uuid.h"
#include "core/calendar.h"
#include "core/demo/demo.h"
#include "core/store/store.h"

/* Return the error of X from the calling function. */
#define TRY(x)                                                                                     \
    do {                                                                                           \
        int rc_ = (x);                                                                             \
        if (rc_)                                                                                   \
            return rc_;                                                                            \
    } while (0)

/* ---- the seeded PRNG (demo_rng.c) ---- */

struct demo_rng {
    uint64_t s;
};

/* A stream for SEED and the sub-stream STREAM (a patient index, a fixed tag). */
void demo_rng_init(struct demo_rng *r, unsigned seed, uint64_t stream);
uint64_t demo_rng_next(struct demo_rng *r);
/* 0 .. N-1 (0 when N <= 1). */
int demo_below(struct demo_rng *r, int n);
/* LO .. HI inclusive. */
int demo_range(struct demo_rng *r, int lo, int hi);
/* True with PERCENT % probability. */
int demo_chance(struct demo_rng *r, int percent);

/* A line of data/demo/conditions.tsv. */
struct demo_cond {
    const char *code, *group, *desc, *goal, *target, *med, *dose, *route; /* "-" = none */
    int chronic, weight, complex;
};

struct demo_provider {
    const char *name, *specialty;
};

struct demo_gen {
    struct cd_store *store;
    struct cd_error *err;
    struct cd_demo_stats *st;
    struct cd_calendar cal;
    unsigned seed;
    int today, month_start, month_end;
    time_t now;       /* cd_clock_now() at the start, to the minute: every instant is <= it */
    const char *zone; /* the clinic zone, appointments' tzid */
    struct demo_cond *conds;
    int nconds;
    struct demo_provider *prov;
    int nprov;
    int64_t *coord; /* coordinators' user ids */
    const char **coord_team;
    int ncoord;
    int64_t *sched; /* schedulers */
    int nsched;
    int64_t encounter_seq;
};

#define DEMO_MAX_COND 8
#define DEMO_MAX_SLOTS 96

/* What the later steps of one patient need to know. */
struct demo_patient {
    int64_t id;
    int64_t coord; /* 0: unassigned, in the team queue */
    const char *team;
    int cond[DEMO_MAX_COND];
    int ncond;
    const char *program; /* ccm, ccm_complex, pcm, apcm, or NULL */
    int enroll_day;
    int deceased_day;          /* -1 while alive */
    int slots[DEMO_MAX_SLOTS]; /* (day * 24 + hour) already holding a call or time entry */
    int nslots;
    /* the patients row, as demo_write_patient writes it */
    char mrn[16], family[160], phone[24], phone_alt[24]; /* phone_alt "": none */
    const char *given, *sex, *language;
    int birth_day, lace;
    time_t created, deceased; /* deceased 0: alive */
    /* what later steps must not contradict (core's contact rules): the last interactive contact,
     * and while the TCM contact task stood open (from its making to its closing, 0: never) */
    time_t reached, tcm_open_from, tcm_open_until;
};

/* A built-in data file split into lines (blanks and '#' comments dropped). */
struct lines {
    char *buf;
    char **v;
    int n;
};
int demo_lines_load(const char *name, struct lines *l, struct cd_error *err);
void demo_lines_free(struct lines *l);
/* Parse data/demo/conditions.tsv and providers.tsv lines into G (they point into L). */
int demo_load_conditions(struct demo_gen *g, struct lines *l);
int demo_load_providers(struct demo_gen *g, struct lines *l);
/* The teams, in order. */
extern const char *const demo_teams[2];
/* Coordinators (the first is CD_DEMO_COORDINATOR), schedulers, supervisors, an admin, and
 * OPTS->supervisor when not yet a user (it becomes the actor when there is none). */
int demo_staff(struct demo_gen *g, const struct cd_demo_opts *opts, const struct lines *female,
               const struct lines *male, const struct lines *family);

/* ---- the draws the steps share (demo_rng.c) ---- */

/* End of clinic-local DAY (23:59:59) as an instant: when a task due that day is due. */
time_t demo_day_end(int day);
/* A free hour for a call or time entry of up to MAXSEC seconds on a day in FROM..TO (clinic
 * local, 08:00-16:59 starts), ending before now. 0 and *START, or -1 when none was found. */
int demo_slot(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int from, int to,
              int maxsec, time_t *start);
/* The user who works P's queue: the coordinator, or one chosen from R. */
int64_t demo_worker(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p);
/* A version-4 UUID drawn from R into OUT (CD_UUID_LEN bytes): an appointment's UID. */
void demo_uuid(struct demo_rng *r, char *out);

/* A provider of SPECIALTY chosen from R. */
const char *demo_provider_of(struct demo_gen *g, struct demo_rng *r, const char *specialty);

/* A NUBC discharge disposition; REASON says why it does not qualify for TCM (NULL: it does). */
struct demo_nubc {
    const char *code, *text, *to, *reason;
};
/* A hospital, facility or ED visit as planned before it is written. */
struct demo_visit {
    const char *setting, *facility, *atype, *complexity, *reason;
    const struct demo_nubc *disp;
    int admit_day, admit_h, admit_m, dis_day, dis_h, dis_m, los, acute, eligible;
};
/* Plan a visit discharged on DAY from the facilities FAC; RECENT visits may be any setting,
 * older ones lean to the ED. */
void demo_plan_visit(struct demo_gen *g, struct demo_rng *r, const struct lines *fac, int day,
                     int recent, struct demo_visit *v);
/* Record V as an encounter of P: when it was recorded and by whom, its diagnoses, its id. */
int demo_encounter(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                   const struct demo_visit *v, time_t *created, int64_t *creator, int64_t *id);
/* The TCM work of a qualifying discharge: enrollment, contact and visit tasks, calls, visit. */
int demo_tcm_episode(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p,
                     const struct demo_visit *v, int64_t enc, time_t created, int64_t creator);
/* Three months of care-management time for enrolled P, and this month's outreach task when P is
 * short of the program's minutes. */
int demo_care_time(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p);

/* Care plan with 1-3 versions (and its review task), other appointments, referrals and notes. */
int demo_careplan(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p);
int demo_visits(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p);
int demo_referrals(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p);

/* ---- the bulk-load module: demo_write.c (staff, patients, visits, enrollments, appointments)
 * and demo_write_care.c (tasks, calls, time, care plans, referrals, notes) ----
 * Each function writes one row exactly as the steps decided it, inside the generation's one
 * transaction, with no audit entry of its own (the demo audits itself once) and no check of
 * what the steps guarantee; each counts its row in G->st. The core function that writes the
 * same row for a person at the keyboard is named where the rule it keeps is. */

/* A staff member made on CREATED. LOGIN must be free. */
int demo_write_user(struct demo_gen *g, const char *login, const char *name, const char *role,
                    const char *team, time_t created, int64_t *id);
/* The patients row of P (its fields under "the patients row"). */
int demo_write_patient(struct demo_gen *g, const struct demo_patient *p, int64_t *id);
/* Chronic or acute condition C of P since ONSET_DAY. */
int demo_write_condition(struct demo_gen *g, const struct demo_patient *p,
                         const struct demo_cond *c, int onset_day);

struct demo_encounter {
    const struct demo_visit *visit;
    const char *diagnoses, *external_id; /* "CODE;CODE", and unique among the demo's */
    time_t created;
    int64_t created_by;
};
int demo_write_encounter(struct demo_gen *g, const struct demo_patient *p,
                         const struct demo_encounter *e, int64_t *id);

struct demo_enrollment {
    const char *program, *status, *method, *note, *end_reason; /* method NULL: no consent */
    int start, end;                                            /* end -1: open */
    int64_t consent_by, encounter, created_by;
    time_t created;
};
/* An enrollment of P; its consent (when E->method) is dated E->start. */
int demo_write_enrollment(struct demo_gen *g, const struct demo_patient *p,
                          const struct demo_enrollment *e);

struct demo_appt {
    const char *kind, *status, *provider, *location, *note, *cancel_reason;
    char uid[CD_UUID_LEN];
    int day, hour, minute, duration, sequence;
    int64_t encounter, created_by;
    time_t created, updated; /* updated: when it was marked or cancelled (0: when booked) */
};
/* An appointment of P at A's clinic-local day and time; *ID may be NULL. */
int demo_write_appointment(struct demo_gen *g, const struct demo_patient *p,
                           const struct demo_appt *a, int64_t *id);

struct demo_task {
    const char *kind, *title, *status, *gen_key, *close_reason;
    int due_day, priority, attempts_satisfied;
    int64_t encounter, appointment, created_by, closed_by;
    time_t created, closed; /* closed 0: not closed */
    time_t due_at;          /* 0: the end of due_day */
};
/* A task of P due at T->due_at, else at the end of T->due_day (assignee P's coordinator, else P's
 * team queue); *ID may be NULL. */
int demo_write_task(struct demo_gen *g, const struct demo_patient *p, const struct demo_task *t,
                    int64_t *id);
/* A call to P (channel phone) about TASK (0: none) by USER at AT; interactive when reached. */
int demo_write_contact(struct demo_gen *g, const struct demo_patient *p, int64_t task, int64_t user,
                       time_t at, const char *outcome, int late, const char *note);
/* A time entry of SECONDS from START for P under PROGRAM. */
int demo_write_time_entry(struct demo_gen *g, const struct demo_patient *p, int64_t user,
                          const char *program, const char *role, time_t start, int seconds,
                          const char *activity, const char *note);

/* P's care plan, now at version VERSIONS, made at CREATED and last saved at UPDATED. */
int demo_write_careplan(struct demo_gen *g, const struct demo_patient *p, int versions,
                        const char *status, time_t created, time_t updated, int64_t *id);
struct demo_plan_version {
    int64_t plan, created_by;
    int version, review_day;
    const char *summary;
    time_t created;
};
int demo_write_careplan_version(struct demo_gen *g, const struct demo_plan_version *v, int64_t *id);
struct demo_item {
    const char *key, *section, *text, *code, *target, *status, *responsible, *dose, *route;
    int target_day, reconciled_day; /* 0: none */
};
/* Item IT at POSITION (from 1) of the care plan version VERSION. */
int demo_write_careplan_item(struct demo_gen *g, int64_t version, int position,
                             const struct demo_item *it);

struct demo_referral {
    const char *to, *specialty, *reason, *status;
    time_t sent, closed; /* closed 0: still open */
    int64_t created_by;
};
int demo_write_referral(struct demo_gen *g, const struct demo_patient *p,
                        const struct demo_referral *rf);
/* A chart note (kind note) on P by USER at AT. */
int demo_write_note(struct demo_gen *g, const struct demo_patient *p, int64_t user, time_t at,
                    const char *text);

#endif
