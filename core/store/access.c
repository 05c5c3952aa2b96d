/* SPDX-License-Identifier: MIT */
/* Read-only databases: what keeps this process from writing one, said in one sentence that names
 * the file or directory, and the way to open one for reading without leaving files behind. */
#include "config.h"
#include "core/store/access.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/base/strbuf.h"
#include "core/store/store_impl.h"

/* The directory holding PATH, for a sentence: as given, or the working directory's name. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == path)
        return cd_strdup("/");
    if (!slash)
        return getcwd(NULL, 0);
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_addn(&sb, path, (size_t)(slash - path));
    return cd_strbuf_take(&sb);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* What to do about a file this user cannot write: its owner can change its mode, anyone else
 * must ask (static text). */
static const char *fix_for(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && st.st_uid == getuid())
        return "it is yours: chmod u+w gives you write access";
    return "ask its owner for write access";
}

int cd_store_check_writable(const char *path, struct cd_error *err)
{
    if (access(path, W_OK) != 0) {
        if (errno == ENOENT)
            return 0;
        if (errno == EROFS)
            return cd_error_set(err, CD_EPERM,
                                "%s is on a read-only file system; only commands that read can "
                                "use it",
                                path);
        return cd_error_set(err, CD_EPERM,
                            "%s is read-only for you; only commands that read can use it (%s)",
                            path, fix_for(path));
    }
    /* A writer needs the -wal and -shm files beside the database: existing ones it must be able to
     * write (one left read-only blocks every writer), missing ones it must be able to create. */
    int present = 0;
    for (int i = 0; i < 2; i++) {
        struct cd_strbuf side = CD_STRBUF_INIT;
        cd_strbuf_addf(&side, "%s%s", path, i ? "-shm" : "-wal");
        if (side.oom)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        int rc = 0;
        if (exists(side.buf)) {
            present++;
            if (access(side.buf, W_OK) != 0)
                rc = cd_error_set(err, CD_EPERM,
                                  "%s is read-only for you, so %s can only be read (%s)", side.buf,
                                  path, fix_for(side.buf));
        }
        cd_strbuf_free(&side);
        if (rc)
            return rc;
    }
    if (present == 2)
        return 0;
    char *dir = dir_of(path);
    if (!dir)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    int rc = 0;
    if (access(dir, W_OK | X_OK) != 0)
        rc = cd_error_set(err, CD_EPERM,
                          "cannot write in %s (read-only directory): the database needs its -wal "
                          "and -shm files beside it",
                          dir);
    free(dir);
    return rc;
}

bool cd_store_readonly(struct cd_store *store)
{
    return sqlite3_db_readonly(store->db, "main") == 1;
}

int cd_store_readonly_why(struct cd_store *store, struct cd_error *why)
{
    if (!cd_store_readonly(store))
        return 0;
    if (store->disk_full)
        return cd_error_set(why, CD_EIO, "the disk holding %s is full", store->path);
    return cd_error_set(why, CD_EPERM, "the database is read-only");
}

/* The size of PATH, or -1 when it does not exist. */
static long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

char *cd_store_readonly_uri(const char *path)
{
    /* A reader that creates the -wal and -shm files gives them the database's mode bits but its
     * own ownership: a -shm made by someone who may not write the database then keeps its owner
     * from writing. With no -wal, or an empty one, everything committed is in the main file, so it
     * is read as immutable and nothing is created. With a -wal holding commits SQLite must read
     * through it (a writer is at work, or one stopped before its checkpoint). An immutable read
     * takes no lock: a writer that checkpoints in the milliseconds a command reads could give it a
     * torn page, reported as an error, never a write. */
    struct cd_strbuf wal = CD_STRBUF_INIT;
    cd_strbuf_addf(&wal, "%s-wal", path);
    bool immutable = !wal.oom && size_of(wal.buf) <= 0;
    cd_strbuf_free(&wal);

    struct cd_strbuf uri = CD_STRBUF_INIT;
    cd_strbuf_add(&uri, path[0] == '/' ? "file://" : "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p))
            cd_strbuf_addn(&uri, (const char *)p, 1);
        else
            cd_strbuf_addf(&uri, "%%%02X", *p);
    }
    cd_strbuf_add(&uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
    return cd_strbuf_take(&uri);
}
