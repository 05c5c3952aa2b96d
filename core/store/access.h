/* SPDX-License-Identifier: MIT */
/* Whether this process can write a database file, what stops it when it cannot, and how the store
 * opens a database it may only read. */
#ifndef CD_CORE_STORE_ACCESS_H
#define CD_CORE_STORE_ACCESS_H

#include <stdbool.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* 0 when this process can write the database at PATH (or PATH does not exist yet); else CD_EPERM
 * with the sentence naming what stops it: PATH or its -wal/-shm read-only for this user, a
 * directory where the -wal and -shm files cannot be made, or a read-only file system. */
int cd_store_check_writable(const char *path, struct cd_error *err);

/* True when STORE was opened read-only (CD_STORE_READONLY, or CD_STORE_READ_FALLBACK chose it). */
bool cd_store_readonly(struct cd_store *store);
/* 0 when STORE is open to write; else CD_EPERM, or CD_EIO for a full disk, with why as the start
 * of a sentence in WHY: "the database is read-only" or "the disk holding PATH is full". */
int cd_store_readonly_why(struct cd_store *store, struct cd_error *why);

/* For cd_store_open: the SQLite URI that opens PATH read-only without creating its -wal and -shm
 * files (caller frees; NULL when out of memory). */
char *cd_store_readonly_uri(const char *path);

#endif
