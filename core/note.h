/* SPDX-License-Identifier: MIT */
/* Free-text notes on a patient's chart. */
#ifndef CD_CORE_NOTE_H
#define CD_CORE_NOTE_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* The longest note, in bytes. */
#define CD_NOTE_MAX 20000

/* Add a note by the store's actor at the clock's now (one transaction, audited). TEXT is UTF-8,
 * may span lines (newline and tab allowed, no other control character, CR LF becomes LF),
 * not blank, at most CD_NOTE_MAX bytes. *ID (may be NULL) gets the new note's id. */
int cd_note_add(struct cd_store *store, int64_t patient_id, const char *text, int64_t *id,
                struct cd_error *err);
/* Inside the caller's transaction: a system note TEXT (checked by the caller) by the store's actor
 * at AT (an instant), audited: the timeline's entry for something caredesk did, such as a death
 * or a program ended. */
int cd_note_system(struct cd_store *store, int64_t patient_id, const char *text, const char *at,
                   struct cd_error *err);

#endif
