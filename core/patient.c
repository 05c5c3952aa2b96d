/* SPDX-License-Identifier: MIT */
/* Patients: validation of every field, add and upsert by MRN, look-ups for the screens. */
#include "config.h"
#include "core/patient.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/user.h"

static const char SQL_INSERT[] =
    "INSERT INTO patients(mrn, family_name, given_name, birth_date, sex, phone, phone_alt, "
    "language, coordinator_id, name_key, created_at, updated_at) "
    "VALUES (:mrn, :family, :given, :birth, :sex, :phone, :phone_alt, :lang, :coord, :key, :at, "
    ":at)";
static const char SQL_FIND[] = "SELECT id FROM patients WHERE mrn = :mrn";
static const char SQL_MRN_OF[] = "SELECT mrn FROM patients WHERE id = :id";
static const char SQL_CURRENT[] =
    "SELECT family_name, given_name, birth_date, sex, phone, phone_alt, language, coordinator_id "
    "FROM patients WHERE id = :id";
static const char SQL_UPDATE[] =
    "UPDATE patients SET family_name = coalesce(:family, family_name), "
    "given_name = coalesce(:given, given_name), birth_date = coalesce(:birth, birth_date), "
    "sex = coalesce(:sex, sex), phone = coalesce(:phone, phone), "
    "phone_alt = coalesce(:phone_alt, phone_alt), language = coalesce(:lang, language), "
    "coordinator_id = coalesce(:coord, coordinator_id), updated_at = :at WHERE id = :id";
static const char SQL_FIX_KEY[] =
    "UPDATE patients SET name_key = lower(family_name || ' ' || given_name) WHERE id = :id";
static const char SQL_SEARCH[] =
    "SELECT p.id, p.mrn, p.family_name || ', ' || p.given_name AS patient, p.birth_date, p.phone, "
    "u.login AS coordinator FROM patients p LEFT JOIN users u ON u.id = p.coordinator_id "
    "WHERE p.mrn = :q OR p.mrn LIKE :prefix ESCAPE '\\' OR p.name_key LIKE :like ESCAPE '\\' "
    "ORDER BY p.mrn <> :q, p.name_key LIMIT :limit";
static const char SQL_HEADER[] =
    "SELECT p.id, p.mrn, p.family_name, p.given_name, p.birth_date, p.sex, p.phone, p.phone_alt, "
    "p.language, p.risk_tier, p.lace_score, u.login AS coordinator, u.name AS coordinator_name, "
    "(SELECT group_concat(program, ',') FROM (SELECT DISTINCT program FROM enrollments e "
    "  WHERE e.patient_id = p.id AND e.status = 'active' ORDER BY program)) AS programs, "
    "p.deceased_at, coalesce(p.lace_unknown, 0) AS lace_unknown "
    "FROM patients p LEFT JOIN users u ON u.id = p.coordinator_id WHERE p.id = :id";
enum header_col {
    H_ID,
    H_MRN,
    H_FAMILY,
    H_GIVEN,
    H_BIRTH,
    H_SEX,
    H_PHONE,
    H_PHONE_ALT,
    H_LANGUAGE,
    H_RISK,
    H_LACE,
    H_COORDINATOR,
    H_COORDINATOR_NAME,
    H_PROGRAMS,
    H_DECEASED,
    H_LACE_UNKNOWN
};

static int field_err(struct cd_error *err, const char *field, const char *value, const char *why)
{
    return cd_error_set(err, CD_EINVAL, "%s: '%.60s' %s", field, value ? value : "", why);
}

/* Names, MRNs and phone numbers refuse every control character, even those other one-line
 * fields would only report as "has a control character": say which one, and why not. */
static int no_control(struct cd_error *err, const char *field, const char *value, const char *who)
{
    int32_t cp = value ? cd_text_find_control(value, false) : -1;
    char name[12];
    if (cp < 0)
        return 0;
    return cd_error_set(err, CD_EINVAL, "%s: contains a control character (%s); %s may not", field,
                        cd_text_control_name(cp, name), who);
}

int cd_patient_validate(const struct cd_patient_in *in, struct cd_error *err)
{
    const char *why;
    if (no_control(err, "mrn", in->mrn, "MRNs"))
        return CD_EINVAL;
    if ((why = cd_text_check(in->mrn, CD_PATIENT_MRN_MAX, true)))
        return field_err(err, "mrn", in->mrn, why);
    for (const char *p = in->mrn; *p; p++)
        if (*p == ' ')
            return field_err(err, "mrn", in->mrn, "has a space");
    if (no_control(err, "family_name", in->family, "names"))
        return CD_EINVAL;
    if ((why = cd_text_check(in->family, CD_PATIENT_NAME_MAX, true)))
        return field_err(err, "family_name", in->family, why);
    if (no_control(err, "given_name", in->given, "names"))
        return CD_EINVAL;
    if ((why = cd_text_check(in->given, CD_PATIENT_NAME_MAX, true)))
        return field_err(err, "given_name", in->given, why);
    if (in->birth_date && *in->birth_date) {
        int day;
        if (cd_date_parse(in->birth_date, &day, NULL))
            return field_err(err, "birth_date", in->birth_date, "is not a date (YYYY-MM-DD)");
        if (day > cd_clock_today())
            return field_err(err, "birth_date", in->birth_date, "is in the future");
        if (day < cd_date_from_ymd(1880, 1, 1))
            return field_err(err, "birth_date", in->birth_date, "is before 1880");
    }
    if (in->sex && *in->sex && strcmp(in->sex, "F") && strcmp(in->sex, "M") &&
        strcmp(in->sex, "X") && strcmp(in->sex, "U"))
        return field_err(err, "sex", in->sex, "is not F, M, X or U");
    if (no_control(err, "phone", in->phone, "phone numbers"))
        return CD_EINVAL;
    if ((why = cd_text_check(in->phone, CD_PATIENT_PHONE_MAX, false)))
        return field_err(err, "phone", in->phone, why);
    if (no_control(err, "phone_alt", in->phone_alt, "phone numbers"))
        return CD_EINVAL;
    if ((why = cd_text_check(in->phone_alt, CD_PATIENT_PHONE_MAX, false)))
        return field_err(err, "phone_alt", in->phone_alt, why);
    if ((why = cd_text_check(in->language, CD_PATIENT_LANGUAGE_MAX, false)))
        return field_err(err, "language", in->language, why);
    return 0;
}

static int coordinator_id(struct cd_store *store, const char *login, int64_t *id,
                          struct cd_error *err)
{
    *id = 0;
    if (!login || !*login)
        return 0;
    struct cd_user u;
    int rc = cd_user_find(store, login, &u, err);
    if (rc)
        return cd_error_prefix(err, rc, "coordinator: ");
    *id = u.id;
    return 0;
}

int cd_patient_find_mrn(struct cd_store *store, const char *mrn, int64_t *id, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_FIND, &st, err)))
        return rc;
    cd_db_bind_text(st, ":mrn", mrn);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *id = cd_db_col_int(st, 0);
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with MRN '%s'", mrn);
    }
    cd_db_done(st);
    return rc;
}

int cd_patient_mrn_of(struct cd_store *store, int64_t id, char *out, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    out[0] = '\0';
    if ((rc = cd_db_stmt(store, SQL_MRN_OF, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        snprintf(out, CD_PATIENT_MRN_MAX + 1, "%s", cd_db_col_text(st, 0));
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

bool cd_patient_death_day(const char *stored, int *day)
{
    time_t t;
    if (!stored || !*stored)
        return false;
    if (!cd_instant_parse(stored, &t, NULL)) {
        *day = cd_instant_local_day(t);
        return true;
    }
    return strlen(stored) == 10 && !cd_date_parse(stored, day, NULL);
}

/* The details an insert and an update both write, and now as :at. */
static void bind_details(struct cd_stmt *st, const struct cd_patient_in *in, int64_t coord)
{
    char at[CD_INSTANT_LEN];
    cd_db_bind_opt(st, ":birth", in->birth_date);
    cd_db_bind_opt(st, ":sex", in->sex);
    cd_db_bind_opt(st, ":phone", in->phone);
    cd_db_bind_opt(st, ":phone_alt", in->phone_alt);
    cd_db_bind_opt(st, ":lang", in->language);
    cd_db_bind_id(st, ":coord", coord);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
}

static int insert(struct cd_store *store, const struct cd_patient_in *in, int64_t coord,
                  int64_t *id, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    struct cd_strbuf key = CD_STRBUF_INIT;
    cd_strbuf_addf(&key, "%s %s", in->family, in->given);
    char *lower = cd_text_lower(cd_strbuf_str(&key));
    cd_db_bind_text(st, ":mrn", in->mrn);
    cd_db_bind_text(st, ":family", in->family);
    cd_db_bind_text(st, ":given", in->given);
    bind_details(st, in, coord);
    cd_db_bind_text(st, ":key", lower ? lower : "");
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    free(lower);
    cd_strbuf_free(&key);
    if (rc == CD_EEXIST)
        return cd_error_set(err, CD_EEXIST, "mrn: a patient with MRN '%s' already exists", in->mrn);
    if (!rc) {
        *id = cd_db_last_id(store);
        rc = cd_audit_log(store, "patient", *id, "add", in->mrn, err);
    }
    return rc;
}

int cd_patient_add(struct cd_store *store, const struct cd_patient_in *in, int64_t *id,
                   struct cd_error *err)
{
    int64_t coord, pid = 0;
    int rc = cd_patient_validate(in, err);
    if (!rc)
        rc = coordinator_id(store, in->coordinator, &coord, err);
    if (rc)
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    rc = insert(store, in, coord, &pid, err);
    rc = cd_store_finish(store, rc, err);
    if (rc)
        return rc;
    if (id)
        *id = pid;
    return 0;
}

static int differs(struct cd_stmt *st, int col, const char *value)
{
    if (!value || !*value)
        return 0;
    const char *cur = cd_db_col_text(st, col);
    return !cur || strcmp(cur, value) != 0;
}

int cd_patient_upsert(struct cd_store *store, const struct cd_patient_in *in, int64_t *id,
                      int *created, int *changed, struct cd_error *err)
{
    int64_t coord, pid = 0;
    *created = *changed = 0;
    int rc = cd_patient_validate(in, err);
    if (!rc)
        rc = coordinator_id(store, in->coordinator, &coord, err);
    if (rc)
        return rc;
    rc = cd_patient_find_mrn(store, in->mrn, &pid, NULL);
    if (rc == CD_ENOTFOUND) {
        rc = insert(store, in, coord, id, err);
        if (!rc)
            *created = *changed = 1;
        return rc;
    }
    if (rc)
        return cd_error_set(err, rc, "looking up MRN '%s' failed", in->mrn);
    *id = pid;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CURRENT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", pid);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *changed = differs(st, 0, in->family) || differs(st, 1, in->given) ||
                   differs(st, 2, in->birth_date) || differs(st, 3, in->sex) ||
                   differs(st, 4, in->phone) || differs(st, 5, in->phone_alt) ||
                   differs(st, 6, in->language) || (coord && cd_db_col_int(st, 7) != coord);
        rc = 0;
    }
    cd_db_done(st);
    if (rc || !*changed)
        return rc;
    if ((rc = cd_db_stmt(store, SQL_UPDATE, &st, err)))
        return rc;
    cd_db_bind_opt(st, ":family", in->family);
    cd_db_bind_opt(st, ":given", in->given);
    bind_details(st, in, coord);
    cd_db_bind_int(st, ":id", pid);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc) {
        if ((rc = cd_db_stmt(store, SQL_FIX_KEY, &st, err)))
            return rc;
        cd_db_bind_int(st, ":id", pid);
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc)
        rc = cd_audit_log(store, "patient", pid, "update", in->mrn, err);
    return rc;
}

/* Escape LIKE wildcards in S and wrap it as PRE S POST. */
static char *like_pattern(const char *s, const char *pre, const char *post)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_add(&sb, pre);
    for (const char *p = s; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            cd_strbuf_addc(&sb, '\\');
        cd_strbuf_addc(&sb, (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p);
    }
    cd_strbuf_add(&sb, post);
    return cd_strbuf_take(&sb);
}

int cd_patient_search(struct cd_store *store, const char *query, int limit, struct cd_page *page,
                      struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SEARCH, &st, err)))
        return rc;
    /* "Doe, Jane" and "doe jane" both match the key "doe jane" */
    struct cd_strbuf q = CD_STRBUF_INIT;
    for (const char *p = query; *p; p++)
        if (*p != ',')
            cd_strbuf_addc(&q, *p);
    char *prefix = like_pattern(query, "", "%");
    char *like = like_pattern(cd_strbuf_str(&q), "%", "%");
    cd_db_bind_text(st, ":q", query);
    cd_db_bind_text(st, ":prefix", prefix ? prefix : "");
    cd_db_bind_text(st, ":like", like ? like : "");
    cd_db_bind_int(st, ":limit", limit > 0 ? limit : 50);
    size_t before = page->nrows;
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    free(prefix);
    free(like);
    cd_strbuf_free(&q);
    if (rc)
        return rc;
    CD_PAGE_ASSERT_COLUMNS(page, CD_PATIENT_SEARCH_COLUMNS);
    /* one audit entry per search; it names the patient when only one was found */
    size_t found = page->nrows - before;
    struct cd_strbuf detail = CD_STRBUF_INIT;
    cd_strbuf_addf(&detail, "'%s': %zu patient%s", query, found, found == 1 ? "" : "s");
    rc = detail.oom ? cd_error_set(err, CD_ENOMEM, "out of memory")
                    : cd_audit_access(
                          store, "patient",
                          found == 1 ? cd_page_cell_int(page, before, CD_PATIENT_SEARCH_COL_ID) : 0,
                          "search", cd_strbuf_str(&detail), err);
    cd_strbuf_free(&detail);
    return rc;
}

int cd_patient_chart_opened(struct cd_store *store, int64_t patient_id, const char *screen,
                            struct cd_error *err)
{
    return cd_audit_access(store, "chart", patient_id, "open", screen, err);
}

/* Text column COL of the current row into DST of SIZE bytes, "" for NULL. The checks on every
 * write keep a field within its buffer, so a longer one is a programming error (asserted), never
 * cut short: false without the assertion. */
static bool copy_text(struct cd_stmt *st, int col, char *dst, size_t size)
{
    const char *s = cd_db_col_text(st, col);
    size_t n = s ? strlen(s) : 0;
    assert(n < size && "a patient's field is longer than the checks allow");
    if (n >= size)
        return false;
    memcpy(dst, s ? s : "", n + 1);
    return true;
}

int cd_patient_header_get(struct cd_store *store, int64_t id, struct cd_patient_header *out,
                          struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    memset(out, 0, sizeof *out);
    out->lace_score = -1;
    if ((rc = cd_db_stmt(store, SQL_HEADER, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        out->id = cd_db_col_int(st, H_ID);
        if (!cd_db_col_null(st, H_LACE))
            out->lace_score = (int)cd_db_col_int(st, H_LACE);
        out->lace_unknown = (unsigned)cd_db_col_int(st, H_LACE_UNKNOWN);
        bool fits = copy_text(st, H_MRN, out->mrn, sizeof out->mrn) &&
                    copy_text(st, H_FAMILY, out->family_name, sizeof out->family_name) &&
                    copy_text(st, H_GIVEN, out->given_name, sizeof out->given_name) &&
                    copy_text(st, H_BIRTH, out->birth_date, sizeof out->birth_date) &&
                    copy_text(st, H_SEX, out->sex, sizeof out->sex) &&
                    copy_text(st, H_PHONE, out->phone, sizeof out->phone) &&
                    copy_text(st, H_PHONE_ALT, out->phone_alt, sizeof out->phone_alt) &&
                    copy_text(st, H_LANGUAGE, out->language, sizeof out->language) &&
                    copy_text(st, H_RISK, out->risk_tier, sizeof out->risk_tier) &&
                    copy_text(st, H_COORDINATOR, out->coordinator, sizeof out->coordinator) &&
                    copy_text(st, H_COORDINATOR_NAME, out->coordinator_name,
                              sizeof out->coordinator_name) &&
                    copy_text(st, H_PROGRAMS, out->programs, sizeof out->programs);
        int died;
        if (cd_patient_death_day(cd_db_col_text(st, H_DECEASED), &died))
            cd_date_format(died, out->deceased);
        rc = fits ? 0
                  : cd_error_set(err, CD_EINVAL,
                                 "patient %lld has a field longer than caredesk allows",
                                 (long long)id);
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}
