/* SPDX-License-Identifier: MIT */
/* The audit log: who changed or read what, when, about which patient. Append-only and
 * tamper-evident: each entry carries a SHA-256 chained to the entry before it. */
#ifndef CD_CORE_STORE_AUDIT_H
#define CD_CORE_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

struct cd_stmt; /* core/store/db.h */

#define CD_AUDIT_HASH_LEN 32 /* SHA-256 */
#define CD_AUDIT_FIELDS 8    /* id at user_id entity entity_id action detail patient_id */

/* Append one change entry as the store's actor at the clock's now, inside the caller's
 * transaction, chained to the last entry; its patient is found from ENTITY/ENTITY_ID (0: none).
 * DETAIL may be NULL. */
int cd_audit_log(struct cd_store *store, const char *entity, int64_t entity_id, const char *action,
                 const char *detail, struct cd_error *err);
/* Append one change entry per row of ROWS (a bound query whose columns are entity entity_id action
 * detail patient_id), in row order, inside the caller's transaction; *N gets their number. For
 * set-based writes (the day's worklist generation), at the cost of one insert per entry. */
int cd_audit_log_rows(struct cd_store *store, struct cd_stmt *rows, int *n, struct cd_error *err);
/* Record one read or export of patient data by the store's actor, e.g. ("chart", 12, "open",
 * "Contacts"): one entry per act, in a transaction of its own (or the caller's). PATIENT_ID is 0
 * when the act spans several patients. On a database open read-only nothing is written and 0
 * returned: reading must still work there. */
int cd_audit_access(struct cd_store *store, const char *what, int64_t patient_id,
                    const char *action, const char *detail, struct cd_error *err);
/* The entries about ENTITY/ID, oldest first, into PAGE (columns at user entity entity_id action
 * detail). */
int cd_audit_list(struct cd_store *store, const char *entity, int64_t entity_id,
                  struct cd_page *page, struct cd_error *err);

/* The hash of one entry into OUT: SHA-256 over PREV (PREV_LEN bytes: the previous entry's hash)
 * and FIELDS (id at user_id entity entity_id action detail patient_id as text, NULL for SQL NULL)
 * in the canonical encoding described in core/store/audit.c. */
void cd_audit_hash(const unsigned char *prev, size_t prev_len,
                   const char *const fields[CD_AUDIT_FIELDS], unsigned char out[CD_AUDIT_HASH_LEN]);

/* Walk the chain, oldest first. 0 with *ENTRIES the count when it is intact; CD_ECONFLICT when the
 * log was changed outside caredesk, naming the first bad entry ("audit entry 1234 was altered (its
 * hash does not match its content)", "audit entry 1233 is missing (the chain breaks between 1232
 * and 1234)", "audit entry 1240 was inserted out of the chain"); another code when reading
 * fails. */
int cd_audit_verify(struct cd_store *store, int64_t *entries, struct cd_error *err);

struct cd_audit_query {
    int64_t patient_id; /* 0 = every patient */
    int64_t user_id;    /* 0 = everyone */
    const char *from;   /* first clinic date YYYY-MM-DD, inclusive, or NULL */
    const char *to;     /* last clinic date YYYY-MM-DD, inclusive, or NULL */
};

/* The entries Q selects, newest first, into PAGE (columns entry when who what patient detail:
 * when is clinic-local "YYYY-MM-DD HH:MM:SS", who the login, what "care plan export", patient the
 * MRN). The browse itself is recorded as one read of the log. Bad dates name the option. */
int cd_audit_browse(struct cd_store *store, const struct cd_audit_query *q, struct cd_page *page,
                    struct cd_error *err);

#endif
