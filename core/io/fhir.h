/* SPDX-License-Identifier: MIT */
/* FHIR R4 exports (JSON through jansson). */
#ifndef CD_CORE_IO_FHIR_H
#define CD_CORE_IO_FHIR_H

#include "core/base/error.h"
#include "core/careplan.h"
#include "core/store/store.h"

/* The FHIR R4 CarePlan of PLAN with its problems (Condition) and goals (Goal) as contained
 * resources, as indented JSON ending in a newline (*JSON: caller frees with free()).
 * CD_ENOTFOUND when the patient has no plan yet.
 * Goal lifecycleStatus: proposed -> proposed, active -> active, met -> completed (achievementStatus
 * achieved), not_met -> completed (not-achieved), cancelled -> cancelled. Activity status:
 * planned -> not-started, in_progress -> in-progress, done -> completed, cancelled -> cancelled. */
int cd_fhir_careplan(struct cd_store *store, const struct cd_careplan *plan, char **json,
                     struct cd_error *err);

#endif
