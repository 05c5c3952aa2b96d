/* SPDX-License-Identifier: MIT */
/* Merging care plan edits after a refused save: the changes made to an edited copy since its base
 * version are applied again on top of the current version, so the other nurse's saved changes
 * stay and nothing is overwritten unseen. */
#ifndef CD_CORE_CAREPLAN_MERGE_H
#define CD_CORE_CAREPLAN_MERGE_H

#include "core/base/error.h"
#include "core/careplan.h"
#include "core/store/store.h"

/* Replace PLAN (edited from BASE_VERSION; 0 = from no plan) by the current version with PLAN's
 * changes applied on top: added items are added (they may get new keys), changed fields and moves
 * are applied to the same item, removed items are removed, the review date set; an item edited
 * here but deleted in the current version comes back. Where both changed the same field to
 * different values this copy wins and *CLASHES (may be NULL) counts it. PLAN is unchanged on
 * error. Nothing is saved: the caller saves with the new plan->version as base. */
int cd_careplan_rebase(struct cd_store *store, struct cd_careplan *plan, int base_version,
                       int *clashes, struct cd_error *err);

/* Save PLAN (edited from BASE_VERSION) where nobody is left to merge, as the command line does:
 * when newer versions were saved meanwhile but touched none of the items PLAN changes, PLAN's
 * changes are applied on the newest version and saved (an added item may get a new key); when
 * they touched one (or both set the review date), CD_ECONFLICT naming the items and nothing is
 * saved. One transaction, audited; on success plan->version is the new version. */
int cd_careplan_save_rebased(struct cd_store *store, struct cd_careplan *plan, int base_version,
                             const char *summary, struct cd_error *err);

#endif
