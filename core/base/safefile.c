/* SPDX-License-Identifier: MIT */
/* Safe writes of files that hold patient data: what kind of thing the target is decides how it is
 * written, so an export never turns a device or a FIFO into a file nor writes through a symlink. */
#include "config.h"
#include "core/base/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/strbuf.h"
#include "core/base/uuid.h"

bool cd_safefile_is_stdout(const char *path)
{
    if (!path)
        return false;
    if (strcmp(path, "-") == 0)
        return true;
    /* /dev/fd/1, /proc/self/fd/1 and the like: a symlink that ends where standard output goes */
    struct stat ln, to, out;
    return lstat(path, &ln) == 0 && S_ISLNK(ln.st_mode) && stat(path, &to) == 0 &&
           fstat(STDOUT_FILENO, &out) == 0 && to.st_dev == out.st_dev && to.st_ino == out.st_ino;
}

/* "a socket", "a directory" ...: what a file of mode M is, for a sentence. */
static const char *kind(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISLNK(m))
        return "a symlink";
    if (S_ISSOCK(m))
        return "a socket";
    if (S_ISBLK(m))
        return "a block device";
    if (S_ISCHR(m))
        return "a character device";
    if (S_ISFIFO(m))
        return "a FIFO";
    return "not a regular file";
}

static void reset(struct cd_safefile *sf)
{
    free(sf->path);
    free(sf->tmp);
    memset(sf, 0, sizeof *sf);
}

void cd_safefile_abort(struct cd_safefile *sf)
{
    if (sf->f)
        fclose(sf->f);
    if (sf->tmp)
        unlink(sf->tmp);
    reset(sf);
}

static int fail(struct cd_safefile *sf, int code, struct cd_error *err, const char *what, int e)
{
    cd_error_set(err, code, "%s: %s: %s", sf->path, what, strerror(e));
    cd_safefile_abort(sf);
    return code;
}

/* A character device or a FIFO: open it as it is; it stays what it is. */
static int straight(struct cd_safefile *sf, struct cd_error *err)
{
    int fd = open(sf->path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fail(sf, CD_EIO, err, "cannot open it for writing", errno);
    struct stat st;
    if (fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
        close(fd);
        cd_error_set(err, CD_EIO, "%s changed while it was being opened; nothing was written",
                     sf->path);
        cd_safefile_abort(sf);
        return CD_EIO;
    }
    if (!(sf->f = fdopen(fd, "wb"))) {
        close(fd);
        cd_safefile_abort(sf);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    return 0;
}

/* The directory part of PATH ("." when it has none); caller frees. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return cd_strdup(".");
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_addn(&sb, path, slash == path ? 1 : (size_t)(slash - path));
    return cd_strbuf_take(&sb);
}

/* Where the symlink PATH points, as a path from here; caller frees. NULL with errno set. */
static char *link_target(const char *path)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    struct cd_strbuf sb = CD_STRBUF_INIT;
    if (buf[0] != '/' && strchr(path, '/')) {
        char *dir = dir_of(path);
        cd_strbuf_addf(&sb, "%s/", dir ? dir : ".");
        free(dir);
    }
    cd_strbuf_add(&sb, buf);
    char *s = cd_strbuf_take(&sb);
    if (!s)
        errno = ENOMEM;
    return s;
}

/* A regular file (OLD, its status) or a missing name: a temporary file beside it. */
static int with_temp(struct cd_safefile *sf, const struct stat *old, long team_gid,
                     struct cd_error *err)
{
    char *dir = dir_of(sf->path);
    if (!dir)
        return fail(sf, CD_ENOMEM, err, "cannot create the file", ENOMEM);
    struct stat dst;
    int rc = stat(dir, &dst);
    int e = errno;
    if (rc != 0 || !S_ISDIR(dst.st_mode)) {
        if (rc != 0 && e == ENOENT)
            cd_error_set(err, CD_EIO, "%s: the directory %s does not exist", sf->path, dir);
        else
            cd_error_set(err, CD_EIO, "%s: cannot create the file: %s", sf->path,
                         strerror(rc ? e : ENOTDIR));
        free(dir);
        cd_safefile_abort(sf);
        return CD_EIO;
    }
    bool team = team_gid >= 0 && (long)dst.st_gid == team_gid;
    mode_t mode = team ? 0660 : 0600;
    if (old)
        mode &= old->st_mode & 0777;
    const char *base = strrchr(sf->path, '/') ? strrchr(sf->path, '/') + 1 : sf->path;
    int fd = -1;
    char *name = NULL;
    for (int tries = 0; fd < 0 && tries < 16; tries++) {
        char rnd[CD_UUID_LEN];
        struct cd_strbuf sb = CD_STRBUF_INIT;
        free(name);
        name = NULL;
        if (cd_uuid_v4(rnd, NULL))
            break;
        cd_strbuf_addf(&sb, "%s/.%s.%.8s", strcmp(dir, "/") ? dir : "", base, rnd);
        if (!(name = cd_strbuf_take(&sb)))
            break;
        /* never through a symlink, never an existing file: only a name made here */
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    e = errno;
    free(dir);
    if (fd < 0) {
        e = name ? e : ENOMEM;
        free(name);
        return fail(sf, CD_EIO, err, "cannot create the file", e);
    }
    sf->tmp = name;
    /* a file replaced keeps its owner and group where the caller may keep them; a new file in
     * the team's directory belongs to the team group */
    if (old && (old->st_uid != geteuid() || old->st_gid != getegid())) {
        if (fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
            errno = 0; /* keep the caller's own: the mode below still holds */
    } else if (!old && team && fchown(fd, (uid_t)-1, (gid_t)team_gid) != 0) {
        errno = 0;
    }
    if (fchmod(fd, mode) != 0) {
        e = errno;
        close(fd);
        return fail(sf, CD_EIO, err, "cannot set the file's mode", e);
    }
    if (!(sf->f = fdopen(fd, "wb"))) {
        close(fd);
        return fail(sf, CD_ENOMEM, err, "cannot create the file", ENOMEM);
    }
    return 0;
}

int cd_safefile_open(struct cd_safefile *sf, const char *path, unsigned flags, long team_gid,
                     struct cd_error *err)
{
    memset(sf, 0, sizeof *sf);
    if (!path || !*path)
        return cd_error_set(err, CD_EINVAL, "no file name given");
    if (cd_safefile_is_stdout(path)) {
        int fd = dup(STDOUT_FILENO);
        if (fd < 0 || !(sf->f = fdopen(fd, "wb"))) {
            int e = errno;
            if (fd >= 0)
                close(fd);
            return cd_error_set(err, CD_EIO, "cannot write to standard output: %s", strerror(e));
        }
        sf->to_stdout = true;
        return 0;
    }
    if (!(sf->path = cd_strdup(path)))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    struct stat st;
    bool exists = lstat(sf->path, &st) == 0;
    if (!exists && errno != ENOENT)
        return fail(sf, CD_EIO, err, "cannot reach it", errno);
    if (exists && S_ISLNK(st.st_mode)) {
        if (!(flags & CD_SAFEFILE_FOLLOW)) {
            cd_error_set(
                err, CD_EINVAL, "%s is a symlink; refusing to write through it%s", path,
                (flags & CD_SAFEFILE_OFFER_FOLLOW) ? " (use --follow to write to its target)" : "");
            cd_safefile_abort(sf);
            return CD_EINVAL;
        }
        /* to the end of the chain; the target need not exist yet */
        for (int hops = 0; exists && S_ISLNK(st.st_mode); hops++) {
            char *to = hops < 16 ? link_target(sf->path) : NULL;
            if (!to) {
                cd_error_set(err, CD_EIO, "%s: cannot follow the symlink: %s", path,
                             strerror(hops < 16 ? errno : ELOOP));
                cd_safefile_abort(sf);
                return CD_EIO;
            }
            free(sf->path);
            sf->path = to;
            exists = lstat(sf->path, &st) == 0;
            if (!exists && errno != ENOENT)
                return fail(sf, CD_EIO, err, "cannot reach it", errno);
        }
    }
    if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        return straight(sf, err);
    if (exists && !S_ISREG(st.st_mode)) {
        cd_error_set(err, CD_EINVAL, "%s is %s; refusing to write to it%s", sf->path,
                     kind(st.st_mode), S_ISDIR(st.st_mode) ? " (name a file in it)" : "");
        cd_safefile_abort(sf);
        return CD_EINVAL;
    }
    return with_temp(sf, exists ? &st : NULL, team_gid, err);
}

/* After the rename: make it durable by syncing the directory entry too. */
static void sync_dir(const char *path)
{
    char *dir = dir_of(path);
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        if (fsync(fd) != 0)
            errno = 0; /* the data itself is synced; a directory that cannot be is no failure */
        close(fd);
    }
    free(dir);
}

int cd_safefile_commit(struct cd_safefile *sf, struct cd_error *err)
{
    if (!sf->f)
        return cd_error_set(err, CD_EINVAL, "no file open for writing");
    if (sf->to_stdout) {
        bool bad = fflush(sf->f) != 0 || ferror(sf->f);
        int e = errno;
        bad |= fclose(sf->f) != 0; /* the duplicate of standard output, which stays open */
        reset(sf);
        return bad ? cd_error_set(err, CD_EIO, "writing to standard output failed: %s",
                                  strerror(e ? e : EIO))
                   : 0;
    }
    int e = 0;
    if (fflush(sf->f) != 0 || ferror(sf->f))
        e = errno ? errno : EIO;
    if (!e && sf->tmp && fsync(fileno(sf->f)) != 0)
        e = errno;
    if (fclose(sf->f) != 0 && !e)
        e = errno ? errno : EIO;
    sf->f = NULL;
    if (e)
        return fail(sf, CD_EIO, err, "cannot write the file", e);
    if (sf->tmp) {
        /* the name may have been replaced since it was opened: rename only over a regular file
         * or a missing name */
        struct stat st;
        if (lstat(sf->path, &st) == 0 && !S_ISREG(st.st_mode)) {
            cd_error_set(err, CD_EIO, "%s became %s while it was written; left as it is", sf->path,
                         kind(st.st_mode));
            cd_safefile_abort(sf);
            return CD_EIO;
        }
        if (rename(sf->tmp, sf->path) != 0)
            return fail(sf, CD_EIO, err, "cannot replace the file", errno);
        free(sf->tmp);
        sf->tmp = NULL;
        sync_dir(sf->path);
    }
    reset(sf);
    return 0;
}

int cd_safefile_write(const char *path, unsigned flags, long team_gid, const void *data, size_t len,
                      struct cd_error *err)
{
    struct cd_safefile sf;
    int rc = cd_safefile_open(&sf, path, flags, team_gid, err);
    if (rc)
        return rc;
    if (len && fwrite(data, 1, len, sf.f) != len) {
        int e = errno ? errno : EIO;
        cd_error_set(err, CD_EIO, "%s: cannot write the file: %s",
                     sf.to_stdout ? "standard output" : sf.path, strerror(e));
        cd_safefile_abort(&sf);
        return CD_EIO;
    }
    return cd_safefile_commit(&sf, err);
}
