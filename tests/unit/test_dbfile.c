/* SPDX-License-Identifier: MIT */
/* Unit tests of core/store/dbfile through cd_store_open: new files 0600 whatever the umask, the
 * caller's too-open files tightened (and said so), symlinks, open directories and other people's
 * files refused untouched, the -wal and -shm files, team mode and 'init --team'. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store/store.h"
#include "tests/lib/tap.h"

static char dir[256];

static const char *at(const char *name)
{
    static char buf[8][400];
    static int i;
    i = (i + 1) % 8;
    snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
    return buf[i];
}

static void empty_file(const char *path, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd >= 0)
        close(fd);
    chmod(path, mode);
}

static int mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static long size_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Open PATH (with CREATE) and close it again: the code, and the notes into NOTES. */
static int try_open(const char *path, bool create, struct cd_error *err, char *notes, size_t size)
{
    struct cd_store *store = NULL;
    int rc = cd_store_open(path, create ? CD_STORE_CREATE : 0, &store, err);
    if (notes)
        snprintf(notes, size, "%s", store ? cd_store_notes(store) : "");
    cd_store_close(store);
    return rc;
}

static void new_and_repaired(void)
{
    struct cd_error err = {0};
    char notes[1024], want[1024];
    umask(0);
    is_int(try_open(at("d/new.db"), true, &err, notes, sizeof notes), 0, "a new database");
    is_int(mode_of(at("d/new.db")), 0600, "is 0600 under umask 000");
    is_int(mode_of(at("d")), 0700, "in a new 0700 directory");
    is_str(notes, "", "nothing to say");
    umask(022);

    /* an empty 0666 file of the caller's: tightened before anything is written */
    empty_file(at("d/empty.db"), 0666);
    is_int(try_open(at("d/empty.db"), true, &err, notes, sizeof notes), 0,
           "a pre-existing empty 0666 file of mine opens");
    is_int(mode_of(at("d/empty.db")), 0600, "tightened to 0600");
    snprintf(want, sizeof want, "tightened %s from mode 0666 to 0600: patient data is for you only",
             at("d/empty.db"));
    is_str(notes, want, "and says so");
    is_int(try_open(at("d/empty.db"), false, &err, notes, sizeof notes), 0, "opened again");
    is_str(notes, "", "once");

    /* a -shm file too open (not empty: SQLite itself narrows an empty one it opens) */
    empty_file(at("d/new.db-shm"), 0644);
    FILE *shm = fopen(at("d/new.db-shm"), "wb");
    for (int i = 0; shm && i < 4096; i++)
        fputc(0, shm);
    if (shm)
        fclose(shm);
    is_int(try_open(at("d/new.db"), false, &err, notes, sizeof notes), 0, "a 0644 -shm file");
    snprintf(want, sizeof want,
             "tightened %s-shm from mode 0644 to 0600: patient data is for you only",
             at("d/new.db"));
    is_str(notes, want, "is tightened too");
}

static void refused(void)
{
    struct cd_error err = {0};
    char want[1024];

    empty_file(at("d/target.db"), 0666);
    ok(symlink("target.db", at("d/link.db")) == 0, "a symlink to an empty 0666 file");
    is_int(try_open(at("d/link.db"), true, &err, NULL, 0), CD_EPERM, "is refused");
    snprintf(want, sizeof want,
             "%s is a symlink; refusing to open a database through it (name the file itself)",
             at("d/link.db"));
    is_str(err.msg, want, "with a sentence");
    ok(size_of(at("d/target.db")) == 0 && mode_of(at("d/target.db")) == 0666,
       "its target untouched: empty and 0666");

    ok(symlink("target.db", at("d/new.db-wal")) == 0, "a symlink as the -wal file");
    is_int(try_open(at("d/new.db"), false, &err, NULL, 0), CD_EPERM, "is refused");
    snprintf(want, sizeof want,
             "%s-wal is a symlink; refusing to open a database through it (name the file itself)",
             at("d/new.db"));
    is_str(err.msg, want, "with a sentence");
    unlink(at("d/new.db-wal"));

    ok(mkdir(at("open"), 0777) == 0 && chmod(at("open"), 0777) == 0, "a world-writable directory");
    is_int(try_open(at("open/x.db"), true, &err, NULL, 0), CD_EPERM, "is refused");
    snprintf(want, sizeof want,
             "the database's directory %s is readable and writable by everyone (mode 0777); "
             "refusing it (chmod o-rwx %s, or keep the database elsewhere)",
             at("open"), at("open"));
    is_str(err.msg, want, "with a sentence");
    ok(size_of(at("open/x.db")) == -1, "and nothing is created in it");
    chmod(at("open"), 0755);
    is_int(try_open(at("open/x.db"), true, &err, NULL, 0), CD_EPERM, "world-readable: refused");

    ok(symlink("d", at("dirlink")) == 0, "a symlink as the directory");
    is_int(try_open(at("dirlink/new.db"), false, &err, NULL, 0), CD_EPERM, "is refused");
    snprintf(want, sizeof want,
             "the database's directory %s is a symlink; refusing it (name the real directory)",
             at("dirlink"));
    is_str(err.msg, want, "with a sentence");

    if (geteuid() != 0) {
        for (int i = 0; i < 4; i++)
            ok(1, "# SKIP needs root to give a file to someone else");
        return;
    }
    empty_file(at("d/theirs.db"), 0666);
    ok(chown(at("d/theirs.db"), 4321, 4321) == 0, "an empty 0666 file someone else owns");
    is_int(try_open(at("d/theirs.db"), true, &err, NULL, 0), CD_EPERM, "is refused");
    snprintf(want, sizeof want,
             "%s belongs to uid 4321, not to you (root); refusing to use someone else's database "
             "outside team mode (caredesk init --team)",
             at("d/theirs.db"));
    is_str(err.msg, want, "with a sentence");
    ok(size_of(at("d/theirs.db")) == 0 && mode_of(at("d/theirs.db")) == 0666, "and left as it was");
}

static void team(void)
{
    struct cd_error err = {0};
    is_int(cd_store_team_init(at("t/x.db"), "no-such-group-cd", &err), CD_ENOTFOUND,
           "--team with an unknown group");
    is_str(err.msg,
           "--team: there is no group 'no-such-group-cd' on this machine (an admin makes it with: "
           "groupadd no-such-group-cd)",
           "says so");
    struct group *g = getgrnam("daemon");
    if (geteuid() != 0 || !g) {
        for (int i = 0; i < 11; i++)
            ok(1, "# SKIP needs root and a 'daemon' group");
        return;
    }
    gid_t gid = g->gr_gid;
    umask(077);
    is_int(cd_store_team_init(at("t/x.db"), "daemon", &err), 0, "a new team directory");
    struct stat st;
    ok(lstat(at("t"), &st) == 0 && (st.st_mode & 07777) == 02770 && st.st_gid == gid,
       "is 2770 and the group's");
    struct cd_store *store = NULL;
    is_int(cd_store_open(at("t/x.db"), CD_STORE_CREATE, &store, &err), 0, "the database opens");
    ok(store && cd_store_team_gid(store) == (long)gid, "in team mode");
    ok(store && cd_store_caller_owns(store), "the caller owns it");
    cd_store_close(store);
    mode_t was = umask(022);
    is_int(was, 007, "the umask is 007: what SQLite makes is the team's from the start");
    ok(lstat(at("t/x.db"), &st) == 0 && (st.st_mode & 07777) == 0660 && st.st_gid == gid,
       "the file is 0660 and the group's, whatever the umask");
    umask(022);

    /* converting: a single user's database becomes the team's */
    is_int(try_open(at("d/new.db"), false, &err, NULL, 0), 0, "a single user's database");
    is_int(cd_store_team_init(at("d/new.db"), "daemon", &err), 0, "converted with --team");
    ok(lstat(at("d/new.db"), &st) == 0 && (st.st_mode & 07777) == 0660 && st.st_gid == gid &&
           mode_of(at("d")) == 02770,
       "directory 2770, file 0660, both the group's");
    char notes[256];
    is_int(try_open(at("d/new.db"), false, &err, notes, sizeof notes), 0, "opens in team mode");
    is_str(notes, "", "with nothing to repair");
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/cddbfile.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        printf("Bail out! mkdtemp\n");
        return 1;
    }
    new_and_repaired();
    refused();
    team();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        diag("could not remove the test directory");
    return done_testing();
}
