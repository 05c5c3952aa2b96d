/* SPDX-License-Identifier: MIT */
/* The shared vocabulary: program, activity, role and kind keys with their labels. */
#include "config.h"
#include "core/base/vocab.h"

#include <stddef.h>
#include <string.h>

/* label heads a field ("Complex CCM"); phrase sits inside a sentence ("No complex CCM contact"). */
static const struct {
    const char *key, *label, *phrase;
    bool enrollable;
} programs[] = {
    {"ccm", "CCM", "CCM", true},    {"ccm_complex", "Complex CCM", "complex CCM", true},
    {"pcm", "PCM", "PCM", true},    {"tcm", "TCM", "TCM", false},
    {"apcm", "APCM", "APCM", true}, {"coordination", "Coordination", "coordination", true},
};
#define N_PROGRAMS (sizeof programs / sizeof programs[0])

bool cd_program_valid(const char *program)
{
    for (size_t i = 0; program && i < N_PROGRAMS; i++)
        if (strcmp(programs[i].key, program) == 0)
            return true;
    return false;
}

bool cd_program_enrollable(const char *program)
{
    for (size_t i = 0; program && i < N_PROGRAMS; i++)
        if (strcmp(programs[i].key, program) == 0)
            return programs[i].enrollable;
    return false;
}

const char *cd_program_label(const char *program)
{
    for (size_t i = 0; program && i < N_PROGRAMS; i++)
        if (strcmp(programs[i].key, program) == 0)
            return programs[i].label;
    return "";
}

const char *cd_program_phrase(const char *program)
{
    for (size_t i = 0; program && i < N_PROGRAMS; i++)
        if (strcmp(programs[i].key, program) == 0)
            return programs[i].phrase;
    return "";
}

const struct cd_activity cd_activities[] = {
    {"careplan_review", "Care plan review"},
    {"med_reconciliation", "Medication reconciliation"},
    {"call", "Call with patient or caregiver"},
    {"coordination", "Coordination with a provider"},
    {"community_resources", "Community resources"},
    {"documentation", "Documentation"},
    {"other", "Other"},
    {NULL, NULL},
};

bool cd_activity_valid(const char *key)
{
    for (const struct cd_activity *a = cd_activities; key && a->key; a++)
        if (strcmp(a->key, key) == 0)
            return true;
    return false;
}

const char *cd_activity_name(const char *key)
{
    for (const struct cd_activity *a = cd_activities; key && a->key; a++)
        if (strcmp(a->key, key) == 0)
            return a->name;
    return "";
}

bool cd_role_valid(const char *role)
{
    return role && (strcmp(role, "clinical_staff") == 0 || strcmp(role, "practitioner") == 0);
}

const char *cd_role_label(const char *role)
{
    if (!role)
        return "";
    return strcmp(role, "clinical_staff") == 0 ? "clinical staff" : role;
}

bool cd_user_role_valid(const char *role)
{
    static const char *const roles[] = {"coordinator", "scheduler", "supervisor", "admin"};
    for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(role, roles[i]) == 0)
            return true;
    return false;
}

const char *cd_task_kind_label(const char *kind)
{
    static const struct {
        const char *kind, *label;
    } labels[] = {
        {"tcm_contact", "TCM contact"},   {"tcm_visit", "TCM visit"},
        {"ccm_outreach", "CCM outreach"}, {"careplan_review", "care plan review"},
        {"callback", "call back"},        {"followup", "follow-up"},
        {"referral", "referral"},         {"other", "task"},
    };
    for (size_t i = 0; kind && i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(kind, labels[i].kind) == 0)
            return labels[i].label;
    return kind ? kind : "task";
}

const char *cd_contact_outcome_label(const char *outcome)
{
    static const struct {
        const char *key, *label;
    } labels[] = {
        {"no_answer", "no answer"},
        {"wrong_number", "wrong number"},
    };
    for (size_t i = 0; outcome && i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(outcome, labels[i].key) == 0)
            return labels[i].label;
    return outcome ? outcome : "";
}

const char *const cd_appointment_kinds[] = {"tcm_visit",  "primary_care", "specialist", "lab",
                                            "telehealth", "other",        NULL};
static const char *const kind_labels[] = {"TCM face-to-face visit", "Primary care visit",
                                          "Specialist visit",       "Lab appointment",
                                          "Telehealth visit",       "Appointment"};

const char *cd_appointment_kind_label(const char *kind)
{
    for (size_t i = 0; kind && cd_appointment_kinds[i]; i++)
        if (strcmp(kind, cd_appointment_kinds[i]) == 0)
            return kind_labels[i];
    return NULL;
}
