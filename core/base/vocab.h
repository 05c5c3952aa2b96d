/* SPDX-License-Identifier: MIT */
/* The vocabulary every layer shares: programs, time activities and roles, staff roles, task and
 * appointment kinds; the keys the database stores and the words people read. Static tables,
 * nothing else of core. */
#ifndef CD_CORE_BASE_VOCAB_H
#define CD_CORE_BASE_VOCAB_H

#include <stdbool.h>

/* True for a program the schema knows: ccm ccm_complex pcm tcm apcm coordination. */
bool cd_program_valid(const char *program);
/* True for a program a person enrolls in by hand (all but tcm, which a discharge opens). */
bool cd_program_enrollable(const char *program);
/* The short label for the status bar and headers ("CCM", "Complex CCM" ...); static, "" if
 * unknown. */
const char *cd_program_label(const char *program);
/* The program as it reads inside a sentence ("complex CCM", "PCM"); static, "" if unknown. */
const char *cd_program_phrase(const char *program);

/* An activity: the key stored in the database and the name the screens show. */
struct cd_activity {
    const char *key;
    const char *name;
};
/* The activities in display order; the list ends with {NULL, NULL}. */
extern const struct cd_activity cd_activities[];
/* True for a known activity key. */
bool cd_activity_valid(const char *key);
/* The display name of KEY ("Medication reconciliation"); static, "" if unknown. */
const char *cd_activity_name(const char *key);
/* True for clinical_staff or practitioner. */
bool cd_role_valid(const char *role);
/* The role as people say it ("clinical staff", "practitioner"); ROLE itself when unknown, "" for
 * NULL. */
const char *cd_role_label(const char *role);

/* True for coordinator, scheduler, supervisor or admin. */
bool cd_user_role_valid(const char *role);

/* What a person calls a task of KIND, mid-sentence ("TCM contact", "care plan review"); static;
 * KIND itself when unknown, "task" when NULL. */
const char *cd_task_kind_label(const char *kind);

/* A call's outcome as people say it ("no answer", "wrong number"); OUTCOME itself when unknown,
 * "" for NULL (static). */
const char *cd_contact_outcome_label(const char *outcome);

/* The kinds, NULL-terminated (static): tcm_visit primary_care specialist lab telehealth other. */
extern const char *const cd_appointment_kinds[];
/* The words for KIND ("TCM face-to-face visit"), or NULL for an unknown kind (static). */
const char *cd_appointment_kind_label(const char *kind);

#endif
