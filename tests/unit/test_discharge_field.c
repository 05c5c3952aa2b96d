/* SPDX-License-Identifier: MIT */
/* Unit tests of the per-field discharge checks (the intake form's validation as you type), the
 * choice lists and the disposition table as a pick list (core/encounter). */
#include "config.h"

#include <string.h>

#include "core/encounter.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_discharge_in base(void)
{
    return (struct cd_discharge_in){.mrn = "E1",
                                    .family_name = "Doe",
                                    .given_name = "Jane",
                                    .discharge_at = "2026-11-20T14:30",
                                    .admit_at = "2026-11-17",
                                    .setting = "inpatient",
                                    .source = "manual"};
}

/* The message of checking FIELD of IN, or "ok". */
static const char *check(const struct cd_discharge_in *in, const char *field)
{
    static struct cd_error err;
    memset(&err, 0, sizeof err);
    int rc = cd_discharge_check_field(in, field, &err);
    return rc ? err.msg : "ok";
}

/* A test that S starts with PREFIX. */
static void starts(const char *s, const char *prefix, const char *desc)
{
    ok(strncmp(s, prefix, strlen(prefix)) == 0, "%s", desc);
    if (strncmp(s, prefix, strlen(prefix)) != 0)
        printf("#   got '%s'\n", s);
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    struct cd_discharge_in in = base();
    static const char *const all[] = {
        "mrn",       "family_name",   "given_name",   "birth_date",    "sex",
        "phone",     "language",      "discharge_at", "admit_at",      "facility",
        "setting",   "patient_class", "disposition",  "discharged_to", "admission_type",
        "diagnoses", "complexity",    "source",       "external_id"};
    int fine = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        fine += strcmp(check(&in, all[i]), "ok") == 0;
    is_int(fine, (int)(sizeof all / sizeof all[0]), "every field of a good discharge passes");
    is_str(check(&in, "ward"), "'ward' is not a discharge field", "an unknown field");

    /* one field at a time, whatever the others hold */
    in.family_name = "";
    is_str(check(&in, "mrn"), "ok", "mrn alone is fine while family_name is empty");
    is_str(check(&in, "family_name"), "family_name: '' is empty", "family_name empty");
    in = base();
    in.mrn = "A 1";
    is_str(check(&in, "mrn"), "mrn: 'A 1' has a space", "mrn with a space");
    in.mrn = "";
    is_str(check(&in, "mrn"), "mrn: '' is empty", "mrn empty");
    is_str(check(&in, "given_name"), "ok", "given_name ignores the empty mrn");
    in = base();
    in.birth_date = "1948-13-01";
    is_str(check(&in, "birth_date"), "birth_date: '1948-13-01' is not a date (YYYY-MM-DD)",
           "birth_date");
    in.birth_date = "2027-01-01";
    is_str(check(&in, "birth_date"), "birth_date: '2027-01-01' is in the future", "born later");
    in.birth_date = "";
    is_str(check(&in, "birth_date"), "ok", "birth_date may be empty");
    in.sex = "Q";
    is_str(check(&in, "sex"), "sex: 'Q' is not F, M, X or U", "sex");

    /* as typed: a date on its way is not a date yet */
    in = base();
    in.discharge_at = "2026-11-2";
    starts(check(&in, "discharge_at"),
           "discharge_at: ", "a half-typed discharge_at names the field");
    in.discharge_at = "2026-11-31";
    starts(check(&in, "discharge_at"), "discharge_at: '2026-11-31'", "November 31st");
    in.discharge_at = "";
    is_str(check(&in, "discharge_at"), "discharge_at: '' is empty", "discharge_at empty");
    in.discharge_at = "2026-11-25";
    is_str(check(&in, "discharge_at"), "discharge_at: '2026-11-25' is in the future",
           "discharge_at in the future");
    in.discharge_at = "2026-11-16";
    is_str(check(&in, "discharge_at"), "discharge_at: '2026-11-16' is before admit_at '2026-11-17'",
           "discharge_at before admit_at");
    is_str(check(&in, "admit_at"), "ok", "admit_at itself is fine");
    in.admit_at = "2026-11-1x";
    is_str(check(&in, "discharge_at"), "ok", "no order check against a bad admit_at");
    starts(check(&in, "admit_at"), "admit_at: ", "the bad admit_at reports itself");
    in.admit_at = "";
    is_str(check(&in, "admit_at"), "ok", "admit_at may be empty");

    in = base();
    in.setting = "";
    is_str(check(&in, "setting"), "setting: '' is empty", "setting empty");
    in.setting = "ward";
    is_str(check(&in, "setting"),
           "setting: 'ward' is not inpatient, snf, irf, ltch, psych, observation, partial, ed, "
           "outpatient or other",
           "setting unknown");
    in.setting = "SNF";
    is_str(check(&in, "setting"), "ok", "setting any case");
    in.disposition = "99";
    is_str(check(&in, "disposition"),
           "disposition: '99' is not a NUBC discharge status code or name (see dispositions.tsv)",
           "disposition unknown");
    in.disposition = "home_health";
    is_str(check(&in, "disposition"), "ok", "disposition by key");
    in.admission_type = "planned";
    is_str(check(&in, "admission_type"),
           "admission_type: 'planned' is not emergency, urgent, elective or other",
           "admission_type");
    in.diagnoses = "I50.9; e11";
    is_str(check(&in, "diagnoses"), "ok", "diagnoses");
    in.diagnoses = "I50.9;heart";
    is_str(check(&in, "diagnoses"), "diagnoses: 'heart' is not an ICD-10 code", "a bad code");
    in.complexity = "low";
    is_str(check(&in, "complexity"), "complexity: 'low' is not moderate or high", "complexity");
    in.source = "fax";
    is_str(check(&in, "source"), "source: 'fax' is not hl7, csv, manual or demo", "source");

    /* cd_discharge_validate reports the first bad field in form order */
    in = base();
    in.admission_type = "planned";
    in.setting = "ward";
    struct cd_error err = {0};
    cd_discharge_validate(&in, &err);
    starts(err.msg, "setting: ", "validate: the first bad field");

    const char *const *c = cd_discharge_choices("setting");
    is_str(c[0], "inpatient", "setting choices start with inpatient");
    size_t n = 0;
    while (c[n])
        n++;
    is_int((int)n, 10, "ten settings");
    c = cd_discharge_choices("admission_type");
    is_str(c[3], "other", "admission types");
    ok(c[4] == NULL, "four admission types");
    c = cd_discharge_choices("complexity");
    is_str(c[0], "moderate", "moderate first (the default)");
    is_str(c[1], "high", "then high");
    ok(cd_discharge_choices("disposition") == NULL, "no static list for disposition");
    ok(cd_discharge_choices(NULL) == NULL, "NULL field");

    is_int((int)cd_disposition_count(), 29, "29 dispositions");
    is_str(cd_disposition_get(0)->code, "01", "first is 01");
    is_str(cd_disposition_get(0)->text, "Discharged to home or self care", "its text");
    is_str(cd_disposition_get(28)->key, "home_health_planned_readmit", "last");
    ok(cd_disposition_get(29) == NULL, "past the end");
    ok(cd_disposition_get(5)->community, "06 home health is community");

    cd_store_close(store);
    testdb_cleanup();
    return done_testing();
}
