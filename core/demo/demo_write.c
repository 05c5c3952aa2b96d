/* SPDX-License-Identifier: MIT */
/* The demo's bulk-load module, part one: staff, patients and their conditions, encounters,
 * enrollments and appointments. With demo_write_care.c it holds every write the demo makes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/demo/demo_gen.h"
#include "core/store/db.h"

/* Why not core's functions: each of cd_user_add, cd_patient_add, cd_discharge_record,
 * cd_enrollment_enroll and cd_appointment_book stamps its row with the present (the demo
 * backdates years of history), writes an audit entry per row (the demo writes one for the
 * whole load), and looks up and re-checks what the steps make valid by construction, for each
 * of a million rows. The statements below keep the rules those functions keep. */

/* cd_user_add's row (core/user.c); the login is free and valid (demo_staff checks). */
static const char SQL_USER[] = "INSERT INTO users(login, name, role, team, created_at) "
                               "VALUES (:login, :name, :role, :team, :at)";
/* cd_patient_add's row (core/patient.c) plus what the chart header shows: the LACE score and
 * its tier, and the death a discharge recorded. */
static const char SQL_PATIENT[] =
    "INSERT INTO patients(mrn, family_name, given_name, birth_date, sex, phone, phone_alt, "
    "language, coordinator_id, risk_tier, lace_score, deceased_at, name_key, created_at, "
    "updated_at) VALUES (:mrn, :family, :given, :birth, :sex, :phone, :phone_alt, :lang, :coord, "
    ":tier, :lace, :deceased, :key, :at, :at)";
/* No core function adds a condition yet: the demo is the only source ('demo'). */
static const char SQL_CONDITION[] =
    "INSERT INTO conditions(patient_id, icd10, description, chronic, onset_date, source) "
    "VALUES (:pid, :code, :desc, :chronic, :onset, 'demo')";
/* cd_discharge_record's row (core/encounter.c); status keeps its default, 'discharged'. */
static const char SQL_ENCOUNTER[] =
    "INSERT INTO encounters(patient_id, setting, facility, admit_at, discharge_at, discharge_date, "
    "admission_type, disposition, disposition_text, discharged_to, diagnoses, complexity, "
    "tcm_eligible, ineligible_reason, source, external_id, created_at, created_by) "
    "VALUES (:pid, :setting, :facility, :admit, :discharge, :ddate, :atype, :disp, :disp_text, "
    ":to, :dx, :complexity, :eligible, :reason, 'demo', :ext, :at, :by)";
/* cd_enrollment_enroll's row (core/enrollment.c), and the TCM period cd_discharge_record opens;
 * the demo also writes ended and declined enrollments. */
static const char SQL_ENROLL[] =
    "INSERT INTO enrollments(patient_id, program, status, start_date, end_date, consent_date, "
    "consent_method, consent_by, encounter_id, note, end_reason, created_at, created_by) "
    "VALUES (:pid, :program, :status, :start, :end, :consent, :method, :by, :enc, :note, "
    ":end_reason, :at, :by_user)";
/* cd_appointment_book's row (core/appointment.c), with the outcome of a past visit. */
static const char SQL_APPT[] =
    "INSERT INTO appointments(uid, sequence, patient_id, kind, status, start_at, start_local, "
    "duration_min, tzid, provider, location, encounter_id, note, cancel_reason, created_at, "
    "created_by, updated_at) VALUES (:uid, :seq, :pid, :kind, :status, :start, :local, :dur, "
    ":tzid, :provider, :location, :enc, :note, :cancel, :at, :by, :upd)";

int demo_write_user(struct demo_gen *g, const char *login, const char *name, const char *role,
                    const char *team, time_t created, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_USER, &st, g->err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":login", login);
    cd_db_bind_text(st, ":name", name);
    cd_db_bind_text(st, ":role", role);
    cd_db_bind_opt(st, ":team", team);
    cd_db_bind_text(st, ":at", cd_instant_format(created, at));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->users++;
    }
    return rc;
}

int demo_write_patient(struct demo_gen *g, const struct demo_patient *p, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_PATIENT, &st, g->err)))
        return rc;
    /* the search key cd_patient_add writes: "family given" through cd_text_lower */
    char name[400], birth[CD_DATE_LEN], died[CD_INSTANT_LEN], at[CD_INSTANT_LEN];
    snprintf(name, sizeof name, "%s %s", p->family, p->given);
    char *key = cd_text_lower(name);
    if (!key)
        return cd_error_set(g->err, CD_ENOMEM, "out of memory");
    cd_db_bind_text(st, ":mrn", p->mrn);
    cd_db_bind_text(st, ":family", p->family);
    cd_db_bind_text(st, ":given", p->given);
    cd_db_bind_text(st, ":birth", cd_date_format(p->birth_day, birth));
    cd_db_bind_text(st, ":sex", p->sex);
    cd_db_bind_text(st, ":phone", p->phone);
    cd_db_bind_opt(st, ":phone_alt", p->phone_alt[0] ? p->phone_alt : NULL);
    cd_db_bind_text(st, ":lang", p->language);
    cd_db_bind_id(st, ":coord", p->coord);
    /* the LACE tiers of domain.md: 0-4 low, 5-9 moderate, 10 and over high */
    cd_db_bind_text(st, ":tier", p->lace <= 4 ? "low" : p->lace <= 9 ? "moderate" : "high");
    cd_db_bind_int(st, ":lace", p->lace);
    cd_db_bind_opt(st, ":deceased", p->deceased ? cd_instant_format(p->deceased, died) : NULL);
    cd_db_bind_text(st, ":key", key);
    cd_db_bind_text(st, ":at", cd_instant_format(p->created, at));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    free(key);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->patients++;
    }
    return rc;
}

int demo_write_condition(struct demo_gen *g, const struct demo_patient *p,
                         const struct demo_cond *c, int onset_day)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_CONDITION, &st, g->err)))
        return rc;
    char onset[CD_DATE_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":code", c->code);
    cd_db_bind_text(st, ":desc", c->desc);
    cd_db_bind_int(st, ":chronic", c->chronic);
    cd_db_bind_text(st, ":onset", cd_date_format(onset_day, onset));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    g->st->conditions += !rc;
    return rc;
}

int demo_write_encounter(struct demo_gen *g, const struct demo_patient *p,
                         const struct demo_encounter *e, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_ENCOUNTER, &st, g->err)))
        return rc;
    const struct demo_visit *v = e->visit;
    char admit[CD_INSTANT_LEN], dis[CD_INSTANT_LEN], ddate[CD_DATE_LEN], at[CD_INSTANT_LEN];
    time_t tadmit = cd_local_to_instant(v->admit_day, v->admit_h, v->admit_m, 0);
    time_t tdis = cd_local_to_instant(v->dis_day, v->dis_h, v->dis_m, 0);
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":setting", v->setting);
    cd_db_bind_text(st, ":facility", v->facility);
    cd_db_bind_text(st, ":admit", cd_instant_format(tadmit, admit));
    cd_db_bind_text(st, ":discharge", cd_instant_format(tdis, dis));
    cd_db_bind_text(st, ":ddate", cd_date_format(v->dis_day, ddate));
    cd_db_bind_text(st, ":atype", v->atype);
    cd_db_bind_text(st, ":disp", v->disp->code);
    cd_db_bind_text(st, ":disp_text", v->disp->text);
    cd_db_bind_text(st, ":to", v->disp->to);
    cd_db_bind_text(st, ":dx", e->diagnoses);
    cd_db_bind_opt(st, ":complexity", v->complexity);
    cd_db_bind_int(st, ":eligible", v->eligible);
    cd_db_bind_opt(st, ":reason", v->reason);
    cd_db_bind_text(st, ":ext", e->external_id);
    cd_db_bind_text(st, ":at", cd_instant_format(e->created, at));
    cd_db_bind_id(st, ":by", e->created_by);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->encounters++;
    }
    return rc;
}

int demo_write_enrollment(struct demo_gen *g, const struct demo_patient *p,
                          const struct demo_enrollment *e)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_ENROLL, &st, g->err)))
        return rc;
    char s[CD_DATE_LEN], end[CD_DATE_LEN], at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":program", e->program);
    cd_db_bind_text(st, ":status", e->status);
    cd_db_bind_text(st, ":start", cd_date_format(e->start, s));
    cd_db_bind_opt(st, ":end", e->end >= 0 ? cd_date_format(e->end, end) : NULL);
    /* consent is documented with its date, method and who took it, or not at all */
    cd_db_bind_opt(st, ":consent", e->method ? s : NULL);
    cd_db_bind_opt(st, ":method", e->method);
    cd_db_bind_id(st, ":by", e->method ? e->consent_by : 0);
    cd_db_bind_id(st, ":enc", e->encounter);
    cd_db_bind_opt(st, ":note", e->note);
    cd_db_bind_opt(st, ":end_reason", e->end_reason);
    cd_db_bind_text(st, ":at", cd_instant_format(e->created, at));
    cd_db_bind_id(st, ":by_user", e->created_by);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->enrollments++;
    return rc;
}

int demo_write_appointment(struct demo_gen *g, const struct demo_patient *p,
                           const struct demo_appt *a, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_APPT, &st, g->err)))
        return rc;
    /* as cd_appointment_book: the clinic wall time, its instant and the clinic zone */
    char start[CD_INSTANT_LEN], local[20], at[CD_INSTANT_LEN], date[CD_DATE_LEN];
    snprintf(local, sizeof local, "%sT%02d:%02d", cd_date_format(a->day, date), a->hour % 100,
             a->minute % 100);
    cd_db_bind_text(st, ":uid", a->uid);
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
    /* as cd_appointment_kept, _no_show and _cancel: the change is stamped when it was made */
    cd_db_bind_text(st, ":upd", cd_instant_format(a->updated ? a->updated : a->created, at));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        g->st->appointments++;
        if (id)
            *id = cd_db_last_id(g->store);
    }
    return rc;
}
