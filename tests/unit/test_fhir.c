/* SPDX-License-Identifier: MIT */
/* Unit tests of core/fhir: the CarePlan export parsed back with jansson and checked field by
 * field. */
#include "config.h"

#include <stdlib.h>

#include <jansson.h>

#include "core/careplan.h"
#include "core/io/fhir.h"
#include "core/patient.h"
#include "core/user.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

/* The string at PATH (jansson's json_unpack format with one s) or NULL. */
static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t pid;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", NULL, NULL, &err);
    struct cd_patient_in in = {
        .mrn = "1001", .family = "Núñez", .given = "Zoë", .coordinator = "mrivera"};
    cd_patient_add(store, &in, &pid, &err);
    struct cd_careplan *p = NULL;
    cd_careplan_load(store, pid, 0, &p, &err);
    char *json = NULL;
    is_int(cd_fhir_careplan(store, p, &json, &err), CD_ENOTFOUND, "no plan: nothing to export");

    struct cd_careplan_fields f = {.text = "Heart failure \"HFrEF\"", .code = "I50.9"};
    cd_careplan_add(p, CD_CAREPLAN_PROBLEM, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Likely stable with daily weights"};
    cd_careplan_add(p, CD_CAREPLAN_PROGNOSIS, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Keep weight steady",
                                    .target = "80 kg ± 1",
                                    .target_date = "2026-12-31",
                                    .status = "active"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Quit smoking", .status = "met"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Sleep 7 hours", .status = "not_met"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Weekly call",
                                    .responsible = "care coordinator",
                                    .target_date = "2026-12-01",
                                    .status = "in_progress"};
    cd_careplan_add(p, CD_CAREPLAN_INTERVENTION, &f, NULL, &err);
    f = (struct cd_careplan_fields){
        .text = "Furosemide", .dose = "40 mg", .route = "by mouth", .reconciled_on = "2026-11-02"};
    cd_careplan_add(p, CD_CAREPLAN_MEDICATION, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Lives alone"};
    cd_careplan_add(p, CD_CAREPLAN_BARRIER, &f, NULL, &err);
    { /* the clock runs on: pin it where exact seconds are asserted */
        time_t t0;
        cd_instant_parse("2026-11-02T09:00", &t0, NULL);
        cd_clock_set(t0);
    }
    cd_careplan_save(store, p, 0, NULL, &err);

    is_int(cd_fhir_careplan(store, p, &json, &err), 0, "export");
    ok(json && json[strlen(json) - 1] == '\n', "ends in a newline");
    json_error_t jerr;
    json_t *cp = json_loads(json, JSON_REJECT_DUPLICATES, &jerr);
    ok(cp != NULL, "parses back as JSON (%s)", cp ? "ok" : jerr.text);
    is_str(str(cp, "resourceType"), "CarePlan", "resourceType");
    is_str(str(cp, "id"), "careplan-1", "id");
    is_str(str(json_object_get(cp, "meta"), "versionId"), "1", "meta.versionId");
    is_str(str(json_object_get(cp, "meta"), "lastUpdated"), "2026-11-02T14:00:00Z", "lastUpdated");
    is_str(str(cp, "status"), "active", "status");
    is_str(str(cp, "intent"), "plan", "intent");
    is_str(str(cp, "description"), "Likely stable with daily weights", "prognosis as description");
    json_t *subj = json_object_get(cp, "subject");
    is_str(str(json_object_get(subj, "identifier"), "value"), "1001", "subject MRN");
    is_str(json_string_value(json_object_get(
               json_array_get(
                   json_object_get(json_object_get(json_object_get(subj, "identifier"), "type"),
                                   "coding"),
                   0),
               "code")),
           "MR", "identifier type MR");
    is_str(str(subj, "display"), "Zoë Núñez", "subject display");
    is_str(str(json_object_get(cp, "period"), "start"), "2026-11-02", "period.start");
    is_str(str(json_object_get(cp, "author"), "display"), "Maria Rivera", "author");

    json_t *contained = json_object_get(cp, "contained");
    is_int(json_array_size(contained), 4, "one Condition and three Goals contained");
    json_t *cond = json_array_get(contained, 0);
    is_str(str(cond, "resourceType"), "Condition", "Condition");
    is_str(str(cond, "id"), "problem-1", "Condition id");
    json_t *coding = json_array_get(json_object_get(json_object_get(cond, "code"), "coding"), 0);
    is_str(str(coding, "system"), "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10 system");
    is_str(str(coding, "code"), "I50.9", "ICD-10 code");
    is_str(str(json_object_get(cond, "code"), "text"), "Heart failure \"HFrEF\"", "quotes survive");
    ok(json_object_get(cond, "subject") != NULL, "Condition.subject");
    json_t *g1 = json_array_get(contained, 1), *g2 = json_array_get(contained, 2),
           *g3 = json_array_get(contained, 3);
    is_str(str(g1, "resourceType"), "Goal", "Goal");
    is_str(str(g1, "id"), "goal-1", "Goal id");
    is_str(str(g1, "lifecycleStatus"), "active", "active -> active");
    is_str(str(json_object_get(g1, "description"), "text"), "Keep weight steady", "description");
    json_t *target = json_array_get(json_object_get(g1, "target"), 0);
    is_str(str(target, "detailString"), "80 kg ± 1", "target.detailString (UTF-8)");
    is_str(str(target, "dueDate"), "2026-12-31", "target.dueDate");
    is_str(str(g2, "lifecycleStatus"), "completed", "met -> completed");
    is_str(
        str(json_array_get(json_object_get(json_object_get(g2, "achievementStatus"), "coding"), 0),
            "code"),
        "achieved", "met -> achieved");
    is_str(
        str(json_array_get(json_object_get(json_object_get(g3, "achievementStatus"), "coding"), 0),
            "code"),
        "not-achieved", "not_met -> not-achieved");
    ok(json_object_get(g2, "target") == NULL, "no target when none given");

    json_t *addr = json_array_get(json_object_get(cp, "addresses"), 0);
    is_str(str(addr, "reference"), "#problem-1", "addresses -> contained Condition");
    is_int(json_array_size(json_object_get(cp, "goal")), 3, "three goal references");
    is_str(str(json_array_get(json_object_get(cp, "goal"), 2), "reference"), "#goal-3",
           "goal reference");
    json_t *acts = json_object_get(cp, "activity");
    is_int(json_array_size(acts), 2, "intervention and medication activities");
    json_t *d = json_object_get(json_array_get(acts, 0), "detail");
    is_str(str(d, "status"), "in-progress", "in_progress -> in-progress");
    is_str(str(d, "description"), "Weekly call", "activity description");
    is_str(str(json_array_get(json_object_get(d, "performer"), 0), "display"), "care coordinator",
           "performer display");
    is_str(str(json_object_get(d, "scheduledPeriod"), "end"), "2026-12-01", "scheduledPeriod.end");
    d = json_object_get(json_array_get(acts, 1), "detail");
    is_str(str(d, "kind"), "MedicationRequest", "medication kind");
    is_str(str(json_object_get(d, "productCodeableConcept"), "text"), "Furosemide", "medicine");
    is_str(str(d, "description"), "40 mg, by mouth", "dose and route");
    is_str(str(json_array_get(json_object_get(cp, "note"), 0), "text"), "Barriers: Lives alone",
           "other sections as notes");
    json_decref(cp);
    free(json);
    cd_careplan_free(p);
    cd_store_close(store);
    return done_testing();
}
