/* SPDX-License-Identifier: MIT */
/* LACE at intake: a discharge gives its patient a readmission score and a risk tier the moment it
 * is recorded, so a new patient does not sort last as "none" on the call list. The ICD-10 mapping
 * and the tier cuts are data (data/charlson_icd10.tsv, data/lace_tiers.tsv). Interpretations:
 * an emergency admission type is "acute" (urgent and elective are not); ED visits are the
 * patient's ED encounters on file in the 6 months before admission, unknown when nothing else of
 * the patient is on file; comorbidities are the discharge's diagnoses and the unresolved
 * conditions on file. */
#include "config.h"
#include "core/lace.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"

/* ---- the tables ---- */

struct charlson_row {
    char from[8], to[8];
    char group[16];
    int weight;
};

#define MAX_CHARLSON 160
#define MAX_GROUPS 16
static struct charlson_row charlson[MAX_CHARLSON];
static size_t ncharlson;
static int tier_min[3] = {0, 5, 10};
static bool loaded;

static void load(void)
{
    if (loaded)
        return;
    loaded = true;
    const char *src = cd_builtin_get("charlson_icd10.tsv");
    char *text = src ? cd_strdup(src) : NULL, *cursor = text, *col[5];
    size_t n;
    while (ncharlson < MAX_CHARLSON && (n = cd_tsv_row(&cursor, col, 5))) {
        if (n < 4)
            continue;
        struct charlson_row *r = &charlson[ncharlson++];
        snprintf(r->from, sizeof r->from, "%s", col[0]);
        snprintf(r->to, sizeof r->to, "%s", col[1]);
        snprintf(r->group, sizeof r->group, "%s", col[2]);
        r->weight = atoi(col[3]);
    }
    free(text);
    src = cd_builtin_get("lace_tiers.tsv");
    text = cursor = src ? cd_strdup(src) : NULL;
    for (int i = 0; i < 3 && (n = cd_tsv_row(&cursor, col, 2));)
        if (n == 2)
            tier_min[i++] = atoi(col[0]);
    free(text);
}

/* ---- the rule ---- */

static bool in_range(const char *code, const struct charlson_row *r)
{
    size_t nf = strlen(r->from), nt = strlen(r->to);
    return strncmp(code, r->from, nf) >= 0 && strncmp(code, r->to, nt) <= 0 && strlen(code) >= nf;
}

int cd_lace_charlson(const char *const *codes, size_t n)
{
    load();
    struct {
        const char *group;
        int weight;
    } seen[MAX_GROUPS];
    size_t nseen = 0;
    for (size_t i = 0; i < n; i++) {
        char code[16];
        size_t k = 0;
        for (const char *p = codes[i]; p && *p && k + 1 < sizeof code; p++)
            if (*p != '.' && !isspace((unsigned char)*p))
                code[k++] = (char)toupper((unsigned char)*p);
        code[k] = '\0';
        for (size_t r = 0; r < ncharlson; r++) {
            if (!in_range(code, &charlson[r]))
                continue;
            size_t g = 0;
            while (g < nseen && strcmp(seen[g].group, charlson[r].group) != 0)
                g++;
            if (g == nseen && nseen < MAX_GROUPS)
                seen[nseen++] = (typeof(seen[0])){charlson[r].group, 0};
            if (g < nseen && charlson[r].weight > seen[g].weight)
                seen[g].weight = charlson[r].weight;
        }
    }
    int sum = 0;
    for (size_t g = 0; g < nseen; g++)
        sum += seen[g].weight;
    return sum;
}

const char *cd_lace_tier(int score)
{
    load();
    return score >= tier_min[2] ? "high" : score >= tier_min[1] ? "moderate" : "low";
}

void cd_lace_compute(const struct cd_lace_in *in, struct cd_lace *out)
{
    memset(out, 0, sizeof *out);
    int los = in->los_days;
    if (los < 0)
        out->unknown |= CD_LACE_L;
    else
        out->l = los < 1 ? 0 : los <= 3 ? los : los <= 6 ? 4 : los <= 13 ? 5 : 7;
    if (in->acute < 0)
        out->unknown |= CD_LACE_A;
    else
        out->a = in->acute ? 3 : 0;
    if (in->nicd10 == 0) {
        out->unknown |= CD_LACE_C;
    } else {
        out->charlson = cd_lace_charlson(in->icd10, in->nicd10);
        out->c = out->charlson >= 4 ? 5 : out->charlson;
    }
    if (in->ed_visits < 0)
        out->unknown |= CD_LACE_E;
    else
        out->e = in->ed_visits >= 4 ? 4 : in->ed_visits;
    out->score = out->l + out->a + out->c + out->e;
    snprintf(out->tier, sizeof out->tier, "%s", cd_lace_tier(out->score));
}

char *cd_lace_unknown_text(unsigned unknown, char *out, size_t size)
{
    static const struct {
        unsigned bit;
        const char *word;
    } parts[] = {{CD_LACE_L, "length of stay"},
                 {CD_LACE_A, "admission type"},
                 {CD_LACE_C, "comorbidities"},
                 {CD_LACE_E, "ED visits"}};
    size_t used = 0;
    *out = '\0';
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && used < size; i++)
        if (unknown & parts[i].bit)
            used +=
                (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "", parts[i].word);
    return out;
}

char *cd_lace_describe(int score, const char *tier, unsigned unknown, char *out, size_t size)
{
    char parts[64];
    cd_lace_unknown_text(unknown, parts, sizeof parts);
    snprintf(out, size, "LACE %d, %s%s%s%s", score, tier, *parts ? ": " : "", parts,
             *parts ? " unknown" : "");
    return out;
}

/* ---- at intake ---- */

static const char SQL_ENCOUNTER[] =
    "SELECT patient_id, admit_at, discharge_at, admission_type, diagnoses FROM encounters "
    "WHERE id = :id";
enum { E_PATIENT, E_ADMIT, E_DISCHARGE, E_TYPE, E_DX };
static const char SQL_CONDITIONS[] =
    "SELECT icd10 FROM conditions WHERE patient_id = :pid AND resolved_date IS NULL";
static const char SQL_HISTORY[] =
    "SELECT count(*), coalesce(sum(setting = 'ed' AND coalesce(admit_at, discharge_at) >= :from "
    "AND coalesce(admit_at, discharge_at) < :before), 0) FROM encounters "
    "WHERE patient_id = :pid AND id <> :id AND status <> 'cancelled'";
static const char SQL_SET[] =
    "UPDATE patients SET lace_score = :score, lace_unknown = :unknown, "
    "risk_tier = CASE WHEN risk_manual THEN risk_tier ELSE :tier END, updated_at = :at "
    "WHERE id = :pid";

#define MAX_CODES 64

/* The instant 6 calendar months before the local day of T (the day clamped to the month). */
static time_t six_months_before(time_t t)
{
    int y, m, d;
    cd_date_to_ymd(cd_instant_local_day(t), &y, &m, &d);
    m -= 6;
    if (m < 1) {
        m += 12;
        y--;
    }
    int last = cd_date_days_in_month(y, m);
    return cd_local_to_instant(cd_date_from_ymd(y, m, d > last ? last : d), 0, 0, 0);
}

/* Split BUF, the ';'-separated diagnoses, in place into CODES. */
static size_t split_dx(char *buf, const char **codes, size_t n, size_t max)
{
    char *save = NULL;
    for (char *c = strtok_r(buf, ";", &save); c && n < max; c = strtok_r(NULL, ";", &save))
        if (*c)
            codes[n++] = c;
    return n;
}

/* The rest of cd_lace_intake: the conditions and ED visits on file, the score written. REF is the
 * admission (else the discharge) the 6 months count back from; CODES has room for MAX_CODES. */
static int lace_of(struct cd_store *store, int64_t encounter_id, int64_t pid, time_t ref,
                   struct cd_lace_in *in, const char **codes, size_t n, struct cd_lace *out,
                   struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    char condbuf[MAX_CODES][16];
    size_t ncond = 0;
    if ((rc = cd_db_stmt(store, SQL_CONDITIONS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", pid);
    while ((rc = cd_db_step(store, st, err)) == 1 && n < MAX_CODES && ncond < MAX_CODES) {
        snprintf(condbuf[ncond], sizeof condbuf[ncond], "%s", cd_db_col_text(st, 0));
        codes[n++] = condbuf[ncond++];
    }
    cd_db_done(st);
    if (rc < 0)
        return rc;
    in->icd10 = codes;
    in->nicd10 = n;

    char from[CD_INSTANT_LEN], before[CD_INSTANT_LEN];
    cd_instant_format(six_months_before(ref), from);
    cd_instant_format(ref, before);
    if ((rc = cd_db_stmt(store, SQL_HISTORY, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", pid);
    cd_db_bind_int(st, ":id", encounter_id);
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":before", before);
    if ((rc = cd_db_step(store, st, err)) == 1) {
        if (cd_db_col_int(st, 0) > 0)
            in->ed_visits = (int)cd_db_col_int(st, 1);
        rc = 0;
    }
    cd_db_done(st);
    if (rc)
        return rc;

    struct cd_lace lace;
    cd_lace_compute(in, &lace);
    if ((rc = cd_db_stmt(store, SQL_SET, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN], detail[160];
    cd_db_bind_int(st, ":score", lace.score);
    cd_db_bind_int(st, ":unknown", lace.unknown);
    cd_db_bind_text(st, ":tier", lace.tier);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_int(st, ":pid", pid);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc)
        rc = cd_audit_log(
            store, "patient", pid, "risk",
            cd_lace_describe(lace.score, lace.tier, lace.unknown, detail, sizeof detail), err);
    if (!rc && out)
        *out = lace;
    return rc;
}

int cd_lace_intake(struct cd_store *store, int64_t encounter_id, struct cd_lace *out,
                   struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_ENCOUNTER, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":id", encounter_id);
    if ((rc = cd_db_step(store, st, err)) != 1) {
        cd_db_done(st);
        return rc < 0
                   ? rc
                   : cd_error_set(err, CD_ENOTFOUND, "no encounter %lld", (long long)encounter_id);
    }
    int64_t pid = cd_db_col_int(st, E_PATIENT);
    time_t admit = 0, dis = 0;
    bool has_admit = !cd_db_col_null(st, E_ADMIT) &&
                     !cd_instant_parse(cd_db_col_text(st, E_ADMIT), &admit, NULL);
    cd_instant_parse(cd_db_col_text(st, E_DISCHARGE), &dis, NULL);
    struct cd_lace_in in = {.los_days = -1, .acute = -1, .ed_visits = -1};
    if (has_admit)
        in.los_days = cd_instant_local_day(dis) - cd_instant_local_day(admit);
    if (!cd_db_col_null(st, E_TYPE))
        in.acute = strcmp(cd_db_col_text(st, E_TYPE), "emergency") == 0;
    char *dx = cd_strdup(cd_db_col_null(st, E_DX) ? "" : cd_db_col_text(st, E_DX));
    cd_db_done(st);
    if (!dx)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    const char *codes[MAX_CODES];
    size_t n = split_dx(dx, codes, 0, MAX_CODES);
    rc = lace_of(store, encounter_id, pid, has_admit ? admit : dis, &in, codes, n, out, err);
    free(dx);
    return rc;
}
