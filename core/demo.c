/* SPDX-License-Identifier: MIT */
/* Demo data around "today": staff, patients with chronic conditions, programs with consent,
 * discharges with their TCM work (core/calendar.h rules), calls and monthly time. One transaction,
 * cached statements, one audit entry; the same seed and today give the same bytes. */
#include "config.h"
#include "core/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/audit.h"
#include "core/builtin.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/demo_gen.h"
#include "core/strbuf.h"

#define TRY(x)                                                                                     \
    do {                                                                                           \
        int rc_ = (x);                                                                             \
        if (rc_)                                                                                   \
            return rc_;                                                                            \
    } while (0)

static const char SQL_PATIENTS[] = "SELECT count(*) FROM patients";
static const char SQL_PATIENT[] =
    "INSERT INTO patients(mrn, family_name, given_name, birth_date, sex, phone, phone_alt, "
    "language, coordinator_id, risk_tier, lace_score, deceased_at, name_key, created_at, "
    "updated_at) VALUES (:mrn, :family, :given, :birth, :sex, :phone, :phone_alt, :lang, :coord, "
    ":tier, :lace, :deceased, lower(:family || ' ' || :given), :at, :at)";
static const char SQL_CONDITION[] =
    "INSERT INTO conditions(patient_id, icd10, description, chronic, onset_date, source) "
    "VALUES (:pid, :code, :desc, :chronic, :onset, 'demo')";
static const char SQL_ENCOUNTER[] =
    "INSERT INTO encounters(patient_id, setting, facility, admit_at, discharge_at, discharge_date, "
    "admission_type, disposition, disposition_text, discharged_to, diagnoses, complexity, "
    "tcm_eligible, ineligible_reason, source, external_id, created_at, created_by) "
    "VALUES (:pid, :setting, :facility, :admit, :discharge, :ddate, :atype, :disp, :disp_text, "
    ":to, :dx, :complexity, :eligible, :reason, 'demo', :ext, :at, :by)";
static const char SQL_ENROLL[] =
    "INSERT INTO enrollments(patient_id, program, status, start_date, end_date, consent_date, "
    "consent_method, consent_by, encounter_id, note, end_reason, created_at, created_by) "
    "VALUES (:pid, :program, :status, :start, :end, :consent, :method, :by, :enc, :note, "
    ":end_reason, :at, :by_user)";
static const char SQL_TASK[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, priority, assignee_id, "
    "team, encounter_id, appointment_id, attempts_satisfied, gen_key, created_at, created_by, "
    "closed_at, closed_by, close_reason) VALUES (:pid, :kind, :title, :due_at, :due_date, "
    ":status, :priority, :assignee, :team, :enc, :appt, :attempts, :gen_key, :at, :by, :closed, "
    ":closed_by, :reason)";
static const char SQL_CONTACT[] =
    "INSERT INTO contacts(patient_id, task_id, user_id, at, channel, outcome, interactive, late, "
    "note) VALUES (:pid, :task, :user, :at, 'phone', :outcome, :interactive, :late, :note)";
static const char SQL_TIME[] =
    "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
    "seconds, month, activity, source, note, created_at) VALUES (:pid, :user, :program, :role, "
    ":start, :end, :seconds, :month, :activity, 'demo', :note, :end)";
static const char SQL_APPT[] =
    "INSERT INTO appointments(uid, sequence, patient_id, kind, status, start_at, start_local, "
    "duration_min, tzid, provider, location, encounter_id, note, cancel_reason, created_at, "
    "created_by, updated_at) VALUES (:uid, :seq, :pid, :kind, :status, :start, :local, :dur, "
    ":tzid, :provider, :location, :enc, :note, :cancel, :at, :by, :at)";

/* ---- the PRNG: splitmix64 ---- */

uint64_t demo_rng_next(struct demo_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void demo_rng_init(struct demo_rng *r, unsigned seed, uint64_t stream)
{
    r->s = ((uint64_t)seed << 32) ^ (stream * 0xD1B54A32D192ED03ull);
    demo_rng_next(r);
}

int demo_below(struct demo_rng *r, int n)
{
    if (n <= 1)
        return 0;
    return (int)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int demo_range(struct demo_rng *r, int lo, int hi)
{
    return hi <= lo ? lo : lo + demo_below(r, hi - lo + 1);
}

int demo_chance(struct demo_rng *r, int percent)
{
    return demo_below(r, 100) < percent;
}

/* ---- shared helpers and writers ---- */

time_t demo_day_end(int day)
{
    return cd_local_to_instant(day, 23, 59, 59);
}

int demo_slot(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int from, int to,
              int maxsec, time_t *start)
{
    for (int tries = 0; tries < 24 && p->nslots < DEMO_MAX_SLOTS && from <= to; tries++) {
        int day = demo_range(r, from, to), hour = demo_range(r, 8, 16);
        int key = day * 24 + hour, used = 0;
        for (int i = 0; i < p->nslots && !used; i++)
            used = p->slots[i] == key;
        if (used)
            continue;
        time_t t = cd_local_to_instant(day, hour, demo_range(r, 0, 9), demo_range(r, 0, 59));
        if (t + maxsec > g->now)
            continue;
        p->slots[p->nslots++] = key;
        *start = t;
        return 0;
    }
    return -1;
}

int64_t demo_worker(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p)
{
    return p->coord ? p->coord : g->coord[demo_below(r, g->ncoord)];
}

int demo_task(struct demo_gen *g, const struct demo_patient *p, const struct demo_task *t,
              int64_t *id)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_TASK, g->err);
    if (!st)
        return g->err->code;
    char due[CD_INSTANT_LEN], date[CD_DATE_LEN], at[CD_INSTANT_LEN], closed[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":kind", t->kind);
    cd_db_bind_opt(st, ":title", t->title);
    cd_db_bind_text(st, ":due_at", cd_instant_format(demo_day_end(t->due_day), due));
    cd_db_bind_text(st, ":due_date", cd_date_format(t->due_day, date));
    cd_db_bind_text(st, ":status", t->status);
    cd_db_bind_int(st, ":priority", t->priority);
    cd_db_bind_id(st, ":assignee", p->coord);
    cd_db_bind_opt(st, ":team", p->coord ? NULL : p->team);
    cd_db_bind_id(st, ":enc", t->encounter);
    cd_db_bind_id(st, ":appt", t->appointment);
    cd_db_bind_int(st, ":attempts", t->attempts_satisfied);
    cd_db_bind_opt(st, ":gen_key", t->gen_key);
    cd_db_bind_text(st, ":at", cd_instant_format(t->created, at));
    cd_db_bind_id(st, ":by", t->created_by);
    cd_db_bind_opt(st, ":closed", t->closed ? cd_instant_format(t->closed, closed) : NULL);
    cd_db_bind_id(st, ":closed_by", t->closed ? t->closed_by : 0);
    cd_db_bind_opt(st, ":reason", t->closed ? t->close_reason : NULL);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        g->st->tasks++;
        if (id)
            *id = cd_db_last_id(g->store);
    }
    return rc;
}

static int contact(struct demo_gen *g, const struct demo_patient *p, int64_t task, int64_t user,
                   time_t at, const char *outcome, int late, const char *note)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_CONTACT, g->err);
    if (!st)
        return g->err->code;
    char a[CD_INSTANT_LEN];
    int interactive = strcmp(outcome, "reached") == 0 || strcmp(outcome, "caregiver") == 0;
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":task", task);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":at", cd_instant_format(at, a));
    cd_db_bind_text(st, ":outcome", outcome);
    cd_db_bind_int(st, ":interactive", interactive);
    cd_db_bind_int(st, ":late", late);
    cd_db_bind_opt(st, ":note", note);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->contacts++;
    return rc;
}

static int time_entry(struct demo_gen *g, const struct demo_patient *p, int64_t user,
                      const char *program, const char *role, time_t start, int seconds,
                      const char *activity, const char *note)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_TIME, g->err);
    if (!st)
        return g->err->code;
    char s[CD_INSTANT_LEN], e[CD_INSTANT_LEN], month[16];
    int y, m, d;
    cd_date_to_ymd(cd_instant_local_day(start), &y, &m, &d);
    snprintf(month, sizeof month, "%04d-%02d", y % 10000, m % 100);
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":role", role);
    cd_db_bind_text(st, ":start", cd_instant_format(start, s));
    cd_db_bind_text(st, ":end", cd_instant_format(start + seconds, e));
    cd_db_bind_int(st, ":seconds", seconds);
    cd_db_bind_text(st, ":month", month);
    cd_db_bind_text(st, ":activity", activity);
    cd_db_bind_opt(st, ":note", note);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->time_entries++;
    return rc;
}

int demo_appointment(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                     const struct demo_appt *a, int64_t *id)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_APPT, g->err);
    if (!st)
        return g->err->code;
    unsigned char b[16];
    uint64_t hi = demo_rng_next(r), lo = demo_rng_next(r);
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(hi >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(lo >> (56 - 8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    char uid[40], start[CD_INSTANT_LEN], local[20], at[CD_INSTANT_LEN], date[CD_DATE_LEN];
    snprintf(uid, sizeof uid,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
    snprintf(local, sizeof local, "%sT%02d:%02d", cd_date_format(a->day, date), a->hour % 100,
             a->minute % 100);
    cd_db_bind_text(st, ":uid", uid);
    cd_db_bind_int(st, ":seq", a->sequence);
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":kind", a->kind);
    cd_db_bind_text(st, ":status", a->status);
    cd_db_bind_text(st, ":start",
                    cd_instant_format(cd_local_to_instant(a->day, a->hour, a->minute, 0), start));
    cd_db_bind_text(st, ":local", local);
    cd_db_bind_int(st, ":dur", a->duration);
    cd_db_bind_text(st, ":tzid", g->zone);
    cd_db_bind_text(st, ":provider", a->provider);
    cd_db_bind_opt(st, ":location", a->location);
    cd_db_bind_id(st, ":enc", a->encounter);
    cd_db_bind_opt(st, ":note", a->note);
    cd_db_bind_opt(st, ":cancel", a->cancel_reason);
    cd_db_bind_text(st, ":at", cd_instant_format(a->created, at));
    cd_db_bind_id(st, ":by", a->created_by);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        g->st->appointments++;
        if (id)
            *id = cd_db_last_id(g->store);
    }
    return rc;
}

static int enroll(struct demo_gen *g, const struct demo_patient *p, const char *program,
                  const char *status, int start, int end, const char *method, int64_t consent_by,
                  int64_t encounter, const char *note, const char *end_reason, time_t created,
                  int64_t created_by)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_ENROLL, g->err);
    if (!st)
        return g->err->code;
    char s[CD_DATE_LEN], e[CD_DATE_LEN], at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":status", status);
    cd_db_bind_text(st, ":start", cd_date_format(start, s));
    cd_db_bind_opt(st, ":end", end >= 0 ? cd_date_format(end, e) : NULL);
    cd_db_bind_opt(st, ":consent", method ? s : NULL);
    cd_db_bind_opt(st, ":method", method);
    cd_db_bind_id(st, ":by", method ? consent_by : 0);
    cd_db_bind_id(st, ":enc", encounter);
    cd_db_bind_opt(st, ":note", note);
    cd_db_bind_opt(st, ":end_reason", end_reason);
    cd_db_bind_text(st, ":at", cd_instant_format(created, at));
    cd_db_bind_id(st, ":by_user", created_by);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->enrollments++;
    return rc;
}

/* ---- discharges ---- */

struct nubc {
    const char *code, *text, *to, *reason; /* reason NULL: qualifies for TCM */
};
static const struct nubc dispositions[] = {
    {"01", "Discharged to home or self care", "home", NULL},
    {"06", "Discharged to home under care of a home health service organization",
     "home with home health", NULL},
    {"02", "Discharged/transferred to a short-term general hospital for inpatient care",
     "another hospital", "discharged to another hospital (02)"},
    {"03", "Discharged/transferred to a skilled nursing facility", "skilled nursing facility",
     "discharged to a skilled nursing facility (03)"},
    {"62", "Discharged/transferred to an inpatient rehabilitation facility",
     "inpatient rehabilitation facility", "discharged to an inpatient rehabilitation facility (62)"},
    {"20", "Expired", "expired", "patient died (20)"},
};

struct visit {
    const char *setting, *facility, *atype, *complexity, *reason;
    const struct nubc *disp;
    int admit_day, admit_h, admit_m, dis_day, dis_h, dis_m, los, acute, eligible;
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
static void plan_visit(struct demo_gen *g, struct demo_rng *r, const struct lines *fac, int day,
                       int recent, struct visit *v)
{
    memset(v, 0, sizeof *v);
    int s = demo_below(r, 100);
    if (recent)
        v->setting = s < 68 ? "inpatient" : s < 78 ? "snf" : s < 86 ? "observation" : s < 88 ? "irf"
                     : s < 90 ? "psych" : s < 91 ? "ltch" : "ed";
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
    v->admit_h = v->los ? demo_range(r, 0, 23) : (v->dis_h > 6 ? v->dis_h - demo_range(r, 3, 6) : 0);
    v->admit_m = demo_below(r, 60);
    if (!v->los && v->admit_h == v->dis_h && v->admit_m > v->dis_m)
        v->admit_m = v->dis_m;
    v->atype = ed ? "emergency" : outpt ? "elective"
               : strcmp(kind, "hospital") != 0 ? "other"
               : s % 20 < 13 ? "emergency" : s % 20 < 16 ? "urgent" : "elective";
    int d = demo_below(r, 100);
    v->disp = ed || outpt ? &dispositions[0]
              : d < 60 ? &dispositions[0] : d < 87 ? &dispositions[1] : d < 91 ? &dispositions[2]
              : d < 96 ? &dispositions[strcmp(kind, "snf") == 0 ? 0 : 3]
              : d < 98 || !recent ? &dispositions[4] : &dispositions[5];
    v->reason = ed ? "emergency department visit (treat and release)"
                : outpt ? "outpatient visit" : v->disp->reason;
    v->eligible = v->reason == NULL;
    v->complexity = ed || outpt ? NULL : demo_chance(r, 35) ? "high" : "moderate";
    v->acute = demo_below(r, 12);
}

static int encounter(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                     const struct visit *v, time_t *created, int64_t *creator, int64_t *id)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_ENCOUNTER, g->err);
    if (!st)
        return g->err->code;
    char admit[CD_INSTANT_LEN], dis[CD_INSTANT_LEN], ddate[CD_DATE_LEN], at[CD_INSTANT_LEN];
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
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":setting", v->setting);
    cd_db_bind_text(st, ":facility", v->facility);
    cd_db_bind_text(st, ":admit", cd_instant_format(
                                      cd_local_to_instant(v->admit_day, v->admit_h, v->admit_m, 0),
                                      admit));
    cd_db_bind_text(st, ":discharge", cd_instant_format(tdis, dis));
    cd_db_bind_text(st, ":ddate", cd_date_format(v->dis_day, ddate));
    cd_db_bind_text(st, ":atype", v->atype);
    cd_db_bind_text(st, ":disp", v->disp->code);
    cd_db_bind_text(st, ":disp_text", v->disp->text);
    cd_db_bind_text(st, ":to", v->disp->to);
    cd_db_bind_text(st, ":dx", dx);
    cd_db_bind_opt(st, ":complexity", v->complexity);
    cd_db_bind_int(st, ":eligible", v->eligible);
    cd_db_bind_opt(st, ":reason", v->reason);
    cd_db_bind_text(st, ":ext", ext);
    cd_db_bind_text(st, ":at", cd_instant_format(*created, at));
    cd_db_bind_id(st, ":by", *creator);
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->encounters++;
    }
    return rc;
}

/* The TCM work of a qualifying discharge: enrollment, contact and visit tasks, calls, visit. */
static int tcm_episode(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p,
                       const struct visit *v, int64_t enc, time_t created, int64_t creator)
{
    struct cd_tcm_due due;
    cd_tcm_deadlines(&g->cal, v->dis_day, &due);
    int high = strcmp(v->complexity, "high") == 0;
    int visit_day = high ? due.visit_due_7 : due.visit_due_14;
    TRY(enroll(g, p, "tcm", due.period_end >= g->today ? "active" : "ended", v->dis_day,
               due.period_end, NULL, 0, enc, NULL,
               due.period_end >= g->today ? NULL : "service period complete", created, creator));
    int64_t task;
    struct demo_task t = {.kind = "tcm_contact",
                          .title = "TCM interactive contact within 2 business days",
                          .status = "open", .due_day = due.contact_due, .priority = 2,
                          .encounter = enc, .created = created, .created_by = creator};
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
        outcome[ncalls++] = i < nfail ? (demo_chance(r, 60) ? "voicemail" : "no_answer")
                            : demo_chance(r, 85) ? "reached" : "caregiver";
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
    TRY(demo_task(g, p, &t, &task));
    time_t due_end = demo_day_end(due.contact_due);
    for (int i = 0; i < ncalls; i++) {
        int ok = i == ncalls - 1 && reached;
        TRY(contact(g, p, task, caller, at[i], outcome[i], at[i] > due_end,
                    ok ? "Post-discharge call: reviewed discharge instructions, medications and "
                         "warning signs; follow-up visit discussed."
                       : strcmp(outcome[i], "voicemail") == 0
                           ? "Left a voicemail with the clinic's call-back number."
                           : "No answer."));
        if (ok)
            TRY(time_entry(g, p, caller, "tcm", "clinical_staff", at[i], secs, "call",
                           "TCM interactive contact"));
    }
    /* the face-to-face visit */
    struct demo_task vt = {.kind = "tcm_visit",
                           .title = high ? "TCM face-to-face visit within 7 days (99496)"
                                         : "TCM face-to-face visit within 14 days (99495)",
                           .status = "open", .due_day = visit_day, .priority = 1,
                           .encounter = enc, .created = created, .created_by = creator};
    if (reached || (ncalls >= 2 && demo_chance(r, 30)) || demo_chance(r, 25)) {
        int aday = v->dis_day + demo_range(r, 2, visit_day - v->dis_day);
        while (!cd_calendar_is_business_day(&g->cal, aday))
            aday++;
        struct demo_appt a = {.kind = "tcm_visit", .status = "booked",
                              .provider = demo_provider_of(g, r, "Primary Care"),
                              .location = "Main Clinic, Suite 200",
                              .note = "Transitional care visit after discharge",
                              .day = aday, .hour = demo_range(r, 9, 15),
                              .minute = 15 * demo_below(r, 4), .duration = 40,
                              .encounter = enc, .created_by = g->sched[demo_below(r, g->nsched)]};
        a.created = (reached ? at[ncalls - 1] + secs : created) + 3600;
        if (a.created > g->now)
            a.created = g->now;
        time_t start = cd_local_to_instant(a.day, a.hour, a.minute, 0);
        if (start + 60 * a.duration <= g->now) {
            a.status = demo_chance(r, 85) ? "kept" : "no_show";
            if (strcmp(a.status, "kept") == 0) {
                vt.status = "done";
                vt.closed = start + 60 * a.duration;
                vt.closed_by = a.created_by;
                vt.close_reason = "visit kept";
            }
        }
        TRY(demo_appointment(g, r, p, &a, &vt.appointment));
    }
    return demo_task(g, p, &vt, NULL);
}

/* ---- monthly care-management time ---- */

static const char *const activities[] = {"call", "call", "call", "careplan_review",
                                         "med_reconciliation", "coordination",
                                         "community_resources", "documentation"};

/* This month's target seconds for PROGRAM: spread over nothing, partial, near and past the
 * thresholds, so billing and the worklist show every case. */
static int month_target(struct demo_rng *r, const char *program, int current)
{
    int c = demo_below(r, 100);
    if (!current) /* a finished month: mostly billable */
        return c < 20 ? demo_range(r, 300, 1190) : demo_range(r, 1200, 3900);
    if (strcmp(program, "ccm_complex") == 0)
        return c < 15 ? 0 : c < 35 ? demo_range(r, 600, 2399) : c < 55 ? demo_range(r, 2400, 3299)
               : c < 70 ? demo_range(r, 3360, 3599) : c < 90 ? demo_range(r, 3600, 5100)
                                                    : demo_range(r, 5280, 5700);
    if (strcmp(program, "pcm") == 0)
        return c < 20 ? 0 : c < 45 ? demo_range(r, 600, 1499) : c < 60 ? demo_range(r, 1680, 1799)
               : c < 90 ? demo_range(r, 1800, 2700) : demo_range(r, 3480, 3720);
    if (strcmp(program, "apcm") == 0)
        return c < 30 ? 0 : demo_range(r, 300, 2400);
    return c < 18 ? 0 : c < 35 ? demo_range(r, 180, 599) : c < 55 ? demo_range(r, 600, 1199)
           : c < 80 ? demo_range(r, 1200, 2279) : c < 88 ? demo_range(r, 2280, 2399)
           : c < 95 ? demo_range(r, 2400, 3300) : demo_range(r, 3480, 3720);
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
        int64_t user = demo_worker(g, r, p);
        const char *role = demo_chance(r, 8) ? "practitioner" : "clinical_staff";
        TRY(time_entry(g, p, user, p->program, role, start, secs, act, NULL));
        if (strcmp(act, "call") == 0) {
            time_t missed;
            if (demo_chance(r, 30) && !demo_slot(g, r, p, from, to, 60, &missed))
                TRY(contact(g, p, 0, user, missed, demo_chance(r, 50) ? "no_answer" : "voicemail",
                            0, NULL));
            int o = demo_below(r, 100);
            const char *outcome = o < 78 ? "reached" : o < 90 ? "caregiver" : "voicemail";
            TRY(contact(g, p, 0, user, start, outcome, 0,
                        o < 90 ? "Monthly check-in: symptoms, medications and goals reviewed."
                               : "Left a voicemail; will try again."));
        }
        target -= secs;
        *done += secs;
    }
    return 0;
}

static int care_time(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p)
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
    if (month_secs >= need || !demo_chance(r, 75))
        return 0;
    char key[64], ym[16];
    snprintf(ym, sizeof ym, "%04d-%02d", y % 10000, m % 100);
    snprintf(key, sizeof key, "ccm_outreach:%lld:%s", (long long)p->id, ym);
    int lo = g->today - 6 < g->month_start ? g->month_start : g->today - 6;
    int hi = g->today + 7 > g->month_end ? g->month_end : g->today + 7;
    struct demo_task t = {.kind = "ccm_outreach", .title = "Monthly care management outreach",
                          .status = "open", .gen_key = key, .due_day = demo_range(r, lo, hi),
                          .created = cd_local_to_instant(g->month_start, 6, 0, 0)};
    if (t.created > g->now)
        t.created = g->now;
    return demo_task(g, p, &t, NULL);
}

/* ---- patients ---- */

struct names {
    struct lines female, male, family, facilities, providers, conditions;
};

static const char *const languages[] = {"English", "English", "English", "English", "English",
                                        "English", "English", "English", "English", "English",
                                        "English", "English", "English", "English", "Spanish",
                                        "Spanish", "Spanish", "Vietnamese", "Portuguese",
                                        "Haitian Creole", "Chinese", "Russian"};
static const char *const area_codes[] = {"617", "508", "781", "978", "413", "401"};

/* N distinct chronic conditions of distinct groups; the first one complex when COMPLEX. */
static void pick_conditions(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int n,
                            int complex)
{
    for (int tries = 0; p->ncond < n && p->ncond < DEMO_MAX_COND && tries < 64; tries++) {
        int c = demo_below(r, g->nconds);
        const struct demo_cond *dc = &g->conds[c];
        if (!dc->chronic || (complex && p->ncond == 0 && !dc->complex))
            continue;
        int dup = 0;
        for (int i = 0; i < p->ncond && !dup; i++)
            dup = strcmp(g->conds[p->cond[i]].group, dc->group) == 0;
        if (!dup)
            p->cond[p->ncond++] = c;
    }
}

static int lace_points(const struct visit *v, int charlson, int ed_visits)
{
    int l = 0, c, e = ed_visits > 4 ? 4 : ed_visits;
    if (v)
        l = v->los < 1 ? 0 : v->los <= 3 ? v->los : v->los <= 6 ? 4 : v->los <= 13 ? 5 : 7;
    c = charlson >= 4 ? 5 : charlson;
    return l + (v && strcmp(v->atype, "emergency") == 0 ? 3 : 0) + c + e;
}

static int insert_patient(struct demo_gen *g, struct demo_rng *r, const struct names *nm, int idx,
                          struct demo_patient *p, int lace, const struct visit *death)
{
    sqlite3_stmt *st = cd_db_stmt(g->store, SQL_PATIENT, g->err);
    if (!st)
        return g->err->code;
    int female = demo_chance(r, 56);
    const struct lines *gl = female ? &nm->female : &nm->male;
    char family[160], mrn[16], birth[CD_DATE_LEN], phone[24], alt[24], at[CD_INSTANT_LEN],
        died[CD_INSTANT_LEN];
    const char *f1 = nm->family.v[demo_below(r, nm->family.n)];
    if (demo_chance(r, 6))
        snprintf(family, sizeof family, "%s-%s", f1, nm->family.v[demo_below(r, nm->family.n)]);
    else
        snprintf(family, sizeof family, "%s", f1);
    int y, m, d;
    cd_date_to_ymd(g->today, &y, &m, &d);
    int age = demo_chance(r, 85) ? demo_range(r, 65, 97) : demo_range(r, 40, 64);
    snprintf(mrn, sizeof mrn, "D%07d", (idx + 1) % 10000000);
    snprintf(phone, sizeof phone, "%s-555-%04d", area_codes[demo_below(r, 6)],
             demo_range(r, 100, 199));
    snprintf(alt, sizeof alt, "%s-555-%04d", area_codes[demo_below(r, 6)], demo_range(r, 100, 199));
    time_t created = cd_local_to_instant(g->today - demo_range(r, 400, 2500), demo_range(r, 8, 17),
                                         demo_below(r, 60), 0);
    cd_db_bind_text(st, ":mrn", mrn);
    cd_db_bind_text(st, ":family", family);
    cd_db_bind_text(st, ":given", gl->v[demo_below(r, gl->n)]);
    cd_db_bind_text(st, ":birth",
                    cd_date_format(cd_date_from_ymd(y - age, demo_range(r, 1, 12),
                                                    demo_range(r, 1, 28)), birth));
    cd_db_bind_text(st, ":sex", female ? "F" : "M");
    cd_db_bind_text(st, ":phone", phone);
    cd_db_bind_opt(st, ":phone_alt", demo_chance(r, 30) ? alt : NULL);
    cd_db_bind_text(st, ":lang", languages[demo_below(r, 22)]);
    cd_db_bind_id(st, ":coord", p->coord);
    cd_db_bind_text(st, ":tier", lace <= 4 ? "low" : lace <= 9 ? "moderate" : "high");
    cd_db_bind_int(st, ":lace", lace);
    cd_db_bind_opt(st, ":deceased",
                   death ? cd_instant_format(cd_local_to_instant(death->dis_day, death->dis_h,
                                                                 death->dis_m, 0), died)
                         : NULL);
    cd_db_bind_text(st, ":at", cd_instant_format(created, at));
    int rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (rc)
        return rc;
    p->id = cd_db_last_id(g->store);
    g->st->patients++;
    st = cd_db_stmt(g->store, SQL_CONDITION, g->err);
    if (!st)
        return g->err->code;
    for (int i = 0; i < p->ncond && !rc; i++) {
        const struct demo_cond *c = &g->conds[p->cond[i]];
        cd_db_bind_int(st, ":pid", p->id);
        cd_db_bind_text(st, ":code", c->code);
        cd_db_bind_text(st, ":desc", c->desc);
        cd_db_bind_int(st, ":chronic", c->chronic);
        cd_db_bind_text(st, ":onset", cd_date_format(g->today - demo_range(r, 200, 6000), birth));
        rc = cd_db_exec(g->store, st, g->err);
        cd_db_done(st);
        g->st->conditions += !rc;
    }
    return rc;
}

static int patient(struct demo_gen *g, const struct names *nm, int idx)
{
    struct demo_rng r;
    demo_rng_init(&r, g->seed, (uint64_t)idx + 1);
    struct demo_patient p = {.deceased_day = -1};
    int c = demo_below(&r, 100);
    p.program = c < 52 ? "ccm" : c < 62 ? "ccm_complex" : c < 70 ? "pcm" : c < 74 ? "apcm" : NULL;
    int nchronic = !p.program ? demo_below(&r, 3)
                   : strcmp(p.program, "ccm_complex") == 0 ? demo_range(&r, 3, 6)
                   : strcmp(p.program, "pcm") == 0         ? demo_range(&r, 1, 2)
                                                           : demo_range(&r, 2, 5);
    pick_conditions(g, &r, &p, nchronic, p.program && strcmp(p.program, "pcm") == 0);
    int charlson = 0;
    for (int i = 0; i < p.ncond; i++)
        charlson += g->conds[p.cond[i]].weight;
    if (demo_chance(&r, 3)) {
        p.team = demo_teams[idx % 2];
    } else {
        int k = demo_below(&r, g->ncoord);
        p.coord = g->coord[k];
        p.team = g->coord_team[k];
    }
    if (p.program)
        p.enroll_day = demo_chance(&r, 6) ? g->today - demo_range(&r, 0, 20)
                                          : g->today - demo_range(&r, 21, 1100);
    /* visits: older ones (most ED) and perhaps a discharge in the last 30 days */
    struct visit hist[3], recent, *base = NULL;
    int nhist = demo_below(&r, 100), has_recent;
    nhist = nhist < 40 ? 0 : nhist < 70 ? 1 : nhist < 90 ? 2 : 3;
    for (int i = 0; i < nhist; i++)
        plan_visit(g, &r, &nm->facilities, g->today - demo_range(&r, 31, 730), 0, &hist[i]);
    has_recent = demo_chance(&r, !p.program ? 6 : strcmp(p.program, "ccm_complex") == 0 ? 18 : 10);
    if (has_recent) {
        int day = g->today - demo_range(&r, 0, 29);
        struct tm tm;
        cd_instant_local_tm(g->now, &tm);
        if (day == g->today && tm.tm_hour < 2)
            day--;
        plan_visit(g, &r, &nm->facilities, day, 1, &recent);
        if (strcmp(recent.setting, "ed") != 0)
            base = &recent;
    }
    for (int i = 0; i < nhist && !base; i++)
        if (strcmp(hist[i].setting, "ed") != 0 && strcmp(hist[i].setting, "outpatient") != 0 &&
            (!base || hist[i].dis_day > base->dis_day))
            base = &hist[i];
    int ed = 0, ref = base ? base->admit_day : g->today;
    for (int i = 0; i < nhist; i++)
        ed += strcmp(hist[i].setting, "ed") == 0 && hist[i].dis_day < ref &&
              hist[i].dis_day >= ref - 182;
    const struct visit *death = has_recent && strcmp(recent.disp->code, "20") == 0 ? &recent : NULL;
    if (death) {
        p.deceased_day = death->dis_day;
        if (p.program && p.enroll_day > death->admit_day - 30)
            p.enroll_day = death->admit_day - 30;
    }
    TRY(insert_patient(g, &r, nm, idx, &p, lace_points(base, charlson, ed), death));

    time_t created;
    int64_t creator, enc;
    for (int i = 0; i < nhist; i++) {
        TRY(encounter(g, &r, &p, &hist[i], &created, &creator, &enc));
        if (hist[i].eligible)
            TRY(enroll(g, &p, "tcm", "ended", hist[i].dis_day, hist[i].dis_day + 29, NULL, 0, enc,
                       NULL, "service period complete", created, creator));
    }
    if (p.program) {
        int start = p.enroll_day;
        time_t at = cd_local_to_instant(start, demo_range(&r, 9, 16), demo_below(&r, 60), 0);
        if (at > g->now)
            at = g->now;
        int64_t by = demo_worker(g, &r, &p);
        TRY(enroll(g, &p, p.program, death ? "ended" : "active", start,
                   death ? death->dis_day : -1, demo_chance(&r, 70) ? "verbal" : "written", by, 0,
                   "Cost sharing and the right to stop at any time explained.",
                   death ? "deceased" : NULL, at, by));
    } else if (demo_chance(&r, 8)) {
        int start = g->today - demo_range(&r, 10, 400);
        TRY(enroll(g, &p, "ccm", "declined", start, -1, "none", 0, 0,
                   "Declined: does not want a monthly copay.", NULL,
                   cd_local_to_instant(start, 11, 0, 0), demo_worker(g, &r, &p)));
    }
    if (has_recent) {
        TRY(encounter(g, &r, &p, &recent, &created, &creator, &enc));
        if (recent.eligible) {
            TRY(tcm_episode(g, &r, &p, &recent, enc, created, creator));
        } else if (strcmp(recent.setting, "ed") == 0) {
            int due = cd_calendar_add_business_days(&g->cal, recent.dis_day, 2);
            time_t closed = cd_local_to_instant(recent.dis_day + 1, demo_range(&r, 9, 15), 0, 0);
            struct demo_task t = {.kind = "followup", .title = "Follow up after an ED visit",
                                  .status = "open", .due_day = due, .encounter = enc,
                                  .created = created, .created_by = creator};
            if (due < g->today && closed <= g->now && demo_chance(&r, 70)) {
                t.status = "done";
                t.closed = closed;
                t.closed_by = demo_worker(g, &r, &p);
                t.close_reason = "patient reached; no new concerns";
            }
            TRY(demo_task(g, &p, &t, NULL));
        }
    }
    if (p.program) {
        TRY(care_time(g, &r, &p));
        TRY(demo_careplan(g, &r, &p));
    }
    TRY(demo_visits(g, &r, &p));
    return demo_referrals(g, &r, &p);
}

/* ---- the entry point ---- */

static int count_patients(struct cd_store *store, int64_t *n, struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_PATIENTS, err);
    if (!st)
        return err ? err->code : CD_EIO;
    int rc = cd_db_step(store, st, err);
    *n = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

static int generate(struct demo_gen *g, const struct cd_demo_opts *opts, struct names *nm)
{
    TRY(demo_lines_load("demo/given_female.txt", &nm->female, g->err));
    TRY(demo_lines_load("demo/given_male.txt", &nm->male, g->err));
    TRY(demo_lines_load("demo/family.txt", &nm->family, g->err));
    TRY(demo_lines_load("demo/facilities.tsv", &nm->facilities, g->err));
    TRY(demo_lines_load("demo/providers.tsv", &nm->providers, g->err));
    TRY(demo_lines_load("demo/conditions.tsv", &nm->conditions, g->err));
    TRY(demo_load_conditions(g, &nm->conditions));
    TRY(demo_load_providers(g, &nm->providers));
    TRY(cd_calendar_load(g->store, &g->cal, g->err));
    TRY(cd_store_begin(g->store, g->err));
    int rc = demo_staff(g, opts, &nm->female, &nm->male, &nm->family);
    for (int i = 0; !rc && i < opts->patients; i++)
        rc = patient(g, nm, i);
    if (!rc) {
        char detail[64];
        snprintf(detail, sizeof detail, "demo generated %d patients", opts->patients);
        rc = cd_audit_log(g->store, "demo", 0, "generate", detail, g->err);
    }
    if (!rc)
        rc = cd_store_commit(g->store, g->err);
    if (rc)
        cd_store_rollback(g->store);
    return rc;
}

int cd_demo_generate(struct cd_store *store, const struct cd_demo_opts *opts,
                     struct cd_demo_stats *stats, struct cd_error *err)
{
    struct cd_error local_err = {0};
    struct cd_demo_stats local = {0};
    if (!err)
        err = &local_err;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (opts->patients < 1 || opts->patients > 1000000)
        return cd_error_set(err, CD_EINVAL, "patients: %d is not between 1 and 1000000",
                            opts->patients);
    int64_t n = 0;
    TRY(count_patients(store, &n, err));
    if (n > 0)
        return cd_error_set(err, CD_EEXIST,
                            "DB already holds %lld patients; demo fills only an empty database",
                            (long long)n);
    struct demo_gen g = {.store = store, .err = err, .st = stats, .seed = opts->seed,
                         .today = cd_clock_today(), .now = cd_clock_now() / 60 * 60,
                         .zone = cd_clock_zone()};
    int y, m, d;
    cd_date_to_ymd(g.today, &y, &m, &d);
    g.month_start = cd_date_from_ymd(y, m, 1);
    g.month_end = g.month_start + cd_date_days_in_month(y, m) - 1;
    struct names nm;
    memset(&nm, 0, sizeof nm);
    /* For the bulk load only, each undone afterwards: a bigger page cache, and no trimming of
     * the heap (SQLite frees and re-allocates statement memory at the top of the heap on every
     * row, and glibc would return and re-map it each time). */
    cd_db_exec_script(store, "PRAGMA cache_size = -65536", NULL);
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    int rc = generate(&g, opts, &nm);
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 128 << 10);
    malloc_trim(0);
#endif
    cd_db_exec_script(store, "PRAGMA cache_size = -2000", NULL);
    cd_calendar_free(&g.cal);
    free(g.conds);
    free(g.prov);
    free(g.coord);
    free(g.coord_team);
    free(g.sched);
    demo_lines_free(&nm.female);
    demo_lines_free(&nm.male);
    demo_lines_free(&nm.family);
    demo_lines_free(&nm.facilities);
    demo_lines_free(&nm.providers);
    demo_lines_free(&nm.conditions);
    if (rc)
        memset(stats, 0, sizeof *stats);
    return rc;
}
