/* SPDX-License-Identifier: MIT */
/* The database's files on disk: who may own them, how open they may be, team mode (a set-group-ID
 * directory of the team's group), and making a directory a team's ('caredesk init --team'). */
#include "config.h"
#include "core/store/dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store/store.h"

/* ---- users and groups, by the reentrant calls (a worker thread opens the store too) ---- */

/* The login of UID into BUF ("uid 1234" when it has none). */
static const char *user_name(uid_t uid, char *buf, size_t size)
{
    struct passwd pw, *res = NULL;
    char tmp[4096];
    if (getpwuid_r(uid, &pw, tmp, sizeof tmp, &res) == 0 && res)
        snprintf(buf, size, "%s", res->pw_name);
    else
        snprintf(buf, size, "uid %ld", (long)uid);
    return buf;
}

/* The name of group GID into BUF ("gid 1234" when it has none). */
static const char *group_name(gid_t gid, char *buf, size_t size)
{
    struct group gr, *res = NULL;
    char tmp[16384];
    if (getgrgid_r(gid, &gr, tmp, sizeof tmp, &res) == 0 && res)
        snprintf(buf, size, "%s", res->gr_name);
    else
        snprintf(buf, size, "gid %ld", (long)gid);
    return buf;
}

/* True when the calling process is in group GID. */
static bool caller_in_group(gid_t gid)
{
    if (getegid() == gid)
        return true;
    gid_t groups[256];
    int n = getgroups(256, groups);
    for (int i = 0; i < n; i++)
        if (groups[i] == gid)
            return true;
    return false;
}

/* True when UID is a member of group GID: its primary group, or listed in the group. */
static bool user_in_group(uid_t uid, gid_t gid)
{
    struct passwd pw, *pres = NULL;
    char pbuf[4096];
    if (getpwuid_r(uid, &pw, pbuf, sizeof pbuf, &pres) != 0 || !pres)
        return false;
    if (pres->pw_gid == gid)
        return true;
    struct group gr, *gres = NULL;
    char gbuf[16384];
    if (getgrgid_r(gid, &gr, gbuf, sizeof gbuf, &gres) != 0 || !gres)
        return false;
    for (char **m = gres->gr_mem; m && *m; m++)
        if (strcmp(*m, pres->pw_name) == 0)
            return true;
    return false;
}

/* ---- the rules ---- */

/* The mode a file holding patient data may have at most. */
static mode_t allowed_mode(long team_gid)
{
    return team_gid >= 0 ? 0660 : 0600;
}

/* True when UID may own the database's files: the caller, root, or someone in the team. */
static bool owner_ok(uid_t uid, long team_gid)
{
    return uid == geteuid() || uid == 0 || (team_gid >= 0 && user_in_group(uid, (gid_t)team_gid));
}

/* "readable", "writable" or "readable and writable" for the world bits of M ("" when none). */
static const char *world(mode_t m)
{
    if ((m & S_IROTH) && (m & S_IWOTH))
        return "readable and writable";
    if (m & S_IROTH)
        return "readable";
    if (m & S_IWOTH)
        return "writable";
    return "";
}

static int refuse_owner(const char *what, const char *path, uid_t uid, long team_gid,
                        struct cd_error *err)
{
    char owner[64], me[64], group[64];
    user_name(uid, owner, sizeof owner);
    if (team_gid >= 0)
        return cd_error_set(err, CD_EPERM,
                            "%s%s belongs to %s, who is not in the team group %s; refusing to "
                            "use it",
                            what, path, owner, group_name((gid_t)team_gid, group, sizeof group));
    return cd_error_set(err, CD_EPERM,
                        "%s%s belongs to %s, not to you (%s); refusing to use someone else's "
                        "database outside team mode (caredesk init --team)",
                        what, path, owner, user_name(geteuid(), me, sizeof me));
}

/* Check a file of the database (the file itself, its -wal or -shm) from its status ST: owner,
 * mode, group. Sets F->repair when the caller owns a file that is wider than allowed. */
static int check_file(const char *path, const struct stat *st, struct cd_dbfile *f,
                      struct cd_error *err)
{
    if (S_ISLNK(st->st_mode))
        return cd_error_set(err, CD_EPERM,
                            "%s is a symlink; refusing to open a database through it (name the "
                            "file itself)",
                            path);
    if (!S_ISREG(st->st_mode))
        return cd_error_set(err, CD_EFOREIGN, "%s is not a regular file", path);
    if (!owner_ok(st->st_uid, f->team_gid))
        return refuse_owner("", path, st->st_uid, f->team_gid, err);
    mode_t mode = st->st_mode & 07777;
    mode_t extra = mode & ~allowed_mode(f->team_gid);
    bool wrong_group = f->team_gid >= 0 && (long)st->st_gid != f->team_gid;
    if (!extra && !wrong_group)
        return 0;
    if (st->st_uid == geteuid()) {
        f->repair = true;
        return 0;
    }
    char owner[64], group[64];
    user_name(st->st_uid, owner, sizeof owner);
    if (!extra)
        return cd_error_set(err, CD_EPERM,
                            "%s is not in the team group %s; refusing to use it until its owner "
                            "(%s) runs: chgrp %s %s",
                            path, group_name((gid_t)f->team_gid, group, sizeof group), owner, group,
                            path);
    return cd_error_set(err, CD_EPERM,
                        "%s is %s by %s (mode %04o); refusing to use it until its owner (%s) "
                        "runs: chmod %o %s",
                        path, *world(mode) ? world(mode) : "open to its group",
                        *world(mode) ? "everyone" : "others", (unsigned)mode, owner,
                        (unsigned)(mode & allowed_mode(f->team_gid)), path);
}

/* The directory part of PATH into BUF ("." when it has none). */
static void dir_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == path)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

/* The database's directory DIR: not a symlink, nobody else's, not open to the world; team mode
 * when it is set-group-ID, and then the caller must be in its group. */
static int check_dir(const char *dir, struct cd_dbfile *f, struct cd_error *err)
{
    struct stat ds;
    if (lstat(dir, &ds) != 0)
        return cd_error_set(err, CD_EIO, "cannot reach the database's directory %s: %s", dir,
                            strerror(errno));
    if (S_ISLNK(ds.st_mode))
        return cd_error_set(err, CD_EPERM,
                            "the database's directory %s is a symlink; refusing it (name the "
                            "real directory)",
                            dir);
    if (!S_ISDIR(ds.st_mode))
        return cd_error_set(err, CD_EIO, "%s is not a directory", dir);
    f->team_gid = (ds.st_mode & S_ISGID) ? (long)ds.st_gid : -1;
    /* SQLite makes the -wal and -shm files with the database's mode less the umask, and only
     * then widens them to 0660: in between another member's process can open them read-only
     * only ("the database is read-only"). A team's umask keeps the group's bits from the start. */
    if (f->team_gid >= 0)
        umask(007);
    char me[64], group[64];
    if (f->team_gid >= 0 && geteuid() != 0 && !caller_in_group(ds.st_gid))
        return cd_error_set(err, CD_EPERM,
                            "you (%s) are not in the team group %s that shares %s; an admin "
                            "can add you with: usermod -a -G %s %s",
                            user_name(geteuid(), me, sizeof me),
                            group_name(ds.st_gid, group, sizeof group), dir, group, me);
    if (ds.st_mode & (S_IROTH | S_IWOTH))
        return cd_error_set(err, CD_EPERM,
                            "the database's directory %s is %s by everyone (mode %04o); "
                            "refusing it (chmod o-rwx %s, or keep the database elsewhere)",
                            dir, world(ds.st_mode), (unsigned)(ds.st_mode & 07777), dir);
    if (!owner_ok(ds.st_uid, f->team_gid))
        return refuse_owner("the database's directory ", dir, ds.st_uid, f->team_gid, err);
    return 0;
}

/* Make the missing database file PATH: never through a symlink, never over a file. */
static int create_file(const char *path, struct cd_dbfile *f, struct cd_error *err)
{
    mode_t mode = allowed_mode(f->team_gid);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return errno == EEXIST
                   ? 1 /* made meanwhile: check it as it is */
                   : cd_error_set(err, CD_EIO, "cannot create %s: %s", path, strerror(errno));
    struct stat st;
    int rc = 0;
    /* the umask must not narrow the team's 0660, and the file is the team group's */
    if ((f->team_gid >= 0 && fchown(fd, (uid_t)-1, (gid_t)f->team_gid) != 0) ||
        fchmod(fd, mode) != 0 || fstat(fd, &st) != 0) {
        rc = cd_error_set(err, CD_EIO, "cannot create %s: %s", path, strerror(errno));
        close(fd);
        unlink(path);
        return rc;
    }
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->owner = st.st_uid;
    close(fd);
    return 0;
}

/* The -wal and -shm files beside PATH, when they are there. */
static int check_side_files(const char *path, struct cd_dbfile *f, struct cd_error *err)
{
    static const char *const suffix[] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        char side[4096];
        struct stat st;
        snprintf(side, sizeof side, "%s%s", path, suffix[i]);
        if (lstat(side, &st) != 0) {
            if (errno == ENOENT)
                continue;
            return cd_error_set(err, CD_EIO, "cannot reach %s: %s", side, strerror(errno));
        }
        int rc = check_file(side, &st, f, err);
        if (rc)
            return rc;
    }
    return 0;
}

int cd_dbfile_check(const char *path, bool create, struct cd_dbfile *f, struct cd_error *err)
{
    memset(f, 0, sizeof *f);
    f->team_gid = -1;
    if (strlen(path) > 4000)
        return cd_error_set(err, CD_EINVAL, "the database path is too long");
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    int lerr = exists ? 0 : errno;
    if (!exists && lerr == ENOENT && !create)
        return cd_error_set(
            err, CD_ENOTFOUND,
            "no database at %s (create one with 'caredesk init' or 'caredesk demo')", path);
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    if (!exists && lerr == ENOENT && cd_mkdir_parents(path, err))
        return CD_EIO;
    int rc = check_dir(dir, f, err);
    if (rc)
        return rc;
    if (!exists && lerr == ENOENT) {
        if ((rc = create_file(path, f, err)) <= 0)
            return rc ? rc : check_side_files(path, f, err);
        exists = lstat(path, &st) == 0; /* someone made it meanwhile */
        lerr = errno;
    }
    if (!exists)
        return cd_error_set(err, CD_EIO, "cannot reach %s: %s", path, strerror(lerr));
    /* the file checked, to compare with the one SQLite opens. Never open() it here: closing any
     * descriptor of a file drops the POSIX locks SQLite holds on it from another connection of
     * this process (the worklist generation opens a second one) */
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->owner = st.st_uid;
    if ((rc = check_file(path, &st, f, err)))
        return rc;
    return check_side_files(path, f, err);
}

int cd_dbfile_same(const char *path, const struct cd_dbfile *f, struct cd_error *err)
{
    struct stat st;
    if (!f->dev && !f->ino)
        return 0;
    if (lstat(path, &st) != 0 || st.st_dev != f->dev || st.st_ino != f->ino)
        return cd_error_set(err, CD_EIO, "%s was replaced while it was being opened; try again",
                            path);
    return 0;
}

/* Tighten one file; ENOENT is no error for a -wal or -shm file (its last user closed it). By
 * name, never following a symlink, and without opening it (see cd_dbfile_check). */
static int repair_one(const char *path, const struct cd_dbfile *f, struct cd_strbuf *notes,
                      struct cd_error *err)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0
                               : cd_error_set(err, CD_EIO, "cannot tighten the mode of %s: %s",
                                              path, strerror(errno));
    if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
        return 0; /* not the caller's to repair: cd_dbfile_check refused what matters */
    char group[64];
    int rc = 0;
    bool team = f->team_gid >= 0;
    mode_t old = st.st_mode & 07777;
    mode_t want = team ? 0660 : old & 0600;
    if (team && (long)st.st_gid != f->team_gid) {
        if (lchown(path, (uid_t)-1, (gid_t)f->team_gid) != 0)
            rc = cd_error_set(err, CD_EIO, "cannot give %s to the team group %s: %s", path,
                              group_name((gid_t)f->team_gid, group, sizeof group), strerror(errno));
        else
            cd_strbuf_addf(notes, "%sgave %s to the team group %s", notes->len ? "\n" : "", path,
                           group_name((gid_t)f->team_gid, group, sizeof group));
    }
    if (!rc && want != old) {
        if (fchmodat(AT_FDCWD, path, want, AT_SYMLINK_NOFOLLOW) != 0)
            rc = cd_error_set(err, CD_EIO, "cannot tighten the mode of %s: %s", path,
                              strerror(errno));
        else if (team)
            cd_strbuf_addf(notes,
                           "%schanged %s from mode %04o to %04o: patient data is for the "
                           "team group %s only",
                           notes->len ? "\n" : "", path, (unsigned)old, (unsigned)want,
                           group_name((gid_t)f->team_gid, group, sizeof group));
        else
            cd_strbuf_addf(notes,
                           "%stightened %s from mode %04o to %04o: patient data is for "
                           "you only",
                           notes->len ? "\n" : "", path, (unsigned)old, (unsigned)want);
    }
    return rc;
}

int cd_dbfile_repair(const char *path, const struct cd_dbfile *f, struct cd_strbuf *notes,
                     struct cd_error *err)
{
    static const char *const suffix[] = {"", "-wal", "-shm"};
    if (!f->repair)
        return 0;
    for (int i = 0; i < 3; i++) {
        char name[4096];
        snprintf(name, sizeof name, "%s%s", path, suffix[i]);
        int rc = repair_one(name, f, notes, err);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- team mode ---- */

/* Give the file or directory PATH (status ST) to group GID with MODE, by name and never through a
 * symlink; refuse what the caller cannot change unless it already is so. */
static int make_team(const char *path, const struct stat *st, gid_t gid, mode_t mode,
                     struct cd_error *err)
{
    if (st->st_gid == gid && (st->st_mode & 07777) == mode)
        return 0;
    char owner[64], group[64];
    if (st->st_uid != geteuid() && geteuid() != 0)
        return cd_error_set(err, CD_EPERM,
                            "%s belongs to %s; only its owner or root can give it to the team "
                            "(chgrp %s %s; chmod %o %s)",
                            path, user_name(st->st_uid, owner, sizeof owner),
                            group_name(gid, group, sizeof group), path, (unsigned)mode, path);
    if ((st->st_gid != gid && lchown(path, (uid_t)-1, gid) != 0) ||
        fchmodat(AT_FDCWD, path, mode, AT_SYMLINK_NOFOLLOW) != 0)
        return cd_error_set(err, CD_EIO, "cannot give %s to the team group %s: %s", path,
                            group_name(gid, group, sizeof group), strerror(errno));
    return 0;
}

int cd_store_team_init(const char *path, const char *group, struct cd_error *err)
{
    struct group gr, *res = NULL;
    char buf[16384], me[64], dir[4096];
    if (getgrnam_r(group, &gr, buf, sizeof buf, &res) != 0 || !res)
        return cd_error_set(err, CD_ENOTFOUND,
                            "--team: there is no group '%s' on this machine (an admin makes it "
                            "with: groupadd %s)",
                            group, group);
    gid_t gid = res->gr_gid;
    if (geteuid() != 0 && !caller_in_group(gid))
        return cd_error_set(err, CD_EPERM,
                            "--team: you (%s) are not in the group %s; an admin can add you "
                            "with: usermod -a -G %s %s (then log in again)",
                            user_name(geteuid(), me, sizeof me), group, group, me);
    if (strlen(path) > 4000)
        return cd_error_set(err, CD_EINVAL, "the database path is too long");
    dir_of(path, dir, sizeof dir);
    struct stat st;
    if (lstat(dir, &st) != 0 && errno == ENOENT) {
        if (cd_mkdir_parents(path, err))
            return CD_EIO;
    }
    static const char *const suffix[] = {NULL, "", "-wal", "-shm"};
    int rc = 0;
    for (int i = 0; !rc && i < 4; i++) {
        char name[4096];
        snprintf(name, sizeof name, "%s%s", i ? path : dir, i ? suffix[i] : "");
        if (lstat(name, &st) != 0) {
            if (i && errno == ENOENT)
                continue;
            return cd_error_set(err, CD_EIO, "cannot reach %s: %s", name, strerror(errno));
        }
        if (S_ISLNK(st.st_mode))
            return cd_error_set(err, CD_EPERM,
                                "%s is a symlink; refusing to make it a team's (name the real "
                                "%s)",
                                name, i ? "file" : "directory");
        if (i ? !S_ISREG(st.st_mode) : !S_ISDIR(st.st_mode))
            return cd_error_set(err, i ? CD_EFOREIGN : CD_EIO, "%s is not a %s", name,
                                i ? "regular file" : "directory");
        rc = make_team(name, &st, gid, i ? 0660 : 02770, err);
    }
    return rc;
}
