/* SPDX-License-Identifier: MIT */
/* The append-only audit log: who changed what, when. */
#ifndef CD_CORE_STORE_AUDIT_H
#define CD_CORE_STORE_AUDIT_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* Append one entry as the store's actor at the clock's now. DETAIL may be NULL. */
int cd_audit_log(struct cd_store *store, const char *entity, int64_t entity_id, const char *action,
                 const char *detail, struct cd_error *err);
/* The entries about ENTITY/ID, oldest first, into PAGE (columns at user entity entity_id action
 * detail). */
int cd_audit_list(struct cd_store *store, const char *entity, int64_t entity_id,
                  struct cd_page *page, struct cd_error *err);

#endif
