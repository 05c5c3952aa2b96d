/* SPDX-License-Identifier: MIT */
/* Discharges: validation, TCM eligibility (setting, patient class, disposition, death), and the
 * records a discharge creates (domain.md, TCM). The disposition table is data/dispositions.tsv. */
#include "config.h"
#include "core/encounter.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/lace.h"
#include "core/lifecycle.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"

static const char SQL_FIND[] =
    "SELECT id, patient_id FROM encounters WHERE source = :source AND external_id = :ext";
static const char SQL_INSERT[] =
    "INSERT INTO encounters(patient_id, setting, facility, admit_at, discharge_at, discharge_date, "
    "admission_type, disposition, disposition_text, discharged_to, diagnoses, complexity, status, "
    "tcm_eligible, ineligible_reason, source, external_id, created_at, created_by) VALUES "
    "(:patient, :setting, :facility, :admit, :discharge, :date, :adm_type, :disp, :disp_text, "
    ":to, :dx, :complexity, 'discharged', :eligible, :reason, :source, :ext, :at, :by)";
static const char SQL_ENROLL[] =
    "INSERT INTO enrollments(patient_id, program, status, start_date, end_date, encounter_id, "
    "created_at, created_by) VALUES (:patient, 'tcm', 'active', :start, :end, :encounter, :at, "
    ":by)";
static const char SQL_COORDINATOR[] = "SELECT coordinator_id FROM patients WHERE id = :id";
static const char SQL_DIED[] = "SELECT deceased_at FROM patients WHERE id = :id";
static const char SQL_CANCEL[] =
    "UPDATE encounters SET status = 'cancelled' WHERE id = :id AND status <> 'cancelled'";
static const char SQL_END_ENROLL[] =
    "UPDATE enrollments SET status = 'ended', end_reason = :reason WHERE encounter_id = :id "
    "AND status = 'active'";

static const char *const settings[] = {"inpatient",  "snf",         "irf",     "ltch",
                                       "psych",      "observation", "partial", "ed",
                                       "outpatient", "other",       NULL};
static const char *const admission_types[] = {"emergency", "urgent", "elective", "other", NULL};
static const char *const complexities[] = {"moderate", "high", NULL};
static const char *const sources[] = {"hl7", "csv", "manual", "demo", NULL};

/* The table entry matching V case-insensitively, or NULL. */
static const char *canon(const char *v, const char *const *list)
{
    for (; v && *list; list++)
        if (strcasecmp(v, *list) == 0)
            return *list;
    return NULL;
}

static bool given(const char *s)
{
    return s && *s;
}

/* data/dispositions.tsv, parsed once into a static table (the text stays in the binary). */
#define MAX_DISP 64
static struct cd_disposition disp_table[MAX_DISP];
static size_t disp_count;
static char *disp_text;

static void disp_load(void)
{
    if (disp_text || disp_count)
        return;
    const char *src = cd_builtin_get("dispositions.tsv");
    if (!src || !(disp_text = cd_strdup(src)))
        return;
    char *col[6], *cursor = disp_text;
    size_t n;
    while (disp_count < MAX_DISP && (n = cd_tsv_row(&cursor, col, 6)))
        if (n >= 4)
            disp_table[disp_count++] = (struct cd_disposition){.code = col[0],
                                                               .key = col[1],
                                                               .community = col[2][0] == '1',
                                                               .text = col[3],
                                                               .reason = n > 4 ? col[4] : "",
                                                               .died = n > 5 && col[5][0] == '1'};
}

const struct cd_disposition *cd_disposition_find(const char *code_or_key)
{
    disp_load();
    if (!given(code_or_key))
        return NULL;
    for (size_t i = 0; i < disp_count; i++)
        if (strcmp(disp_table[i].code, code_or_key) == 0 ||
            strcasecmp(disp_table[i].key, code_or_key) == 0)
            return &disp_table[i];
    return NULL;
}

bool cd_discharge_setting_qualifies(const char *setting)
{
    static const char *const qualifying[] = {"inpatient", "snf",         "irf",     "ltch",
                                             "psych",     "observation", "partial", NULL};
    return canon(setting, qualifying) != NULL;
}

bool cd_discharge_eligible(const char *setting, const char *patient_class,
                           const struct cd_disposition *disp, bool deceased, const char **reason)
{
    const char *why = NULL;
    if (given(patient_class) && strcasecmp(patient_class, "E") == 0)
        why = "emergency department visit (PV1-2 = E)";
    else if (deceased)
        why = "patient died";
    else if (!cd_discharge_setting_qualifies(setting))
        why = canon(setting, settings) && strcmp(canon(setting, settings), "ed") == 0
                  ? "emergency department visit"
                  : "not a qualifying inpatient, observation or facility stay";
    else if (disp && !disp->community)
        why = disp->reason;
    if (reason)
        *reason = why;
    return why == NULL;
}

static int field_err(struct cd_error *err, const char *field, const char *value, const char *why)
{
    return cd_error_set(err, CD_EINVAL, "%s: '%.60s' %s", field, value ? value : "", why);
}

/* An ICD-10 code: a letter, a digit, an alphanumeric, then up to 4 more after an optional dot. */
static bool icd10_valid(const char *s, size_t n)
{
    if (n < 3 || n > 8 || !isalpha((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
        !isalnum((unsigned char)s[2]))
        return false;
    size_t i = 3;
    if (i < n && s[i] == '.')
        i++;
    if (i == 4 && i == n)
        return false;
    for (; i < n; i++)
        if (!isalnum((unsigned char)s[i]))
            return false;
    return true;
}

/* Diagnoses normalised to upper-case codes joined by ';' (OUT), or an error naming the code. */
static int diagnoses_norm(const char *s, struct cd_strbuf *out, struct cd_error *err)
{
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *start = p;
        while (*p && *p != ';')
            p++;
        const char *end = p;
        while (end > start && end[-1] == ' ')
            end--;
        if (end == start)
            continue;
        if (!icd10_valid(start, (size_t)(end - start)))
            return cd_error_set(err, CD_EINVAL, "diagnoses: '%.*s' is not an ICD-10 code",
                                (int)(end - start > 20 ? 20 : end - start), start);
        if (out->len)
            cd_strbuf_addc(out, ';');
        for (const char *q = start; q < end; q++)
            cd_strbuf_addc(out, (char)toupper((unsigned char)*q));
    }
    return out->oom ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
}

static int instant_field(const char *field, const char *value, time_t *t, struct cd_error *err)
{
    int rc = cd_instant_parse(value, t, err);
    return rc ? cd_error_prefix(err, rc, "%s: ", field) : 0;
}

/* The patient part of IN. */
static struct cd_patient_in patient_of(const struct cd_discharge_in *in)
{
    return (struct cd_patient_in){.mrn = in->mrn,
                                  .family = in->family_name,
                                  .given = in->given_name,
                                  .birth_date = in->birth_date,
                                  .sex = in->sex,
                                  .phone = in->phone,
                                  .language = in->language};
}

/* One patient field: the patient rules run with the other required fields filled in, so the
 * only message can be about FIELD (the rules stay in core/patient.c). */
static int check_patient_field(const struct cd_discharge_in *in, const char *field,
                               struct cd_error *err)
{
    struct cd_patient_in p = {.mrn = "M", .family = "F", .given = "G"};
    if (strcmp(field, "mrn") == 0)
        p.mrn = in->mrn;
    else if (strcmp(field, "family_name") == 0)
        p.family = in->family_name;
    else if (strcmp(field, "given_name") == 0)
        p.given = in->given_name;
    else if (strcmp(field, "birth_date") == 0)
        p.birth_date = in->birth_date;
    else if (strcmp(field, "sex") == 0)
        p.sex = in->sex;
    else if (strcmp(field, "phone") == 0)
        p.phone = in->phone;
    else
        p.language = in->language;
    return cd_patient_validate(&p, err);
}

static int check_discharge_at(const struct cd_discharge_in *in, struct cd_error *err)
{
    time_t dis, adm;
    const char *why;
    int rc;
    if (!given(in->discharge_at))
        return field_err(err, "discharge_at", "", "is empty");
    if ((why = cd_text_check(in->discharge_at, 64, true)))
        return field_err(err, "discharge_at", in->discharge_at, why);
    if ((rc = instant_field("discharge_at", in->discharge_at, &dis, err)))
        return rc;
    if (dis > cd_clock_now() + 3600)
        return field_err(err, "discharge_at", in->discharge_at, "is in the future");
    /* the order of the two times is discharge_at's to report; a bad admit_at reports itself */
    if (given(in->admit_at) && !cd_text_check(in->admit_at, 64, true) &&
        !cd_instant_parse(in->admit_at, &adm, NULL) && dis < adm)
        return cd_error_set(err, CD_EINVAL, "discharge_at: '%.40s' is before admit_at '%.40s'",
                            in->discharge_at, in->admit_at);
    /* a stay that ends before the patient was born is a typo in one of the two (the birth date
     * is birth_date's to check) */
    int born;
    if (given(in->birth_date) && !cd_date_parse(in->birth_date, &born, NULL) &&
        cd_instant_local_day(dis) < born)
        return cd_error_set(err, CD_EINVAL,
                            "discharge_at: '%.40s' is before the patient's birth date (%.10s)",
                            in->discharge_at, in->birth_date);
    return 0;
}

static int check_admit_at(const struct cd_discharge_in *in, struct cd_error *err)
{
    time_t adm;
    const char *why;
    if (!given(in->admit_at))
        return 0;
    if ((why = cd_text_check(in->admit_at, 64, true)))
        return field_err(err, "admit_at", in->admit_at, why);
    return instant_field("admit_at", in->admit_at, &adm, err);
}

/* PID-29: a time of death, not in the future and not before birth. */
static int check_deceased_at(const struct cd_discharge_in *in, struct cd_error *err)
{
    time_t t;
    const char *why;
    int born;
    if (!given(in->deceased_at))
        return 0;
    if ((why = cd_text_check(in->deceased_at, 64, false)))
        return field_err(err, "deceased_at", in->deceased_at, why);
    int rc = instant_field("deceased_at", in->deceased_at, &t, err);
    if (rc)
        return rc;
    if (t > cd_clock_now() + 3600)
        return field_err(err, "deceased_at", in->deceased_at, "is in the future");
    if (given(in->birth_date) && !cd_date_parse(in->birth_date, &born, NULL) &&
        cd_instant_local_day(t) < born)
        return cd_error_set(err, CD_EINVAL,
                            "deceased_at: '%.40s' is before the patient's birth date (%.10s)",
                            in->deceased_at, in->birth_date);
    return 0;
}

static int check_diagnoses(const struct cd_discharge_in *in, struct cd_error *err)
{
    const char *why;
    if (!given(in->diagnoses))
        return 0;
    if ((why = cd_text_check(in->diagnoses, 2000, false)))
        return field_err(err, "diagnoses", in->diagnoses, why);
    struct cd_strbuf dx = CD_STRBUF_INIT;
    int rc = diagnoses_norm(in->diagnoses, &dx, err);
    cd_strbuf_free(&dx);
    return rc;
}

/* The discharge fields in the order cd_discharge_validate checks them. */
static const char *const discharge_fields[] = {
    "discharge_at", "admit_at",      "facility",       "setting",   "patient_class",
    "disposition",  "discharged_to", "admission_type", "diagnoses", "complexity",
    "source",       "external_id",   "deceased_at",    NULL};

int cd_discharge_check_field(const struct cd_discharge_in *in, const char *field,
                             struct cd_error *err)
{
    static const char *const patient_fields[] = {"mrn", "family_name", "given_name", "birth_date",
                                                 "sex", "phone",       "language",   NULL};
    const char *why;
    if (canon(field, patient_fields) && strcmp(canon(field, patient_fields), field) == 0)
        return check_patient_field(in, field, err);
    if (strcmp(field, "discharge_at") == 0)
        return check_discharge_at(in, err);
    if (strcmp(field, "admit_at") == 0)
        return check_admit_at(in, err);
    if (strcmp(field, "facility") == 0) {
        if ((why = cd_text_check(in->facility, 200, false)))
            return field_err(err, "facility", in->facility, why);
    } else if (strcmp(field, "setting") == 0) {
        if (!given(in->setting))
            return field_err(err, "setting", "", "is empty");
        if (!canon(in->setting, settings))
            return field_err(err, "setting", in->setting,
                             "is not inpatient, snf, irf, ltch, psych, observation, partial, ed, "
                             "outpatient or other");
    } else if (strcmp(field, "patient_class") == 0) {
        if ((why = cd_text_check(in->patient_class, 8, false)))
            return field_err(err, "patient_class", in->patient_class, why);
    } else if (strcmp(field, "disposition") == 0) {
        if (given(in->disposition) && !cd_disposition_find(in->disposition))
            return field_err(err, "disposition", in->disposition,
                             "is not a NUBC discharge status code or name (see dispositions.tsv)");
    } else if (strcmp(field, "discharged_to") == 0) {
        if ((why = cd_text_check(in->discharged_to, 200, false)))
            return field_err(err, "discharged_to", in->discharged_to, why);
    } else if (strcmp(field, "admission_type") == 0) {
        if (given(in->admission_type) && !canon(in->admission_type, admission_types))
            return field_err(err, "admission_type", in->admission_type,
                             "is not emergency, urgent, elective or other");
    } else if (strcmp(field, "diagnoses") == 0) {
        return check_diagnoses(in, err);
    } else if (strcmp(field, "complexity") == 0) {
        if (given(in->complexity) && !canon(in->complexity, complexities))
            return field_err(err, "complexity", in->complexity, "is not moderate or high");
    } else if (strcmp(field, "source") == 0) {
        if (!canon(in->source, sources))
            return field_err(err, "source", in->source, "is not hl7, csv, manual or demo");
    } else if (strcmp(field, "deceased_at") == 0) {
        return check_deceased_at(in, err);
    } else if (strcmp(field, "external_id") == 0) {
        if ((why = cd_text_check(in->external_id, 400, false)))
            return field_err(err, "external_id", in->external_id, why);
    } else {
        return cd_error_set(err, CD_EINVAL, "'%.40s' is not a discharge field", field);
    }
    return 0;
}

int cd_discharge_validate(const struct cd_discharge_in *in, struct cd_error *err)
{
    struct cd_patient_in p = patient_of(in);
    int rc = cd_patient_validate(&p, err);
    for (const char *const *f = discharge_fields; !rc && *f; f++)
        rc = cd_discharge_check_field(in, *f, err);
    return rc;
}

const char *const *cd_discharge_choices(const char *field)
{
    if (field && strcmp(field, "setting") == 0)
        return settings;
    if (field && strcmp(field, "admission_type") == 0)
        return admission_types;
    if (field && strcmp(field, "complexity") == 0)
        return complexities;
    return NULL;
}

size_t cd_disposition_count(void)
{
    disp_load();
    return disp_count;
}

const struct cd_disposition *cd_disposition_get(size_t i)
{
    disp_load();
    return i < disp_count ? &disp_table[i] : NULL;
}

int cd_encounter_find(struct cd_store *store, const char *source, const char *external_id,
                      int64_t *id, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_FIND, &st, err)))
        return rc;
    cd_db_bind_text(st, ":source", source);
    cd_db_bind_text(st, ":ext", external_id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *id = cd_db_col_int(st, 0);
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no %s encounter '%s'", source, external_id);
    }
    cd_db_done(st);
    return rc;
}

static int64_t patient_coordinator(struct cd_store *store, int64_t patient_id)
{
    int rc;
    int64_t id = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_COORDINATOR, &st, NULL)))
        return 0;
    cd_db_bind_int(st, ":id", patient_id);
    if (cd_db_step(store, st, NULL) == 1)
        id = cd_db_col_int(st, 0);
    cd_db_done(st);
    return id;
}

static int insert_encounter(struct cd_store *store, const struct cd_discharge_in *in,
                            const char *ext, time_t dis, const char *dx,
                            struct cd_discharge_result *res, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    const struct cd_disposition *disp = cd_disposition_find(in->disposition);
    char admit[CD_INSTANT_LEN], discharge[CD_INSTANT_LEN], date[CD_DATE_LEN], at[CD_INSTANT_LEN];
    time_t adm;
    cd_db_bind_int(st, ":patient", res->patient_id);
    cd_db_bind_text(st, ":setting", canon(in->setting, settings));
    cd_db_bind_opt(st, ":facility", in->facility);
    if (given(in->admit_at) && !cd_instant_parse(in->admit_at, &adm, NULL))
        cd_db_bind_text(st, ":admit", cd_instant_format(adm, admit));
    else
        cd_db_bind_null(st, ":admit");
    cd_db_bind_text(st, ":discharge", cd_instant_format(dis, discharge));
    cd_db_bind_text(st, ":date", cd_date_format(res->discharge_day, date));
    cd_db_bind_opt(st, ":adm_type", canon(in->admission_type, admission_types));
    cd_db_bind_opt(st, ":disp", disp ? disp->code : NULL);
    cd_db_bind_opt(st, ":disp_text", disp ? disp->text : NULL);
    cd_db_bind_opt(st, ":to", in->discharged_to);
    cd_db_bind_opt(st, ":dx", dx);
    cd_db_bind_text(st, ":complexity",
                    given(in->complexity) ? canon(in->complexity, complexities) : "moderate");
    cd_db_bind_int(st, ":eligible", res->eligible);
    cd_db_bind_opt(st, ":reason", res->eligible ? NULL : res->reason);
    cd_db_bind_text(st, ":source", canon(in->source, sources));
    cd_db_bind_text(st, ":ext", ext);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    res->encounter_id = cd_db_last_id(store);
    res->encounter_created = 1;
    return cd_audit_log(store, "encounter", res->encounter_id, "add", ext, err);
}

static int enroll(struct cd_store *store, struct cd_discharge_result *res, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ENROLL, &st, err)))
        return rc;
    char start[CD_DATE_LEN], end[CD_DATE_LEN], at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":patient", res->patient_id);
    cd_db_bind_text(st, ":start", cd_date_format(res->discharge_day, start));
    cd_db_bind_text(st, ":end", cd_date_format(res->due.period_end, end));
    cd_db_bind_int(st, ":encounter", res->encounter_id);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc)
        rc = cd_audit_log(store, "enrollment", cd_db_last_id(store), "add", "tcm", err);
    return rc;
}

static int add_task(struct cd_store *store, struct cd_discharge_result *res, const char *kind,
                    int day, const char *title, struct cd_error *err)
{
    char key[64];
    snprintf(key, sizeof key, "%s:%lld", kind, (long long)res->encounter_id);
    struct cd_task_in t = {.patient_id = res->patient_id,
                           .kind = kind,
                           .title = title,
                           .due_at = cd_local_to_instant(day, 23, 59, 59),
                           .due_day = day,
                           .assignee_id = patient_coordinator(store, res->patient_id),
                           .team = "tcm",
                           .encounter_id = res->encounter_id,
                           .gen_key = key};
    int64_t id;
    int created;
    int rc = cd_task_create(store, &t, &id, &created, err);
    res->tasks_created += created;
    return rc;
}

static int create_tcm(struct cd_store *store, const struct cd_discharge_in *in,
                      struct cd_discharge_result *res, struct cd_error *err)
{
    bool high = given(in->complexity) && strcasecmp(in->complexity, "high") == 0;
    int visit = high ? res->due.visit_due_7 : res->due.visit_due_14;
    char title[96], date[CD_DATE_LEN];
    int rc = enroll(store, res, err);
    if (rc)
        return rc;
    snprintf(title, sizeof title, "TCM interactive contact by end of %s (2 business days)",
             cd_date_format(res->due.contact_due, date));
    if ((rc = add_task(store, res, "tcm_contact", res->due.contact_due, title, err)))
        return rc;
    snprintf(title, sizeof title, "TCM face-to-face visit by %s (%s, %d days)",
             cd_date_format(visit, date), high ? "99496" : "99495", high ? 7 : 14);
    return add_task(store, res, "tcm_visit", visit, title, err);
}

int cd_encounter_key(const struct cd_discharge_in *in, struct cd_strbuf *out, struct cd_error *err)
{
    if (given(in->external_id)) {
        cd_strbuf_add(out, in->external_id);
    } else {
        time_t t;
        char at[CD_INSTANT_LEN];
        int rc = cd_instant_parse(in->discharge_at, &t, err);
        if (rc)
            return cd_error_prefix(err, rc, "discharge_at: ");
        cd_strbuf_addf(out, "%s|%s|%s", in->mrn, cd_instant_format(t, at),
                       given(in->facility) ? in->facility : "");
    }
    return out->oom ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
}

/* The date of death on record for PATIENT into OUT (CD_DATE_LEN), "" while alive. */
static int died_before(struct cd_store *store, int64_t patient, char *out, struct cd_error *err)
{
    struct cd_stmt *st;
    int day, rc = cd_db_stmt(store, SQL_DIED, &st, err);
    out[0] = '\0';
    if (rc)
        return rc;
    cd_db_bind_int(st, ":id", patient);
    rc = cd_db_step(store, st, err);
    if (rc == 1 && cd_patient_death_day(cd_db_col_text(st, 0), &day))
        cd_date_format(day, out);
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* The discharge reports a death (an expired disposition, PID-29/PID-30): the one lifecycle rule
 * ends everything, as of PID-29's time when given, else the discharge's. */
static int record_death(struct cd_store *store, const struct cd_discharge_in *in, time_t dis,
                        struct cd_discharge_result *res, struct cd_error *err)
{
    time_t at = dis;
    if (given(in->deceased_at))
        cd_instant_parse(in->deceased_at, &at, NULL);
    struct cd_death_in d = {.patient_id = res->patient_id,
                            .day = cd_instant_local_day(at),
                            .at = at,
                            .encounter_id = res->encounter_id};
    struct cd_death_result dr;
    int rc = cd_lifecycle_death(store, &d, &dr, err);
    if (rc)
        return rc;
    res->died = dr.recorded;
    res->enrollments_ended = dr.enrollments;
    res->tasks_cancelled = dr.tasks;
    res->appointments_cancelled = dr.appointments;
    return 0;
}

int cd_discharge_record(struct cd_store *store, const struct cd_discharge_in *in,
                        struct cd_discharge_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    int rc = cd_discharge_validate(in, err);
    if (rc)
        return rc;
    if (!cd_store_in_transaction(store))
        return cd_error_set(err, CD_EINVAL, "cd_discharge_record needs a transaction");
    time_t dis;
    cd_instant_parse(in->discharge_at, &dis, NULL);
    res->discharge_day = cd_instant_local_day(dis);
    struct cd_calendar cal = CD_CALENDAR_INIT;
    if ((rc = cd_calendar_load(store, &cal, err)))
        return rc;
    cd_tcm_deadlines(&cal, res->discharge_day, &res->due);
    cd_calendar_free(&cal);

    struct cd_strbuf ext = CD_STRBUF_INIT, dx = CD_STRBUF_INIT;
    if ((rc = cd_encounter_key(in, &ext, err)))
        goto out;
    if (given(in->diagnoses))
        diagnoses_norm(in->diagnoses, &dx, NULL);
    if (ext.oom || dx.oom) {
        rc = cd_error_set(err, CD_ENOMEM, "out of memory");
        goto out;
    }
    struct cd_patient_in p = patient_of(in);
    if ((rc = cd_patient_upsert(store, &p, &res->patient_id, &res->patient_created,
                                &res->patient_changed, err)))
        goto out;
    if (res->patient_created)
        res->patient_changed = 0;
    rc = cd_encounter_find(store, canon(in->source, sources), cd_strbuf_str(&ext),
                           &res->encounter_id, NULL);
    if (rc != CD_ENOTFOUND) {
        if (rc)
            rc = cd_error_set(err, rc, "looking up the encounter failed");
        goto out; /* already recorded: nothing more to write */
    }
    const char *why = NULL;
    const struct cd_disposition *disp = cd_disposition_find(in->disposition);
    bool died = in->deceased || (disp && disp->died);
    res->eligible = cd_discharge_eligible(in->setting, in->patient_class, disp, died, &why);
    char died_on[CD_DATE_LEN];
    if (res->eligible && (rc = died_before(store, res->patient_id, died_on, err)))
        goto out;
    if (res->eligible && died_on[0]) {
        /* a late discharge of a patient whose death is on record starts no outreach */
        snprintf(res->reason, sizeof res->reason, "patient died (%s)", died_on);
        res->eligible = 0;
    } else if (res->eligible && res->due.period_end < cd_clock_today()) {
        char end[CD_DATE_LEN];
        snprintf(res->reason, sizeof res->reason, "the 30-day TCM period ended on %s",
                 cd_date_format(res->due.period_end, end));
        res->eligible = 0;
    } else if (why) {
        snprintf(res->reason, sizeof res->reason, "%s", why);
    }
    if ((rc = insert_encounter(store, in, cd_strbuf_str(&ext), dis,
                               dx.len ? cd_strbuf_str(&dx) : NULL, res, err)))
        goto out;
    if (died && (rc = record_death(store, in, dis, res, err)))
        goto out;
    /* the readmission score and tier at intake, from a stay (not an ED or outpatient visit) */
    if (cd_discharge_setting_qualifies(in->setting) && !died &&
        (rc = cd_lace_intake(store, res->encounter_id, NULL, err)))
        goto out;
    if (res->eligible)
        rc = create_tcm(store, in, res, err);
out:
    cd_strbuf_free(&ext);
    cd_strbuf_free(&dx);
    return rc;
}

int cd_encounter_cancel(struct cd_store *store, int64_t id, const char *reason, int *tasks,
                        int *changed, struct cd_error *err)
{
    int rc;
    if (tasks)
        *tasks = 0;
    *changed = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CANCEL, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc || cd_db_changes(store) == 0)
        return rc;
    *changed = 1;
    if ((rc = cd_audit_log(store, "encounter", id, "cancel", reason, err)))
        return rc;
    if ((rc = cd_task_cancel_for_encounter(store, id, reason, tasks, err)))
        return rc;
    if ((rc = cd_db_stmt(store, SQL_END_ENROLL, &st, err)))
        return rc;
    cd_db_bind_text(st, ":reason", reason);
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}
