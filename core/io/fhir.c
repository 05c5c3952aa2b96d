/* SPDX-License-Identifier: MIT */
/* FHIR R4 CarePlan export: built with jansson, never by hand, so the JSON is always valid.
 * Problems and goals are contained resources: in caredesk they exist only inside a plan version. */
#include "config.h"
#include "core/io/fhir.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/base/clock.h"
#include "core/base/page.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/careplan.h"
#include "core/patient.h"

#define ICD10_SYSTEM "http://hl7.org/fhir/sid/icd-10-cm"
#define V2_0203 "http://terminology.hl7.org/CodeSystem/v2-0203"

/* The patient as a logical reference: the MRN identifier and the name. */
static json_t *subject(const char *mrn, const char *name)
{
    return json_pack("{s:{s:{s:[{s:s, s:s}]}, s:s}, s:s}", "identifier", "type", "coding", "system",
                     V2_0203, "code", "MR", "value", mrn, "display", name);
}

static json_t *condition(const struct cd_careplan_item *it, const char *mrn, const char *name)
{
    json_t *code = json_object();
    if (it->code)
        json_object_set_new(code, "coding",
                            json_pack("[{s:s, s:s, s:s}]", "system", ICD10_SYSTEM, "code", it->code,
                                      "display", it->text));
    json_object_set_new(code, "text", json_string(it->text));
    return json_pack("{s:s, s:s, s:{s:[{s:s, s:s}]}, s:o, s:o}", "resourceType", "Condition", "id",
                     it->key, "clinicalStatus", "coding", "system",
                     "http://terminology.hl7.org/CodeSystem/condition-clinical", "code", "active",
                     "code", code, "subject", subject(mrn, name));
}

static json_t *goal(const struct cd_careplan_item *it, const char *mrn, const char *name)
{
    const char *st = it->status ? it->status : "proposed";
    const char *life = st, *achieved = NULL;
    if (strcmp(st, "met") == 0)
        life = "completed", achieved = "achieved";
    else if (strcmp(st, "not_met") == 0)
        life = "completed", achieved = "not-achieved";
    json_t *g = json_pack("{s:s, s:s, s:s}", "resourceType", "Goal", "id", it->key,
                          "lifecycleStatus", life);
    if (achieved)
        json_object_set_new(g, "achievementStatus",
                            json_pack("{s:[{s:s, s:s}]}", "coding", "system",
                                      "http://terminology.hl7.org/CodeSystem/goal-achievement",
                                      "code", achieved));
    json_object_set_new(g, "description", json_pack("{s:s}", "text", it->text));
    json_object_set_new(g, "subject", subject(mrn, name));
    if (it->target || it->target_date) {
        json_t *t = json_object();
        if (it->target)
            json_object_set_new(t, "detailString", json_string(it->target));
        if (it->target_date)
            json_object_set_new(t, "dueDate", json_string(it->target_date));
        json_object_set_new(g, "target", json_pack("[o]", t));
    }
    return g;
}

static const char *activity_status(const char *s)
{
    if (!s || strcmp(s, "planned") == 0)
        return "not-started";
    if (strcmp(s, "in_progress") == 0)
        return "in-progress";
    if (strcmp(s, "done") == 0)
        return "completed";
    return "cancelled";
}

static json_t *activity(const struct cd_careplan_item *it)
{
    json_t *d = json_object();
    if (it->section == CD_CAREPLAN_MEDICATION) {
        json_object_set_new(d, "kind", json_string("MedicationRequest"));
        json_object_set_new(d, "productCodeableConcept", json_pack("{s:s}", "text", it->text));
        json_object_set_new(d, "status", json_string("in-progress"));
        char *desc = NULL;
        const char *dose = it->dose ? it->dose : "", *route = it->route ? it->route : "";
        size_t n = strlen(dose) + strlen(route) + 3;
        if ((it->dose || it->route) && (desc = malloc(n))) {
            strcpy(desc, dose);
            if (*dose && *route)
                strcat(desc, ", ");
            strcat(desc, route);
            json_object_set_new(d, "description", json_string(desc));
        }
        free(desc);
        if (it->reconciled_on)
            json_object_set_new(d, "scheduledString", json_string(it->reconciled_on));
    } else {
        json_object_set_new(d, "status", json_string(activity_status(it->status)));
        json_object_set_new(d, "description", json_string(it->text));
        if (it->target_date)
            json_object_set_new(d, "scheduledPeriod", json_pack("{s:s}", "end", it->target_date));
        if (it->responsible)
            json_object_set_new(d, "performer", json_pack("[{s:s}]", "display", it->responsible));
    }
    return json_pack("{s:o}", "detail", d);
}

/* "Section title: text" for the sections FHIR's CarePlan has no element for. */
static json_t *note(const struct cd_careplan_item *it)
{
    size_t n = strlen(cd_careplan_section_title(it->section)) + strlen(it->text) + 3;
    char *s = malloc(n);
    if (!s)
        return NULL;
    strcpy(s, cd_careplan_section_title(it->section));
    strcat(s, ": ");
    strcat(s, it->text);
    json_t *o = json_pack("{s:s}", "text", s);
    free(s);
    return o;
}

static json_t *build(const struct cd_careplan *plan, const char *mrn, const char *name,
                     const char *coordinator)
{
    char id[40], ver[16], day[20] = "";
    snprintf(id, sizeof id, "careplan-%lld", (long long)plan->plan_id);
    snprintf(ver, sizeof ver, "%d", plan->version);
    time_t t;
    if (plan->saved_at && !cd_instant_parse(plan->saved_at, &t, NULL))
        cd_instant_format_local(t, day);
    day[10] = '\0';
    json_t *cp = json_pack("{s:s, s:s, s:{s:s, s:s}}", "resourceType", "CarePlan", "id", id, "meta",
                           "versionId", ver, "lastUpdated", plan->saved_at ? plan->saved_at : "");
    json_t *contained = json_array(), *addresses = json_array(), *goals = json_array(),
           *activities = json_array(), *notes = json_array();
    struct cd_strbuf desc = CD_STRBUF_INIT;
    for (size_t i = 0; i < plan->nitems; i++) {
        const struct cd_careplan_item *it = &plan->items[i];
        char ref[80];
        snprintf(ref, sizeof ref, "#%s", it->key);
        switch (it->section) {
        case CD_CAREPLAN_PROBLEM:
            json_array_append_new(contained, condition(it, mrn, name));
            json_array_append_new(addresses,
                                  json_pack("{s:s, s:s}", "reference", ref, "display", it->text));
            break;
        case CD_CAREPLAN_GOAL:
            json_array_append_new(contained, goal(it, mrn, name));
            json_array_append_new(goals, json_pack("{s:s}", "reference", ref));
            break;
        case CD_CAREPLAN_INTERVENTION:
        case CD_CAREPLAN_MEDICATION: json_array_append_new(activities, activity(it)); break;
        case CD_CAREPLAN_PROGNOSIS:
            cd_strbuf_addf(&desc, "%s%s", desc.len ? " " : "", it->text);
            break;
        default: json_array_append_new(notes, note(it));
        }
    }
    if (json_array_size(contained))
        json_object_set(cp, "contained", contained);
    json_object_set_new(cp, "status", json_string("active"));
    json_object_set_new(cp, "intent", json_string("plan"));
    json_object_set_new(cp, "title", json_string("Care plan"));
    if (desc.len)
        json_object_set_new(cp, "description", json_string(cd_strbuf_str(&desc)));
    json_object_set_new(cp, "subject", subject(mrn, name));
    json_object_set_new(cp, "period", json_pack("{s:s}", "start", day));
    if (coordinator && *coordinator)
        json_object_set_new(cp, "author", json_pack("{s:s}", "display", coordinator));
    if (json_array_size(addresses))
        json_object_set(cp, "addresses", addresses);
    if (json_array_size(goals))
        json_object_set(cp, "goal", goals);
    if (json_array_size(activities))
        json_object_set(cp, "activity", activities);
    if (json_array_size(notes))
        json_object_set(cp, "note", notes);
    json_decref(contained);
    json_decref(addresses);
    json_decref(goals);
    json_decref(activities);
    json_decref(notes);
    int bad = desc.oom;
    cd_strbuf_free(&desc);
    if (bad) {
        json_decref(cp);
        return NULL;
    }
    return cp;
}

int cd_fhir_careplan(struct cd_store *store, const struct cd_careplan *plan, char **json,
                     struct cd_error *err)
{
    *json = NULL;
    if (plan->version == 0)
        return cd_error_set(err, CD_ENOTFOUND, "the patient has no care plan yet");
    struct cd_patient_header h;
    int rc = cd_patient_header_get(store, plan->patient_id, &h, err);
    if (rc)
        return rc;
    char name[256];
    snprintf(name, sizeof name, "%s %s", h.given_name, h.family_name);
    json_t *cp = build(plan, h.mrn, name, h.coordinator_name);
    char *text = cp ? json_dumps(cp, JSON_INDENT(2)) : NULL;
    json_decref(cp);
    struct cd_strbuf out = CD_STRBUF_INIT;
    bool built = text != NULL;
    if (built) {
        /* jansson writes DEL, C1 and bidi controls as they are: as \uXXXX they read back the
         * same and never reach a terminal raw (outside strings there are only LF and spaces) */
        size_t n = strlen(text), len;
        for (size_t i = 0; i < n; i += len) {
            int32_t c = cd_utf8_decode(text + i, n - i, &len);
            if (c >= 0 && cd_text_unsafe_cp(c, CD_TEXT_MULTILINE))
                cd_strbuf_addf(&out, "\\u%04x", (unsigned)c);
            else
                cd_strbuf_addn(&out, text + i, len);
        }
        cd_strbuf_addc(&out, '\n');
    }
    free(text);
    if (!built || out.oom) {
        cd_strbuf_free(&out);
        return cd_error_set(err, CD_ENOMEM, "out of memory building the FHIR CarePlan");
    }
    if ((rc = cd_careplan_audit(store, plan, "export", "FHIR JSON", err))) {
        cd_strbuf_free(&out);
        return rc;
    }
    *json = cd_strbuf_take(&out);
    return 0;
}
