/* SPDX-License-Identifier: MIT */
/* Unit tests of core/base/safefile: what each kind of target becomes (or stays), modes under a
 * wide umask, symlinks refused or followed, the team group's 0660, nothing left on failure. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/base/safefile.h"
#include "tests/lib/tap.h"

static char dir[256];

static const char *at(const char *name)
{
    static char buf[4][400];
    static int i;
    i = (i + 1) % 4;
    snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
    return buf[i];
}

static char *slurp(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return buf;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void spit(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    chmod(path, mode);
}

static int mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* Files in the directory whose name starts with a dot: leftover temporary files. */
static int hidden_files(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    if (d)
        closedir(d);
    return n;
}

static void new_and_replaced(void)
{
    struct cd_error err = {0};
    umask(022);
    is_int(cd_safefile_write(at("new.ics"), 0, -1, "one\n", 4, &err), 0, "a new file is written");
    is_str(slurp(at("new.ics")), "one\n", "its content");
    is_int(mode_of(at("new.ics")), 0600, "0600 under umask 022");

    spit(at("old.txt"), "old content\n", 0644);
    is_int(cd_safefile_write(at("old.txt"), 0, -1, "new\n", 4, &err), 0, "a file is replaced");
    is_str(slurp(at("old.txt")), "new\n", "the new content");
    is_int(mode_of(at("old.txt")), 0600, "a 0644 file becomes 0600");

    spit(at("ro.txt"), "x", 0400);
    is_int(cd_safefile_write(at("ro.txt"), 0, -1, "y", 1, &err), 0, "a 0400 file is replaced");
    is_int(mode_of(at("ro.txt")), 0400, "and keeps its narrower mode");

    if (geteuid() == 0) {
        spit(at("theirs.txt"), "x", 0644);
        ok(chown(at("theirs.txt"), 4321, 4321) == 0, "a file someone else owns");
        is_int(cd_safefile_write(at("theirs.txt"), 0, -1, "y", 1, &err), 0, "is replaced");
        struct stat st;
        lstat(at("theirs.txt"), &st);
        ok(st.st_uid == 4321 && st.st_gid == 4321, "and keeps its owner and group");
        is_int(mode_of(at("theirs.txt")), 0600, "with mode 0600");
    }
    is_int(hidden_files(), 0, "no temporary file left");
}

static void symlinks(void)
{
    struct cd_error err = {0};
    spit(at("target.ics"), "target\n", 0644);
    ok(symlink("target.ics", at("link.ics")) == 0, "a symlink to a file");
    is_int(cd_safefile_write(at("link.ics"), CD_SAFEFILE_OFFER_FOLLOW, -1, "x", 1, &err), CD_EINVAL,
           "writing through it is refused");
    char want[512];
    snprintf(want, sizeof want,
             "%s is a symlink; refusing to write through it (use --follow to write to its target)",
             at("link.ics"));
    is_str(err.msg, want, "the sentence names the path and --follow");
    is_int(cd_safefile_write(at("link.ics"), 0, -1, "x", 1, &err), CD_EINVAL,
           "refused without the hint too");
    snprintf(want, sizeof want, "%s is a symlink; refusing to write through it", at("link.ics"));
    is_str(err.msg, want, "the sentence without --follow");
    is_str(slurp(at("target.ics")), "target\n", "the target is untouched");
    is_int(mode_of(at("target.ics")), 0644, "and keeps its mode");

    is_int(cd_safefile_write(at("link.ics"), CD_SAFEFILE_FOLLOW, -1, "followed\n", 9, &err), 0,
           "--follow writes the target");
    is_str(slurp(at("target.ics")), "followed\n", "the target has the content");
    is_int(mode_of(at("target.ics")), 0600, "the target becomes 0600");
    struct stat st;
    ok(lstat(at("link.ics"), &st) == 0 && S_ISLNK(st.st_mode), "the symlink stays a symlink");

    ok(symlink("nowhere.ics", at("dangling.ics")) == 0, "a dangling symlink");
    is_int(cd_safefile_write(at("dangling.ics"), 0, -1, "x", 1, &err), CD_EINVAL, "is refused");
    ok(lstat(at("nowhere.ics"), &st) != 0, "and nothing is created at its target");
    is_int(cd_safefile_write(at("dangling.ics"), CD_SAFEFILE_FOLLOW, -1, "new\n", 4, &err), 0,
           "--follow creates its target");
    is_str(slurp(at("nowhere.ics")), "new\n", "with the content");
    is_int(mode_of(at("nowhere.ics")), 0600, "0600");
    ok(symlink("dangling.ics", at("chain.ics")) == 0, "a symlink to a symlink");
    is_int(cd_safefile_write(at("chain.ics"), CD_SAFEFILE_FOLLOW, -1, "end\n", 4, &err), 0,
           "--follow goes to the end of the chain");
    is_str(slurp(at("nowhere.ics")), "end\n", "and writes there");
    ok(symlink("loop2", at("loop1")) == 0 && symlink("loop1", at("loop2")) == 0, "a loop");
    is_int(cd_safefile_write(at("loop1"), CD_SAFEFILE_FOLLOW, -1, "x", 1, &err), CD_EIO,
           "is refused");
    char loop[512];
    snprintf(loop, sizeof loop, "%s: cannot follow the symlink: %s", at("loop1"), strerror(ELOOP));
    is_str(err.msg, loop, "with a sentence");
    is_int(hidden_files(), 0, "no temporary file left");
}

static void fifo_and_devices(void)
{
    struct cd_error err = {0};
    ok(mkfifo(at("fifo"), 0600) == 0, "a FIFO");
    int rd = open(at("fifo"), O_RDONLY | O_NONBLOCK);
    is_int(cd_safefile_write(at("fifo"), 0, -1, "through\n", 8, &err), 0, "is written straight");
    char buf[32] = {0};
    ok(rd >= 0 && read(rd, buf, sizeof buf - 1) == 8, "the reader gets the bytes");
    is_str(buf, "through\n", "all of them");
    if (rd >= 0)
        close(rd);
    struct stat st;
    ok(lstat(at("fifo"), &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO is still a FIFO");
    is_int(mode_of(at("fifo")), 0600, "its mode unchanged");

    if (mknod(at("null"), S_IFCHR | 0666, makedev(1, 3)) == 0) {
        chmod(at("null"), 0666);
        is_int(cd_safefile_write(at("null"), 0, -1, "gone", 4, &err), 0,
               "a character device is written straight");
        ok(lstat(at("null"), &st) == 0 && S_ISCHR(st.st_mode), "it is still a device");
        is_int(mode_of(at("null")), 0666, "with its mode unchanged");
    } else {
        ok(1, "# SKIP mknod: %s", strerror(errno));
        ok(1, "# SKIP mknod");
        ok(1, "# SKIP mknod");
    }

    ok(mkdir(at("sub"), 0700) == 0, "a directory");
    is_int(cd_safefile_write(at("sub"), 0, -1, "x", 1, &err), CD_EINVAL, "is refused");
    char want[512];
    snprintf(want, sizeof want, "%s is a directory; refusing to write to it (name a file in it)",
             at("sub"));
    is_str(err.msg, want, "with a sentence");

    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", at("sock"));
    ok(s >= 0 && bind(s, (struct sockaddr *)&sa, sizeof sa) == 0, "a socket");
    is_int(cd_safefile_write(at("sock"), 0, -1, "x", 1, &err), CD_EINVAL, "is refused");
    snprintf(want, sizeof want, "%s is a socket; refusing to write to it", at("sock"));
    is_str(err.msg, want, "with a sentence");
    ok(lstat(at("sock"), &st) == 0 && S_ISSOCK(st.st_mode), "the socket stays");
    if (s >= 0)
        close(s);
    is_int(hidden_files(), 0, "no temporary file left");
}

static void team_and_failures(void)
{
    struct cd_error err = {0};
    ok(mkdir(at("team"), 0770) == 0, "a team directory");
    if (geteuid() == 0 && chown(at("team"), 0, 4321) == 0 && chmod(at("team"), 02770) == 0) {
        umask(077);
        is_int(cd_safefile_write(at("team/plan.txt"), 0, 4321, "x", 1, &err), 0,
               "a file in the team group's directory");
        is_int(mode_of(at("team/plan.txt")), 0660, "is 0660, whatever the umask");
        struct stat st;
        ok(lstat(at("team/plan.txt"), &st) == 0 && st.st_gid == 4321, "and the team's");
        is_int(cd_safefile_write(at("team/other.txt"), 0, 999, "x", 1, &err), 0,
               "another group's directory");
        is_int(mode_of(at("team/other.txt")), 0600, "gets 0600");
        umask(022);
    } else {
        for (int i = 0; i < 5; i++)
            ok(1, "# SKIP needs root to make a group's directory");
    }

    char want[512];
    is_int(cd_safefile_write(at("missing/x.ics"), 0, -1, "x", 1, &err), CD_EIO,
           "a missing directory");
    snprintf(want, sizeof want, "%s: the directory %s does not exist", at("missing/x.ics"),
             at("missing"));
    is_str(err.msg, want, "is named");

    spit(at("kept.ics"), "kept\n", 0600);
    struct cd_safefile sf;
    is_int(cd_safefile_open(&sf, at("kept.ics"), 0, -1, &err), 0, "open a replacement");
    fputs("half", sf.f);
    cd_safefile_abort(&sf);
    is_str(slurp(at("kept.ics")), "kept\n", "abort keeps the old content");

    is_int(cd_safefile_open(&sf, at("race.ics"), 0, -1, &err), 0, "open a new name");
    fputs("late", sf.f);
    ok(mkfifo(at("race.ics"), 0600) == 0, "someone puts a FIFO there meanwhile");
    is_int(cd_safefile_commit(&sf, &err), CD_EIO, "commit refuses to rename over it");
    snprintf(want, sizeof want, "%s became a FIFO while it was written; left as it is",
             at("race.ics"));
    is_str(err.msg, want, "with a sentence");
    struct stat st;
    ok(lstat(at("race.ics"), &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO stays");
    is_int(hidden_files(), 0, "no temporary file left");

    ok(cd_safefile_is_stdout("-") && !cd_safefile_is_stdout(at("kept.ics")),
       "'-' is standard output");
    /* standard output to a file, as the shell's > does; a symlink to that file names it */
    int saved = dup(STDOUT_FILENO);
    fflush(stdout);
    int fd = open(at("stdout.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ok(symlink(at("stdout.txt"), at("out-link")) == 0, "a symlink to where standard output goes");
    fflush(stdout);
    dup2(fd, STDOUT_FILENO);
    bool named = cd_safefile_is_stdout(at("out-link"));
    int rc = cd_safefile_write(at("out-link"), 0, -1, "to stdout\n", 10, &err);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(fd);
    close(saved);
    ok(named, "names standard output");
    is_int(rc, 0, "is written to it, not refused");
    is_str(slurp(at("stdout.txt")), "to stdout\n", "the bytes went to standard output");
    ok(lstat(at("out-link"), &st) == 0 && S_ISLNK(st.st_mode), "the symlink stays");
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/cdsafe.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        printf("Bail out! mkdtemp\n");
        return 1;
    }
    new_and_replaced();
    symlinks();
    fifo_and_devices();
    team_and_failures();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        diag("could not remove the test directory");
    return done_testing();
}
