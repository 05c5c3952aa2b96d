/* SPDX-License-Identifier: MIT */
/* Inside the store: the connection and the statement cache, shared by core/store's own files
 * (store.c, db.c, labels.c, audit.c) and by unit tests that look at the database directly. Nothing
 * above core/store includes this header. */
#ifndef CD_CORE_STORE_STORE_IMPL_H
#define CD_CORE_STORE_STORE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <sqlite3.h>

#include "core/store/store.h"

/* A prepared statement and what binding it found wrong (core/store/db.h's struct cd_stmt). */
struct cd_stmt {
    sqlite3_stmt *st;
    const char *key;        /* the static SQL it was prepared from (the cache key), or NULL */
    const char *bad_param;  /* the first parameter a bind failed for, until cd_db_done */
    int bad_code;           /* CD_EINVAL (unknown name) or CD_ENOMEM */
    struct cd_store *store; /* the connection it belongs to */
};

struct cd_store {
    sqlite3 *db;
    char *path;
    struct cd_stmt **stmts; /* the cache: pointers stay put while it grows */
    size_t nstmts, capstmts;
    int depth;        /* transaction nesting */
    int allow_commit; /* set only while cd_store_commit or a migration commits */
    const char *begin_file;
    int begin_line;
    int64_t actor;
    int opened_version; /* the schema the file had before this open migrated it */
    long team_gid;      /* the team group (the directory is set-group-ID), or -1 */
    uid_t owner;        /* the database file's owner */
    char *notes;        /* what opening repaired (cd_store_notes), or NULL */
    bool disk_full;     /* opened read-only because the disk was too full to open it to write */
    /* the open transaction's audit entries, staged until it commits (core/store/audit.c) */
    int audit_staged;
    int64_t audit_end_id;             /* the chain's end while entries are staged */
    unsigned char audit_end_hash[32]; /* CD_AUDIT_HASH_LEN */
};

/* The raw connection (borrowed): for core/store and unit tests only. */
sqlite3 *cd_store_sqlite(struct cd_store *store);
/* Register cd_label(DOMAIN, KEY) on DB (core/store/labels.c); an SQLite result code. */
int cd_store_register_labels(sqlite3 *db);
/* Register cd_audit_hash(PREV, ...) on DB (core/store/audit.c), for the migration that chains the
 * entries a database already had; an SQLite result code. */
int cd_store_register_audit(sqlite3 *db);
/* Create the connection's table for staging audit entries (at open, outside any transaction). */
int cd_audit_stage_table(struct cd_store *store, struct cd_error *err);
/* Append the entries staged in this transaction to the log (cd_store_commit, before COMMIT). */
int cd_audit_flush(struct cd_store *store, struct cd_error *err);
/* cd_audit_hash for fields of known lengths (LENS[i] bytes at FIELDS[i]; NULL for SQL NULL), as
 * SQLite hands them over (core/store/audit.c, audit_read.c). */
void cd_audit_hash_n(const unsigned char *prev, size_t prev_len, const char *const *fields,
                     const size_t *lens, unsigned char *out);
/* Finalize and free STORE's statement cache (cd_store_close). */
void cd_db_cache_free(struct cd_store *store);
/* Map the SQLite result RC to a CD_E* code and a sentence prefixed by WHAT. */
int cd_db_error(struct cd_store *store, int rc, const char *what, struct cd_error *err);

#endif
