/* SPDX-License-Identifier: MIT */
/* The SQLite store: open, migrate, transactions, change polling. No SQLite type here:
 * core modules reach the connection through core/db.h. */
#ifndef CD_CORE_STORE_STORE_H
#define CD_CORE_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"

struct cd_store;

enum cd_store_flags {
    CD_STORE_CREATE = 1,   /* create the file (0600, 0660 for a team) and its directory */
    CD_STORE_READONLY = 2, /* open read-only, never migrate */
    /* Open read-only, instead of failing, when this process cannot write the database (its
     * file, its -wal or -shm, or its directory) or the disk holding it is full. */
    CD_STORE_READ_FALLBACK = 4,
};

/* Open the database at PATH (caller owns *OUT; close with cd_store_close). Refuses a file that is
 * not a caredesk database (CD_EFOREIGN) or was written by a newer schema (CD_ESCHEMA), and a file
 * or directory that is a symlink, open to everyone, or owned outside the team (CD_EPERM), without
 * writing to it; tightens the caller's own files that are too open (cd_store_notes says so);
 * applies pending migrations, each in one transaction. Sets the process clock zone from the
 * stored setting. A database this process cannot write is refused (CD_EPERM, the sentence of
 * cd_store_check_writable) unless FLAGS ask for reading only or allow the fallback. */
int cd_store_open(const char *path, unsigned flags, struct cd_store **out, struct cd_error *err);
/* Close and free (NULL is a no-op). */
void cd_store_close(struct cd_store *store);

/* Default database path: $CAREDESK_DB, else $XDG_DATA_HOME/caredesk/caredesk.db, else
 * ~/.local/share/caredesk/caredesk.db. Caller frees. */
char *cd_store_default_path(void);
/* Create the directories above PATH that do not exist yet (mode 0700): for the database and for
 * files the workstation writes, such as calendar exports. CD_EIO with the directory named. */
int cd_mkdir_parents(const char *path, struct cd_error *err);
/* The path the store was opened with (borrowed). */
const char *cd_store_path(const struct cd_store *store);
/* The schema version this build knows. */
int cd_store_schema_latest(void);
/* The schema version of the open database. */
int cd_store_schema_version(struct cd_store *store);
/* Let the page cache grow to KIB kibibytes (SQLite's default is 2,000): for a long-lived
 * session that reads the same pages on every key press; a one-shot command keeps the default
 * (a bigger cache only costs it page faults). */
int cd_store_set_cache(struct cd_store *store, int kib, struct cd_error *err);
/* The schema version the file had when STORE opened it, before any migration (0: new file). */
int cd_store_schema_opened(const struct cd_store *store);

/* Begin a (possibly nested) write transaction; the outermost is BEGIN IMMEDIATE. */
int cd_store_begin_at(struct cd_store *store, const char *file, int line, struct cd_error *err);
#define cd_store_begin(store, err) cd_store_begin_at((store), __FILE__, __LINE__, (err))
/* Commit the innermost level; the outermost really commits. */
int cd_store_commit(struct cd_store *store, struct cd_error *err);
/* Roll back the whole transaction (all levels). */
void cd_store_rollback(struct cd_store *store);
/* End a level begun with cd_store_begin: commit when RC is 0, else roll back. Returns RC, or the
 * commit's error. */
int cd_store_finish(struct cd_store *store, int rc, struct cd_error *err);
/* Between two short write transactions of a long job: give sessions waiting for the write lock
 * (they poll every 2 ms, for up to 5 s) the time to take it. */
void cd_store_yield(struct cd_store *store);
/* True inside cd_store_begin. */
bool cd_store_in_transaction(const struct cd_store *store);

/* The connection's view of others' commits: changes when another connection commits. */
int64_t cd_store_data_version(struct cd_store *store);

/* The team group sharing the database (its directory is set-group-ID: 'caredesk init --team'),
 * or -1 for a single user's database. Files holding patient data are 0660 in its directories. */
long cd_store_team_gid(const struct cd_store *store);

/* True when the caller (the effective user) owns the database file. */
bool cd_store_caller_owns(const struct cd_store *store);
/* What opening repaired, one sentence a line ("tightened F from mode 0644 to 0600: ..."), or ""
 * (borrowed). The front ends show it once. */
const char *cd_store_notes(const struct cd_store *store);
/* Make the directory of PATH a team's: mode 2770 in group GROUP, and the database, -wal and -shm
 * files there 0660 in that group ('caredesk init --team'). The caller must be in GROUP (or root)
 * and own what it changes (or be root). CD_ENOTFOUND (no such group), CD_EPERM or CD_EIO with a
 * sentence. */
int cd_store_team_init(const char *path, const char *group, struct cd_error *err);

/* The acting user for audit and "who" columns (0 = none). */
void cd_store_set_actor(struct cd_store *store, int64_t user_id);
int64_t cd_store_actor(const struct cd_store *store);
/* Make the statement running on STORE stop with an error as soon as it can (its transaction rolls
 * back). The one store function safe to call from a thread other than the one using STORE. */
void cd_store_interrupt(struct cd_store *store);

#endif
