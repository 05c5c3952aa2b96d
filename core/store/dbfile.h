/* SPDX-License-Identifier: MIT */
/* The database's files on disk, inside core/store: created and checked before SQLite opens them,
 * so a symlink, a file others can read or a file planted by someone outside the team is refused,
 * never initialised and filled. Team mode: the directory is set-group-ID and the team's group. */
#ifndef CD_CORE_STORE_DBFILE_H
#define CD_CORE_STORE_DBFILE_H

#include <stdbool.h>
#include <sys/types.h>

#include "core/base/error.h"
#include "core/base/strbuf.h"

/* What cd_dbfile_check found. */
struct cd_dbfile {
    dev_t dev; /* the database file as checked (dev and ino 0 when it could not be pinned) */
    ino_t ino;
    uid_t owner;   /* its owner */
    long team_gid; /* the team group (the directory is set-group-ID), or -1 */
    bool repair;   /* a file of the caller's is wider than allowed: cd_dbfile_repair fixes it */
};

/* Check the database PATH, its directory and its -wal and -shm files before SQLite opens them;
 * with CREATE make the missing directories (0700) and the file (O_EXCL|O_NOFOLLOW, 0600 or 0660
 * in team mode). Refuses, touching nothing, a symlink, a directory or file others can read or
 * write, a file wider than allowed that the caller does not own, and anything owned by someone
 * outside the team (not the caller, not root, not in the team group). CD_ENOTFOUND when PATH
 * is missing without CREATE; CD_EPERM, CD_EFOREIGN or CD_EIO with a sentence otherwise. In team
 * mode the process umask becomes 007, so that files SQLite makes are the team's from the start. */
int cd_dbfile_check(const char *path, bool create, struct cd_dbfile *out, struct cd_error *err);
/* After SQLite opened PATH: CD_EIO when it is no longer the file F checked (replaced meanwhile). */
int cd_dbfile_same(const char *path, const struct cd_dbfile *f, struct cd_error *err);
/* Tighten the caller's files among PATH, PATH-wal and PATH-shm to 0600 (0660 and the team group
 * in team mode); one sentence per file changed goes to NOTES. Call it once the file proved to be
 * caredesk's and before anything is written. */
int cd_dbfile_repair(const char *path, const struct cd_dbfile *f, struct cd_strbuf *notes,
                     struct cd_error *err);

#endif
