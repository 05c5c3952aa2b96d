/* SPDX-License-Identifier: MIT */
/* Unit tests of core/lace: the LACE parts and tiers as a table (each length-of-stay band, acute
 * or not, the Charlson groups counted once at their highest weight, ED visits capped, unknown
 * parts named), and the score a recorded discharge gives its patient at intake. */
#include "config.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/encounter.h"
#include "core/lace.h"
#include "core/patient.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

struct row {
    const char *name;
    int los, acute, ed;
    const char *dx[4];
    const char *want; /* "L A C E charlson = score tier" */
    const char *describe;
};

static const struct row rows[] = {
    {"same-day stay, elective, no comorbidity, no ED",
     0,
     0,
     0,
     {"Z00.0"},
     "0 0 0 0 0 = 0 low",
     "LACE 0, low"},
    {"1 day", 1, 0, 0, {"Z00.0"}, "1 0 0 0 0 = 1 low", "LACE 1, low"},
    {"3 days", 3, 0, 0, {"Z00.0"}, "3 0 0 0 0 = 3 low", "LACE 3, low"},
    {"4 days is 4 points, emergency 3: moderate",
     4,
     1,
     0,
     {"Z00.0"},
     "4 3 0 0 0 = 7 moderate",
     "LACE 7, moderate"},
    {"6 days", 6, 0, 0, {"Z00.0"}, "4 0 0 0 0 = 4 low", "LACE 4, low"},
    {"7 days is 5", 7, 0, 0, {"Z00.0"}, "5 0 0 0 0 = 5 moderate", "LACE 5, moderate"},
    {"13 days is 5", 13, 0, 0, {"Z00.0"}, "5 0 0 0 0 = 5 moderate", "LACE 5, moderate"},
    {"14 days is 7", 14, 0, 0, {"Z00.0"}, "7 0 0 0 0 = 7 moderate", "LACE 7, moderate"},
    {"heart failure 2 and COPD 2: Charlson 4 gives C 5",
     2,
     1,
     0,
     {"I50.9", "J44.1"},
     "2 3 5 0 4 = 10 high",
     "LACE 10, high"},
    {"diabetes with end-organ damage counts once, at 2",
     2,
     0,
     0,
     {"E11.9", "E11.22"},
     "2 0 2 0 2 = 4 low",
     "LACE 4, low"},
    {"metastatic over any tumour: 6",
     1,
     0,
     0,
     {"C34.90", "C78.00"},
     "1 0 5 0 6 = 6 moderate",
     "LACE 6, moderate"},
    {"prior MI and stroke: 1 + 1", 1, 0, 1, {"I25.2", "I63.9"}, "1 0 2 1 2 = 4 low", "LACE 4, low"},
    {"dementia 3, codes without dots",
     1,
     0,
     2,
     {"G309"},
     "1 0 3 2 3 = 6 moderate",
     "LACE 6, moderate"},
    {"ED visits capped at 4", 1, 0, 7, {"Z00.0"}, "1 0 0 4 0 = 5 moderate", "LACE 5, moderate"},
    {"CKD stage 5 is severe renal: 4, not 4 + 2",
     1,
     0,
     0,
     {"N18.5", "N18.3"},
     "1 0 5 0 4 = 6 moderate",
     "LACE 6, moderate"},
    {"unknown stay and admission type",
     -1,
     -1,
     0,
     {"I50.9"},
     "0 0 2 0 2 = 2 low",
     "LACE 2, low: length of stay, admission type unknown"},
    {"unknown comorbidities and ED visits",
     5,
     1,
     -1,
     {NULL},
     "4 3 0 0 0 = 7 moderate",
     "LACE 7, moderate: comorbidities, ED visits unknown"},
    {"high even with a part unknown",
     14,
     1,
     -1,
     {"I50.9", "J44.9"},
     "7 3 5 0 4 = 15 high",
     "LACE 15, high: ED visits unknown"},
};

static void check_row(const struct row *r)
{
    size_t n = 0;
    while (n < 4 && r->dx[n])
        n++;
    struct cd_lace_in in = {
        .los_days = r->los, .acute = r->acute, .icd10 = r->dx, .nicd10 = n, .ed_visits = r->ed};
    struct cd_lace l;
    cd_lace_compute(&in, &l);
    char got[64], d[128];
    snprintf(got, sizeof got, "%d %d %d %d %d = %d %s", l.l, l.a, l.c, l.e, l.charlson, l.score,
             l.tier);
    is_str(got, r->want, "%s", r->name);
    is_str(cd_lace_describe(l.score, l.tier, l.unknown, d, sizeof d), r->describe, "%s: described",
           r->name);
}

static int64_t discharge(struct cd_store *store, const char *mrn, const char *admit, const char *at,
                         const char *type, const char *dx, const char *setting)
{
    struct cd_error err = {0};
    struct cd_discharge_in in = {.mrn = mrn,
                                 .family_name = "Okafor",
                                 .given_name = "Ada",
                                 .birth_date = "1950-02-03",
                                 .admit_at = admit,
                                 .discharge_at = at,
                                 .admission_type = type,
                                 .diagnoses = dx,
                                 .setting = setting,
                                 .disposition = "01",
                                 .source = "manual"};
    struct cd_discharge_result res;
    cd_store_begin(store, NULL);
    int rc = cd_discharge_record(store, &in, &res, &err);
    cd_store_commit(store, NULL);
    if (rc)
        diag(err.msg);
    return res.patient_id;
}

static void header(struct cd_store *store, int64_t id, const char *want, const char *name)
{
    struct cd_patient_header h;
    char got[128];
    if (cd_patient_header_get(store, id, &h, NULL)) {
        ok(0, "%s: header read", name);
        return;
    }
    cd_lace_describe(h.lace_score, h.risk_tier, h.lace_unknown, got, sizeof got);
    is_str(got, want, "%s", name);
}

static void intake(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    int64_t p = discharge(store, "L1", "2026-11-14T08:00", "2026-11-20T10:00", "emergency",
                          "I50.9;E11.22", "inpatient");
    header(store, p, "LACE 12, high: ED visits unknown",
           "a new patient: 6 days, emergency, CHF and diabetes with damage; no history on file");
    discharge(store, "L1", "2026-10-01T08:00", "2026-10-01T13:00", NULL, NULL, "ed");
    discharge(store, "L1", "2026-09-01T08:00", "2026-09-01T13:00", NULL, NULL, "ed");
    discharge(store, "L1", "2026-03-01T08:00", "2026-03-01T13:00", NULL, NULL, "ed");
    header(store, p, "LACE 12, high: ED visits unknown", "ED visits do not score the patient");
    discharge(store, "L1", "2026-11-21T08:00", "2026-11-22T10:00", "elective", NULL, "inpatient");
    header(store, p, "LACE 3, low: comorbidities unknown",
           "a new discharge is scored again: 1 day, elective, two ED visits in 6 months (not the "
           "one in March); the earlier discharge's diagnoses are not conditions on file");
    cd_store_close(store);
    testdb_cleanup();
}

int main(void)
{
    cd_clock_set_zone("UTC", NULL);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(&rows[i]);
    intake();
    return done_testing();
}
